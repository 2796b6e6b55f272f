"""Find quantitative targets and past figures in a document.

Each quantity (see ``quantities``) becomes one item with its own indicator, value(s), unit, year, base year,
qualifier and kind. The kind comes first from the clause itself — a deadline ahead (到2030年), a commitment
(力争, 确保) or a horizon (三年内) make a target; a year before the plan, 已/提前实现 or an earlier plan's period
make a past figure (``tense``) — then from the sentence (a deadline carries to the clauses after it, 「到2020年，…；到2025年，…」
to the sentences after it in the paragraph) and last from the document's frame (``reader.document.frame``): the
review of the last plan reports past figures, the goals and tasks state targets due at the end of the period, a
work report's 2026 section states targets for 2026. Indicator tables are read by column (``tables``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from reader.document.frame import BlockFrame, PlanFrame, read_frame
from reader.document.headings import PLAN_TOKEN, arabic_years
from reader.document.model import Block, BlockKind, Document
from reader.targets import indicators, tense
from reader.targets.quantities import Quantity, find_quantities
from reader.targets.tables import Cell, read_tables

__all__ = ["Quantity", "Target", "extract", "extract_block", "extract_iter", "find_quantities", "plan_start_year"]

_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]?")
# A comma ends a clause, except between groups of a number's thousands (3，530亿元, 1,200万人).
_CLAUSE_BREAK = re.compile(r"(?<![0-9])[，,]|[，,](?![0-9]{3}(?![0-9]))|[:：](?!\d)|(?<!\d)[:：]")

# A sentence that explains a code name: “1”指1个总体规划, “3+9+N”是指…: its numbers are the code's parts.
_DEFINITION = re.compile(r"^[^，。]{0,6}“[^”]{1,12}”(?:是|即)?指")
_OPENS_WITH_DEADLINE = re.compile(r"^(?:力争|争取|确保)?(?:到|至)\s*20\d\d\s*年(?:底|末)?")
_SENTENCE_YEAR = re.compile(r"^(?P<y>(?:19|20)\d\d)\s*年(?:底|末|全年)?[，,]")
_QUALIFIERS = re.compile(
    r"不低于|不少于|不高于|不超过|控制在|以内|以上|以下|左右|超过|突破|低于|高于|年均|累计|[＞＜≥≤]|(?<![规])超(?!过)|近(?=\d)|余|各|翻番"
)
_SPLIT = "、"
_COUNT_UNITS = {"个", "家", "户", "所", "座", "条", "项", "处", "宗", "批", "万", "亿", "万个", "万家", "万人", "万户"}


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
    base_year: str | None = None  # the year a change is measured from: 比2015年 → 2015
    attribute: str = ""  # 预期性 / 约束性, from an indicator table
    spans: tuple[tuple[int, int], ...] = field(default=())  # what to highlight; the quantities when empty

    @property
    def values(self) -> list[float]:
        out: list[float] = []
        for q in self.quantities:
            out.extend(q.values)
        return out

    @property
    def unit(self) -> str:
        return self.quantities[0].unit if self.quantities else ""

    @property
    def marks(self) -> tuple[tuple[int, int], ...]:
        """What to colour in the text: the clause, or only the cell of a table row."""
        return self.spans or ((self.start, self.end),)

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
            "base_year": self.base_year,
            "attribute": self.attribute,
            "kind": self.kind,
            "node": self.node,
            "quantities": [q.to_json() for q in self.quantities],
            "reason": self.reason,
            "year_implied": self.year_implied,
        }


def plan_start_year(doc: Document) -> int | None:
    """First year of the plan period (十四五 → 2021), or None when the document names no plan."""
    frame = read_frame(doc)
    return frame.period.start if frame.period else None


# ---------------------------------------------------------------- one block


def _clauses(sentence: str, offset: int) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        yield offset + pos, offset + m.end()
        pos = m.end()
    if pos < len(sentence):
        yield offset + pos, offset + len(sentence)


def _qualifier(segment: str, value_at: int = 0) -> str:
    """Comparators of a value as written; 以上/以下/以内/左右 follow the value, so only those after it count
    (地级及以上城市 and 规模以上工业 are scopes)."""
    seen: list[str] = []
    for m in _QUALIFIERS.finditer(segment):
        word = m.group(0)
        if word in ("以上", "以下", "以内", "左右") and m.start() < value_at:
            continue
        if word not in seen:
            seen.append(word)
    return " ".join(seen)


# The value after 比2000年的 or 较“十三五”末的 is the figure of that year, the base of the comparison.
_BASE_VALUE = re.compile(r"(?:比|较)\s*(?:(?P<y>(?:19|20)\d\d)\s*年(?:底|末)?|(?P<p>" + PLAN_TOKEN + r")(?:期)?末)的$")
_START = "从…到…的起点"  # why the first value of a goal's 从A提高到B is a past figure
_RATE_UNITS = frozenset({"%", "‰", "个百分点", "倍", "番", ""})
_INNER_PART = re.compile(r"[（(]([\u4e00-\u9fff]{1,8})")


def _find_outside_brackets(text: str, mark: str) -> int:
    """Where ``mark`` first stands outside brackets, or -1: 「10个省（市、区）100个城市」 lists 市 and 区 inside the
    brackets, not two items."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch == mark and depth == 0:
            return i
    return -1


