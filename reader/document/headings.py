"""Heading lines and titles: what a numbered heading looks like (第X篇/章/节/条, 附件, 专栏, 一、, （一）, 1., （1）),
Chinese numerals, the lead sentence that titles an item, and the short titles shown in the tree."""

from __future__ import annotations

import re

from reader.document.model import NodeKind

CN_DIGITS = "零〇一二三四五六七八九十百千两"
NUM = rf"[{CN_DIGITS}]+|[0-9０-９]+"

# Rank: smaller is higher in the tree. Boxes and notes hang below whatever is open.
RANK = {
    NodeKind.ANNEX: 0,
    NodeKind.PART: 1,
    NodeKind.CHAPTER: 2,
    NodeKind.SECTION: 3,
    NodeKind.ARTICLE: 4,
}
ENUM_RANK = {"cn": 5, "paren_cn": 6, "arabic": 7, "paren_arabic": 8}
BOX_RANK = 9

# 第一章, 第 1 章 (spaced, as PDFs set it); articles of standards number by chapter: 第 7.9 条.
PART = re.compile(rf"^(第\s*(?:{NUM})\s*篇)\s*(.*)$")
CHAPTER = re.compile(rf"^(第\s*(?:{NUM})\s*章)\s*(.*)$")
SECTION = re.compile(rf"^(第\s*(?:{NUM})\s*节)\s*(.*)$")
ARTICLE = re.compile(rf"^(第\s*(?:{NUM})(?:\s*[.．]\s*[0-9０-９]{{1,3}}){{0,3}}\s*条)\s*(.*)$")
# Decimal numbering of 应急预案, standards and technical rules: 1 总则, 1.1 编制目的, 1.2.1 …; a heading line is
# short, starts with a word (not 年, 个, 万 … that make "3 年内" body text) and has no sentence punctuation.
DECIMAL = re.compile(
    r"^([0-9]{1,2}(?:[.．][0-9]{1,2}){0,3})(?:[.．](?=[\s　]))?(?:[\s　]+|(?<=[0-9])(?=[\u4e00-\u9fff]))"
    r"(?![年月日个万亿千百元倍项家次人%])([\u4e00-\u9fff“《（][^。；！？!?;]{0,28})$"
)
# A contents entry: leader dots (or a wide gap) and a page number at the end — 1.1编制目的……………3.
TOC_ENTRY = re.compile(r"(?:[.．·…_]{2,}|[\s　]{2,})[\s　]*[0-9]{1,4}$")
DECIMAL_RANK = 4.0  # 1 总则 ranks with articles (below 章 and 节 when a document mixes them); 1.1 below it …
# Unnumbered parts that stand on a line of their own at the top level: 序言, 前　言, 结束语.
UNNUMBERED = re.compile(r"^(序|前|绪|引|导)[\s　]*言$|^结[\s　]*束[\s　]*语$|^结[\s　]*语$")
ANNEX = re.compile(r"^(附件\s*[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(.*)$")
TABLE_CAPTION = re.compile(r"^((?:附表|表)\s*[0-9０-９一二三四五六七八九十]+(?:[-－—.][0-9]+)?)\s*[:：]?\s*(.{0,40})$")
BOX = re.compile(r"^(专栏\s*[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(.*)$")
ENUMS = [
    ("cn", re.compile(r"^([一二三四五六七八九十]{1,3}、)\s*(.*)$")),
    ("paren_cn", re.compile(r"^([（(][一二三四五六七八九十]{1,3}[）)])\s*(.*)$")),
    ("arabic", re.compile(r"^([0-9０-９]{1,2}[.．、])(?![0-9０-９])\s*(.*)$")),
    ("paren_arabic", re.compile(r"^([（(][0-9０-９]{1,2}[）)])\s*(.*)$")),
]
# A glossary after the text (名词解释和说明, 注释, 《政府工作报告》有关内容名词注释): back matter whose numbered lines (（1）“六稳”：…) are notes.
GLOSSARY = re.compile(
    r"^(?:附[:：]?\s*)?(?:《[^》]{1,20}》)?(?:有关)?(?:内容)?(?:名词解释|名词注释|注释|附注)(?:[和及与]说明)?\s*[:：]?$"
)
NOTES_OPEN = re.compile(r"^(注|说明|备注|注释)\s*[:：]")
NOTE_WORDS = re.compile(r"指标|数据|口径|按.{1,12}计|暂缺|暂未公布|统计|现状值|目标值|完成值|不变价")
TOC = re.compile(r"^目\s*录$")
SENTENCE_END = "。！？!?"
CLAUSE = re.compile(r"[，,。；;：:！？!?]")
PREFACE_WORDS = re.compile(r"本(规划|纲要|方案|计划|意见|办法|条例|规定|通知)")
CONCLUSION = re.compile(r"^(综合研判|总的来看|综上|总之|由此可见|总体来看)")
VIEWPOINT_LEAD = re.compile(r"^(从[^，,。]{2,10}看)[，,]")

