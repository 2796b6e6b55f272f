"""Search ranking on topical queries: the top hits a reader sees, so a ranking change is visible.

Usage: python bench/ranking.py

Each line is a query, the number of paragraphs it finds, and the first three hits by the chapter path and opening
words; ``expected`` is the paragraph a reader would want first, chosen by reading the plan (not by running this),
with its rank. The queries are ``tests/data/ranking_queries.tsv`` (``tests/core/test_ranking.py`` requires each
expected paragraph first) and a few more below that are shown but not required.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader import BUNDLED_DOC_ID  # noqa: E402
from reader.session import Session  # noqa: E402

# Shown, not required: the reader's choice is arguable. 散裂中子源: the research item that builds on the facility;
# 建设国际一流的重大科技基础设施集群 (which builds its phase II) is as good an answer.
SHOWN = [("bundled", "散裂中子源", "加强基础与应用基础研究")]


def queries() -> list[tuple[str, str, str]]:
    """(document, query, opening words of the paragraph wanted first) from the shared file."""
    rows = []
    for line in (ROOT / "tests" / "data" / "ranking_queries.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc, query, expected, _why = line.split("\t")
            rows.append((doc, query, expected.replace("\\t", "\t")))
    return rows


def rank_of(hits: list, expected: str) -> int | None:  # type: ignore[type-arg]
    """1-based rank of the first hit whose text (or a table row's second cell onwards) opens with ``expected``."""
    for i, h in enumerate(hits, 1):
        if h.text.startswith(expected) or h.text.lstrip("\t").startswith(expected) or f"\t{expected}" in h.text:
            return i
    return None


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        session = Session(Path(tmp))
        rows = queries() + SHOWN
        ids = {"bundled": BUNDLED_DOC_ID}
        for name in sorted({d for d, _q, _e in rows} - {"bundled"}):
            ids[name] = session.import_file(ROOT / "tests" / "data" / "corpus" / name)[0].id
        session.sync_index()
        first = 0
        for doc_name, query, expected in rows:
            result = session.index.search(query, doc=ids[doc_name], limit=None)
            rank = rank_of(result.hits, expected)
            first += rank == 1
            shown = expected.replace("\t", " ")
            print(f"[{doc_name}] {query}: {result.total} hits; expected “{shown}” at rank {rank or '—'}")
            for i, h in enumerate(result.hits[:3], 1):
                print(f"   {i}. {h.text.strip()[:28]}…  [{h.path[-30:]}]")
        print(f"expected paragraph first for {first} of {len(rows)} queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
