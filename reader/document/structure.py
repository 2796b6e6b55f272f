"""Build the chapter tree.

Two modes:

* **Official headings** (第一篇/第一章/第一节, 一、, （一）, 1., （1）, 第X条, 专栏, 附件,
  or heading styles from HTML/docx): nest them by rank with a stack, so numbering
  that restarts per chapter nests correctly.
* **No headings** (a scraped page such as the bundled plan): infer chapters,
  sections and items from paragraph roles — introductory paragraphs, 导语,
  lead sentences, "——" bullets and numbered notes — and mark every node
  ``inferred=True``. Inferred nodes never get official-looking numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reader.document.model import (
    Block,
    BlockKind,
    Document,
    Metadata,
    Node,
    NodeKind,
    RawDocument,
    RawParagraph,
    block_ids,
)

CN_DIGITS = "零〇一二三四五六七八九十百千两"
_NUM = rf"[{CN_DIGITS}]+|[0-9０-９]+"

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

_PART = re.compile(rf"^(第(?:{_NUM})篇)\s*(.*)$")
_CHAPTER = re.compile(rf"^(第(?:{_NUM})章)\s*(.*)$")
_SECTION = re.compile(rf"^(第(?:{_NUM})节)\s*(.*)$")
_ARTICLE = re.compile(rf"^(第(?:{_NUM})条)\s*(.*)$")
_ANNEX = re.compile(r"^(附件\s*[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(.*)$")
_TABLE_CAPTION = re.compile(r"^((?:附表|表)\s*[0-9０-９一二三四五六七八九十]+(?:[-－—.][0-9]+)?)\s*[:：]?\s*(.{0,40})$")
_BOX = re.compile(r"^(专栏\s*[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(.*)$")
_ENUMS = [
    ("cn", re.compile(r"^([一二三四五六七八九十]{1,3}、)\s*(.*)$")),
    ("paren_cn", re.compile(r"^([（(][一二三四五六七八九十]{1,3}[）)])\s*(.*)$")),
    ("arabic", re.compile(r"^([0-9０-９]{1,2}[.．、])(?![0-9０-９])\s*(.*)$")),
    ("paren_arabic", re.compile(r"^([（(][0-9０-９]{1,2}[）)])\s*(.*)$")),
]
_NOTES_OPEN = re.compile(r"^(注|说明|备注|注释)\s*[:：]")
_NOTE_WORDS = re.compile(r"指标|数据|口径|按.{1,12}计|暂缺|暂未公布|统计|现状值|目标值|完成值|不变价")
_TOC = re.compile(r"^目\s*录$")
_SENTENCE_END = "。！？!?"
_CLAUSE = re.compile(r"[，,。；;：:！？!?]")
_PREFACE_WORDS = re.compile(r"本(规划|纲要|方案|计划|意见|办法|条例|规定|通知)")
_CONCLUSION = re.compile(r"^(综合研判|总的来看|综上|总之|由此可见|总体来看)")
_VIEWPOINT_LEAD = re.compile(r"^(从[^，,。]{2,10}看)[，,]")

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


def _number_value(number: str) -> int | None:
    inner = re.sub(r"[第篇章节条、（）().．\s]", "", number)
    return cn_to_int(inner)


def lead_sentence(text: str) -> str | None:
    """The short opening sentence of an item paragraph (without its full stop), if any."""
    m = _VIEWPOINT_LEAD.match(text)
    if m:
        return m.group(1)
    for i, ch in enumerate(text[: LEAD_MAX + 1]):
        if ch in _SENTENCE_END:
            lead = text[:i]
            if 2 <= len(lead) and lead.count("，") + lead.count(",") <= 1 and "；" not in lead:
                return lead
            return None
    return None


# A paragraph that opens with a plan period states what it is about further on: the title keeps the period and
# that phrase, both as written (「“十三五”时期…取得决定性成就」 → “十三五”时期取得决定性成就).
_PERIOD_OPENING = re.compile(r"^(“?十[一二三四五六七]五”?时期)[，,]")
_PERIOD_THEMES = (
    re.compile(r"取得[^，,；。]{0,8}?(?:成就|成效|进展|突破|成绩)"),
    re.compile(r"(?:国内外)?(?:发展)?环境"),
    re.compile(r"遵循[^，,；。:：]{0,4}?原则"),
    re.compile(r"(?:主要|发展)目标"),
)


def _period_title(text: str) -> str | None:
    m = _PERIOD_OPENING.match(text)
    if not m:
        return None
    first = re.split(r"[。；:：]", text, maxsplit=1)[0]
    for theme in _PERIOD_THEMES:
        found = theme.search(first, m.end())
        if found:
            phrase = found.group(0).replace("以下", "")
            return f"{m.group(1)}{phrase}"
    return None


def short_title(text: str) -> str:
    """A readable tree title taken from the start of a paragraph."""
    text = text.lstrip("—－- ")
    topical = _period_title(text)
    if topical:
        return topical
    parts = _CLAUSE.split(text)
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


# --------------------------------------------------------------------------- tree building


@dataclass
class _Draft:
    """A mutable node while the tree is being built."""

    kind: NodeKind
    rank: int
    number: str | None
    title: str
    inferred: bool
    block: int
    enum_style: str | None = None
    children: list[_Draft] = field(default_factory=list)
    id: str = ""

    def freeze(self, depth: int) -> Node:
        return Node(
            id=self.id,
            level=depth,
            kind=self.kind,
            number=self.number,
            title=self.title,
            inferred=self.inferred,
            block=self.block,
            children=tuple(c.freeze(depth + 1) for c in self.children),
        )


@dataclass
class _Builder:
    roots: list[_Draft] = field(default_factory=list)
    stack: list[_Draft] = field(default_factory=list)
    kinds: list[BlockKind] = field(default_factory=list)
    owners: list[_Draft | None] = field(default_factory=list)
    counter: int = 0

    def open(self, draft: _Draft) -> _Draft:
        """Close every open node ranked at or below ``draft`` and attach it."""
        while self.stack and self.stack[-1].rank >= draft.rank:
            self.stack.pop()
        self.counter += 1
        draft.id = f"n{self.counter}"
        (self.stack[-1].children if self.stack else self.roots).append(draft)
        self.stack.append(draft)
        return draft

    def add(self, kind: BlockKind, owner: _Draft | None = None) -> None:
        self.kinds.append(kind)
        self.owners.append(owner if owner is not None else (self.stack[-1] if self.stack else None))


def build(raw: RawDocument, doc_id: str, tick: Callable[[], None] | None = None) -> Document:
    """Turn imported paragraphs into a Document with a chapter tree. ``tick`` is called every few thousand
    paragraphs (a progress report that may raise Cancelled)."""
    paragraphs = list(raw.paragraphs)
    meta = raw.meta
    paragraphs, meta = _take_title(paragraphs, meta)
    if _has_official_headings(paragraphs, tick):
        builder = _build_from_headings(paragraphs, tick)
    else:
        builder = _infer(paragraphs, tick)
    texts = [p.text for p in paragraphs]
    ids = block_ids(texts)
    # Blocks before any node (possible only with official headings) get a preface node,
    # titled 目录 when they are the table of contents. A lone title line joins the first node.
    orphans = [i for i, o in enumerate(builder.owners) if o is None]
    if orphans == [0] and builder.kinds[0] is BlockKind.HEADING and builder.roots:
        builder.owners[0] = builder.roots[0]
    elif orphans:
        has_toc = any(_TOC.match(texts[i]) for i in orphans)
        first = orphans[1] if builder.kinds[orphans[0]] is BlockKind.HEADING and len(orphans) > 1 else orphans[0]
        preface = _Draft(NodeKind.PREFACE, -1, None, "目录" if has_toc else "序言", True, first)
        preface.id = "n0"
        builder.roots.insert(0, preface)
        builder.owners = [o if o is not None else preface for o in builder.owners]
    blocks = tuple(
        Block(index=i, id=ids[i], kind=builder.kinds[i], text=texts[i], node=builder.owners[i].id)  # type: ignore[union-attr]
        for i in range(len(paragraphs))
    )
    outline = tuple(d.freeze(1) for d in builder.roots)
    return Document(id=doc_id, meta=meta, blocks=blocks, outline=outline)


def _take_title(paragraphs: list[RawParagraph], meta: Metadata) -> tuple[list[RawParagraph], Metadata]:
    """A short first line naming the plan (…规划纲要, …办法) is the title, not body text.

    It stays in the text as a heading block, so offsets and search still cover it.
    """
    if not paragraphs:
        return paragraphs, meta
    first = paragraphs[0].text
    if (
        len(first) <= 60
        and first[-1] not in "。；;，,：:"
        and not any(p.match(first) for p in (_PART, _CHAPTER, _SECTION, _ARTICLE))
        and not any(p.match(first) for _, p in _ENUMS)
        and re.search(r"(规划|纲要|方案|计划|意见|办法|条例|规定|通知|决定|报告|细则|建议)", first)
    ):
        meta = replace(meta, title=first)
        return [RawParagraph(first, heading_level=0), *paragraphs[1:]], meta
    return paragraphs, meta


def _official(text: str) -> tuple[NodeKind, str, str] | None:
    """Match 篇/章/节/条/附件/专栏 headings; (kind, number, rest)."""
    for kind, pattern in (
        (NodeKind.PART, _PART),
        (NodeKind.CHAPTER, _CHAPTER),
        (NodeKind.SECTION, _SECTION),
        (NodeKind.ARTICLE, _ARTICLE),
        (NodeKind.ANNEX, _ANNEX),
        (NodeKind.BOX, _BOX),
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
    """A heading that carries its own number (第一章, 一、, 1.): not a document's title."""
    text = text.strip()
    return _official(text) is not None or _enum(text) is not None


