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


# Plain ids (q1, q2 …: the query is in the failure message): ids made of the Chinese query text could not be
# passed back to pytest by mutmut.
@pytest.mark.parametrize(
    ("doc", "query", "expected"), [pytest.param(*q, id=f"q{n}") for n, q in enumerate(queries(), 1)]
)
def test_the_paragraph_a_reader_wants_comes_first(library, doc: str, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    session, ids = library
    result = session.index.search(query, doc=ids[doc], limit=None)
    top = [h.text[:30] for h in result.hits[:3]]
    assert rank_of(result.hits, expected) == 1, (doc, query, top)
