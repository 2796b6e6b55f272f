"""The plan's own frame: which period it plans, from which year it is written, and what each part of it does.

A figure means different things in different parts of a plan. In a 十五五 plan (2026–2030) the review of
十四五 reports what 2021–2025 achieved, the goals chapter states what 2030 should reach, and a 2026 government
work report adds the targets for 2026 itself. This module reads those facts from the document — its title and
opening, its headings, and the sentence that opens each paragraph — so the target extractor never has to guess
the period from today's date or from a list of phrases.

Roles: ``review`` (past figures; year = the end of the reviewed period), ``goal`` (targets; year = the end of
the plan period or a stated deadline), ``annual`` (a work report's targets for its own year), ``neutral`` (the
text alone must decide).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.document.headings import arabic_years, cn_to_int
from reader.document.model import BlockKind, Document, Node, NodeKind

# Five-year plans by name: 十四五 → 2021–2025. 第十四个五年 is the formal name of the same plan. The tenth
# (2001–2005) is “十五”, written in quotes (bare 十五 is fifteen, and 十五五 the fifteenth plan), or 第十个五年.
PLAN_NAME = re.compile(
    r"“?(?P<n>十[一二三四五六七八九]|[一二三四五六七八九])五”?|“(?P<t>十)五”"
    r"|第(?P<f>十[一二三四五六七八九]?|[一二三四五六七八九])个五年"
)
PERIOD_SPAN = re.compile(r"(?P<a>(?:19|20)\d\d)\s*[—－\-–~～至到]\s*(?P<b>(?:19|20)\d\d)\s*年")
_YEARS_WORK = (
    r"(?:工作安排|主要任务|重点工作|工作任务|工作重点|工作总体要求|主要工作|重点任务|目标任务|经济社会发展|工作建议|工作打算|工作思路"
    r"|工作部署)"
)
REPORT_YEAR_HEADING = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年(?:的)?(?:政府|全省|全市|全区|全县|全州|全国)?" + _YEARS_WORK + r"(?!情况|回顾|总结)"
)
REVIEWED_YEAR_HEADING = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年(?:的)?(?:政府|全省|全市)?(?:主要)?工作(?:回顾|总结)")
WORK_REPORT = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?:[\u4e00-\u9fff]{0,8})?政府工作报告")
# A report's date (（2011年1月9日 黄奇帆）), and the dateline under its title: ——2026年2月4日在东莞市第十七届人民代表
# 大会第六次会议上.
REPORT_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*\d{1,2}\s*日")
REPORT_DATELINE = re.compile(REPORT_DATE.pattern + r"在[^。]{0,40}(?:人民代表大会|人大)")

# Headings that announce a review of what was done, or the goals and tasks ahead.
# 「取得更大成效」「取得新进展」 look ahead; 「发展成效」「取得决定性成就」 look back.
REVIEW_WORDS = re.compile(
    r"(?<!更大)(?<!更好)(?<!更多)(?<!更有)(?<!新的)(?<![新大])(?:成就|成效|成绩)|回顾|发展基础|过去[一五]年|发展现状"
    r"|基础和环境|基础与环境|工作总结|(?:19|20)\d\d\s*年(?:的)?(?:主要)?工作(?!安排|任务|重点|建议|打算|思路|部署)"
)
GOAL_WORDS = re.compile(r"目标|任务|工作安排|部署|展望|远景|重点工作|主要预期|发展方向|总体要求")

# Sentences that open a paragraph and set its frame for the paragraphs that follow.
REVIEW_OPENER = re.compile(r"五年来|过去五年|这五年|一年来|过去一年|回顾|以来，")
GOAL_OPENER = re.compile(
    r"今后五年|未来五年|展望(?P<y>(?:19|20)\d\d)\s*年|(?:^|[，。])(?:到|至)\s*(?P<d>(?:19|20)\d\d)\s*年"
)
ANNUAL_OPENER = re.compile(
    r"^(?:今年|明年|(?P<y>(?:19|20)\d\d)\s*年(?:是|，|,|要|经济社会发展))"
    r"|(?P<z>(?:19|20)\d\d)\s*年[^。，]{0,12}(?:主要预期目标|预期目标|" + _YEARS_WORK[3:]
)


def plan_period(number: int) -> tuple[int, int]:
    """The years of the Nth five-year plan: 14 → (2021, 2025). (1963–65 lay between the 2nd and the 3rd.)"""
    start = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return start, start + 4


def _plan_number(m: re.Match[str]) -> int | None:
    return cn_to_int(m.group("n") or m.group("f") or m.group("t"))


@dataclass(frozen=True)
class Period:
    """A plan period: 十五五 = 2026–2030."""

    start: int
    end: int
    name: str = ""


@dataclass(frozen=True)
class BlockFrame:
    """What a block's figures mean by default, and for which year."""

    role: str  # "review" | "goal" | "annual" | "neutral"
    year: int | None  # the year a figure here is for when its sentence names none
    deadline: bool = False  # the year is a stated deadline (到2020年), not the period end
    reason: str = ""


