"""What changed between two editions of one document (a draft for comment and the adopted text, last year's and
this year's version): paragraphs aligned in order, paragraphs moved elsewhere recognised, and inside a changed
paragraph the words that changed — Chinese by character, Latin words and numbers whole, never by whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reader.document.model import Document

SIMILAR = 0.5  # a paragraph at least half the same is the same paragraph, changed; below that, removed and added
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+(?:[.．][0-9]+)?%?|\S")


@dataclass
class Change:
    kind: str  # added | removed | changed | moved
    old_block: int | None  # block index in the old edition (None when added)
    new_block: int | None  # block index in the new edition (None when removed)
    old_spans: list[tuple[int, int]] = field(default_factory=list)  # changed ranges of the old text
    new_spans: list[tuple[int, int]] = field(default_factory=list)  # changed ranges of the new text
    chapter: str = ""  # the chapter path in the edition that has the paragraph (the new one when both do)
    order: float = 0.0  # where it stands in the new edition (a removed paragraph: just before what followed it)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "old_block": self.old_block,
            "new_block": self.new_block,
            "old_spans": self.old_spans,
            "new_spans": self.new_spans,
            "chapter": self.chapter,
        }


@dataclass
class Diff:
    old: Document
    new: Document
    changes: list[Change]

    def summary(self) -> dict[str, Counter[str]]:
        """Per chapter, how many paragraphs were added, removed, changed and moved."""
        out: dict[str, Counter[str]] = {}
        for c in self.changes:
            out.setdefault(c.chapter, Counter())[c.kind] += 1
        return out


def _key(text: str) -> str:
    """Paragraphs compared alike whatever their width forms and spacing."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def word_changes(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The ranges of ``old`` and ``new`` that differ, by character for Chinese and by word or number for the rest
    (2025 against 2030 is one change, not two digits)."""
    a, b = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, [t for t, _s, _e in a], [t for t, _s, _e in b], autojunk=False)
    old_spans, new_spans = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            old_spans.append((a[i1][1], a[i2 - 1][2]))
        if j2 > j1:
            new_spans.append((b[j1][1], b[j2 - 1][2]))
    return old_spans, new_spans


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def diff(old: Document, new: Document) -> Diff:
    """Align the editions paragraph by paragraph (see the module's docstring)."""
    old_keys = [_key(b.text) for b in old.blocks]
    new_keys = [_key(b.text) for b in new.blocks]
    changes: list[Change] = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        # Pair the most alike paragraphs of the region, in order, as changed ones.
        paired: list[tuple[int, int]] = []
        start = 0
        for i in olds:
            best, best_score = None, SIMILAR
            for j in news[start:]:
                score = _similarity(old_keys[i], new_keys[j])
                if score >= best_score:
                    best, best_score = j, score
            if best is not None:
                paired.append((i, best))
                start = news.index(best) + 1
        taken_old = {i for i, _j in paired}
        taken_new = {j for _i, j in paired}
        for i, j in paired:
            old_spans, new_spans = word_changes(old.blocks[i].text, new.blocks[j].text)
            changes.append(Change("changed", i, j, old_spans, new_spans, order=j))
        changes += [Change("removed", i, None, order=j1 - 0.5) for i in olds if i not in taken_old]
        changes += [Change("added", None, j, order=j) for j in news if j not in taken_new]
    # A paragraph removed in one place and added, unchanged, in another has moved.
    added = {new_keys[c.new_block]: c for c in changes if c.kind == "added" and c.new_block is not None}
    moved: list[Change] = []
    for c in changes:
        if c.kind == "removed" and c.old_block is not None and old_keys[c.old_block] in added:
            target = added.pop(old_keys[c.old_block])
            moved.append(Change("moved", c.old_block, target.new_block, order=target.order))
            c.kind = target.kind = ""
    changes = [c for c in changes if c.kind] + moved
    for c in changes:
        if c.new_block is not None:
            c.chapter = new.chapter_path(c.new_block)
        elif c.old_block is not None:
            c.chapter = old.chapter_path(c.old_block)
    changes.sort(key=lambda c: (c.order, c.old_block or 0))
    return Diff(old, new, changes)
