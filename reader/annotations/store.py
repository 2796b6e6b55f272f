"""The annotations database: one SQLite file in the data folder.

WAL journal, foreign keys on, every write in its own short transaction (durable on return),
schema version in ``PRAGMA user_version`` with numbered migrations. A database written by a
newer version is refused and left untouched (a copy is kept in ``backups/``); a corrupt one is
detected on open, copied to ``backups/`` and reported, and the app carries on read-only.
Daily rotating backups are made with SQLite's online backup API.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.annotations.anchor import context, locate
from reader.document.model import Document
from reader.errors import AnnotationStoreError, ReaderError
from reader.fileio import without_surrogates

KINDS = ("highlight", "note", "bookmark")
COLORS = ("yellow", "green", "blue", "pink")
BACKUPS_KEPT = 7
BACKUP_EVERY_S = 24 * 3600
SQLITE_MAGIC = b"SQLite format 3\x00"

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'bookmark')),
        block INTEGER NOT NULL DEFAULT 0,
        block_id TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL DEFAULT 0,
        "end" INTEGER NOT NULL DEFAULT 0,
        node TEXT NOT NULL DEFAULT '',
        quote TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'exact',
        created REAL NOT NULL,
        updated REAL NOT NULL,
        deleted REAL
    );
    CREATE INDEX annotations_doc ON annotations (doc, deleted, block);
    CREATE TABLE tags (
        annotation TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (annotation, tag)
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class Annotation:
    id: str
    doc: str
    kind: str
    block: int
    block_id: str
    start: int
    end: int
    node: str
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    name: str
    status: str
    created: float
    updated: float
    deleted: float | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @staticmethod
    def from_json(data: dict[str, Any]) -> Annotation:
        """An annotation from an export; raises ValueError naming the first field that is missing or wrong."""
        if not isinstance(data, dict):
            raise ValueError("不是一个对象")
        missing = {"id", "doc", "kind"} - set(data)
        if missing:
            raise ValueError(f"缺少字段 {', '.join(sorted(missing))}")
        now = time.time()
        values: dict[str, Any] = {
            "block": 0, "block_id": "", "start": 0, "end": 0, "node": "", "quote": "", "prefix": "",
            "suffix": "", "color": "", "note": "", "name": "", "status": "exact",
            "created": now, "updated": now, "deleted": None, "tags": [],
        }  # fmt: skip
        for name in Annotation.__dataclass_fields__:
            if name not in data:
                continue
            value = data[name]
            if name in _INT_FIELDS:
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise ValueError(f"字段 {name} 应为非负整数，读到 {value!r}")
            elif name in ("created", "updated") or (name == "deleted" and value is not None):
                if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
                    raise ValueError(f"字段 {name} 应为时间戳（数字），读到 {value!r}")
                value = float(value)
            elif name == "tags":
                if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                    raise ValueError(f"字段 tags 应为文字列表，读到 {value!r}")
                value = sorted({t.strip() for t in value if t.strip()})
            elif name != "deleted" and not isinstance(value, str):
                raise ValueError(f"字段 {name} 应为文字，读到 {value!r}")
            values[name] = value
        if not values["id"] or not values["doc"]:
            raise ValueError("字段 id 和 doc 不能为空")
        if values["kind"] not in KINDS:
            raise ValueError(f"类型“{values['kind']}”未知（可用：{'、'.join(KINDS)}）")
        if values["color"] and values["color"] not in COLORS:
            raise ValueError(f"颜色“{values['color']}”未知（可用：{'、'.join(COLORS)}）")
        if values["status"] not in STATUSES:
            raise ValueError(f"状态“{values['status']}”未知")
        if values["start"] > values["end"]:
            raise ValueError(f"起始位置 {values['start']} 在结束位置 {values['end']} 之后")
        return Annotation(**values)


_INT_FIELDS = ("block", "start", "end")
STATUSES = ("exact", "moved", "fuzzy", "orphaned")


_COLUMNS = (
    'id, doc, kind, block, block_id, start, "end", node, quote, prefix, suffix, color, note, name, status,'
    " created, updated, deleted"
)


class AnnotationStore:
    """Open (creating or migrating) the database at ``path``. Raises AnnotationStoreError when it cannot be used.

    A database that cannot be written (read-only folder or disk, full disk, no permission) but can be read is
    opened read-only: notes can be listed and exported, changes are refused with a message saying why.
    """

    def __init__(self, path: Path, backup_dir: Path | None = None) -> None:
        self.path = path
        self.backup_dir = backup_dir or path.parent / "backups"
        self.read_only = False
        self.read_only_reason = "批注数据库当前为只读，无法保存更改。"
        self._check_file()
        try:
            self._open()
        except sqlite3.Error as exc:
            self._close_quietly()
            if _is_corrupt(exc):
                self._corrupt(exc)
            self._open_read_only(exc)
        if not self.read_only:
            self._clean_backup_dir()
            try:
                self._maybe_backup()
            except (OSError, sqlite3.Error, ReaderError):
                pass  # a backup is a safety net: a failed one leaves nothing behind and is retried next start

    # ---------------------------------------------------------------- opening safely
    def _check_file(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnnotationStoreError(
                f"无法创建批注数据库所在的文件夹 {self.path.parent}：{exc.strerror or exc}。"
                "请检查权限，或用 --data-dir 换一个可写的数据文件夹。"
            ) from exc
        if self.path.is_dir():
            raise AnnotationStoreError(
                f"批注数据库的位置 {self.path} 是一个文件夹，不是文件。请把它移走或改名后重新打开。"
            )
        try:
            with self.path.open("rb") as f:
                head = f.read(16)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise AnnotationStoreError(
                f"无法读取批注数据库 {self.path}：{exc.strerror or exc}。请检查该文件的权限。"
            ) from exc
        if head and head != SQLITE_MAGIC:
            self._corrupt(sqlite3.DatabaseError("file is not a database"))

    def _open(self) -> None:
        self.con = sqlite3.connect(str(self.path), timeout=10.0, isolation_level=None, check_same_thread=False)
        self.con.row_factory = sqlite3.Row
        self.con.execute("PRAGMA busy_timeout = 10000")
        self.con.execute("PRAGMA foreign_keys = ON")
        self._refuse_newer()
        check = self.con.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        self._set_wal()
        self.con.execute("PRAGMA synchronous = FULL")  # a returned write survives a power cut
        self._migrate()

    def _refuse_newer(self) -> None:
        version = self.con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self.con.close()
            backup = self._copy_aside("newer")
            raise AnnotationStoreError(
                f"批注数据库 {self.path} 来自更新版本的政策阅读器（格式 {version}，本程序只认识到 {SCHEMA_VERSION}）。"
                f"为免损坏，本程序不会打开或改动它（已另存副本 {backup}）。请升级政策阅读器后再打开。",
                backup,
            )

    def _set_wal(self) -> None:
        """Switching to WAL needs a moment alone with the file: on a new database several processes may ask at once."""
        for attempt in range(100):
            try:
                self.con.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.05)

    def _open_read_only(self, exc: sqlite3.Error) -> None:
        """The file cannot be opened for writing: read what it holds, change nothing, and say why."""
        reason = (
            f"批注数据库 {self.path} 无法写入（{exc}）：数据文件夹只读、磁盘已满或没有权限。"
            "已保存的批注未受影响。腾出空间、检查权限，或用 --data-dir 换一个可写的数据文件夹后再改批注。"
        )
        wal = Path(str(self.path) + "-wal")
        uris = [f"{self.path.as_uri()}?mode=ro"]
        if not (wal.exists() and wal.stat().st_size > 0):  # everything is in the main file: read it as it is
            uris.append(f"{self.path.as_uri()}?immutable=1")
        if self.path.exists() and self.path.stat().st_size > 0:
            for uri in uris:
                try:
                    self.con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
                    self.con.row_factory = sqlite3.Row
                    self._refuse_newer()
                    if self.con.execute("PRAGMA quick_check").fetchone()[0] == "ok" and self._has_schema():
                        self.read_only = True
                        self.read_only_reason = reason
                        return
                except sqlite3.Error:
                    pass
                self._close_quietly()
        raise AnnotationStoreError(reason)

    def _has_schema(self) -> bool:
        row = self.con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'annotations'").fetchone()
        return bool(row[0])

    def _close_quietly(self) -> None:
        con = getattr(self, "con", None)
        if con is not None:
            try:
                con.close()
            except sqlite3.Error:
                pass

    def _copy_aside(self, why: str) -> str | None:
        """Keep a copy of the file as it is (once: an identical copy already kept is reused). None if impossible."""
        try:
            self.backup_dir.mkdir(parents=True, exist_ok=True)
            digest = _digest(self.path)
            for earlier in sorted(self.backup_dir.glob(f"{self.path.stem}-{why}-*{self.path.suffix}")):
                if earlier.stat().st_size == self.path.stat().st_size and _digest(earlier) == digest:
                    return str(earlier)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            target = self.backup_dir / f"{self.path.stem}-{why}-{stamp}{self.path.suffix}"
            _copy_durably(self.path, target)
            for extra in ("-wal", "-shm"):
                side = Path(str(self.path) + extra)
                if side.exists():
                    _copy_durably(side, Path(str(target) + extra))
            return str(target)
        except OSError:
            return None

    def _corrupt(self, exc: Exception) -> None:
        self._close_quietly()
        backup = self._copy_aside("corrupt")
        latest = self.latest_backup()
        kept = f"已另存副本 {backup}" if backup else "无法另存副本（磁盘已满或只读？）"
        advice = (
            f"可用 policy-reader notes restore {latest} 换回最近的完好备份（会先把这个文件留作副本）。"
            if latest
            else "可把副本交给技术支持，或用 sqlite3 的 .recover 命令抢救。"
        )
        raise AnnotationStoreError(
            f"批注数据库 {self.path} 已损坏（{exc}）。程序不会改动它，{kept}；批注功能暂时停用。{advice}",
            backup,
        )

    def _migrate(self) -> None:
        if self.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        with self.transaction() as cur:  # under the write lock: another process may have just done it
            version = cur.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version + 1, SCHEMA_VERSION + 1):
                cur.executescript_safe(MIGRATIONS[number - 1])  # type: ignore[attr-defined]
                cur.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the lock (busy timeout) instead of failing."""
        if self.read_only:
            raise ReaderError(self.read_only_reason)
        cur = _Cursor(self.con)
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):  # locked for longer than the busy timeout
                raise ReaderError(f"批注数据库 {self.path} 正被另一个程序占用（{exc}），请稍后再试。") from exc
            raise ReaderError(
                f"无法写入批注数据库 {self.path}（{exc}）：磁盘已满或数据文件夹只读？这次更改没有保存。"
            ) from exc
        try:
            yield cur
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise ReaderError(
                f"无法保存到批注数据库 {self.path}（{exc}）：磁盘已满或数据文件夹只读？"
                "这次更改没有保存，之前保存的批注都完好。腾出空间或换一个可写的数据文件夹后再试。"
            ) from exc
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self.con.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._rollback()
                raise ReaderError(
                    f"无法保存到批注数据库 {self.path}（{exc}）：磁盘已满或数据文件夹只读？这次更改没有保存。"
                ) from exc

    def _rollback(self) -> None:
        if self.con.in_transaction:  # SQLite rolls back by itself after some errors (SQLITE_FULL)
            self.con.execute("ROLLBACK")

    # ---------------------------------------------------------------- backups
    def backups(self) -> list[Path]:
        """The daily backups that are good to restore (checked, not just present), newest first."""
        found = sorted(self.backup_dir.glob(f"{self.path.stem}-daily-*{self.path.suffix}"), reverse=True)
        return [p for p in found if check_backup(p) is not None]

    def latest_backup(self) -> str | None:
        good = self.backups()
        return str(good[0]) if good else None

    def _clean_backup_dir(self) -> None:
        """Remove what an interrupted backup left: temporary files and daily backups that do not check out."""
        if not self.backup_dir.is_dir():
            return
        for leftover in self.backup_dir.glob(f".{self.path.stem}-daily-*"):
            _unlink(leftover)
        for daily in self.backup_dir.glob(f"{self.path.stem}-daily-*{self.path.suffix}"):
            if check_backup(daily) is None:
                _unlink(daily)

    def _maybe_backup(self) -> None:
        good = self.backups()
        if good and time.time() - good[0].stat().st_mtime < BACKUP_EVERY_S:
            return
        if self.count(include_deleted=True) == 0:
            return
        self.backup()

    def backup(self) -> Path:
        """A checked copy: written with SQLite's online backup API under a temporary name, synced, verified
        (integrity check, same number of notes as the database it was taken from), then renamed into place.
        Keeps the newest BACKUPS_KEPT. Raises ReaderError (and leaves nothing behind) if the copy is not good."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        name = f"{self.path.stem}-daily-{time.strftime('%Y%m%d-%H%M%S')}{self.path.suffix}"
        target = self.backup_dir / name
        tmp = self.backup_dir / f".{name}.tmp"
        try:
            self.con.execute("BEGIN")  # one snapshot for the count and the copy
            try:
                expected = self.count(include_deleted=True)
                dest = sqlite3.connect(str(tmp), isolation_level=None)
                try:
                    self.con.backup(dest)
                finally:
                    dest.close()
            finally:
                self.con.execute("COMMIT")
            dest = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            finally:
                dest.close()
            counted = check_backup(tmp)
            if counted != expected:
                raise ReaderError(
                    f"备份 {target} 校验未通过（应有 {expected} 条批注，读到 {counted}），已放弃这份备份。"
                )
            _fsync_file(tmp)
            os.replace(tmp, target)
            _fsync_dir(self.backup_dir)
        except BaseException:
            for leftover in (tmp, Path(str(tmp) + "-journal"), Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
                _unlink(leftover)
            raise
        old = sorted(self.backup_dir.glob(f"{self.path.stem}-daily-*{self.path.suffix}"))
        for stale in old[:-BACKUPS_KEPT]:
            _unlink(stale)
        return target

    def close(self) -> None:
        """Fold the write-ahead log into the database file, so that the file alone holds every note."""
        if not self.read_only:
            try:
                self.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # another connection is reading; SQLite checkpoints when the last one closes
        self.con.close()

    # ---------------------------------------------------------------- writing
    def add(
        self,
        doc: Document,
        kind: str,
        block: int,
        start: int = 0,
        end: int = 0,
        note: str = "",
        color: str = "",
        tags: Iterable[str] = (),
        name: str = "",
        node: str = "",
    ) -> Annotation:
        """A highlight, note or bookmark on a span of one block (or, with ``node``, on a whole chapter)."""
        if kind not in KINDS:
            raise ReaderError(f"未知的批注类型“{kind}”，可用：{'、'.join(KINDS)}。")
        if color and color not in COLORS:
            raise ReaderError(f"未知的颜色“{color}”，可用：{'、'.join(COLORS)}。")
        if not 0 <= block < len(doc.blocks):
            raise ReaderError(f"文档 {doc.id} 没有第 {block} 段（共 {len(doc.blocks)} 段）。")
        b = doc.blocks[block]
        if kind == "bookmark" and start == end == 0:
            end = min(len(b.text), 24)
        if start > end:
            raise ReaderError(f"起始位置 {start} 在结束位置 {end} 之后：--start 应不大于 --end。")
        if not (0 <= start <= end <= len(b.text)):
            raise ReaderError(f"位置 {start}–{end} 超出第 {block} 段的长度（{len(b.text)} 字）。")
        if kind == "highlight" and start == end:
            raise ReaderError("高亮需要选中至少一个字。")
        note, name = without_surrogates(note), without_surrogates(name)
        tags = [without_surrogates(t) for t in tags]
        quote, prefix, suffix = context(b.text, start, end)
        now = time.time()
        a = Annotation(
            id=uuid.uuid4().hex,
            doc=doc.id,
            kind=kind,
            block=block,
            block_id=b.id,
            start=start,
            end=end,
            node=node or b.node,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            color=color or ("yellow" if kind == "highlight" else ""),
            note=note,
            name=name,
            status="exact",
            created=now,
            updated=now,
            tags=sorted({t.strip() for t in tags if t.strip()}),
        )
        with self.transaction() as cur:
            self._insert(cur, a)
        return a

    def _insert(self, cur: Any, a: Annotation) -> None:
        cur.execute(
            f"INSERT INTO annotations ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                a.doc,
                a.kind,
                a.block,
                a.block_id,
                a.start,
                a.end,
                a.node,
                a.quote,
                a.prefix,
                a.suffix,
                a.color,
                a.note,
                a.name,
                a.status,
                a.created,
                a.updated,
                a.deleted,
            ),
        )
        cur.executemany("INSERT OR IGNORE INTO tags (annotation, tag) VALUES (?, ?)", [(a.id, t) for t in a.tags])

    def update(
        self,
        annotation_id: str,
        note: str | None = None,
        color: str | None = None,
        tags: Iterable[str] | None = None,
        name: str | None = None,
    ) -> Annotation:
        if color is not None and color and color not in COLORS:
            raise ReaderError(f"未知的颜色“{color}”，可用：{'、'.join(COLORS)}。")
        note = without_surrogates(note) if note is not None else None
        name = without_surrogates(name) if name is not None else None
        tags = [without_surrogates(t) for t in tags] if tags is not None else None
        with self.transaction() as cur:
            sets, args = ["updated = ?"], [time.time()]
            for column, value in (("note", note), ("color", color), ("name", name)):
                if value is not None:
                    sets.append(f"{column} = ?")
                    args.append(value)
            cur.execute(f"UPDATE annotations SET {', '.join(sets)} WHERE id = ?", (*args, annotation_id))
            if cur.rowcount == 0:
                raise ReaderError(f"没有编号为 {annotation_id} 的批注。")
            if tags is not None:
                cur.execute("DELETE FROM tags WHERE annotation = ?", (annotation_id,))
                cur.executemany(
                    "INSERT OR IGNORE INTO tags (annotation, tag) VALUES (?, ?)",
                    [(annotation_id, t.strip()) for t in tags if t.strip()],
                )
        return self.get(annotation_id)

    def delete(self, annotation_id: str) -> None:
        """Soft delete: the row stays (undo brings it back); exports and lists leave it out."""
        with self.transaction() as cur:
            cur.execute(
                "UPDATE annotations SET deleted = ?, updated = ? WHERE id = ?",
                (time.time(), time.time(), annotation_id),
            )

    def undelete(self, annotation_id: str) -> None:
        with self.transaction() as cur:
            cur.execute("UPDATE annotations SET deleted = NULL, updated = ? WHERE id = ?", (time.time(), annotation_id))

    # ---------------------------------------------------------------- reading
    def get(self, annotation_id: str) -> Annotation:
        row = self.con.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise ReaderError(f"没有编号为 {annotation_id} 的批注。")
        return self._with_tags([self._row(row)])[0]

    def data_version(self) -> int:
        """A number that changes whenever another connection (another window, the CLI) commits a change."""
        return int(self.con.execute("PRAGMA data_version").fetchone()[0])

    def list(self, doc: str | None = None, include_deleted: bool = False, kind: str | None = None) -> list[Annotation]:
        sql = f"SELECT {_COLUMNS} FROM annotations WHERE 1 = 1"
        args: list[Any] = []
        if doc:
            sql += " AND doc = ?"
            args.append(doc)
        if not include_deleted:
            sql += " AND deleted IS NULL"
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        sql += " ORDER BY doc, block, start, created"
        return self._with_tags([self._row(r) for r in self.con.execute(sql, args)])

    def count(self, include_deleted: bool = False) -> int:
        sql = "SELECT count(*) FROM annotations" + ("" if include_deleted else " WHERE deleted IS NULL")
        return int(self.con.execute(sql).fetchone()[0])

    @staticmethod
    def _row(row: sqlite3.Row) -> Annotation:
        values = {k: row[k] for k in row.keys()}
        # A row written by an older version without type checks (block "第5段") is kept and listed as unplaced,
        # never handed to the reader as a position.
        if not all(isinstance(values[k], int) and values[k] >= 0 for k in _INT_FIELDS):
            values.update(block=0, start=0, end=0, status="orphaned")
        return Annotation(**values)

    def _with_tags(self, items: list[Annotation]) -> list[Annotation]:
        if not items:
            return items
        by_id = {a.id: a for a in items}
        for r in self.con.execute("SELECT annotation, tag FROM tags ORDER BY tag"):
            a = by_id.get(r[0])
            if a is not None:
                a.tags.append(r[1])
        return items

    # ---------------------------------------------------------------- re-anchoring
    def reanchor(self, doc: Document) -> dict[str, int]:
        """After a re-import: move every annotation of ``doc`` to where its text now is. Returns counts by status."""
        counts: dict[str, int] = {}
        changes = []
        for a in self.list(doc.id, include_deleted=True):
            anchor = locate(doc, a.block_id, a.block, a.start, a.end, a.quote, a.prefix, a.suffix)
            counts[anchor.status] = counts.get(anchor.status, 0) + 1
            status = "exact" if anchor.status == "exact" and a.status != "orphaned" else anchor.status
            if (anchor.block, anchor.block_id, anchor.start, anchor.end, status) != (
                a.block,
                a.block_id,
                a.start,
                a.end,
                a.status,
            ):
                node = (
                    doc.blocks[anchor.block].node
                    if anchor.status != "orphaned" and anchor.block < len(doc.blocks)
                    else a.node
                )
                changes.append((anchor.block, anchor.block_id, anchor.start, anchor.end, status, node, a.id))
        if changes:
            with self.transaction() as cur:
                cur.executemany(
                    'UPDATE annotations SET block = ?, block_id = ?, start = ?, "end" = ?, status = ?, node = ? WHERE id = ?',
                    changes,
                )
        return counts

    # ---------------------------------------------------------------- JSON round trip
    def export_json(self, doc: str | None = None) -> dict[str, Any]:
        return {
            "format": "policy-reader-annotations",
            "version": SCHEMA_VERSION,
            "exported": time.time(),
            "annotations": [a.to_json() for a in self.list(doc, include_deleted=False)],
        }

    def import_json(self, data: dict[str, Any]) -> dict[str, int]:
        """Merge an export: new ids are added, newer edits win, identical ones are skipped."""
        if not isinstance(data, dict) or data.get("format") != "policy-reader-annotations":
            raise ReaderError("这不是政策阅读器导出的批注 JSON 文件（缺少 format 字段）。")
        items = data.get("annotations")
        if not isinstance(items, list):
            raise ReaderError("批注 JSON 中没有 annotations 列表。")
        parsed, bad = [], []
        for n, item in enumerate(items):
            try:
                parsed.append(Annotation.from_json(item))
            except ValueError as exc:
                bad.append(f"第 {n + 1} 项{exc}")
        if bad:  # nothing is merged from a file with bad items: fix it (or export again) and import it whole
            shown = "；".join(bad[:5]) + (f"；另有 {len(bad) - 5} 项" if len(bad) > 5 else "")
            raise ReaderError(f"批注 JSON 中有 {len(bad)} 项无效，未导入任何批注：{shown}。")
        added = updated = skipped = 0
        with self.transaction() as cur:
            for a in parsed:
                row = cur.execute("SELECT updated FROM annotations WHERE id = ?", (a.id,)).fetchone()
                if row is None:
                    self._insert(cur, a)
                    added += 1
                elif a.updated > row[0]:
                    cur.execute("DELETE FROM tags WHERE annotation = ?", (a.id,))
                    cur.execute("DELETE FROM annotations WHERE id = ?", (a.id,))
                    self._insert(cur, a)
                    updated += 1
                else:
                    skipped += 1
        return {"added": added, "updated": updated, "skipped": skipped}

    def dumps(self, doc: str | None = None) -> str:
        return json.dumps(self.export_json(doc), ensure_ascii=False, indent=1)


class _Cursor:
    """A thin cursor wrapper so migrations can run multi-statement scripts inside our transaction."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.rowcount = 0

    def execute(self, sql: str, args: Iterable[Any] = ()) -> sqlite3.Cursor:
        cur = self.con.execute(sql, tuple(args))
        self.rowcount = cur.rowcount
        return cur

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        self.con.executemany(sql, [tuple(r) for r in rows])

    def executescript_safe(self, script: str) -> None:
        # executescript() would COMMIT first; run statement by statement to stay in the transaction.
        for statement in script.split(";"):
            if statement.strip():
                self.con.execute(statement)


