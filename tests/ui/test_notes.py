"""Annotations in the window: highlight, note, bookmark, undo, the Notes panel, exports, a broken database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from reader.ui.panels.notes_panel import ANNOTATION_ROLE


def _bg(window, block: int, offset: int) -> str:  # type: ignore[no-untyped-def]
    tb = window.view.document().findBlockByNumber(block)
    cursor = QTextCursor(tb)
    cursor.setPosition(tb.position() + offset + 1)
    return cursor.charFormat().background().color().name()


def test_highlight_from_the_context_menu_renders_and_persists(window, qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window.view.select_span(60, 2, 12)
    menu = window.build_text_menu(60, 5)
    highlight_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    green = next(a for a in highlight_menu.actions() if a.text() == "绿色")
    green.trigger()
    assert _bg(window, 60, 3) == window.view._palette_colors()["hl-green_bg"].name()
    assert [a.kind for a in window.session.annotations.list(window.doc.id)] == ["highlight"]
    assert window.annotating.panel.tree.topLevelItemCount() == 1


def test_note_shows_in_margin_tooltip_and_panel(window) -> None:  # type: ignore[no-untyped-def]
    window.view.select_span(61, 0, 8)
    a = window.annotating.add_note("这是我的批注")
    assert a is not None
    assert 61 in window.view.note_blocks
    assert "这是我的批注" in window.view.tooltip_provider(61, 3)
    items = window.annotating.panel.visible_annotations()
    assert [x.id for x in items] == [a.id]


def test_edit_delete_and_undo(window) -> None:  # type: ignore[no-untyped-def]
    window.view.select_span(62, 0, 6)
    a = window.annotating.add_note("初稿")
    window.annotating.edit(a, "定稿")
    assert window.session.annotations.get(a.id).note == "定稿"
    window.annotating.delete(window.session.annotations.get(a.id))
    assert window.annotating.notes == []
    window.annotating.undo_action.trigger()
    assert [x.note for x in window.annotating.notes] == ["定稿"]


def test_ctrl_d_toggles_a_bookmark_and_the_menu_lists_it(window) -> None:  # type: ignore[no-untyped-def]
    window.jump_to_block(70)
    window.annotating.bookmark_action.trigger()
    marks = [a for a in window.annotating.notes if a.kind == "bookmark"]
    assert len(marks) == 1 and marks[0].block == window.view.top_block()
    window.annotating.fill_bookmarks_menu()
    labels = [a.text() for a in window.annotating.bookmarks_menu.actions()]
    assert any(marks[0].name[:10] in t for t in labels)
    window.jump_to_block(0)
    jump = next(a for a in window.annotating.bookmarks_menu.actions() if marks[0].name[:10] in a.text())
    jump.trigger()
    assert abs(window.view.top_block() - marks[0].block) <= 1
    window.annotating.bookmark_action.trigger()
    assert not [a for a in window.annotating.notes if a.kind == "bookmark"]


def test_notes_panel_filters_and_jumps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.annotating.add_highlight("yellow", (40, 0, 5))
    window.annotating.add_note("关于人才", span=(80, 0, 5))
    panel = window.annotating.panel
    assert len(panel.visible_annotations()) == 2
    panel.filter_box.insert("人才")
    assert [a.note for a in panel.visible_annotations()] == ["关于人才"]
    panel.filter_box.clear()
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("color:yellow"))
    assert [a.kind for a in panel.visible_annotations()] == ["highlight"]
    group = panel.tree.topLevelItem(0)
    window.jump_to_block(0)
    panel._clicked(group.child(0))
    assert window._current_span is not None and window._current_span.block == 40
    assert group.child(0).data(0, ANNOTATION_ROLE).block == 40


def test_notes_survive_a_restart(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import create_window

    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.show()
    win.open_default()
    win.annotating.add_note("重启后还在", span=(50, 0, 4))
    win.close()
    _app, again = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(again)
    again.show()
    again.open_default()
    assert [a.note for a in again.annotating.notes] == ["重启后还在"]
    again.close()


def test_export_markdown_csv_json_and_import(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.annotating.add_note("导出测试", span=(38, 0, 10))
    md = Path(window.notes_transfer.export(str(tmp_path / "n.md"))).read_text(encoding="utf-8")
    assert "导出测试" in md and md.startswith("# ")
    assert Path(window.notes_transfer.export(str(tmp_path / "n.csv"))).read_bytes().startswith(b"\xef\xbb\xbf")
    js = window.notes_transfer.export(str(tmp_path / "n.json"))
    assert window.notes_transfer.merge(js) == {"added": 0, "updated": 0, "skipped": 1}


def test_corrupt_database_keeps_the_app_usable(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import create_window

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "annotations.db").write_bytes(b"garbage, not sqlite" * 100)
    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.show()
    win.open_default()
    assert win.annotating.error_message and "损坏" in win.annotating.error_message
    assert not win.annotating.bookmark_action.isEnabled()
    assert win.doc is not None and win.nav.outline.rowCount() > 3  # reading still works
    assert (data_dir / "annotations.db").read_bytes() == b"garbage, not sqlite" * 100
    assert list((data_dir / "backups").glob("annotations-corrupt-*.db"))
    win.close()


def test_a_note_added_from_the_command_line_appears_in_the_open_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from reader.cli import main

    block = next(b for b in window.doc.blocks if len(b.text) > 20)
    window.annotating.check_outside_notes()  # the window knows the database as it is now
    before = len(window.annotating.notes)
    assert (
        main(["notes", "add", "--block", str(block.index), "--start", "0", "--end", "6", "--note", "命令行加的批注"])
        == 0
    )
    # Within a few seconds (or at once when the window is focused again) the note is listed and marked.
    qtbot.waitUntil(lambda: len(window.annotating.notes) == before + 1, timeout=8000)
    assert any(a.note == "命令行加的批注" for a in window.annotating.notes)
    assert block.index in window.view.note_blocks


def test_closing_the_window_leaves_every_note_in_annotations_db(qtbot, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The README says a copy of annotations.db is a backup: after the window closes, it must hold every note."""
    import shutil
    import sqlite3

    from reader.ui.app import create_window

    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.show()
    win.open_default()
    for block in (40, 41, 42):
        win.annotating.add_note("关窗前的批注", span=(block, 0, 4))
    win.close()
    copy = tmp_path / "copy.db"
    shutil.copyfile(data_dir / "annotations.db", copy)
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == 3
    con.close()


def test_closing_with_note_index_updates_queued_ends_cleanly(qtbot, data_dir: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    """Each note change queues an index update of the notes; closing must not leave them running (the process
    used to linger ~15 s printing "Signal source has been deleted")."""
    from reader.ui.app import create_window

    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.show()
    win.open_default()
    qtbot.waitUntil(lambda: win.indexer.ready, timeout=60000)
    import time

    real = win.session.sync_notes_index

    def slow() -> bool:  # as in a library of hundreds of plans
        time.sleep(0.5)
        return real()

    win.session.sync_notes_index = slow
    for block in range(40, 70):
        win.annotating.add_note(f"第{block}段的批注", span=(block, 0, 4))
    win.close()
    assert win.indexer.pool.activeThreadCount() == 0  # nothing still running after the window is gone
    qtbot.wait(300)
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err and "Traceback" not in err
