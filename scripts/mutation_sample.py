"""A seeded uniform sample of a package's mutants, for a kill-rate estimate in minutes instead of hours.

A full `make mutation` runs every mutant; where a package has thousands and a surviving mutant re-runs every test
that reaches its function (the importers' survivors run ~200 tests each), that takes hours on two cores. A uniform
random sample of N mutants per package estimates its kill rate with a known margin (about ±1.96·√(p(1−p)/N):
±4 points at N = 500, p = 0.8). The same seed gives the same sample, so a later run compares like with like.

    python scripts/mutation_sample.py [--per-package N] [--seed S] > mutants/sample.txt
    .venv/bin/mutmut run $(cat mutants/sample.txt)
    python scripts/mutation_report.py --sample mutants/sample.txt
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

from mutation_report import PACKAGES, ROOT, package, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mutants", type=Path, default=ROOT / "mutants")
    ap.add_argument("--per-package", type=int, default=500)
    ap.add_argument("--seed", type=int, default=22)
    args = ap.parse_args()
    by_package: dict[str, list[str]] = defaultdict(list)
    for name in results(args.mutants):
        by_package[package(name)].append(name)
    rng = random.Random(args.seed)
    for pkg in PACKAGES:
        names = sorted(by_package.get(pkg, []))
        for name in rng.sample(names, min(args.per_package, len(names))):
            print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
