"""The notes database's schema: numbered migrations, the version in ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

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


class Cursor:
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
