"""Anchoring: find an annotation's text again after the document changed.

Each annotation keeps its quote with some text before and after it (the W3C Web Annotation
TextQuoteSelector). Re-anchoring tries, in order: the same block and offsets; the quote at the
place where its context matches best; a fuzzy match of the quote; otherwise it is orphaned (kept,
listed, never dropped).
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from reader.document.model import Document

CONTEXT = 32  # characters of prefix and suffix kept with each quote
FUZZY_MIN_RATIO = 0.75
FUZZY_CANDIDATES = 3  # paragraphs, by shared character pairs, whose best window is measured
SLACK = 3  # characters a fuzzy match's ends may move from the voted alignment


@dataclass(frozen=True)
class Anchor:
    block: int
    block_id: str
    start: int
    end: int
    status: str  # "exact" | "moved" | "fuzzy" | "orphaned"


def context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(quote, prefix, suffix) of a span of one block."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def locate(
    doc: Document, block_id: str, block: int, start: int, end: int, quote: str, prefix: str, suffix: str
) -> Anchor:
    """Where the annotation belongs in this version of the document."""
    # 1. Same block (by id, which follows the paragraph's content), same offsets, same text.
    by_id = doc.block_by_id(block_id) if block_id else None
    if by_id is not None and by_id.text[start:end] == quote:
        return Anchor(by_id.index, by_id.id, start, end, "exact")
    if 0 <= block < len(doc.blocks) and doc.blocks[block].text[start:end] == quote and quote:
        # Same place, another block id (the paragraph's content changed around the quote): moved. (Its id cannot be
        # the note's here: that block would have matched above.)
        b = doc.blocks[block]
        return Anchor(b.index, b.id, start, end, "moved")
    if not quote:
        return Anchor(block, block_id, start, end, "orphaned")
    # 2. The quote elsewhere: the occurrence whose context matches best, nearest the old place.
    best: tuple[float, int, int] | None = None
    for b in doc.blocks:
        i = b.text.find(quote)
        while i >= 0:
            score: float = _common_suffix(b.text[max(0, i - CONTEXT) : i], prefix) + _common_prefix(
                b.text[i + len(quote) : i + len(quote) + CONTEXT], suffix
            )
            score -= min(abs(b.index - block), 50) * 0.01
            if best is None or score > best[0]:
                best = (score, b.index, i)
            i = b.text.find(quote, i + 1)
    if best is not None:
        b = doc.blocks[best[1]]
        return Anchor(b.index, b.id, best[2], best[2] + len(quote), "moved")
    # 3. Fuzzy: the most similar stretch of text, in blocks that share enough of the quote.
    fuzzy = _fuzzy(doc, quote, block)
    if fuzzy is not None:
        return fuzzy
    return Anchor(block, block_id, start, end, "orphaned")


def _fuzzy(doc: Document, quote: str, near: int) -> Anchor | None:
    """The stretch of text most like the quote, in the paragraphs that share most of its character pairs.

    Each character pair the quote shares with a paragraph votes for an alignment (paragraph offset minus quote
    offset); the best-voted alignment of the best paragraphs is then widened or narrowed by up to three
    characters at either end to the window most similar to the quote. Scattered edits, words inserted or
    removed, and a quote whose longest unchanged run also occurs elsewhere in the paragraph are all aligned.
    """
    n = len(quote)
    pairs: dict[str, list[int]] = {}
    for j in range(n - 1):
        pairs.setdefault(quote[j : j + 2], []).append(j)
    candidates: list[tuple[int, int, int]] = []  # (votes, block, alignment)
    for b in doc.blocks:
        votes: Counter[int] = Counter()
        text = b.text
        for i in range(len(text) - 1):
            for j in pairs.get(text[i : i + 2], ()):
                votes[i - j] += 1
        if votes:
            align, count = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
            candidates.append((count, b.index, align))
    candidates.sort(key=lambda c: (-c[0], abs(c[1] - near)))
    best: tuple[float, int, int, int] | None = None
    for _count, index, align in candidates[:FUZZY_CANDIDATES]:
        text = doc.blocks[index].text
        # The start first (with the quote's length), then the end from that start.
        ratio, _, start = max(
            (_similarity(text, s, s + n, quote), -abs(s - align), s)
            for s in range(max(0, align - SLACK), max(0, align + SLACK) + 1)
        )
        end = start + n
        for e in range(start + max(1, n - SLACK), min(len(text), start + n + SLACK) + 1):
            r = _similarity(text, start, e, quote)
            if r > ratio:
                ratio, end = r, e
        ratio -= min(abs(index - near), 50) * 0.001
        if best is None or ratio > best[0]:
            best = (ratio, index, start, min(end, len(text)))
    if best is None or best[0] < FUZZY_MIN_RATIO:
        return None
    b = doc.blocks[best[1]]
    return Anchor(b.index, b.id, best[2], best[3], "fuzzy")


def _similarity(text: str, start: int, end: int, quote: str) -> float:
    return difflib.SequenceMatcher(None, text[start:end], quote, autojunk=False).ratio()
