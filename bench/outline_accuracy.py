"""Print how closely the chapter tree matches the hand-annotated fixtures (precision / recall of nodes)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.importers import read_file  # noqa: E402
from reader.document.structure import build  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.paths import resources_dir  # noqa: E402
from tests.core.outline_accuracy import actual_nodes, expected_nodes  # noqa: E402

DATA = ROOT / "tests" / "data"


def main() -> None:
    cases = [
        (
            "bundled plan (inferred)",
            Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp"),
            "seed_outline",
        )
    ]
    for name in (
        "plan_with_headings",
        "plan_enumerations",
        "regulation_articles",
        "plan_toc_preface",
        "emergency_plan_decimal",
    ):
        cases.append((name, build(read_file(DATA / f"{name}.txt"), "t"), name))
    pdf = ROOT / "tests" / "fixtures" / "pdf" / "issue-336-example.pdf"
    cases.append(("standard_articles_336 (pdf)", build(read_file(pdf), "t"), "standard_articles_336"))
    print(f"{'document':28} {'expected':>8} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>7}")
    for label, doc, fixture in cases:
        expected = expected_nodes(DATA / f"{fixture}.expected.tsv")
        actual = actual_nodes(doc)
        hit = len(expected & actual)
        print(
            f"{label:28} {len(expected):8} {len(actual):6} {hit:7} {hit / len(actual):9.3f} {hit / len(expected):7.3f}"
        )


if __name__ == "__main__":
    main()
