"""Command-line front door: `policy-reader` / `python -m reader`.

Exit codes: 0 success, 1 user error (one line on stderr, no traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Collection, Sequence

from reader.cli.common import _OPEN_SESSIONS
from reader.cli.documents import cmd_gui
from reader.cli.parser import build_parser
from reader.errors import ReaderError


def _utf8_streams() -> None:
    """Print UTF-8 on every OS (a Windows console defaults to a legacy code page)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


# A query word to exclude (-碳达峰) looks like an option to argparse: it is carried past the parser in disguise.
_EXCLUDE_MARK = "\x00exclude\x00"


def _protect_exclusions(argv: list[str]) -> list[str]:
    if "search" not in argv:
        return argv
    at = argv.index("search")
    return argv[: at + 1] + [
        _EXCLUDE_MARK + a[1:] if a.startswith("-") and len(a) > 1 and not a[1].isascii() else a for a in argv[at + 1 :]
    ]


def _check_output(output: str | None) -> None:
    """-o FILE writes into an existing folder: a mistyped folder is reported, not created."""
    if not output:
        return
    from pathlib import Path

    folder = Path(output).expanduser().parent
    if not folder.is_dir():
        raise ReaderError(f"无法写入 {output}：文件夹 {folder} 不存在。请先创建该文件夹，或换一个位置。")


_PATH_ARGS = {"file", "output", "data_dir", "backup"}  # file names keep their bytes, so the file can be opened


def _opened_with(argv: list[str], commands: Collection[str]) -> list[str]:
    """``PolicyReader FILE`` — what the OS runs for Open With or a file dropped on the program — means ``gui FILE``
    (after any global options: ``--data-dir DIR FILE`` too)."""
    from pathlib import Path

    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in ("--data-dir", "--lang") else 1  # an option and its value
    if i < len(argv) and argv[i] not in commands:
        path = Path(argv[i])
        if path.is_file():
            return [*argv[:i], "gui", *argv[i:]]
        if "/" in argv[i] or os.sep in argv[i] or path.suffix.lower() in _DOCUMENT_SUFFIXES:
            # a file that was moved or renamed since the desktop offered it: say so, not "invalid command"
            if path.is_dir():
                raise ReaderError(
                    f"无法打开 {argv[i]}：这是文件夹。要导入其中的文件，请用 policy-reader import {argv[i]}。"
                )
            raise ReaderError(f"无法打开 {argv[i]}：文件不存在（可能已被移动或改名）。请检查文件名与位置。")
    return argv


_DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".docx", ".pdf"}


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    commands = next(
        (a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)),
        {},
    )
    try:
        opened = _opened_with(given, commands or {})
    except ReaderError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    args = parser.parse_args(_protect_exclusions(opened))
    if isinstance(getattr(args, "query", None), list):  # 科技 -碳达峰 typed as separate words is one query
        args.query = " ".join(a.replace(_EXCLUDE_MARK, "-") for a in args.query)
    from reader.fileio import readable

    for name, value in vars(args).items():  # words typed in a terminal whose encoding is not the system's
        if name not in _PATH_ARGS and isinstance(value, str):
            setattr(args, name, readable(value))
        elif isinstance(value, list) and name not in _PATH_ARGS:
            setattr(args, name, [readable(v) if isinstance(v, str) else v for v in value])
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_gui)
    try:
        _check_output(getattr(args, "output", None))
        return func(args)
    except ReaderError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the file system said no (read-only, full, permissions, a loop): say which file
        from reader.errors import os_error_message
        from reader.paths import ENV_HOME

        folder = getattr(args, "data_dir", None) or os.environ.get(ENV_HOME) or "数据文件夹"
        print(f"错误：{os_error_message(exc, folder=str(folder))}", file=sys.stderr)
        return 1
    finally:
        for session in _OPEN_SESSIONS:
            try:
                session.close()
            except Exception:  # closing is best effort; SQLite checkpoints on the next open
                pass
        _OPEN_SESSIONS.clear()
