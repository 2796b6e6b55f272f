"""Property tests on generated Chinese-like text: the structure parser, the target extractor and anchoring
never crash and keep their invariants. (`make fuzz` runs the importers on mutated files for longer.)"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.annotations.anchor import context, locate
from reader.document.importers.text import from_text
from reader.document.structure import build
from reader.errors import ImportFailed
from reader.targets.extract import extract

PIECES = [
    "第一篇 总体要求", "第二章 创新驱动", "第三节 人才", "一、", "（二）", "1.", "（3）", "第十二条", "专栏1", "附件",
    "到2025年", "地区生产总值", "达到", "1.3万亿元", "左右", "年均增长", "6%", "力争", "2020年", "比2015年", "翻一番",
    "三年内", "以上", "，", "。", "；", "——", "\n", "\n\n", " ", "GDP", "R&D", "50亿至100亿元", "2-3个", "两个", "十四五",
    "建设高水平大学。", "主页 > 新闻 >", "时间:2021-09-15 08:30", "\t", "％", "（", "）", "“", "”",
]  # fmt: skip
chinese_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _doc(text: str):  # type: ignore[no-untyped-def]
    """A document, or the importer's clear refusal (empty text); nothing else may escape."""
    try:
        return build(from_text(text, title="fuzz"), "fuzz")
    except ImportFailed:
        assume(False)


@FUZZ
@given(chinese_like)
def test_structure_parser_keeps_its_invariants(text: str) -> None:
    doc = _doc(text)
    node_ids = {n.id for n in doc.nodes()}
    for i, b in enumerate(doc.blocks):
        assert b.index == i
        assert b.node in node_ids
        assert b.text == b.text.strip() or b.text  # never empty
    for n in doc.nodes():
        assert 0 <= n.block < max(1, len(doc.blocks))
        if n.inferred:
            assert n.number is None  # no official-looking numbering for inferred nodes


@FUZZ
@given(chinese_like)
def test_target_extractor_spans_are_exact(text: str) -> None:
    doc = _doc(text)
    for t in extract(doc):
        block = doc.blocks[t.block]
        assert block.text[t.start : t.end] == t.text
        assert t.kind in ("target", "actual")
        for q in t.quantities:
            assert t.start <= q.start < q.end <= t.end
            assert block.text[q.start : q.end] == q.text


@FUZZ
@given(chinese_like, chinese_like, st.data())
def test_anchoring_always_returns_a_valid_place(old: str, new: str, data: st.DataObject) -> None:
    before, after = _doc(old), _doc(new)
    if not before.blocks or not after.blocks:
        return
    b = data.draw(st.sampled_from(before.blocks))
    start = data.draw(st.integers(0, len(b.text)))
    end = data.draw(st.integers(start, len(b.text)))
    quote, prefix, suffix = context(b.text, start, end)
    anchor = locate(after, b.id, b.index, start, end, quote, prefix, suffix)
    if anchor.status == "orphaned":
        return
    target = after.blocks[anchor.block]
    assert 0 <= anchor.start <= anchor.end <= len(target.text)
    if anchor.status in ("exact", "moved"):
        assert target.text[anchor.start : anchor.end] == quote
    # Re-anchoring in the same document is always exact.
    same = locate(before, b.id, b.index, start, end, quote, prefix, suffix)
    assert same.status in ("exact", "moved") or not quote
