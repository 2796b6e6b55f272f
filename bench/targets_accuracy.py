"""Print precision and recall of the target extractor per kind, against the hand-checked seed fixture.

Baseline in the same run: a naive rule ("a clause with a number is a target when it contains 到20XX年,
力争 or 争取, otherwise a past figure"), to show what the section and tense rules add.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402
from reader.paths import resources_dir  # noqa: E402
from reader.targets.extract import extract  # noqa: E402
from tests.core.targets_accuracy import load_fixture, precision_recall  # noqa: E402

NAIVE_FUTURE = re.compile(r"到\s*20\d\d\s*年|力争|争取")


def main() -> None:
    doc = Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp")
    expected = load_fixture(ROOT / "tests" / "data" / "seed_targets.tsv")
    t0 = time.perf_counter()
    runs = 20
    for _ in range(runs):
        found = extract(doc)
    ms = (time.perf_counter() - t0) * 1000 / runs
    naive = [replace(f, kind="target" if NAIVE_FUTURE.search(f.text) else "actual") for f in found]
    print(f"seed plan: {len(doc.blocks)} blocks, {doc.char_count:,} characters; extraction {ms:.1f} ms")
    print(f"{'kind':8} {'expected':>8} {'found':>6} {'precision':>9} {'recall':>7}   naive P / R")
    for kind in ("target", "actual"):
        p, r = precision_recall(found, expected, kind)
        np_, nr = precision_recall(naive, expected, kind)
        n_exp = sum(1 for _b, k, _t in expected if k == kind)
        n_found = sum(1 for f in found if f.kind == kind)
        print(f"{kind:8} {n_exp:8d} {n_found:6d} {p:9.3f} {r:7.3f}   {np_:.3f} / {nr:.3f}")


if __name__ == "__main__":
    main()
