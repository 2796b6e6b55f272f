"""Naming the indicator a quantity measures, from the words around it.

A clause reads ``[lead-in] subject verb value [object]``: 「到2025年，全市高新技术企业达8000家」 names its
indicator before the value, 「新增20家概念验证中心」 after it, 「设立总规模不低于100亿元的母基金」 on both
sides. Lead-ins (deadlines, 力争, 全市), verbs of reaching (达到, 提高到, 突破) and comparators are not part of
the name; words of change (增长, 降低, 提高 without 到) are, because GDP and GDP growth are different
indicators. When no name can be found with confidence the indicator stays empty rather than a fragment.
"""

from __future__ import annotations

import re

from reader.document.headings import PLAN_TOKEN

# Verbs of doing that govern the whole clause: 新培育1300家…, 建成14家…, 培育出3家….
_GOVERNING = (
    "推动 推进 加快推进 加快 实现 持续 继续 进一步 大力 积极 加大 支持 鼓励 全力 着力 提前 力促 促进 带动 完成 实施 打造 "
    "抓好 改造 建成 发布 培育推介 新培育 培育 引进培育 引育 引进 汇聚 集聚 新集聚 设立 获得 获评 获批 涌现 入库 通过认定 认定 招引 "
    "成功 开展 提出 更新改造 更新 优化调整 优化 划设 评定 严守 守住 坚守 安排 提档升级 创建 创成 建立 布局 吸引 新改建 推广 一批 吸纳 帮助 划定 推出 举办 提供 开通 新开工 开工 启动 发放 全面 稳定"
).split()
# 重点 before a verb (重点推进), not in a noun (430个重点项目)
_VERBS = (
    "(?:"
    + "|".join([*_GOVERNING, r"重点(?!项目|工程|企业|领域|行业|人群|群体|区域|园区|实验室|镇|村|片区|产业|城市)"])
    + ")出?"
)
# Lead-ins: deadlines, commitment words, scope words and governing verbs.
_LEAD = re.compile(
    r"^(?:力争|争取|确保|努力|预期|预计|力求|计划|拟|将|为(?=到|至)|目标是|主要目标是|其中|并(?![网购联入轨列存])|使|同时|目前|以及|和|及(?!时)|与|、|，|：|:|\s"
    r"|[\u2460-\u249b\u3251-\u325f]"  # a note's number: ① … ⑳, ⑴ … ⒇, ⒈ … ⒛, ㉑ … ㉟
    r"|[一二三四五六七八九十]{1,2}是"  # an item of a list: 七是完成困难重度残疾人家庭无障碍改造5000户
    r"|[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d)"  # a numbered item: （2）改造老旧楼房847栋, 3.打通中心城区“断头路”20条
    r"|(?:到|至|展望|从)?\s*(?:19|20)\d\d\s*年(?:底|末)?的?|" + PLAN_TOKEN + r"(?:期间|时期|末|期末)?"
    r"|(?:\d{1,2}|[一二三四五六七八九十两]{1,2})\s*年(?:内|以内|之内)|今年|全年|当年|年内|五年来|一年来"
    r"|全市|全省|全区|全县|全镇|我市|我省|我区|" + _VERBS + ")+"
)
# Verbs that may also open a noun (建设用地, 保障性住房): a name is never only these, but they are not stripped.
_VERB_ONLY = re.compile(
    "(?:(?:"
    + "|".join([*_GOVERNING, *"建设 保障 安排 组织 落实 新增 新建 累计 规划 各 压缩 缩短 延长 对 向 给 把".split()])
    + ")出?)+"
)
# Verbs of reaching and comparators at the end of a subject: 全社会研发经费投入强度达到 → …强度.
_TRAIL = re.compile(
    r"(?:达到|达|超过|超|突破|逼近|发展到|发展至|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|降至|降到|降低到|降低至|"
    r"下降到|下降至|缩小至|缩小到|减少到|减少至|(?:降|升|降低|下降|提高|提升|增加|减少|缩小|收窄)为|收窄至|跨越|跨上|迈上|跃升至|跃升到|跃上|上升到|上升至|升至|保持在|保持|稳定在|稳定|控制在|调控在|"
    r"不低于|不少于|不高于|不超过|低于|高于|大于|小于|成为|为|是|约|近|在|将|拟|拟按|按|总体|分别|(?<![人户])均|各|共|累计|总计|共计|合计|"
    r"以上|以下|左右|大幅|稳步|逐步|首次|连续|接连|相继|先后|陆续|接近|将近|提至|提到|预计|力争|争取|实现|的|从|全部"
    r"|(?:从|由)(?:人均|户均|平均|每人每年|每人|每年|上年|去年|上一年)|由|可望|有望|持续|已经|已)+$"
)
# A comparison base is a field of its own (base_year), not part of the name: 较2020年, 比2015年, 较“十三五”期间.
BASE = re.compile(
    r"(?:比|较|相比|与)\s*(?P<y>(?:19|20)\d\d)\s*年(?:末|底)?(?:相比)?|在\s*(?P<b>(?:19|20)\d\d)\s*年(?:的)?基础上"
    r"|(?:比|较)(?P<prev>上年|去年|上一年)(?:同期)?|(?:分别)?(?:是|为)\s*(?P<plan>"
    + PLAN_TOKEN
    + r")(?:时期|期间)?的|(?:分别)?(?:是|为|等于|相当于)\s*(?P<s>(?:19|20)\d\d)\s*年(?:末|底)?的|(?:比|较)\s*(?P<end>“?十[一二三四五六]五”?|“十五”)末|(?:比|较)\s*(?:“?十[一二三四五六]五”?|“十五”)(?:期间|时期)?"
)
# Last year, in a report (经济总量去年跨上1.8万亿元新台阶): not 去年以来, which runs to now, nor last year as what a
# figure is compared with or starts from (由去年的1076亿元增加到1562亿元, 增幅明显高于去年, 去年同期).
LAST_YEAR = re.compile(r"(?<![由从比较于与同])去年(?!以来|同期)")
# Words that only qualify the value.
_QUALIFYING = re.compile(
    r"再(?=提高|增加|降低|下降|增长|延长|提升)|(?:19|20)\d\d\s*年以来|"
    + LAST_YEAR.pattern
    + r"(?:底|末)?|累计|共计|总计|合计|共(?=投入|发运|建成|完成|引进|帮助|新增)|(?:从|由)\s*(?:19|20)\d\d\s*年(?:底|末)?的?|(?:到|至)\s*(?:19|20)\d\d\s*年(?:底|末)?(?=可望|将|要|力争)|年均|年平均|平均每年|每年|^五年(?:来|中|间)?|^(?:“十[一二三四五六]五”|十[一二三四五六]五)(?:期间|时期)"
)
# A commitment inside a name: 规上工业增加值力争增长6%以上 → 规上工业增加值增长.
_COMMITTING = re.compile(
    r"(?<=[\u4e00-\u9fff”）)])(?:力争|力求|(?:争取|确保)(?=增长|达到|实现|突破|超过|提高|提升|保持|稳定))"
)
# A verb that governs the object after the value: 新增20家概念验证中心 (keeps 新增 in the name).
_KEEP_VERB = re.compile(r"(?:新增|新建|累计|压缩|缩短|延长)$")  # 压缩1个月的审批时间 → 压缩审批时间
# Attributes that are named by the noun after the value: 设立总规模不低于100亿元的母基金 → 母基金总规模.
_ATTRIBUTE = re.compile(
    r"^(?:总规模|规模|总量|总面积|面积|总投资|投资额?|数量|总数|产值|营收|产量|容量|能力|首期(?:规模)?)$"
)
# Words that name a measure of something said before: 总量, 总数, 规模.
_GENERIC = re.compile(r"^(?:总量|总数|总额|总规模|规模|数量)$")
# Change words that stay in the name.
CHANGE = re.compile(r"^(?:年均)?(?:实际|名义)?(?:增长|增速|下降|降低|提高|提升|减少|增加|缩小|扩大)$")
# The change word a name ends with (城镇居民人均可支配收入实际增长 → 城镇居民人均可支配收入).
_CHANGE_TAIL = re.compile(r"(?:实际|名义)?(?:增长|增速|下降|降低|提高|提升|减少|增加)$")
# Head nouns of a measure: a subject ending in one is complete (生产安全事故起数).
_HEAD = re.compile(
    r"(?:率|数|量|额|值|比重|比例|占比|规模|面积|强度|指数|收入|产值|增加值|营收|消耗|排放|浓度|天数|人数|寿命|年限|能力)$"
)
# A conjunction between parallel subjects; not the 及 of 普及率 or the 和 of 和美乡村 and 碳中和.
CONJUNCTION_WORD = r"(?<!碳中)和(?![美谐睦])|(?<![普涉危惠顾波以])及(?![时早])|与"
CONJUNCTION = re.compile("、|" + CONJUNCTION_WORD)
# Measure nouns shared by parallel subjects (种植、收获机械化率): the head a list of parts has in common.
MEASURE_HEADS = (
    "机械化率 综合机械化率 覆盖率 普及率 达标率 利用率 处理率 回收率 参保率 入学率 毛入学率 增长率 贡献率 占比 比重 比例 余额 营收 "
    "营业收入 产业营收 产业规模 产值 产量 增加值 规模 投资 投资额 收入 人数 死亡人数 亡人数 起数 能力 处理能力 处置能力 处理处置能力 面积 总量 排放总量 排放量 "
    "强度 消耗 排放 浓度 指数 密度 数量 总数"
).split()
# A governing verb at the end of a subject: the counted thing is the object after the value.
_ENDS_IN_VERB = re.compile(_VERBS + "$")