def _split_points(text: str, quantities: list[Quantity], c_start: int, c_end: int) -> list[tuple[int, int]]:
    """Each quantity's own segment of the clause: split at 、 between two quantities, else the whole clause."""
    bounds = [c_start]
    for prev, q in itertools.pairwise(quantities):
        gap = text[prev.end : q.start]
        k = _find_outside_brackets(gap, _SPLIT)
        bounds.append(prev.end + k + 1 if k >= 0 else -1)
    segments: list[tuple[int, int]] = []
    for i in range(len(quantities)):
        start = bounds[i]
        if start == -1:
            start = segments[-1][0] if segments else c_start
        nxt = next((b for b in bounds[i + 1 :] if b != -1), None)
        end = nxt - 1 if nxt is not None else c_end
        segments.append((start, end))
    # Values not separated by 、 (1.8倍和2.1倍) share the whole stretch.
    return [(s, max(e for s2, e in segments if s2 == s)) for s, _ in segments]


_JOINING_NEXT = re.compile(r"(?:以及|" + indicators.CONJUNCTION_WORD + r"|或)$")


def _up_to_next(after: str, cut_at_value: bool) -> str:
    """The words after a value up to the next one, without the conjunction that joins the next: 「建设100个乡镇综合
    养老服务中心和300个村级互助幸福院」 → 乡镇综合养老服务中心."""
    return _JOINING_NEXT.sub("", after) if cut_at_value else after


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in "，,。；;：:！？、 ":
        b -= 1
    while a < b and text[a] in " ，,、：:；;":
        a += 1
    return a, b


_THRESHOLD_AFTER = re.compile(r"(?:以上|以下)(?=[\u4e00-\u9fff]|\d)|级?(?:序列|梯队|行列)")
# What names a value without a subject from the clause before it: a clause that raises or lowers a measure
# (提高计算机普及率, 空气质量优良率逐年提高), a short label before a colon, a topic of a few words before a comma.
_MEASURED = r"(?:率|比重|比例|水平|规模|总量|强度|密度|人数|面积|产量|存贷比)"
_RAISED = re.compile(r"(?:提高|提升|降低|增加|扩大|减少|控制)([\u4e00-\u9fff“”]{1,20}?" + _MEASURED + ")")
_RISING = re.compile(
    r"([\u4e00-\u9fff“”]{1,20}?" + _MEASURED + r")(?:逐年|逐步|进一步|持续|稳步|大幅|明显|显著)?"
    r"(?:提高|提升|降低|增加|扩大|减少|上升|下降)"
)
_LABEL = re.compile(r"[\u4e00-\u9fff“”（）]{2,16}")
_TOPIC = re.compile(
    r"[\u4e00-\u9fff“”]{1,12}?(?:产值|总值|增加值|产业|总额|收入|投资|产量|支出|余额|率|比重|比例|规模|总量|面积)"
)
_BETWEEN_ITEMS = re.compile(r"[、，,；;。：:]")
# 的 and the things a threshold sorts (not the level it names: 超千亿元的目标, 过万亿的台阶)
_SORTED_BY = re.compile(r"的(?!目标|水平|规模|台阶|大关|基础|增长|速度|增速)[\u4e00-\u9fff“]")


