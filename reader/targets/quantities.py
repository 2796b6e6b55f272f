"""The quantity grammar: what counts as a measured value in a Chinese plan, and what only looks like one.

A quantity is ``number [magnitude] unit``: 1.3万亿元, 6.5万台, 30万元/人, 58亿吨标准煤, 5.5%, 2个百分点, 10‰,
19∶43∶38 (a ratio, one value list), 翻一番, 1.8倍, 七成, 五千亿元, 1—2家, 50亿至100亿元. Numbers may be
full-width (６.５) or spaced by a careless typesetter (6 .5 %).

Not quantities, by form rather than by list: years (2025年) and horizons (三年内, 5年来), ordinals (第三),
names with digits (G60, 5G, PM2.5, 4号线, 501省道, “415X”, “1026”), numerals inside short quoted slogans
(“四个意识”), counted slogans and task counts (两个大局, 八个方面, 十二类45项 … 工作), idioms with numerals
(千行百业, 百家湖), age brackets that name who qualifies (3岁以下婴幼儿), anniversaries (10周年), durations in
programme names (十年禁渔) and a size class used as a name (推动万亿级软件产业) rather than as a goal
(成为五千亿级产业).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reader.document.headings import CN_DIGITS_ONE_BY_ONE, cn_to_int

# ---------------------------------------------------------------- units

# Magnitudes written between a number and its unit (1.2万公里, 5575万人, 13万亿元).
MAGNITUDES = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "万", "千")

# Base units. Longest first when compiled, so 平方公里 wins over 公里 and 吨标准煤 over 吨.
_BASE_UNITS = """
元 美元 欧元 港元 人民币
个百分点 百分点 % ％ ‰
平方公里 平方米 立方米 公里 千米 米 公顷 亩 吨标准煤 标准煤 吨 斤 公斤 千克 克 标箱 TEU
千瓦时 千瓦 兆瓦 吉瓦 瓦 度 微克/立方米 毫克/立方米 毫克/升
场次 个 家 项 座 所 条 宗 列 辆 张 床 台 套 件 篇 款 户 人次 人 名 位 次 批 栋 幢 处 间 只 头 艘 架 部 支 种 本 场 棵 株 片 区 份
个工作日 工作日 个月 个季度 天 小时 分钟 岁 年 倍
""".split()
BASE_UNITS = sorted(set(_BASE_UNITS), key=len, reverse=True)
_BASE = "|".join(re.escape(u) for u in BASE_UNITS)
_MAG = "|".join(MAGNITUDES)
# A rate unit: 万元/人, 元/吨, 吨/万元.
_PER = rf"(?:/(?:(?:{_MAG})?(?:{_BASE})))?"

# A number as printed: ASCII or full-width digits, a decimal point that may be spaced (6 .5), thousands commas.
_DIGIT = "[0-9０-９]"
# 1,200 and 10 000 (a space between groups of three, as some reports print thousands) are one number.
# Old plans print thousands with a full-width comma (1990年达到3，530亿元): one number when groups of three follow, not
# a list (第3，…).
_NUMBER = (
    rf"{_DIGIT}{{1,3}}(?:,{_DIGIT}{{3}})+(?:\.{_DIGIT}+)?"
    rf"|(?<!第){_DIGIT}{{1,3}}(?:，{_DIGIT}{{3}})+(?:[.．]{_DIGIT}+)?(?![0-9０-９，])|{_DIGIT}{{1,3}}(?:[ \u00a0\u2009\u202f]{_DIGIT}{{3}})+(?!{_DIGIT})"
    rf"|{_DIGIT}+(?:\s?[.．]\s?{_DIGIT}+)?"
)

# Words that may sit between the number and the unit: 6000多张, 1500余处, 5个以上 (the 以上 comes after).
_APPROX = "多|余|来"

ARABIC = re.compile(
    rf"(?P<a>{_NUMBER})\s?(?:(?:多|余)(?=万|亿))?(?P<mag_a>{_MAG})?(?P<approx_a>{_APPROX})?"
    rf"(?:\s?(?P<range>[-－~～—–至到])\s?(?P<b>{_NUMBER})\s?(?P<mag_b>{_MAG})?(?P<approx_b>{_APPROX})?)?"
    rf"\s?(?P<unit>(?:{_BASE}){_PER})?"
)

# A ratio of two to four parts: 三次产业比重为0.3:53.8:45.9, 19∶43∶38.
RATIO = re.compile(rf"(?<![\d.])(?:{_NUMBER})(?:\s?[:：∶]\s?(?:{_NUMBER})){{1,3}}(?![\d.])")

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# Chinese numerals with a magnitude and a unit of measure: 五千亿元, 三万亿, 两千万吨, and the whole of a numeral with
# several magnitudes (五万七千六百亿元, 四亿六千五百万吨), a decimal (六点八万公里) or digits one by one (一九〇〇万吨).
_CN_UNIT = (
    "元|美元|吨标准煤|吨|千瓦时|千瓦|亩|人次|人|户|平方米|立方米|公顷|公里|斤|辆|台|门|块|项|个|件|套|所|座|家|头|册"
)
# A range written in Chinese numerals shares the magnitude written last unless it has its own: 二千五百～三千五百万吨,
# 四亿九千万～五亿吨.
CHINESE_AMOUNT = re.compile(
    rf"(?<![{_CN_DIGITS}第点～~—－])(?:(?P<lo>[一二两三四五六七八九十][{_CN_DIGITS}]*)[～~—－至到])?"
    rf"(?P<n>[一二两三四五六七八九十][{_CN_DIGITS}]*(?:点[〇零一二三四五六七八九]+)?)(?P<mag>万亿|亿|万)"
    rf"(?:(?P<tail>[〇零一二两三四五六七八九十百千]+)(?={_CN_UNIT}))?"  # 九万二千公里
    rf"(?P<unit>{_CN_UNIT})?(?!级)"
)
# A round magnitude with no numeral: 营业收入超万亿元, 破千亿 (one of that magnitude).
ROUND_MAGNITUDE = re.compile(r"(?<=超|破|过|达|上)(?P<mag>万亿|千亿|百亿)(?P<unit>元|美元)?(?!级)")
# Multiples: 两倍, 1.8倍 is ARABIC; 翻一番 / 翻两番 / 翻番 count doublings; 七成 is 70%.
MULTIPLE = re.compile(
    rf"(?<![点])(?P<n>[一二两三四五六七八九十]{{1,2}}(?:点[〇零一二三四五六七八九]+)?)倍|翻(?P<f>[一两二三])?番|(?<![{_CN_DIGITS}])(?P<c>[一二三四五六七八九])成(?![为功立效果绩不])"
)
# 倍增 is a doubling when it is the outcome (实现倍增, 经营主体倍增，): not 成倍增加 (manyfold), not a verb with an
# object (倍增力量), not a programme's name (收入倍增计划, 十年倍增行动).
DOUBLING = re.compile(r"(?<![0-9“\"十百千万成])倍增(?=[，。；、,;！!）)”\s]|$|目标)")
# A small Chinese count counts only as the object of making or adding something: 新增两个国家级平台.
# Elsewhere (统筹国内国际两个大局, 抓好以下八个方面, 四个战略重点) it counts tasks or names a slogan.
CHINESE_COUNT = re.compile(
    r"(?:新增|新建|建成|建设|打造|培育|引进|创建|设立|布局|争创)(?P<n>[两二三四五六七八九十]{1,3})(?P<unit>个|家|所|座|条|项)"
)
# A size class is a value only as the complement of a goal: 成为五千亿级先进制造业, 打造3个万亿级产业集群.
MAGNITUDE_CLASS = re.compile(
    r"(?:成为|打造成?|建成|形成|培育成?|发展成|迈向|迈上|壮大为)[^，。；、]{0,4}?"
    r"(?P<n>[一二三四五六七八九两]?[千百]?)(?P<mag>万亿|千亿|百亿|亿)级"
)

# ---------------------------------------------------------------- what is not a quantity

# A four-digit year, a month or a date: 2025年, 2021—2025年, 7月.
_YEAR = re.compile(
    r"(?<![0-9])(?:19|20)\d\d(?:\s?[-－~～—–至到]\s?(?:19|20)?\d\d)?\s?年(?:度|代)?|\d{1,2}\s?月(?:\d{1,2}\s?日)?"
)
# A duration that is a horizon or a span, not a value: 三年内, 5年来, 连续7年居, 十年禁渔 (not the decimals of a
# value in years: 10.23年提高到10.8年).
_SPAN = re.compile(
    r"(?:(?<![0-9.])\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(?:个)?年(?:内|以内|之内|来|间|后|前|期|中|左右的|以来|行动|计划)"
    r"|连续\s?\d{1,3}\s?年|(?:过去|近|这|未来|今后|最近)\s?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})"
    r"(?:\s?(?:到|至|—|-|～)\s?(?:\d{1,3}|[一二两三四五六七八九十]{1,3}))?\s?(?:个)?年"
    r"|(?:(?<![0-9.])\d{1,3}|[一二两三四五六七八九十]{1,3})年(?=[\u4e00-\u9fff])(?![以左])"
)
# An age bracket naming who qualifies (3岁以下婴幼儿, 70岁以下大师级人才), not an age to reach.
# A decimal (76.3岁) or an age followed by a movement (从76岁提高到77岁) is a value.
_AGE_BRACKET = re.compile(
    r"(?<![0-9.])\d{1,3}\s?(?:周)?岁(?:以下|以上|及以上|至\d{1,3}岁)?(?=[\u4e00-\u9fff（(])(?![以左提增达延降])"
)
# A reach named by its travel time: 15分钟健身圈, 1小时通勤圈, 一小时生活圈.
_REACH = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十半])\s?(?:个)?(?:分钟|小时)[\u4e00-\u9fff]{0,4}?圈")
# An anniversary: 10周年, 百年.
_ANNIVERSARY = re.compile(r"\d{1,4}\s?周年")
# A name with digits: G60, 5G, PM2.5, 4号线, 501省道, 108国道, 2.0版, 1类创新药, 12345热线.
_NAME_DIGITS = re.compile(
    r"[A-Za-zＡ-Ｚａ-ｚ]+[0-9.]+[A-Za-z]*|[0-9.]+[A-Za-zＡ-Ｚａ-ｚ]+(?!/)"
    r"|\d+\s?(?:号线|号|省道|国道|县道|高速|路|版|类|级|星|代|届|次会议|大|产区|批次)"
    r"|\d+(?:\+\d+)+|\d+\+[A-Z]"
)
# An ordinal: 第三, 第1, 居全国第七.
_ORDINAL = re.compile(rf"第[{_CN_DIGITS}0-9]+")
# A numeral in a short quotation is a name or a slogan: “415X”, “双一流196”, “四个意识”.
_QUOTED = re.compile(r"“[^”]{0,12}”|「[^」]{0,12}」")
# A count of the document's own parts or tasks: 九个方面的工作, 6个方面主要目标, 十二类45项民生实事候选项目, 八大行动;
# its kinds of indicators (13个预期性指标、8个约束性指标; 包括预期性指标20个) and its parts (共分3大板块14篇60章).
_TASK_COUNT = re.compile(
    r"(?:[一二两三四五六七八九十]+|\d+)(?:件|项)(?=(?:民生)?实事)|\d+个(?=方面|维度)|"
    r"(?:[一二两三四五六七八九十]+|\d+)(?:项|个)(?=(?:约束性|预期性)指标)|"
    r"(?<=约束性指标|预期性指标)(?:[一二两三四五六七八九十]+|\d+)(?:项|个)|"
    r"(?:\d+|[一二两三四五六七八九十]+)篇(?:\d+|[一二两三四五六七八九十]+)章|"
    r"(?:[一二两三四五六七八九十]+)(?:个|大|项|类)(?:[一二两三四五六七八九十]+|\d+)?(?:项)?"
    r"(?=[\u4e00-\u9fff]{0,2}(?:方面|领域|任务|举措|措施|工作|实事|候选|战略重点|着力点|走在前|意识|自信|维护|确立|代表|大局|毫不动摇|必须))"
)
# A count of the plan's own indicators, goals and projects: 提出20项主要指标, 明确了31个具体目标, 细化提出3项指标, 提出6方面109项重大工程.
_OWN_PARTS = re.compile(
    r"(?:\d+|[一二两三四五六七八九十]+)(?:项|个|类|大|方面)[\u4e00-\u9fff]{0,6}?(?:指标|目标|重大工程|工程项目|工程|重大战略任务|任务)"
)
_PROPOSING = re.compile(r"提出|确定的?|部署|细化|明确|列出|包括|设置|设定|安排了|共计")
# A range whose ends both carry the unit: 经济增长4.5%—5%.
_UNIT_RANGE = re.compile(rf"(?P<a>{_NUMBER})\s?(?P<u>%|％|‰)\s?[—－\-~～至到]\s?(?P<b>{_NUMBER})\s?(?P=u)")
# A rate per population: 孕产妇死亡率降为18/10万.
PER_POPULATION = re.compile(rf"(?P<a>{_NUMBER})\s?/\s?(?P<den>(?:10|十)?万|千|百)(?![\d.])")
# A date or a time of day in page chrome: 2016-03-17 20:13.
_DATETIME = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|(?<![\d.])\d{1,2}:\d{2}(?=\s|$)")
# A bare number after a ratio or index is a unitless value: 城乡居民收入比缩小至2.13.
UNITLESS = re.compile(
    rf"(?:比|系数|指数|比值)[^，。；、]{{0,3}}?(?:缩小至|缩小到|下降至|下降到|降至|降到|提高到|提高至|为|达到|达|保持在|控制在)"
    rf"\s?(?P<a>{_NUMBER})(?![\d.%％‰万亿千])"
)


@dataclass(frozen=True)
class Quantity:
    """One value as written: 1.3万亿元 → value 1.3, unit 万亿元; 1—2家 → 1 to 2 家."""

    value: float
    value_to: float | None  # upper end of a range (2-3个, 50亿至100亿元)
    unit: str
    text: str
    start: int  # offsets into the block text
    end: int
    parts: tuple[float, ...] = ()  # the further values of a ratio (0.3:53.8:45.9)

    @property
    def values(self) -> list[float]:
        out = [self.value, *self.parts]
        if self.value_to is not None:
            out.append(self.value_to)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "value_to": self.value_to,
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def parse_number(text: str) -> float:
    """6 .5 → 6.5, ６５ → 65, 1,200 → 1200."""
    return float(re.sub(r"[\s,，]", "", text.translate(_FULLWIDTH)))


def _cn_below_10000(text: str) -> float | None:
    """四千九百, 十二, 六点八, 一九〇〇 (digit by digit)."""
    whole, _, decimals = text.partition("点")
    if len(whole) > 1 and all(c in "〇零一二三四五六七八九" for c in whole):
        value: float | None = float(whole.translate(CN_DIGITS_ONE_BY_ONE))
    else:
        value = _cn_number(whole) if whole else 0.0
    if value is None or not decimals:
        return value
    return float(f"{int(value)}.{decimals.translate(CN_DIGITS_ONE_BY_ONE)}")


def _cn_total(text: str) -> float | None:
    """The value of a Chinese numeral with its magnitudes: 五万七千六百亿 → 5.76e12."""
    for mag, factor in (("亿", 1e8), ("万", 1e4)):
        if mag in text:
            high, _, low = text.partition(mag)
            a, b = _cn_total(high), _cn_total(low) if low else 0.0
            return None if a is None or b is None else a * factor + b
    return _cn_below_10000(text)


def _cn_amount(written: str) -> tuple[float, str] | None:
    """(value, magnitude) of a Chinese amount: 三万亿 → (3, 万亿); 五万七千六百亿 → (57600, 亿); 四亿六千五百万 → (4.65, 亿);
    两千万 → (2000, 万)."""
    if re.fullmatch(r"[^万亿]+万亿", written):
        value = _cn_below_10000(written[:-2])
        return (value, "万亿") if value is not None else None
    total = _cn_total(written)
    if total is None:
        return None
    mag, factor = ("亿", 1e8) if "亿" in written else ("万", 1e4)
    return round(total / factor, 6), mag


def _cn_number(text: str) -> float | None:
    value = cn_to_int(text)
    if value is None and text in ("千", "百"):
        return {"千": 1000.0, "百": 100.0}[text]
    return float(value) if value is not None else None


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and b > s for s, e in spans)


# Verbs that make a class (…级) a level reached: 成为5000亿元级产业.
_BECOMING = re.compile(r"(?:成为|达到|迈上|迈入|跨入|跻身|升为|升至)\s*$")

# A bound (以上, 及以下 …) directly before a noun: the value sorts the things named after it.
_BOUND_BEFORE_NOUN = re.compile(
    r"\s?(?:及以上|以上|及以下|以下)(?=[\u4e00-\u9fff])(?!用于|投入|实现|达|完成|增长|建成|开工|落地|占|以|的|和|或)"
)
# Units of a size each thing has (what it costs or earns, its weight, power, floor space, age, height, slope), not of
# how many things there are or how far they reach: 5000万元以上项目, 20吨以上燃煤锅炉, 10万千瓦及以下燃煤机组,
# 15年以上供热管网, 25度以上坡耕地, 16平方米以下低保家庭.
_SIZE_UNIT = re.compile(rf"(?:{_MAG})?(?:元|美元|欧元|港元|吨标准煤|吨|千瓦|兆瓦|度|年|米|平方米)(?:/年)?")
# …except an amount each person receives (每月人均300元以上生活补助): that is the figure.
_ALLOWANCE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:补助|补贴|津贴|奖励|奖补|救助)")
# Households that size a settlement (20户以上自然村, 20户以上农牧民聚集区), not households counted (2800户以上家庭).
_SETTLEMENT = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:自然村|村寨|村组|村屯|聚集区|居住区)")


def _sorting_bound(text: str, a: int, b: int, unit: str) -> bool:
    """「20吨以上燃煤锅炉13台」, 「20户以上自然村全部通硬化路」, 「时速200公里及以上高速铁路列车」: a value with a bound
    before the noun it qualifies says which things are meant (a size each of them has), it is no figure of its own."""
    bound = _BOUND_BEFORE_NOUN.match(text, b)
    if bound is None:
        return False
    after = bound.end()
    if _SIZE_UNIT.fullmatch(unit):
        return not _ALLOWANCE.match(text, after)
    if unit.endswith("户"):
        return bool(_SETTLEMENT.match(text, after))
    return unit in ("公里", "千米") and text[max(0, a - 2) : a] == "时速"


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All quantities in ``text``, offsets shifted by ``offset``, in reading order."""
    blocked = (
        _spans(_YEAR, text)
        + _spans(_SPAN, text)
        + _spans(_AGE_BRACKET, text)
        + _spans(_ANNIVERSARY, text)
        + _spans(_REACH, text)
        + _spans(_NAME_DIGITS, text)
        + _spans(_ORDINAL, text)
        + _spans(_QUOTED, text)
        + _spans(_TASK_COUNT, text)
        + _spans(_DATETIME, text)
    )
    if _PROPOSING.search(text):
        blocked += _spans(_OWN_PARTS, text)
    found: list[Quantity] = []

    def add(q: Quantity) -> None:
        found.append(q)
        blocked.append((q.start - offset, q.end - offset))

    for m in _UNIT_RANGE.finditer(text):
        if not _overlaps(m.start(), m.end(), blocked):
            a, b = parse_number(m.group("a")), parse_number(m.group("b"))
            unit = m.group("u").replace("％", "%")
            add(Quantity(a, b, unit, m.group(0), offset + m.start(), offset + m.end()))
    for m in PER_POPULATION.finditer(text):
        if not _overlaps(m.start(), m.end(), blocked):
            add(
                Quantity(
                    parse_number(m.group("a")),
                    None,
                    "/" + m.group("den"),
                    m.group(0),
                    offset + m.start(),
                    offset + m.end(),
                )
            )
    for m in RATIO.finditer(text):
        if _overlaps(m.start(), m.end(), blocked):
            continue
        parts = [parse_number(p) for p in re.split(r"[:：∶]", m.group(0))]
        add(Quantity(parts[0], None, "", m.group(0), offset + m.start(), offset + m.end(), tuple(parts[1:])))
    for m in ARABIC.finditer(text):
        a, b = m.start(), m.end()
        unit = m.group("unit") or ""
        mag = m.group("mag_b") or m.group("mag_a") or ""
        if not unit and not mag:
            continue  # a bare number: a footnote mark, a code or a count without a measure word
        if not unit:
            # 5575万农村贫困人口, 1亿农业转移人口: the magnitude is the unit when a noun follows (not 500千伏).
            nxt = text[b : b + 1]
            if mag not in ("万", "亿", "万亿") or not nxt or not ("\u4e00" <= nxt <= "\u9fff" or nxt in "、"):
                continue
        if _overlaps(a, b, blocked):
            # A year blocks only its own digits: 2025年 is not 2025 年.
            continue
        if unit == "年" and re.match(r"(?:19|20)\d\d$", m.group("a")):
            continue
        if re.match(r"\s?(?:及以上|以上|以下|及以下)(?:的|和|或)", text[b : b + 5]):
            continue  # 投资规模30亿元以上的项目: a threshold that says which things count, not a value
        if _sorting_bound(text, a, b, (mag + unit).replace("％", "%")):
            continue
        if unit in ("米", "公里", "千米") and re.match(r"(?:以)?内[\u4e00-\u9fff]", text[b : b + 3]):
            continue  # 公交与轨道50米内换乘比例: a distance that qualifies the measure, not a value of it
        if unit and text[b : b + 1] == "级" and not _BECOMING.search(text, max(0, a - 4), a):
            continue  # 30万吨级油码头, 20万吨级航道: a class of the thing, not an amount (成为5000亿元级 is one)
        value = parse_number(m.group("a"))
        value_to = parse_number(m.group("b")) if m.group("b") else None
        add(Quantity(value, value_to, (mag + unit).replace("％", "%"), m.group(0).rstrip(), offset + a, offset + b))
    for m in UNITLESS.finditer(text):
        a, b = m.span("a")
        if not _overlaps(a, b, blocked):
            add(Quantity(parse_number(m.group("a")), None, "", m.group("a"), offset + a, offset + b))
    for m in ROUND_MAGNITUDE.finditer(text):
        if not _overlaps(m.start(), m.end(), blocked):
            value, unit = {"万亿": (1.0, "万亿"), "千亿": (1000.0, "亿"), "百亿": (100.0, "亿")}[m.group("mag")]
            add(Quantity(value, None, unit + (m.group("unit") or ""), m.group(0), offset + m.start(), offset + m.end()))
    for m in CHINESE_AMOUNT.finditer(text):
        if _overlaps(m.start(), m.end(), blocked):
            continue
        written = m.group("n") + m.group("mag") + (m.group("tail") or "")
        amount = _cn_amount(written)
        if amount is None:
            continue
        low = None
        if m.group("lo"):
            lo = m.group("lo")
            lo_total = _cn_total(lo if re.search("[万亿]", lo) else lo + m.group("mag"))
            high_total = _cn_total(written)
            low = round(amount[0] * lo_total / high_total, 6) if lo_total and high_total else None
        unit = amount[1] + (m.group("unit") or "")
        if low is None:
            start = m.start("n")
            add(Quantity(amount[0], None, unit, text[start : m.end()], offset + start, offset + m.end()))
        else:
            add(Quantity(low, amount[0], unit, m.group(0), offset + m.start(), offset + m.end()))
    for m in MULTIPLE.finditer(text):
        if _overlaps(m.start(), m.end(), blocked):
            continue
        if m.group("n"):
            n = _cn_below_10000(m.group("n"))  # 两倍, 一点四倍
            if n is None:
                continue
            add(Quantity(n, None, "倍", m.group(0), offset + m.start(), offset + m.end()))
        elif m.group("c"):
            n = _cn_number(m.group("c"))
            if n is None:
                continue
            add(Quantity(n * 10, None, "%", m.group(0), offset + m.start(), offset + m.end()))
        else:
            times = {"一": 1, None: 1, "两": 2, "二": 2, "三": 3}.get(m.group("f"), 1)
            add(Quantity(float(times), None, "番", m.group(0), offset + m.start(), offset + m.end()))
    for m in DOUBLING.finditer(text):
        if not _overlaps(m.start(), m.end(), blocked):
            add(Quantity(1.0, None, "番", m.group(0), offset + m.start(), offset + m.end()))
    for m in CHINESE_COUNT.finditer(text):
        s = m.start("n")
        if _overlaps(s, m.end(), blocked):
            continue
        n = _cn_number(m.group("n"))
        if n is None or n < 2:
            continue
        add(Quantity(n, None, m.group("unit"), text[s : m.end()], offset + s, offset + m.end()))
    if not found:
        for m in MAGNITUDE_CLASS.finditer(text):
            s = m.start("n") if m.group("n") else m.start("mag")
            if _overlaps(s, m.end(), blocked):
                continue
            n = _cn_number(m.group("n")) if m.group("n") else 1.0
            add(Quantity(n or 1.0, None, m.group("mag") + "元级", text[s : m.end()], offset + s, offset + m.end()))
    found.sort(key=lambda q: q.start)
    # 600亿、800亿元: a bare magnitude in a list takes the unit of the value after it.
    for i, q in enumerate(found[:-1]):
        following = found[i + 1]
        if q.unit in ("万", "亿", "万亿") and following.unit.startswith(q.unit) and len(following.unit) > len(q.unit):
            found[i] = replace(q, unit=following.unit)
    return found
