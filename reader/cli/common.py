"""What the commands share: the session (closed when the command ends), JSON, CSV and text output (to stdout or
``-o FILE``), progress on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _emit_csv(header: Sequence[str], rows: Sequence[Sequence[Any]], output: str | None, unit: str = "行") -> None:
    """CSV for Excel, with the BOM it needs: into ``output`` (saying how many rows went there) or to stdout."""
    from reader.exporting import csv_text, write_csv

    if output:
        write_csv(output, header, rows)
        print(f"已写入 {len(rows)} {unit}：{output}", file=sys.stderr)
    else:
        sys.stdout.write("\ufeff" + csv_text(header, rows))


def _emit_text(text: str, output: str | None, say: bool = False) -> None:
    """Text into ``output`` (written whole or not at all; ``say`` tells where on stderr) or to stdout."""
    if output:
        from pathlib import Path

        from reader.fileio import atomic_write_text

        atomic_write_text(Path(output), text)
        if say:
            print(f"已写入：{output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


_OPEN_SESSIONS: list[Any] = []


def _session(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reader.session import Session

    session = Session(getattr(args, "data_dir", None))
    _OPEN_SESSIONS.append(session)  # closed when the command ends: the notes database is left whole
    return session


def _stderr_progress(percent: int, label: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r正在建立索引 {percent:3d}% {label[:30]}")
        sys.stderr.flush()