def _threshold(text: str, q: Quantity, quantities: list[Quantity]) -> bool:
    """A value that only sets a threshold for the things another value counts: 「10亿元以上项目近200个」,
    「20宗10亿元以上项目」 — the projects are counted; 10亿元以上 says which ones — or names the tier they enter
    (「6个镇街GDP进入500亿元序列」), or follows 超/过 before the things counted after it (「销售超10亿元企业达50户」,
    「营业收入过10亿元企业10家」; not 「10个市级特色工业园开票销售总额超150亿元」, each park's goal). It is not a
    figure of its own."""
    over = text[q.start - 1 : q.start] in ("超", "过")
    if not over and not _THRESHOLD_AFTER.match(text, q.end):
        return False
    # a tier named after its count and listed on (「形成1个产值超千亿元、4个产值超三百亿元…的产业格局」)
    tier = over and text[q.end : q.end + 1] in ("、", "的")
    if over and _SORTED_BY.match(text, q.end) and "一批" in text[max(0, q.start - 14) : q.start]:
        return True  # 「培育一批年销售收入过百亿元的大型企业」: which firms (a batch of them), not a figure
    for r in quantities:
        if r is q or r.unit not in _COUNT_UNITS or (over and not tier and r.start < q.end):
            continue
        lo, hi = (q.end, r.start) if r.start >= q.end else (r.end, q.start)
        if lo <= hi and not _BETWEEN_ITEMS.search(text, lo, hi):
            return True
    return False


# 「A、B、C等产量分别…」: the list before 等, the measure they share, and what follows 分别.
_LISTED_EXAMPLES = re.compile(
    r"(?P<parts>[^，,；;等]+、[^，,；;等]+)等(?P<measure>[^、，,；;等]{1,10}?)分别(?P<rest>.*)$"
)


# 世界级, 国家级 …: a grade without its noun, and a name that ends in a grade and the noun (区域级产业集群).
_GRADE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,3}级")
_GRADED = re.compile(r"[\u4e00-\u9fff]{1,3}级([\u4e00-\u9fff“”]{2,})$")


