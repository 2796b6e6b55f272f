"""When a figure stands: the cues that make a clause's numbers a target (a deadline ahead, a horizon, a commitment)
or a past figure (a year before the plan, 已/提前实现, an earlier plan's period), what carries from clause to clause,
and the years a figure is measured in or compared with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document.frame import BlockFrame, PlanFrame
from reader.document.headings import PLAN_TOKEN, cn_to_int
from reader.targets import indicators
from reader.targets.quantities import Quantity

# A deadline ahead: 到2025年, 至2035年, 展望2035年, 到“十五五”末, 2030年前.
DEADLINE = re.compile(
    r"(?:到|至|展望|于)\s*(?P<y>20\d\d)\s*年(?:底|末)?|(?P<e>20\d\d)\s*年(?:前|以前)(?![的])"
    r"|(?:到|至)\s*(?P<p>" + PLAN_TOKEN + ")(?:期末|末)"
    # the end of a span of years (2004—2007年国家安排资金100亿元), as 2004至2007年 is by 至; not a plan's own span in
    # its title (《区域协同发展规划（2019—2025年）》)
    r"|(?<![0-9（(])(?:19|20)\d\d\s*[—－\-–~～]\s*(?P<r>20\d\d)\s*年(?:底|末)?(?![）)》]|[\u4e00-\u9fff]{0,4}(?:规划|计划))"
    # the year whose goals a sentence opens with (二〇一〇年国民经济和社会发展的主要奋斗目标是：…)
    r"|^(?P<g>20\d\d)\s*年[^，。；：]{0,16}?目标(?:是|为)"
)
# This year, in a report: 今年, 年内 (not 今年以来, which looks back over the year so far; 年内 only where it opens a
# clause or follows a commitment: 三年内 is a horizon, 外企年内销总额 names domestic sales).
THIS_YEAR = re.compile(r"今年(?!以来)|(?:^|(?<=[，,；;：:要将并])|(?<=确保)|(?<=力争)|(?<=争取))年内|本年度")
# A relative deadline: 三年内, 5年内.
HORIZON = re.compile(r"(?P<h>(?:\d{1,2}|[一二三四五六七八九十两]{1,2})\s*年(?:内|以内|之内))")
# Words that make a number a goal rather than a fact. 努力 as a noun (付出了巨大努力, 共同努力，) and 预期目标 as what
# a result is compared with (比预期目标多增加10亿斤, 完成预期目标) are not.
COMMITMENT = re.compile(
    r"(?<![全竭])力争|争取|确保(?!的)|(?<![了的大同懈苦过])努力(?![，。；、！下])|(?<![比较超于成])预期目标|目标值|目标为|目标是|将(?:达到|超过|突破|实现|建成|新增)|要达到|力求|(?<![大全])力促"
)
# A fact already reached: 已建成, 提前实现, an estimate of the present year (预计超过).
DONE = re.compile(
    r"已经|已(?:达|建|实现|成为|完成|累计|超过|突破|提前|有|投产|竣工|开工|通车|覆盖|纳入|进入)|提前实现|提前完成"
    r"|预计(?:超过|达到|突破|达|为)"
)
# A past year doing something: 2020年达9650.19亿元, 2019年底为….
PAST_YEAR = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年(?!以来)(?:底|末|全年)?(?:，)?[^，。；]{0,12}?(?:达到|达|为|实现|突破|完成|增长|下降|比|是|超过|降至|提高到|占)"
)
# An earlier plan's period: “十三五”期间, 十三五以来.
EARLIER_PERIOD = re.compile(r"(?P<p>" + PLAN_TOKEN + ")(?:期间|时期|以来|末)")
# Not 2022年以来, where a span starts that runs to the present (经济增速2022年以来连续16个季度高于全国平均水平).
YEAR = re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d\d)\s*年(?![0-9—－\-–~～至到]|以来)")


@dataclass
class Carry:
    """Cues that carry from clause to clause and sentence to sentence."""

    deadline: str | None = None  # a stated deadline year
    target_reason: str = ""  # a commitment made earlier in the sentence
    past_year: str | None = None  # a sentence that opens with a past year


def deadline_year(m: re.Match[str], frame: PlanFrame) -> str | None:
    year = m.group("y") or m.group("e") or m.group("r") or m.group("g")
    if year:
        return year
    named = frame.named_period(m.group("p"))
    return str(named.end) if named else None


def future_deadline(clause: str, frame: PlanFrame, review: bool = False) -> tuple[str, str] | None:
    """(cue, year) of the first deadline in the clause that lies ahead of the document's own year; ``review`` when
    the clause stands in a review (where 年内 is the reviewed year's)."""
    for m in DEADLINE.finditer(clause):
        y = deadline_year(m, frame)
        if y and (frame.now is None or int(y) >= frame.now):
            return m.group(0), y
    if frame.report_year is not None and not review:
        # 「今年全省国内生产总值预期增长9%」 in the five-year goals of a 2001 report: this year's, not the period's end
        this_year = THIS_YEAR.search(clause)
        if this_year:
            return this_year.group(0), str(frame.report_year)
    if frame.now is not None:
        # A year ahead of the document's own that does something (2012年财政性教育经费支出…达到4%, in a plan written
        # in 2011): the figure's deadline, as 到2012年 would be. Without the document's year nothing says it is ahead.
        for m in PAST_YEAR.finditer(indicators.BASE.sub("", clause)):
            if int(m.group("y")) >= frame.now:
                return m.group("y") + "年", m.group("y")
    return None


def horizon_year(horizon: str, now: int | None) -> str:
    """三年内 in a plan written from 2021 → 2023; the words themselves when the document's year is unknown."""
    n = re.match(r"(\d{1,2}|[一二三四五六七八九十两]{1,2})", horizon.strip())
    count = (int(n.group(1)) if n.group(1).isdigit() else cn_to_int(n.group(1))) if n else None
    if now is None or not count:
        return horizon.replace(" ", "")
    return str(now + count - 1)


def base_year(segment: str, now: int | None, year: str | None = None) -> str | None:
    """The year a figure is compared with; ``year`` is the figure's own."""
    m = indicators.BASE.search(segment)
    if m is None:
        return None
    if m.group("prev"):
        # 比上年: the year before the figure's (a 2023 result against 2022), or before the document's own
        if year and year.isdigit():
            return str(int(year) - 1)
        return str(now - 1) if now is not None else None
    if m.group("plan") or m.group("end"):
        # 是“十三五”的1.8倍, 比“十一五”末增长66.9%: measured against that period's end
        named = PlanFrame(None, None).named_period(m.group("plan") or m.group("end"))
        return str(named.end) if named else None
    return m.group("y") or m.group("b") or m.group("s")


def measured_year(clause: str, now: int | None) -> str | None:
    """A year the clause's figure was measured in (2020年达…), never a comparison base (比2015年)."""
    bare = indicators.BASE.sub("", clause)
    for m in YEAR.finditer(bare):
        if now is None or int(m.group("y")) < now:
            return m.group("y")
    return None


MOVEMENT = re.compile(indicators.MOVING + r"(?:至|到)|(?:调整|提高|提升|增加|下降|降低|上升|减少)为")


def starts_a_movement(text: str, c_start: int, q: Quantity) -> bool:
    """The value opens 从A增至B (or 由A提高到B): it is where the movement starts."""
    before = text[c_start : q.start]
    at = max(before.rfind("从"), before.rfind("由"))
    return at >= 0 and not YEAR.search(before[at:]) and bool(MOVEMENT.match(text[q.end : q.end + 4]))


def year_before(before: str, now: int | None) -> str | None:
    """The year stated for a value, from the clause before it: a year, "" when a movement follows that year
    (the value is the end point), None when no year is stated."""
    bare = indicators.BASE.sub(lambda m: "#" * len(m.group(0)), before)
    last = None
    for m in YEAR.finditer(bare):
        if now is None or int(m.group("y")) < now:
            last = m
    if last is None:
        return None
    return "" if MOVEMENT.search(bare[last.end() :]) else last.group("y")


def reports_effort(commitment: re.Match[str], bframe: BlockFrame) -> bool:
    """In a review 争取 reports what was secured (争取上级资金1887亿元), 努力 and 力促 the effort made (努力克服疫情影响，
    全市接待过夜游客2162万人次; 多措并举力促粮食稳产增收，粮食总产量达83.9万吨), 确保 what was ensured or issued (及时出台
    确保经济平稳健康运行40条): not a goal."""
    return bframe.role == "review" and commitment.group(0) in ("争取", "努力", "力促", "确保")


def classify(
    clause: str, frame: PlanFrame, bframe: BlockFrame, carry: Carry, first_value: int | None = None
) -> tuple[str, str, str | None, bool]:
    """(kind, reason, year, year_implied) of the figures in one clause; ``first_value`` is where its first figure
    starts in ``clause``."""
    now = frame.now
    commitment = COMMITMENT.search(clause)
    if commitment and first_value is not None and commitment.start() >= first_value:
        # 「研发经费投入年均增长7%以上、力争投入强度高于“十三五”时期实际」: a commitment opens the item it governs;
        # what it and the words after it say (a goal, a past period) is not about the figures before it.
        clause = clause[: commitment.start()]
        commitment = None
    deadline = future_deadline(clause, frame, bframe.role == "review")
    horizon = HORIZON.search(clause)
    done = DONE.search(clause)
    if done and done.group(0) in ("提前实现", "提前完成") and bframe.role in ("goal", "annual") and not commitment:
        # 「提前实现地区生产总值和城乡居民人均收入比2010年翻一番」 among a plan's goals: to be reached ahead of time
        commitment, done = done, None
    # A year at or after the document's own that does something is a deadline (future_deadline above), so any
    # year left here lies before it.
    unbased = indicators.BASE.sub("", clause)  # a comparison's base is no year of the figure's
    past_year = PAST_YEAR.search(unbased)
    # 去年 in a report is the year before it (经济总量去年跨上1.8万亿元新台阶, 湖北 2012: 2011's)
    last_year = indicators.LAST_YEAR.search(unbased) if frame.report_year is not None else None
    earlier = None
    for m in EARLIER_PERIOD.finditer(clause):
        named = frame.named_period(m.group("p"))
        if (
            named
            and (now is None or named.end < now)
            and not indicators.BASE.search(clause[max(0, m.start() - 2) : m.end()])
            # 「…年均增长6%，高于“十三五”时期1.2个百分点」: the earlier period is what the figure is compared with
            and not re.search(r"[高低快慢]于$", clause[: m.start()])
        ):
            earlier = m
            break
    if deadline:
        return "target", deadline[0], deadline[1], False
    if horizon:
        return "target", horizon.group(0), horizon_year(horizon.group("h"), now), False
    if commitment and reports_effort(commitment, bframe):
        commitment = None
    if commitment and not done:
        return "target", commitment.group(0), carry.deadline, False
    if done or past_year or earlier or last_year:
        # the words that say so: 已建成, “十三五”期间; for a past year just the year (2020年, not 2020年…增长)
        cue = (
            past_year.group("y") + "年" if past_year and not done else (done or earlier or last_year).group(0)  # type: ignore[union-attr]
        )
        year = measured_year(clause, now) or carry.past_year
        if year is None and last_year is not None and frame.report_year is not None:
            year = str(frame.report_year - 1)
        if year is None and earlier is not None:
            named = frame.named_period(earlier.group("p"))
            year = str(named.end) if named else None
        if year is None and bframe.role == "review" and bframe.year:
            year = str(bframe.year)
        if year is None and done is not None and now is not None:
            # 「人均生产总值已达到1800美元」 among a 2011 report's goals: where things stand, the year before its own
            year = str(now - 1)
        return "actual", cue, year, False
    if carry.target_reason:
        return "target", carry.target_reason, carry.deadline, False
    if carry.past_year:
        return "actual", carry.past_year + "年", carry.past_year, False
    if carry.deadline and bframe.role != "review":
        return "target", f"到{carry.deadline}年", carry.deadline, False
    if bframe.role == "review":
        return (
            "actual",
            bframe.reason or "回顾",
            measured_year(clause, now) or (str(bframe.year) if bframe.year else None),
            False,
        )
    if bframe.role in ("goal", "annual"):
        implied = bframe.role == "goal" and not bframe.deadline
        return "target", bframe.reason or "目标", str(bframe.year) if bframe.year else None, implied
    return "target", "规划", None, False
