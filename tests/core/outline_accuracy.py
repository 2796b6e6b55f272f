"""Compare a document's tree with a hand-annotated fixture (shared by tests and bench)."""

from __future__ import annotations

from pathlib import Path

from reader.document.model import Document


def expected_nodes(path: Path) -> set[tuple[int, int, str]]:
    rows = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        depth, block, kind = line.split("\t")[:3]
        rows.add((int(depth), int(block), kind))
    return rows


def actual_nodes(doc: Document) -> set[tuple[int, int, str]]:
    return {(n.level, n.block, n.kind.value) for n in doc.nodes()}


def precision_recall(doc: Document, expected_file: Path) -> tuple[float, float]:
    expected = expected_nodes(expected_file)
    actual = actual_nodes(doc)
    hit = len(expected & actual)
    return hit / max(1, len(actual)), hit / max(1, len(expected))
