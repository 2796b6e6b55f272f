"""Indicator comparison: pairs found between the 主要指标 tables of the national 十四五 and 十五五 outlines against the
pairs read by hand, per format, and the time a comparison takes.

Usage: python bench/compare_bench.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.importers import read_file  # noqa: E402
from reader.document.structure import build  # noqa: E402
from reader.paths import resources_dir  # noqa: E402
from reader.targets.compare import compare, load_groups  # noqa: E402
from reader.targets.extract import extract  # noqa: E402
from tests.core.compare_accuracy import gold_pairs, precision_recall, table_pairs  # noqa: E402

DATA = ROOT / "tests" / "data"


def main() -> int:
    gold = gold_pairs(DATA / "compare_cn14_cn15.tsv")
    groups = load_groups(resources_dir() / "dict" / "indicators.txt")
    print(
        f"{'format':8} {'pairs':>5} {'gold':>5} {'precision':>9} {'recall':>7} {'no name groups P/R':>20} {'compare ms':>11}"
    )
    for ext in ("txt", "docx", "pdf"):
        a = build(read_file(DATA / "corpus" / f"cn14_fyp_outline_p1-2.{ext}"), "a")
        b = build(read_file(DATA / "corpus" / f"cn15_fyp_outline_p1-2.{ext}"), "b")
        docs = [(a, extract(a)), (b, extract(b))]
        times = []
        for _ in range(5):
            started = time.perf_counter()
            comparison = compare(docs, groups)
            times.append((time.perf_counter() - started) * 1000)
        found = table_pairs(comparison, a, b)
        p, r = precision_recall(found, gold)
        bare_p, bare_r = precision_recall(table_pairs(compare(docs, {}), a, b), gold)
        print(
            f"{ext:8} {len(found):5} {len(gold):5} {p:9.3f} {r:7.3f} {bare_p:10.3f} / {bare_r:.3f} {statistics.median(times):11.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
