"""Indicators side by side across plans: the targets and past figures of two or more documents matched by indicator.

An indicator is recognised by its names (``indicators.indicator_names``: no table numbering, no unit in brackets,
the abbreviation in brackets as a name of its own) and its change word (增长 is a rate, not the level), and by the
groups of ``resources/dict/indicators.txt`` (GDP = 国内生产总值 = 地区生产总值, renamed indicators). Units are
compared, never converted: 亿吨 against 万亿斤 is marked as a unit change. Rows a reader matched or separated by hand
(``Overrides``) win over the names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.document.model import BlockKind, Document
from reader.targets.extract import Target
from reader.targets.indicators import indicator_names


def load_groups(path: Path) -> dict[str, str]:
    """Each name of the indicator-names file mapped to its group's first name (folded)."""
    groups: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return groups
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [_fold(n) for n in line.split("=") if n.strip()]
        for name in names:
            groups.setdefault(name, names[0])
    return groups


# Inside an indicator's name, the names of GDP stand for one another (单位国内生产总值能耗 = 单位GDP能耗,
# 占地区生产总值比重 = 占GDP比重), and a share is written 比重, 的比重 or 比例 alike.
_GDP_IN_NAME = re.compile(r"国内生产总值|地区生产总值|生产总值")
_SHARE_END = re.compile(r"(的比重|比例)$")


def _fold(name: str) -> str:
    """Names compared alike: width forms, case and spaces do not count, nor how GDP and a share are written."""
    import unicodedata

    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).lower()
    return _SHARE_END.sub("比重", _GDP_IN_NAME.sub("gdp", folded))


@dataclass
class Side:
    """One document's figures for an indicator: its latest past figure and its furthest target."""

    name: str  # the indicator as this document writes it
    base: Target | None = None
    target: Target | None = None

    @property
    def unit(self) -> str:
        for t in (self.target, self.base):
            if t is not None and t.unit:
                return t.unit
        return ""

    @property
    def attribute(self) -> str:
        for t in (self.target, self.base):
            if t is not None and t.attribute:
                return t.attribute
        return ""


@dataclass
class Row:
    """One indicator across the documents compared (by document id; a document without it has no side)."""

    key: str
    sides: dict[str, Side] = field(default_factory=dict)
    change: str = ""  # new | dropped | raised | lowered | same (the later plan's target against the earlier one's)
    units_differ: bool = False

    @property
    def name(self) -> str:
        return next(iter(self.sides.values())).name


@dataclass
class Comparison:
    docs: list[Document]
    rows: list[Row]  # indicators found in two or more documents first, in the first document's order

    def matched(self) -> list[Row]:
        return [r for r in self.rows if len(r.sides) > 1]

    def unmatched(self, doc_id: str) -> list[Row]:
        return [r for r in self.rows if list(r.sides) == [doc_id]]


@dataclass
class Overrides:
    """Matches made or undone by hand: (doc, indicator) pairs joined to another document's indicator, or kept
    apart. Indicators are named as the documents write them."""

    joined: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc A, name A, doc B, name B
    apart: list[tuple[str, str, str, str]] = field(default_factory=list)


def _keys(name: str, groups: Mapping[str, str]) -> set[str]:
    names, change = indicator_names(name)
    return {groups.get(_fold(n), _fold(n)) + "|" + change for n in names}


def _sides(
    doc: Document, targets: Iterable[Target], groups: Mapping[str, str]
) -> list[tuple[Side, set[str], set[str]]]:
    """Per indicator of one document: (its figures, its keys, the names it is written under). Items with a key in
    common are one indicator (国内生产总值 in a sentence, GDP in the table); its figures are the latest past figure
    and the furthest target, a table row before a sentence, and it is named as its best figure names it."""
    rows = {b.index for b in doc.blocks if b.kind is BlockKind.TABLE_ROW}

    def rank(t: Target) -> tuple[bool, int]:
        return t.block in rows, int(t.year or 0)

    groups_of: list[tuple[set[str], set[str], list[Target]]] = []
    for t in targets:
        if not t.indicator or not t.values:
            continue
        keys = _keys(t.indicator, groups)
        if not keys:
            continue  # no name to match by: a bare change word (增长65.9% where the copy lost its subject)
        found = [g for g in groups_of if g[0] & keys]
        merged: tuple[set[str], set[str], list[Target]] = (set(keys), {t.indicator}, [t])
        for g in found:
            merged[0].update(g[0])
            merged[1].update(g[1])
            merged[2].extend(g[2])
            groups_of.remove(g)
        groups_of.append(merged)
    out = []
    for keys, names, items in sorted(groups_of, key=lambda g: min((t.block, t.start) for t in g[2])):
        target = max((t for t in items if t.kind == "target"), key=rank, default=None)
        base = max((t for t in items if t.kind == "actual"), key=rank, default=None)
        best = max(items, key=lambda t: (rank(t), t.kind == "target"))
        out.append((Side(best.indicator, base, target), keys, names))
    return out


