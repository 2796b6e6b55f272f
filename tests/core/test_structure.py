from __future__ import annotations

from pathlib import Path

import pytest

from reader.document.headings import cn_to_int, lead_sentence, short_title
from reader.document.importers import read_file
from reader.document.model import BlockKind, Metadata, NodeKind, RawDocument, RawParagraph
from reader.document.structure import build
from tests.conftest import DATA
from tests.core.outline_accuracy import precision_recall


def parse(name: str):  # type: ignore[no-untyped-def]
    return build(read_file(DATA / name), "t")


@pytest.mark.parametrize(
    "fixture",
    ["plan_with_headings", "plan_enumerations", "regulation_articles", "plan_toc_preface", "emergency_plan_decimal"],
)
def test_tree_of_documents_with_headings_matches_hand_annotation(fixture: str) -> None:
    doc = parse(f"{fixture}.txt")
    precision, recall = precision_recall(doc, DATA / f"{fixture}.expected.tsv")
    assert (precision, recall) == (1.0, 1.0)


def test_a_contents_list_and_a_preface_of_a_real_plan() -> None:
    # The 十五 plan (2001) as a web copy gives it: its 目录 lists 序　　言 (spaced), the body says 序言. The contents
    # list is one 目录 node, never headings; 序言 is a top-level part and 第一篇 its sibling, not its child.
    doc = parse("plan_toc_preface.txt")
    roots = doc.outline
    assert [n.label for n in roots[:3]] == ["目录", "序言", "第一篇 指导方针和目标"]
    assert len(roots) == 12 and all(n.kind is NodeKind.PART for n in roots[2:])
    assert sum(1 for n in doc.nodes() if n.kind is NodeKind.CHAPTER) == 26  # as its 目录 lists them


def test_articles_numbered_by_chapter_in_a_standard() -> None:
    # 第 7.9 条 (spaced, decimal) in a PDF of a provincial standard: articles, not paragraphs under an inferred node.
    from tests.conftest import ROOT

    doc = build(read_file(ROOT / "tests" / "fixtures" / "pdf" / "issue-336-example.pdf"), "t")
    precision, recall = precision_recall(doc, DATA / "standard_articles_336.expected.tsv")
    assert (precision, recall) == (1.0, 1.0)


def test_a_list_item_inside_a_decimal_section_is_not_a_chapter() -> None:
    # In the emergency plan, a list numbered 1. 2. inside 1.3 goes back in the numbering: items, not chapters 1 and 2.
    text = (DATA / "emergency_plan_decimal.txt").read_text(encoding="utf-8").splitlines()
    lines = [*text[:8], "1. 自然灾害", "2. 事故灾难", *text[12:]]
    raw = RawDocument(paragraphs=[RawParagraph(t) for t in lines], meta=Metadata(title="t"))
    chapters = [n.label for n in build(raw, "t").nodes() if n.kind is NodeKind.CHAPTER]
    assert chapters == ["1.总则"]


def test_a_decimal_contents_list_is_one_contents_node_never_headings() -> None:
    # 明溪县食品安全事故应急预案: its 目录 lists 1总则……3, 1.1编制目的……3 … with leader dots and page numbers;
    # the stored copy ends with the list. Before, 1.1–1.5 became sections titled with their dots.
    doc = parse("emergency_plan_contents.txt")
    contents = [n for n in doc.nodes() if n.label == "目录"]
    assert len(contents) == 1 and not contents[0].children
    assert not any("……" in n.label or "编制目的" in n.label for n in doc.nodes())  # no entry became a heading
    assert all(b.node == contents[0].id for b in doc.blocks[contents[0].block :])


def test_decimal_heading_grammar() -> None:
    # The numbering of 应急预案 and standards (the State Council plan the issue names writes 1　总则, 1.1　编制目的),
    # and the number-led body text it must not take for headings.
    from reader.document.headings import decimal_heading

    assert decimal_heading("1　总则") == (1, "1", "总则")
    assert decimal_heading("1.1　编制目的") == (2, "1.1", "编制目的")
    assert decimal_heading("1.1编制目的") == (2, "1.1", "编制目的")
    assert decimal_heading("4.2.3 国家层面应急响应") == (3, "4.2.3", "国家层面应急响应")
    for text in (
        "1.5亿元",
        "2020年",
        "3 年内完成改造",
        "1 000 亿元",
        "2.3%",
        "4.3 应急响应启动后，立即报告。",
        "1总则",
    ):
        assert decimal_heading(text) is None, text


def test_inferred_tree_of_bundled_plan_is_close_to_hand_annotation(seed_doc) -> None:  # type: ignore[no-untyped-def]
    precision, recall = precision_recall(seed_doc, DATA / "seed_outline.expected.tsv")
    assert precision >= 0.95 and recall >= 0.95