def _items(
    text: str,
    c_start: int,
    c_end: int,
    quantities: list[Quantity],
    previous: str,
    earlier: list[str],
    clause_before: str,
) -> list[tuple[int, int, str, tuple[Quantity, ...]]]:
    """(start, end, indicator, quantities) for each value of a clause; ``earlier`` are the indicators named
    before in the sentence, ``clause_before`` the clause before this one."""
    clause = text[c_start:c_end]
    first = quantities[0]
    head = text[c_start : first.start]
    paired = (
        "分别" in clause
        or re.search(r"均(?:达到|为|超过|提高到|保持在|在)|(?<![年人户平])均(?:增长|提高|提升|下降)", head) is not None
    )
    if paired:
        listed = _LISTED_EXAMPLES.match(indicators._LEAD.sub("", head))
        parts = listed.group("parts").split("、") if listed else []
        if listed and "分别" in clause and len(parts) == len(quantities) > 1 and all(parts):
            # 「集成电路、智能手表、AI服务器等产量分别增长69.7%、36.2%、25.9%」: the listed things, each with the
            # measure after 等 (等 closes the list; it does not make them examples of something else).
            a, b = _trim(text, c_start, c_end)
            change = re.match(r"(增长|增速|下降|降低|提高|提升|减少|增加)", listed.group("rest"))
            measure = listed.group("measure") + (change.group(1) if change else "")
            return [(a, b, part + measure, (q,)) for part, q in zip(parts, quantities, strict=True)]
        core = indicators.clean(head)
        change = re.search(r"(增长|增速|下降|降低|提高|提升|减少|增加)$", core)
        stem = core[: change.start()] if change else core
        stem = re.sub(r"(?:分别|均|总体)+$", "", stem)
        suffix = change.group(1) if change else ""
        if "分别" in stem:
            # 先进制造业、高技术制造业增加值分别占规模以上工业增加值的: the predicate after 分别 is shared.
            stem, predicate = stem.split("分别", 1)
            suffix = indicators.clean(predicate) + suffix
        counts = (
            len(quantities) if "分别" in clause and len(quantities) > 1 else len(indicators.CONJUNCTION.split(stem))
        )
        if "分别" in clause and len(quantities) == 2 and stem.startswith("城乡") and len(stem) > 2:
            # 「城乡居民人均可支配收入分别达到37173元和16257元」: 城乡 is the towns' and the countryside's, in that order
            subjects: list[str] | None = ["城镇" + stem[2:], "农村" + stem[2:]]
        else:
            subjects = indicators.split_subjects(stem, counts)
        if subjects:
            a, b = _trim(text, c_start, c_end)
            if "分别" in clause and len(subjects) == len(quantities):
                return [(a, b, s + suffix, (q,)) for s, q in zip(subjects, quantities, strict=False)]
            if len(quantities) == 1:
                # 「马铃薯种植、收获机械化率均达到45%」, 「氮氧化物、挥发性有机物排放量分别下降8%以上」: each subject.
                return [(a, b, s + suffix, (first,)) for s in subjects]
    objects = [
        indicators.object_after(_up_to_next(text[q.end : nxt.start if nxt else c_end], nxt is not None))
        for q, nxt in zip(quantities, [*quantities[1:], None], strict=True)
    ]
    own = indicators.clean(re.sub(r"分别.*", "", head))
    if (
        ("分别" in clause or len(quantities) >= 2)
        and (not own or indicators.CHANGE.match(own))  # 「…，比“十一五”末增长66.9%和79.4%」: only the change is said
        and not any(objects)
        and len(earlier) >= len(quantities)
        and len({q.unit for q in quantities}) == 1  # parallel values (2.9倍、3.5倍), not 2500亿元 and its 1.5倍
    ):
        # 「国家级孵化器23家、省级工程中心439家、省级新型研发机构26家，分别是2015年的2.9倍、3.5倍、1.5倍」,
        # 「存、贷款余额分别突破…，是2015年的1.8倍和2.1倍」: values without a subject of their own answer the
        # subjects named before, in order, and share their clause.
        a, b = _trim(text, c_start, c_end)
        names = earlier[-len(quantities) :]
        change = re.search(r"(增长|增速|下降|降低|提高|提升|减少|增加)$", indicators.clean(head))
        return [(a, b, n + (change.group(1) if change else ""), (q,)) for n, q in zip(names, quantities, strict=True)]
    out: list[tuple[int, int, str, tuple[Quantity, ...]]] = []
    for q, (s, e) in zip(quantities, _split_points(text, quantities, c_start, c_end), strict=False):
        before = text[s : q.start]
        # Values of one stretch not split by 、 (1.8倍和2.1倍) name the indicator once, before the first.
        shared = [p for p in quantities if p is not q and s <= p.start < q.start]
        if shared:
            before = text[s : shared[0].start]
        later = [p for p in quantities if p.start > q.start]
        nxt = later[0].start if later else e
        after = _up_to_next(text[q.end : min(e, nxt)], nxt < e)
        if shared and q.unit in _COUNT_UNITS and text[shared[0].end : (shared[1:] or [q])[0].start] == "的":
            # 「推进总投资3942亿元的68个基础设施项目」: the amount before 的 is the projects' attribute; the counts
            # after it name the projects alone
            before = ""
        elif after == "的" and later and later[0].unit in _COUNT_UNITS and nxt < e:
            # …and the amount is the attribute of what is counted after it: 基础设施项目总投资
            beyond = later[1].start if len(later) > 1 else e
            after = _up_to_next(text[later[0].end : min(e, beyond)], beyond < e)
        name = indicators.name(before, after, previous, count=q.unit in _COUNT_UNITS, level=q.unit not in _RATE_UNITS)
        if not name and indicators.BASE.fullmatch(indicators.clean(before) or before.strip(" ，,")):
            # 「…经济总量和城乡居民人均收入迈上新的大台阶，在2020年基础上翻一番」: the subject is the clause's before.
            name = indicators.subject_of(clause_before)
        elif not name and not shared and not re.search(r"\d", clause_before):
            # 「提高计算机普及率，2005年达到4%以上」, 「空气质量优良率逐年提高，2016年达95.1%」: the measure the clause before
            # raises is the one that reaches the value.
            lead = indicators.clean(clause_before)
            raised = _RAISED.fullmatch(lead) or _RISING.fullmatch(lead)
            if raised:
                name = raised.group(1)
            elif text[c_start - 1 : c_start] in ("：", ":") and _LABEL.fullmatch(clause_before.rstrip("：: ")):
                name = clause_before.rstrip("：: ")  # 「国家级自然保护区：共243个」: the label names the value
            elif _TOPIC.fullmatch(lead):
                name = lead  # 「第一产业，1990年达到3，060亿元」: the topic before the comma names the value
        obj = indicators.object_after(after)
        inner = _INNER_PART.fullmatch(text[shared[-1].end : q.start]) if shared else None
        if inner and out and text.startswith(("）", ")"), q.end):
            # 「新增上市公司10家（境外1家）」: the value in brackets is a part of the one before it; 「49351元（折合7924
            # 美元）」 is the same value in another unit
            part = inner.group(1)
            name = out[-1][2] if part in ("折合", "约合", "合", "约", "相当于") else f"{out[-1][2]}（{part}）"
        if (
            out
            and not indicators.clean(before)
            and out[-1][3][0].unit == q.unit
            and (not obj or re.match(r"[两二三四五六七八九十]+(?:大|个)", obj))
        ):
            # 连续迈上7000亿元、8000亿元、9000亿元三大台阶: a list of values of the one indicator.
            name = out[-1][2]
        a, b = _trim(text, s, e)
        out.append((a, b, name, (q,)))
        previous = name or previous
    # 「培育6个世界级、7个国家级、9个区域级产业集群」: grades listed before the noun they share take it.
    shared_noun = _GRADED.match(out[-1][2]) if len(out) > 1 else None
    if shared_noun:
        out = [
            (a, b, name + shared_noun.group(1) if _GRADE_ONLY.fullmatch(name) else name, qs) for a, b, name, qs in out
        ]
    return out


