"""Where things live: bundled resources (read-only) and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader import APP_ID
from reader.errors import DataDirError

ENV_HOME = "POLICY_READER_HOME"


def resources_dir() -> Path:
    """The read-only `resources/` folder, in a source checkout or inside a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    """Path of one bundled resource file."""
    return resources_dir() / name


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The one folder holding all user data; created on first use.

    Precedence: explicit override (``--data-dir``), then ``POLICY_READER_HOME``,
    then the platform's user data dir.
    """
    if override:
        path = Path(override)
    elif os.environ.get(ENV_HOME):
        path = Path(os.environ[ENV_HOME])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    try:
        path = path.expanduser().resolve()
        path.mkdir(parents=True, exist_ok=True)
    except ValueError as exc:  # a NUL or an unnameable character in the path
        raise DataDirError(
            f"数据文件夹的路径 {str(path)!r} 中有无法识别的字符（请用 --data-dir 指定一个普通的文件夹）"
        ) from exc
    except (OSError, RuntimeError) as exc:
        raise DataDirError(
            f"无法创建数据文件夹 {path}：{getattr(exc, 'strerror', None) or exc}（请用 --data-dir 指定一个可写的文件夹）"
        ) from exc
    return path
