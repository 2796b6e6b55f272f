"""Window features built alone, each on a bare window with only what it needs (no MainWindow): they own their widgets,
actions and signals, so they can be tested and changed one at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

from reader import BUNDLED_DOC_ID
from reader.session import Session
from reader.ui.views.document_view import DocumentView


@pytest.fixture
def bare(qtbot, data_dir: Path, tmp_path: Path) -> Iterator[tuple[QMainWindow, DocumentView, Session, QSettings]]:  # type: ignore[no-untyped-def]
    """A plain window showing the bundled plan in a DocumentView, a session and its own settings file."""
    session = Session(str(data_dir))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = QMainWindow()
    view = DocumentView()
    window.setCentralWidget(view)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    yield window, view, session, settings
    session.close()


def _plan(session: Session):  # type: ignore[no-untyped-def]
    return session.library.open(BUNDLED_DOC_ID)


def _block(doc, start: str) -> int:  # type: ignore[no-untyped-def]
    return next(b.index for b in doc.blocks if b.text.startswith(start))


def test_navigation_alone_jumps_records_history_and_names_the_chapter(qtbot, bare) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.features.navigation import Navigation

    window, view, session, settings = bare
    doc = _plan(session)
    nav = Navigation(window, view, settings, lambda: doc)
    view.set_document(doc, [])
    nav.document_opened(doc)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    assert nav.outline.rowCount() > 0
    # In the plan, 加强基础与应用基础研究 is an item of the chapter 坚持创新在现代化建设全局中的核心地位.
    target = _block(doc, "加强基础与应用基础研究。")
    nav.jump_to_block(target)
    assert nav.crumb_label.text().startswith("坚持创新在现代化建设全局中的核心地位")
    assert nav.tree.currentIndex().data().startswith("加强基础与应用基础研究")
    assert nav.trail.back.isEnabled()
    nav.trail.go_back()
    qtbot.waitUntil(lambda: view.top_block() < target)
    nav.remember_position()
    assert nav.saved_position(doc.id)[0] == view.top_block()


def test_annotating_alone_adds_a_note_lists_it_and_undoes_it(qtbot, bare) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.features.annotating import Annotating
    from reader.ui.features.indexing import Indexer

    window, view, session, _settings = bare
    doc = _plan(session)
    notes = Annotating(window, session, view, Indexer(session, window), lambda: None)
    retypeset: list[bool] = []
    notes.spans_changed.connect(lambda: retypeset.append(True))
    notes.document_opened(doc)
    view.set_document(doc, notes.spans())
    block = _block(doc, "加强基础与应用基础研究。")
    note = notes.add_note("基础研究投入的口径？", span=(block, 0, 11))
    assert note is not None and retypeset
    assert [a.quote for a in notes.notes] == ["加强基础与应用基础研究。"[:11]]
    assert notes.panel.visible_annotations()[0].note == "基础研究投入的口径？"
    assert notes.at(block, 3) is not None and notes.at(block, 11) is None
    assert "基础研究投入的口径？" in (notes.tooltip(block, 3) or "")
    notes.undo()
    assert notes.notes == [] and session.annotations.list(doc.id) == []


def test_targets_alone_mark_targets_and_switch_highlighting_off(qtbot, bare) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.features.targets import TargetsFeature

    window, _view, session, _settings = bare
    doc = _plan(session)
    targets = TargetsFeature(window, session, lambda: False)
    targets.document_opened(doc)
    # The plan's headline economic target, read in the document: 地区生产总值 to reach 1.3 万亿元 by 2025.
    gdp = next(t for t in targets.targets if "1.3万亿" in t.text and t.kind == "target")
    start = gdp.marks[0][0]
    assert targets.tooltip(gdp.block, start).startswith("规划目标")  # type: ignore[union-attr]
    # Why each figure was read so is said in words of the interface or of the text, never an internal token
    # ("plan" showed for figures that are goals because they stand in the plan's body).
    cues = [targets.tooltip(t.block, t.marks[0][0]).split("判断依据：")[1] for t in targets.targets if t.marks]  # type: ignore[union-attr]
    assert "规划正文（不在回顾部分）" in cues and not [c for c in cues if c.isascii()]
    assert any(s.kind == "target" and s.block == gdp.block for s in targets.spans())
    targets.highlight.trigger()
    assert targets.spans() == []


def test_panels_alone_bring_a_tabbed_panel_to_front_and_focus_mode_hides_chrome(qtbot, bare) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.features.panels import Panels

    window, _view, _session, settings = bare
    panels = Panels(window, settings)
    side = QWidget()
    panels.chrome = [side]
    first = panels.add("A", "aDock", QWidget())
    second = panels.add("B", "bDock", QWidget())
    window.tabifyDockWidget(first, second)
    qtbot.wait(20)
    behind, in_front = (first, second) if first.visibleRegion().isEmpty() else (second, first)
    assert behind.visibleRegion().isEmpty() and not in_front.visibleRegion().isEmpty()
    panels.toggle(behind)  # behind a tab: brought to the front, not hidden
    qtbot.wait(20)
    assert not behind.isHidden() and not behind.visibleRegion().isEmpty()
    assert behind.panel_action.isChecked()
    panels.toggle(behind)  # in front: hidden
    assert behind.isHidden() and not behind.panel_action.isChecked()
    behind.show()
    panels.toggle_focus_mode()
    assert side.isHidden() and first.isHidden() and second.isHidden() and settings.value("focus_mode") in (True, "true")
    assert panels.escape() and not side.isHidden()
