"""Indicator tables (主要指标, 专栏1): the target list of a five-year plan, read by column.

A header names the columns: 类别 / 指标 / 2025年 / 2030年 / 年均/累计 / 属性. Each body row gives one indicator
(its unit in brackets: 常住人口城镇化率（%）), a base-year value (a past figure; ``*`` marks an earlier year that
the table's note names), a target-year value, a 年均/累计 value (a target; 〔 〕 is a five-year cumulative
figure) and 属性 (预期性 / 约束性). Cells without a number (—, 保持在合理区间…) give nothing. Rows are tab-separated
blocks, whatever the source format; a merged cell leaves a row shorter than the header, so cells are placed
from the indicator cell rightwards and from the 属性 cell leftwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document.model import Block, Document
from reader.document.tables import Table, find_tables
from reader.targets.indicators import indicator_names
from reader.targets.quantities import _NUMBER, Quantity, parse_number

_YEAR_COLUMN = re.compile(r"^(?P<y>(?:19|20)\d\d)\s*年")
_RATE_COLUMN = re.compile(r"年均|累计|五年")
_INDICATOR_COLUMN = re.compile(r"指标(?!属性)|项目名称|名称")
_ATTRIBUTE_COLUMN = re.compile(r"属性|性质")
_UNIT_COLUMN = re.compile(r"^单位$|计量单位")
_ATTRIBUTE = re.compile(r"^(?:预期性|约束性)$")
_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*")
_UNIT_BRACKET = re.compile(r"^(?P<name>.+?)\s*[（(](?P<unit>[^（）()]{1,12})[）)]\s*$")
_VALUE = re.compile(
    rf"^\s*(?P<cmp>[＞＜>≥≤<]|大于|小于|不低于|不高于|超过|高于|低于)?\s*(?P<open>[〔\[［【])?\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<close>[〕\]］】])?\s*(?P<star>[*＊])?\s*(?P<q>左右|以上|以下|以内)?"
)
_STAR_NOTE = re.compile(r"带?\s*[*＊]\s*(?:号)?的?(?:为|是|系)\s*(?P<y>(?:19|20)\d\d)\s*年")


@dataclass(frozen=True)
class Column:
    kind: str  # "label" | "indicator" | "year" | "rate" | "attribute" | "unit"
    year: int | None = None


@dataclass(frozen=True)
class Cell:
    """One figure of an indicator table, ready to become a target or a past figure."""

    block: Block
    indicator: str
    unit: str
    quantity: Quantity
    year: int | None
    kind: str  # "target" | "actual"
    qualifier: str
    base_year: int | None
    attribute: str


def _columns(cells: list[str]) -> list[Column] | None:
    cols: list[Column] = []
    for c in cells:
        c = c.strip()
        y = _YEAR_COLUMN.match(c)
        if y:
            cols.append(Column("year", int(y.group("y"))))
        elif _ATTRIBUTE_COLUMN.search(c):
            cols.append(Column("attribute"))
        elif _RATE_COLUMN.search(c):
            cols.append(Column("rate"))
        elif _UNIT_COLUMN.search(c):
            cols.append(Column("unit"))
        elif _INDICATOR_COLUMN.search(c):
            cols.append(Column("indicator"))
        else:
            cols.append(Column("label"))
    years = [c for c in cols if c.kind == "year"]
    has_indicator = any(c.kind == "indicator" for c in cols)
    if not years or (len(years) < 2 and not has_indicator):
        return None
    return cols


def _place(cells: list[str], cols: list[Column]) -> dict[int, int] | None:
    """Column index → cell index. A short row is aligned on its indicator cell: when it ends with its 属性 cell,
    a merged value cell (— across two columns) is missing and the values are right-aligned; when it does not,
    the merged 属性 of a continuation row is missing and the values are left-aligned."""
    if len(cells) == len(cols):
        return {k: k for k in range(len(cells))}
    ind_col = next((i for i, c in enumerate(cols) if c.kind == "indicator"), None)
    if ind_col is None:
        return None
    ind_cell = next((i for i, c in enumerate(cells) if _NUMBERED.match(c) or _UNIT_BRACKET.match(c.strip())), None)
    if ind_cell is None:
        ind_cell = next((i for i, c in enumerate(cells) if c.strip() and not _VALUE.match(c)), None)
    if ind_cell is None:
        return None
    placed = {ind_col: ind_cell}
    rest = list(range(ind_cell + 1, len(cells)))
    later = list(range(ind_col + 1, len(cols)))
    if len(rest) > len(later):
        return None
    if len(rest) == len(later):
        placed.update(zip(later, rest, strict=False))
    elif rest and _ATTRIBUTE.match(cells[rest[-1]].strip()) and cols[later[-1]].kind == "attribute":
        placed[later[-1]] = rest[-1]
        values = rest[:-1]
        placed.update(zip(later[-1 - len(values) : -1], values, strict=False))
    else:
        placed.update(zip(later, rest, strict=False))
    return placed


def _star_year(table: Table) -> int | None:
    """The year the table's notes give for starred cells (注：②带*的为2024年数据)."""
    for note in table.notes:
        m = _STAR_NOTE.search(note.text)
        if m:
            return int(m.group("y"))
    return None


