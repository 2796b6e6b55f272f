"""The fast indexing path: segments written in bulk, by worker processes, equal what Whoosh's own writer writes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage

from reader.errors import Cancelled
from reader.search import text as T
from reader.search import workers
from reader.search.bulk import BulkSegment, gram_counts
from reader.search.storage import POSTING_BLOCK, POSTING_ZLIB, _entries, make_schema
from reader.session import Session, _figures_by_block

from ..conftest import DATA

REAL = [
    DATA / "corpus" / "cn14_fyp_outline_p1-2.txt",
    DATA / "corpus" / "cn15_fyp_outline_p1-2.txt",
    DATA / "corpus" / "nanjing_2026_gwr_p2-3.txt",
    DATA / "corpus" / "zhejiang_2026_gwr_15th_goals.txt",
    DATA / "corpus" / "agri_mechanization_opinion_2018.txt",
    DATA / "heldout" / "gwr_2026_dongguan.txt",
    DATA / "heldout" / "gwr_2026_national.txt",
]


def _codec(blocklimit: int = POSTING_BLOCK) -> W3Codec:
    return W3Codec(blocklimit=blocklimit, compression=POSTING_ZLIB)


SMALL_BLOCK = 8  # postings per block in the comparison, so that many terms span several blocks


@given(st.text(alphabet=st.sampled_from("发展 \t\n\u3000\u00a0\u2028ＡａB1．。、") | st.characters(), max_size=40))
@settings(max_examples=300, deadline=None)
def test_gram_counts_are_the_grams_of_the_search_text(text: str) -> None:
    assert gram_counts(text) == Counter(g for g, _ in T.grams(text))


def _postings(reader: Any) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    out = {}
    for field in reader.indexed_field_names():
        for term in reader.lexicon(field):
            m = reader.postings(field, term)
            rows = []
            while m.is_active():
                rows.append((m.id(), m.weight(), m.value()))
                m.next()
            info = reader.term_info(field, term)
            out[(field, term)] = [
                *rows,
                (info.doc_frequency(), info.weight(), info.min_length(), info.max_length(), info.max_weight()),
            ]
    return out


def test_a_bulk_segment_holds_exactly_what_whooshs_writer_writes(tmp_path: Path, seed_doc: Any) -> None:
    """Every term, posting, weight, value and term statistic, every stored field, column and field length."""
    session = Session(tmp_path / "d")
    doc, _, _ = session.import_file(REAL[0], index=False)
    entries = [e for d in (seed_doc, doc) for e in _entries(d, _figures_by_block(d))]
    a = FileStorage(str(tmp_path / "a")).create()
    ix_a = a.create_index(make_schema())
    writer = ix_a.writer(codec=_codec(SMALL_BLOCK))
    for e in entries:
        writer.add_document(**e)
    writer.commit()
    b = FileStorage(str(tmp_path / "b")).create()
    ix_b = b.create_index(make_schema())
    bulk = BulkSegment(b, ix_b.schema, _codec(SMALL_BLOCK))
    for e in entries:
        bulk.add(e)
    writer = ix_b.writer(codec=_codec(SMALL_BLOCK))
    writer._close_segment()
    writer._commit_toc([bulk.finish()])
    writer._finish()
    ra, rb = ix_a.reader(), ix_b.reader()
    assert ra.doc_count_all() == rb.doc_count_all() == len(entries)
    pa = _postings(ra)
    assert len(pa) > 15_000
    # terms whose postings fill several posting blocks (exactly, and not), in analysed fields and an ID field
    for field in ("grams", "words", "kind"):
        assert max(len(v) - 1 for (f, _), v in pa.items() if f == field) > 3 * SMALL_BLOCK
    assert any(len(v) - 1 == 2 * SMALL_BLOCK for (f, _), v in pa.items() if f == "grams")
    assert pa == _postings(rb)
    for n in range(ra.doc_count_all()):
        assert ra.stored_fields(n) == rb.stored_fields(n)
        for field in ("grams", "words", "head"):
            assert ra.doc_field_length(n, field) == rb.doc_field_length(n, field)
    for field in ra.schema.names():
        if ra.schema[field].column_type is not None:
            assert list(ra.column_reader(field)) == list(rb.column_reader(field)), field
    for field in ("grams", "words", "head"):
        assert ra.field_length(field) == rb.field_length(field)


def _index_files(session: Session) -> list[str]:
    return sorted(p.name for p in (session.data_dir / "index").iterdir())


def _library(tmp_path: Path, n_workers: int) -> Session:
    session = Session(tmp_path / "d")
    session._index = None
    for path in REAL:
        session.import_file(path, index=False)
    from reader.search.index import SearchIndex

    session._index = SearchIndex(session.data_dir, session.resources, figures=_figures_by_block, workers=n_workers)
    return session


QUERIES = ["地区生产总值", "GDP", "碳达峰", "人才", "高质量发展", "城镇化率", "2025", "创新 -人才", "就业 OR 收入", "%"]


# Not `integration`: the only tests that run _build_parallel in this process, so mutation runs see it.
def test_worker_processes_index_what_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN_CHARS", 0)
    one = _library(tmp_path / "one", 1)
    two = _library(tmp_path / "two", 2)
    assert sorted(one.sync_index()) == sorted(two.sync_index())
    assert len(two.index._state().leaves) >= 2  # each worker wrote its own segment
    for q in QUERIES:
        a = one.search(q, limit=None)
        b = two.search(q, limit=None)
        assert a.total == b.total > 0 or q == "创新 -人才", q
        assert {(h.doc, h.block) for h in a.hits} == {(h.doc, h.block) for h in b.hits}, q
        # the same BM25 statistics whichever process wrote a block: the same score for every hit
        assert {(h.doc, h.block): round(h.score, 6) for h in a.hits} == {
            (h.doc, h.block): round(h.score, 6) for h in b.hits
        }, q
    leftovers = [
        p.name for p in (two.data_dir / "index").iterdir() if p.suffix not in (".seg", ".toc", ".json", ".bin")
    ]
    assert leftovers == ["MAIN_WRITELOCK"] or leftovers == []


@pytest.mark.integration
def test_cancelling_parallel_indexing_leaves_the_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN_CHARS", 0)
    session = _library(tmp_path, 2)
    session.index.sync([session.document()])  # the bundled plan only
    before = _index_files(session)
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 2

    with pytest.raises(Cancelled):
        session.index.sync(session.index_sources(), progress=lambda pct, title: seen.append(pct), cancelled=cancelled)
    assert _index_files(session) == before
    assert set(session.index.indexed()) == {"dongguan-14th-fyp"}
    assert session.index.search("散裂中子源").total == 4  # the index as it was (session.search would sync it)
    assert sorted(session.sync_index()) == sorted(e.id for e in session.library.entries() if not e.bundled)


def test_a_segment_mostly_replaced_is_dropped_and_its_other_documents_reindexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-importing most documents of a batch leaves their old entries deleted in its segment; once a fifth of a
    segment is deleted it goes, and the documents still in it are written again, notes included."""
    session = Session(tmp_path / "d")
    copies = []
    for i, path in enumerate(REAL[:4]):
        copy = tmp_path / f"{i}-{path.name}"
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(copy)
        session.import_file(copy, index=False)
    session.sync_index()  # one segment: the bundled plan and four plans
    first = [leaf.segment().segment_id() for leaf, _ in session.index._state().leaves]
    assert len(first) == 1
    kept = session.library.entries()[-1].id
    session.annotations.add(session.document(kept), "note", 3, 0, 4, note="核对这一段的数字")
    session.sync_notes_index()
    assert [(h.kind, h.doc, h.block) for h in session.search("核对这一段的数字", limit=None).hits] == [
        ("annotation", kept, 3)
    ]
    for copy in copies[:3]:
        copy.write_text(copy.read_text(encoding="utf-8") + "\n追加的一句话用来测试。\n", encoding="utf-8")
        session.import_file(copy)
    leaves = [leaf for leaf, _ in session.index._state().leaves]
    assert first[0] not in {leaf.segment().segment_id() for leaf in leaves}
    assert all(leaf.doc_count() >= 0.8 * leaf.doc_count_all() for leaf in leaves)
    assert session.search("追加的一句话用来测试", limit=None).total == 3
    want = {b.index for b in session.document(kept).blocks if "发展" in b.text}
    assert {h.block for h in session.search("发展", doc=kept, limit=None).hits} == want
    assert [(h.kind, h.doc, h.block) for h in session.search("核对这一段的数字", limit=None).hits] == [
        ("annotation", kept, 3)
    ]