def extract_block(
    doc_id: str, block: Block, frame: PlanFrame | None = None, bframe: BlockFrame | None = None
) -> list[Target]:
    """Targets and past figures in one block of running text."""
    frame = frame or PlanFrame(None, None)
    bframe = bframe or frame.frame(block.index)
    text = arabic_years(block.text)  # read with the years in digits; the spans shown are the block's own text
    out: list[Target] = []
    block_deadline: str | None = (bframe.year and bframe.deadline and str(bframe.year)) or None
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group(0)
        if _DEFINITION.match(sentence.strip()):
            continue
        carry = tense.Carry(deadline=block_deadline)
        lead = _SENTENCE_YEAR.match(sentence)
        if lead and (frame.now is None or int(lead.group("y")) < frame.now):
            carry.past_year = lead.group("y")
        elif lead and bframe.role == "goal" and frame.report_year == int(lead.group("y")):
            # 「“十三五”时期，…。2016年，促进创业就业。…确保成功创业1500人」: the report's own year opening a sentence in a
            # goal of the period starts that year's work, for the sentences after it too
            block_deadline = carry.deadline = lead.group("y")
        previous = ""
        named_in_sentence: list[str] = []
        clause = ""
        lead_in: int | None = None
        for c_start, c_end in _clauses(sentence, sm.start()):
            clause_before, clause = clause, text[c_start:c_end]
            quantities = find_quantities(clause, c_start)
            quantities = [q for q in quantities if not _threshold(text, q, quantities)]
            deadline = tense.future_deadline(clause, frame, bframe.role == "review")
            if deadline:
                carry.deadline = deadline[1]
                if _OPENS_WITH_DEADLINE.match(text[sm.start() : c_end].lstrip()):
                    # 「到2020年，…。…」: a deadline that opens a sentence holds for the sentences after it.
                    block_deadline = deadline[1]
            if not quantities:
                cue = deadline[0] if deadline else None
                for pattern in (tense.HORIZON, tense.COMMITMENT):
                    m = pattern.search(clause)
                    if m and pattern is tense.COMMITMENT and tense.reports_effort(m, bframe):
                        m = None
                    cue = cue or (m.group(0) if m else None)
                if cue is not None and not tense.DONE.search(clause):
                    carry.target_reason = cue
                    lead_in = c_start if lead_in is None else lead_in
                else:
                    lead_in = None  # a lead-in clause joins the span only when it is right before the figure
                continue
            kind, reason, year, implied = tense.classify(clause, frame, bframe, carry, quantities[0].start - c_start)
            if kind == "target" and year is None and bframe.year and bframe.role in ("goal", "annual"):
                year, implied = str(bframe.year), bframe.role == "goal" and not bframe.deadline
            items_end = c_end
            trailing = tense.COMMITMENT.search(clause, quantities[-1].end - c_start)
            if trailing:
                # 「…增长7%以上、力争投入强度高于…」: the item the commitment opens has no figure; the span stops before it
                items_end = c_start + trailing.start()
            items = _items(text, c_start, items_end, quantities, previous, named_in_sentence, clause_before)
            for n, (a, b, name, qs) in enumerate(items):
                if n == 0 and lead_in is not None and kind == "target":
                    a = lead_in
                    a, b = _trim(text, a, b)
                item_year, item_kind, item_reason, item_implied = year, kind, reason, implied
                # a past figure taken out of a goal's clause: the comparison's base, with no base of its own
                split_off = False
                if kind == "target" and frame.now is not None and tense.starts_a_movement(text, c_start, qs[0]):
                    # 「全员劳动生产率从人均8.7万元提高到12万元以上」 in a goal: the first value is where the goal starts,
                    # a level already reached in the year before the document's own.
                    item_kind, item_year, item_reason, item_implied = "actual", str(frame.now - 1), _START, False
                    split_off = True
                elif based := _BASE_VALUE.search(text, c_start, qs[0].start):
                    # 「工业总产值到2005年可望达6200亿元以上，比2000年的2500多亿元增长1.5倍」: the value after 比2000年的 is
                    # that year's figure, the base of the comparison
                    named = frame.named_period(based.group("p")) if based.group("p") else None
                    based_year = based.group("y") or (str(named.end) if named else item_year)
                    item_kind, item_year, item_reason, item_implied = "actual", based_year, based.group(0), False
                    split_off = True
                elif kind == "actual" and tense.starts_a_movement(text, c_start, qs[0]) and bframe.role == "review":
                    # 「全国百强镇从12个增至15个」 in a review of a plan period: the first value is the period's start.
                    # (a review named by its period, 十五 or “十三五”, or by 五年, spans five years)
                    named_span = frame.named_period(bframe.reason) or re.fullmatch(
                        r"十[一二三四五六七八九]?五", bframe.reason
                    )
                    span = 5 if named_span or "五年" in bframe.reason else 1
                    item_year = str(int(item_year) - span) if item_year and item_year.isdigit() else item_year
                elif kind == "actual":
                    # 从2020年38家增至64家: each value takes the year stated before it, unless a movement
                    # (增至, 提高到) lies between that year and the value.
                    stated = tense.year_before(text[c_start : qs[0].start], frame.now)
                    if stated is not None:
                        item_year = stated or (str(bframe.year) if bframe.role == "review" and bframe.year else year)
                out.append(
                    Target(
                        doc=doc_id,
                        block=block.index,
                        block_id=block.id,
                        start=a,
                        end=b,
                        text=block.text[a:b],
                        indicator=name,
                        quantities=qs,
                        qualifier=_qualifier(text[a:b], qs[0].start - a),
                        year=item_year,
                        kind=item_kind,
                        node=block.node,
                        reason=item_reason,
                        year_implied=item_implied,
                        base_year=None
                        if split_off
                        else tense.base_year(text[a:b], frame.now, item_year)
                        or tense.base_year(clause[: qs[0].start - c_start], frame.now, item_year),
                    )
                )
                previous = name or previous
                named_in_sentence.append(name)
            lead_in = None
            if kind == "target":
                carry.target_reason = carry.target_reason or reason
    return out


