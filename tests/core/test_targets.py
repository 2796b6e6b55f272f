"""One test per rule in reader/targets/patterns.py, on real plan sentences, plus accuracy on the seed."""

from __future__ import annotations

import pytest

from reader.document.model import Block, BlockKind
from reader.targets.extract import extract, extract_block, find_quantities, plan_start_year
from tests.conftest import DATA
from tests.core.targets_accuracy import load_fixture, precision_recall


def figures(text: str, default: str = "target", start: int | None = 2021):  # type: ignore[no-untyped-def]
    block = Block(index=0, id="b", kind=BlockKind.PARAGRAPH, text=text, node="n1")
    return extract_block("doc", block, default, start)


def test_gdp_target_with_two_values_and_a_deadline() -> None:
    first, second = figures("到2025年GDP达到1.3万亿元左右，年均增长6%左右。")
    assert (first.kind, first.indicator, first.values, first.unit, first.year) == (
        "target",
        "地区生产总值",
        [1.3],
        "万亿元",
        "2025",
    )
    assert "达到" in first.qualifier and "左右" in first.qualifier
    assert (second.kind, second.values, second.unit, second.year) == ("target", [6.0], "%", "2025")
    assert second.indicator == "地区生产总值年均增长"
    assert first.text == "到2025年GDP达到1.3万亿元左右"


def test_lead_in_clause_belongs_to_the_target_span() -> None:
    (t,) = figures("力争到2025年，全市高新技术企业达8000家。")
    assert t.text == "力争到2025年，全市高新技术企业达8000家"
    assert (t.indicator, t.values, t.unit, t.year) == ("高新技术企业", [8000.0], "家", "2025")


def test_share_target_keeps_the_whole_indicator() -> None:
    (t,) = figures("高技术制造业占规模以上工业增加值比重达到42%。")
    assert t.indicator == "高技术制造业占规模以上工业增加值比重"
    assert t.qualifier == "达到"  # 规模以上 is a scope, not a comparator


def test_commitment_word_makes_a_target_and_names_indicator_after_the_value() -> None:
    (t,) = figures("力争新增5个以上千亿级产业集群。", default="actual")
    assert (t.kind, t.indicator, t.values, t.unit) == ("target", "千亿级产业集群", [5.0], "个")
    assert "以上" in t.qualifier


def test_target_year_carries_from_an_earlier_clause() -> None:
    (t,) = figures("到2025年，金融业增加值占地区生产总值比重争取达到7%。")
    assert (t.kind, t.indicator, t.year) == ("target", "金融业增加值占地区生产总值比重", "2025")


def test_horizon_and_doubling() -> None:
    (t,) = figures("力争三年内境内外上市企业达到100家、总市值翻番。")
    assert (t.year, t.indicator) == ("三年内", "境内外上市企业")
    assert [(q.value, q.unit) for q in t.quantities] == [(100.0, "家"), (2.0, "倍")]


def test_past_year_with_verb_is_an_actual() -> None:
    (t,) = figures("2020年达9650.19亿元。", default="target")
    assert (t.kind, t.values, t.unit, t.year) == ("actual", [9650.19], "亿元", "2020")


def test_review_section_makes_figures_without_cues_actual() -> None:
    (t,) = figures("R&D占比达3.06%左右。", default="actual")
    assert t.kind == "actual"


def test_cumulative_and_period_figures_are_actual() -> None:
    kinds = [f.kind for f in figures("五年累计引进内资项目16578宗，“十三五”期间累计建成城际轨道120公里。")]
    assert kinds == ["actual", "actual"]


def test_comparison_with_earlier_year_is_actual() -> None:
    (t,) = figures("是2015年的1.8倍和2.1倍。")
    assert (t.kind, t.values, t.unit) == ("actual", [1.8, 2.1], "倍")


