"""The Search panel driven through the real window: type, see hits, jump, F3, Ctrl+F."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from reader.search.text import fold


def _search(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=20000)
    box = window.search_panel.query_box
    box.clear()
    box.insert(text)  # typing; the panel debounces before searching
    qtbot.waitUntil(
        lambda: window.searching.last_result is not None and window.searching.last_result.query == text, timeout=10000
    )


def test_indexing_runs_in_background_and_search_works_after_first_start(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=20000)
    assert not window.indexer.bar.isVisible()
    from reader.search import text as T

    assert not T.jieba_loaded()  # indexing needed jieba; it was released when indexing finished
    _search(window, qtbot, "散裂中子源")
    assert window.searching.last_result.total == 4
    assert window.search_panel.model.rowCount() == 4
    assert "4" in window.search_panel.summary.text()
    assert not T.jieba_loaded()  # searching does not load it


def test_typing_is_debounced_into_one_search(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=20000)
    before = window.searching.searches
    for ch in "科学城":
        window.search_panel.query_box.insert(ch)
    qtbot.waitUntil(
        lambda: window.searching.last_result is not None and window.searching.last_result.query == "科学城",
        timeout=10000,
    )
    assert window.searching.searches - before == 1


def test_clicking_a_hit_jumps_and_highlights_every_occurrence(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _search(window, qtbot, "中子")
    panel = window.search_panel
    window.view.scroll_to_block(0)
    index = panel.model.index(2, 0)
    hit = index.data(Qt.ItemDataRole.UserRole + 2)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=panel.results.visualRect(index).center())
    qtbot.wait(150)
    assert window._current_span is not None and window._current_span.block == hit.block
    top = window.view.top_block()
    assert top <= hit.block <= top + 3
    expected = sum(fold(b.text).count("中子") for b in window.doc.blocks)
    assert len(window.searching.occurrences) == expected == len(window.searching.hit_spans)
    assert len(window.view.extraSelections()) == expected + 1  # every hit plus the current one


def test_f3_and_shift_f3_walk_the_occurrences(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _search(window, qtbot, "中子")
    window.view.setFocus()
    window.view.scroll_to_block(0)
    window.act_find_next.trigger()
    first = window._current_span
    window.act_find_next.trigger()
    second = window._current_span
    assert (second.block, second.start) > (first.block, first.start)
    window.act_find_prev.trigger()
    assert (window._current_span.block, window._current_span.start) == (first.block, first.start)
    assert window.act_find_next.shortcut() == QKeySequence("F3")


def test_ctrl_f_searches_the_current_document_with_the_selection(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=20000)
    block = next(b for b in window.doc.blocks if "松山湖" in b.text)
    start = block.text.index("松山湖")
    window.view.select_span(block.index, start, start + 3)
    window.act_find.trigger()
    assert window.search_panel.query_box.text() == "松山湖"
    assert window.search_panel.scope_current()
    qtbot.waitUntil(
        lambda: window.searching.last_result is not None and window.searching.last_result.query == "松山湖",
        timeout=10000,
    )
    assert set(window.searching.last_result.by_doc) == {window.doc.id}


def test_enter_jumps_to_the_best_hit(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=20000)
    window.view.scroll_to_block(0)
    box = window.search_panel.query_box
    box.insert("总部经济")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window._current_span is not None, timeout=10000)
    assert window.doc.blocks[window._current_span.block].text.startswith("推动总部经济长足发展")


def test_malformed_query_says_it_fell_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _search(window, qtbot, '"中子')
    assert window.searching.last_result.literal
    assert "引号" in window.search_panel.summary.text()
    assert window.searching.last_result.total == 5


def test_chapter_filter_narrows_results(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _search(window, qtbot, "创新")
    total = window.searching.last_result.total
    box = window.search_panel.chapter_box
    assert box.count() > 2
    box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.searching.last_result.total < total, timeout=10000)
    assert len(window.searching.last_result.by_chapter) == 1


def test_synonym_expansion_is_shown_and_can_be_switched_off(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _search(window, qtbot, "GDP")
    with_syn = window.searching.last_result.total
    assert "地区生产总值" in window.search_panel.summary.text()
    window.search_panel.synonyms_box.setChecked(False)
    qtbot.waitUntil(lambda: window.searching.last_result.total < with_syn, timeout=10000)


def test_scope_can_name_a_document_and_synonym_hits_say_so(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ..conftest import DATA

    with qtbot.waitSignal(window.import_finished, timeout=20000):
        window.importer.import_file(str(DATA / "plan_with_headings.txt"))
    box = window.search_panel.scope_box
    assert box.count() == 4  # all, current, and the two documents by name
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=20000)
    box.setCurrentIndex(box.findData("doc:dongguan-14th-fyp"))
    _search(window, qtbot, "GDP")
    assert set(window.searching.last_result.by_doc) == {"dongguan-14th-fyp"}
    htmls = [window.search_panel.model.item(r).data(Qt.ItemDataRole.UserRole + 1) for r in range(3)]
    assert any("≈ 地区生产总值" in h for h in htmls)


def test_many_documents_stay_readable_and_none_is_opened(qtbot, data_dir, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Counts per document and per chapter are capped in the panel, and chapter labels come from the index:
    a search over a large library must not open every document it hits."""
    from reader.session import Session
    from reader.ui.app import create_window
    from reader.ui.panels import search_panel

    from ..conftest import DATA

    text = (DATA / "plan_with_headings.txt").read_text(encoding="utf-8")
    setup = Session(data_dir)
    for i in range(12):
        src = tmp_path / f"plan{i:02d}.txt"
        src.write_text(text + f"\n第{i}份。\n", encoding="utf-8")
        setup.import_file(src, index=False)
    monkeypatch.setattr(search_panel, "CHAPTER_CHOICES", 10)
    _app, window = create_window(str(data_dir), lang="zh")
    qtbot.addWidget(window)
    window.show()
    window.open_default()
    _search(window, qtbot, "创新")
    result = window.searching.last_result
    assert len(result.by_doc) == 13 and len(result.by_chapter) > 10
    summary = window.search_panel.summary.text()
    assert "另有 8 个文档" in summary
    box = window.search_panel.chapter_box
    assert box.count() == 1 + 10 + 1  # all chapters, the top ten, and how many more
    assert not box.model().item(box.count() - 1).isEnabled()
    assert all(box.itemText(i) for i in range(box.count()))
    titles = {e.id: e.title for e in window.session.library.entries()}
    for row in range(3):  # each hit says which document it is in
        item = window.search_panel.model.item(row)
        hit = item.data(Qt.ItemDataRole.UserRole + 2)
        assert titles[hit.doc][:12] in item.data(Qt.ItemDataRole.UserRole + 1)
    assert set(window.session.library._cache) == {"dongguan-14th-fyp"}
    window.close()