MAX_LEN = 40


# 「山西路军人俱乐部等城市更新项目」: 等 closing a list of examples (not 高等, 中等, 等级, 等于).
_EXAMPLES_END = re.compile(r"(?<=[^高中初同平对相均])等(?![级于同待])")


# A footnote mark after a word (国内生产总值[2], as statistical communiqués print them): not part of the name.
_NOTE_MARK = re.compile(r"\[\d{1,3}\]")


def clean(raw: str) -> str:
    """The name left when lead-ins, comparison bases, qualifying words and verbs of reaching are removed."""
    text = BASE.sub("", _NOTE_MARK.sub("", raw))
    text = _QUALIFYING.sub("", text)
    text = _COMMITTING.sub("", text)
    text = text.strip(" ，,。；;：:、")
    for _ in range(3):
        before = text
        text = _LEAD.sub("", text)
        text = _TRAIL.sub("", text)
        text = text.strip(" ，,。；;：:、")
        if text == before:
            break
    if _EXAMPLES_END.search(text) and text.endswith("等"):
        return ""  # 机器人、氢能…等4个集群: the examples name no indicator; the object after the value does
    if _EXAMPLES_END.search(text[:-1]):
        # 实施山西路军人俱乐部等城市更新项目: the examples before 等 are not the indicator.
        text = text[_last_example_end(text) + 1 :]
    return text


