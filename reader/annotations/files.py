"""The notes database as files: checked backups, restoring one, and copies that never leave a short file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from reader.annotations.schema import SCHEMA_VERSION
from reader.errors import ReaderError
from reader.fileio import file_sha256

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Damaged content, as opposed to a file that cannot be opened or written (read-only, full, no permission)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    text = str(exc)
    return "malformed" in text or "not a database" in text


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for syncing; its renames are journalled by NTFS
    try:
        fsync_file(path)
    except OSError:
        pass


def copy_durably(source: Path, target: Path) -> None:
    """Copy under a temporary name, sync, rename: a crash or a full disk never leaves a short file by that name."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copyfile(source, tmp)
        fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        unlink_quietly(tmp)
        raise
    fsync_dir(target.parent)


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
        copy_durably(backup, path)
    except OSError as exc:
        raise ReaderError(
            f"无法换回备份：{exc.strerror or exc}（{exc.filename or path}）。"
            + (f"原来的数据库已移到 {kept}。" if kept and not path.exists() else "原来的数据库未改动。")
        ) from exc
    return notes, kept


# ---------------------------------------------------------------- daily backups
BACKUPS_KEPT = 7


def good_backups(db: Path, backup_dir: Path) -> list[Path]:
    """The daily backups of ``db`` that are good to restore (checked, not just present), newest first."""
    found = sorted(backup_dir.glob(f"{db.stem}-daily-*{db.suffix}"), reverse=True)
    return [p for p in found if check_backup(p) is not None]


def clean_backup_dir(db: Path, backup_dir: Path) -> list[Path]:
    """Remove what an interrupted backup left: temporary files and daily backups that do not check out. Returns
    the good ones, newest first (each checked once)."""
    if not backup_dir.is_dir():
        return []
    for leftover in backup_dir.glob(f".{db.stem}-daily-*"):
        unlink_quietly(leftover)
    good = []
    for daily in sorted(backup_dir.glob(f"{db.stem}-daily-*{db.suffix}"), reverse=True):
        if check_backup(daily) is None:
            unlink_quietly(daily)
        else:
            good.append(daily)
    return good


def make_backup(con: sqlite3.Connection, db: Path, backup_dir: Path, expected: int) -> Path:
    """A checked copy: written with SQLite's online backup API under a temporary name, made one self-contained
    file, synced, verified (integrity check, ``expected`` notes — counted in the same snapshot by the caller), then
    renamed into place. Keeps the newest BACKUPS_KEPT. Raises ReaderError (leaving nothing behind) if not good."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    name = f"{db.stem}-daily-{time.strftime('%Y%m%d-%H%M%S')}{db.suffix}"
    target = backup_dir / name
    tmp = backup_dir / f".{name}.tmp"
    try:
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            con.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # no -wal beside a backup
        finally:
            dest.close()
        counted = check_backup(tmp)
        if counted != expected:
            raise ReaderError(f"备份 {target} 校验未通过（应有 {expected} 条批注，读到 {counted}），已放弃这份备份。")
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(backup_dir)
    except BaseException:
        for leftover in (tmp, Path(str(tmp) + "-journal"), Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            unlink_quietly(leftover)
        raise
    old = sorted(backup_dir.glob(f"{db.stem}-daily-*{db.suffix}"))
    for stale in old[:-BACKUPS_KEPT]:
        unlink_quietly(stale)
    return target


def copy_aside(db: Path, backup_dir: Path, why: str) -> str | None:
    """Keep a copy of the database file (and its -wal/-shm) as it is, once: an identical copy already kept is
    reused. None if no copy could be made (full or read-only disk)."""
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        current = file_sha256(db)
        for earlier in sorted(backup_dir.glob(f"{db.stem}-{why}-*{db.suffix}")):
            if earlier.stat().st_size == db.stat().st_size and file_sha256(earlier) == current:
                return str(earlier)
        target = backup_dir / f"{db.stem}-{why}-{time.strftime('%Y%m%d-%H%M%S')}{db.suffix}"
        copy_durably(db, target)
        for extra in ("-wal", "-shm"):
            side = Path(str(db) + extra)
            if side.exists():
                copy_durably(side, Path(str(target) + extra))
        return str(target)
    except OSError:
        return None