def _has_official_headings(paragraphs: list[RawParagraph], tick: Callable[[], None] | None = None) -> bool:
    strong = 0
    enums = 0
    for n, p in enumerate(paragraphs):
        if tick is not None and n % 4096 == 4095:
            tick()
        if p.heading_level and p.heading_level > 0:
            strong += 1
            continue
        found = _official(p.text)
        if found and found[0] is not NodeKind.BOX:
            strong += 1
        elif any(pattern.match(p.text) for style, pattern in _ENUMS if style in ("cn", "paren_cn")):
            enums += 1
    return strong >= 2 or enums >= 3


def _heading_like(rest: str) -> bool:
    """A heading line, or an item whose short lead sentence is its title."""
    if len(rest) <= LEAD_MAX and not any(c in rest[:-1] for c in _SENTENCE_END):
        return True
    return lead_sentence(rest) is not None


def _build_from_headings(paragraphs: list[RawParagraph], tick: Callable[[], None] | None = None) -> _Builder:
    b = _Builder()
    in_notes = False
    in_toc = False
    toc_first: str | None = None
    last_enum: dict[tuple[str, int], int] = {}  # (style, parent id) -> last number seen

    for i, p in enumerate(paragraphs):
        if tick is not None and i % 4096 == 4095:
            tick()
        text = p.text
        if p.heading_level == 0:  # document title line
            b.add(BlockKind.HEADING, None)
            continue
        if _TOC.match(text):
            in_toc = True
            b.add(BlockKind.PARAGRAPH)
            continue
        if in_toc:
            if toc_first is None:
                toc_first = text
                b.add(BlockKind.PARAGRAPH)
                continue
            if text != toc_first:
                b.add(BlockKind.PARAGRAPH)
                continue
            in_toc = False
        if p.table_row:
            b.add(BlockKind.TABLE_ROW)
            continue

        caption = _TABLE_CAPTION.match(text)
        if caption and i + 1 < len(paragraphs) and paragraphs[i + 1].table_row:
            # 表2　重大工程项目: a table's caption stands in the tree under its section, like a 专栏.
            b.open(_Draft(NodeKind.BOX, BOX_RANK, caption.group(1), caption.group(2) or caption.group(1), False, i))
            b.add(BlockKind.HEADING)
            continue

        official = _official(text)
        if official:
            kind, number, rest = official
            in_notes = False
            if kind is NodeKind.BOX:
                b.open(_Draft(kind, BOX_RANK, number, rest or "专栏", False, i))
                b.add(BlockKind.HEADING)
                continue
            is_article = kind is NodeKind.ARTICLE
            title = short_title(rest) if is_article and rest else rest
            b.open(_Draft(kind, RANK[kind], number, title, False, i))
            b.add(BlockKind.ITEM if is_article and len(rest) > 40 else BlockKind.HEADING)
            continue

        if p.heading_level:
            in_notes = False
            rank = {1: 1, 2: 2, 3: 3, 4: 5, 5: 6}.get(p.heading_level, 7)
            kind = {1: NodeKind.PART, 2: NodeKind.CHAPTER, 3: NodeKind.SECTION}.get(p.heading_level, NodeKind.ITEM)
            enum = _enum(text)
            b.open(_Draft(kind, rank, enum[1] if enum else None, enum[2] if enum else text, False, i))
            b.add(BlockKind.HEADING)
            continue

        if _NOTES_OPEN.match(text):
            in_notes = True
            b.add(BlockKind.NOTE)
            continue

        enum = _enum(text)
        if enum:
            style, number, rest = enum
            parent = _parent_for(b, ENUM_RANK[style])
            key = (style, id(parent))
            value = _number_value(number) or 0
            previous = last_enum.get(key)
            in_sequence = value == 1 or (previous is not None and value == previous + 1)
            box_open = bool(b.stack) and b.stack[-1].kind is NodeKind.BOX
            numeric = style in ("arabic", "paren_arabic")
            if numeric and box_open and not in_notes:
                b.add(BlockKind.BOX)  # numbered lines inside a 专栏 are its content
                continue
            if in_notes or (numeric and not in_sequence):
                b.add(BlockKind.NOTE)
                continue
            if not numeric or _heading_like(rest):
                last_enum[key] = value
                lead = lead_sentence(rest)
                whole = len(rest) <= LEAD_MAX and not any(c in rest[:-1] for c in _SENTENCE_END)
                title = rest.rstrip("。") if whole else item_title(lead or short_title(rest))
                b.open(_Draft(NodeKind.ITEM, ENUM_RANK[style], number, title, False, i, enum_style=style))
                b.add(BlockKind.HEADING if whole and len(rest) <= LEAD_MAX else BlockKind.ITEM)
                continue

        in_notes = in_notes and bool(enum)
        in_box = bool(b.stack) and b.stack[-1].kind is NodeKind.BOX
        b.add(BlockKind.BOX if in_box else (BlockKind.BULLET if text.startswith("——") else BlockKind.PARAGRAPH))
    return b