def _indicator(cell: str, group: str) -> tuple[str, str, str]:
    """(indicator, unit, group) from an 指标 cell: 3.常住人口城镇化率（%） → 常住人口城镇化率, %."""
    text = _NUMBERED.sub("", cell).strip()
    unit = ""
    m = _UNIT_BRACKET.match(text)
    if m:
        text, unit = m.group("name").strip(), m.group("unit").strip()
    numbered = bool(_NUMBERED.match(cell))
    # A space between Chinese words inside an 指标 cell separates a group name from the row's own name.
    parts = re.split(r"[\u3000]+|\s{2,}|(?<=[\u4e00-\u9fff）)])\s(?=[\u4e00-\u9fff])", text)
    if len(parts) == 2 and all(parts):
        # 每千人口拥有医护人员数　执业医师数: a group name and the row's own indicator.
        group = parts[0]
        text = parts[1]
    elif numbered:
        group = ""
    if group and group != text:
        text = f"{text}（{group}）"
    return text, unit.replace("％", "%"), group


def read_tables(doc: Document, now: int | None) -> list[Cell]:
    """Every figure of every indicator table in the document."""
    return [cell for table in find_tables(doc) for cell in _read_one(table, now)]


def _read_one(table: Table, now: int | None) -> list[Cell]:
    rows = list(table.rows)
    header_at = None
    cols: list[Column] | None = None
    for k, row in enumerate(rows[:3]):
        cols = _columns(row.text.split("\t"))
        if cols:
            header_at = k
            break
    if cols is None or header_at is None:
        return []
    years = sorted({c.year for c in cols if c.kind == "year" and c.year is not None})
    last_year = years[-1]
    first_year = years[0]
    base_years = [y for y in years if now is not None and y < now] or ([first_year] if len(years) > 1 else [])
    star = _star_year(table) or (first_year - 1)
    out: list[Cell] = []
    group = ""
    attribute = ""
    for row in rows[header_at + 1 :]:
        cells = row.text.split("\t")
        placed = _place(cells, cols)
        if placed is None:
            continue
        ind_col = next((k for k, c in enumerate(cols) if c.kind == "indicator"), None)
        label_cell = cells[placed[ind_col]] if ind_col is not None and ind_col in placed else ""
        if not label_cell.strip() or _ATTRIBUTE.match(label_cell.strip()):
            continue
        indicator, unit, group = _indicator(label_cell, group)
        # The 年均/累计 column holds a growth's yearly average (研发经费投入增长 ＞7) — or, for an indicator that is
        # a level and not a change (城镇调查失业率 ＜5.5), the level to keep each year.
        is_change = bool(indicator_names(indicator)[1])
        unit_col = next((k for k, c in enumerate(cols) if c.kind == "unit"), None)
        if unit_col is not None and unit_col in placed and cells[placed[unit_col]].strip():
            unit = cells[placed[unit_col]].strip()
        attr_col = next((k for k, c in enumerate(cols) if c.kind == "attribute"), None)
        if attr_col is not None:
            text = cells[placed[attr_col]].strip() if attr_col in placed else ""
            # A continuation row under a merged 属性 cell keeps the attribute of the row above.
            attribute = text if _ATTRIBUTE.match(text) else (attribute if not _NUMBERED.match(label_cell) else "")
        starts: list[int] = []
        pos = 0
        for c in cells:
            starts.append(pos)
            pos += len(c) + 1
        for k, col in enumerate(cols):
            if col.kind not in ("year", "rate") or k not in placed:
                continue
            m = _VALUE.match(cells[placed[k]])
            if not m:
                continue
            a = starts[placed[k]] + m.start("num")
            b = starts[placed[k]] + m.end("num")
            value = parse_number(m.group("num"))
            cumulative = bool(m.group("open") and m.group("close"))
            qual = [x for x in (m.group("cmp"), "累计" if cumulative else None, m.group("q")) if x]
            year: int | None
            if col.kind == "rate":
                kind, year = "target", last_year
                if not cumulative and is_change:
                    qual.insert(0, "年均")
            else:
                year = col.year
                kind = "actual" if year in base_years else "target"
                if m.group("star"):
                    year = star
            base = None
            if cumulative and year is not None:
                base = first_year if kind == "target" and first_year < year else year - 5
            q = Quantity(value, None, unit, row.text[a:b], a, b)
            out.append(Cell(row, indicator, unit, q, year, kind, " ".join(qual), base, attribute))
    return out
