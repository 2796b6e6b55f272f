"""A log of unexpected errors in the data folder, for bug reports — without a word of the user's documents.

An exception that escapes the window (a bug) is written to ``DATA/logs/errors.log``: when, the program and
system versions, the exception's type and where in the program it happened (file, line, function and that line
of *our* source). The exception's message is left out, and so are the values of variables: either may hold text
of a plan or of a note. The log is rotated (three files of at most 256 KB), so it never grows without bound.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from reader import __version__

LOG_NAME = "errors.log"
MAX_BYTES = 256 * 1024
KEPT = 3  # errors.log, errors.log.1, errors.log.2


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def entry(exc: BaseException, tb: TracebackType | None) -> str:
    """The log entry for one exception (and the exceptions it was raised from), without its message."""
    lines = [
        f"=== {time.strftime('%Y-%m-%d %H:%M:%S')} · 政策阅读器 {__version__} · Python {platform.python_version()}"
        f" · {platform.system()} {platform.release()} {platform.machine()}"
    ]
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for n, e in enumerate(reversed(chain)):
        if n:
            lines.append("  -- then, while handling it:")
        lines.append(f"  {type(e).__module__}.{type(e).__qualname__}")
        for frame in traceback.extract_tb(e.__traceback__ if e is not exc else tb):
            lines.append(f"    {_short(frame.filename)}:{frame.lineno} in {frame.name}")
            if _ours(frame.filename) and frame.line:
                lines.append(f"      {frame.line.strip()}")
    return "\n".join(lines) + "\n"


def write(data_dir: Path, exc: BaseException, tb: TracebackType | None) -> Path | None:
    """Append the entry to the log (rotating it first when full); the log's path, or None if it cannot be
    written (a read-only or full disk must not turn one error into two)."""
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = entry(exc, tb)
        if path.exists() and path.stat().st_size + len(text.encode("utf-8")) > MAX_BYTES:
            for n in range(KEPT - 1, 0, -1):
                older = path.with_name(f"{LOG_NAME}.{n}")
                newer = path.with_name(f"{LOG_NAME}.{n - 1}") if n > 1 else path
                if newer.exists():
                    os.replace(newer, older)
        with path.open("a", encoding="utf-8") as f:
            f.write(text)
        return path
    except OSError:
        return None


_PACKAGE = Path(__file__).resolve().parent


def _ours(filename: str) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(_PACKAGE)
    except (OSError, ValueError):
        return False


def _short(filename: str) -> str:
    """reader/… for our modules, the library's path from site-packages for others, never the user's home."""
    path = Path(filename)
    if _ours(filename):
        return str(Path("reader") / path.resolve().relative_to(_PACKAGE))
    parts = path.parts
    for anchor in ("site-packages", "dist-packages", "lib-dynload"):
        if anchor in parts:
            return str(Path(*parts[parts.index(anchor) + 1 :]))
    if sys.base_prefix and filename.startswith(sys.base_prefix):
        return str(Path("python") / path.relative_to(sys.base_prefix))
    return path.name