def compare(
    docs: Sequence[tuple[Document, Iterable[Target]]],
    groups: Mapping[str, str] | None = None,
    overrides: Overrides | None = None,
) -> Comparison:
    """Match the indicators of the documents, earliest plan first as given."""
    groups = groups or {}
    overrides = overrides or Overrides()
    rows: list[Row] = []
    by_key: dict[str, Row] = {}
    apart = {(a, n, b, m) for a, n, b, m in overrides.apart} | {(b, m, a, n) for a, n, b, m in overrides.apart}
    joined = {(b, m): (a, n) for a, n, b, m in overrides.joined}
    placed: dict[tuple[str, str], Row] = {}
    for doc, targets in docs:
        for side, keys, names in _sides(doc, targets, groups):
            row = None
            hand = next((joined[(doc.id, n)] for n in names if (doc.id, n) in joined), None)
            if hand is not None:
                row = placed.get(hand)
            if row is None:
                for key in sorted(keys):
                    candidate = by_key.get(key)
                    if candidate is None or doc.id in candidate.sides:
                        continue
                    if any((doc.id, n, other, s.name) in apart for n in names for other, s in candidate.sides.items()):
                        continue
                    row = candidate
                    break
            if row is None:
                row = Row(key=min(keys))
                rows.append(row)
            row.sides[doc.id] = side
            for n in names:
                placed[(doc.id, n)] = row
            for key in keys:
                by_key.setdefault(key, row)
    order = [d.id for d, _t in docs]
    for row in rows:
        _mark(row, order)
    rows.sort(key=lambda r: len(r.sides) < 2)  # stable: matched first, each group in reading order
    return Comparison([d for d, _t in docs], rows)


def _measure(t: Target | None) -> tuple[bool, bool]:
    qualifier = t.qualifier if t is not None else ""
    return "累计" in qualifier, "年均" in qualifier


def _number(t: Target | None) -> float | None:
    return t.values[-1] if t is not None and t.values else None


def _mark(row: Row, order: list[str]) -> None:
    """What changed from the earliest document that has the indicator to the latest."""
    present = [d for d in order if d in row.sides]
    units = {row.sides[d].unit for d in present if row.sides[d].unit}
    row.units_differ = len(units) > 1
    if len(order) < 2:
        return
    if order[-1] not in row.sides:
        row.change = "dropped"
        return
    if order[0] not in row.sides:
        row.change = "new"
        return
    first_t, last_t = row.sides[order[0]].target, row.sides[order[-1]].target
    first, last = _number(first_t), _number(last_t)
    if first is None or last is None or row.units_differ or _measure(first_t) != _measure(last_t):
        return  # a 5-year total (〔1〕, 累计) or a yearly rate (年均) is not comparable with a level
    row.change = "raised" if last > first else "lowered" if last < first else "same"


CSV_HEADER_FIXED = ["指标", "变化", "单位不同"]


def table(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """Header and rows for CSV and Markdown: per document its name, base value and year, target value and year,
    unit and attribute."""
    header = list(CSV_HEADER_FIXED)
    for short in short_titles(comparison.docs):
        header += [f"{short}·指标", f"{short}·基期值", f"{short}·基期", f"{short}·目标值", f"{short}·目标年"]
        header += [f"{short}·单位", f"{short}·属性"]
    out = []
    labels = {"new": "新增", "dropped": "不再列出", "raised": "目标提高", "lowered": "目标降低", "same": "目标不变"}
    for row in comparison.rows:
        line = [row.name, labels.get(row.change, ""), "是" if row.units_differ else ""]
        for doc in comparison.docs:
            side = row.sides.get(doc.id)
            if side is None:
                line += [""] * 7
                continue
            base, target = side.base, side.target
            line += [
                side.name,
                _value(base),
                base.year or "" if base else "",
                _value(target),
                target.year or "" if target else "",
                side.unit,
                side.attribute,
            ]
        out.append(line)
    return header, out


def short_titles(docs: Sequence[Document]) -> list[str]:
    """Titles without the opening they all share (中华人民共和国国民经济和社会发展第…), so columns tell them apart."""
    titles = [d.title for d in docs]
    common = 0
    while len(titles) > 1 and all(len(t) > common for t in titles) and len({t[common] for t in titles}) == 1:
        common += 1
    while common and titles[0][common - 1] in "第一二三四五六七八九十百零〇0123456789":
        common -= 1  # keep a number whole: 第十四个… and 第十五个…, not 四个… and 五个…
    if all(len(t) - common >= 4 for t in titles):
        titles = [t[common:] for t in titles]
    return [t[:24] for t in titles]


def _value(t: Target | None) -> str:
    if t is None or not t.values:
        return ""
    text = "、".join(f"{v:g}" for v in t.values)
    return f"{t.qualifier} {text}".strip() if t.qualifier else text


def to_markdown(comparison: Comparison) -> str:
    header, rows = table(comparison)
    esc = lambda s: str(s).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(map(esc, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(esc, r)) + " |" for r in rows]
    return "\n".join(lines) + "\n"
