"""The comparison window (issue #17) on the national 十四五 and 十五五 outlines."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import DATA


def _import_outlines(window, tmp_path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    ids = []
    for name in ("cn14_fyp_outline_p1-2.txt", "cn15_fyp_outline_p1-2.txt"):
        shutil.copy(DATA / "corpus" / name, tmp_path / name)
        doc, _, _ = window.session.import_file(tmp_path / name, index=False)
        ids.append(doc.id)
    return ids


def _row(dialog, name: str) -> int:  # type: ignore[no-untyped-def]
    proxy = dialog.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)


def test_the_table_shows_both_plans_and_a_click_shows_the_source(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _import_outlines(window, tmp_path)
    dialog = window.comparing.show(ids)
    qtbot.addWidget(dialog)
    assert dialog.checked() == ids
    r = _row(dialog, "常住人口城镇化率")
    cells = [str(dialog.proxy.index(r, c).data()) for c in range(dialog.proxy.columnCount())]
    # 十四五: 60.6 (2019) → 65 by 2025; 十五五: 67.9 (2025) → 71 by 2030.
    assert (
        cells[1] == "目标提高 ↑"
        and cells[2:5] == ["60.6（2019）", "65（2025）", "%"]
        and cells[5:8] == ["67.9（2025）", "71（2030）", "%"]
    )
    grain = _row(dialog, "粮食综合生产能力")
    assert "单位不同" in dialog.proxy.index(grain, 1).data()
    dialog.table.clicked.emit(dialog.proxy.index(r, 6))  # the 十五五 target
    assert window.doc.id == ids[1]
    span = window._current_span
    assert span is not None and "71" in window.doc.blocks[span.block].text
    out = dialog.export(str(tmp_path / "cmp.csv"), "csv")
    assert out and "常住人口城镇化率" in (tmp_path / "cmp.csv").read_text(encoding="utf-8-sig")


def test_rows_are_separated_and_joined_by_hand(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _import_outlines(window, tmp_path)
    dialog = window.comparing.show(ids)
    qtbot.addWidget(dialog)
    water = dialog.comparison.rows[
        dialog.proxy.mapToSource(dialog.proxy.index(_row(dialog, "地表水达到或好于Ⅲ类水体比例"), 0)).row()
    ]
    dialog.match(water, water, False)
    names = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert "优良水体比例" in names and "地表水达到或好于Ⅲ类水体比例" in names
    first = dialog.comparison.rows[
        dialog.proxy.mapToSource(dialog.proxy.index(names.index("地表水达到或好于Ⅲ类水体比例"), 0)).row()
    ]
    second = dialog.comparison.rows[dialog.proxy.mapToSource(dialog.proxy.index(names.index("优良水体比例"), 0)).row()]
    dialog.match(first, second, True)
    names = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert "优良水体比例" not in names  # one row again, named as the earlier plan names it
    dialog.filter_box.setText("水体")
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == "目标不变"