def _last_example_end(text: str) -> int:
    return [m.start() for m in _EXAMPLES_END.finditer(text[:-1])][-1]


_IN_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)")


def _shield_brackets(text: str) -> str:
    """``text`` with the pause marks inside brackets made private: 省（市、区） is one name, not 省（市 and 区）."""
    return _IN_BRACKETS.sub(lambda m: m.group(0).replace("、", "\ue000"), text)


# The verbs of a movement from one value to another (从A增至B, 由A提高到B); tense.MOVEMENT is built on them too.
MOVING = "(?:增|提|升|降|减|缩小|扩大|增加|提高|提升|下降|降低|减少|跃升|上升)"
# A movement that goes on after a value: 增加到, 提高至, 下降为 ….
_MOVING_ON = re.compile(MOVING + "(?:至|到|为)")


def object_after(after: str) -> str:
    """The noun phrase that follows a value: 个左右高层次人才（团队） → 高层次人才（团队）."""
    if after.startswith(("（", "(")):
        return ""  # 新增上市公司10家（境外1家）: a remark on the value, not the thing counted
    after = re.split(r"[，,。；;、]|和(?=\d)", _shield_brackets(after), maxsplit=1)[0].replace("\ue000", "、")
    after = re.sub(r"^(?:以上|以下|以内|左右|多|余|级|的)+", "", after)
    after = re.sub(r"(?:以上|以下|以内|左右)$", "", after)
    if _MOVING_ON.match(after):
        return ""  # 由2000年的126亿元增加到2005年的389亿元: the movement goes on, it names nothing counted
    if re.fullmatch(r"(?:新的?|大|新)?(?:台阶|大关|关口|门槛|量级|规模)", after):
        return ""  # 迈上140万亿元台阶: the milestone is the verb's, not a thing counted
    # The counted thing is the one next to the value: 2名“大国工匠”等模范人物群体 → “大国工匠”.
    m = _EXAMPLES_END.search(after, 1)
    after = after[: m.start()] if m else after
    # The object ends where its predicate starts: 农村贫困人口实现脱贫, …在城镇落户目标顺利实现.
    after = re.split(
        r"(?<=[\u4e00-\u9fff”）)]{2})(?:目标|实现|完成|顺利|基本|全面|全部|得到|入选|进入|按期|用于|支持|用来|已|进展|落实)",
        after,
        maxsplit=1,
    )[0]
    if "的" in after[:-1]:
        after = after.rsplit("的", 1)[1]  # 具有较强竞争力的龙头企业 → 龙头企业
    if CHANGE.match(after):
        return ""  # 比2000年的2500多亿元增长1.5倍: a change that follows the value names nothing counted
    return clean(after) if len(after) <= MAX_LEN else ""


