"""Indicators side by side (issue #17) on the national 十四五 and 十五五 outlines; the pairs were read by hand from
their 主要指标 tables (tests/data/compare_cn14_cn15.tsv)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.document.importers import read_file
from reader.document.structure import build
from reader.paths import resources_dir
from reader.session import Session
from reader.targets.compare import Overrides, compare, load_groups, short_titles
from reader.targets.extract import extract
from tests.conftest import DATA
from tests.core.compare_accuracy import (
    gold_pairs,
    gold_patterns,
    pattern_precision_recall,
    precision_recall,
    table_pairs,
    table_to_text_pairs,
)

GROUPS = load_groups(resources_dir() / "dict" / "indicators.txt")


def _pair(ext: str):  # type: ignore[no-untyped-def]
    a = build(read_file(DATA / "corpus" / f"cn14_fyp_outline_p1-2.{ext}"), "cn14")
    b = build(read_file(DATA / "corpus" / f"cn15_fyp_outline_p1-2.{ext}"), "cn15")
    return a, b


@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_the_indicator_tables_pair_as_read_by_hand(ext: str) -> None:
    a, b = _pair(ext)
    comparison = compare([(a, extract(a)), (b, extract(b))], GROUPS)
    found = table_pairs(comparison, a, b)
    assert precision_recall(found, gold_pairs(DATA / "compare_cn14_cn15.tsv")) == (1.0, 1.0), found


def test_changes_and_units_are_marked_never_converted() -> None:
    a, b = _pair("txt")
    comparison = compare([(a, extract(a)), (b, extract(b))], GROUPS)
    rows = {r.name: r for r in comparison.rows}
    # 城镇调查失业率 ＜5.5 and 全社会研发经费投入增长 ＞7 in both tables: the same target
    assert rows["城镇调查失业率"].change == rows["全社会研发经费投入增长"].change == "same"
    # matched rows hold both plans, the others one, and the matched come first
    assert all(len(r.sides) == 2 for r in comparison.matched()) and len(comparison.matched()) >= 15
    assert comparison.rows[: len(comparison.matched())] == comparison.matched()
    alone = {id(r) for r in comparison.unmatched("cn14") + comparison.unmatched("cn15")}
    assert alone == {id(r) for r in comparison.rows if len(r.sides) == 1} and alone
    # 常住人口城镇化率: 65 % by 2025, 71 % by 2030 — raised; 单位GDP二氧化碳排放降低: 〔18〕 then 〔17〕 — lowered.
    assert rows["常住人口城镇化率"].change == "raised"
    assert rows["单位GDP二氧化碳排放降低"].change == "lowered"
    # 粮食综合生产能力: 亿吨 in the 十四五 table, 万亿斤 in the 十五五 one.
    grain = rows["粮食综合生产能力"]
    assert grain.units_differ and grain.change == "" and {s.unit for s in grain.sides.values()} == {"亿吨", "万亿斤"}
    # In the 十四五 table only / in the 十五五 table only.
    assert rows["单位GDP能源消耗降低"].change == "dropped"
    assert rows["非化石能源占能源消费总量比重"].change == "new"
    assert rows["常住人口城镇化率"].sides["cn14"].base.values == [60.6]  # type: ignore[union-attr]
    # 人均预期寿命: the 十四五 table targets an increase of 〔1〕 year, the 十五五 one a level of 80: not comparable.
    assert rows["人均预期寿命"].change == ""


def test_a_hand_match_and_a_hand_separation_win_over_the_names() -> None:
    a, b = _pair("txt")
    docs = [(a, extract(a)), (b, extract(b))]
    apart = Overrides(apart=[("cn14", "地表水达到或好于Ⅲ类水体比例", "cn15", "优良水体比例")])
    pairs = table_pairs(compare(docs, GROUPS, apart), a, b)
    assert ("地表水达到或好于Ⅲ类水体比例", "优良水体比例") not in pairs and len(pairs) == 14
    joined = Overrides(
        joined=[("cn14", "每千人口拥有执业（助理）医师数", "cn15", "执业医师数（每千人口拥有医护人员数）")]
    )
    pairs = table_pairs(compare(docs, GROUPS, joined), a, b)
    assert ("每千人口拥有执业（助理）医师数", "执业医师数（每千人口拥有医护人员数）") in pairs


def test_the_indicator_names_file_groups_every_line_after_its_comments() -> None:
    # resources/dict/indicators.txt opens with three comment lines; each later line is a group named by its first
    # name. Names are folded: 地区生产总值 inside a name reads as GDP, 比例 at the end as 比重.
    groups = load_groups(resources_dir() / "dict" / "indicators.txt")
    # Ⅲ is III in NFKC; the 14th plan's name goes to the 15th plan's
    assert groups["地表水达到或好于iii类水体比重"] == "优良水体比重"
    assert groups["常住人口城镇化率"] == "城镇化率" and groups["户籍人口城镇化水平"] == "户籍人口城镇化率"
    assert groups["数字经济核心产业增加值占gdp比重"] == "数字经济核心产业增加值占gdp比重"  # the last line
    assert not any(k.startswith("#") for k in groups)
    assert load_groups(resources_dir() / "dict" / "no-such-file.txt") == {}


def test_short_titles_drop_the_shared_opening() -> None:
    a, b = _pair("txt")
    assert short_titles([a, b]) == ["第十四个五年规划和2035年远景目标纲要", "第十五个五年规划纲要"]


def test_cli_compares_and_keeps_hand_matches(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    for name in ("cn14_fyp_outline_p1-2.txt", "cn15_fyp_outline_p1-2.txt"):
        shutil.copy(DATA / "corpus" / name, tmp_path / name)
    assert (
        main(
            [
                "--data-dir",
                data,
                "import",
                str(tmp_path / "cn14_fyp_outline_p1-2.txt"),
                str(tmp_path / "cn15_fyp_outline_p1-2.txt"),
            ]
        )
        == 0
    )
    a, b = capsys.readouterr()[0].split()
    spec = f"{a}:地表水达到或好于Ⅲ类水体比例={b}:优良水体比例"
    assert main(["--data-dir", data, "compare", a, b, "--apart", spec, "--json"]) == 0
    rows = __import__("json").loads(capsys.readouterr()[0])
    water = [r for r in rows if "水体" in r["指标"]]
    assert len(water) == 2  # kept apart
    assert Session(data).indicator_overrides().apart  # kept for later comparisons
    assert main(["--data-dir", data, "compare", a]) == 1  # one document is no comparison


def test_markdown_table_holds_each_plan_figures_as_in_its_table() -> None:
    from reader.targets.compare import to_markdown

    a, b = _pair("txt")
    md = to_markdown(compare([(a, extract(a)), (b, extract(b))], GROUPS)).splitlines()
    short = ["第十四个五年规划和2035年远景目标纲要", "第十五个五年规划纲要"]
    fields = ["指标", "基期值", "基期", "目标值", "目标年", "单位", "属性"]
    header = ["指标", "变化", "单位不同"] + [f"{s}·{f}" for s in short for f in fields]
    assert md[0] == "| " + " | ".join(header) + " |"
    assert md[1] == "|" + "---|" * len(header)
    # 3.常住人口城镇化率（%）: 60.6* (the note: 带*的为2019年数据) → 65 (2025) in the 十四五 table, 67.9 (2025) → 71 (2030) in the 十五五 one.
    row = next(line for line in md if line.startswith("| 常住人口城镇化率 |"))
    assert row == (
        "| 常住人口城镇化率 | 目标提高 |  | 常住人口城镇化率 | 60.6 | 2019 | 65 | 2025 | % | 预期性 "
        "| 常住人口城镇化率 | 67.9 | 2025 | 71 | 2030 | % | 预期性 |"
    )
    # 粮食综合生产能力: 亿吨 then 万亿斤 — flagged, not compared.
    grain = next(line for line in md if line.startswith("| 粮食综合生产能力 |"))
    assert grain.startswith("| 粮食综合生产能力 |  | 是 |")
    # 城镇调查失业率: ＜5.5 in both tables
    assert next(line for line in md if line.startswith("| 城镇调查失业率 |")).startswith(
        "| 城镇调查失业率 | 目标不变 |"
    )


def test_a_plan_and_a_later_work_report_of_the_same_city(seed_doc) -> None:  # type: ignore[no-untyped-def]
    # Outside the corpus: the bundled Dongguan 14th plan and Dongguan's 2026 work report (tests/data/heldout).
    # Comparing them raised ValueError (a figure whose indicator is only a change word, 增长65.9%, had no name to
    # match by). Pairs read from the two texts:
    #   GDP — plan: 到2025年GDP达到1.3万亿元左右; report: 力争到2030年地区生产总值突破1.7万亿元.
    #   PM2.5 — plan (review): PM2.5平均浓度下降到24微克/立方米; report: 从2020年的24微克/立方米降至20微克/立方米.
    #   R&D占比 — plan (review): R&D占比达3.06%左右; report: 从2020年的3.39%提至2024年的4.01%.
    report = build(read_file(DATA / "heldout" / "gwr_2026_dongguan.txt"), "gwr")
    comparison = compare([(seed_doc, extract(seed_doc)), (report, extract(report))], GROUPS)

    def row(plan_name: str):  # type: ignore[no-untyped-def]
        return next(r for r in comparison.rows if r.sides.get(seed_doc.id) and r.sides[seed_doc.id].name == plan_name)

    gdp = row("GDP")
    assert (gdp.sides[seed_doc.id].target.values, gdp.sides[seed_doc.id].target.year) == ([1.3], "2025")
    assert (gdp.sides["gwr"].target.values, gdp.sides["gwr"].target.year) == ([1.7], "2030")
    assert gdp.sides["gwr"].unit == gdp.sides[seed_doc.id].unit == "万亿元"
    pm = row("PM2.5平均浓度")
    assert (pm.sides[seed_doc.id].base.values, pm.sides["gwr"].base.values, pm.sides["gwr"].base.year) == (
        [24.0],
        [20.0],
        "2025",
    )
    rd = row("R&D占比")
    assert (rd.sides[seed_doc.id].base.values, rd.sides["gwr"].base.values, rd.sides["gwr"].base.year) == (
        [3.06],
        [4.01],
        "2024",
    )
    assert all(r.name != "增长" for r in comparison.rows)


@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_a_plan_table_and_a_work_report_outside_the_corpus_pair_as_read_by_hand(ext: str) -> None:
    """The 十五五 outline's 主要指标 table against the 2026 government work report (heldout), which states the same
    indicators in sentences: the 十五五 targets, 2025 and 十四五 results, the 2026 targets
    (tests/data/compare_cn15_gwr2026.tsv, read by hand)."""
    plan = build(read_file(DATA / "corpus" / f"cn15_fyp_outline_p1-2.{ext}"), "cn15")
    report = build(read_file(DATA / "heldout" / "gwr_2026_national.txt"), "gwr")
    comparison = compare([(plan, extract(plan)), (report, extract(report))], GROUPS)
    found = table_to_text_pairs(comparison, plan, report)
    gold = gold_patterns(DATA / "compare_cn15_gwr2026.tsv")
    assert pattern_precision_recall(found, gold) == (1.0, 1.0), sorted(found)
    # the research-spending growth target is not matched with the report's R&D intensity (a share of GDP)
    growth = next(b for a, b in found if a == "全社会研发经费投入增长")
    assert "强度" not in growth
