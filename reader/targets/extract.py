"""Find quantitative targets and past figures in a document.

A *figure* is a clause (between ，；。) holding at least one quantity. It is a
``target`` when it commits to the future (到2025年, 力争, 争取, a horizon such as
三年内, or it sits in a section about goals and tasks) and an ``actual`` when it
reports the past (2020年达…, 比2015年, 十三五期间, 累计…, or it sits in the
review of the last plan). Cues found earlier in the same sentence carry over:
「到2025年GDP达到1.3万亿元左右，年均增长6%左右」 gives two targets for 2025.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from reader.document.model import Block, BlockKind, Document, NodeKind
from reader.document.structure import cn_to_int
from reader.targets import patterns as P

SKIPPED_KINDS = (BlockKind.NOTE, BlockKind.HEADING, BlockKind.TABLE_ROW)
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]?")
_CLAUSE_BREAK = re.compile(r"[，,]|[:：](?!\d)|(?<!\d)[:：]")


@dataclass(frozen=True)
class Quantity:
    """One value as written: 1.3万亿元 → value 1.3, unit 万亿元."""

    value: float
    value_to: float | None  # upper end of a range (2-3个, 50亿至100亿元)
    unit: str
    text: str
    start: int  # offsets into the block text
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "value_to": self.value_to,
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Target:
    """A target or a past figure, pointing at an exact span of one block."""

    doc: str
    block: int
    block_id: str
    start: int
    end: int
    text: str
    indicator: str
    quantities: tuple[Quantity, ...]
    qualifier: str
    year: str | None  # "2025", or a horizon such as "三年内"; None when the text gives none
    kind: str  # "target" | "actual"
    node: str
    reason: str  # which cue decided the kind (for the UI tooltip and for debugging rules)
    year_implied: bool = False  # the year is the plan's end year, not written in the sentence

    @property
    def values(self) -> list[float]:
        out: list[float] = []
        for q in self.quantities:
            out.append(q.value)
            if q.value_to is not None:
                out.append(q.value_to)
        return out

    @property
    def unit(self) -> str:
        return self.quantities[0].unit if self.quantities else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "block": self.block,
            "block_id": self.block_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "indicator": self.indicator,
            "values": self.values,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "year": self.year,
            "kind": self.kind,
            "node": self.node,
            "quantities": [q.to_json() for q in self.quantities],
            "reason": self.reason,
            "year_implied": self.year_implied,
        }


# ---------------------------------------------------------------- quantities


def _magnitude(mag: str | None) -> str:
    return mag or ""


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All quantities in ``text`` (offsets shifted by ``offset``); years and horizons are not quantities."""
    blocked: list[tuple[int, int]] = [m.span() for m in P.YEAR.finditer(text)]
    blocked += [m.span() for m in P.HORIZON.finditer(text)]
    blocked += [m.span() for m in P.AGE_BRACKET.finditer(text)]
    quoted = [m.span() for m in re.finditer(r"“[^”]{0,12}”", text)]

    def free(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    found: list[Quantity] = []
    for m in P.ARABIC_QUANTITY.finditer(text):
        if not free(m.start(), m.end(), blocked):
            continue
        unit = _magnitude(m.group("mag_b") or m.group("mag_a")) + m.group("unit")
        if m.group("unit") in ("亿", "万") and not m.group("mag_a"):
            unit = m.group("unit")
        if unit == "年":  # "五年年均" / "5年倍增" are durations, handled as horizons or ignored
            continue
        unit = unit.replace("％", "%")
        value_to = float(m.group("b")) if m.group("b") else None
        found.append(Quantity(float(m.group("a")), value_to, unit, m.group(0), offset + m.start(), offset + m.end()))
    for m in P.RATIO.finditer(text):
        if free(m.start(), m.end(), [(q.start - offset, q.end - offset) for q in found]):
            first = float(re.split(r"[:：]", m.group(0))[0])
            found.append(Quantity(first, None, "比例", m.group(0), offset + m.start(), offset + m.end()))
    for m in P.MULTIPLE.finditer(text):
        if not free(m.start(), m.end(), quoted):
            continue
        times = {"一": 2, None: 2, "两": 4, "二": 4, "三": 8}.get(m.group("n"), 2) if m.group(0) != "倍增" else 2
        found.append(Quantity(float(times), None, "倍", m.group(0), offset + m.start(), offset + m.end()))
    for m in P.CHINESE_COUNT.finditer(text):
        if not free(m.start(), m.end(), quoted + blocked):
            continue
        n = cn_to_int(m.group("n"))
        if n is None or n < 2:
            continue
        unit = m.group("unit")
        value = float(n * 10 if unit == "成" else n)
        found.append(
            Quantity(value, None, "%" if unit == "成" else unit, m.group(0), offset + m.start(), offset + m.end())
        )
    if not found:
        for m in P.MAGNITUDE_CLASS.finditer(text):
            n = m.group("n")
            value = (
                float(cn_to_int(n.replace("千", "一千").replace("百", "一百") if n in ("千", "百") else n) or 1)
                if n
                else 1.0
            )
            found.append(
                Quantity(value, None, m.group("mag") + "元级", m.group(0), offset + m.start(), offset + m.end())
            )
    found.sort(key=lambda q: q.start)
    return found


# ---------------------------------------------------------------- context


def plan_start_year(doc: Document) -> int | None:
    """First year of the plan period: 十四五 → 2021; from the title or the opening paragraphs."""
    head = doc.title + "".join(b.text for b in doc.blocks[:3])
    if "第十四个五年" in head:
        return 2021
    counts = {key: head.count(key) for key in P.PLAN_START}
    best = max(counts, key=lambda k: counts[k])
    if counts[best]:
        # The newer plan named in the opening is the one being written (它回顾十三五、部署十四五).
        named = [k for k in P.PLAN_START if counts[k]]
        return P.PLAN_START[named[-1]]
    m = re.search(r"(20\d\d)\s*[—－-]\s*20\d\d\s*年", head)
    return int(m.group(1)) if m else None


def _cue_score(text: str, start: int | None) -> tuple[int, int]:
    """(future, past) cue counts in a stretch of text."""
    future = len(P.FUTURE_DEADLINE.findall(text)) + len(P.COMMITMENT.findall(text))
    past = 0
    for m in P.PAST_MARKER.finditer(text):
        year = m.group("y")
        if year and start and int(year) >= start:
            future += 1
        else:
            past += 1
    return future, past


def section_defaults(doc: Document, start: int | None) -> dict[int, str]:
    """Per block: the kind a figure gets when its own sentence has no cue, from its section's tense."""
    owner: dict[int, str] = {}
    section_of_node: dict[str, str] = {}
    for b in doc.blocks:
        sid = section_of_node.get(b.node)
        if sid is None:
            path = doc.node_path(b.node)
            kinds = (NodeKind.ITEM, NodeKind.NOTES, NodeKind.BOX)
            section = next((n for n in reversed(path) if n.kind not in kinds), None)
            sid = section_of_node[b.node] = section.id if section else ""
        owner[b.index] = sid
    texts: dict[str, list[str]] = {}
    for b in doc.blocks:
        texts.setdefault(owner[b.index], []).append(b.text)
    tense: dict[str, str] = {}
    for sid, parts in texts.items():
        future, past = _cue_score("".join(parts), start)
        tense[sid] = "actual" if past > future else "target"
    return {i: tense[sid] for i, sid in owner.items()}


# ---------------------------------------------------------------- extraction


def _clauses(sentence: str, offset: int) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        yield offset + pos, offset + m.end()
        pos = m.end()
    if pos < len(sentence):
        yield offset + pos, offset + len(sentence)


def _indicator(
    text: str, clause_start: int, quantities: list[Quantity], previous: str, previous_clause: str = ""
) -> str:
    first = quantities[0]
    raw = text[clause_start : first.start].strip(" ，,。；")
    if P.BASE_YEAR.fullmatch(raw) and previous_clause:
        # 在2020年基础上翻一番: the subject is in the clause before.
        raw = re.split(r"迈上|实现|达到|提升|增长|突破|保持", previous_clause)[0].strip(" ，,")
    before = P.INDICATOR_NOISE.sub("", raw)
    before = P.INDICATOR_NOISE.sub("", before).strip("的 ")
    if not before or P.ACTION_VERB.search(before):
        after = text[first.end :]
        after = re.split(r"[，,。；;、]", after, maxsplit=1)[0]
        after = re.sub(r"^(?:以上|以下|左右|多|余)?(?:级|的)?", "", after)
        after = P.INDICATOR_NOISE.sub("", after).strip("的 ")
        before = after or before
    if re.match(r"^(?:年均)?(?:增长|下降|增速)", raw) and previous:
        before = previous + re.match(r"^(?:年均)?(?:增长|下降|增速)", raw).group(0)  # type: ignore[union-attr]
    if not before and previous:
        before = previous  # 「…迈上9000亿元台阶，2020年达9650.19亿元」: same subject as the clause before
    comparison = P.INDICATOR_COMPARISON.match(before)
    if comparison and previous:
        before = f"{previous}（与{comparison.group(1)}年比）"
    trimmed = P.INDICATOR_TRAILING_VERB.sub("", before)
    before = trimmed if len(trimmed) >= 2 else before
    before = P.INDICATOR_ALIASES.get(before, before)
    for alias, canonical in P.INDICATOR_ALIASES.items():
        if before.startswith(alias) and not before.startswith(canonical) and not before.startswith(alias + "占"):
            before = canonical + before[len(alias) :]
            break
    return before[:40]


def _qualifier(clause: str) -> str:
    clause = clause.replace("规模以上", "")  # 规模以上工业 names a statistical scope, not a comparator
    found = []
    for word in P.QUALIFIERS:
        i = clause.find(word)
        if i >= 0 and not any(word in f for f, _ in found):
            found.append((word, i))
    found.sort(key=lambda x: x[1])
    return "、".join(w for w, _ in found)


def extract_block(doc_id: str, block: Block, default: str, start_year: int | None) -> list[Target]:
    """Targets and past figures in one block."""
    text = block.text
    out: list[Target] = []
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group(0)
        carried_year: str | None = None
        carried_target = False
        carried_reason = ""
        lead_in: int | None = None
        previous_indicator = ""
        previous_clause = ""
        for c_start, c_end in _clauses(sentence, sm.start()):
            clause = text[c_start:c_end]
            previous_clause, clause_before = clause, previous_clause
            quantities = find_quantities(clause, c_start)
            deadline = P.FUTURE_DEADLINE.search(clause)
            horizon = P.HORIZON.search(clause)
            commitment = P.COMMITMENT.search(clause)
            past = None
            for m in P.PAST_MARKER.finditer(clause):
                year = m.group("y")
                if year and start_year and int(year) >= start_year:
                    deadline = deadline or m
                    continue
                past = m
                break
            year_here = None
            if deadline is not None and deadline.groupdict().get("y"):
                year_here = deadline.group("y")
            elif horizon is not None:
                year_here = horizon.group("h").replace(" ", "")
            if not quantities:
                if deadline or horizon or commitment:
                    carried_target = True
                    carried_year = year_here or carried_year
                    carried_reason = (deadline or horizon or commitment).group(0)  # type: ignore[union-attr]
                    if lead_in is None:
                        lead_in = c_start
                else:
                    lead_in = None  # the span only reaches back over an adjacent lead-in clause
                continue
            if past is not None and not (deadline or commitment):
                kind, reason = "actual", past.group(0)
            elif deadline or horizon or commitment:
                kind, reason = "target", (deadline or horizon or commitment).group(0)  # type: ignore[union-attr]
            elif carried_target:
                kind, reason = "target", carried_reason
            else:
                kind, reason = default, "section"
            if kind == "target":
                year = year_here or carried_year
            else:
                past_year = P.YEAR.search(clause) or P.YEAR.search(sentence)
                year = past_year.group("y") if past_year else None
            span_start = lead_in if lead_in is not None and kind == "target" else c_start
            span_end = c_end
            while span_end > span_start and text[span_end - 1] in "，,。；;：:！？":
                span_end -= 1
            while span_start < span_end and text[span_start] in " ，,":
                span_start += 1
            indicator = _indicator(text, c_start, quantities, previous_indicator, clause_before)
            previous_indicator = indicator or previous_indicator
            out.append(
                Target(
                    doc=doc_id,
                    block=block.index,
                    block_id=block.id,
                    start=span_start,
                    end=span_end,
                    text=text[span_start:span_end],
                    indicator=indicator,
                    quantities=tuple(quantities),
                    qualifier=_qualifier(clause),
                    year=year,
                    kind=kind,
                    node=block.node,
                    reason=reason,
                )
            )
            lead_in = None
            if kind == "target":
                carried_target = True
                carried_year = year
                carried_reason = reason
    return out


def extract(doc: Document) -> list[Target]:
    """All targets and past figures of a document, in reading order."""
    return [t for batch in extract_iter(doc) for t in batch]


def extract_iter(doc: Document, batch_chars: int = 20_000) -> Iterator[list[Target]]:
    """The same, a batch of blocks at a time (the reader window highlights a long plan as it goes)."""
    start = plan_start_year(doc)
    defaults = section_defaults(doc, start)
    end = str(start + 4) if start is not None else None
    out: list[Target] = []
    size = 0
    for block in doc.blocks:
        if block.kind in SKIPPED_KINDS:
            continue
        found = extract_block(doc.id, block, defaults[block.index], start)
        if end is not None:
            # A five-year plan's goals without a year are due at the end of the plan period.
            found = [replace(t, year=end, year_implied=True) if t.kind == "target" and not t.year else t for t in found]
        out.extend(found)
        size += len(block.text)
        if size >= batch_chars:
            yield out
            out, size = [], 0
    yield out