def test_scrolling_to_the_end_lists_the_next_page_of_hits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.panels.search_panel import PAGE

    _search(window, qtbot, "。")  # nearly every paragraph
    panel = window.search_panel
    total = window.searching.last_result.total
    assert total > 2 * PAGE
    assert panel.model.rowCount() == PAGE
    assert f"已列出 {PAGE} 段" in panel.summary.text()
    first = [panel.model.item(r).data(Qt.ItemDataRole.UserRole + 2).block for r in range(PAGE)]
    bar = panel.results.verticalScrollBar()

    def scrolled_to_end_shows(rows: int) -> bool:
        bar.setValue(bar.maximum())  # as a reader keeps scrolling down while rows are laid out
        return panel.model.rowCount() >= rows

    qtbot.wait(300)
    assert panel.model.rowCount() == PAGE  # nothing more is fetched until the reader scrolls
    for pages in (2, 3):
        qtbot.waitUntil(lambda n=pages: scrolled_to_end_shows(min(total, n * PAGE)), timeout=10000)
        assert panel.model.rowCount() == min(total, pages * PAGE)
    blocks = [panel.model.item(r).data(Qt.ItemDataRole.UserRole + 2).block for r in range(panel.model.rowCount())]
    assert blocks[:PAGE] == first  # the list grew at its end; what was shown stayed put
    assert len(set(blocks)) == len(blocks) == total
    assert "已列出" not in panel.summary.text()