_SHARE_WORD = re.compile(r"比重|比例|比率")  # a share, not a comparison: 比重为12%


def name(before: str, after: str, previous: str, count: bool = False, level: bool = False) -> str:
    """The indicator of one value, from the words before and after it in its clause; ``level`` when the value is an
    amount (亿元, 个), not a rate of change."""
    raw_before = before
    subject = clean(before)
    verb_kept = _KEEP_VERB.search(re.sub(r"[\s\d.]+$", "", BASE.sub("", raw_before)).rstrip("超过突破达到"))
    obj = object_after(after)
    if obj and subject and _ATTRIBUTE.match(subject):
        return (obj + subject)[:MAX_LEN]
    tier = re.fullmatch(r"[\d.]+\s*(?:万|亿|万亿)?(?:元|美元)", subject)
    bound = re.search(r"(以上|以下)\s*$", raw_before)
    if tier and previous and bound:
        # 「力争全年新开工亿元以上项目100个，其中10亿元以上8个」: a tier of the things named before
        family = re.sub(r"（[^（）]*(?:以上|以下)）$", "", previous)  # not a tier of the tier listed before
        return f"{family}（{subject}{bound.group(1)}）"[:MAX_LEN]
    if subject in ("人均", "户均") and previous:
        # 「地区生产总值年均增长10%左右，力争人均达到9万元」: per head of the indicator named before
        return (subject + _CHANGE_TAIL.sub("", previous))[:MAX_LEN]
    if _GENERIC.match(subject) and previous:
        # 「国内生产总值增长5%，总量达到140.19万亿元」: 总量 is the previous subject's.
        return (_CHANGE_TAIL.sub("", previous) + subject)[:MAX_LEN]
    if subject.startswith("占") and previous and "占" not in previous:
        # 「全省民生支出2983.8亿元，增长14.4%，占财政总支出的79.1%」: the share is of the thing named before
        return (_CHANGE_TAIL.sub("", previous) + subject)[:MAX_LEN]
    if CHANGE.match(subject) and previous:
        # 「…比“十一五”末增长66.9%和79.4%」: the second value's 增长 follows a name that already has it
        stem = _CHANGE_TAIL.sub("", previous)
        return (stem + subject.removeprefix("年均"))[:MAX_LEN]
    if obj and _ENDS_IN_VERB.search(subject):
        return obj[:MAX_LEN]  # 在每个战略性新兴产业各引进培育2-3个龙头企业 → 龙头企业
    if _SHARE_WORD.fullmatch(subject) and previous:
        # 「能源工业部门完成投资…，比重由22.5%上升到24%」: the share of the thing named before
        stem = _CHANGE_TAIL.sub("", previous)
        return (stem if stem.endswith(subject) else stem + subject)[:MAX_LEN]
    if subject.startswith(("比", "较", "高于", "低于", "快于", "慢于")) and previous and not _SHARE_WORD.match(subject):
        if previous.endswith(f"（{subject}）"):
            return previous[:MAX_LEN]  # the second value of the same comparison (比预算数…，…): named once
        return f"{previous}（{subject}）"[:MAX_LEN]  # 比全省平均水平高16.18件: a difference to a reference
    if obj and count and ("、" in subject or not _HEAD.search(subject)) and not _VERB_ONLY.fullmatch(subject):
        return obj[:MAX_LEN]  # 支持厚街、寮步、麻涌、清溪、凤岗5个镇…: the places are examples of the thing counted
    if not subject or re.fullmatch(r"[\d.%“”\s]+", subject) or _VERB_ONLY.fullmatch(subject):
        if obj:
            prefix = verb_kept.group(0) if verb_kept and not obj.startswith(verb_kept.group(0)) else ""
            return (prefix + obj)[:MAX_LEN]
        if level:
            # 「国内生产总值年均增长10.5%，2002年，实现3130亿元」: the amount is the indicator's, not its growth's
            return _CHANGE_TAIL.sub("", previous)
        return previous
    if not obj and subject.endswith("完成") and len(subject) > 2:
        # 「地区生产总值完成 3703.39亿元」: what was completed is the subject (with an object after the value, 「高质量完成
        # 260公里万里碧道建设」, the object names it)
        subject = _TRAIL.sub("", re.sub(r"(?:要|将|需要|需)$", "", subject[:-2])) or subject
    return subject[:MAX_LEN]