def test_ranges_give_both_ends() -> None:
    (t,) = figures("积极引进一批50亿至100亿元级重特大新兴产业项目。")
    assert (t.values, t.unit, t.indicator) == ([50.0, 100.0], "亿元", "重特大新兴产业项目")
    (t,) = figures("力争在每个战略性新兴产业各引进培育2-3个具有较强竞争力的龙头企业。")
    assert (t.values, t.unit) == ([2.0, 3.0], "个")


def test_years_are_times_not_values() -> None:
    assert find_quantities("“十四五”时期(2021—2025年)") == []


def test_footnote_marks_and_names_are_not_quantities() -> None:
    assert find_quantities("重点培养一批“专精特新”2企业") == []
    assert find_quantities("争取创建“灯塔工厂”4。") == []
    assert find_quantities("PM2.5平均浓度") == []
    assert find_quantities("加强5G、工业自动化控制") == []


def test_slogans_in_quotes_and_ordinals_are_not_counts() -> None:
    assert find_quantities("增强“四个意识”、做到“两个维护”") == []
    assert find_quantities("相继成为全国第四个存款过万亿") == []


def test_chinese_counts_and_shares() -> None:
    assert [(q.value, q.unit) for q in find_quantities("支出占比超过七成")] == [(70.0, "%")]
    assert [(q.value, q.unit) for q in find_quantities("新增两个国家级平台")] == [(2.0, "个")]


def test_ratio() -> None:
    assert [q.text for q in find_quantities("三次产业比重为0.3:53.8:45.9")] == ["0.3:53.8:45.9"]


def test_doubling_words() -> None:
    assert [(q.value, q.text) for q in find_quantities("提前实现比2010年翻一番")] == [(2.0, "翻一番")]
    assert [(q.value, q.text) for q in find_quantities("翻两番")] == [(4.0, "翻两番")]
    assert find_quantities("持续推进企业“倍增计划”") == []


def test_age_bracket_is_not_a_value() -> None:
    assert find_quantities("吸引使用70岁以下大师级人才") == []


def test_magnitude_class_only_without_other_quantities() -> None:
    assert [(q.value, q.unit) for q in find_quantities("力争推动装备制造成为五千亿级先进制造业")] == [
        (5000.0, "亿元级")
    ]
    assert [q.text for q in find_quantities("力争新增5个以上千亿级产业集群")] == ["5个"]


def test_base_year_phrase_takes_subject_from_previous_clause() -> None:
    (t,) = figures("展望2035年，经济总量和城乡居民人均收入迈上新的大台阶，在2020年基础上翻一番。")
    assert (t.kind, t.year, t.indicator) == ("target", "2035", "经济总量和城乡居民人均收入")


def test_estimate_of_the_present_is_actual() -> None:
    (t,) = figures("人均地区生产总值预计超过11万元。")
    assert t.kind == "actual"


def test_plan_period_from_title(seed_doc) -> None:  # type: ignore[no-untyped-def]
    assert plan_start_year(seed_doc) == 2021


def test_spans_point_at_exact_text(seed_doc) -> None:  # type: ignore[no-untyped-def]
    for t in extract(seed_doc):
        assert seed_doc.blocks[t.block].text[t.start : t.end] == t.text
        for q in t.quantities:
            assert seed_doc.blocks[t.block].text[q.start : q.end] == q.text


def test_table_notes_are_not_figures(seed_doc) -> None:  # type: ignore[no-untyped-def]
    notes = {b.index for b in seed_doc.blocks if b.kind is BlockKind.NOTE}
    assert not any(t.block in notes for t in extract(seed_doc))


@pytest.mark.parametrize("kind", ["target", "actual"])
def test_precision_and_recall_on_the_seed(seed_doc, kind: str) -> None:  # type: ignore[no-untyped-def]
    precision, recall = precision_recall(extract(seed_doc), load_fixture(DATA / "seed_targets.tsv"), kind)
    assert precision >= 0.9 and recall >= 0.9
