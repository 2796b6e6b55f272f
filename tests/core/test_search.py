"""Search: completeness against a literal scan, query syntax, snippets, incremental and self-healing index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.search import text as T
from reader.search.index import FORMAT
from reader.session import Session

from ..conftest import DATA


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Session:
    session = Session(tmp_path_factory.mktemp("search"))
    session.sync_index()
    return session


def literal_scan(session: Session, needle: str) -> set[int]:
    doc = session.document()
    n = T.fold(needle)
    return {b.index for b in doc.blocks if n in T.fold(b.text)}


def found(session: Session, query: str, **kw: object) -> set[int]:
    result = session.index.search(query, limit=None, use_synonyms=False, **kw)  # type: ignore[arg-type]
    return {h.block for h in result.hits}


TRICKY = [
    "中子",  # inside the jieba word 散裂中子源
    "散裂中子源",
    "科学城",  # inside 松山湖科学城
    "湾区",  # inside 大湾区 / 粤港澳大湾区
    "湾",
    "GDP",
    "gdp",
    "ＧＤＰ",  # full-width
    "5G",
    "R&D",
    "2025",
    "1.3万亿",
    "6.5%",
    "，",
    "“双十”",
    "(松山湖科学城)",
    "PM2.5",
    "十四五",
    "年均增长",
    "亿元左右",
    "。",
]


@pytest.mark.parametrize("needle", TRICKY)
def test_tricky_queries_find_exactly_the_literal_matches(seeded: Session, needle: str) -> None:
    expected = literal_scan(seeded, needle)
    assert expected, f"fixture query {needle!r} should occur in the seed"
    query = f'"{needle}"' if needle in ("，", "。") else needle
    assert found(seeded, query) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_of_any_block_is_found(seeded: Session, data: st.DataObject) -> None:
    doc = seeded.document()
    block = data.draw(st.sampled_from([b for b in doc.blocks if len(b.text) >= 2]))
    start = data.draw(st.integers(0, len(block.text) - 1))
    length = data.draw(st.integers(1, 12))
    needle = block.text[start : start + length]
    if not needle.strip() or '"' in needle:
        return
    hits = seeded.index.search(f'"{needle}"', limit=None, use_synonyms=False)
    by_block = {h.block: h for h in hits.hits}
    assert block.index in by_block, needle
    # Every reported match is the needle, at exact offsets into the block text.
    for a, b in by_block[block.index].matches:
        assert T.fold(block.text[a:b]).find(T.fold(needle.strip())) >= 0 or len(needle.strip()) > b - a


def test_match_offsets_are_exact(seeded: Session) -> None:
    result = seeded.index.search("散裂中子源", limit=None)
    assert result.hits
    for h in result.hits:
        for a, b in h.matches:
            assert h.text[a:b] == "散裂中子源"
        assert h.text[h.snippet_start : h.snippet_start + len(h.snippet)] == h.snippet
        assert any(h.snippet_start <= a < h.snippet_start + len(h.snippet) for a, _ in h.matches)


# Words of the bundled plan that share paragraphs without ever standing side by side (产业 … 服务 in 30
# paragraphs, 产业服务 in none), and some that also stand side by side a few times: a typed term is a phrase of
# its characters, so the hits are exactly the paragraphs holding it literally, not those holding its parts.
@pytest.mark.parametrize(
    "term", ["产业服务", "城市服务", "创新制造", "生态产业", "科技金融", "湾区科技", "企业人才", "文化服务"]
)
def test_a_term_is_found_only_where_its_characters_stand_together(seeded: Session, term: str) -> None:
    apart = literal_scan(seeded, term[:2]) & literal_scan(seeded, term[2:])
    together = literal_scan(seeded, term)
    assert apart - together, f"{term}: its halves should share a paragraph without it"
    assert found(seeded, term) == together
    assert seeded.index.search(term, limit=None, use_synonyms=False).total == len(together)


def test_space_means_and(seeded: Session) -> None:
    assert found(seeded, "科技 人才") == literal_scan(seeded, "科技") & literal_scan(seeded, "人才")


def test_or_and_exclude(seeded: Session) -> None:
    assert found(seeded, "中子 OR 光源") == literal_scan(seeded, "中子") | literal_scan(seeded, "光源")
    assert found(seeded, "创新 -人才") == literal_scan(seeded, "创新") - literal_scan(seeded, "人才")
    # one character after the minus is an exclusion too (湾 of 大湾区), the minus alone is not
    assert found(seeded, "创新 -湾") == literal_scan(seeded, "创新") - literal_scan(seeded, "湾")
    assert literal_scan(seeded, "创新") & literal_scan(seeded, "湾")


def test_phrase_is_exact_and_ranks_first(seeded: Session) -> None:
    assert found(seeded, '"科技创新"') == literal_scan(seeded, "科技创新")
    result = seeded.index.search("科技 创新", limit=5, use_synonyms=False)
    assert "科技创新" in result.hits[0].text


def test_headings_and_lead_sentences_rank_first(seeded: Session) -> None:
    result = seeded.index.search("总部经济", limit=3)
    assert result.hits[0].text.startswith("推动总部经济长足发展")


def _rank(result, start: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, h in enumerate(result.hits, 1) if h.text.startswith(start))


def test_words_as_typed_rank_above_synonym_only_matches(seeded: Session) -> None:
    # GDP also finds 地区生产总值 through its synonyms; the notes that only say 地区生产总值 used to come first.
    result = seeded.index.search("GDP", limit=None)
    literal = ["gdp" in T.fold(h.text) for h in result.hits]
    assert all(literal[: literal.count(True)]) and result.total == len(literal)
    # The plan's headline target 「到2025年GDP达到1.3万亿元左右」 (the 城市综合实力 goal) among the first three.
    assert _rank(result, "城市综合实力明显提升") <= 3


def test_chapter_openings_rank_high_and_notes_low(seeded: Session) -> None:
    # The opening paragraph of the chapter 「坚持以先进制造业为根基」 states the topic three times.
    assert _rank(seeded.index.search("先进制造业", limit=None), "坚持以先进制造业为根基") <= 2
    # 教育 in a statistics note (指标暂无2020年数据) comes after every paragraph of the plan's text.
    result = seeded.index.search("教育", limit=None)
    assert result.hits[-1].kind == "note" and all(h.kind != "note" for h in result.hits[:-1])
    # A review of the last period (the 十三五 achievements) ranks below the plan's aims for the same words.
    result = seeded.index.search("先进制造业", limit=None)
    assert _rank(result, "坚持以先进制造业为根基") < _rank(result, "——制造业高质量发展特征明显")


@pytest.mark.parametrize(
    ("query", "literal", "message"),
    [
        ('"科技创新', "科技创新", "引号不成对，已按原文检索。"),
        ("科技创新＂", "科技创新", "引号不成对，已按原文检索。"),
        ('"未闭合', "未闭合", "引号不成对，已按原文检索。"),
        ("OR", "OR", "OR 两侧都需要检索词，已按原文检索。"),
        ("OR 创新", "OR 创新", "OR 两侧都需要检索词，已按原文检索。"),
        ("创新 OR", "创新 OR", "OR 两侧都需要检索词，已按原文检索。"),
        ("-", "-", "“-”后面需要检索词，已按原文检索。"),
        ("-创新", "-创新", "只有排除词时无法检索，已按原文检索。"),
        ("创新 OR -人才", "创新 OR -人才", "OR 后不能接排除词，已按原文检索。"),
    ],
)
def test_malformed_queries_fall_back_to_literal_search(seeded: Session, query: str, literal: str, message: str) -> None:
    # The whole query, quotes dropped, is searched as written, and the message says why.
    result = seeded.index.search(query, limit=None, use_synonyms=False)
    assert (result.literal, result.message) == (True, message)
    assert {h.block for h in result.hits} == literal_scan(seeded, literal)
    assert result.total == len(literal_scan(seeded, literal))


@pytest.mark.parametrize("query", ['""', "   ", "＂＂"])
def test_an_empty_query_finds_nothing(seeded: Session, query: str) -> None:
    result = seeded.index.search(query, limit=None)
    assert (result.total, result.hits, result.literal, result.message) == (0, [], False, "")  # and says nothing


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('创新人才 "-OR|“”()*?\\:+^~[]{}AND NOT中子')), max_size=20))
def test_query_parser_never_crashes(seeded: Session, query: str) -> None:
    result = seeded.index.search(query, limit=3)
    assert result.total == len(result.hits) or result.total > 3


def test_synonyms_expand_and_say_which_matched(seeded: Session) -> None:
    on = seeded.index.search("GDP", limit=None)
    off = seeded.index.search("GDP", limit=None, use_synonyms=False)
    assert on.expansions == {"GDP": ["地区生产总值", "生产总值"]}
    assert on.total > off.total
    assert any("地区生产总值" in h.matched and "GDP" not in h.matched for h in on.hits)


def test_counts_by_document_and_chapter(seeded: Session) -> None:
    result = seeded.index.search("创新", limit=3)
    assert sum(result.by_doc.values()) == result.total
    assert sum(result.by_chapter.values()) == result.total
    assert len(result.hits) == 3 < result.total


@pytest.mark.integration
def test_segmenter_writes_no_cache_and_the_old_cache_is_removed(tmp_path: Path) -> None:
    """jieba-rs has its dictionary built in: indexing writes no dictionary cache, in the data folder or the system
    temp folder, and the cache the Python jieba package left in the data folder (cache/jieba) is removed."""
    import json
    import os
    import subprocess
    import sys

    from ..conftest import ROOT

    home, tmp = tmp_path / "home", tmp_path / "tmp"
    (home / "cache" / "jieba").mkdir(parents=True)
    (home / "cache" / "jieba" / "jieba.u0f4d8a1e.cache").write_bytes(b"\x80" * 64)
    tmp.mkdir()
    env = {**os.environ, "POLICY_READER_HOME": str(home), "TMPDIR": str(tmp)}
    out = subprocess.run(
        [sys.executable, "-m", "reader", "search", "中子", "--json"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total"] > 0
    assert not (home / "cache").exists()
    assert not list(tmp.iterdir())


def test_opening_the_index_removes_the_old_dictionary_cache_and_nothing_else(tmp_path: Path) -> None:
    """The Python jieba package cached its dictionary in cache/jieba; jieba-rs needs none. cache/ goes too when that
    leaves it empty, and stays with anything else in it."""
    from reader.paths import resources_dir
    from reader.search.index import SearchIndex

    for other in (False, True):
        root = tmp_path / f"home{int(other)}"
        (root / "cache" / "jieba").mkdir(parents=True)
        (root / "cache" / "jieba" / "jieba.u0f4d8a1e.cache").write_bytes(b"\x80" * 64)
        if other:
            (root / "cache" / "thumbnails").mkdir()
        SearchIndex(root, resources_dir())
        assert not (root / "cache" / "jieba").exists()
        assert (root / "cache").exists() == other


@pytest.mark.integration
def test_searching_an_indexed_library_does_not_load_jieba(seeded: Session) -> None:
    """Query words come from the index's vocabulary: a process that only searches never pays for jieba's
    dictionary (~80 MB, a second to load). Checked in a fresh process on an index built here."""
    import subprocess
    import sys

    from ..conftest import ROOT

    code = (
        "import sys; from pathlib import Path; from reader.session import Session;"
        "s = Session(Path(sys.argv[1])); s.sync_index();"
        "r = s.index.search('科技 创新', use_synonyms=False); assert r.total > 0, r;"
        "assert r.hits[0].score > 0; print('rjieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(seeded.data_dir)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_query_words_are_the_indexed_words_inside_the_terms(seeded: Session) -> None:
    state = seeded.index._state()
    assert {"地区", "生产", "总值", "地区生产总值"} <= set(state.query_words(["地区生产总值"]))
    assert set(state.query_words(["r&d"])) == {"r", "&", "d"}  # no longer word inside: single characters
    assert state.query_words(["不存在的词汇乙丙"]) == []


def test_import_indexes_only_the_new_document_and_reimport_updates(tmp_path: Path) -> None:
    session = Session(tmp_path / "d")
    assert session.sync_index() == ["dongguan-14th-fyp"]
    assert session.sync_index() == []
    src = tmp_path / "plan.txt"
    src.write_text(
        (DATA / "plan_with_headings.txt").read_text(encoding="utf-8") + "\n独一无二的测试词甲。\n", encoding="utf-8"
    )
    doc, _, _ = session.import_file(src)
    assert session.index.indexed()[doc.id]
    assert {h.doc for h in session.search("独一无二的测试词甲", limit=None).hits} == {doc.id}
    src.write_text(src.read_text(encoding="utf-8").replace("测试词甲", "测试词乙"), encoding="utf-8")
    session.import_file(src)
    assert session.search("测试词甲").total == 0
    assert session.search("测试词乙").total == 1
    assert session.sync_index() == []


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        # Both run across a line break of the page (read off the page): the search finds the paragraph, whole.
        ("issue-336-example.pdf", "养护工区一般在高速公路"),
        ("issue-67-example.pdf", "保证季度报告内容的真实、准确、完整"),
    ],
)
def test_phrases_across_pdf_line_breaks_are_found(tmp_path: Path, name: str, phrase: str) -> None:
    session = Session(tmp_path / "d")
    doc, _, _ = session.import_file(Path(__file__).parent.parent / "fixtures" / "pdf" / name)
    hits = [h for h in session.search(f'"{phrase}"', limit=None).hits if h.doc == doc.id]
    assert len(hits) == 1
    block = session.document(doc.id).blocks[hits[0].block].text
    assert phrase in block and block.endswith("。")


@pytest.mark.integration
def test_phrases_of_vertical_japanese_columns_are_found(tmp_path: Path) -> None:
    # issue6387.pdf: the phrase is set down each of its nine columns (read off the rendered page). pypdf's text
    # layer ran the columns together into one paragraph, some with a space between every character, and then one
    # character per paragraph: one hit instead of nine.
    session = Session(tmp_path / "d")
    doc, _, _ = session.import_file(Path(__file__).parent.parent / "fixtures" / "pdf" / "issue6387.pdf")
    hits = [h for h in session.search('"イーハトーヴォのすきとおった風"', limit=None).hits if h.doc == doc.id]
    assert len(hits) == 9


@pytest.mark.integration
def test_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    session = Session(tmp_path / "d")
    session.sync_index()
    for seg in (session.data_dir / "index").glob("*.seg"):
        seg.write_bytes(b"\x00garbage" * 100)
    again = Session(session.data_dir)
    result = again.search("散裂中子源")
    assert again.index.rebuilt_reason.startswith("corrupt")
    assert result.total == 4


@pytest.mark.integration
def test_old_format_index_is_rebuilt(tmp_path: Path) -> None:
    session = Session(tmp_path / "d")
    session.sync_index()
    manifest = session.data_dir / "index" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["format"] = FORMAT - 1
    manifest.write_text(json.dumps(data))
    again = Session(session.data_dir)
    assert again.search("中子").total == 5
    assert again.index.rebuilt_reason.startswith("format")


def test_search_cli_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "中子", "--json", "--all"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["query"] == "中子" and out["total"] == len(out["hits"]) == 5
    hit = out["hits"][0]
    for key in ("doc", "block", "node", "path", "score", "snippet", "matches"):
        assert key in hit
    doc = Session(data_dir).document()
    assert hit["kind"] == doc.blocks[hit["block"]].kind.value and hit["node"] == doc.blocks[hit["block"]].node
    assert isinstance(hit["score"], float) and hit["score"] > 0  # BM25 with its decimals, not rounded to 0 or 1
    assert main(["search", "中子", "--limit", "2", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 2


@pytest.mark.integration
def test_index_cli_rebuild(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["indexed"] == ["dongguan-14th-fyp"]
    assert main(["index", "--rebuild", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rebuilt_reason"] == "rebuild requested"


def test_snippet_window_and_merge() -> None:
    from reader.search.index import _best_window, _merge

    assert _merge([(5, 8), (0, 2), (7, 10)]) == [(0, 2), (5, 10)]
    start, end = _best_window([(500, 502)], 1000)
    assert start <= 500 < end and end - start == 90
    # one match early, three close together later: the snippet shows the three, opening 20 characters before them
    assert _best_window([(10, 12), (600, 602), (630, 632), (650, 652)], 1000) == (580, 670)
    # a short text is shown whole
    assert _best_window([(10, 12)], 60) == (0, 60)


def test_fold_keeps_length() -> None:
    s = "ＧＤＰ　达到１．３万亿元，Ｒ＆Ｄ"
    assert len(T.fold(s)) == len(s)
    assert T.fold(s) == "gdp 达到1.3万亿元,r&d"  # punctuation folds too: ，finds ,


@pytest.mark.integration
def test_second_window_waits_for_the_index_lock(tmp_path: Path) -> None:
    import threading
    import time

    first = Session(tmp_path / "d")
    first.sync_index()
    second = Session(first.data_dir)
    src = tmp_path / "new.txt"
    src.write_text("第一章 总则\n第二个窗口导入的独特词语。\n", encoding="utf-8")
    doc, _, _ = second.import_file(src, index=False)
    held = first.index.open().writer()  # the first window is in the middle of an update
    done: list[list[str]] = []
    worker = threading.Thread(target=lambda: done.append(second.sync_index()))
    worker.start()
    time.sleep(0.6)
    assert not done  # waiting, not failing and not corrupting
    held.cancel()
    worker.join(10)
    assert done and doc.id in done[0]
    assert Session(first.data_dir).search("独特词语").total == 1


def test_phrases_are_checked_in_every_segment_mapped_or_not(tmp_path: Path) -> None:
    """Each import adds a segment; the in-place phrase check must find blocks in all of them, and the
    column-reader fallback (a segment that is not memory-mapped) must give the same answer."""
    session = Session(tmp_path / "d")
    session.sync_index()
    imported = []
    for i, word in enumerate(["甲", "乙"]):
        src = tmp_path / f"plan{i}.txt"
        src.write_text(
            (DATA / "plan_with_headings.txt").read_text(encoding="utf-8") + f"\n散裂中子源测试词{word}。\n",
            encoding="utf-8",
        )
        imported.append(session.import_file(src)[0].id)
    state = session.index._state()
    assert len(state.leaves) >= 2
    docs = [session.document(), *(session.document(i) for i in imported)]
    want = {(d.id, b.index) for d in docs for b in d.blocks if "散裂中子源" in b.text}

    def hits() -> set[tuple[str, int]]:
        return {(h.doc, h.block) for h in session.search("散裂中子源", limit=None, use_synonyms=False).hits}

    assert hits() == want
    assert {d for d, _ in want} == {d.id for d in docs}
    state.ftext.parts = [None] * len(state.ftext.parts)  # as if no segment were mapped
    state.forget()
    assert hits() == want


def test_sync_reads_only_the_documents_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large library must not be read (and kept in memory) whole on every start: stamps come from the catalog."""
    session = Session(tmp_path / "d")
    files = []
    for i in range(3):
        src = tmp_path / f"plan{i}.txt"
        src.write_text((DATA / "plan_with_headings.txt").read_text(encoding="utf-8") + f"\n第{i}号测试。\n", "utf-8")
        files.append(src)
        session.import_file(src, index=False)
    assert len(session.sync_index()) == 4

    again = Session(session.data_dir)
    loads: list[str] = []
    real = again.library.load
    monkeypatch.setattr(again.library, "load", lambda doc_id: loads.append(doc_id) or real(doc_id))
    assert again.sync_index() == []
    assert [d for d in loads if d != "dongguan-14th-fyp"] == []  # the bundled plan is parsed to be shown anyway
    loads.clear()
    files[1].write_text(files[1].read_text(encoding="utf-8") + "新增一段。\n", "utf-8")
    doc, _, _ = again.import_file(files[1])
    assert loads == [doc.id]
    assert again.search("新增一段").total == 1
    assert again.library._cache.keys() <= {doc.id, "dongguan-14th-fyp"}


def test_cancelling_index_building_says_so_and_keeps_nothing_half_written(tmp_path: Path) -> None:
    from reader.errors import Cancelled

    session = Session(tmp_path / "data")
    with pytest.raises(Cancelled, match="已取消建立索引"):
        session.sync_index(None, lambda: True)
    # The next sync builds the whole index, and search finds what it should.
    session.sync_index()
    assert session.search("散裂中子源").total > 0
