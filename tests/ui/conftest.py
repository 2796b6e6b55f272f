from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture
def window(qtbot, data_dir: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The real main window on the bundled plan, in a fresh data folder."""
    from reader.ui.app import create_window

    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.open_default()
    qtbot.waitUntil(lambda: win.view.verticalScrollBar().maximum() > 0)
    qtbot.wait(20)
    yield win
    win.close()