def _enum(text: str) -> tuple[str, str, str] | None:
    for style, pattern in _ENUMS:
        m = pattern.match(text)
        if m:
            return style, m.group(1), m.group(2).strip()
    return None


def _parent_for(b: _Builder, rank: int) -> _Draft | None:
    for draft in reversed(b.stack):
        if draft.rank < rank:
            return draft
    return None


# --------------------------------------------------------------------------- inference


def _role(text: str, previous_role: str) -> str:
    """intro | item | bullet | note | conclusion for one paragraph of heading-less text."""
    if text.startswith("——"):
        return "bullet"
    enum = _enum(text)
    if enum and enum[0] == "arabic":
        value = _number_value(enum[1]) or 0
        if previous_role == "note" or value != 1 or _NOTE_WORDS.search(enum[2]):
            return "note"
    if _CONCLUSION.match(text):
        return "conclusion"
    if lead_sentence(text) is not None:
        return "item"
    return "intro"


def _infer(paragraphs: list[RawParagraph], tick: Callable[[], None] | None = None) -> _Builder:
    """Chapters open with an introductory paragraph, sections with a 导语, items with a lead sentence."""
    b = _Builder()
    roles: list[str] = []
    for n, p in enumerate(paragraphs):
        if tick is not None and n % 4096 == 4095:
            tick()
        if p.table_row:
            roles.append("table")  # a row of a table belongs to the part it stands in; it never opens one
            continue
        roles.append("title" if p.heading_level == 0 else _role(p.text, roles[-1] if roles else ""))

    chapter: _Draft | None = None
    section: _Draft | None = None
    notes: _Draft | None = None
    i = 0
    n = len(paragraphs)
    while i < n:
        role = roles[i]
        text = paragraphs[i].text
        if role == "title":
            b.add(BlockKind.HEADING, None)
            i += 1
            continue
        if role == "table":
            if chapter is None:
                chapter = b.open(_Draft(NodeKind.CHAPTER, 1, None, short_title(text), True, i))
            b.add(BlockKind.TABLE_ROW)
            i += 1
            continue
        if role == "intro":
            run_end = i
            while run_end < n and roles[run_end] == "intro":
                run_end += 1
            run = list(range(i, run_end))
            if chapter is None and not b.roots and _PREFACE_WORDS.search(paragraphs[run[0]].text) and len(run) >= 2:
                preface = b.open(_Draft(NodeKind.PREFACE, 1, None, "序言", True, run[0]))
                b.add(BlockKind.PREFACE, preface)
                run = run[1:]
            if len(run) >= 2 or chapter is None:
                first = run.pop(0)
                chapter = b.open(_Draft(NodeKind.CHAPTER, 1, None, short_title(paragraphs[first].text), True, first))
                section = None
                b.add(BlockKind.INTRO, chapter)
            for j in run:
                section = b.open(_Draft(NodeKind.SECTION, 2, None, short_title(paragraphs[j].text), True, j))
                b.add(BlockKind.INTRO, section)
            notes = None
            i = run_end
            continue
        if chapter is None:
            chapter = b.open(_Draft(NodeKind.CHAPTER, 1, None, short_title(text), True, i))
        if role == "note":
            if notes is None:
                notes = b.open(_Draft(NodeKind.NOTES, 3, None, "注释", True, i))
            b.add(BlockKind.NOTE, notes)
        elif role == "conclusion":
            owner = section or chapter
            while b.stack and b.stack[-1] is not owner:
                b.stack.pop()
            b.add(BlockKind.PARAGRAPH, owner)
            notes = None
        else:
            body = text.lstrip("—")
            lead = lead_sentence(body) or short_title(body)
            item = b.open(_Draft(NodeKind.ITEM, 3, None, item_title(lead), True, i))
            b.add(BlockKind.BULLET if role == "bullet" else BlockKind.ITEM, item)
            notes = None
        i += 1
    return b