def subject_of(clause: str) -> str:
    """The subject of a clause without a value: 经济总量和城乡居民人均收入迈上新的大台阶 → 经济总量和城乡居民人均收入."""
    head = re.split(r"迈上|迈向|实现|达到|提升|提高|增长|突破|保持|跃升|跃上", clause, maxsplit=1)[0]
    return clean(head)[:MAX_LEN]


# Places that pair as a whole's two halves (城镇、农村居民人均可支配收入).
_COMPLEMENTS = ("城镇", "农村", "城市", "乡村")


def split_subjects(subject: str, count: int) -> list[str] | None:
    """``种植、收获机械化率`` for two values → 种植机械化率, 收获机械化率; None when the parts do not match."""
    parts = [p for p in subject.split("、") if p]
    if len(parts) != count:
        parts = [p for p in CONJUNCTION.split(subject) if p]
    if len(parts) != count or count < 2:
        return None
    last = parts[-1]
    first = parts[0]
    numerals = "一二三四五六七八九十"
    bare = (
        all(len(p) == 1 and p in numerals for p in parts[:-1]) and last[0] in numerals and last[1:].startswith("产业")
    )
    if bare or (
        len(first) == 2
        and first[0] == "第"
        and first[1] in numerals
        and all(len(p) == 1 and p in numerals for p in parts[1:-1])
        and last[0] in numerals
    ):
        # An ordinal list: 第一、二、三产业增加值的比重 → 第一产业…, 第二产业…, 第三产业… (第 is every part's); the
        # industries are so named when the 第 is left out too (一、二、三产业分别增长).
        return ["第" + p[-1] + last[1:] for p in parts[:-1]] + ["第" + last]
    pair = next((w for w in _COMPLEMENTS if last.startswith(w) and len(last) > len(w)), None)
    if count == 2 and pair and first in _COMPLEMENTS and first != pair:
        # 城镇、农村居民最低生活保障标准: the towns' and the countryside's standard
        return [first + last[len(pair) :], last]
    if all(len(p) == 1 for p in parts[:-1]):
        # One-character parts pair with the last part's first character: 正、副高职称教师数量 → 正高职称教师数量.
        tail = last[1:]
    else:
        # The shared head is the longest measure noun the last part ends with: 收获|机械化率, 新能源|产业营收,
        # 贷款|余额. Without one, the parts stay as written rather than be cut mid-word.
        heads = [h for h in MEASURE_HEADS if last.endswith(h) and len(last) - len(h) >= 2]
        tail = max(heads, key=len) if heads else ""
        if first[0] == last[0] and not _HEAD.search(first) and len(last) - len(first) <= 8:
            # Parallel parts that open alike are whole: 生活垃圾、危险废物、生活污泥处理处置能力 — the last part's
            # head is what follows its first part's length, unless that cuts into a measure noun (高中阶段教育和
            # 高等教育毛入学率: not 学率).
            alike = last[len(first) :]
            tail = alike if len(alike) >= len(tail) else tail
    out = []
    for p in parts[:-1]:
        # A substance's measure is every listed substance's, also one whose name ends in 量 without being a
        # measure noun: 化学需氧量、二氧化硫排放 → 化学需氧量排放 (a pollutant; not 能源消耗 in 能源消耗和…排放).
        substance = tail in SUBSTANCE_MEASURES and p.endswith("量") and not any(p.endswith(h) for h in MEASURE_HEADS)
        # 固定资产投资 is an amount already (地区生产总值、固定资产投资…一般公共预算收入: not 固定资产投资收入), but it
        # still takes a share (工业投资、房地产投资占比)
        share = tail in ("占比", "比重", "比例") or tail.endswith("率")
        headed = _HEAD.search(p) or (not share and any(p.endswith(h) for h in MEASURE_HEADS))
        out.append(p + tail if tail and (substance or not headed) else p)
    out.append(last)
    return out