LEAD_MAX = 40  # longest lead sentence that still reads as an item title
TITLE_MAX = 22  # tree titles longer than this are shortened with an ellipsis


def cn_to_int(text: str) -> int | None:
    """Convert 一/十二/二十三/一百零五/12/１２ to an int; None when not a number."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    digits = {
        "零": 0,
        "〇": 0,
        "一": 1,
        "二": 2,
        "两": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
    }
    units = {"十": 10, "百": 100, "千": 1000}
    total = 0
    current = 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current


def number_value(number: str) -> int | None:
    inner = re.sub(r"[第篇章节条、（）().．\s]", "", number)
    return cn_to_int(inner)


def lead_sentence(text: str) -> str | None:
    """The short opening sentence of an item paragraph (without its full stop), if any."""
    m = VIEWPOINT_LEAD.match(text)
    if m:
        return m.group(1)
    for i, ch in enumerate(text[: LEAD_MAX + 1]):
        if ch in SENTENCE_END:
            lead = text[:i]
            if 2 <= len(lead) and lead.count("，") + lead.count(",") <= 1 and "；" not in lead:
                return lead
            return None
    return None


# An earlier five-year plan named in a sentence (“十三五”期间, “十五”时期); the tenth is “十五” only in quotes (bare
# 十五 is fifteen).
PLAN_TOKEN = r"(?:“?十[一二三四五六七]五”?|“十五”)"
# A paragraph that opens with a plan period states what it is about further on: the title keeps the period and
# that phrase, both as written (「“十三五”时期…取得决定性成就」 → “十三五”时期取得决定性成就).
PERIOD_OPENING = re.compile(r"^(" + PLAN_TOKEN + r"时期)[，,]")
PERIOD_THEMES = (
    re.compile(r"取得[^，,；。]{0,8}?(?:成就|成效|进展|突破|成绩)"),
    re.compile(r"(?:国内外)?(?:发展)?环境"),
    re.compile(r"遵循[^，,；。:：]{0,4}?原则"),
    re.compile(r"(?:主要|发展)目标"),
)


def period_title(text: str) -> str | None:
    m = PERIOD_OPENING.match(text)
    if not m:
        return None
    first = re.split(r"[。；:：]", text, maxsplit=1)[0]
    for theme in PERIOD_THEMES:
        found = theme.search(first, m.end())
        if found:
            phrase = found.group(0).replace("以下", "")
            return f"{m.group(1)}{phrase}"
    return None


def short_title(text: str) -> str:
    """A readable tree title taken from the start of a paragraph."""
    text = text.lstrip("—－- ")
    topical = period_title(text)
    if topical:
        return topical
    parts = CLAUSE.split(text)
    title = parts[0]
    i = 1
    # A leading time phrase (“十三五”时期, 今后五年) says little on its own: keep the next clause too.
    while len(re.sub(r"[“”\"‘’《》]", "", title)) < 6 and i < len(parts):
        title = f"{title}，{parts[i]}"
        i += 1
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1] + "…"
    return title


def item_title(lead: str) -> str:
    """Shorten a lead sentence with a comma to its first clause when that reads on its own."""
    parts = re.split(r"[，,]", lead)
    if len(parts) > 1 and len(parts[0]) >= 6:
        lead = parts[0]
    if len(lead) > TITLE_MAX:
        lead = lead[: TITLE_MAX - 1] + "…"
    return lead


def official_heading(text: str) -> tuple[NodeKind, str, str] | None:
    """Match 篇/章/节/条/附件/专栏 headings; (kind, number, rest)."""
    for kind, pattern in (
        (NodeKind.PART, PART),
        (NodeKind.CHAPTER, CHAPTER),
        (NodeKind.SECTION, SECTION),
        (NodeKind.ARTICLE, ARTICLE),
        (NodeKind.ANNEX, ANNEX),
        (NodeKind.BOX, BOX),
    ):
        m = pattern.match(text)
        if m:
            number, rest = m.group(1).replace(" ", ""), m.group(2).strip()
            if kind in (NodeKind.PART, NodeKind.CHAPTER, NodeKind.SECTION):
                # 第一章 总则 — a heading line is short and is not a sentence.
                if len(rest) > 40 or any(c in rest[:-1] for c in "。；"):
                    return None
            if kind is NodeKind.ANNEX and rest and rest[-1] in "。；，":
                return None
            return kind, number, rest
    return None


def is_numbered_heading(text: str) -> bool:
    """A heading that carries its own number (第一章, 一、, 1., 1.1): not a document's title."""
    text = text.strip()
    return official_heading(text) is not None or enum_heading(text) is not None or decimal_heading(text) is not None