def test_a_list_tall_enough_for_every_row_asks_for_the_next_page_by_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    from reader.search.index import Hit, SearchResult
    from reader.ui.panels.search_panel import PAGE, SearchPanel

    def hits(n: int) -> list[Hit]:
        return [
            Hit("d", i, f"b{i}", "n", "章", "paragraph", 1.0, "短句", "短句", 0, [(0, 2)], ["短句"]) for i in range(n)
        ]

    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.query_box.setText("短句")
    panel.resize(500, 300)
    panel.show()
    asked: list[int] = []
    panel.more_requested.connect(asked.append)
    panel.show_result(SearchResult(query="短句", total=3 * PAGE, hits=hits(PAGE)), {}, {}, "#ffee88")
    qtbot.wait(400)
    assert asked == []  # a short list scrolls; nothing more until the reader scrolls to its end

    panel.resize(500, 9000)  # every row fits: the reader could never scroll to the end
    panel.show_result(SearchResult(query="短句", total=3 * PAGE, hits=hits(PAGE)), {}, {}, "#ffee88")
    qtbot.waitUntil(lambda: asked == [2 * PAGE], timeout=3000)
    panel.show_more(SearchResult(query="短句", total=3 * PAGE, hits=hits(2 * PAGE)))
    qtbot.waitUntil(lambda: asked == [2 * PAGE, 3 * PAGE], timeout=3000)
    panel.show_more(SearchResult(query="短句", total=3 * PAGE, hits=hits(3 * PAGE)))
    qtbot.wait(400)
    assert asked == [2 * PAGE, 3 * PAGE]  # all listed: no more requests
    assert panel.model.rowCount() == 3 * PAGE


def test_a_table_row_hit_is_shown_with_its_column_names() -> None:
    from types import SimpleNamespace

    from reader.ui.panels.search_panel import snippet_html

    text = "\t3.常住人口城镇化率（%）\t60.6*\t65\t—\t预期性"
    a = text.index("城镇化率")
    hit = SimpleNamespace(
        text=text,
        snippet=text,
        snippet_start=0,
        matches=[(a, a + 4)],
        path="专栏1",
        columns=["类别", "指标", "2020年", "2025年", "年均/累计", "属性"],
    )
    html = snippet_html(hit, "#fde68a")
    assert ">2020年</span> 60.6*" in html and ">2025年</span> 65" in html
    assert "城镇化率</span>（%）" in html and "—" not in html


def test_search_hits_use_a_colour_of_their_own_and_go_when_the_panel_closes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    colors = window.view._palette_colors()
    highlight_colours = {colors[k].name() for k in colors if k.startswith("hl-") or k in ("target_bg", "actual_bg")}
    assert colors["hit_bg"].name() not in highlight_colours and colors["current_bg"].name() not in highlight_colours
    _search(window, qtbot, "湾区")
    qtbot.waitUntil(lambda: len(window.view._transient) > 0, timeout=5000)
    window.search_dock.hide()
    qtbot.waitUntil(lambda: window.view._transient == [], timeout=2000)


def test_empty_panel_explains_the_syntax_until_something_is_typed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search_dock.show()
    window.search_dock.raise_()
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.isVisible())
    assert panel.guide.isVisible() and not panel.results.isVisible()
    assert "OR" in panel.guide.text() and "Ctrl+K" in panel.guide.text()
    _search(window, qtbot, "松山湖")
    assert not panel.guide.isVisible() and panel.results.isVisible()
    panel.query_box.clear()
    assert panel.guide.isVisible()