def test_the_cached_columns_are_the_columns_and_a_stale_or_damaged_cache_is_not_used(tmp_path: Path) -> None:
    from reader.search.matching import _State

    session = _library(tmp_path, 1)
    session.sync_index()
    cache = session.data_dir / "index" / "columns.bin"
    ix = session.index.open()

    def view(state: _State) -> tuple[Any, ...]:
        return (
            state.doc_of,
            state.chapter_of,
            state.kind_of,
            state.role_of,
            state.chapter_labels,
            state.norms,
            state.opens(),
            state.figures(),
        )

    fresh = view(_State(ix))  # read from the index, no cache
    assert not cache.exists()
    assert view(_State(ix, cache)) == fresh  # read, then written
    assert cache.exists()
    assert len(fresh[6].blocks) > 50 and len(fresh[7]) > 10  # blocks that open a node; blocks with targets
    assert fresh[6].get(fresh[6].blocks[3]) is not None and fresh[6].get(max(fresh[6].blocks) + 1) is None
    with ix.reader() as reader:  # each block's node opening, looked up, is what its column says
        for d, value in enumerate(reader.column_reader("opens")):
            level, _, title = value.decode("utf-8").partition("|")
            assert fresh[6].get(d) == ((int(level), title) if value else None)
    opens = fresh[6]
    every = {b: opens.get(b) for b in opens.blocks}
    last_two = every[opens.blocks[0]][1][-1] + every[opens.blocks[1]][1][:1]  # spans two titles: in neither
    for terms in (["发展"], ["城镇", "就业"], ["目标"], [last_two], [""], ["没有这个标题"]):
        want = {b: level for b, (level, title) in every.items() if any(t in title for t in terms)}
        assert opens.titled(terms) == want, terms
    assert view(_State(ix, cache)) == fresh  # from the cache
    cache.write_bytes(cache.read_bytes()[:100])
    assert view(_State(ix, cache)) == fresh
    session.import_file(REAL[0].with_name("cn15_fyp_outline_p1-2.docx"))  # a new index version: the cache is stale
    again = session.index._state()
    assert len(again.doc_of) == again.reader.doc_count_all() > len(fresh[0])
    assert view(again) == view(_State(session.index.open()))


