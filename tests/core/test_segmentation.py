"""The index's words are jieba's segmentation, computed by jieba-rs (the ``rjieba`` binding) for speed.

The reference is the jieba package itself, given the same policy-term dictionary: on real plans (the corpus, the
held-out work reports and the bundled plan) every Chinese word of search mode must be the same, in the same order.
Runs of Latin letters and digits are left out of the comparison: jieba-rs keeps a hyphenated run whole (2021-2025,
5g-a) where jieba cuts it at the hyphen, and adds pm2 beside pm2.5. Those words only weigh in ranking; finding a
block never depends on them (character grams do that).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import jieba  # a [dev] dependency: the reference, not used by the app
import pytest

from reader.search import text as T

from ..conftest import ROOT

POLICY_TERMS = ROOT / "resources" / "dict" / "policy_terms.txt"
DOCUMENTS = [
    *sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt")),
    ROOT / "resources" / "dongguan-14th-fyp.txt",
]
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def reference():  # type: ignore[no-untyped-def]
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = None
    tk.initialize()
    tk.load_userdict(str(POLICY_TERMS))
    return tk


@pytest.fixture
def policy_terms():  # type: ignore[no-untyped-def]
    T.configure_jieba(POLICY_TERMS)
    yield
    T.configure_jieba(None)


def test_chinese_words_equal_jiebas_on_real_plans(reference, policy_terms) -> None:  # type: ignore[no-untyped-def]
    paragraphs = [p for path in DOCUMENTS for p in path.read_text("utf-8").splitlines() if p.strip()]
    assert len(paragraphs) > 600 and len(DOCUMENTS) == 52
    differ = []
    for p in paragraphs:
        ours = [w for w in T.words(p) if HAN.search(w)]
        theirs = [w for w in reference.cut_for_search(T.fold(p), HMM=True) if HAN.search(w)]
        if ours != theirs:
            differ.append((p[:40], [w for w in ours if w not in theirs], [w for w in theirs if w not in ours]))
    assert not differ, (
        f"{len(differ)} paragraphs segmented differently (paragraph, ours only, jieba's only): {differ[:5]}"
    )


def test_policy_terms_are_cut_as_jieba_cuts_them(reference, policy_terms) -> None:  # type: ignore[no-untyped-def]
    """Each term of the user dictionary, in a sentence, is cut as jieba cuts it with the same dictionary (its
    frequency decides: 二〇三五年 at 10 still loses to 二 / 〇 / 三五年); without the dictionary 散裂中子源 would not
    be a word."""
    terms = T.user_words(POLICY_TERMS)
    assert len(terms) == 59 and terms[0] == ("散裂中子源", 20, "n")
    for term, _freq, _tag in terms:
        sentence = f"加快推进{term}建设"
        assert T.words(sentence) == [w for w in reference.cut_for_search(T.fold(sentence)) if T._WORD.search(w)], term
    assert {"散裂中子源", "松山湖科学城"} <= set(T.words("依托散裂中子源和松山湖科学城"))
    T.configure_jieba(None)
    assert "散裂中子源" not in T.words("依托散裂中子源和松山湖科学城")


def test_user_dictionary_lines_are_read_as_jieba_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text("\ufeff# 注释\n\n滨海湾新区 20 ns\n水乡新城\n松山湖 nz\n  \n", encoding="utf-8")
    assert T.user_words(path) == [("滨海湾新区", 20, "ns"), ("水乡新城", None, None), ("松山湖", None, "nz")]
