"""The rules for finding quantities and telling targets from past figures, one named rule each.

Every rule is a compiled pattern with a comment saying what it catches and why;
tests/core/test_targets.py has a test per rule on real plan sentences.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- quantities

# Units in the order longest first, so 万亿元 wins over 亿元 and 平方公里 over 公里.
UNITS = sorted(
    """万亿元 亿美元 万美元 亿元 万元 美元 元 个百分点 百分点 % ％ 万户 户 万家 家 个 项 座 所 条 宗 列 辆 张 床 台 套 件 篇
    公里 千米 平方公里 平方米 万平方米 立方米 亩 万亩 公顷 米 万人次 人次 万人 人 名 位 万吨 吨 千瓦 万千瓦 兆瓦 微克/立方米
    倍 天 小时 个工作日 工作日 年 岁 栋 处 间 次 批 亿 万""".split(),
    key=len,
    reverse=True,
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUM = r"\d+(?:\.\d+)?"

# RULE arabic_quantity: 9650.19亿元, 6%, 8000家, 1.2万公里, 6000多张, 50亿至100亿元, 2-3个.
# A number must carry a unit: bare digits are footnote marks (“专精特新”2企业) or names (5G, PM2.5).
ARABIC_QUANTITY = re.compile(
    rf"(?<![\d.A-Za-z第])(?P<a>{_NUM})(?P<mag_a>万亿|亿|万|千)?(?P<more>多|余)?"
    rf"(?:\s*(?P<range>[-－~～—至到])\s*(?P<b>{_NUM})(?P<mag_b>万亿|亿|万|千)?)?"
    rf"\s*(?P<unit>{_UNIT})"
)

# RULE ratio: 三次产业比重为0.3:53.8:45.9
RATIO = re.compile(rf"(?<![\d.]){_NUM}(?:[:：]{_NUM}){{1,3}}(?![\d.])")

# RULE chinese_multiple: 翻一番, 翻两番, 翻番, 倍增 — a doubling is a quantity (×2, ×4).
MULTIPLE = re.compile(r"翻(?P<n>[一两二三])?番|(?<![0-9“])倍增(?!计划)")

# RULE age_bracket: 70岁以下大师级人才 — an age limit says who qualifies; it is not a value to reach.
AGE_BRACKET = re.compile(r"\d+\s*岁(?:以下|以上)")

# RULE chinese_count: 两个, 五个以上, 七成. Numerals inside quotes are slogans (“四个意识”, “两个维护”),
# after 第 they are ordinals, and 一 is almost always 一批/一流/一体化, so those are not quantities.
CHINESE_COUNT = re.compile(
    r"(?<![第“\"一二三四五六七八九十])(?P<n>[两二三四五六七八九十百千]{1,3})(?P<unit>个|家|项|所|座|条|成)(?!意识|自信|维护|台阶|一流)"
)

# RULE base_year: 在2020年基础上 — the base of a comparison, neither a deadline nor a past figure.
BASE_YEAR = re.compile(r"在?\s*(?:19|20)\d\d\s*年(?:的)?基础上")

# RULE magnitude_class: 万亿级电子信息产业, 五千亿级先进制造业 — a size class is the goal's value.
# Used only when the clause has no other quantity (5个以上千亿级产业集群 counts clusters, not money).
MAGNITUDE_CLASS = re.compile(r"(?<![\d第])(?P<n>[一二三四五六七八九两]?[千百]?)(?P<mag>万亿|亿)级")

# RULE year: a four-digit year is a time, never a value (2025年, 2021—2025年).
YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年")

# RULE horizon: 三年内, 5年内, 五年内 — a relative deadline.
HORIZON = re.compile(r"(?P<h>(?:\d{1,2}|[一二三四五六七八九十两]{1,2})\s*年(?:内|以内|之内))")

# ---------------------------------------------------------------- tense and commitment cues

# RULE future_deadline: 到2025年 / 至2035年 / 到“十四五”末 — a deadline ahead is a commitment.
FUTURE_DEADLINE = re.compile(r"(?:到|至|展望)\s*(?P<y>20\d\d)\s*年|(?:到|至)“?十[四五六]五”?(?:期末|末)")

# RULE commitment: words that make a number a goal rather than a fact.
COMMITMENT = re.compile(r"力争|争取|确保|预期|预计到|约束性|目标值|目标为|将(?:达到|超过|突破|实现|建成|新增)|努力")

# RULE past_marker: the review of the last plan — past years with a verb, comparisons with an earlier year,
# the 十三五 period, cumulative figures, things already done.
PAST_MARKER = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年(?:底|末)?(?:达|为|实现|突破|完成|增长|下降|比|是|的)"
    r"|比\s*(?:19|20)\d\d\s*年|是\s*(?:19|20)\d\d\s*年的"
    r"|“?十[一二三]五”?(?:期间|时期|以来)|五年(?:累计|来|年均|共|投入)|累计(?:建成|完成|引进|建设|帮助|整治|治理|降低|下降)"
    r"|已经|已(?:达|建|实现|成为|完成)|提前实现|预计超过|预计达到"
)

# RULE comparator: how the value is qualified.
QUALIFIERS = [
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "控制在",
    "以内",
    "以上",
    "以下",
    "左右",
    "约",
    "达到",
    "超过",
    "突破",
    "翻番",
    "翻一番",
    "翻两番",
    "倍增",
    "提高到",
    "提升到",
    "降低到",
    "下降到",
    "增长",
    "下降",
    "降低",
    "新增",
    "累计",
]

# Words stripped from the front and back of a clause to leave the indicator's name.
INDICATOR_NOISE = re.compile(
    r"^(?:力争|争取|确保|预期|预计|努力|积极|加快|大力|重点|持续|到\s*20\d\d\s*年底?|至\s*20\d\d\s*年|20\d\d\s*年|"
    r"(?:\d{1,2}|[一二三四五六七八九十两]{1,2})\s*年(?:内|以内|之内)|全市|全部|我市|其中|并|使|实现|推动|累计|共|在)+"
    r"|(?:分别|均|总计|共计|合计|预计|力争|争取|稳定|保持|继续|年均|提高|提升|达到|达|为|超过|突破|增至|增长|下降|降低|控制在|不低于|不少于|不超过|新增|实现|约|从)+$"
)
# A clause whose words before the value are only a verb names its indicator after the value:
# 力争新增5个以上千亿级产业集群 → 千亿级产业集群.
ACTION_VERB = re.compile(
    r"(?:^|[^\u4e00-\u9fff])?(?:新增|引进|引进培育|培育|建设|建成|打造|创建|招引|认定|完成|新建|扩建|改造|实现|累计|超过|突破|达到|达|形成|设立|推动|吸引|一批)$"
)

# Verbs of movement left at the end of a subject: 国家高新技术企业总数大幅跃升至 → 国家高新技术企业总数.
INDICATOR_TRAILING_VERB = re.compile(
    r"(?:连续|大幅|稳步|逐步|首次)?(?:迈上|跃升至|跃升到|提高到|提高至|提升到|提升至|下降到|下降至|增加到|增至|上升到|上升至|共发运|共投入|投入)$"
)

# 「是2015年的1.8倍」「分别比2015年增长…」compare with a base year: the subject is the previous figure's.
INDICATOR_COMPARISON = re.compile(r"^(?:分别)?(?:是|比|较)\s*(20\d\d|19\d\d)\s*年")

INDICATOR_ALIASES = {"GDP": "地区生产总值", "生产总值": "地区生产总值"}

PLAN_START = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