def _from_cell(doc_id: str, cell: Cell) -> Target:
    b = cell.block
    return Target(
        doc=doc_id,
        block=b.index,
        block_id=b.id,
        start=0,
        end=len(b.text),
        text=b.text,
        indicator=cell.indicator,
        quantities=(cell.quantity,),
        qualifier=cell.qualifier,
        year=str(cell.year) if cell.year else None,
        kind=cell.kind,
        node=b.node,
        reason="指标表",
        base_year=str(cell.base_year) if cell.base_year else None,
        attribute=cell.attribute,
        spans=((cell.quantity.start, cell.quantity.end),),
    )


# ---------------------------------------------------------------- a document


# A quoted code used in short form (“415X”集群) names only its head noun; the plan's first mention gives it in full
# (“415X”先进制造业集群培育工程). The indicator takes the full form, as a reader resolves it.
# Only the nouns such codes name (a cluster, a project, a system, an action…): in “高效办成一件事”落地 the word after
# the quote is a verb, and 全面落地 elsewhere is not a longer name.
_CODE_SHORT = re.compile(r"^(“[^”]{1,12}”)(集群|工程|体系|行动|计划|产业|项目|战略|机制|平台|基地|园区|清单|名单)")


def _expand_code(name: str, text: str) -> str:
    m = _CODE_SHORT.match(name)
    if not m:
        return name
    code, head = m.groups()
    full = re.search(re.escape(code) + r"([\u4e00-\u9fff]{2,8}?)" + re.escape(head), text)
    if not full:
        return name  # the plan never gives a longer form
    return code + full.group(1) + name[len(code) :]