@dataclass(frozen=True)
class PlanFrame:
    """Document facts the target extractor reads figures against."""

    period: Period | None
    report_year: int | None  # a work report's own year (2026年工作安排)
    blocks: dict[int, BlockFrame] = field(default_factory=dict)

    @property
    def now(self) -> int | None:
        """The year the document is written from: figures before it are past."""
        if self.report_year is not None:
            return self.report_year
        return self.period.start if self.period else None

    def named_period(self, text: str) -> Period | None:
        """The latest five-year plan named in ``text``."""
        best: Period | None = None
        for m in PLAN_NAME.finditer(arabic_years(text)):  # not the 九五 of 一九五七年
            n = _plan_number(m)
            if n is None or not 6 <= n <= 19:
                continue
            start, end = plan_period(n)
            if best is None or start > best.start:
                best = Period(start, end, f"{cn_name(n)}五")
        return best

    def frame(self, block: int) -> BlockFrame:
        return self.blocks.get(block, BlockFrame("neutral", None))


def cn_name(n: int) -> str:
    digits = "零一二三四五六七八九"
    return ("十" + (digits[n - 10] if n > 10 else "")) if n >= 10 else digits[n]


def period_containing(year: int) -> Period:
    """The five-year plan a year lies in: 2026 → 十五五 (2026–2030), 1954 → 一五 (1953–1957); the years between the
    2nd and the 3rd plan (1963–1965) and those before the 1st are periods of their own."""
    if year < 1953:
        return Period(1949, 1952, "恢复时期")
    if 1963 <= year <= 1965:
        return Period(1963, 1965, "调整时期")
    n = (year - 1966) // 5 + 3 if year >= 1966 else (year - 1953) // 5 + 1
    start, end = plan_period(n)
    return Period(start, end, f"{cn_name(n)}五")


def _period_of(doc: Document) -> Period | None:
    head = doc.title + "\n" + "\n".join(b.text for b in doc.blocks[:3])
    span = PERIOD_SPAN.search(head)
    if span and int(span.group("b")) - int(span.group("a")) == 4:
        return Period(int(span.group("a")), int(span.group("b")))
    headings = "\n".join(b.text for b in doc.blocks if b.kind is BlockKind.HEADING)
    frame = PlanFrame(None, None)
    return frame.named_period(head) or frame.named_period(headings)


# A statistical communiqué (中华人民共和国2023年国民经济和社会发展统计公报): every figure is the named year's result.
# 2023年国民经济和社会发展统计公报; before 1984 关于一九八二年国民经济和社会发展计划执行结果的公报
STATISTICAL_BULLETIN = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年[\u4e00-\u9fff、]{0,30}(?:统计公报|计划执行结果的公报)")


def _bulletin_year(doc: Document) -> int | None:
    m = STATISTICAL_BULLETIN.search(arabic_years(doc.title + "".join(b.text for b in doc.blocks[:3])))
    return int(m.group("y")) if m else None