def test_inferred_nodes_are_marked_and_never_numbered(seed_doc) -> None:  # type: ignore[no-untyped-def]
    nodes = list(seed_doc.nodes())
    assert nodes and all(n.inferred and n.number is None for n in nodes)


def test_lead_sentence_becomes_item_title(seed_doc) -> None:  # type: ignore[no-untyped-def]
    titles = [n.title for n in seed_doc.nodes() if n.kind is NodeKind.ITEM]
    assert "建设高水平大学和科研机构" in titles
    assert "经济综合实力迈上新台阶" in titles  # from a —— bullet


def test_numbered_table_notes_are_notes_not_headings(seed_doc) -> None:  # type: ignore[no-untyped-def]
    block = next(b for b in seed_doc.blocks if b.text.startswith("2.地区生产总值2025年绝对数"))
    assert block.kind is BlockKind.NOTE
    assert seed_doc.node(block.node).kind is NodeKind.NOTES


def test_page_chrome_is_metadata_not_body(seed_doc) -> None:  # type: ignore[no-untyped-def]
    assert seed_doc.meta.breadcrumb == "主页 > 冷库知识 >"
    assert seed_doc.meta.date == "2021-09-15 08:30"
    assert not any(b.text.startswith(("主页", "时间:")) for b in seed_doc.blocks)


def test_every_block_belongs_to_an_existing_node(seed_doc) -> None:  # type: ignore[no-untyped-def]
    ids = {n.id for n in seed_doc.nodes()}
    assert all(b.node in ids for b in seed_doc.blocks)


def test_table_note_after_zhu_is_not_a_heading() -> None:
    doc = parse("plan_with_headings.txt")
    note = next(b for b in doc.blocks if b.text.startswith("2.地区生产总值2025年绝对数"))
    assert note.kind is BlockKind.NOTE
    assert not any(n.title.startswith("地区生产总值2025年") for n in doc.nodes())


def test_measure_words_and_decimals_are_not_headings() -> None:
    doc = parse("plan_enumerations.txt")
    kinds = {b.text[:4]: b.kind for b in doc.blocks}
    assert kinds["第一封信"] is BlockKind.PARAGRAPH
    assert kinds["第三方机"] is BlockKind.PARAGRAPH
    assert kinds["1.3万"] is BlockKind.PARAGRAPH


def test_enumeration_numbering_restarts_per_parent() -> None:
    doc = parse("plan_enumerations.txt")
    second = next(n for n in doc.outline if n.number == "二、")
    numbers = [c.number for c in second.children]
    assert numbers == ["（一）", "（二）"]
    assert [c.number for c in second.children[1].children] == ["1."]


def test_table_of_contents_does_not_duplicate_the_tree() -> None:
    doc = parse("plan_with_headings.txt")
    parts = [n for n in doc.outline if n.kind is NodeKind.PART]
    assert [p.number for p in parts] == ["第一篇", "第二篇"]
    assert doc.outline[0].title == "目录"


def test_box_content_stays_inside_the_box() -> None:
    doc = parse("plan_with_headings.txt")
    box = next(n for n in doc.nodes() if n.kind is NodeKind.BOX and (n.number or "").startswith("专栏"))
    inside = [b for b in doc.blocks if b.node == box.id]
    assert [b.kind for b in inside] == [BlockKind.HEADING, BlockKind.BOX, BlockKind.BOX]


def test_title_line_becomes_document_title() -> None:
    doc = parse("regulation_articles.txt")
    assert doc.title == "东莞市促进科技创新条例"


def test_chinese_numerals() -> None:
    assert [cn_to_int(x) for x in ["一", "十", "十二", "二十三", "一百零五", "１２", "两"]] == [
        1,
        10,
        12,
        23,
        105,
        12,
        2,
    ]


def test_lead_sentence_rules() -> None:
    assert lead_sentence("建设高水平大学和科研机构。以国际化视野……") == "建设高水平大学和科研机构"
    assert lead_sentence("从国际形势看,和平与发展仍然是时代主题。") == "从国际形势看"
    assert (
        lead_sentence(
            "坚持战略需求导向,对标全球主要科学中心和创新高地,携手深圳共建大湾区综合性国家科学中心先行启动区。"
        )
        is None
    )


def test_short_title_keeps_a_time_phrase_with_its_clause() -> None:
    assert short_title("“十三五”时期,在党中央坚强领导下,东莞切实增强").startswith("“十三五”时期，在党中央")


