"""Crash-safe file writes shared by the library, exports and the index."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

# The process's umask, read once at import (reading it means setting it, which must not race with other threads):
# a written file gets the permissions any program's new file gets, not mkstemp's owner-only 0600.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so that readers see either the old or the new content, never a mix."""
    atomic_write_chunks(path, (text,))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a binary file so that readers see either the old or the new content, never a mix."""
    _atomic_write(path, lambda f: f.write(data), binary=True)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    import hashlib

    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def readable(text: str) -> str:
    """Text the OS handed over with bytes it could not decode (Python's surrogate escapes: a GBK file name from a
    zip, a query typed in a GBK terminal on a UTF-8 system), made readable: the original bytes are read as GB18030
    when they are valid GB18030 (some GBK byte pairs are also valid UTF-8, so the whole text is decoded again, not
    only the escaped bytes), otherwise the undecodable bytes are shown as U+FFFD. Other text is returned unchanged."""
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    text = re.sub("[\ud800-\udc7f\udd00-\udfff]", "", text)  # surrogates that stand for no byte
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def atomic_write_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Write a file from pieces of text so that readers see either the old or the new content, never a mix (a
    temporary file, synced, renamed). A large document's JSON is never held whole in memory; the iterable may
    raise (Cancelled) to stop, and then nothing is written."""
    _atomic_write(path, lambda f: f.writelines(chunks), binary=False)


def _atomic_write(path: Path, fill: Callable[[IO[Any]], object], binary: bool) -> None:
    """A temporary file beside ``path``, filled by ``fill``, synced and renamed over it; removed on any failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~_UMASK)
        opened: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with opened as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


STALE_TEMP_S = 3600  # a write in progress (another window) is seconds old; an hour-old temporary file is debris


def remove_stale_temp(folders: Iterable[Path]) -> int:
    """Delete the temporary files (``.name.xxxx.tmp``) that a killed write left in these folders; returns how many.
    Only files older than an hour: another window may be writing one right now."""
    import time

    removed = 0
    cutoff = time.time() - STALE_TEMP_S
    for folder in folders:
        try:
            candidates = list(folder.glob(".*.tmp"))
        except OSError:
            continue
        for p in candidates:
            try:
                if p.is_file() and p.stat().st_mtime < cutoff:
                    p.unlink()
                    removed += 1
            except OSError:
                pass
    return removed


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Text safe to store and encode: lone surrogates (from a damaged clipboard or a mis-decoded argument) cannot
    be written as UTF-8 and never occur in a document, so they are dropped."""
    return _SURROGATE.sub("", text) if _SURROGATE.search(text) else text
