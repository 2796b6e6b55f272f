"""Indicator comparison: pairs found between the 主要指标 tables of the national 十四五 and 十五五 outlines against the
pairs read by hand, per format, and the time a comparison takes; then the 十五五 table against the 2026 government
work report (outside the corpus), also read by hand.

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
from tests.core.compare_accuracy import (  # noqa: E402
    gold_pairs,
    gold_patterns,
    pattern_precision_recall,
    precision_recall,
    table_pairs,
    table_to_text_pairs,
)

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
    # A pair outside the corpus: the 十五五 table against the 2026 government work report's sentences.
    patterns = gold_patterns(DATA / "compare_cn15_gwr2026.tsv")
    report = build(read_file(DATA / "heldout" / "gwr_2026_national.txt"), "gwr")
    report_targets = extract(report)
    print(f"\n十五五 table × 2026 government work report (heldout), {len(patterns)} pairs read by hand")
    print(f"{'format':8} {'pairs':>5} {'precision':>9} {'recall':>7} {'compare ms':>11}")
    for ext in ("txt", "docx", "pdf"):
        plan = build(read_file(DATA / "corpus" / f"cn15_fyp_outline_p1-2.{ext}"), "cn15")
        docs = [(plan, extract(plan)), (report, report_targets)]
        started = time.perf_counter()
        comparison = compare(docs, groups)
        ms = (time.perf_counter() - started) * 1000
        found = table_to_text_pairs(comparison, plan, report)
        p, r = pattern_precision_recall(found, patterns)
        print(f"{ext:8} {len(found):5} {p:9.3f} {r:7.3f} {ms:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
