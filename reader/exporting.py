"""Safe exports: CSV that opens in Excel and cannot run formulas, and file names that are just names."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reader.fileio import atomic_write_text

# A cell starting with one of these is a formula in Excel, LibreOffice and Numbers (CWE-1236).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def csv_cell(value: Any) -> str:
    """Text for one CSV cell; text that a spreadsheet would evaluate is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) and not value.is_integer() else str(int(value))
    text = str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with CRLF line ends; callers write it with :func:`write_csv` to get the BOM Excel needs."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """Write UTF-8 with a BOM, so that Excel on Windows shows Chinese correctly."""
    target = Path(path)
    atomic_write_text(target, "\ufeff" + csv_text(header, rows))
    return target


def safe_filename(name: str, default: str = "export", limit: int = 80) -> str:
    """A file name (no directories, no reserved device names) built from a title."""
    cleaned = _UNSAFE_NAME.sub("_", name).strip(" .")
    cleaned = cleaned.replace("..", "_")[:limit].strip(" .")
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        return default
    return cleaned
