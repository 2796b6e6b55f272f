"""The targets panel and in-text highlights, driven through the real window."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.ui.panels.targets_panel import TARGET_ROLE, TargetsModel


def _char_background(window, block: int, offset: int):  # type: ignore[no-untyped-def]
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.position_of(block, offset) + 1)  # the format of the character at offset
    return cursor.charFormat().background().color().name(), cursor.charFormat().fontWeight()


def test_targets_and_past_figures_are_highlighted_in_two_colours(window) -> None:  # type: ignore[no-untyped-def]
    colors = window.view._palette_colors()
    target = next(t for t in window.targets_feature.targets if t.text == "到2025年GDP达到1.3万亿元左右")
    assert target.kind == "target"
    # 「2020年达9650.19亿元」: a past figure colours its number only, so a review chapter stays calm.
    actual = next(t for t in window.targets_feature.targets if t.text == "2020年达9650.19亿元")
    assert _char_background(window, target.block, target.start)[0] == colors["target_bg"].name()
    number = actual.quantities[0]
    assert _char_background(window, actual.block, number.start)[0] == colors["actual_bg"].name()
    assert _char_background(window, actual.block, actual.start)[0] != colors["actual_bg"].name()
    assert colors["target_bg"] != colors["actual_bg"]
    # The number inside the target is emphasised.
    q = target.quantities[0]
    assert _char_background(window, target.block, q.start)[1] > _char_background(window, target.block, target.start)[1]


def test_highlights_can_be_switched_off_and_legend_follows(window) -> None:  # type: ignore[no-untyped-def]
    target = next(t for t in window.targets_feature.targets if t.kind == "target")
    assert "规划目标" in window.targets_feature.legend.text()
    window.targets_feature.highlight.trigger()
    assert _char_background(window, target.block, target.start)[0] != window.view._palette_colors()["target_bg"].name()
    assert window.targets_feature.legend.text() == ""
    window.targets_feature.highlight.trigger()
    assert _char_background(window, target.block, target.start)[0] == window.view._palette_colors()["target_bg"].name()


def test_panel_lists_filters_and_sorts(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.targets_feature.panel
    total = panel.model.rowCount()
    assert total == len(window.targets_feature.targets) > 100
    panel.kind_box.setCurrentIndex(1)  # 规划目标
    targets_only = panel.proxy.rowCount()
    assert 0 < targets_only < total
    assert all(panel.proxy.index(r, 0).data(TARGET_ROLE).kind == "target" for r in range(targets_only))
    panel.filter_box.insert("地区生产总值")
    assert 0 < panel.proxy.rowCount() < targets_only
    panel.filter_box.clear()
    panel.kind_box.setCurrentIndex(0)
    panel.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    values = [panel.proxy.index(r, 0).data(TARGET_ROLE).values[0] for r in range(panel.proxy.rowCount())]
    assert values == sorted(values, reverse=True)


def test_clicking_a_row_jumps_to_the_sentence(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.targets_feature.panel
    panel.kind_box.setCurrentIndex(1)
    row = panel.proxy.rowCount() - 1
    index = panel.proxy.index(row, 1)
    t = index.data(TARGET_ROLE)
    window.view.scroll_to_block(0)
    rect = panel.table.visualRect(index)
    panel.table.scrollTo(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(index).center())
    del rect
    qtbot.wait(150)
    assert window._current_span is not None and window._current_span.block == t.block
    top = window.view.top_block()
    assert top <= t.block <= top + 3
    assert window.nav.trail.pos >= 1  # the jump went into history


def test_target_tooltip_explains_the_kind(window) -> None:  # type: ignore[no-untyped-def]
    t = next(
        t for t in window.targets_feature.targets if t.kind == "target" and t.year == "2025" and not t.year_implied
    )
    tip = window.view.tooltip_provider(t.block, t.start + 1)
    assert tip is not None and "规划目标" in tip and "2025" in tip
    assert window.view.tooltip_provider(0, 0) is None


def test_export_targets_csv_from_the_window(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = window.targets_feature.export_csv(str(tmp_path / "targets.csv"))
    rows = list(csv.reader(io.StringIO(Path(path).read_bytes().decode("utf-8-sig"))))
    assert len(rows) == len(window.targets_feature.targets) + 1


def test_panel_can_be_closed_and_the_window_still_works(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.targets_dock.close()
    assert not window.targets_dock.isVisible()
    window.jump_to_block(40)
    assert window.view.top_block() in range(38, 43)
    window.targets_dock.toggleViewAction().trigger()
    assert window.targets_dock.isVisible()


def test_targets_model_is_a_valid_item_model(qtmodeltester, seed_doc) -> None:  # type: ignore[no-untyped-def]
    from reader.targets.extract import extract

    model = TargetsModel()
    model.set_targets(seed_doc, extract(seed_doc))
    qtmodeltester.check(model)


def test_indicator_table_rows_show_base_year_attribute_and_only_the_cell_is_coloured(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import DATA

    doc, _replaced, _anchored = window.session.import_file(DATA / "corpus" / "cn15_fyp_outline_p1-2.txt", index=False)
    assert window.open_document(doc.id)
    model = window.targets_feature.panel.model
    rows = {
        (model.index(r, 0).data(), model.index(r, 2).data(), model.index(r, 4).data()): r
        for r in range(model.rowCount())
        if "单位GDP二氧化碳排放降低（%）" in model.rows[r].text
    }
    # 〔17〕 in the 年均/累计 column: a five-year cumulative target measured from 2025, 约束性.
    r = rows[("目标", "17%（累计）", "2030")]
    assert (model.index(r, 5).data(), model.index(r, 6).data()) == ("2025", "约束性")
    t = model.rows[r]
    colors = window.view._palette_colors()
    ((a, _b),) = t.marks
    assert _char_background(window, t.block, a)[0] == colors["target_bg"].name()
    # The indicator cell at the start of the row is not coloured as a target.
    assert _char_background(window, t.block, 0)[0] != colors["target_bg"].name()


def test_an_indicator_table_is_typeset_as_a_grid_and_addressed_by_row_offsets(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from tests.conftest import DATA

    doc, _replaced, _anchored = window.session.import_file(DATA / "corpus" / "cn14_fyp_outline_p1-2.txt", index=False)
    assert window.open_document(doc.id)
    view = window.view
    row = next(b for b in window.doc.blocks if "3.常住人口城镇化率（%）" in b.text)
    # Each cell is its own paragraph inside one QTextTable; offsets into the row text map to the right cell.
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_of(row.index, row.text.index("60.6")))
    table = cursor.currentTable()
    assert table is not None and table.columns() == 6 and table.rows() == 21
    assert table.cellAt(cursor).column() == 2 and table.format().headerRowCount() == 1
    assert view.locate(cursor.position()) == (row.index, row.text.index("60.6"))
    # A selection inside one cell is a span of the row; copying rows gives tab-separated cells for a spreadsheet.
    view.select_span(row.index, row.text.index("65"), row.text.index("65") + 2)
    assert view.selected_span() == (row.index, row.text.index("65"), row.text.index("65") + 2)
    view.select_span(row.index, 0, len(row.text))
    view.copy()
    assert QApplication.clipboard().text() == row.text
    # The block after the table is still found by its index.
    after = next(b for b in window.doc.blocks[row.index :] if b.kind.value != "table_row")
    cursor.setPosition(view.position_of(after.index, 0))
    assert cursor.currentTable() is None and cursor.block().text() == after.text


def test_a_table_is_copied_as_cells_and_exported_as_csv_from_the_text_menu(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv

    from PySide6.QtWidgets import QApplication

    from tests.conftest import DATA

    doc, _replaced, _anchored = window.session.import_file(DATA / "corpus" / "cn15_fyp_outline_p1-2.txt", index=False)
    assert window.open_document(doc.id)
    row = next(b for b in window.doc.blocks if "18.森林覆盖率（%）" in b.text)
    menu = window.build_text_menu(row.index, 0)
    labels = [a.text() for a in menu.actions()]
    assert "复制整张表格（粘贴到表格软件为单元格）" in labels and "导出表格为 CSV…" in labels
    next(a for a in menu.actions() if a.text().startswith("复制整张表格")).trigger()
    lines = QApplication.clipboard().text().split("\n")
    assert lines[0] == "类别\t指标\t2025年\t2030年\t年均/累计\t属性" and len(lines) == 22
    assert "\t18.森林覆盖率（%）\t25.1*\t25.8\t—\t约束性" in lines
    table = window.table_actions.table_at(window.doc, row.index)
    out = window.table_actions.export_csv(window.doc, table, str(tmp_path / "专栏1.csv"))
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["类别", "指标", "2025年", "2030年", "年均/累计", "属性"]
    assert ["", "18.森林覆盖率（%）", "25.1*", "25.8", "—", "约束性"] in rows
    # Outside a table the menu has no table entries.
    prose = next(b for b in window.doc.blocks if b.kind.value == "paragraph")
    assert not any(a.text().startswith("复制整张表格") for a in window.build_text_menu(prose.index, 0).actions())


def test_the_year_stands_beside_the_kind_in_view_at_the_readme_sizes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The panel is about a third of the window: kind, indicator, value and unit filled it, and the year — what tells a
    # goal for 2025 from a figure of 2020 — needed a sideways scroll.
    panel = window.targets_feature.panel
    window.targets_dock.show()
    window.targets_dock.raise_()
    for size in ((1024, 700), (1280, 820)):
        window.resize(*size)
        qtbot.wait(30)
        table = panel.table
        assert table.horizontalHeader().visualIndex(4) == 1
        assert table.model().headerData(4, Qt.Orientation.Horizontal) == "年份"
        for col in (0, 4, 1, 2):  # kind, year, indicator, value with its unit
            assert table.columnViewportPosition(col) + table.columnWidth(col) <= table.viewport().width(), (size, col)
    gdp = next(r for r in range(panel.model.rowCount()) if panel.model.rows[r].unit == "万亿元")
    t = panel.model.rows[gdp]
    assert panel.model.index(gdp, 2).data().startswith(f"{t.values[0]:g}万亿元")