def _dies_on_the_third_plan(doc: Any) -> Any:
    """Figures for the worker processes, which end their process abruptly at one plan (as a crash would)."""
    import os

    if "南京" in doc.title or "南京" in "".join(b.text for b in doc.blocks[:3]):
        os._exit(3)
    return _figures_by_block(doc)


# Not `integration`: the only tests that run _build_parallel in this process, so mutation runs see it.
def test_a_worker_that_dies_fails_the_indexing_in_one_line_and_leaves_the_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.errors import ReaderError
    from reader.search.index import SearchIndex

    monkeypatch.setattr(workers, "PARALLEL_MIN_CHARS", 0)
    session = _library(tmp_path, 2)
    session.index.sync([session.document()])
    before = _index_files(session)
    dying = SearchIndex(session.data_dir, session.resources, figures=_dies_on_the_third_plan, workers=2)
    with pytest.raises(ReaderError, match="子进程意外退出"):
        dying.sync(session.index_sources())
    assert _index_files(session) == before
    assert set(SearchIndex(session.data_dir, session.resources).indexed()) == {"dongguan-14th-fyp"}


@pytest.mark.integration
def test_cli_index_with_workers(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from reader.cli import main

    assert main(["import", str(REAL[1]), str(REAL[2]), "--json"]) == 0
    capsys.readouterr()
    assert main(["index", "--rebuild", "--workers", "2", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["indexed"]) == 3  # the bundled plan and the two imported
    assert len(list((data_dir / "index").glob("*.seg"))) == 2  # one segment from each worker
    assert main(["search", "城镇调查失业率", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    assert main(["index", "--workers", "0"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--workers" in err


def test_an_empty_index_can_be_searched_and_warmed(tmp_path: Path) -> None:
    """A rebuilt index is empty until the library is synced (the first search after a format change)."""
    from reader.paths import resources_dir
    from reader.search.index import SearchIndex

    ix = SearchIndex(tmp_path / "d", resources_dir())
    ix.warm()
    assert ix.search("发展").total == 0
    again = SearchIndex(tmp_path / "d", resources_dir())  # and from its cached columns
    assert again.search("发展").total == 0
