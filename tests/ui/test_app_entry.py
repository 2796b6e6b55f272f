"""The app's entry points as the frozen bundle and `policy-reader gui FILE` call them (the bundle's smoke check used an
attribute the window no longer had; only the packaging step caught it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA


def test_smoke_check_paints_the_bundled_plan(qtbot, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import smoke

    assert smoke(str(tmp_path / "data")) == 0
    out = capsys.readouterr().out
    assert "smoke: painted=True" in out and "nodes=" in out and "targets=" in out


def test_gui_with_a_file_imports_and_opens_it(tmp_path: Path) -> None:
    # In a process of its own: app.exec() and quit() would leave this test process's application in another state.
    source = tmp_path / "agri.txt"
    shutil.copy(DATA / "corpus" / "agri_mechanization_opinion_2018.txt", source)
    script = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.ui import app as app_module

application = QApplication(sys.argv[:1])  # timers need the application that run() then uses


def look():
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    if window is not None and window.doc is not None and window.doc.title.startswith("国务院关于加快推进农业机械化"):
        print("opened:", window.doc.title)
        window.close()
        QApplication.instance().quit()
    else:
        QTimer.singleShot(100, look)

QTimer.singleShot(100, look)
QTimer.singleShot(30000, lambda: QApplication.instance().quit())
sys.exit(app_module.run({str(tmp_path / "data")!r}, file={str(source)!r}, lang="zh"))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert "opened: 国务院关于加快推进农业机械化" in done.stdout, done.stderr[-2000:]


def test_a_file_given_alone_or_sent_by_the_os_is_opened(tmp_path: Path) -> None:
    # `PolicyReader FILE` (Open With, a file dropped on the program) and macOS's file-open event, in a process of
    # its own: the application class that receives the event is created there.
    first, second = tmp_path / "agri.txt", tmp_path / "cn15.txt"
    shutil.copy(DATA / "corpus" / "agri_mechanization_opinion_2018.txt", first)
    shutil.copy(DATA / "corpus" / "cn15_fyp_outline_p1-2.txt", second)
    script = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from reader.ui import app as app_module
from reader.cli import main as cli_main

application = app_module.ReaderApplication(sys.argv[:1])
application.postEvent(application, QFileOpenEvent({str(second)!r}))  # sent by the OS before the window exists
def look():
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    titles = [e.title for e in window.session.library.entries()] if window is not None else []
    both = any(t.startswith("中华人民共和国国民经济和社会发展第十五个") for t in titles) and any(
        t.startswith("国务院关于") for t in titles
    )
    if both and window.doc is not None and window.doc.title in titles[1:]:  # an imported one is shown
        print("opened both")
        window.close()
        QApplication.instance().quit()
    else:
        QTimer.singleShot(100, look)

QTimer.singleShot(100, look)
QTimer.singleShot(40000, lambda: QApplication.instance().quit())
sys.exit(cli_main(["--data-dir", {str(tmp_path / "data")!r}, {str(first)!r}]))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert "opened both" in done.stdout, done.stderr[-2000:]


def test_the_smoke_check_opens_a_file_given_the_way_the_system_gives_it(tmp_path: Path) -> None:
    # `PolicyReader FILE --smoke`: what the bundle's smoke test runs to check "Open with" end to end.
    source = tmp_path / "agri.txt"
    shutil.copy(DATA / "corpus" / "agri_mechanization_opinion_2018.txt", source)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POLICY_READER_HOME": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "reader", str(source), "--smoke"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke: painted=True doc=国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见" in done.stdout


def test_a_file_that_is_gone_is_one_line_not_an_invalid_command(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A recent-files entry or a desktop shortcut whose file was moved: `PolicyReader FILE` said "invalid choice"
    with the list of commands (exit 2)."""
    from reader.cli.main import main

    assert main(["--data-dir", str(tmp_path / "data"), str(tmp_path / "规划纲要.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "规划纲要.pdf" in err and "不存在" in err
    assert main(["--data-dir", str(tmp_path / "data"), str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"policy-reader import {tmp_path}" in err
    with pytest.raises(SystemExit) as typo:  # a mistyped command is still a usage error
        main(["outlin"])
    assert typo.value.code == 2
