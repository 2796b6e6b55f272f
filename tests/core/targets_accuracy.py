"""Score extracted figures against the hand-checked fixture (shared by tests and bench)."""

from __future__ import annotations

from pathlib import Path

from reader.targets.extract import Target


def load_fixture(path: Path) -> list[tuple[int, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            block, kind, text = line.split("\t", 2)
            rows.append((int(block), kind, text))
    return rows


def precision_recall(found: list[Target], expected: list[tuple[int, str, str]], kind: str) -> tuple[float, float]:
    """Per kind: precision = correct / extracted of that kind; recall = correct / expected of that kind."""
    want = [(b, t) for b, k, t in expected if k == kind]
    got = [f for f in found if f.kind == kind]

    def matches(f: Target, row: tuple[int, str]) -> bool:
        return f.block == row[0] and (row[1] in f.text or f.text in row[1])

    correct_found = sum(1 for f in got if any(matches(f, r) for r in want))
    correct_expected = sum(1 for r in want if any(matches(f, r) for f in got))
    return correct_found / max(1, len(got)), correct_expected / max(1, len(want))
