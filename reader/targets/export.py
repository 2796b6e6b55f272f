"""Rows for exporting targets (CSV for Excel; shared by the CLI and the targets panel)."""

from __future__ import annotations

from typing import Any

from reader.document.model import Document
from reader.targets.extract import Target

CSV_HEADER = ("类型", "指标", "数值", "单位", "限定", "年份", "基年", "属性", "章节", "原文", "块", "起", "止")


def csv_rows(doc: Document, targets: list[Target]) -> list[tuple[Any, ...]]:
    """One row per target or past figure, in the order given."""
    rows = []
    for t in targets:
        path = " › ".join(n.label for n in doc.node_path(t.node))
        values = "、".join(f"{v:g}" for v in t.values)
        label = "目标" if t.kind == "target" else "既往"
        year = (t.year or "") + ("（规划期末）" if t.year_implied else "")
        rows.append(
            (
                label,
                t.indicator,
                values,
                t.unit,
                t.qualifier,
                year,
                t.base_year or "",
                t.attribute,
                path,
                t.text,
                t.block,
                t.start,
                t.end,
            )
        )
    return rows
