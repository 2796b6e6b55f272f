"""Before the window opens on Linux: a platform plugin that cannot load its libraries is one line, not an abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.platform_check import debian_package, missing_library, platform_problem, platforms

from ..conftest import ROOT

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt loads its platform plugins so on Linux")


def test_library_names_give_the_debian_packages_that_ship_them() -> None:
    # Package names as Debian 12 and Ubuntu 24.04 ship them (dpkg -S on the libraries Qt's xcb plugin needs).
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libdbus-1.so.3") == "libdbus-1-3"
    assert debian_package("libxcb-cursor.so.0.0.0") == "libxcb-cursor0"
    assert debian_package("libglib-2.0.so.0") == ""  # libglib2.0-0: the rule does not say, so no guess


def test_platforms_qt_tries_for_a_session() -> None:
    assert platforms({"DISPLAY": ":0"}) == ["xcb"]
    assert platforms({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert platforms({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}) == ["xcb"]
    assert platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    assert platforms({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) == ["offscreen"]


@linux
def test_offscreen_and_minimal_are_not_checked() -> None:
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert platform_problem({"QT_QPA_PLATFORM": "minimal:enable_fonts"}) is None


def _plugin_without_its_qt_library(tmp_path: Path) -> Path:
    """Qt's real xcb plugin, copied where the Qt library it links (libQt6XcbQpa, found next to the plugin folder
    through its RUNPATH) is not: loading it fails on that library, as it would in a damaged installation."""
    from PySide6.QtCore import QLibraryInfo

    real = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    folder = tmp_path / "plugins"
    (folder / "platforms").mkdir(parents=True)
    shutil.copy(real, folder / "platforms" / "libqxcb.so")
    return folder


@linux
def test_a_plugin_that_cannot_load_names_the_library_it_lacks(tmp_path: Path) -> None:
    folder = _plugin_without_its_qt_library(tmp_path)
    assert missing_library(folder / "platforms" / "libqxcb.so") == "libQt6XcbQpa.so.6"
    assert missing_library(tmp_path / "nowhere.so") == "nowhere.so"
    problem = platform_problem({"DISPLAY": ":0", "QT_PLUGIN_PATH": str(folder)})
    assert problem is not None and (problem.platform, problem.library, problem.bundled) == (
        "xcb",
        "libQt6XcbQpa.so.6",
        True,
    )


@linux
def test_gui_with_a_plugin_that_cannot_load_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """What `policy-reader gui` did with a missing library: Qt aborted (exit 134) after a page of plugin names."""
    folder = _plugin_without_its_qt_library(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=":0", QT_PLUGIN_PATH=str(folder))
    run = subprocess.run(
        [sys.executable, "-m", "reader", "gui", "--data-dir", str(tmp_path / "d")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "缺少 libQt6XcbQpa.so.6" in run.stderr and "重新安装" in run.stderr


@linux
def test_a_display_that_does_not_answer_is_named(tmp_path: Path) -> None:
    """DISPLAY set to a display no X server serves: Qt aborted (could not connect to display); now it is named."""
    from PySide6.QtCore import QLibraryInfo

    real = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    if missing_library(real) is not None:
        pytest.skip("this machine lacks the X11 libraries README 'Running on Linux' lists (CI installs them)")
    free = next(n for n in range(87, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    problem = platform_problem({"DISPLAY": f":{free}"})
    assert problem is not None and (problem.platform, problem.display, problem.library) == (
        "xcb",
        f"DISPLAY=:{free}",
        "",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QT_PLUGIN_PATH")}
    env["DISPLAY"] = f":{free}"
    run = subprocess.run(
        [sys.executable, "-m", "reader", "gui", "--data-dir", str(tmp_path / "d")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1 and run.stderr.count("\n") == 1, run.stderr
    assert f"DISPLAY=:{free}" in run.stderr and "Traceback" not in run.stderr
