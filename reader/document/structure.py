"""Build the chapter tree.

Two modes:

* **Official headings** (第一篇/第一章/第一节, 一、, （一）, 1., （1）, 第X条, 专栏, 附件,
  or heading styles from HTML/docx): nest them by rank with a stack, so numbering
  that restarts per chapter nests correctly.
* **No headings** (a scraped page such as the bundled plan): infer chapters,
  sections and items from paragraph roles — introductory paragraphs, 导语,
  lead sentences, "——" bullets and numbered notes — and mark every node
  ``inferred=True``. Inferred nodes never get official-looking numbers.

What a heading line looks like is in ``headings``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reader.document.headings import (
    ARTICLE,
    BOX_RANK,
    CHAPTER,
    CONCLUSION,
    DECIMAL_RANK,
    ENUM_RANK,
    ENUMS,
    GLOSSARY,
    LEAD_MAX,
    NOTE_WORDS,
    NOTES_OPEN,
    PART,
    PREFACE_WORDS,
    RANK,
    SECTION,
    SENTENCE_END,
    TABLE_CAPTION,
    TOC,
    TOC_ENTRY,
    UNNUMBERED,
    decimal_heading,
    enum_heading,
    heading_like,
    item_title,
    lead_sentence,
    number_value,
    official_heading,
    short_title,
    toc_key,
)
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

# --------------------------------------------------------------------------- tree building


@dataclass
class _Draft:
    """A mutable node while the tree is being built."""

    kind: NodeKind
    rank: float
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
    opens_with_preface = (
        bool(builder.roots) and builder.roots[0].kind is NodeKind.PREFACE and not builder.roots[0].inferred
    )
    has_toc = any(TOC.match(texts[i]) for i in orphans)
    if orphans == [0] and builder.kinds[0] is BlockKind.HEADING and builder.roots:
        builder.owners[0] = builder.roots[0]
    elif orphans and opens_with_preface and not has_toc:
        # the title and the approval line above the document's own 序言 join it (not a second 序言 of their own)
        builder.owners = [o if o is not None else builder.roots[0] for o in builder.owners]
    elif orphans:
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


# The label a people's congress prints above the documents of a session: 市十七届人大六次会议文件（三）.
_SESSION_LABEL = re.compile(r"(?:人大|人民代表大会|政协).{0,12}会议文件\s*(?:[（(][一二三四五六七八九十0-9]+[）)])?$")
# A news agency's dateline above a document it carries: 新华社北京3月17日电, （新华社北京3月13日电）.
_DATELINE = re.compile(
    r"^[（(]?\S{0,12}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日电[）)]?$"
)


def _take_title(paragraphs: list[RawParagraph], meta: Metadata) -> tuple[list[RawParagraph], Metadata]:
    """A short first line naming the plan (…规划纲要, …办法) is the title, not body text; below a session label
    (市十七届人大六次会议文件（三）) or a news agency's dateline (新华社北京3月17日电) the line after it is.

    It stays in the text as a heading block, so offsets and search still cover it.
    """
    if not paragraphs:
        return paragraphs, meta
    label = paragraphs[0].text.strip()
    at = 1 if len(paragraphs) > 1 and (_SESSION_LABEL.search(label) or _DATELINE.match(label)) else 0
    first = paragraphs[at].text
    if (
        len(first) <= 60
        and first[-1] not in "。；;，,：:"
        and not any(p.match(first) for p in (PART, CHAPTER, SECTION, ARTICLE))
        and not any(p.match(first) for _, p in ENUMS)
        and re.search(r"(规划|纲要|方案|计划|意见|办法|条例|规定|通知|决定|报告|细则|建议|公报)", first)
    ):
        # a footnote mark after the title (…统计公报[1], as the statistics bureau prints it) is not part of it
        meta = replace(meta, title=re.sub(r"\s*\[\d{1,2}\]$", "", first))
        return [*paragraphs[:at], RawParagraph(first, heading_level=0), *paragraphs[at + 1 :]], meta
    return paragraphs, meta


def _decimal_numbered(paragraphs: list[RawParagraph]) -> bool:
    """A document numbered 1 / 1.1 / 1.1.1: at least three such heading lines, two of them below the first level
    (a few body lines that open with a number never make it so)."""
    depths = [d[0] for d in map(decimal_heading, (p.text for p in paragraphs)) if d is not None]
    return len(depths) >= 3 and sum(1 for d in depths if d >= 2) >= 2


def _toc_span(paragraphs: list[RawParagraph]) -> tuple[int, int] | None:
    """(目录 line, first body line) of a contents list near the start: it ends where its first entry comes again
    (compared without spaces, leader dots and page numbers: 序　　言 …… 1 lists 序言), or, when the body does not
    repeat it, before the headings that open the first paragraph of text."""
    limit = min(len(paragraphs), 80)
    start = next((i for i in range(limit) if TOC.match(paragraphs[i].text.strip())), None)
    if start is None or start + 1 >= len(paragraphs):
        return None
    keys = [toc_key(paragraphs[start + 1].text)]
    for j in range(start + 2, len(paragraphs)):
        text = paragraphs[j].text
        if toc_key(text) == keys[0]:
            return start, j
        if len(text) > LEAD_MAX or any(c in text for c in "。；;"):
            # Text, and the first entry never came again: the body opens with the heading right before this
            # paragraph and the headings before it that repeat an entry listed earlier (第一篇 …, 第一章 …).
            end = max(j - 1, start + 2)
            while end - 1 > start + 1 and toc_key(paragraphs[end - 1].text) in keys[: end - 1 - (start + 1)]:
                end -= 1
            return start, end
        keys.append(toc_key(text))
    return None


def _has_official_headings(paragraphs: list[RawParagraph], tick: Callable[[], None] | None = None) -> bool:
    strong = 0
    enums = 0
    if _decimal_numbered(paragraphs):
        return True
    for n, p in enumerate(paragraphs):
        if tick is not None and n % 4096 == 4095:
            tick()
        if p.heading_level and p.heading_level > 0:
            strong += 1
            continue
        found = official_heading(p.text)
        if found and found[0] is not NodeKind.BOX:
            strong += 1
        elif any(pattern.match(p.text) for style, pattern in ENUMS if style in ("cn", "paren_cn")):
            enums += 1
    return strong >= 2 or enums >= 3


def _build_from_headings(paragraphs: list[RawParagraph], tick: Callable[[], None] | None = None) -> _Builder:
    b = _Builder()
    in_notes = False
    toc = _toc_span(paragraphs)
    decimal = _decimal_numbered(paragraphs)
    decimal_path: list[int] = []  # the number of the last decimal heading: 1.3 → [1, 3]
    list_path: list[int] = []  # the last number-led line that went back in the numbering (a list item)
    last_enum: dict[tuple[str, int], int] = {}  # (style, parent id) -> last number seen

    for i, p in enumerate(paragraphs):
        if tick is not None and i % 4096 == 4095:
            tick()
        text = p.text
        if p.heading_level == 0:  # document title line
            b.add(BlockKind.HEADING, None)
            continue
        if toc is not None and toc[0] <= i < toc[1]:  # the contents list: text, never headings of its own
            b.add(BlockKind.PARAGRAPH)
            continue
        if p.table_row:
            b.add(BlockKind.TABLE_ROW)
            continue

        caption = TABLE_CAPTION.match(text)
        if caption and i + 1 < len(paragraphs) and paragraphs[i + 1].table_row:
            # 表2　重大工程项目: a table's caption stands in the tree under its section, like a 专栏.
            b.open(_Draft(NodeKind.BOX, BOX_RANK, caption.group(1), caption.group(2) or caption.group(1), False, i))
            b.add(BlockKind.HEADING)
            continue

        official = official_heading(text)
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

        if UNNUMBERED.match(text.strip()):
            # 序言, 前言, 结束语: a top-level part of its own; the chapters after it are its siblings.
            in_notes = False
            b.stack.clear()
            b.open(_Draft(NodeKind.PREFACE, RANK[NodeKind.CHAPTER], None, re.sub(r"[\s　]+", "", text), False, i))
            b.add(BlockKind.HEADING)
            continue

        compact = re.sub(r"[\s　]+", "", text)
        if GLOSSARY.match(compact):
            # 名词解释和说明 at the end of a report (注　释, spaced out as a title): its own top-level part; the
            # （1）（2）… after it are notes.
            b.stack.clear()
            b.open(_Draft(NodeKind.NOTES, RANK[NodeKind.CHAPTER], None, compact.rstrip(":："), False, i))
            b.add(BlockKind.HEADING)
            in_notes = True
            continue

        numbered = decimal_heading(text) if decimal else None
        parts = _number_parts(numbered[1]) if numbered is not None else []
        if numbered is not None and (
            not _continues(decimal_path, parts) or (list_path and _next_in_list(list_path, parts))
        ):
            list_path = parts  # a list item: it went back (1. inside 1.3) or follows one that did (2. after it)
            numbered = None
        if numbered is not None:
            list_path = []
            depth, number, title = numbered
            decimal_path = parts
            in_notes = False
            kind = {1: NodeKind.CHAPTER, 2: NodeKind.SECTION}.get(depth, NodeKind.ITEM)
            b.open(_Draft(kind, DECIMAL_RANK + depth / 10, number, title, False, i))
            b.add(BlockKind.HEADING)
            continue

        if p.heading_level:
            in_notes = False
            rank = {1: 1, 2: 2, 3: 3, 4: 5, 5: 6}.get(p.heading_level, 7)
            kind = {1: NodeKind.PART, 2: NodeKind.CHAPTER, 3: NodeKind.SECTION}.get(p.heading_level, NodeKind.ITEM)
            enum = enum_heading(text)
            b.open(_Draft(kind, rank, enum[1] if enum else None, enum[2] if enum else text, False, i))
            b.add(BlockKind.HEADING)
            continue

        if NOTES_OPEN.match(text):
            in_notes = True
            b.add(BlockKind.NOTE)
            continue

        enum = enum_heading(text)
        if enum:
            style, number, rest = enum
            parent = _parent_for(b, ENUM_RANK[style])
            key = (style, id(parent))
            value = number_value(number) or 0
            previous = last_enum.get(key)
            in_sequence = value == 1 or (previous is not None and value == previous + 1)
            box_open = bool(b.stack) and b.stack[-1].kind is NodeKind.BOX
            numeric = style in ("arabic", "paren_arabic")
            if numeric and box_open and not in_notes:
                b.add(BlockKind.BOX)  # numbered lines inside a 专栏 are its content
                continue
            if in_notes or (numeric and not in_sequence) or _in_glossary(b):
                b.add(BlockKind.NOTE)
                continue
            if not numeric and len(b.stack) == 1 and b.stack[0].kind is NodeKind.PREFACE and not b.stack[0].inferred:
                b.stack.clear()  # 序言, then 一、 二、: the parts after a preface are its siblings, not its items
            # The list runs on, also where its lines are paragraphs, not headings (1.推动… 2.建成… 62.…: its later
            # lines are no notes — 成都 2021's 62 民生实事 after 「1.」 were read as notes)
            last_enum[key] = value
            if not numeric or heading_like(rest):
                lead = lead_sentence(rest)
                whole = len(rest) <= LEAD_MAX and not any(c in rest[:-1] for c in SENTENCE_END)
                title = rest.rstrip("。") if whole else item_title(lead or short_title(rest))
                b.open(_Draft(NodeKind.ITEM, ENUM_RANK[style], number, title, False, i, enum_style=style))
                b.add(BlockKind.HEADING if whole and len(rest) <= LEAD_MAX else BlockKind.ITEM)
                continue

        in_notes = in_notes and bool(enum)
        if _in_glossary(b):
            b.add(BlockKind.NOTE)  # every entry of a glossary explains a term, numbered (（9）) or not ([9])
            continue
        in_box = bool(b.stack) and b.stack[-1].kind is NodeKind.BOX
        b.add(BlockKind.BOX if in_box else (BlockKind.BULLET if text.startswith("——") else BlockKind.PARAGRAPH))
    return b


def _in_glossary(b: _Builder) -> bool:
    """Inside a glossary (名词解释) opened by its heading: the only NOTES node at the top of a headed document."""
    return bool(b.stack) and b.stack[0].kind is NodeKind.NOTES


def _number_parts(number: str) -> list[int]:
    """1.3 → [1, 3]; a dot written after the number (1. 总则) is not a level."""
    return [int(x) for x in number.rstrip(".").split(".")]


def _continues(path: list[int], parts: list[int]) -> bool:
    """Whether a decimal number continues the numbering after ``path``: a later number at a level that is open
    (1.3 after 1.2.4, 2 after 1.3; numbers may skip) or the first level below the last heading (1.3.1 after
    1.3). A list item 1. inside 1.3 goes back and is not a heading."""
    if not path:
        return True
    if len(parts) == len(path) + 1:
        return parts[:-1] == path
    if len(parts) > len(path):
        return False
    return parts[:-1] == path[: len(parts) - 1] and parts[-1] > path[len(parts) - 1]


def _next_in_list(last: list[int], parts: list[int]) -> bool:
    """The next item of a numbered list: same depth, one more (2. after a list's 1.)."""
    return len(parts) == len(last) and parts[:-1] == last[:-1] and parts[-1] == last[-1] + 1


def _parent_for(b: _Builder, rank: float) -> _Draft | None:
    for draft in reversed(b.stack):
        if draft.rank < rank:
            return draft
    return None


# --------------------------------------------------------------------------- inference


def _role(text: str, previous_role: str) -> str:
    """intro | item | bullet | note | conclusion for one paragraph of heading-less text."""
    if text.startswith("——"):
        return "bullet"
    enum = enum_heading(text)
    if enum and enum[0] == "arabic":
        value = number_value(enum[1]) or 0
        if previous_role == "note" or value != 1 or NOTE_WORDS.search(enum[2]):
            return "note"
    if CONCLUSION.match(text):
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
        if TOC.match(p.text.strip()):
            roles.append("contents")  # 目录: the list that follows is not the text's own parts
        elif TOC_ENTRY.search(p.text.strip()):
            roles.append("entry")  # 1.1编制目的……………3
        else:
            roles.append("title" if p.heading_level == 0 else _role(p.text, roles[-1] if roles else ""))

    chapter: _Draft | None = None
    section: _Draft | None = None
    notes: _Draft | None = None
    i = 0
    n = len(paragraphs)
    contents = False
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
        if role == "contents" or (role == "entry" and contents):
            if role == "contents":
                b.stack.clear()
                chapter = b.open(_Draft(NodeKind.PREFACE, 1, None, "目录", True, i))
                section, notes, contents = None, None, True
            b.add(BlockKind.PARAGRAPH)
            i += 1
            continue
        after_contents, contents = contents, False  # the first line after the list opens the text's own parts
        if role == "entry":
            role = "intro"
        if role == "intro":
            run_end = i + 1  # this paragraph opens the run, whether it was an intro or a contents entry out of a 目录
            while run_end < n and roles[run_end] == "intro":
                run_end += 1
            run = list(range(i, run_end))
            if chapter is None and not b.roots and PREFACE_WORDS.search(paragraphs[run[0]].text) and len(run) >= 2:
                preface = b.open(_Draft(NodeKind.PREFACE, 1, None, "序言", True, run[0]))
                b.add(BlockKind.PREFACE, preface)
                run = run[1:]
            if len(run) >= 2 or chapter is None or after_contents:
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
