"""Pairs of indicators of two plans' indicator tables against the pairs read by hand (shared by tests and bench)."""

from __future__ import annotations

from pathlib import Path

from reader.document.model import BlockKind, Document
from reader.targets.compare import Comparison


def gold_pairs(path: Path) -> set[tuple[str, str]]:
    pairs = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split("\t")[:2]
            pairs.add((a, b))
    return pairs


def table_pairs(comparison: Comparison, first: Document, second: Document) -> set[tuple[str, str]]:
    """Rows matching an indicator of the first document's tables with one of the second's."""

    def from_table(doc: Document, side) -> bool:  # type: ignore[no-untyped-def]
        figure = side.target or side.base
        return figure is not None and doc.blocks[figure.block].kind is BlockKind.TABLE_ROW

    out = set()
    for row in comparison.matched():
        a, b = row.sides.get(first.id), row.sides.get(second.id)
        if a is not None and b is not None and from_table(first, a) and from_table(second, b):
            out.add((a.name, b.name))
    return out


def precision_recall(found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> tuple[float, float]:
    hit = len(found & gold)
    return hit / max(1, len(found)), hit / max(1, len(gold))