# A part titled by a year's work alone (「二、2018年工作」): after a review part it is the report's own year.
_BARE_YEARS_WORK = re.compile(r"^[一二三四五六七八九十]{1,2}、\s*(?P<y>(?:19|20)\d\d)\s*年(?:的)?工作$")


def _year_reported(date: re.Match[str]) -> int:
    """The year a report dated ``date`` sets the work of: a congress held in November or December (——2013年12月25日在
    四平市七届人大第二次会议上) hears the next year's (「一、2013年工作回顾」「二、2014年工作安排」)."""
    year = int(date.group("y"))
    return year + 1 if int(date.group("m")) >= 11 else year


def _report_year(doc: Document) -> int | None:
    head = arabic_years(doc.title + "\n" + "\n".join(b.text for b in doc.blocks[:6]))
    m = WORK_REPORT.search(head)
    if m:
        return int(m.group("y"))
    # 向大会作政府工作报告, 作工作报告, 报告工作; or the dateline alone, first under the title (——1994年3月7日在
    # 广州市第十届人民代表大会第二次会议上: a speech to the congress, which a plan's approval line is not)
    m = REPORT_DATELINE.search(head)
    # a speech to the congress: its work report, or the report on the plan outline (我向大会作…规划纲要的报告, 吉林 2006)
    speech = "工作报告" in head or "报告工作" in head or re.search(r"向大会(?:作|报告)", head) is not None
    if m and (speech or m.start() < 40):
        return _year_reported(m)
    if speech:
        # a report's date without the congress named: （2011年1月9日 黄奇帆）
        d = REPORT_DATE.search("\n".join(b.text for b in doc.blocks[:3]))
        if d:
            return _year_reported(d)
    reviewed = None
    after_review = False
    for b in doc.blocks:
        # a heading, or a line short enough to be one that the copy left unmarked (「2019年工作任务」)
        if b.kind is BlockKind.HEADING or (len(b.text) <= 16 and not re.search(r"[。，；：]", b.text)):
            h = REPORT_YEAR_HEADING.search(b.text)
            if h:
                return int(h.group("y"))
            bare = _BARE_YEARS_WORK.match(b.text)
            if bare and after_review and speech:
                # 「一、本届政府工作回顾」 … 「二、2018年工作」: the year's work after the review
                return int(bare.group("y"))
            r = REVIEWED_YEAR_HEADING.search(b.text)
            if r and reviewed is None:
                reviewed = int(r.group("y"))
            after_review = after_review or bool(REVIEW_WORDS.search(b.text))
    # only a review of a year (「2006年政府工作回顾」): the report is of the year after it
    return reviewed + 1 if reviewed is not None and speech else None


# What gives a heading a time of its own: a year, a plan named by number, or a span counted from now.
_TIME_OF_ITS_OWN = re.compile(
    r"(?:19|20)\d\d|[一二三四五六七八九]五|十[一二三四五六七八九]?五|今后|未来|过去|今年|明年|去年|上年|一年来|五年来|以来|远景|展望"
)


def _heading_role(title: str, frame: PlanFrame) -> BlockFrame | None:
    """A heading's role, or None when it does not say."""
    now = frame.now
    named = frame.named_period(title)
    earlier = named is not None and now is not None and named.end < now
    review = bool(REVIEW_WORDS.search(title))
    goal = bool(GOAL_WORDS.search(title))
    year = REPORT_YEAR_HEADING.search(title)
    if year and frame.report_year is not None and int(year.group("y")) == frame.report_year:
        return BlockFrame("annual", frame.report_year, reason=title)
    if frame.report_year is not None and re.search(r"今年", title) and not review:
        return BlockFrame("annual", frame.report_year, reason=title)  # 对今年政府工作的建议
    if review and goal:
        return None  # “十四五”发展成效和“十五五”目标任务: each paragraph says which
    if review or (earlier and not goal):
        reviewed = named if earlier and named else None
        return BlockFrame("review", reviewed.end if reviewed else (now - 1 if now else None), reason=title)
    if goal:
        if frame.report_year is not None and re.search(r"今后五年|未来五年", title):
            return BlockFrame("goal", frame.report_year + 4, reason=title)  # see _opener
        return BlockFrame("goal", frame.period.end if frame.period else None, reason=title)
    return None