SUBSTANCE_MEASURES = ("排放", "排放量", "排放总量", "浓度")


_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）])\s*")
_BRACKETED = re.compile(r"[（(]([^（）()]*)[)）]")
_CHANGE_END = re.compile(r"(?:年均)?(?:增长|增速|下降|降低|提高|提升|减少|增加|缩小|扩大)$")
# A unit in brackets (%), (万元), (kWh), not an alias such as (GDP) or (PM2.5): Latin units start in lower case.
_UNIT_LIKE = re.compile(
    r"^(?:[%‰℃]|[a-z][\w/³²·.]*|[万亿千百]?(?:元|美元|人|人次|户|吨|标准煤|个|件|台|岁|年|天|小时|公里|千米|米|"
    r"平方米|平方公里|亩|公顷|千瓦|千瓦时|度|立方米|标箱)(?:/[^）)]*)?|个百分点)$"
)


_CHANGE_WORDS = {
    "增长": "增长",
    "增速": "增长",
    "下降": "降低",
    "降低": "降低",
    "减少": "降低",
    "提高": "提高",
    "提升": "提高",
    "增加": "提高",
    "缩小": "缩小",
    "扩大": "扩大",
}


def indicator_names(indicator: str) -> tuple[list[str], str]:
    """The names of an indicator as a reader would look it up, and its change word.

    Without the table numbering (1.) and the unit in brackets ((%)); a trailing change word (增长, 降低 …) comes back
    apart, normalised (增速 → 增长, 下降 → 降低); an abbreviation in brackets gives a name of its own with the rest
    of the name after it — 1.国内生产总值（GDP）增长（%） → [国内生产总值, GDP], 增长;
    细颗粒物（PM2.5）浓度下降（%） → [细颗粒物浓度, PM2.5浓度], 降低. A bracketed Chinese qualifier (the parent row
    of a split indicator) is dropped, never taken as a name: two rows under it are different indicators."""
    text = _NUMBERING.sub("", indicator.strip())
    text = _BRACKETED.sub(
        lambda m: "" if not m.group(1).strip() or _UNIT_LIKE.match(m.group(1).strip()) else m.group(0), text
    )
    change = ""
    m = _CHANGE_END.search(text)
    if m:
        word = m.group(0).removeprefix("年均")
        change = _CHANGE_WORDS.get(word, word)
        text = text[: m.start()].strip()
    aliases = []
    for b in _BRACKETED.finditer(text):
        inner = b.group(1).strip()
        if sum(c.isascii() for c in inner) * 2 >= len(inner):  # GDP, PM2.5, R&D: an abbreviation
            aliases.append(inner + _BRACKETED.sub("", text[b.end() :]).strip())
    main = _BRACKETED.sub("", text).strip()
    return [n for n in dict.fromkeys([main, *aliases]) if n], change


def lookup_names(indicator: str) -> list[str]:
    """The names a reader would search an indicator by (see ``indicator_names``; the change word left out)."""
    return indicator_names(indicator)[0]