# ---------------------------------------------------------------- files
def _is_corrupt(exc: sqlite3.Error) -> bool:
    """Damaged content, as opposed to a file that cannot be opened or written (read-only, full, no permission)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    text = str(exc)
    return "malformed" in text or "not a database" in text


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for syncing; its renames are journalled by NTFS
    try:
        _fsync_file(path)
    except OSError:
        pass


def _copy_durably(source: Path, target: Path) -> None:
    """Copy under a temporary name, sync, rename: a crash or a full disk never leaves a short file by that name."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copyfile(source, tmp)
        _fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise
    _fsync_dir(target.parent)


def check_backup(path: Path) -> int | None:
    """The number of notes in a backup that is good to restore (a complete, intact notes database of a version
    this program reads), or None. Reads the file without changing it."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as f:
            if f.read(16) != SQLITE_MAGIC:
                return None
        con = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            if con.execute("PRAGMA user_version").fetchone()[0] not in range(1, SCHEMA_VERSION + 1):
                return None
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return None
            return int(con.execute("SELECT count(*) FROM annotations").fetchone()[0])
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return None


def restore(path: Path, backup: Path, backup_dir: Path | None = None) -> tuple[int, Path | None]:
    """Put ``backup`` in place of the notes database at ``path``, keeping the current file (and its write-ahead
    log, which would otherwise be replayed over the restored file) in the backups folder.

    Returns the number of notes restored and where the replaced database was kept. The program must not have the
    database open meanwhile (close the window first)."""
    backup_dir = backup_dir or path.parent / "backups"
    backup = Path(backup)
    notes = check_backup(backup)
    if notes is None:
        raise ReaderError(
            f"{backup} 不是可用的批注备份（不是完整的批注数据库，或来自更新版本）。"
            "用 policy-reader notes restore 列出可用的备份。"
        )
    kept: Path | None = None
    sides = [Path(str(path) + s) for s in ("-wal", "-shm")]
    try:
        if path.exists() or any(s.exists() for s in sides):
            if path.exists():
                try:  # fold the log into the file, so the copy we keep is the whole old database
                    con = sqlite3.connect(str(path), timeout=2.0, isolation_level=None)
                    try:
                        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    finally:
                        con.close()
                except sqlite3.Error:
                    pass  # a damaged file is kept as it is, with its log beside it
            backup_dir.mkdir(parents=True, exist_ok=True)
            kept = backup_dir / f"{path.stem}-replaced-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}"
            if path.exists():
                os.replace(path, kept)
            for side, suffix in zip(sides, ("-wal", "-shm"), strict=True):
                if side.exists():
                    os.replace(side, Path(str(kept) + suffix))
        _copy_durably(backup, path)
    except OSError as exc:
        raise ReaderError(
            f"无法换回备份：{exc.strerror or exc}（{exc.filename or path}）。"
            + (f"原来的数据库已移到 {kept}。" if kept and not path.exists() else "原来的数据库未改动。")
        ) from exc
    return notes, kept