# The first year of a period named just before: “十五五”开局, 开好局, 起步, 第一年.
_PERIOD_START = re.compile(r"[”\"]?(?:时期|规划)?的?(?:开局|开好局|起步|第一年|首年)")


def _opener(text: str, frame: PlanFrame) -> BlockFrame | None:
    """The frame a paragraph's first sentence sets, or None."""
    first = re.split(r"[。！？；]", text, maxsplit=1)[0]
    now = frame.now
    if (
        frame.report_year is not None
        and len(text) <= 30
        and not re.search(r"[，,。；：:]", text)
        and re.search(rf"{frame.report_year}\s*年(?!以来)", text)
        and not REVIEW_WORDS.search(text)
    ):
        # a title line the copy left unmarked (附件1 / 成都市2021年民生实事工作目标): the year's work follows
        return BlockFrame("annual", frame.report_year, reason=text.strip())
    annual = ANNUAL_OPENER.search(first)
    if annual and frame.report_year is not None:
        stated = annual.group("y") or annual.group("z")
        if stated is None or int(stated) == frame.report_year:
            return BlockFrame("annual", frame.report_year, reason=annual.group(0))
    past_year = re.match(r"^(?P<y>(?:19|20)\d\d)\s*年(?:是|[，,])", first)
    if past_year and now is not None and int(past_year.group("y")) < now:
        # 「2011年是“十二五”开局之年…」 in a 2012 report: the paragraph tells of 2011. A year that closes the period it
        # names (「2025年是“十四五”收官之年。过去5年…」) opens a review of that whole period.
        year = int(past_year.group("y"))
        closed = frame.named_period(first[:40])
        if closed is not None and closed.end == year:
            return BlockFrame("review", year, reason=closed.name)
        return BlockFrame("review", year, reason=past_year.group(0))
    named = frame.named_period(first[:40])
    if named is not None and now is not None and first.find(named.name) < 20:
        begins = first.find(named.name)
        opening = _PERIOD_START.match(first, begins + len(named.name))
        if named.start == frame.report_year and opening:
            # 「上述预期目标，着眼“十五五”开局起步…」 in a 2026 report, 「四、奋力做好“十二五”开局工作」 in a 2011 one: the
            # period's first year is this year; the paragraphs after it are this year's work, not the period's goals
            return BlockFrame("annual", frame.report_year, reason=first[max(0, begins - 1) : opening.end()])
        if named.end < now:
            return BlockFrame("review", named.end, reason=named.name)
        if frame.period is not None and named.start == frame.period.start:
            return BlockFrame("goal", named.end, reason=named.name)
    goal = GOAL_OPENER.search(first)
    if goal:
        y = goal.group("y") or goal.group("d")
        if y and (now is None or int(y) >= now):
            return BlockFrame("goal", int(y), deadline=True, reason=goal.group(0))
        if not y and frame.report_year is not None and goal.group(0) in ("今后五年", "未来五年"):
            # a report's next five years start with its own year: 今后五年 in a 2018 report runs to 2022, past the
            # plan period it was written in
            return BlockFrame("goal", frame.report_year + 4, reason=goal.group(0))
        if not y and frame.period is not None:
            return BlockFrame("goal", frame.period.end, reason=goal.group(0))
    review = REVIEW_OPENER.search(first[:30])
    if review:
        return BlockFrame("review", now - 1 if now is not None else None, reason=review.group(0))
    return None


_INSIDE_SECTION = (NodeKind.ITEM, NodeKind.BOX, NodeKind.NOTES, NodeKind.PREFACE)


