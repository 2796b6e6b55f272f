"""Re-anchoring one annotation: each case is a real paragraph of the bundled plan, edited by hand.

The expected place of the quote follows from the edit written here (how many characters were inserted
before it, how many inside it), never from running the code.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.annotations.anchor import CONTEXT, Anchor, context, locate
from reader.document.model import Block, Document, block_ids

P61 = 61  # 完善科技成果转移转化机制。深化科技成果转化收益分配制度改革,…


def _with_texts(doc: Document, texts: dict[int, str]) -> Document:
    all_texts = [texts.get(b.index, b.text) for b in doc.blocks]
    ids = block_ids(all_texts)
    blocks = tuple(
        Block(index=b.index, id=ids[b.index], kind=b.kind, text=all_texts[b.index], node=b.node) for b in doc.blocks
    )
    return replace(doc, blocks=blocks)


def _quote(doc: Document, block: int, start: int, end: int) -> tuple[str, str, str]:
    return context(doc.blocks[block].text, start, end)


def test_context_keeps_32_characters_either_side_and_stops_at_the_ends() -> None:
    text = "一二三四五六七八九十" * 10  # 100 characters
    assert context(text, 5, 9) == ("六七八九", "一二三四五", text[9 : 9 + 32])
    assert context(text, 50, 52) == ("一二", text[18:50], text[52:84])
    assert context(text, 90, 100) == (text[90:], text[58:90], "")
    assert CONTEXT == 32


def test_the_same_paragraph_and_offsets_are_exact(seed_doc: Document) -> None:
    b = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 30)
    assert quote == "深化科技成果转化收益分配制度改革,"
    assert locate(seed_doc, b.id, P61, 13, 30, quote, prefix, suffix) == Anchor(P61, b.id, 13, 30, "exact")


def test_a_paragraph_edited_after_the_quote_keeps_the_offsets_and_is_moved(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 30)
    new = _with_texts(seed_doc, {P61: old.text + "新版本在段末加了一句。"})
    got = locate(new, old.id, P61, 13, 30, quote, prefix, suffix)
    assert got == Anchor(P61, new.blocks[P61].id, 13, 30, "moved")
    assert new.blocks[P61].id != old.id


def test_a_paragraph_that_moved_is_found_by_its_id(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 30)
    # Paragraphs 61 and 62 swap places: 61's text (and id) is now at 62.
    new = _with_texts(seed_doc, {61: seed_doc.blocks[62].text, 62: old.text})
    assert locate(new, old.id, P61, 13, 30, quote, prefix, suffix) == Anchor(62, old.id, 13, 30, "exact")


def test_an_empty_quote_is_orphaned_where_it_was(seed_doc: Document) -> None:
    assert locate(seed_doc, "gone", 70, 3, 3, "", "", "") == Anchor(70, "gone", 3, 3, "orphaned")


def test_a_moved_quote_is_found_where_its_context_matches_best(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    start = old.text.index("探索赋予科技人员")
    quote, prefix, suffix = _quote(seed_doc, P61, start, start + 8)
    # The sentence moves to the front of the paragraph; a second copy of the quote with other context is added
    # to paragraph 62, which is where the old offsets now point (index 61 text is unchanged but shorter).
    sentence_start = old.text.rindex("。", 0, start) + 1
    sentence_end = old.text.index("。", start) + 1
    sentence = old.text[sentence_start:sentence_end]
    moved_text = sentence + old.text[:sentence_start] + old.text[sentence_end:]
    new = _with_texts(seed_doc, {P61: moved_text, 62: "另外，" + quote + "的做法也在推广。" + seed_doc.blocks[62].text})
    got = locate(new, old.id, P61, start, start + 8, quote, prefix, suffix)
    want = sentence.index(quote)
    assert got == Anchor(P61, new.blocks[P61].id, want, want + 8, "moved")


def test_of_two_places_with_the_same_context_the_nearer_paragraph_wins(seed_doc: Document) -> None:
    line = "加快推进中试验证平台建设。"
    new = _with_texts(seed_doc, {64: line, 80: line})
    quote, prefix, suffix = "中试验证平台", "加快推进", "建设。"
    assert locate(new, "old", 66, 4, 10, quote, prefix, suffix).block == 64
    assert locate(new, "old", 78, 4, 10, quote, prefix, suffix).block == 80
    # Beyond 50 paragraphs distance counts no more: one more character of context in the last paragraph
    # (118 away) outweighs the next paragraph.
    new = _with_texts(seed_doc, {1: line, 118: "并加快推进中试验证平台建设。"})
    assert locate(new, "old", 0, 4, 10, quote, "并加快推进", suffix).block == 118


def test_a_longer_common_prefix_outweighs_a_nearer_paragraph(seed_doc: Document) -> None:
    new = _with_texts(seed_doc, {64: "大力推进中试验证平台建设。", 70: "，推进中试验证平台建设。"})
    quote = "中试验证平台"
    # The old prefix ended in "，推进": 3 characters in common with paragraph 70, 2 with paragraph 64.
    assert locate(new, "old", 66, 4, 10, quote, "要求，推进", "建设。").block == 70
    # And the suffix counts the same way.
    new = _with_texts(seed_doc, {64: "推进中试验证平台建。", 70: "推进中试验证平台建设。"})
    assert locate(new, "old", 66, 2, 8, quote, "推进", "建设。").block == 70


EDIT_10 = {5: "甲", 15: "乙", 25: "丙", 35: "丁"}  # 4 of 40 characters replaced
EDIT_20 = {2: "甲", 7: "乙", 12: "丙", 17: "丁", 22: "戊", 27: "己", 32: "庚", 37: "辛"}  # 8 of 40
EDIT_40 = {i: "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[n] for n, i in enumerate(range(1, 40, 5))} | {
    i: "午未申酉戌亥天地"[n] for n, i in enumerate(range(3, 40, 5))
}  # 16 of 40


def _replaced(text: str, edits: dict[int, str]) -> str:
    chars = list(text)
    for i, c in edits.items():
        chars[i] = c
    return "".join(chars)


@pytest.mark.parametrize("edits", [EDIT_10, EDIT_20], ids=["10%", "20%"])
def test_an_edited_quote_is_found_fuzzily_at_its_new_place(seed_doc: Document, edits: dict[int, str]) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 53)
    edited = _replaced(quote, edits)
    inserted = "据新版本补充，"  # 7 characters before the quote
    new = _with_texts(seed_doc, {P61: old.text[:13] + inserted + edited + old.text[53:]})
    got = locate(new, old.id, P61, 13, 53, quote, prefix, suffix)
    assert got == Anchor(P61, new.blocks[P61].id, 20, 60, "fuzzy")


def test_a_quote_with_words_inserted_takes_them_in(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 53)
    edited = quote[:25] + "进一步" + quote[25:]  # 3 characters inserted after the first 25
    new = _with_texts(seed_doc, {P61: old.text[:13] + edited + "，新增" + old.text[53:]})
    got = locate(new, old.id, P61, 13, 53, quote, prefix, suffix)
    assert got == Anchor(P61, new.blocks[P61].id, 13, 56, "fuzzy")


def test_a_quote_with_words_removed_gives_them_up(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 53)
    edited = quote[:30] + quote[32:]  # 2 characters removed
    new = _with_texts(seed_doc, {P61: old.text[:13] + edited + old.text[53:]})
    got = locate(new, old.id, P61, 13, 53, quote, prefix, suffix)
    assert got == Anchor(P61, new.blocks[P61].id, 13, 51, "fuzzy")


def test_a_quote_rewritten_by_40_percent_is_orphaned_not_attached_elsewhere(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 53)
    edited = _replaced(quote, EDIT_40)
    assert sum(a != b for a, b in zip(quote, edited, strict=True)) == 16
    new = _with_texts(seed_doc, {P61: old.text[:13] + edited + old.text[53:]})
    assert locate(new, old.id, P61, 13, 53, quote, prefix, suffix) == Anchor(P61, old.id, 13, 53, "orphaned")


def test_of_two_fuzzy_places_the_nearer_paragraph_wins(seed_doc: Document) -> None:
    old = seed_doc.blocks[P61]
    quote, prefix, suffix = _quote(seed_doc, P61, 13, 53)
    edited = _replaced(quote, EDIT_10)
    text = old.text[:13] + edited + old.text[53:]
    new = _with_texts(seed_doc, {P61: text, 90: text})
    assert locate(new, old.id, P61, 13, 53, quote, prefix, suffix).block == P61
    assert locate(new, old.id, 88, 13, 53, quote, prefix, suffix).block == 90


def test_beyond_fifty_paragraphs_distance_no_longer_counts_and_the_first_place_wins(seed_doc: Document) -> None:
    # Paragraph 10 lies 51 paragraphs before the old place (61), paragraph 111 lies 50 after it, both with the
    # same context. Past 50 paragraphs distance counts no more, so the two tie, and a tie goes to the place
    # that comes first in the document.
    line = "加快推进中试验证平台建设。"
    new = _with_texts(seed_doc, {10: line, 111: line})
    assert locate(new, "old", P61, 4, 10, "中试验证平台", "加快推进", "建设。").block == 10
