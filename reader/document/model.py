"""The document model: an ordered list of blocks plus a heading tree.

Everything here is pure data (frozen dataclasses). Offsets into ``Block.text``
are stable: they are Python string indices (code points) into the exact text
we store, so search hits, targets and annotations can point at spans.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class BlockKind(str, Enum):
    """What role a block plays in the document."""

    HEADING = "heading"  # an official heading line (第一章 …, 一、…)
    PARAGRAPH = "paragraph"  # ordinary body text
    INTRO = "intro"  # introductory paragraph of a chapter or section (导语)
    ITEM = "item"  # paragraph opening with a lead sentence or an enumeration
    BULLET = "bullet"  # "——" bullet paragraph
    NOTE = "note"  # numbered note (注) under a table or figure
    BOX = "box"  # text inside a 专栏 box
    TABLE_ROW = "table_row"  # one row of a table, cells joined by tabs
    PREFACE = "preface"  # text before the first chapter


class NodeKind(str, Enum):
    """What kind of heading a tree node is."""

    PREFACE = "preface"
    PART = "part"  # 篇
    CHAPTER = "chapter"  # 章
    SECTION = "section"  # 节
    ARTICLE = "article"  # 条
    ITEM = "item"  # 一、 （一） 1. （1） or an inferred lead sentence
    BOX = "box"  # 专栏
    NOTES = "notes"  # a run of numbered notes
    ANNEX = "annex"  # 附件


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of text."""

    index: int
    id: str
    kind: BlockKind
    text: str
    node: str  # id of the deepest tree node this block belongs to

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text,
            "node": self.node,
        }


@dataclass(frozen=True)
class Node:
    """A node in the chapter tree."""

    id: str
    level: int
    kind: NodeKind
    number: str | None  # the official number as written, None when inferred
    title: str
    inferred: bool  # True when the title was derived from the text
    block: int  # index of the first block of this node
    children: tuple[Node, ...] = ()

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def label(self) -> str:
        """Number and title, the way a reader would say it."""
        if self.number and self.title:
            sep = "" if self.number.endswith(("、", "）", ")", ".", "．")) else " "
            return f"{self.number}{sep}{self.title}"
        return self.number or self.title

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "kind": self.kind.value,
            "number": self.number,
            "title": self.title,
            "inferred": self.inferred,
            "block": self.block,
            "children": [c.to_json() for c in self.children],
        }


@dataclass(frozen=True)
class Metadata:
    """Facts about where a document came from."""

    title: str
    source: str = ""  # file name or path it was imported from
    format: str = ""  # txt, html, docx, pdf
    encoding: str = ""  # detected text encoding, when relevant
    date: str = ""  # publication date found in the page chrome
    breadcrumb: str = ""  # site navigation trail found in the page chrome
    extra: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "date": self.date,
            "breadcrumb": self.breadcrumb,
            "extra": dict(self.extra),
        }


@dataclass(frozen=True)
class Document:
    """A parsed document: blocks in reading order plus the chapter tree."""

    id: str
    meta: Metadata
    blocks: tuple[Block, ...]
    outline: tuple[Node, ...]

    @property
    def title(self) -> str:
        return self.meta.title

    def nodes(self) -> Iterator[Node]:
        """Every tree node in document order."""
        for root in self.outline:
            yield from root.walk()

    def node(self, node_id: str) -> Node:
        path = self._paths.get(node_id)
        if path is None:
            raise KeyError(node_id)
        return path[-1]

    def chapter_path(self, block: int) -> str:
        """Where a block sits: its chapter, section and item labels, outermost first, joined by " › "."""
        if not 0 <= block < len(self.blocks):
            return ""
        return " › ".join(n.label for n in self.node_path(self.blocks[block].node))

    def node_path(self, node_id: str) -> list[Node]:
        """The chain of nodes from a root down to ``node_id`` (empty if unknown)."""
        return list(self._paths.get(node_id, ()))

    @functools.cached_property
    def _paths(self) -> dict[str, tuple[Node, ...]]:
        """Every node's chain from its root, made once (a plan with 300,000 inferred items asks for every one)."""
        paths: dict[str, tuple[Node, ...]] = {}
        stack: list[tuple[Node, tuple[Node, ...]]] = [(n, (n,)) for n in reversed(self.outline)]
        while stack:
            n, trail = stack.pop()
            paths.setdefault(n.id, trail)
            stack.extend((c, (*trail, c)) for c in reversed(n.children))
        return paths

    def block_by_id(self, block_id: str) -> Block | None:
        return self._blocks_by_id.get(block_id)

    @functools.cached_property
    def _blocks_by_id(self) -> dict[str, Block]:
        found: dict[str, Block] = {}
        for b in self.blocks:
            found.setdefault(b.id, b)  # the first, as a scan from the start would find
        return found

    @property
    def char_count(self) -> int:
        return sum(len(b.text) for b in self.blocks)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meta": self.meta.to_json(),
            "blocks": [b.to_json() for b in self.blocks],
            "outline": [n.to_json() for n in self.outline],
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> Document:
        def node(d: dict[str, Any]) -> Node:
            return Node(
                id=d["id"],
                level=d["level"],
                kind=NodeKind(d["kind"]),
                number=d["number"],
                title=d["title"],
                inferred=d["inferred"],
                block=d["block"],
                children=tuple(node(c) for c in d["children"]),
            )

        m = data["meta"]
        return Document(
            id=data["id"],
            meta=Metadata(
                title=m["title"],
                source=m.get("source", ""),
                format=m.get("format", ""),
                encoding=m.get("encoding", ""),
                date=m.get("date", ""),
                breadcrumb=m.get("breadcrumb", ""),
                extra=dict(m.get("extra", {})),
            ),
            blocks=tuple(
                Block(
                    index=b["index"],
                    id=b["id"],
                    kind=BlockKind(b["kind"]),
                    text=b["text"],
                    node=b["node"],
                )
                for b in data["blocks"]
            ),
            outline=tuple(node(n) for n in data["outline"]),
        )


def block_ids(texts: list[str]) -> list[str]:
    """Stable ids from content: the same paragraph keeps its id across re-imports.

    Repeated paragraphs get a ``-2``, ``-3`` suffix in order of appearance.
    """
    seen: dict[str, int] = {}
    ids: list[str] = []
    for text in texts:
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()
        seen[digest] = seen.get(digest, 0) + 1
        ids.append(digest if seen[digest] == 1 else f"{digest}-{seen[digest]}")
    return ids


@dataclass(frozen=True)
class RawParagraph:
    """What an importer hands to the structure builder.

    ``heading_level`` is a hint from the source format (HTML <h2>, a docx
    "Heading 2" style); None when the source says nothing.
    """

    text: str
    heading_level: int | None = None
    table_row: bool = False


@dataclass(frozen=True)
class RawDocument:
    """Paragraphs and metadata as an importer found them, before structure."""

    paragraphs: list[RawParagraph]
    meta: Metadata