def decimal_heading(text: str) -> tuple[int, str, str] | None:
    """(depth, number, title) of a decimal-numbered heading line (1 总则 and 1. 总则 → 1; 1.2.1 … → 3), else
    None. Depth 1 needs a space after the number or its dot (1总则 is not written; 1.5亿元 and 2020年 never
    match)."""
    m = DECIMAL.match(text.strip())
    if m is None or TOC_ENTRY.search(text.strip()):
        return None
    number = m.group(1).replace("．", ".")
    depth = number.count(".") + 1
    if depth == 1 and not re.match(r"^[0-9]{1,2}[.．]?[\s　]", text.strip()):
        return None
    written = text.strip()[: m.end(1) + 1].rstrip()
    if written.endswith((".", "．")):
        number += "."  # shown as written: 1. 总则
    return depth, number, m.group(2).strip()


def toc_key(text: str) -> str:
    """A contents line and the heading it lists compared alike: without spaces, leader dots and a page number."""
    key = re.sub(r"[\s　]+", "", text)
    return re.sub(r"[.．·…_\-—]*[0-9]*$", "", key) or key


def heading_like(rest: str) -> bool:
    """A heading line, or an item whose short lead sentence is its title."""
    if len(rest) <= LEAD_MAX and not any(c in rest[:-1] for c in SENTENCE_END):
        return True
    return lead_sentence(rest) is not None


def enum_heading(text: str) -> tuple[str, str, str] | None:
    for style, pattern in ENUMS:
        m = pattern.match(text)
        if m:
            return style, m.group(1), m.group(2).strip()
    return None


# A year written in Chinese digits one by one (一九九五年, 二〇一〇年).
_CN_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十百千万亿])(?:一九|二[〇零])[〇零一二三四五六七八九]{2}(?=\s?年)")
# Chinese digits read one by one (一九〇〇, 二〇一八): a table for str.translate.
CN_DIGITS_ONE_BY_ONE = str.maketrans("〇零一二三四五六七八九", "00123456789")


def arabic_years(text: str) -> str:
    """``text`` with every year written in Chinese digits (比一九九五年) in Arabic digits (比1995年), one character for
    one, so that offsets stay those of the text: the rules on years read both ways of writing them."""
    return _CN_YEAR.sub(lambda m: m.group(0).translate(CN_DIGITS_ONE_BY_ONE), text)