def test_heading_hints_from_html_or_docx_are_used(tmp_path: Path) -> None:
    from reader.document.model import Metadata, RawDocument, RawParagraph

    raw = RawDocument(
        [
            RawParagraph("总体要求", heading_level=2),
            RawParagraph("正文一。"),
            RawParagraph("重点任务", heading_level=2),
        ],
        Metadata(title="t"),
    )
    doc = build(raw, "t")
    assert [n.title for n in doc.outline] == ["总体要求", "重点任务"]
    assert not any(n.inferred for n in doc.nodes())


def test_a_table_caption_stands_in_the_tree_under_its_section(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.document.importers import read_file
    from reader.document.structure import build

    path = tmp_path / "plan.txt"
    path.write_text(
        "第三章　主要目标\n第二节　主要指标\n“十四五”时期经济社会发展主要指标见表1。\n表1　“十四五”时期经济社会发展主要指标\n"
        "类别\t指标\t2020年\t2025年\t属性\n经济发展\t1.国内生产总值（GDP）增长（%）\t2.3\t—\t预期性\n"
        "第三节　战略导向\n推动高质量发展。\n",
        encoding="utf-8",
    )
    doc = build(read_file(path), "t")
    section = doc.outline[0].children[0]
    assert section.title == "主要指标"
    (box,) = section.children
    assert (box.number, box.title, box.kind.value) == ("表1", "“十四五”时期经济社会发展主要指标", "box")
    assert [b.kind.value for b in doc.blocks if b.node == box.id] == ["heading", "table_row", "table_row"]
    # A sentence that mentions 表1 is not a caption.
    assert doc.blocks[2].kind.value != "heading"


def test_a_session_label_above_the_title_is_not_the_title() -> None:
    # Dongguan's 2026 work report opens with the label 市十七届人大六次会议文件（三）, then its title 政府工作报告.
    doc = parse("heldout/gwr_2026_dongguan.txt")
    assert doc.title == "政府工作报告"
    assert doc.blocks[0].text == "市十七届人大六次会议文件（三）" and doc.blocks[1].kind is BlockKind.HEADING


def test_a_news_agency_dateline_above_the_title_is_not_the_title() -> None:
    # The 十三五 outline as Xinhua carried it (gov.cn, 2016-03-17): the dateline, then the title, then the preamble.
    from reader.document.importers.text import from_text

    text = (
        "新华社北京3月17日电\n中华人民共和国国民经济和社会发展第十三个五年规划纲要\n"
        "中华人民共和国国民经济和社会发展第十三个五年（2016－2020年）规划纲要，根据《中共中央关于制定国民经济和社会发展"
        "第十三个五年规划的建议》编制，主要阐明国家战略意图，明确经济社会发展宏伟目标、主要任务和重大举措。\n"
    )
    doc = build(from_text(text, title="2016-十三五规划纲要"), "x")
    assert doc.title == "中华人民共和国国民经济和社会发展第十三个五年规划纲要"
    assert doc.blocks[0].text == "新华社北京3月17日电" and doc.blocks[1].kind is BlockKind.HEADING


def test_a_contents_entry_with_no_contents_list_is_kept_as_text() -> None:
    # Found by hypothesis ("..0"): a line shaped like a contents entry (title, leaders, page number) with no 目录
    # above it raised IndexError while the tree was built. It is text like any other line.
    from reader.document.importers.text import from_text

    for text in ("..0", "总则……3"):
        doc = build(from_text(text, title="x"), "x")
        assert [b.text for b in doc.blocks] == [text]
        assert [n.title for n in doc.nodes()] == [text]


def test_a_preface_before_parts_numbered_yi_er_is_their_sibling() -> None:
    # The 九五 outline (1996): title, approval line, 「序言」, then 「一、“八五”计划完成情况」 「二、国民经济和社会发展的指导
    # 方针和奋斗目标」. The approval line made a second 序言 node of its own, and 一、 二、 were read as parts of the 序言.
    doc = build(read_file(DATA / "heldout" / "cn9_fyp_outline_to_2010_goals.txt"), "cn9")
    assert [(n.kind, n.label) for n in doc.outline] == [
        (NodeKind.PREFACE, "序言"),
        (NodeKind.ITEM, "一、“八五”计划完成情况"),
        (NodeKind.ITEM, "二、国民经济和社会发展的指导方针和奋斗目标"),
    ]
    assert doc.blocks[1].text.startswith("（一九九六年三月十七日") and doc.blocks[1].node == doc.outline[0].id
    assert [n.label for n in doc.outline[2].children][:3] == [
        "（一）未来十五年的国内外环境和条件",
        "（二）国民经济和社会发展的指导方针",
        "（三）“九五”国民经济和社会发展的奋斗目标",
    ]