def read_frame(doc: Document) -> PlanFrame:
    """The document's period, report year and the frame of every block."""
    bulletin = _bulletin_year(doc)
    if bulletin is not None:
        # Written after the year it reports: every block tells of that year, none sets a goal.
        review = BlockFrame("review", bulletin, reason="统计公报")
        return PlanFrame(period_containing(bulletin), bulletin + 1, {b.index: review for b in doc.blocks})
    period, report_year = _period_of(doc), _report_year(doc)
    if report_year is not None and (period is None or not period.start <= report_year <= period.end):
        # A work report is written inside a plan period: 2026 → 十五五.
        period = period_containing(report_year)
    frame = PlanFrame(period, report_year)
    heading_roles: dict[str, BlockFrame | None] = {}
    for node in doc.nodes():
        heading_roles[node.id] = None if node.inferred and not node.title else _heading_role(node.title, frame)
    # A heading inside a part that has a role says what it does in that part's time unless it names a time of its
    # own: 「（一）坚持把稳增长作为首要任务，稳中向好的态势进一步巩固」 under 「一、2017年工作回顾」 reports 2017 (任务 is
    # not a goal there), and 「（一）紧紧抓住稳增长这个首要任务」 under 「二、2012年工作安排」 is 2012's work, not the period's.
    paths: dict[str, list[Node]] = {}  # node id → its path from the top, read once for the headings and the blocks
    for node in doc.nodes():
        if heading_roles.get(node.id) is None or _TIME_OF_ITS_OWN.search(node.title):
            continue
        ancestors = paths.setdefault(node.id, doc.node_path(node.id))[:-1]
        if any(heading_roles.get(a.id) is not None for a in ancestors):
            heading_roles[node.id] = None

    blocks: dict[int, BlockFrame] = {}
    default = BlockFrame("goal", frame.period.end if frame.period else None, reason="plan") if frame.period else None
    current_section = None
    carried: BlockFrame | None = None
    carried_owner = ""  # the nearest node with a heading role where ``carried`` was set
    for b in doc.blocks:
        path = paths.setdefault(b.node, doc.node_path(b.node))
        # The nearest heading that says what its part does gives the block's frame by default.
        owner = next((n.id for n in reversed(path) if heading_roles.get(n.id) is not None), "")
        base = heading_roles.get(owner)
        # A paragraph's frame carries to the next paragraphs of its own section (items and boxes are inside it).
        section = next((n.id for n in reversed(path) if n.kind not in _INSIDE_SECTION), "")
        # Nor past a heading that says what its part does: where a work report's parts are items (一、2020年工作
        # 回顾 … 三、2021年工作安排), a frame set in 二、“十四五”规划 does not reach into 三; items whose headings
        # say nothing (一、全力实施…行动) stay in the frame their introduction set (2026年主要预期目标).
        if section != current_section or owner != carried_owner:
            current_section, carried = section, None
        if b.kind is BlockKind.HEADING:
            blocks[b.index] = base or default or BlockFrame("neutral", None)
            continue
        opened = _opener(b.text, frame)
        if opened is not None and b.kind is BlockKind.NOTE:
            # a note explains one term (（11）安全生产专项整治三年行动计划：…到2022年…): its frame is its own
            blocks[b.index] = opened
            continue
        if (
            opened is not None
            and base is not None
            and base.role == "annual"
            and opened.role == "goal"
            and not opened.deadline
            and frame.named_period(opened.reason) is not None
            and not re.match(r"[“\"]?" + re.escape(opened.reason), b.text)
        ):
            # 「按照“十一五”产业结构调整和集群发展的要求，今年市政府确定产业重点项目95个」 under 「三、2006年的主要工作」: the
            # period named in passing does not turn the year's work into the period's goals
            opened = None
        if opened is not None:
            carried, carried_owner = opened, owner
        blocks[b.index] = carried or base or default or BlockFrame("neutral", None)
    return PlanFrame(frame.period, frame.report_year, blocks)
