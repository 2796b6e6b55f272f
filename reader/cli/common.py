"""What the commands share: the session (closed when the command ends), JSON output, progress on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


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
