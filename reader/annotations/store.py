"""The annotations database: one SQLite file in the data folder (schema in ``schema.py``, files in ``files.py``).

WAL journal, every write its own short transaction (durable on return). A newer version's database is refused
untouched, a corrupt one reported (one copy kept), one that cannot be written opened read-only; checked daily backups.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.annotations.anchor import context, locate
from reader.annotations.files import (
    SQLITE_MAGIC,
    check_backup,
    clean_backup_dir,
    copy_aside,
    good_backups,
    is_corrupt,
    make_backup,
    restore,
)
from reader.annotations.model import COLORS, INT_FIELDS, KINDS, STATUSES, Annotation
from reader.annotations.schema import MIGRATIONS, SCHEMA_VERSION, Cursor
from reader.document.model import Document
from reader.errors import AnnotationStoreError, ReaderError
from reader.fileio import without_surrogates

__all__ = ["COLORS", "KINDS", "SCHEMA_VERSION", "STATUSES", "Annotation", "AnnotationStore", "check_backup", "restore"]

BACKUP_EVERY_S = 24 * 3600


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
            if is_corrupt(exc):
                self._corrupt(exc)
            self._open_read_only(exc)
        if not self.read_only:
            try:
                self._maybe_backup(clean_backup_dir(self.path, self.backup_dir))
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
            backup = copy_aside(self.path, self.backup_dir, "newer")
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

    def _corrupt(self, exc: Exception) -> None:
        self._close_quietly()
        backup = copy_aside(self.path, self.backup_dir, "corrupt")
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
                cur.executescript_safe(MIGRATIONS[number - 1])
                cur.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the lock (busy timeout) instead of failing."""
        if self.read_only:
            raise ReaderError(self.read_only_reason)
        cur = Cursor(self.con)
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
        return good_backups(self.path, self.backup_dir)

    def latest_backup(self) -> str | None:
        good = self.backups()
        return str(good[0]) if good else None

    def _maybe_backup(self, good: builtins.list[Path]) -> None:
        """A backup when the newest good one (``good``, newest first) is a day old or there is none."""
        if good and time.time() - good[0].stat().st_mtime < BACKUP_EVERY_S:
            return
        if self.count(include_deleted=True) == 0:
            return
        self.backup()

    def backup(self) -> Path:
        """A checked copy of the database in the backups folder (see ``files.make_backup``)."""
        self.con.execute("BEGIN")  # one snapshot for the count and the copy
        try:
            return make_backup(self.con, self.path, self.backup_dir, self.count(include_deleted=True))
        finally:
            self.con.execute("COMMIT")

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
        fields = [c.strip().strip('"') for c in _COLUMNS.split(",")]
        cur.execute(
            f"INSERT INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * len(fields))})",
            tuple(getattr(a, f) for f in fields),
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
            sets: builtins.list[str] = ["updated = ?"]
            args: builtins.list[Any] = [time.time()]
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

    def list(
        self, doc: str | None = None, include_deleted: bool = False, kind: str | None = None
    ) -> builtins.list[Annotation]:
        sql = f"SELECT {_COLUMNS} FROM annotations WHERE 1 = 1"
        args: builtins.list[Any] = []
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
        if not all(isinstance(values[k], int) and values[k] >= 0 for k in INT_FIELDS):
            values.update(block=0, start=0, end=0, status="orphaned")
        return Annotation(**values)

    def _with_tags(self, items: builtins.list[Annotation]) -> builtins.list[Annotation]:
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
            if (anchor.block, anchor.block_id, anchor.start, anchor.end, anchor.status) != (
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
                changes.append((anchor.block, anchor.block_id, anchor.start, anchor.end, anchor.status, node, a.id))
        if changes:
            with self.transaction() as cur:
                cur.executemany(
                    'UPDATE annotations SET block = ?, block_id = ?, start = ?, "end" = ?, status = ?, node = ? WHERE id = ?',
                    changes,
                )
        return counts

    # ---------------------------------------------------------------- JSON round trip
    def export_json(self, doc: str | None = None, documents: dict[str, Any] | None = None) -> dict[str, Any]:
        """The notes (of one document or all); ``documents``: what is known of their documents (title, issuer,
        文号 …), carried along for the reader of the file (an import reads only the notes)."""
        data = {
            "format": "policy-reader-annotations",
            "version": SCHEMA_VERSION,
            "exported": time.time(),
            "annotations": [a.to_json() for a in self.list(doc, include_deleted=False)],
        }
        if documents:
            data["documents"] = documents
        return data

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

    def dumps(self, doc: str | None = None, documents: dict[str, Any] | None = None) -> str:
        return json.dumps(self.export_json(doc, documents), ensure_ascii=False, indent=1)
