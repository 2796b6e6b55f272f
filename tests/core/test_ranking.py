"""The paragraph a reader wants first comes first, for topical queries chosen by reading the plans
(``tests/data/ranking_queries.tsv``; ``bench/ranking.py`` prints the top hits of the same queries)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.ranking import queries, rank_of
from reader import BUNDLED_DOC_ID
from reader.session import Session

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Session, dict[str, str]]:
    session = Session(tmp_path_factory.mktemp("ranking"))
    ids = {"bundled": BUNDLED_DOC_ID}
    for name in sorted({doc for doc, _q, _e in queries()} - {"bundled"}):
        ids[name] = session.import_file(CORPUS / name)[0].id
    session.sync_index()
    return session, ids


def test_the_paragraph_a_reader_wants_comes_first(library) -> None:  # type: ignore[no-untyped-def]
    # All queries in one test, every miss reported: the index and its ranking columns are built once, in the first
    # test that uses the fixture, so a mutation run (which runs only the tests that reached a function) would try
    # a change of the index's length norms against that first query alone.
    session, ids = library
    misses = []
    for doc, query, expected in queries():
        result = session.index.search(query, doc=ids[doc], limit=None)
        if rank_of(result.hits, expected) != 1:
            misses.append((doc, query, expected, [h.text[:30] for h in result.hits[:3]]))
    assert misses == []
