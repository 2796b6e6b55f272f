"""A long plan (~600 k characters) is shown at once and typeset/highlighted in slices; jumps still work."""

from __future__ import annotations

from pathlib import Path

from reader.session import Session

from ..conftest import ROOT


def test_long_plan_opens_progressively_and_jumps_anywhere(qtbot, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import create_window

    seed = (ROOT / "resources" / "dongguan-14th-fyp.txt").read_text(encoding="utf-8")
    src = tmp_path / "long-plan.txt"
    src.write_text("\n".join([seed] * 20), encoding="utf-8")
    doc, _, _ = Session(data_dir).import_file(src, index=False)
    assert doc.char_count > 500_000

    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    assert win.open_document(doc.id)
    assert not win.view.loaded  # the first screenful is shown before the rest is typeset
    assert win.targets_feature.targets == []  # and targets come after, batch by batch
    last = len(doc.blocks) - 1
    win.jump_to_block(last)  # a jump beyond what is typeset typesets up to there first
    assert win.view.document().blockCount() > last
    qtbot.waitUntil(lambda: win.view.loaded and len(win.targets_feature.targets) > 1000, timeout=60_000)
    assert win.view.document().blockCount() == len(doc.blocks)
    assert win.targets_feature.panel.model.rowCount() == len(win.targets_feature.targets)
    t = win.targets_feature.targets[-1]
    qtbot.waitUntil(lambda: not win.view._span_queue, timeout=30_000)
    tb = win.view.document().findBlockByNumber(t.block)
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(tb)
    cursor.setPosition(tb.position() + t.start + 1)
    assert cursor.charFormat().background().color().name() == win.view._palette_colors()[f"{t.kind}_bg"].name()
    win.close()
