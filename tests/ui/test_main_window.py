from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from reader import BUNDLED_DOC_ID
from reader.ui.models.outline_model import BLOCK_ROLE, OutlineModel


def _find(win, title: str) -> QModelIndex:  # type: ignore[no-untyped-def]
    model = win.nav.tree.model()
    matches = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, title, 1, Qt.MatchFlag.MatchRecursive)
    assert matches, title
    return matches[0]


def test_opens_the_bundled_plan_with_its_tree(window) -> None:  # type: ignore[no-untyped-def]
    assert window.doc.id == BUNDLED_DOC_ID
    assert window.nav.tree.model().rowCount() >= 6
    assert "东莞" in window.windowTitle()


def test_clicking_a_node_scrolls_the_text_to_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    index = _find(window, "建设高水平大学和科研机构")
    window.nav.tree.scrollTo(index)
    rect = window.nav.tree.visualRect(index)
    qtbot.mouseClick(window.nav.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    block = index.data(BLOCK_ROLE)
    assert window.view.top_block() == block
    qtbot.waitUntil(lambda: "建设高水平大学和科研机构" in window.nav.crumb_label.text())


def test_scrolling_the_text_selects_the_current_node(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.doc
    target = next(b for b in doc.blocks if b.text.startswith("推进数字产业化发展"))
    window.view.scroll_to_block(target.index)
    qtbot.waitUntil(lambda: window.nav.tree.currentIndex().data() == "推进数字产业化发展")
    assert "贯彻落实数字经济发展战略" in window.nav.crumb_label.text()


def test_back_and_forward_return_to_previous_positions(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    start = window.view.top_block()
    window.jump_to_block(60)
    window.jump_to_block(100)
    window.nav.trail.go_back()
    assert window.view.top_block() == 60
    window.nav.trail.go_back()
    assert window.view.top_block() == start
    window.nav.trail.go_forward()
    assert window.view.top_block() == 60
    assert window.nav.trail.forward.isEnabled() and window.nav.trail.back.isEnabled()


def test_keyboard_shortcuts_for_history(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.jump_to_block(80)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.view.top_block() == 0


def test_zoom_changes_the_text_size_and_resets(window) -> None:  # type: ignore[no-untyped-def]
    base = window.view.font().pointSizeF()
    window.appearance.zoom_in.trigger()
    window.appearance.zoom_in.trigger()
    assert window.view.font().pointSizeF() == base + 2
    window.appearance.zoom_reset.trigger()
    assert window.view.font().pointSizeF() == base


def test_dark_theme_changes_the_paper_colour(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    window.appearance.set_theme("light")
    light = window.view.palette().color(QPalette.ColorRole.Base).lightness()
    window.appearance.set_theme("dark")
    dark = window.view.palette().color(QPalette.ColorRole.Base).lightness()
    assert dark < 80 < light


def test_filter_narrows_the_tree(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.nav.filter_box.setFocus()
    window.nav.filter_box.insert("金融")  # QTest cannot type non-Latin keys; insert() is what an IME commits
    model = window.nav.tree.model()
    titles = []

    def walk(parent: QModelIndex) -> None:
        for r in range(model.rowCount(parent)):
            i = model.index(r, 0, parent)
            titles.append(i.data())
            walk(i)

    walk(QModelIndex())
    assert titles and all("金融" in t or model.rowCount(_find(window, t)) for t in titles)
    assert not any("数字乡村" in t for t in titles)


def test_restart_restores_position_zoom_and_theme(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import create_window

    _app, first = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(first)
    first.show()
    first.open_default()
    qtbot.waitUntil(lambda: first.view.verticalScrollBar().maximum() > 0)
    first.jump_to_block(77)
    first.appearance.zoom(+1)
    first.appearance.set_theme("dark")
    first.close()

    _app, second = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(second)
    second.show()
    second.open_default()
    qtbot.waitUntil(lambda: second.view.top_block() == 77, timeout=3000)
    assert second.view.zoom_steps == 1
    assert second.appearance.themes["dark"].isChecked()
    second.close()


def test_import_error_is_a_readable_dialog_not_a_traceback(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "坏文件.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    with qtbot.waitSignal(window.import_failed, timeout=10000) as blocker:
        window.importer.import_file(str(bad))
    assert "坏文件.pdf" in blocker.args[0]
    assert "Traceback" not in window.last_error
    assert window.doc.id == BUNDLED_DOC_ID


def test_import_opens_the_new_document(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import DATA

    with qtbot.waitSignal(window.import_finished, timeout=10000):
        window.importer.import_file(str(DATA / "plan_with_headings.txt"))
    assert window.doc.title.startswith("某市国民经济")
    assert _find(window, "第三章 建设科学城").isValid()


def test_export_chapter_to_pdf(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.jump_to_block(50)
    out = window.printing.export_pdf(window.doc, window.nav.current_node_id(), str(tmp_path / "chapter.pdf"))
    data = Path(out).read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_copy_keeps_chinese_punctuation(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    block = next(b for b in window.doc.blocks if "，" in b.text or "," in b.text)
    window.view.select_span(block.index, 0, 30)
    window.act_copy.trigger()
    assert QApplication.clipboard().text() == block.text[:30]


def test_copy_with_citation_names_the_document_and_chapter(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    assert not window.citation.action.isEnabled()
    block = next(b for b in window.doc.blocks if b.text.startswith("加强基础与应用基础研究。"))
    window.view.select_span(block.index, 0, 11)
    assert window.citation.action.isEnabled()
    window.citation.action.trigger()
    # The chapter, section and item the paragraph stands under in the plan.
    assert QApplication.clipboard().text() == (
        "加强基础与应用基础研究\n——《东莞市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》"
        "坚持创新在现代化建设全局中的核心地位 › 坚持产业需求导向 › 加强基础与应用基础研究"
    )
    menu = window.build_text_menu(block.index, 3)
    assert window.citation.action in menu.actions()


def test_focus_mode_hides_everything_but_the_text(window) -> None:  # type: ignore[no-untyped-def]
    window.act_focus.trigger()
    assert not window.nav.pane.isVisible() and window.view.isVisible()
    window.act_focus.trigger()
    assert window.nav.pane.isVisible()


def test_widgets_have_accessible_names(window) -> None:  # type: ignore[no-untyped-def]
    assert window.nav.tree.accessibleName() and window.view.accessibleName() and window.nav.filter_box.accessibleName()


def test_outline_model_is_a_valid_item_model(qtmodeltester, seed_doc) -> None:  # type: ignore[no-untyped-def]
    model = OutlineModel()
    model.set_document(seed_doc)
    qtmodeltester.check(model)


def test_inferred_nodes_say_so_in_the_tooltip(seed_doc) -> None:  # type: ignore[no-untyped-def]
    model = OutlineModel()
    model.set_document(seed_doc)
    chapter = model.index(1, 0)
    # A period-led opening gets the period and what the text says it achieved, as a title; the tooltip gives the
    # whole opening sentence; the node is set a little lighter instead of in italics.
    assert chapter.data(Qt.ItemDataRole.DisplayRole) == "“十三五”时期取得重大进展"
    tip = chapter.data(Qt.ItemDataRole.ToolTipRole)
    assert "原文没有这个标题" in tip and seed_doc.blocks[1].text.split("。")[0] in tip
    font = chapter.data(Qt.ItemDataRole.FontRole)
    assert not font.italic() and font.weight() == QFont.Weight.DemiBold  # the top level, set semibold
    assert chapter.data(Qt.ItemDataRole.ForegroundRole).alpha() < 255


def test_items_that_run_into_their_text_sit_below_heading_lines_in_every_document() -> None:
    # 关于加快推进农业机械化和农机装备产业转型升级的指导意见 (国发〔2018〕42号): 一、总体要求 is a heading line;
    # （一）指导思想。以习近平… runs into its paragraph.
    from reader.document.importers import read_file
    from reader.document.structure import build

    from ..conftest import DATA

    doc = build(read_file(DATA / "corpus" / "agri_mechanization_opinion_2018.txt"), "agri")
    model = OutlineModel()
    model.set_document(doc)
    top = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "一、总体要求")
    item = model.index(0, 0, top)
    assert item.data() == "（一）指导思想"
    assert top.data(Qt.ItemDataRole.FontRole).weight() == QFont.Weight.DemiBold
    assert top.data(Qt.ItemDataRole.ForegroundRole) is None  # a heading line: full colour
    assert item.data(Qt.ItemDataRole.FontRole) is None  # regular weight below the top level
    assert item.data(Qt.ItemDataRole.ForegroundRole).alpha() < 255
    assert item.data(Qt.ItemDataRole.ToolTipRole).endswith("\n（一）指导思想。")


def test_bad_corpus_through_the_window_never_crashes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ..conftest import ROOT

    bad = ROOT / "tests" / "fixtures" / "bad"
    for name in ("binary-junk.txt", "truncated.docx", "encrypted.pdf", "not-a-pdf.pdf", "empty.txt"):
        window.last_error = None
        with qtbot.waitSignal(window.import_failed, timeout=20000):
            window.importer.import_file(str(bad / name))
        assert window.last_error and name in window.last_error and "Traceback" not in window.last_error
    assert window.doc is not None and window.doc.id == "dongguan-14th-fyp"  # still reading the plan
    assert [e.id for e in window.session.library.entries()] == ["dongguan-14th-fyp"]


def test_a_panel_shortcut_brings_a_panel_behind_a_tab_to_the_front(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    targets, search = window.targets_dock, window.search_dock
    search.show()
    search.raise_()  # the default layout tabs 目标与数据 behind 检索
    qtbot.wait(20)
    assert targets.visibleRegion().isEmpty()
    action = targets.panel_action
    action.trigger()  # Ctrl+Shift+T: brings it to the front, does not hide it
    qtbot.wait(20)
    assert targets.isVisible() and not targets.visibleRegion().isEmpty() and action.isChecked()
    action.trigger()  # in front: pressing again hides it
    qtbot.wait(20)
    assert targets.isHidden() and not action.isChecked()
    action.trigger()  # and again shows it, in front
    qtbot.wait(20)
    assert targets.isVisible() and not targets.visibleRegion().isEmpty()
    assert action.shortcut().toString() == "Ctrl+Shift+T"


def test_document_info_says_where_the_bundled_plan_comes_from(window) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.features.docinfo import document_info_text

    assert window.act_doc_info in window.menuBar().actions()[-1].menu().actions()
    info = document_info_text(window.doc)
    assert info.startswith("东莞市国民经济和社会发展第十四个五年规划") and "节选：" in info and "修复：" in info


@pytest.mark.parametrize(("size", "fewest", "most"), [((1024, 700), 20, 36), ((1280, 820), 28, 36)])
def test_the_text_keeps_a_readable_measure(qtbot, data_dir, size, fewest, most) -> None:  # type: ignore[no-untyped-def]
    # A default window (no saved layout) with the side panels open: they give way before the text column does.
    from reader.ui.app import create_window

    _app, win = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    win.open_default()
    qtbot.waitUntil(lambda: win.view.verticalScrollBar().maximum() > 0)
    assert win.nav.pane.isVisible() and win.search_dock.isVisible()
    block = next(b for b in win.doc.blocks if b.text.startswith("加强基础与应用基础研究。"))
    qtbot.waitUntil(lambda: win.view.text_block(block.index).isValid())

    def lengths() -> list[int]:
        """Whole lines of the paragraph (not its indented first line nor its last), in characters."""
        layout = win.view.text_block(block.index).layout()
        return [layout.lineAt(i).textLength() for i in range(1, layout.lineCount() - 1)]

    # The docks settle their widths over a few event-loop turns after the first show; measure the settled text.
    def settled() -> None:
        found = lengths()
        assert found and fewest <= min(found) and max(found) <= most, found

    qtbot.waitUntil(settled, timeout=3000)
    win.close()


def test_highlight_menu_shows_colours_and_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    block = next(b for b in window.doc.blocks if b.text.startswith("加强基础与应用基础研究。"))
    window.view.select_span(block.index, 0, 11)
    menu = window.build_text_menu(block.index, 3)
    colours = menu.actions()[0].menu().actions()
    assert all(not a.icon().isNull() for a in colours)
    assert colours[0].text().endswith("\tCtrl+H")
    assert any(a.text().endswith("\tCtrl+Shift+N") for a in menu.actions())


def test_a_documents_title_is_set_above_its_chapter_headings(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import DATA

    doc, _, _ = window.session.import_file(DATA / "corpus" / "cn15_fyp_outline_p1-2.txt", index=False)
    window.open_document(doc.id)
    chapter = next(b.index for b in window.doc.blocks if b.text.startswith("第一章"))
    qtbot.waitUntil(lambda: window.view.text_block(chapter).isValid())

    def size(index: int) -> float:
        return window.view.text_block(index).charFormat().fontPointSize()

    assert window.doc.blocks[0].text == "中华人民共和国国民经济和社会发展第十五个五年规划纲要"
    assert size(0) > size(chapter) > 0
    assert window.view.text_block(0).blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


def test_cancelling_an_import_closes_the_dialog_at_once_and_imports_nothing(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    path = tmp_path / "lines.txt"
    path.write_text("\n".join(f"第{i}行。" for i in range(300_000)), encoding="utf-8")
    window.importer.import_file(str(path))
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: dialog.value() >= 5, timeout=20000)
    with qtbot.waitSignal(window.import_failed, timeout=60000) as failed:
        dialog.findChild(QPushButton).click()  # 取消
        assert not dialog.isVisible()  # gone at once, not when the work notices
    assert "取消" in failed.args[0]
    assert [e.id for e in window.session.library.entries()] == ["dongguan-14th-fyp"]
    assert window.doc.id == "dongguan-14th-fyp"


def test_an_error_escaping_a_slot_is_shown_not_only_printed(window, capsys) -> None:  # type: ignore[no-untyped-def]
    import errno

    from reader.ui.app import _report_to

    hook = _report_to(window)
    try:
        raise OSError(errno.ENOSPC, "No space left on device", "/data/library/catalog.json")
    except OSError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert "catalog.json" in window.last_error and "磁盘已满" in window.last_error
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert "ZeroDivisionError" in window.last_error


def test_a_bug_is_logged_in_the_data_folder_without_the_users_text(window) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import _report_to

    hook = _report_to(window)
    secret = window.doc.blocks[38].text[:20]  # text of the open plan, e.g. in a note being saved

    def save_note(text: str) -> None:
        raise ValueError(f"could not save {text!r}")

    try:
        try:
            save_note(secret)
        except ValueError as first:
            raise RuntimeError(f"while handling {secret}") from first
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    log = window.session.data_dir / "logs" / "errors.log"
    text = log.read_text(encoding="utf-8")
    assert str(log) in window.last_error  # the dialog says where the log is
    assert secret not in text and "could not save" not in text  # no message, no variable values
    assert "builtins.ValueError" in text and "builtins.RuntimeError" in text and "then, while handling it" in text
    assert (
        "in save_note" in text and 'raise ValueError(f"could not save {text!r}")' not in text
    )  # test code is not ours
    assert text.startswith("=== ") and " · Python " in text
