"""Summarise a mutmut run (`make mutation`): kill rate per package and the functions where mutants survive.

Reads the results mutmut keeps beside its copies of the sources (``mutants/**/*.py.meta``). A mutant counts as
killed when a test failed or the run timed out; as surviving when every test that reaches its function passed;
"no tests" mutants (code no core test reaches) count against the rate too, since nothing would notice them.

    python scripts/mutation_report.py [--survivors N] [--sample FILE]

With --sample (a list of mutant names from scripts/mutation_sample.py), only those mutants are counted: a
uniform sample's kill rate, with its 95 % margin.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("reader.targets", "reader.search", "reader.annotations", "reader.document.importers")
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # a test failed, pytest broke, or it timed out (an endless loop)
SURVIVED = {0}
NO_TESTS = {5, 33}


def results(mutants: Path) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in mutants.rglob("*.py.meta"):
        out.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return out


def package(name: str) -> str:
    for p in PACKAGES:
        if name.startswith(p + "."):
            return p
    return name.rsplit(".", 2)[0]


def function(name: str) -> str:
    """reader.targets.extract.x_extract__mutmut_12 → reader.targets.extract.extract."""
    module, _, mangled = name.rpartition(".")
    fn = re.sub(r"__mutmut_\d+$", "", mangled)
    fn = re.sub(r"^x_?", "", fn).replace("ǁ", ".").strip(".")
    return f"{module}.{fn}"


_SQL = re.compile(r"^\s*(SELECT|UPDATE|DELETE|INSERT|CREATE|PRAGMA|WITH)\b", re.I)
_STRING = re.compile(r"""(['"])((?:\\.|(?!\1).)*)\1""")


# Functions that run once, when their module is imported: mutmut forks each mutant's test run from a process that
# has already imported everything (and run the suite to collect which tests reach which function), so a mutant in
# them is never executed. Checked: `accumulate(initial=0)` without its iterable raises TypeError on any call, yet
# "survives".
IMPORT_TIME = {"reader.search.storage._patch_whoosh_buffer_file"}
# Survivors read one by one and found to change nothing a user or a caller can observe, each with its change as
# `mutmut show` prints it (a mutant renumbered by a later edit no longer matches and counts as a survivor again).
EQUIVALENTS = ROOT / "scripts" / "mutation_equivalents.tsv"


def _changed_lines(name: str) -> tuple[list[str], list[str]]:
    import subprocess

    shown = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mutmut"), "show", name], capture_output=True, text=True, cwd=ROOT
    ).stdout
    removed = [line[1:].strip() for line in shown.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in shown.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def read_equivalents(path: Path = EQUIVALENTS) -> dict[str, tuple[str, str, str]]:
    """name → (removed line, added line, why), from the reviewed list."""
    out: dict[str, tuple[str, str, str]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, removed, added, why = line.split("\t")
            out[name] = (removed, added, why)
    return out


def equivalent(name: str, reviewed: dict[str, tuple[str, str, str]] | None = None) -> str:
    """Why a surviving mutant cannot change behaviour; "" otherwise.

    - An SQL statement or PRAGMA whose letters changed case only: SQLite reads keywords and identifiers
      case-insensitively, so the statement is the same.
    - A function that runs only at import (IMPORT_TIME): never executed under mutmut.
    - A mutant in the reviewed list whose change is still the one reviewed.
    """
    if function(name) in IMPORT_TIME:
        return "runs only at import, before mutmut forks the test run"
    removed, added = _changed_lines(name)
    known = (reviewed or {}).get(name)
    if known is not None and len(removed) == len(added) == 1 and (removed[0], added[0]) == known[:2]:
        return "reviewed: " + known[2]
    if len(removed) == 1 and len(added) == 1 and removed[0].lower() == added[0].lower():
        before = [m.group(2) for m in _STRING.finditer(removed[0])]
        after = [m.group(2) for m in _STRING.finditer(added[0])]
        changed = [(b, a) for b, a in zip(before, after, strict=False) if b != a]
        if changed and all(_SQL.match(b) for b, _a in changed):
            return "SQL is case-insensitive"
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mutants", type=Path, default=ROOT / "mutants")
    ap.add_argument("--survivors", type=int, default=25, help="functions with most survivors to list")
    ap.add_argument("--sample", type=Path, help="count only the mutants named in this file")
    ap.add_argument(
        "--equivalents", action="store_true", help="set apart survivors that provably change nothing (slower)"
    )
    args = ap.parse_args()
    codes = results(args.mutants)
    if args.sample is not None:
        wanted = set(args.sample.read_text(encoding="utf-8").split())
        codes = {k: v for k, v in codes.items() if k in wanted}
    if not codes:
        print(f"no mutmut results under {args.mutants}: run `make mutation` first")
        return 1
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: Counter[str] = Counter()
    explained: Counter[str] = Counter()
    reviewed = read_equivalents() if args.equivalents else {}
    for name, code in codes.items():
        c = rows[package(name)]
        c["mutants"] += 1
        if code is None:
            c["not run"] += 1
        elif code in KILLED:
            c["killed"] += 1
        elif code in SURVIVED:
            why = equivalent(name, reviewed) if args.equivalents else ""
            if why:
                c["equivalent"] += 1
                explained[why] += 1
                continue
            c["survived"] += 1
            survivors[function(name)] += 1
        elif code in NO_TESTS:
            c["no tests"] += 1
            survivors[function(name) + " (no test reaches it)"] += 1
        else:
            c["other"] += 1
    total: Counter[str] = Counter()
    margin = " ± (95 %)" if args.sample is not None else ""
    print(
        f"{'package':28} {'mutants':>8} {'killed':>7} {'survived':>9} {'no tests':>9} {'not run':>8} {'killed %':>9}"
        + margin
    )
    for pkg in sorted(rows):
        c = rows[pkg]
        total.update(c)
        print(_row(pkg, c, bool(margin)))
    print(_row("all", total, bool(margin)))
    for why, n in sorted(explained.items(), key=lambda kv: -kv[1]):
        print(f"set apart as equivalent: {n} ({why})")
    print(f"\nfunctions with most surviving mutants (of {sum(survivors.values())}):")
    for fn, n in survivors.most_common(args.survivors):
        print(f"  {n:4}  {fn}")
    return 0


def _row(name: str, c: Counter[str], margin: bool = False) -> str:
    decided = c["killed"] + c["survived"] + c["no tests"]
    p = c["killed"] / decided if decided else 0.0
    text = f"{name:28} {c['mutants']:8} {c['killed']:7} {c['survived']:9} {c['no tests']:9} {c['not run']:8} {100 * p:8.1f}%"
    if margin and decided:
        text += f" ± {100 * 1.96 * math.sqrt(p * (1 - p) / decided):.1f}"
    return text


if __name__ == "__main__":
    raise SystemExit(main())
