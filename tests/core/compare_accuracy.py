"""Pairs of indicators of two plans' indicator tables against the pairs read by hand (shared by tests and bench)."""

from __future__ import annotations

from pathlib import Path

from reader.document.model import BlockKind, Document
from reader.targets.compare import Comparison, Side


def gold_pairs(path: Path) -> set[tuple[str, str]]:
    pairs = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split("\t")[:2]
            pairs.add((a, b))
    return pairs


def table_pairs(comparison: Comparison, first: Document, second: Document) -> set[tuple[str, str]]:
    """Rows matching an indicator of the first document's tables with one of the second's."""
    out = set()
    for row in comparison.matched():
        a, b = row.sides.get(first.id), row.sides.get(second.id)
        if a is not None and b is not None and _from_table(first, a) and _from_table(second, b):
            out.add((a.name, b.name))
    return out


def precision_recall(found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> tuple[float, float]:
    hit = len(found & gold)
    return hit / max(1, len(found)), hit / max(1, len(gold))


def gold_patterns(path: Path) -> dict[str, str]:
    """Indicator of the first document's table → a regular expression the second document's name must match."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, pattern = line.split("\t")[:2]
            out[name] = pattern
    return out


def table_to_text_pairs(comparison: Comparison, table_doc: Document, other: Document) -> set[tuple[str, str]]:
    """Rows matching an indicator of ``table_doc``'s tables with the same indicator anywhere in ``other``."""
    out = set()
    for row in comparison.matched():
        a, b = row.sides.get(table_doc.id), row.sides.get(other.id)
        if a is not None and b is not None and _from_table(table_doc, a):
            out.add((a.name, b.name))
    return out


def _from_table(doc: Document, side: Side) -> bool:
    """The side's figure (its target, else its past figure) comes from a row of one of the document's tables."""
    figure = side.target or side.base
    return figure is not None and doc.blocks[figure.block].kind is BlockKind.TABLE_ROW


def pattern_precision_recall(found: set[tuple[str, str]], gold: dict[str, str]) -> tuple[float, float]:
    """A found pair is right when its table indicator is in the gold and the other name matches its pattern."""
    import re

    right = {a for a, b in found if a in gold and re.search(gold[a], b)}
    return len(right) / max(1, len(found)), len(right) / max(1, len(gold))
