"""What a document says about itself: its issuing body (发文机关), document number (文号), date, region, type and
plan period, read where Chinese official documents write them — the title (国务院关于…的指导意见), the number line
under it (国发〔2018〕42号), the signature and date at the end (国务院 / 2018年12月21日), the approval line of a plan
(2001年3月15日第九届全国人民代表大会第四次会议批准) or the line under a work report's title
(——2026年2月4日在东莞市第十七届人民代表大会第六次会议上, 东莞市常务副市长曾坚朋).

Every value is an inference the reader can overwrite (the library keeps the user's values beside these). A field the
document does not state stays empty: nothing is guessed from outside knowledge.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from reader.document.frame import plan_period
from reader.document.headings import CN_DIGITS_ONE_BY_ONE, cn_to_int
from reader.document.model import Document

# The fields and their names in Chinese, for the CLI and exports (the window translates its own).
LABELS = {"issuer": "发文机关", "number": "文号", "date": "日期", "region": "地区", "type": "类型", "period": "规划期"}
FIELDS = tuple(LABELS)

_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,10})\s*[〔\[［(（]\s*((?:19|20)\d\d)\s*[〕\]］)）]\s*(\d{1,4})\s*号")
_CN_DIGIT = "〇零一二三四五六七八九十"
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DATE = re.compile(rf"([{_CN_DIGIT}]{{4}})年([{_CN_DIGIT}]{{1,3}})月([{_CN_DIGIT}]{{1,3}})日")
_BODY_END = re.compile(r"(国务院|人民政府|办公厅|办公室|委员会|人民代表大会|常务委员会|中共中央|党委|[部局厅委署院])$")
_PLACE = re.compile(
    r"^((?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|特别行政区))?[\u4e00-\u9fff]{1,7}?(?:市|县|自治州|州|盟|旗|区))"
)
_SPEAKER = re.compile(r"^(国务院)总理|^(.{2,12}?(?:省|自治区|市|县|区))(?:代|常务)?副?(?:省长|主席|市长|县长|区长)")
_APPROVED = re.compile(
    r"(第[一二三四五六七八九十]+届)(.{0,12}?人民代表大会)(?:常务委员会)?第[一二三四五六七八九十]+次会议"
)
# 第十四个五年规划, or the plan's short name in quotes (“九五”计划, “十四五”规划)
_PERIOD_WORD = re.compile(
    r"第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)|“([一二三四五六七八九十]{1,2})五”(?:规划|计划)"
)
_PERIOD_YEARS = re.compile(r"((?:19|20)\d\d)\s*[-－—–~～至到]\s*((?:19|20)\d\d)\s*年")
# Types by the title's last words, longest first (指导意见 is an 意见, 计划纲要 a 纲要).
_TYPES = (
    ("政府工作报告", "政府工作报告"),
    ("纲要", "纲要"),
    ("实施方案", "实施方案"),
    ("行动方案", "行动方案"),
    ("行动计划", "行动计划"),
    ("规划", "规划"),
    ("计划", "计划"),
    ("方案", "方案"),
    ("意见", "意见"),
    ("条例", "条例"),
    ("办法", "办法"),
    ("规定", "规定"),
    ("细则", "细则"),
    ("预案", "预案"),
    ("决定", "决定"),
    ("通知", "通知"),
    ("公报", "公报"),
    ("报告", "报告"),
)
_NATIONAL = ("国务院", "全国人民代表大会", "中共中央", "全国人民代表大会常务委员会")


@dataclass(frozen=True)
class DocInfo:
    issuer: str = ""  # 发文机关 (or the body that approved a plan)
    number: str = ""  # 文号, brackets as 〔〕
    date: str = ""  # YYYY-MM-DD: signed, approved or delivered
    region: str = ""  # 全国, or the province / city / county the document is of
    type: str = ""  # 纲要, 规划, 意见, 政府工作报告 …
    period: str = ""  # a plan's period, 2021—2025

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def _cn_number(text: str) -> int | None:
    """二〇一八 → 2018 (digit by digit), 十二 / 二十一 → 12 / 21."""
    if len(text) == 4 and "十" not in text:
        return int(text.translate(CN_DIGITS_ONE_BY_ONE))
    return cn_to_int(text)


def _dates(text: str) -> list[str]:
    found = [f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in _DATE.findall(text)]
    for y, m, d in _CN_DATE.findall(text):
        year, month, day = _cn_number(y), _cn_number(m), _cn_number(d)
        if year and 1900 <= year <= 2100 and month and day:
            found.append(f"{year}-{month:02d}-{day:02d}")
    return [d for d in found if 1 <= int(d[5:7]) <= 12 and 1 <= int(d[8:10]) <= 31]


def _type(title: str) -> str:
    bare = re.sub(r"[（(][^（）()]*[)）]$", "", title.strip())  # （征求意见稿）, （2021—2025年）
    for ending, kind in _TYPES:
        if bare.endswith(ending):
            return kind
    return ""


def content_key(doc: Document) -> str:
    """The same text in any format gives the same key: a plan's .docx, .pdf and .txt copies read alike once
    width forms are folded and spaces, punctuation and line breaks are left out."""
    import hashlib
    import unicodedata

    h = hashlib.blake2b(digest_size=12)
    for b in doc.blocks:
        h.update(re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", b.text)).encode("utf-8"))
    return h.hexdigest()


def infer(doc: Document) -> DocInfo:
    """The document's own statements about itself (see the module's docstring)."""
    texts = [b.text.strip() for b in doc.blocks]
    head = [doc.title, *texts[:10]]
    tail = texts[-8:]
    title = doc.title.strip()

    number = ""
    for text in head + tail:
        m = _NUMBER.search(text)
        if m and len(text) <= 40:  # a number line, not a sentence citing another document's number
            number = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
            break

    issuer, date = "", ""
    # The signature: a body on its own line right above a bare date line at the end.
    for i in range(len(tail) - 1, 0, -1):
        signed = _dates(tail[i]) if len(tail[i]) <= 16 else []
        if signed and len(tail[i - 1]) <= 24 and _BODY_END.search(tail[i - 1]):
            issuer, date = tail[i - 1], signed[0]
            break
    if not issuer and "关于" in title:
        before = title.split("关于", 1)[0]
        if 2 <= len(before) <= 30 and _BODY_END.search(before):
            issuer = before
    for text in head:
        speaker = _SPEAKER.match(text.replace("　", "").replace(" ", ""))
        if speaker and not issuer:
            issuer = "国务院" if speaker.group(1) else f"{speaker.group(2)}人民政府"
        approved = _APPROVED.search(text)
        if approved and (len(text) <= 60):
            if not date:
                date = next(iter(_dates(text)), "")
            if not issuer and text.rstrip("）)").endswith("批准"):
                issuer = approved.group(2)
    if not date:
        for text in head:
            if len(text) <= 60 and ("会议" in text or text.startswith(("——", "（", "("))) and _dates(text):
                date = _dates(text)[0]
                break

    kind = _type(title) or next((_type(t) for t in head[1:7] if len(t) <= 20 and _type(t) == t), "")
    period = ""
    if kind in ("纲要", "规划", "计划", "行动计划"):
        years = next((m for m in map(_PERIOD_YEARS.search, head) if m), None)
        word = _PERIOD_WORD.search(title)
        if years:
            period = f"{years.group(1)}—{years.group(2)}"
        elif word and (n := cn_to_int(word.group(1) or word.group(2))):
            start, end = plan_period(n)
            period = f"{start}—{end}"

    region = ""
    if title.startswith("中华人民共和国") or issuer in _NATIONAL or issuer.startswith("全国"):
        region = "全国"
    else:
        for text in (issuer, title):
            m = _PLACE.match(text)
            if m and not m.group(1).endswith(("地区", "社区", "园区", "城区")):
                region = m.group(1)
                break
    return DocInfo(issuer=issuer, number=number, date=date, region=region, type=kind, period=period)
