"""Target extraction against gold made by reading: every document of the corpus, in every format, and the bundled plan.

    python bench/targets_accuracy.py                  # shared/corpus beside the repository, else tests/data/corpus
    python bench/targets_accuracy.py --corpus DIR     # another folder of NAME.txt/.docx/.pdf + NAME.targets.json

Prints per document: target and past-figure precision/recall, field accuracy (indicator, value, unit, year) with
the rules of shared/corpus/score.py, and extraction time. Baseline in the same run: a naive rule ("a clause with a
number is a target when it contains 到20XX年, 力争 or 争取, otherwise a past figure") applied to the same items,
to show what the plan's frame adds.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.importers import read_file  # noqa: E402
from reader.document.structure import build  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.paths import resources_dir  # noqa: E402
from reader.targets.extract import extract  # noqa: E402
from tests.core.targets_accuracy import load_gold, score  # noqa: E402

NAIVE_FUTURE = re.compile(r"到\s*20\d\d\s*年|力争|争取")


def fmt(v: float | None) -> str:
    return "  —  " if v is None else f"{v:5.2f}"


def row(label: str, doc, gold_path: Path) -> list[float | None]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    found = extract(doc)
    ms = (time.perf_counter() - t0) * 1000
    gold = load_gold(gold_path)
    s = score([t.to_json() for t in found], gold)
    naive = score(
        [replace(t, kind="target" if NAIVE_FUTURE.search(t.text) else "actual").to_json() for t in found], gold
    )
    k = s.kinds
    values = [k["target"].precision, k["target"].recall, k["actual"].precision, k["actual"].recall]
    values += [s.fields[f] for f in ("indicator", "value", "unit", "year")]
    nk = naive.kinds
    print(
        f"{label:40} " + " ".join(fmt(v) for v in values) + f" {ms:7.1f}   "
        f"{fmt(nk['target'].precision)}/{fmt(nk['target'].recall)} {fmt(nk['actual'].precision)}/{fmt(nk['actual'].recall)}"
    )
    return values


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT.parent / "shared" / "corpus"
    ap.add_argument("--corpus", type=Path, default=shared if shared.is_dir() else ROOT / "tests" / "data" / "corpus")
    args = ap.parse_args()
    print(f"corpus: {args.corpus}")
    print(
        f"{'document':40} {'tgt P':>5} {'tgt R':>5} {'act P':>5} {'act R':>5} {'ind':>5} {'val':>5} {'unit':>5} "
        f"{'year':>5} {'ms':>7}   naive tgt P/R, act P/R"
    )
    rows = []
    for gold in sorted(args.corpus.glob("*.targets.json")):
        name = gold.name[: -len(".targets.json")]
        for ext in (".txt", ".docx", ".pdf"):
            path = args.corpus / f"{name}{ext}"
            if path.exists():
                rows.append(row(path.name, build(read_file(path), name), gold))
    for gold in sorted((ROOT / "tests" / "data" / "heldout").glob("*.targets.json")):
        name = gold.name[: -len(".targets.json")]
        path = gold.with_name(f"{name}.txt")
        rows.append(row(f"{path.name} (outside the corpus)", build(read_file(path), name), gold))
    seed = Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp")
    rows.append(row("bundled plan (tests/data/seed.targets.json)", seed, ROOT / "tests" / "data" / "seed.targets.json"))
    cols = list(zip(*rows, strict=True))
    means = [sum(v for v in c if v is not None) / max(1, sum(1 for v in c if v is not None)) for c in cols]
    print(f"{'mean':40} " + " ".join(fmt(v) for v in means))


if __name__ == "__main__":
    main()