def extract(doc: Document) -> list[Target]:
    """All targets and past figures of a document, in reading order."""
    return [t for batch in extract_iter(doc) for t in batch]


def extract_iter(doc: Document, batch_chars: int = 20_000) -> Iterator[list[Target]]:
    """The same, a batch of blocks at a time (the reader window highlights a long plan as it goes)."""
    frame = read_frame(doc)
    whole: str | None = None  # the plan's text, joined only when a quoted code needs its full form
    cells: dict[int, list[Cell]] = {}
    for cell in read_tables(doc, frame.now):
        cells.setdefault(cell.block.index, []).append(cell)
    out: list[Target] = []
    size = 0
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        if block.kind is BlockKind.TABLE_ROW:
            found = [_from_cell(doc.id, c) for c in cells.get(block.index, [])]
        elif block.kind is BlockKind.NOTE:
            # A table note defines and qualifies; only a dated past figure in it is a fact worth listing.
            found = [t for t in extract_block(doc.id, block, frame, BlockFrame("neutral", None)) if t.kind == "actual"]
        else:
            found = extract_block(doc.id, block, frame)
        for i, t in enumerate(found):
            if t.indicator.startswith("“"):
                whole = whole if whole is not None else "\n".join(b.text for b in doc.blocks)
                expanded = _expand_code(t.indicator, whole)
                if expanded != t.indicator:
                    found[i] = replace(t, indicator=expanded)
        out.extend(found)
        size += len(block.text)
        if size >= batch_chars:
            yield out
            out, size = [], 0
    yield out
