"""Anchoring: find an annotation's text again after the document changed.

Each annotation keeps its quote with some text before and after it (the W3C Web Annotation
TextQuoteSelector). Re-anchoring tries, in order: the same block and offsets; the quote at the
place where its context matches best; a fuzzy match of the quote; otherwise it is orphaned (kept,
listed, never dropped).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from reader.document.model import Document

CONTEXT = 32  # characters of prefix and suffix kept with each quote
FUZZY_MIN_RATIO = 0.75


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
        b = doc.blocks[block]
        return Anchor(b.index, b.id, start, end, "exact" if b.id == block_id else "moved")
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
    fuzzy = _fuzzy(doc, quote, prefix + quote + suffix, block)
    if fuzzy is not None:
        return fuzzy
    return Anchor(block, block_id, start, end, "orphaned")


def _fuzzy(doc: Document, quote: str, with_context: str, near: int) -> Anchor | None:
    best: tuple[float, int, int, int] | None = None
    n = len(quote)
    quote_chars = set(quote)
    for b in doc.blocks:
        if len(quote_chars & set(b.text)) < 0.6 * len(quote_chars):
            continue
        matcher = difflib.SequenceMatcher(None, b.text, quote, autojunk=False)
        m = matcher.find_longest_match(0, len(b.text), 0, n)
        if m.size == 0:
            continue
        # Align the window so that the longest common run sits where it sits in the quote.
        start = max(0, m.a - m.b)
        end = min(len(b.text), start + n)
        ratio = difflib.SequenceMatcher(None, b.text[start:end], quote, autojunk=False).ratio()
        # Allow the edited quote to be a few characters longer or shorter.
        for delta in (-3, -2, -1, 1, 2, 3):
            e2 = min(len(b.text), max(start + 1, end + delta))
            r2 = difflib.SequenceMatcher(None, b.text[start:e2], quote, autojunk=False).ratio()
            if r2 > ratio:
                ratio, end = r2, e2
        ratio -= min(abs(b.index - near), 50) * 0.001
        if best is None or ratio > best[0]:
            best = (ratio, b.index, start, end)
    if best is None or best[0] < FUZZY_MIN_RATIO:
        return None
    b = doc.blocks[best[1]]
    del with_context
    return Anchor(b.index, b.id, best[2], best[3], "fuzzy")
