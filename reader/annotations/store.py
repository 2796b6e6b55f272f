"""The annotations database: one SQLite file in the data folder.

WAL journal, foreign keys on, every write in its own short transaction (durable on return),
schema version in ``PRAGMA user_version`` with numbered migrations. A database written by a
newer version is refused and left untouched (a copy is kept in ``backups/``); a corrupt one is
detected on open, copied to ``backups/`` and reported, and the app carries on read-only.
Daily rotating backups are made with SQLite's online backup API.
"""

from __future__ import annotations

import json
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
        fields = {k: data[k] for k in Annotation.__dataclass_fields__ if k in data}
        missing = {"id", "doc", "kind"} - set(fields)
        if missing:
            raise ValueError(f"缺少字段 {', '.join(sorted(missing))}")
        defaults: dict[str, Any] = {
            "block": 0, "block_id": "", "start": 0, "end": 0, "node": "", "quote": "", "prefix": "",
            "suffix": "", "color": "", "note": "", "name": "", "status": "exact",
            "created": time.time(), "updated": time.time(), "deleted": None, "tags": [],
        }  # fmt: skip
        return Annotation(**{**defaults, **fields})


_COLUMNS = (
    'id, doc, kind, block, block_id, start, "end", node, quote, prefix, suffix, color, note, name, status,'
    " created, updated, deleted"
)


class AnnotationStore:
    """Open (creating or migrating) the database at ``path``. Raises AnnotationStoreError when it cannot be used."""

    def __init__(self, path: Path, backup_dir: Path | None = None) -> None:
        self.path = path
        self.backup_dir = backup_dir or path.parent / "backups"
        self.read_only = False
        self._check_file()
        try:
            self.con = sqlite3.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
            self.con.row_factory = sqlite3.Row
            self.con.execute("PRAGMA busy_timeout = 10000")
            self.con.execute("PRAGMA foreign_keys = ON")
            version = self.con.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                self.con.close()
                backup = self._copy_aside("newer")
                raise AnnotationStoreError(
                    f"批注数据库 {path} 来自更新版本的政策阅读器（格式 {version}，本程序只认识到 {SCHEMA_VERSION}）。"
                    f"为免损坏，本程序不会打开或改动它（已另存副本 {backup}）。请升级政策阅读器后再打开。",
                    backup,
                )
            check = self.con.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(check)
            self.con.execute("PRAGMA journal_mode = WAL")
            self.con.execute("PRAGMA synchronous = FULL")  # a returned write survives a power cut
            self._migrate(version)
        except sqlite3.DatabaseError as exc:
            self._corrupt(exc)
        self._maybe_backup()

    # ---------------------------------------------------------------- opening safely
    def _check_file(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size > 0:
            with self.path.open("rb") as f:
                if f.read(16) != SQLITE_MAGIC:
                    self._corrupt(sqlite3.DatabaseError("file is not a database"))

    def _copy_aside(self, why: str) -> str:
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.backup_dir / f"{self.path.stem}-{why}-{stamp}{self.path.suffix}"
        shutil.copy2(self.path, target)
        for extra in ("-wal", "-shm"):
            side = Path(str(self.path) + extra)
            if side.exists():
                shutil.copy2(side, Path(str(target) + extra))
        return str(target)

    def _corrupt(self, exc: Exception) -> None:
        try:
            self.con.close()
        except Exception:
            pass
        backup = self._copy_aside("corrupt")
        latest = self.latest_backup()
        advice = (
            f"可用最近的自动备份 {latest} 替换它（先关闭程序）。"
            if latest
            else "可把副本交给技术支持，或用 sqlite3 的 .recover 命令抢救。"
        )
        raise AnnotationStoreError(
            f"批注数据库 {self.path} 已损坏（{exc}）。程序不会改动它，已另存副本 {backup}；批注功能暂时只读停用。{advice}",
            backup,
        )

    def _migrate(self, version: int) -> None:
        for number in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction() as cur:
                cur.executescript_safe(MIGRATIONS[number - 1])  # type: ignore[attr-defined]
                cur.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the lock (busy timeout) instead of failing."""
        if self.read_only:
            raise ReaderError("批注数据库当前为只读，无法保存更改。")
        cur = _Cursor(self.con)
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked for longer than the busy timeout
            raise ReaderError(f"批注数据库 {self.path} 正被另一个程序占用（{exc}），请稍后再试。") from exc
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
    def latest_backup(self) -> str | None:
        found = sorted(self.backup_dir.glob(f"{self.path.stem}-daily-*{self.path.suffix}"))
        return str(found[-1]) if found else None

    def _maybe_backup(self) -> None:
        latest = self.latest_backup()
        if latest and time.time() - Path(latest).stat().st_mtime < BACKUP_EVERY_S:
            return
        if self.count(include_deleted=True) == 0:
            return
        self.backup()

    def backup(self) -> Path:
        """A consistent copy made with the online backup API; keeps the newest BACKUPS_KEPT."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        target = self.backup_dir / f"{self.path.stem}-daily-{time.strftime('%Y%m%d-%H%M%S')}{self.path.suffix}"
        dest = sqlite3.connect(str(target))
        try:
            self.con.backup(dest)
        finally:
            dest.close()
        old = sorted(self.backup_dir.glob(f"{self.path.stem}-daily-*{self.path.suffix}"))
        for stale in old[:-BACKUPS_KEPT]:
            stale.unlink(missing_ok=True)
        return target

    def close(self) -> None:
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
        return Annotation(**{k: row[k] for k in row.keys()})

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
        parsed = []
        for n, item in enumerate(items):
            try:
                a = Annotation.from_json(item)
            except (TypeError, ValueError) as exc:
                raise ReaderError(f"批注 JSON 第 {n + 1} 项无效：{exc}") from exc
            if a.kind not in KINDS:
                raise ReaderError(f"批注 JSON 第 {n + 1} 项的类型“{a.kind}”未知。")
            parsed.append(a)
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
