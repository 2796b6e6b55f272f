"""Targets on real plan text: one behaviour per test.

Every sentence here is quoted from a real document — the corpus plans (tests/data/corpus), the bundled Dongguan
plan, or real plans and reports that are not in the corpus (cited by source) — and every expected value was
read off the sentence, not taken from the program's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document.frame import period_containing, read_frame
from reader.document.importers import read_file
from reader.document.model import Document, NodeKind
from reader.document.structure import build
from reader.targets.extract import Target, extract
from reader.targets.quantities import find_quantities
from tests.conftest import DATA

CORPUS = DATA / "corpus"


def doc_of(tmp_path: Path, *lines: str, name: str = "plan.txt") -> Document:
    """A document made by the app's own text importer from real lines."""
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build(read_file(path), "t")


def corpus_doc(name: str) -> Document:
    return build(read_file(CORPUS / name), name)


def values(text: str) -> list[tuple[list[float], str]]:
    return [(q.values, q.unit) for q in find_quantities(text)]


def one(found: list[Target], fragment: str) -> Target:
    (t,) = [t for t in found if fragment in t.text]
    return t


# ---------------------------------------------------------------- the quantity grammar


def test_compound_units_are_kept_whole() -> None:
    # 十五五纲要 第三章; 浙江省2026年政府工作报告.
    assert values("能源综合生产能力达到58亿吨标准煤") == [([58.0], "亿吨标准煤")]
    assert values("粮食综合生产能力达到1.45万亿斤左右") == [([1.45], "万亿斤")]
    assert values("全员劳动生产率达到30万元/人左右") == [([30.0], "万元/人")]
    assert values("地级及以上城市细颗粒物（PM2.5）浓度降至27微克/立方米以下") == [([27.0], "微克/立方米")]


def test_percentage_points_and_per_mille_are_units() -> None:
    # 十三五纲要: 婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别降为7.5‰、9.5‰、18/10万.
    assert values("婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别降为7.5‰、9.5‰、18/10万") == [
        ([7.5], "‰"),
        ([9.5], "‰"),
        ([18.0], "/10万"),
    ]
    assert values("提高2个百分点") == [([2.0], "个百分点")]


def test_a_ratio_is_one_value_list() -> None:
    # 东莞十四五纲要 (bundled): 三次产业比重为0.3:53.8:45.9.
    assert values("三次产业比重为0.3:53.8:45.9") == [([0.3, 53.8, 45.9], "")]


def test_a_ratio_index_takes_its_bare_number() -> None:
    # 南京市2026年政府工作报告.
    assert values("城乡居民收入比缩小至2.13") == [([2.13], "")]


def test_spaced_and_full_width_digits_are_numbers() -> None:
    assert values("增长6 .5 %左右") == [([6.5], "%")]
    assert values("增长６．５％") == [([6.5], "%")]


def test_ranges_give_both_ends() -> None:
    # 南京市2026年政府工作报告; 2026年国务院政府工作报告 (not in the corpus).
    assert values("新增1—2家国家级企业技术中心") == [([1.0, 2.0], "家")]
    assert values("经济增长4.5%—5%") == [([4.5, 5.0], "%")]
    # the bundled plan's 「积极引进一批50亿至100亿元级重特大新兴产业项目」: the range carries 亿 to its first end; with 级
    # after it the range is a class of projects, not an amount (its hand-made gold marks it optional)
    assert values("积极引进一批50亿至100亿元") == [([50.0, 100.0], "亿元")]
    assert values("积极引进一批50亿至100亿元级重特大新兴产业项目") == []


def test_the_plans_own_parts_are_no_values() -> None:
    # 广西壮族自治区2016年政府工作报告 (not in the corpus) on the 十三五 outline it presents.
    assert values("《纲要草案》共分3大板块14篇60章") == []


def test_years_months_and_horizons_are_times_not_values() -> None:
    assert values("习近平总书记2023年7月在江苏考察期间") == []
    assert values("“十四五”时期(2021—2025年)") == []
    assert values("服务外包总执行额连续7年居全国首位") == []
    assert values("过去5年") == []


def test_a_duration_at_the_end_of_a_clause_is_a_value() -> None:
    # 十五五纲要: 劳动年龄人口平均受教育年限提高到11.7年.
    assert values("劳动年龄人口平均受教育年限提高到11.7年") == [([11.7], "年")]


def test_names_with_digits_are_not_quantities() -> None:
    # 浙江/南京 2026 reports: “415X”, “1026”, “6+N”, G60; 东莞纲要: 5G, PM2.5; 1类创新药 is a drug class.
    assert values("“415X”集群营收突破13万亿元") == [([13.0], "万亿元")]
    assert values("构建“1026”先进制造业集群体系和“6+N”未来产业培育体系") == []
    assert values("加强5G、工业自动化控制") == []
    assert values("PM2.5平均浓度") == []
    assert values("进入上市阶段的1类创新药4款") == [([4.0], "款")]
    assert values("加快500千伏雄伟站、五雄线等电网项目建设") == []


def test_counted_slogans_and_task_counts_are_not_quantities() -> None:
    assert values("统筹国内国际两个大局") == []
    assert values("增强“四个意识”、坚定“四个自信”、做到“两个维护”") == []
    assert values("突出抓好以下八个方面工作") == []
    assert values("提出了十二类45项民生实事候选项目") == []
    # 2026年国务院政府工作报告: counts of the plan's own indicators and projects.
    assert values("《纲要（草案）》细化提出20项主要指标") == []


def test_numeral_idioms_and_place_names_are_not_quantities() -> None:
    assert values("推动元通、百家湖、桥北等商圈能级提升") == []
    assert values("全方位赋能千行百业、走进千家万户") == []
    assert values("十年倍增行动") == []


def test_a_size_class_counts_only_as_a_goal_complement() -> None:
    assert values("推动万亿级软件产业“再出发”") == []
    assert values("力争推动装备制造成为五千亿级先进制造业") == [([5000.0], "亿元级")]


def test_thresholds_that_select_things_are_not_values() -> None:
    # 东莞纲要: the 30亿元 says which projects count; 3岁以下 says which children.
    assert values("逐步推进镇街(园区)招引投资规模30亿元以上的产业龙头项目") == []
    assert values("3岁以下婴幼儿入托率") == []


def test_chinese_numerals_with_a_magnitude_and_multiples() -> None:
    assert values("提前实现比2010年翻一番") == [([1.0], "番")]
    assert values("支出占比超过七成") == [([70.0], "%")]
    assert values("是2015年的1.8倍和2.1倍") == [([1.8], "倍"), ([2.1], "倍")]
    # the bundled plan: 「高端装备制造业突破五千亿关口」 — 5,000 亿, written out in characters
    assert [(q.values, q.unit, q.text, q.start) for q in find_quantities("高端装备制造业突破五千亿关口")] == [
        ([5000.0], "亿", "五千亿", 9)
    ]


# ---------------------------------------------------------------- the plan's frame


def test_period_from_the_opening_line() -> None:
    frame = read_frame(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    assert frame.period is not None and (frame.period.start, frame.period.end) == (2026, 2030)


def test_report_year_from_a_work_report_heading() -> None:
    frame = read_frame(corpus_doc("nanjing_2026_gwr_p2-3.txt"))
    assert frame.report_year == 2026
    assert frame.period is not None and frame.period.end == 2030


def test_report_year_from_the_dateline_under_the_title(tmp_path: Path) -> None:
    # 东莞市2026年政府工作报告 (not in the corpus): the year is only in the dateline.
    doc = doc_of(
        tmp_path,
        "政府工作报告",
        "——2026年2月4日在东莞市第十七届人民代表大会第六次会议上",
        "东莞市常务副市长曾坚朋",
        "各位代表：",
    )
    frame = read_frame(doc)
    assert frame.report_year == 2026
    assert frame.period is not None and (frame.period.start, frame.period.end) == (2026, 2030)


# ---------------------------------------------------------------- target or past figure, and which year


def test_a_review_of_the_last_plan_reports_past_figures() -> None:
    found = extract(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    t = one(found, "国内生产总值突破140万亿元")
    assert (t.kind, t.year, t.values, t.unit) == ("actual", "2025", [140.0], "万亿元")


def test_goals_without_a_year_fall_due_at_the_end_of_the_period() -> None:
    found = extract(corpus_doc("cn14_fyp_outline_p1-2.txt"))
    t = one(found, "森林覆盖率提高到24.1%")
    assert (t.kind, t.year, t.year_implied, t.indicator) == ("target", "2025", True, "森林覆盖率")
    # nothing in the clause says why it is a goal: the section it stands in does (第二节 …主要目标)
    t = one(found, "城镇调查失业率控制在5.5%以内")
    assert (t.kind, t.year, t.year_implied, t.reason) == ("target", "2025", True, "“十四五”时期经济社会发展主要目标")


def test_a_commitment_governs_the_figures_after_it_not_those_before() -> None:
    # 十四五 outline, 主要目标: 「全社会研发经费投入年均增长7%以上、力争投入强度高于“十三五”时期实际，…，常住人口
    # 城镇化率提高到65%」. 力争 opens the item after 7%以上 (the intensity, which has no figure); the 7% and the 65%
    # are goals because of the section they stand in, as the 5.5% above.
    found = extract(corpus_doc("cn14_fyp_outline_p1-2.txt"))
    for fragment in ("全社会研发经费投入年均增长7%以上", "常住人口城镇化率提高到65%"):
        t = one(found, fragment)
        assert (t.kind, t.year, t.reason) == ("target", "2025", "“十四五”时期经济社会发展主要目标"), fragment
    # and the highlight stops where the commitment's own item starts
    assert one(found, "全社会研发经费投入年均增长7%以上").text == "全社会研发经费投入年均增长7%以上"


def test_a_year_ahead_of_the_document_is_the_figures_deadline(tmp_path: Path) -> None:
    # 十二五规划纲要 (2011, not in the corpus), 第二十八章 第四节, last sentence: the 4% is due in 2012, not at the
    # end of the plan period as the section's other goals are.
    doc = doc_of(
        tmp_path,
        "中华人民共和国国民经济和社会发展第十二个五年规划纲要",
        "第二十八章　加快教育改革发展",
        "第四节　深化教育体制改革",
        "健全以政府投入为主、多渠道筹集教育经费的体制，2012年财政性教育经费支出占国内生产总值比例达到4%。",
    )
    (t,) = extract(doc)
    assert (t.kind, t.year, t.values, t.unit, t.reason) == ("target", "2012", [4.0], "%", "2012年")


@pytest.mark.parametrize(
    ("source", "fragment", "expected"),
    [
        # The words that decide a figure, as the tooltip shows them (判断依据), read in each sentence; the year is
        # implied (the plan's end) only for a goal whose sentence and section give none (力争新增5个…).
        ("seed", "提前实现比2010年翻一番", ("actual", "2020", "提前实现", False)),
        ("seed", "人均地区生产总值预计超过11万元", ("actual", "2020", "预计超过", False)),
        ("seed", "力争三年内境内外上市企业达到100家", ("target", "2023", "三年内", False)),
        ("seed", "力争新增5个以上千亿级产业集群", ("target", "2025", "力争", True)),
        ("seed", "“十三五”期间累计建成城际轨道120公里", ("actual", "2020", "“十三五”期间", False)),
        (
            "heldout/gwr_2026_dongguan.txt",
            "“十四五”期间完成高技术制造业投资超3000亿元",
            ("actual", "2025", "“十四五”期间", False),
        ),
        ("corpus/nanjing_2026_gwr_p2-3.txt", "力争行业融资总规模超70亿元", ("target", "2026", "力争", False)),
        (
            "corpus/agri_mechanization_opinion_2018.txt",
            "全国农机总动力超过10亿千瓦",
            ("target", "2020", "到2020年", False),
        ),
        ("corpus/cn14_fyp_outline_p1-2.txt", "⑤2020年全员劳动生产率增长2.5%", ("actual", "2020", "2020年", False)),
        ("heldout/cn12_fyp_outline_ch1-3.txt", "2010年国内生产总值达到39.8万亿元", ("actual", "2010", "2010年", False)),
    ],
)
def test_each_figure_says_what_decided_it(
    source: str, fragment: str, expected: tuple[str, str, str, bool], seed_doc
) -> None:  # type: ignore[no-untyped-def]
    doc = seed_doc if source == "seed" else build(read_file(DATA / source), "d")
    t = one(extract(doc), fragment)
    assert (t.kind, t.year, t.reason, t.year_implied) == expected


def test_a_heading_that_looks_ahead_is_not_a_review(tmp_path: Path) -> None:
    # 佛山市2026年政府工作报告 (not in the corpus): 「取得更大成效」 is a goal, not an achievement.
    doc = doc_of(
        tmp_path,
        "2026年佛山市政府工作报告",
        "一、“十四五”时期和2025年工作回顾",
        "新增上市企业21家、总数达84家。",
        "三、2026年工作安排",
        "（三）深入建设省城乡区域协调发展改革创新实验区，推动“百千万工程”取得更大成效",
        "加快建设环两江先行区。有序推进桑园围岭南水乡融合片区等14个重点片区建设。",
    )
    found = extract(doc)
    assert one(found, "新增上市企业21家").kind == "actual"
    t = one(found, "14个重点片区")
    assert (t.kind, t.year) == ("target", "2026")


def test_a_work_report_states_targets_for_its_own_year() -> None:
    found = extract(corpus_doc("nanjing_2026_gwr_p2-3.txt"))
    annual = one(found, "一般公共预算收入增长1%左右")
    assert (annual.kind, annual.year, annual.year_implied) == ("target", "2026", False)
    five_year = one(found, "地区生产总值年均增长5%以上")
    assert (five_year.kind, five_year.year) == ("target", "2030")
    review = one(found, "常住人口城镇化率达87.3%")
    assert (review.kind, review.year) == ("actual", "2025")


def test_a_deadline_that_opens_a_paragraph_holds_for_its_sentences() -> None:
    # 国发〔2018〕42号: 「到2020年，…。全国农机总动力超过10亿千瓦…」 and 「到2025年，…」.
    found = extract(corpus_doc("agri_mechanization_opinion_2018.txt"))
    assert one(found, "全国农机总动力超过10亿千瓦").year == "2020"
    assert one(found, "全国农机总动力稳定在11亿千瓦左右").year == "2025"


def test_a_deadline_in_a_purpose_clause_does_not_carry(tmp_path: Path) -> None:
    # 2026年国务院政府工作报告: the 2030 targets follow a sentence about 2035.
    doc = doc_of(
        tmp_path,
        "2026年国务院政府工作报告",
        "二、“十五五”时期主要目标和重大任务",
        "为到2035年人均国内生产总值比2020年翻一番、达到中等发达国家水平打好基础。"
        "围绕创新投入及其成效，提出全社会研发经费投入年均增长7%以上。",
    )
    t = one(extract(doc), "全社会研发经费投入年均增长7%以上")
    assert (t.kind, t.year) == ("target", "2030")


def test_a_comparison_base_is_the_base_year_not_the_measurement_year(seed_doc) -> None:  # type: ignore[no-untyped-def]
    # 东莞纲要: 「居民人均可支配收入达56533元，比2015年增加46.3%」 reports 2020 figures.
    found = extract(seed_doc)
    level = one(found, "居民人均可支配收入达56533元")
    change = one(found, "比2015年增加46.3%")
    assert (level.kind, level.year, level.base_year) == ("actual", "2020", None)
    assert (change.kind, change.year, change.base_year) == ("actual", "2020", "2015")
    assert change.indicator == "居民人均可支配收入增加"


def test_a_commitment_with_a_base_year_is_a_target(tmp_path: Path) -> None:
    # 十三五纲要 第三章: 到2020年国内生产总值和城乡居民人均收入比2010年翻一番.
    doc = doc_of(
        tmp_path,
        "中华人民共和国国民经济和社会发展第十三个五年（2016－2020年）规划纲要",
        "——经济保持中高速增长。在提高发展平衡性、包容性、可持续性基础上，"
        "到2020年国内生产总值和城乡居民人均收入比2010年翻一番，主要经济指标平衡协调。",
    )
    t = one(extract(doc), "翻一番")
    assert (t.kind, t.year, t.base_year, t.values, t.unit) == ("target", "2020", "2010", [1.0], "番")


def test_each_value_takes_the_year_written_before_it(tmp_path: Path) -> None:
    # 佛山市2026年政府工作报告: 从2020年的1.09万亿元提升至2025年的1.32万亿元.
    doc = doc_of(
        tmp_path,
        "2026年佛山市政府工作报告",
        "一、“十四五”时期和2025年工作回顾",
        "全市地区生产总值从2020年的1.09万亿元提升至2025年的1.32万亿元。",
    )
    found = extract(doc)
    assert [(t.values, t.year, t.indicator) for t in found] == [
        ([1.09], "2020", "地区生产总值"),
        ([1.32], "2025", "地区生产总值"),
    ]


def test_secured_funds_in_a_review_are_past_figures(tmp_path: Path) -> None:
    # 东莞市2026年政府工作报告: in a review 争取 reports what was secured.
    doc = doc_of(
        tmp_path,
        "2026年东莞市政府工作报告",
        "一、“十四五”发展及2025年主要工作成效",
        "成功争取上级各类资金1887亿元。",
    )
    assert one(extract(doc), "1887亿元").kind == "actual"


def test_code_definitions_hold_no_figures(tmp_path: Path) -> None:
    # 佛山市2026年政府工作报告, note 7: 「“1”指1个总体规划，“3”指…3个专项规划」.
    doc = doc_of(
        tmp_path,
        "2026年佛山市政府工作报告",
        "三、2026年工作安排",
        "“1”指1个总体规划，“3”指产业发展、城乡风貌、全域土地综合整治等3个专项规划。",
    )
    assert extract(doc) == []


# ---------------------------------------------------------------- one item per value, with its own name


def test_values_listed_with_their_own_subjects_are_separate_items() -> None:
    found = extract(corpus_doc("nanjing_2026_gwr_p2-3.txt"))
    beds = one(found, "新增医疗床位1.12万张")
    places = one(found, "普惠托位3.5万个")
    assert (beds.indicator, beds.values, beds.unit) == ("新增医疗床位", [1.12], "万张")
    assert (places.indicator, places.values, places.unit) == ("普惠托位", [3.5], "万个")


def test_respectively_pairs_each_subject_with_its_value() -> None:
    found = extract(corpus_doc("agri_mechanization_opinion_2018.txt"))
    pair = [t for t in found if t.text == "花生种植、收获机械化率分别达到65%和55%"]
    assert [(t.values, "种植" in t.indicator, "收获" in t.indicator) for t in pair] == [
        ([65.0], True, False),
        ([55.0], False, True),
    ]
    assert all(t.indicator.endswith("机械化率") for t in pair)


def test_a_value_after_its_verb_is_named_by_the_object() -> None:
    found = extract(corpus_doc("nanjing_2026_gwr_p2-3.txt"))
    assert "概念验证中心" in one(found, "新增20家概念验证中心").indicator
    assert one(found, "设立总规模不低于100亿元的母基金").indicator == "母基金总规模"


def test_a_list_of_milestones_shares_its_indicator(seed_doc) -> None:  # type: ignore[no-untyped-def]
    # 东莞纲要: 全市地区生产总值连续迈上7000亿元、8000亿元、9000亿元三大台阶，2020年达9650.19亿元.
    found = [t for t in extract(seed_doc) if t.block == 3][:4]
    assert [(t.values, t.indicator) for t in found] == [
        ([7000.0], "地区生产总值"),
        ([8000.0], "地区生产总值"),
        ([9000.0], "地区生产总值"),
        ([9650.19], "地区生产总值"),
    ]
    assert found[3].year == "2020"


def test_gdp_keeps_its_written_name_and_its_growth_is_a_separate_indicator(seed_doc) -> None:  # type: ignore[no-untyped-def]
    found = extract(seed_doc)
    level = one(found, "到2025年GDP达到1.3万亿元左右")
    growth = one(found, "年均增长6%左右")
    assert (level.kind, level.indicator, level.values, level.unit, level.year) == (
        "target",
        "GDP",
        [1.3],
        "万亿元",
        "2025",
    )
    assert (growth.indicator, growth.values, growth.unit, growth.year) == ("GDP增长", [6.0], "%", "2025")


# ---------------------------------------------------------------- indicator tables


@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf"])
def test_indicator_table_base_column_is_past_and_target_column_is_a_target(ext: str) -> None:
    found = extract(corpus_doc("cn15_fyp_outline_p1-2" + ext))
    row = [t for t in found if "常住人口城镇化率（%）" in t.text]
    assert [(t.kind, t.values, t.unit, t.year, t.attribute) for t in row] == [
        ("actual", [67.9], "%", "2025", "预期性"),
        ("target", [71.0], "%", "2030", "预期性"),
    ]
    assert {t.indicator for t in row} == {"常住人口城镇化率"}


def test_a_starred_cell_is_dated_by_the_table_note() -> None:
    # 注：②带*的为2024年数据.
    found = extract(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    forest = [t for t in found if "18.森林覆盖率（%）" in t.text]
    assert [(t.kind, t.values, t.year) for t in forest] == [("actual", [25.1], "2024"), ("target", [25.8], "2030")]


def test_a_bracketed_cell_is_a_five_year_cumulative_figure() -> None:
    # 〔 〕为5年累计数.
    found = extract(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    co2 = [t for t in found if "14.单位GDP二氧化碳排放降低（%）" in t.text]
    assert [(t.kind, t.values, t.year, t.base_year, t.qualifier) for t in co2] == [
        ("actual", [17.7], "2025", "2020", "累计"),
        ("target", [17.0], "2030", "2025", "累计"),
    ]


def test_a_comparator_in_a_cell_is_the_qualifier() -> None:
    found = extract(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    patents = [t for t in found if "每万人口高价值发明专利拥有量" in t.text and t.kind == "target"]
    assert [(t.values, t.qualifier, t.unit) for t in patents] == [([22.0], "＞", "件")]


def test_cells_without_a_number_give_nothing() -> None:
    found = extract(corpus_doc("cn14_fyp_outline_p1-2.txt"))
    gdp = [t for t in found if "国内生产总值（GDP）增长（%）" in t.text]
    assert [(t.kind, t.values) for t in gdp] == [("actual", [2.3])]


def test_a_row_under_a_merged_attribute_cell_keeps_the_attribute() -> None:
    # 十五五 专栏1: 「10.每千人口拥有医护人员数　执业医师数（人）…预期性」 then 「注册护士数（人）	4.3	5.1	—」.
    found = extract(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    nurses = [t for t in found if t.text.strip().startswith("注册护士数")]
    assert [(t.kind, t.values, t.attribute) for t in nurses] == [
        ("actual", [4.3], "预期性"),
        ("target", [5.1], "预期性"),
    ]
    assert all(t.indicator.startswith("注册护士数") and "每千人口" in t.indicator for t in nurses)


def test_table_highlights_only_the_value_cell() -> None:
    found = extract(corpus_doc("cn15_fyp_outline_p1-2.txt"))
    t = next(t for t in found if "3.常住人口城镇化率" in t.text and t.kind == "target")
    ((a, b),) = t.marks
    assert t.text[a:b] == "71"


def test_a_dated_figure_in_a_table_note_is_a_past_figure_and_nothing_else_is() -> None:
    # 十四五 专栏1 注：⑤2020年全员劳动生产率增长2.5%为预计数.
    doc = corpus_doc("cn14_fyp_outline_p1-2.txt")
    notes = {b.index for b in doc.blocks if b.text.startswith("注：")}
    in_notes = [t for t in extract(doc) if t.block in notes]
    assert [(t.kind, t.values, t.year) for t in in_notes] == [("actual", [2.5], "2020")]
    # the note's number ⑤ and its year are not part of the indicator's name
    assert in_notes[0].indicator == "全员劳动生产率增长"


# ---------------------------------------------------------------- spans


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_spans_point_at_exact_text(name: str) -> None:
    doc = corpus_doc(name)
    for t in extract(doc):
        assert doc.blocks[t.block].text[t.start : t.end] == t.text
        # a highlight neither opens nor closes on the punctuation around its clause
        assert t.text[:1] not in " ，,、：:；;" and t.text[-1:] not in "，,。；;：:！？、 ", t.text
        for q in t.quantities:
            assert doc.blocks[t.block].text[q.start : q.end] == q.text


def test_an_html_table_gives_the_same_figures_as_the_text_rows(tmp_path: Path) -> None:
    # 专栏1 of the 十五五 outline as a web page would carry it: a caption, then a <table> with <th> headers.
    lines = (CORPUS / "cn15_fyp_outline_p1-2.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("专栏1"))
    rows = [line.split("\t") for line in lines[start + 1 :] if line.count("\t") >= 2]
    head, body = rows[0], rows[1:]
    html = (
        "<html><head><title>中华人民共和国国民经济和社会发展第十五个五年规划纲要</title></head><body>"
        f"<p>{lines[0]}</p><p>{lines[1]}</p><p>{lines[start]}</p><table>"
        + "<tr>"
        + "".join(f"<th>{c}</th>" for c in head)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in body)
        + "</table></body></html>"
    )
    page = tmp_path / "plan.html"
    page.write_text(html, encoding="utf-8")
    from_html = [(t.kind, t.values, t.year, t.attribute) for t in extract(build(read_file(page), "h"))]
    text_doc = corpus_doc("cn15_fyp_outline_p1-2.txt")
    table = {b.index for b in text_doc.blocks if b.kind.value == "table_row"}
    from_text = [(t.kind, t.values, t.year, t.attribute) for t in extract(text_doc) if t.block in table]
    assert from_html[-len(from_text) :] == from_text
    # 21 rows, 17 with a base and a target value, 3 with one value (GDP, 劳动生产率, 收入), 〔6〕 alone: 38 figures.
    assert len(from_text) == 38


def _doc(path: Path) -> Document:
    return build(read_file(path), path.stem)


def _heldout(name: str) -> Document:
    """A document of tests/data/heldout (real, outside the corpus; its README says where each comes from)."""
    return _doc(DATA / "heldout" / name)


def test_a_quoted_code_in_short_form_takes_its_first_full_mention() -> None:
    # 浙江 2026: 「“415X”先进制造业集群培育工程」 first, then 「到2030年“415X”集群营收突破13万亿元」.
    found = extract(_doc(CORPUS / "zhejiang_2026_gwr_15th_goals.txt"))
    assert [t.indicator for t in found if "集群营收突破13万亿元" in t.text] == ["“415X”先进制造业集群营收"]
    # 东莞 2026: 「17项“高效办成一件事”落地」 — the word after the quote is a verb; 全面落地 elsewhere is no longer
    # name, so nothing is inserted.
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    names = [t.indicator for t in found if "“高效办成一件事”" in t.indicator]
    assert names and all("全面" not in n for n in names)


def test_parts_listed_with_a_pause_mark_keep_the_conjunction_inside_a_name() -> None:
    # 东莞 2026 (outside the corpus), the review of 2025: 「半导体及集成电路、新能源产业营收分别达600亿、800亿元」 —
    # two industries split at 、; 及 joins the two words of the first one's name.
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    rows = [(t.kind, t.year, t.indicator, t.values, t.unit) for t in found if "半导体及集成电路、新能源" in t.text]
    assert rows == [
        ("actual", "2025", "半导体及集成电路产业营收", [600.0], "亿元"),
        ("actual", "2025", "新能源产业营收", [800.0], "亿元"),
    ]


def test_a_list_closed_by_deng_gives_each_listed_thing_its_value() -> None:
    # 东莞 2026 (outside the corpus): 「集成电路、智能手表、AI服务器等产量分别增长69.7%、36.2%、25.9%」 (2025, in the
    # review) and 「实现装备制造、新材料、新能源等产业规模分别超5500亿元、1850亿元、850亿元」 (the 2026 targets): 等 closes
    # the list, and 分别 gives each listed thing its own value. They were all named 产量分别增长 / 产业规模.
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    rows = [(t.kind, t.year, t.indicator, t.values) for t in found if "等产量分别增长" in t.text]
    assert rows == [
        ("actual", "2025", "集成电路产量增长", [69.7]),
        ("actual", "2025", "智能手表产量增长", [36.2]),
        ("actual", "2025", "AI服务器产量增长", [25.9]),
    ]
    rows = [(t.kind, t.year, t.indicator, t.values, t.unit) for t in found if "等产业规模分别超" in t.text]
    assert rows == [
        ("target", "2026", "装备制造产业规模", [5500.0], "亿元"),
        ("target", "2026", "新材料产业规模", [1850.0], "亿元"),
        ("target", "2026", "新能源产业规模", [850.0], "亿元"),
    ]


def test_a_death_count_is_shared_by_the_listed_accidents() -> None:
    # 东莞 2026 (outside the corpus), the five-year review: 「交通事故、火灾亡人数分别下降45%、11%」 — deaths in both;
    # the first was named 交通事故人数 (the count of accidents is another figure).
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    rows = [(t.indicator, t.values) for t in found if "交通事故、火灾亡人数" in t.text]
    assert rows == [("交通事故亡人数下降", [45.0]), ("火灾亡人数下降", [11.0])]


def test_a_threshold_on_counted_things_is_not_a_figure() -> None:
    # 东莞 2026 (outside the corpus): 「新增亿元以上产业项目1800多个、10亿元以上项目近200个」 (review) and 「…20宗10亿元以上
    # 项目」 (2026): the projects are counted; 10亿元以上 only says which. It gave a figure of 10 亿元 each time.
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    rows = [(t.kind, t.indicator, t.values, t.unit) for t in found if "10亿元以上项目" in t.text]
    assert rows == [("actual", "10亿元以上项目", [200.0], "个"), ("target", "10亿元以上项目", [20.0], "宗")]
    # 「6个镇街GDP进入500亿元序列」: the towns are counted; 500亿元 names the tier they entered.
    rows = [(t.indicator, t.values, t.unit) for t in found if "500亿元序列" in t.text]
    assert rows == [("镇街GDP进入500亿元序列", [6.0], "个")]


def test_a_one_character_part_pairs_with_the_first_character_of_the_next() -> None:
    # 东莞 2026 (outside the corpus): 「正、副高职称教师数量分别是2020年的7倍和2倍」 — 正高 and 副高 职称; it gave 正数量.
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    rows = [(t.indicator, t.values, t.base_year) for t in found if "正、副高职称教师数量" in t.text]
    assert rows == [("正高职称教师数量", [7.0], "2020"), ("副高职称教师数量", [2.0], "2020")]


def test_successfully_is_not_part_of_a_name() -> None:
    # 东莞 2026 (outside the corpus), reviews: 「成功争取上级各类资金1887亿元」, 「成功争取372亿元地方政府债券」 — what was
    # secured is named, not 成功 (it gave 成功 and 成功争取上级各类资金).
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    rows = [(t.indicator, t.values) for t in found if t.text.startswith("成功争取")]
    assert rows == [("上级各类资金", [1887.0]), ("地方政府债券", [372.0])]


def test_adverbs_and_short_verbs_of_reaching_are_not_part_of_a_name() -> None:
    # 东莞 2026 (outside the corpus): 接连 (one after another), 提至 (raised to) end the subject, as 达到 does.
    found = extract(_heldout("gwr_2026_dongguan.txt"))
    names = {t.text: t.indicator for t in found}
    assert names["地区生产总值接连迈上万亿元新起点"] == "地区生产总值"
    assert names["实现服务业增加值占GDP比重提至45%"] == "服务业增加值占GDP比重"
    assert names["将公办养老机构星级评定率提至93%"] == "公办养老机构星级评定率"


def test_indicator_lookup_names_drop_numbering_units_and_change_words() -> None:
    # Rows of the 主要指标 tables of the national outlines, and names written in plan sentences.
    from reader.targets.indicators import lookup_names

    assert lookup_names("1.国内生产总值（GDP）增长（%）") == ["国内生产总值", "GDP"]
    assert lookup_names("3.常住人口城镇化率（%）") == ["常住人口城镇化率"]
    assert lookup_names("细颗粒物（PM2.5）浓度下降（%）") == ["细颗粒物浓度", "PM2.5浓度"]
    assert lookup_names("执业医师数（每千人口拥有医护人员数）") == ["执业医师数"]
    assert lookup_names("人均预期寿命（岁）") == ["人均预期寿命"]
    assert lookup_names("单位GDP能源消耗降低") == ["单位GDP能源消耗"]
    assert lookup_names("R&D占GDP比例") == ["R&D占GDP比例"]


def test_csv_rows_of_an_indicator_table_row_and_of_a_sentence() -> None:
    # 十四五纲要: the table row 3.常住人口城镇化率（%） 60.6* 65 — 预期性 (带*的为2019年数据) and the sentence
    # 「常住人口城镇化率提高到65%」 in 第二节; fields as the corpus gold has them.
    from reader.targets.export import CSV_HEADER, csv_rows

    doc = build(read_file(DATA / "corpus" / "cn14_fyp_outline_p1-2.txt"), "cn14")
    found = [t for t in extract(doc) if t.indicator == "常住人口城镇化率"]
    rows = csv_rows(doc, found)
    assert len(CSV_HEADER) == len(rows[0]) == 13
    by_kind = {(r[0], r[9].strip().startswith("3.")): r for r in rows}
    past, table_target = by_kind[("既往", True)], by_kind[("目标", True)]
    assert past[:8] == ("既往", "常住人口城镇化率", "60.6", "%", "", "2019", "", "预期性")
    assert table_target[:8] == ("目标", "常住人口城镇化率", "65", "%", "", "2025", "", "预期性")
    sentence = by_kind[("目标", False)]
    # The sentence names no year: 2025 is the end of the plan's period, and the column says so.
    assert sentence[:8] == ("目标", "常住人口城镇化率", "65", "%", "", "2025（规划期末）", "", "")
    assert doc.blocks[sentence[10]].text[sentence[11] : sentence[12]] == sentence[9]
    assert past[8].split(" › ")[-1].startswith("专栏1") and sentence[8].endswith(
        "第二节 “十四五”时期经济社会发展主要目标"
    )


def test_base_years_named_by_the_year_before_and_by_a_past_period() -> None:
    # 2026年国务院政府工作报告: 「今年赤字率拟按4%左右安排，赤字规模5.89万亿元、比上年增加2300亿元」 — the increase is
    # measured against 2025 (the heldout gold says so). 东莞市2026年政府工作报告: 「治理违建1.3亿平方米，是“十三五”的1.8倍」
    # — a multiple of what the 十三五 period did, whose end is 2020.
    national = build(read_file(DATA / "heldout" / "gwr_2026_national.txt"), "n")
    more = next(t for t in extract(national) if t.text == "比上年增加2300亿元")
    assert (more.kind, more.values, more.unit, more.year, more.base_year) == (
        "target",
        [2300.0],
        "亿元",
        "2026",
        "2025",
    )
    dongguan = build(read_file(DATA / "heldout" / "gwr_2026_dongguan.txt"), "d")
    times = next(t for t in extract(dongguan) if t.text == "是“十三五”的1.8倍")
    assert (times.kind, times.values, times.unit, times.year, times.base_year) == (
        "actual",
        [1.8],
        "倍",
        "2025",
        "2020",
    )


@pytest.mark.parametrize("merged", ["", "dashes", "attributes"], ids=["cells", "merged-dashes", "merged-attributes"])
def test_an_indicator_table_copied_from_a_web_page_gives_the_gold_figures(merged: str) -> None:
    # The 十四五 outline's 专栏1 as a copy of its web page gives it: cells joined by ｜, and the continuation rows
    # without the 类别 cell their rowspan covered (five cells under a six-column header). Every figure of the table
    # in the corpus gold — kind, indicator, value, unit, year, base year, qualifier — and nothing else.
    # merged-dashes: a page where the 2020年 and 2025年 cells of rows 4, 14 and 15 (— and —) are one merged cell,
    # so those rows are one cell short and end with their 属性: their values stand in the last columns.
    # merged-attributes: a page where each run of equal 属性 cells is one merged cell, so the rows under the first
    # of a run are one cell short at the end: their values stand in the first columns.
    import json

    from reader.document.importers.text import from_text

    lines = []
    run_attribute = ""
    for line in (DATA / "corpus" / "cn14_fyp_outline_p1-2.txt").read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            cells = line.split("\t")
            cells = cells[1:] if cells[0] == "" else cells
            if merged == "dashes" and "\t—\t—\t" in line:
                cells.remove("—")
            if merged == "attributes":
                attribute = cells[-1]
                if attribute == run_attribute:  # the merged cell's text stands in the first row of its run only
                    cells.pop()
                run_attribute = attribute
            line = "｜".join(cells)
        lines.append(line)
    doc = build(from_text("\n".join(lines), title="t"), "t")
    cells = [t for t in extract(doc) if doc.blocks[t.block].kind.value == "table_row"]
    found = {(t.kind, t.indicator, tuple(t.values), t.unit, t.year, t.base_year, t.qualifier or None) for t in cells}
    # each figure says it comes from the indicator table, and names the row it stands in
    assert {t.reason for t in cells} == {"指标表"} and all(t.block_id == doc.blocks[t.block].id for t in cells)
    gold = json.loads((DATA / "corpus" / "cn14_fyp_outline_p1-2.targets.json").read_text(encoding="utf-8"))
    want = {
        (g["kind"], g["indicator"], (float(g["value"]),), g["unit"], g["year"], g["base_year"], g["qualifier"])
        for g in gold
        if "\t" in g["fragment"]
    }
    assert found == want and len(want) == 32


def test_a_work_reports_parts_keep_their_own_year_when_they_are_items() -> None:
    # 四川省2021年政府工作报告 (outside the corpus): its parts are items — 一、2020年工作回顾和“十三五”发展主要成就,
    # 二、“十四五”规划和2035年远景目标的总体考虑, 三、2021年工作安排. The 十四五 frame of part 二 reached into part 三,
    # so the year's targets (「今年全省经济社会发展主要预期目标是：地区生产总值增长7%以上…」) were due 2025.
    doc = _heldout("gwr_2021_sichuan.txt")
    frame = read_frame(doc)
    part = {n.title[:6]: n for n in doc.outline}
    in_part = {key: [b for b in doc.blocks if doc.node_path(b.node)[0] is node] for key, node in part.items()}
    assert {frame.frame(b.index).role for b in in_part["2020年工"]} == {"review"}
    glossary = next(b.index for b in doc.blocks if b.text == "名词解释和说明")
    work = [b for b in in_part["2021年工"] if b.index < glossary]
    assert len(work) > 40 and {(frame.frame(b.index).role, frame.frame(b.index).year) for b in work} == {
        ("annual", 2021)
    }
    # The glossary's notes each explain one term: 「（11）安全生产专项整治三年行动计划：…到2022年…」 is its own, the
    # next note (「（12）“两学一做”学习教育：2016年2月…」) is not due 2022.
    notes = {b.text[:4]: frame.frame(b.index) for b in doc.blocks if b.index > glossary}
    assert (notes["（11）"].role, notes["（11）"].year) == ("goal", 2022)
    assert notes["（12）"].year != 2022
    goals = [t for t in extract(doc) if "今年全省经济社会发展主要预期目标是" in doc.blocks[t.block].text]
    # read from the sentence: 7%以上, 7%, 10%, 103.5左右, 85万人, 700亿斤以上 — all for 2021
    assert [(t.kind, t.year, t.values) for t in goals] == [
        ("target", "2021", [v]) for v in (7.0, 7.0, 10.0, 103.5, 85.0, 700.0)
    ]


def test_a_review_opener_does_not_reach_into_the_next_part() -> None:
    # 河南省2024年政府工作报告 (outside the corpus): 「一年来」 opens part 一、2023年工作回顾; part 二、2024年工作总体要求
    # 和主要目标 says 「主要预期目标是：经济增长5.5%，研发经费投入强度2.1%…」 — eleven targets for 2024, which took
    # the review's frame (2023) and no year.
    doc = _heldout("gwr_2024_henan.txt")
    goals = [t for t in extract(doc) if doc.blocks[t.block].text.startswith("主要预期目标是")]
    values = [5.5, 2.1, 6.5, 7.0, 7.0, 5.0, 5.5, 110.0, 3.0, 1300.0, 3.0]
    assert [(t.kind, t.year, t.values) for t in goals] == [("target", "2024", [v]) for v in values]


def test_a_heading_naming_the_report_year_with_a_subject_is_the_years_work() -> None:
    # 2026年国务院政府工作报告: 「四、2026年政府工作任务」 — the year's tasks (政府 between the year and 工作任务).
    doc = _heldout("gwr_2026_national.txt")
    frame = read_frame(doc)
    heading = next(b for b in doc.blocks if b.text == "四、2026年政府工作任务")
    assert (frame.frame(heading.index).role, frame.frame(heading.index).year) == ("annual", 2026)


def test_a_past_periods_end_is_a_base_year_and_two_values_share_one_change() -> None:
    # 江苏省2016年政府工作报告 (outside the corpus), its 十二五 review: 「城乡居民人均可支配收入分别达到37173元和16257元，
    # 比“十一五”末增长66.9%和79.4%」 — both increases measured against 2010 (the end of 十一五), both named once with
    # 增长 (the second was 城乡居民人均可支配收入增长增长, and neither had a base year).
    doc = _heldout("gwr_2016_jiangsu.txt")
    rows = [(t.kind, t.year, t.base_year, t.values) for t in extract(doc) if t.text == "比“十一五”末增长66.9%和79.4%"]
    assert rows == [("actual", "2015", "2010", [66.9]), ("actual", "2015", "2010", [79.4])]
    # 城乡 is the towns' and the countryside's, in that order (the sentence before pairs 37173元 and 16257元 so)
    names = [t.indicator for t in extract(doc) if t.text == "比“十一五”末增长66.9%和79.4%"]
    assert names == ["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    levels = [
        (t.indicator, t.values) for t in extract(doc) if t.text == "城乡居民人均可支配收入分别达到37173元和16257元"
    ]
    assert levels == [("城镇居民人均可支配收入", [37173.0]), ("农村居民人均可支配收入", [16257.0])]


def test_a_pause_mark_inside_brackets_does_not_split_items() -> None:
    # 江苏 2016: 「与10个省（市、区）100个城市联网售票」 — 10 provinces (and cities, regions) and 100 cities, one item
    # each, named 省（市、区） and not 省（市 with a second item starting at 区）; 「46%的涉农县（市、区）实现城乡低保标准
    # 并轨」 likewise keeps the bracket whole.
    doc = _heldout("gwr_2016_jiangsu.txt")
    found = extract(doc)
    tickets = [(t.indicator, t.values, t.text) for t in found if "100个城市联网售票" in t.text]
    assert [(n, v) for n, v, _ in tickets] == [("省（市、区）", [10.0]), ("城市联网售票", [100.0])]
    assert all(text == "与10个省（市、区）100个城市联网售票" for _, _, text in tickets)
    assert [t.indicator for t in found if "涉农县" in t.text] == ["涉农县（市、区）"]


def test_the_tenth_plan_is_read_by_its_names_shi_wu_in_quotes_and_di_shi_ge() -> None:
    # 第十个五年计划纲要 (2001; tests/data, the 国务院公报 text): its title names the plan 第十个五年, its text “十五”
    # (bare 十五 is fifteen). Unread, the plan had no period: 「2005年铁路营业里程达到7.5万公里」 was a past figure and the
    # 九五 review (「“九五”期间…国内生产总值年均增长8.3%」) a target without a year.
    doc = _doc(DATA / "plan_toc_preface.txt")
    assert read_frame(doc).period is not None and (read_frame(doc).period.start, read_frame(doc).period.end) == (
        2001,
        2005,
    )
    found = extract(doc)
    by_text = {t.text: t for t in found}
    assert (by_text["国内生产总值年均增长8.3%"].kind, by_text["国内生产总值年均增长8.3%"].year) == ("actual", "2000")
    rail = next(t for t in found if t.text.startswith("2005年铁路营业里程达到7.5万公里"))
    assert (rail.kind, rail.year, rail.values, rail.unit) == ("target", "2005", [7.5], "万公里")


def test_an_ordinal_list_and_a_measure_noun_are_not_cut() -> None:
    # 十五 plan: 「2005年第一、二、三产业增加值占国内生产总值的比重分别为13%、51%和36%」 — 第 is every part's (they were
    # 第一比重 and 二比重); 「高中阶段教育和高等教育毛入学率力争分别达到60%左右和15%左右」 — the shared measure is 毛入学率
    # (the parts open alike, and the first part's length cut it to 学率).
    found = extract(_doc(DATA / "plan_toc_preface.txt"))
    shares = [(t.indicator, t.values) for t in found if "第一、二、三产业增加值" in t.text]
    assert shares == [
        ("第一产业增加值占国内生产总值的比重", [13.0]),
        ("第二产业增加值占国内生产总值的比重", [51.0]),
        ("第三产业增加值占国内生产总值的比重", [36.0]),
    ]
    rates = [(t.kind, t.year, t.indicator, t.values) for t in found if "高等教育毛入学率力争" in t.text]
    assert rates == [
        ("target", "2005", "高中阶段教育毛入学率", [60.0]),
        ("target", "2005", "高等教育毛入学率", [15.0]),
    ]


def test_a_paragraph_opening_with_a_past_year_tells_of_that_year() -> None:
    # 湖北省2012年政府工作报告 (outside the corpus): 「2011年是“十二五”开局之年…初步预计，全省生产总值超过1.8万亿元，增长
    # 13.5%以上」 — 2011's results; the 十二五 it names made the paragraph a goal of 2015, and every figure of the
    # review a target. 「新增上市公司10家（境外1家）」: the bracket holds a part of the 10; 「比预期目标多增加10亿斤」
    # compares a result with the goal (not a commitment).
    found = extract(_heldout("gwr_2012_hubei.txt"))
    by_text = {t.text: t for t in found}
    for text, value in (("全省生产总值超过1.8万亿元", 1.8), ("增长13.5%以上", 13.5), ("比预期目标多增加10亿斤", 10.0)):
        assert (by_text[text].kind, by_text[text].year, by_text[text].values) == ("actual", "2011", [value])
    listed = [(t.indicator, t.values) for t in found if t.text == "新增上市公司10家（境外1家）"]
    assert listed == [("新增上市公司", [10.0]), ("新增上市公司（境外）", [1.0])]


def test_a_reports_next_five_years_start_with_its_own_year() -> None:
    # 浙江省2018年政府工作报告: 「二、今后五年发展的目标任务」 — 2018 to 2022, past the 十三五 period (2020) the report
    # was written in: 「城镇居民人均可支配收入超过7万元」 in it is due 2022 (力争到2022年 opens the same sentence).
    doc = _heldout("gwr_2018_zhejiang.txt")
    heading = next(b for b in doc.blocks if b.text == "二、今后五年发展的目标任务")
    assert read_frame(doc).frame(heading.index).year == 2022
    income = next(t for t in extract(doc) if t.text == "城镇居民人均可支配收入超过7万元")
    assert (income.kind, income.year, income.values, income.unit) == ("target", "2022", [7.0], "万元")


def test_unmarked_part_titles_give_the_report_year_and_effort_as_a_noun_is_no_commitment() -> None:
    # 甘肃省2019年政府工作报告 (the mirror's copy has no title or dateline, and its part titles 「2018年工作回顾」 and
    # 「2019年工作任务」 are plain lines): the year's targets 「今年全省经济社会发展的主要预期目标是：实现85万以上贫困
    # 人口脱贫，贫困发生率降到1.3%，29个片区县、1个插花县摘帽」 are for 2019 (they had no year at all), and 「广大干部付出
    # 了巨大努力…特别是8名同志不幸牺牲在脱贫岗位上」 is a past fact, not a goal (努力 is a noun there).
    doc = _heldout("gwr_2019_gansu.txt")
    frame = read_frame(doc)
    assert frame.report_year == 2019
    found = extract(doc)
    goals = [t for t in found if doc.blocks[t.block].text.startswith("今年全省经济社会发展的主要预期目标是")]
    assert [(t.kind, t.year, t.values) for t in goals[:4]] == [
        ("target", "2019", [85.0]),
        ("target", "2019", [1.3]),
        ("target", "2019", [29.0]),
        ("target", "2019", [1.0]),
    ]
    fallen = next(t for t in found if "8名同志不幸牺牲" in t.text)
    assert (fallen.kind, fallen.year) == ("actual", "2018")


def test_a_years_work_proposals_are_that_years_targets() -> None:
    # 大理州2025年政府工作报告 (outside the corpus): 「二、2025年工作建议」 is the year's work (2025年…工作 without 安排
    # was read as a review of 2024), and its item 「（五）全力发展全域旅游，让富民产业更有成效」 looks ahead (更有成效 is
    # not 取得成效); 「力争全州城市建成区绿地率达39.8%以上」 in it is a target for 2025.
    doc = _heldout("gwr_2025_dali.txt")
    frame = read_frame(doc)
    for title in ("二、2025年工作建议", "（五）全力发展全域旅游，让富民产业更有成效"):
        block = next(b for b in doc.blocks if b.text == title)
        assert (frame.frame(block.index).role, frame.frame(block.index).year) == ("annual", 2025)
    green = next(t for t in extract(doc) if t.text == "力争全州城市建成区绿地率达39.8%以上")
    assert (green.kind, green.year, green.values) == ("target", "2025", [39.8])


def test_a_dateline_under_a_work_report_gives_its_year_and_an_amount_is_not_its_growth() -> None:
    # 北京市2003年政府工作报告: the copy has no title; 「——2003年1月13日在北京市第十二届人民代表大会第一次会议上」 and
    # 「向大会作工作报告」 say it is a 2003 report (so 2001–2005, 十五). 「五年来，国内生产总值年均增长10.5%，2002年，实现
    # 3130亿元」: the amount is 国内生产总值 in 2002, not its growth.
    doc = _heldout("gwr_2003_beijing.txt")
    assert read_frame(doc).report_year == 2003
    found = extract(doc)
    growth = next(t for t in found if t.text == "国内生产总值年均增长10.5%")
    amount = next(t for t in found if t.text == "实现3130亿元")
    assert (growth.kind, growth.indicator, growth.values) == ("actual", "国内生产总值增长", [10.5])
    assert (amount.kind, amount.year, amount.indicator, amount.values) == ("actual", "2002", "国内生产总值", [3130.0])


def test_effort_in_a_review_is_what_was_done() -> None:
    # 包头市2020年政府工作报告: 「大力促进就业创业，城镇新增就业4.49万人」 (大力促进 holds 力促, a commitment word, by
    # accident); 三亚市2022年政府工作报告: 「努力克服国内散发疫情影响，全市接待过夜游客2162万人次」 — both in the review of
    # the year before, both results.
    baotou = extract(_heldout("gwr_2020_baotou.txt"))
    jobs = next(t for t in baotou if t.text == "城镇新增就业4.49万人")
    assert (jobs.kind, jobs.year) == ("actual", "2019")
    sanya = extract(_heldout("gwr_2022_sanya.txt"))
    tourists = next(t for t in sanya if t.text == "全市接待过夜游客2162万人次")
    assert (tourists.kind, tourists.year, tourists.values) == ("actual", "2021", [2162.0])


def test_a_report_of_the_last_century_has_its_year_and_five_years_read_as_one_review() -> None:
    # 1998年政府工作报告 (国务院, outside the corpus): a year of the 1900s was no year at all (report, period and
    # every figure's year were unknown). 「1997年，城镇居民人均可支配收入达到5160元，五年来年均实际增长6%」: both for
    # 1997, the 6% named as the income's real growth (it was 来实际增长); 「今年国民经济宏观调控的主要目标是：经济增长
    # 速度8%」 is 1998's target.
    doc = _heldout("gwr_1998_national.txt")
    frame = read_frame(doc)
    assert frame.report_year == 1998 and frame.period is not None and frame.period.start == 1996
    by_text = {t.text: t for t in extract(doc)}
    income = by_text["五年来年均实际增长6%"]
    assert (income.kind, income.year, income.indicator, income.values) == (
        "actual",
        "1997",
        "城镇居民人均可支配收入实际增长",
        [6.0],
    )
    growth = by_text["今年国民经济宏观调控的主要目标是：经济增长速度8%"]
    assert (growth.kind, growth.year, growth.values) == ("target", "1998", [8.0])


def test_a_heading_about_this_year_is_the_years_work() -> None:
    # 2023年政府工作报告 (国务院): 「二、对今年政府工作的建议」 — this year's work, not the plan period's goals.
    doc = _heldout("gwr_2023_national.txt")
    heading = next(b for b in doc.blocks if b.text == "二、对今年政府工作的建议")
    assert (read_frame(doc).frame(heading.index).role, read_frame(doc).frame(heading.index).year) == ("annual", 2023)
    jobs = next(t for t in extract(doc) if t.text == "城镇新增就业1200万人左右")
    assert (jobs.kind, jobs.year, jobs.values) == ("target", "2023", [1200.0])


def test_months_are_a_unit_and_a_shortening_names_what_it_shortens() -> None:
    # 三亚市2022年政府工作报告: 「压缩1个月的前期审查审批时间」 — one month (it was 1 个, the 月 lost), by which the
    # pre-review time is cut.
    found = extract(_heldout("gwr_2022_sanya.txt"))
    months = next(t for t in found if t.text == "压缩1个月的前期审查审批时间")
    assert (months.kind, months.year, months.values, months.unit, months.indicator) == (
        "target",
        "2022",
        [1.0],
        "个月",
        "压缩前期审查审批时间",
    )


def test_doubling_is_an_outcome_not_a_verb_or_manyfold() -> None:
    # 四川 2021: 「我们倍感鼓舞、倍增力量」 (strength redoubled) was the first row of the report's table, a past figure of
    # 1 番; 国务院 2023: 「预算内投资引导和撬动社会投资成倍增加」 (manyfold) another. 河南 2024: 「在孵企业及团队实现倍增」 is a
    # doubling, due 2024.
    sichuan = extract(_heldout("gwr_2021_sichuan.txt"))
    assert not [t for t in sichuan if "倍增力量" in t.text]
    national = extract(_heldout("gwr_2023_national.txt"))
    assert not [t for t in national if "成倍增加" in t.text]
    henan = extract(_heldout("gwr_2024_henan.txt"))
    doubled = next(t for t in henan if t.text == "在孵企业及团队实现倍增")
    assert (doubled.kind, doubled.year, doubled.values, doubled.unit) == ("target", "2024", [1.0], "番")


def test_a_glossary_after_a_report_is_its_own_part_and_defines_rather_than_counts() -> None:
    # 四川 2021 ends with 「名词解释和说明」 and （1）“六稳”：… to （49）: they were an item of 三、2021年工作安排 in the
    # tree. 三亚 2022 ends with 「名词解释」 and entries such as 「“十舱”包括大规划、大审批…等10个部分」, whose counts were
    # listed as 2022 targets.
    sichuan = _heldout("gwr_2021_sichuan.txt")
    assert [n.title for n in sichuan.outline][-2:] == ["2021年工作安排", "名词解释和说明"]
    assert not sichuan.outline[-2].children
    sanya = _heldout("gwr_2022_sanya.txt")
    glossary = sanya.outline[-1]
    assert glossary.title == "名词解释"
    assert not [t for t in extract(sanya) if "等10个部分" in t.text]


def test_a_goal_from_a_level_to_another_starts_from_a_past_figure() -> None:
    # 2016年政府工作报告 (国务院), the 十三五 goals: 「全员劳动生产率从人均8.7万元提高到12万元以上」 — 8.7万元 is where the
    # goal starts (2015, the year before the report), 12万元 the goal for 2020; both were targets named 全员劳动生产率从人.
    # 「劳动年龄人口平均受教育年限从10.23年提高到10.8年」: 10.23年 was no value at all (its 23年 read as a span of years).
    found = extract(_heldout("gwr_2016_national.txt"))
    productivity = [(t.kind, t.year, t.indicator, t.values) for t in found if "从人均8.7万元" in t.text]
    assert productivity == [
        ("actual", "2015", "全员劳动生产率", [8.7]),
        ("target", "2020", "全员劳动生产率", [12.0]),
    ]
    schooling = [(t.kind, t.year, t.values) for t in found if "从10.23年提高到10.8年" in t.text]
    assert schooling == [("actual", "2015", [10.23]), ("target", "2020", [10.8])]


def test_a_review_movement_written_with_you_starts_the_period() -> None:
    # 2023年政府工作报告, the five-year review: 「全国地表水优良水体比例由67.9%上升到87.9%」 — 2017 and 2022 (由 and 上升到
    # were not read as a movement: both were 2022, named …比例由). 甘肃 2019, the 2018 review: 「全省建档立卡贫困人口人均
    # 可支配收入由上年的4800元增加到5390元」 — 2017 and 2018.
    national = extract(_heldout("gwr_2023_national.txt"))
    water = [(t.year, t.indicator, t.values) for t in national if t.text == "全国地表水优良水体比例由67.9%上升到87.9%"]
    assert water == [("2017", "全国地表水优良水体比例", [67.9]), ("2022", "全国地表水优良水体比例", [87.9])]
    gansu = extract(_heldout("gwr_2019_gansu.txt"))
    income = [(t.kind, t.year, t.indicator, t.values) for t in gansu if "由上年的4800元增加到5390元" in t.text]
    assert income == [
        ("actual", "2017", "建档立卡贫困人口人均可支配收入", [4800.0]),
        ("actual", "2018", "建档立卡贫困人口人均可支配收入", [5390.0]),
    ]


def test_a_statistical_communique_reports_its_year_and_sets_no_goal() -> None:
    # 中华人民共和国2023年国民经济和社会发展统计公报 (国家统计局, 2024-02-29): every figure is a 2023 result; it had
    # 761 targets and 2 past figures. 「全年国内生产总值[2]1260582亿元，比上年增长5.2%」: 国内生产总值 (the [2] is a
    # footnote mark), its growth measured against 2022 (the base was the year after the figure's own).
    doc = _heldout("bulletin_2023_national.txt")
    found = extract(doc)
    assert len(found) > 700 and {t.kind for t in found} == {"actual"}
    assert {t.year for t in found} == {"2023"}
    gdp = next(t for t in found if t.text == "全年国内生产总值[2]1260582亿元")
    growth = next(t for t in found if t.text == "比上年增长5.2%")
    assert (gdp.indicator, gdp.values, gdp.unit) == ("国内生产总值", [1260582.0], "亿元")
    assert (growth.indicator, growth.values, growth.base_year) == ("国内生产总值增长", [5.2], "2022")


def test_last_years_base_is_the_year_before_the_figures_own() -> None:
    # 甘肃 2019, the review of 2018: 「居民消费价格比上年上涨2%」 — against 2017 (it said 2018, the year before the report).
    found = extract(_heldout("gwr_2019_gansu.txt"))
    prices = next(t for t in found if t.text == "居民消费价格比上年上涨2%")
    assert (prices.kind, prices.year, prices.base_year) == ("actual", "2018", "2017")


def test_a_dateline_alone_dates_a_report_and_its_past_work_is_a_review() -> None:
    # 广州市1994年政府工作报告: no title, only 「――1994年3月7日在广州市第十届人民代表大会第二次会议上」; its first part
    # 「一、1993年的主要工作情况」 (主要工作 followed by 情况 is what was done) was taken for the report year's work.
    # 「市确保的乙烯、珠电、环城高速公路等20个重点项目进展顺利」 (确保的: the projects the city guaranteed) and 「其中5个
    # 项目已投产或基本建成」 are 1993 results.
    doc = _heldout("gwr_1994_guangzhou.txt")
    frame = read_frame(doc)
    assert frame.report_year == 1994
    found = extract(doc)
    for text in ("市确保的乙烯、珠电、环城高速公路等20个重点项目进展顺利", "其中5个项目已投产或基本建成"):
        t = next(t for t in found if t.text == text)
        assert (t.kind, t.year) == ("actual", "1993"), text


def test_the_value_after_a_base_year_is_that_years_figure() -> None:
    # 深圳市2003年政府工作报告: 「我市工业总产值到2005年可望达6200亿元以上，比2000年的2500多亿元增长1.5倍」 — 6200亿元
    # is the goal for 2005, 2500亿元 the 2000 figure it is compared with (it was a 2005 target named after another
    # clause's 可新增工业产值), 1.5倍 the growth due 2005 over 2000.
    found = extract(_heldout("gwr_2003_shenzhen.txt"))
    goal = next(t for t in found if t.text == "我市工业总产值到2005年可望达6200亿元以上")
    assert (goal.kind, goal.year, goal.indicator, goal.values) == ("target", "2005", "工业总产值", [6200.0])
    base, growth = [t for t in found if t.text == "比2000年的2500多亿元增长1.5倍"]
    assert (base.kind, base.year, base.indicator, base.values, base.base_year) == (
        "actual",
        "2000",
        "工业总产值",
        [2500.0],
        None,
    )
    assert (growth.kind, growth.year, growth.values, growth.unit, growth.base_year) == (
        "target",
        "2005",
        [1.5],
        "倍",
        "2000",
    )


def test_counts_of_a_plans_aspects_and_kinds_of_indicators_are_not_figures() -> None:
    # 四川 2021, presenting its 十四五 plan: 「其中13个预期性指标、8个约束性指标」 and 「从14个方面对…重点任务进行了系统谋划
    # 安排」 count the plan's own indicators and chapters; they were three 2025 targets (one named 性指标).
    found = extract(_heldout("gwr_2021_sichuan.txt"))
    assert not [t for t in found if "预期性指标" in t.text or "约束性指标" in t.text or "14个方面" in t.text]


def test_a_movement_from_a_stated_year_names_the_indicator_without_the_year() -> None:
    # 北京 2003: 「地方财政收入由1997年的182.3亿元增加到534亿元」 — 1997 and 2002, named 地方财政收入 (not …由1997年);
    # 深圳 2003: 「全日制高等教育毛入学率由2000年的15.7%提高为28.9%」 — 提高为 is a movement: 28.9% is 2002's (it took
    # 2000). 统计公报 2023: 「出版各类报纸258亿份」 — 份 is a unit (the value was 258 亿, named 份).
    beijing = extract(_heldout("gwr_2003_beijing.txt"))
    revenue = [(t.year, t.indicator, t.values) for t in beijing if t.text.startswith("地方财政收入由1997年的182.3亿元")]
    assert revenue == [("1997", "地方财政收入", [182.3]), ("2002", "地方财政收入", [534.0])]
    shenzhen = extract(_heldout("gwr_2003_shenzhen.txt"))
    rate = [(t.year, t.indicator, t.values) for t in shenzhen if "由2000年的15.7%提高为28.9%" in t.text]
    assert rate == [("2000", "全日制高等教育毛入学率", [15.7]), ("2002", "全日制高等教育毛入学率", [28.9])]
    bulletin = extract(_heldout("bulletin_2023_national.txt"))
    papers = next(t for t in bulletin if t.text == "出版各类报纸258亿份")
    assert (papers.indicator, papers.values, papers.unit) == ("出版各类报纸", [258.0], "亿份")


def test_this_year_in_a_report_is_the_reports_year_whatever_part_it_stands_in() -> None:
    # 山东省2001年政府工作报告: in its 十五 part, 「今年全省国内生产总值预期增长9%，其中一、二、三产业分别增长4%、11%、
    # 10%」 — this year's (2001) targets, not the period's (2005); the industries are 第一、第二、第三产业 (they were
    # 一产业 …). 「今后5到10年」 is a horizon, not a value of 5 to 10 years.
    found = extract(_heldout("gwr_2001_shandong.txt"))
    growth = [
        (t.kind, t.year, t.indicator, t.values) for t in found if "预期增长9%" in t.text or "产业分别增长" in t.text
    ]
    assert growth == [
        ("target", "2001", "国内生产总值预期增长", [9.0]),
        ("target", "2001", "第一产业增长", [4.0]),
        ("target", "2001", "第二产业增长", [11.0]),
        ("target", "2001", "第三产业增长", [10.0]),
    ]
    assert not [t for t in found if "今后5到10年" in t.text]


def test_a_heading_inside_a_part_keeps_the_parts_time_unless_it_names_its_own() -> None:
    # 湖北 2012: under 「二、2012年工作安排」, 「（一）紧紧抓住稳增长这个首要任务，强力推动经济又好又快发展」 — 任务 made the
    # item a goal of the plan period (2015); it is 2012's work: 「确保投资突破1.5万亿元」 is due 2012.
    doc = _heldout("gwr_2012_hubei.txt")
    item = next(b for b in doc.blocks if b.text.startswith("（一）紧紧抓住稳增长这个首要任务"))
    assert (read_frame(doc).frame(item.index).role, read_frame(doc).frame(item.index).year) == ("annual", 2012)
    investment = next(t for t in extract(doc) if "确保投资突破1.5万亿元" in t.text)
    assert (investment.kind, investment.year, investment.values) == ("target", "2012", [1.5])


def test_a_communiques_title_is_its_first_line_without_the_footnote_mark() -> None:
    # 「中华人民共和国2023年国民经济和社会发展统计公报[1]」: 公报 names a document as 规划 or 报告 do; the [1] is a footnote
    # mark (the document was titled by its file name).
    doc = _heldout("bulletin_2023_national.txt")
    assert doc.title == "中华人民共和国2023年国民经济和社会发展统计公报"


def test_a_report_is_dated_by_the_year_it_reviews_or_by_its_date_line() -> None:
    # 贵州省2007年政府工作报告: no title or dateline, 「向大会作工作报告」 and the plain line 「2006年政府工作回顾」 — a
    # report of 2007; 重庆市2011年政府工作报告: 「（2011年1月9日 黄奇帆）」, a date without the congress named. Both had
    # no year, so no figure of theirs had one.
    assert read_frame(_heldout("gwr_2007_guizhou.txt")).report_year == 2007
    assert read_frame(_heldout("gwr_2011_chongqing.txt")).report_year == 2011


def test_ahead_of_time_among_goals_is_a_goal_and_effort_in_a_review_is_done() -> None:
    # 柳州市2016年政府工作报告, presenting the 十三五 plan: 「提前实现地区生产总值比2010年翻一番」 — a goal (to be reached
    # ahead of time, by 2020), not a past figure; 梧州市2014年政府工作报告, the 2013 review: 「多措并举力促粮食稳产增收，
    # 粮食总产量达83.9万吨」 — a result (力促 says the effort made).
    liuzhou = extract(_heldout("gwr_2016_liuzhou.txt"))
    doubling = next(t for t in liuzhou if t.text == "提前实现地区生产总值比2010年翻一番")
    assert (doubling.kind, doubling.year, doubling.base_year) == ("target", "2020", "2010")
    wuzhou = extract(_heldout("gwr_2014_wuzhou.txt"))
    grain = next(t for t in wuzhou if t.text == "粮食总产量达83.9万吨")
    assert (grain.kind, grain.year, grain.values) == ("actual", "2013", [83.9])


def test_a_span_since_a_year_is_measured_at_the_end_of_the_review() -> None:
    # 甘肃省2026年政府工作报告, the 十四五 review: 「经济增速2022年以来连续16个季度高于全国平均水平」 — a streak that runs
    # to the end of 2025, not a figure of 2022; 「2022年以来」 is no part of the name.
    found = extract(_heldout("gwr_2026_gansu.txt"))
    streak = next(t for t in found if "连续16个季度" in t.text)
    assert (streak.kind, streak.year, streak.indicator, streak.values) == ("actual", "2025", "经济增速", [16.0])


def test_the_value_after_an_earlier_plans_end_is_that_years_figure() -> None:
    # 甘肃 2026: 「全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元」 — 9323.1 is the figure of
    # 2020 (the end of 十三五), the base the 4374.4 of 2025 is compared with.
    found = extract(_heldout("gwr_2026_gansu.txt"))
    base = next(t for t in found if t.values == [9323.1])
    gain = next(t for t in found if t.values == [4374.4])
    assert (base.kind, base.year, base.base_year) == ("actual", "2020", None)
    assert (gain.kind, gain.year, gain.base_year) == ("actual", "2025", "2020")


def test_names_drop_a_lists_ordinal_and_the_word_joining_the_next_value() -> None:
    # 甘肃 2026, the year's ten practical matters: 「二是利用闲置资源改造建设100个乡镇综合养老服务中心和300个村级互助
    # 幸福院」 (not 乡镇综合养老服务中心和), 「七是完成困难重度残疾人家庭无障碍改造5000户」 (not 七是完成…).
    found = extract(_heldout("gwr_2026_gansu.txt"))
    homes = [t for t in found if t.text.startswith("二是利用闲置资源")]
    assert [(t.indicator, t.values) for t in homes] == [("乡镇综合养老服务中心", [100.0]), ("村级互助幸福院", [300.0])]
    (access,) = [t for t in found if t.text.startswith("七是完成")]
    assert (access.indicator, access.values, access.unit) == ("困难重度残疾人家庭无障碍改造", [5000.0], "户")


def test_an_investment_before_de_is_an_attribute_of_the_projects_counted_after_it() -> None:
    # 青岛市2026年政府工作报告: 「推进总投资3942亿元的68个基础设施项目」 — 3942亿元 is the projects' total investment, 68 the
    # number of projects (it had been named 总投资, and the count 基础设施项目总投资); 「抓好总投资1.1万亿元的600个省市
    # 重点项目」 — 抓好 governs the clause; 重点 in 重点项目 is part of the noun, not a verb of the sentence.
    found = extract(_heldout("gwr_2026_qingdao.txt"))
    names = {(t.values[0], t.unit): t.indicator for t in found if t.kind == "target"}
    assert names[(3942.0, "亿元")] == "基础设施项目总投资"
    assert names[(68.0, "个")] == "基础设施项目"
    assert names[(1.1, "万亿元")] == "省市重点项目总投资"
    assert names[(600.0, "个")] == "省市重点项目"
    assert names[(3660.0, "亿元")] == "重点项目总投资"
    assert names[(430.0, "个")] == "重点项目"


def test_a_glossary_titled_with_spaced_out_characters_holds_notes() -> None:
    # 海南省2026年政府工作报告 ends with 「注 释」 and ［1］…［14］: the notes explain terms (［8］ 1+5+N: 「“5”即依托海口、
    # 三亚、儋州、琼海、五指山等5家市疾控中心」), they set no target.
    doc = _heldout("gwr_2026_hainan.txt")
    heading = next(b for b in doc.blocks if b.text.strip() == "注 释")
    node = doc.node(heading.node)
    assert (node.kind, node.title) == (NodeKind.NOTES, "注释")
    assert not [t for t in extract(doc) if "市疾控中心" in t.text]


def test_parallel_subjects_are_split_at_conjunctions_not_inside_words() -> None:
    # 甘肃省2019年政府工作报告: 「农村集中供水率和自来水普及率分别达到92%和89%」 — two rates, one value each; the 及 of
    # 普及率 is no conjunction (it made three parts, so neither value was given its own rate).
    found = extract(_heldout("gwr_2019_gansu.txt"))
    water = [t for t in found if t.text.startswith("农村集中供水率和自来水普及率")]
    assert [(t.indicator, t.values) for t in water] == [("农村集中供水率", [92.0]), ("自来水普及率", [89.0])]
    # and the 和 of 和美乡村 joins nothing (甘肃 2026: 「建成300个省级和美乡村」)
    villages = [t for t in extract(_heldout("gwr_2026_gansu.txt")) if t.text == "建成300个省级和美乡村"]
    assert [t.indicator for t in villages] == ["省级和美乡村"]


def test_per_head_alone_is_the_indicator_named_before_per_head() -> None:
    # 淮安市2016年政府工作报告 (十三五 goals): 「到2020年，地区生产总值年均增长10%左右，力争人均达到9万元」 — 人均 is per
    # head of the 地区生产总值 just named (the name was 人: 均 was cut as in 均达到).
    found = extract(_heldout("gwr_2016_huaian.txt"))
    (per_head,) = [t for t in found if t.text == "力争人均达到9万元"]
    assert (per_head.indicator, per_head.kind, per_head.year) == ("人均地区生产总值", "target", "2020")


def test_a_threshold_after_chao_sorts_the_things_counted_and_is_no_figure() -> None:
    # 淮安 2016: 「其中超10亿元重大项目10个」, 「力争销售超10亿元企业达50户」 — the 10亿元 says which projects and firms
    # count; only the number of them is a figure. 「对100户骨干企业落实一企一策帮扶机制」: 对 opens the object, no name.
    found = extract(_heldout("gwr_2016_huaian.txt"))
    projects = [t for t in found if t.text == "其中超10亿元重大项目10个"]
    assert [(t.indicator, t.values, t.unit) for t in projects] == [("超10亿元重大项目", [10.0], "个")]
    firms = [t for t in found if t.text == "力争销售超10亿元企业达50户"]
    assert [(t.indicator, t.values, t.unit) for t in firms] == [("销售超10亿元企业", [50.0], "户")]
    (backbone,) = [t for t in found if t.text.startswith("对100户骨干企业")]
    assert backbone.indicator == "骨干企业"


def test_verbs_of_keeping_and_growing_to_are_not_names() -> None:
    # 佳木斯市2021年政府工作报告: 「稳定2800万亩粮食播种面积」 (the name was 稳定), 「省级农业产业化龙头企业发展到66家」
    # (…发展到); 「农村饮水安全工程普及率、自来水入户率均达到98%」 — two rates (普及率 was cut at its 及).
    found = extract(_heldout("gwr_2021_jiamusi.txt"))
    (grain,) = [t for t in found if t.text == "稳定2800万亩粮食播种面积"]
    (leaders,) = [t for t in found if t.text == "省级农业产业化龙头企业发展到66家"]
    assert (grain.indicator, leaders.indicator) == ("粮食播种面积", "省级农业产业化龙头企业")
    water = [t for t in found if t.text == "农村饮水安全工程普及率、自来水入户率均达到98%"]
    assert [(t.indicator, t.values, t.year) for t in water] == [
        ("农村饮水安全工程普及率", [98.0], "2020"),
        ("自来水入户率", [98.0], "2020"),
    ]


def test_last_year_in_a_report_is_the_year_before_it_unless_compared_with() -> None:
    # 湖北省2012年政府工作报告, in the 2012 part: 「经济总量去年跨上1.8万亿元新台阶」 — 2011's total, not a goal of 2012;
    # 柳州市2016年政府工作报告: 「去年柳州钢铁、机械、化工三大行业产值比上年减少 235亿元」 — 2015's, against 2014. But in the
    # 2016 national report 「比去年增加5600亿元」 (the deficit) is this year's plan, last year only its base.
    (total,) = [t for t in extract(_heldout("gwr_2012_hubei.txt")) if "经济总量去年跨上" in t.text]
    assert (total.kind, total.year, total.indicator, total.values) == ("actual", "2011", "经济总量", [1.8])
    (output,) = [t for t in extract(_heldout("gwr_2016_liuzhou.txt")) if t.values == [235.0]]
    assert (output.kind, output.year, output.base_year) == ("actual", "2015", "2014")
    (deficit,) = [t for t in extract(_heldout("gwr_2016_national.txt")) if t.text == "比去年增加5600亿元"]
    assert (deficit.kind, deficit.year, deficit.base_year) == ("target", "2016", "2015")


def test_towns_and_countryside_share_the_measure_named_after_them() -> None:
    # 海南 2026: 「城镇、农村居民人均可支配收入分别增长3.4%、5.2%」 — the towns' income and the countryside's (the first
    # was named 城镇收入增长).
    found = extract(_heldout("gwr_2026_hainan.txt"))
    income = [t for t in found if t.text == "城镇、农村居民人均可支配收入分别增长3.4%、5.2%"]
    assert [(t.indicator, t.values) for t in income] == [
        ("城镇居民人均可支配收入增长", [3.4]),
        ("农村居民人均可支配收入增长", [5.2]),
    ]


def test_a_class_of_size_is_no_amount() -> None:
    # 青岛 2026: 「40万吨级“海上油气工厂”顺利交付」 — a vessel of the 400,000-tonne class, not 40万吨 of anything; 甘肃
    # 2026: 「平凉7亿吨级冶镁白云岩等大中型矿产地35处」 — 35 deposits, the 7亿吨级 one among them.
    assert not [t for t in extract(_heldout("gwr_2026_qingdao.txt")) if "40万吨级" in t.text]
    deposits = [t for t in extract(_heldout("gwr_2026_gansu.txt")) if "7亿吨级" in t.text]
    assert [(t.indicator, t.values, t.unit) for t in deposits] == [("大中型矿产地", [35.0], "处")]


def test_counts_of_the_plans_own_goals_and_a_glossary_annex_give_no_figures() -> None:
    # 宜春市2021年政府工作报告: 「…明确了31个具体目标，包括预期性指标20个、约束性指标11个」 counts the plan's own goals;
    # the annex 「《政府工作报告》有关内容名词注释」 explains 「复工复产“3个100%”：规上企业复工率100%…」 — neither sets a target.
    found = extract(_heldout("gwr_2021_yichun.txt"))
    assert not [t for t in found if "具体目标" in t.text or "性指标" in t.text]
    assert not [t for t in found if "复工率100%" in t.text]


def test_ensuring_and_thresholds_in_a_review_and_a_plan() -> None:
    # 宜春 2021, the 2020 review: 「及时出台确保经济平稳健康运行40条」 — 40 measures issued in 2020 (确保 names them, it
    # promises nothing); the 2021 work: 「力争新增营业收入过10亿元企业10家以上、过50亿元企业1家以上」 — 过10亿元 sorts
    # the firms counted.
    found = extract(_heldout("gwr_2021_yichun.txt"))
    (measures,) = [t for t in found if t.text == "及时出台确保经济平稳健康运行40条"]
    assert (measures.kind, measures.year) == ("actual", "2020")
    firms = [
        (t.indicator, t.values, t.unit) for t in found if "过10亿元企业" in t.text or t.text.startswith("过50亿元")
    ]
    assert firms == [("新增营业收入过10亿元企业", [10.0], "家"), ("过50亿元企业", [1.0], "家")]


def test_the_reports_year_opening_a_sentence_in_a_period_goal_starts_that_years_work() -> None:
    # 双鸭山市2016年政府工作报告: 「（四）提升社会保障水平。“十三五”时期，…。2016年，促进创业就业。…确保成功创业1500人，
    # 带动就业8000人；…新增城镇就业2万人」 — the figures after 2016年 are 2016's, not 2020's.
    found = extract(_heldout("gwr_2016_shuangyashan.txt"))
    jobs = [t for t in found if t.text in ("确保成功创业1500人", "新增城镇就业2万人")]
    assert [(t.kind, t.year, t.values) for t in jobs] == [("target", "2016", [1500.0]), ("target", "2016", [2.0])]


def test_thousands_printed_with_a_space_are_one_number() -> None:
    # 厦门市2006年政府工作报告 prints thousands with a space: 「全年生产总值达到1 029亿元」, 「农民人均纯收入由4 030元增加
    # 到6 230元」, 「生产总值超过2 000亿元」 — the values were read as 29, 30 and 230, and 0 (the name took the 1, 4, 2).
    found = extract(_heldout("gwr_2006_xiamen.txt"))
    gdp = [t for t in found if t.text.startswith("全年生产总值达到1 029亿元")]
    assert [(t.indicator, t.values, t.unit) for t in gdp] == [("生产总值", [1029.0], "亿元")]
    income = [t for t in found if t.text == "农民人均纯收入由4 030元增加到6 230元"]
    assert [(t.values, t.year) for t in income] == [([4030.0], "2000"), ([6230.0], "2005")]
    (goal,) = [t for t in found if t.text == "生产总值超过2 000亿元"]
    assert (goal.kind, goal.year, goal.values) == ("target", "2010", [2000.0])
    assert not [t for t in found if t.values == [0.0]]


def test_a_plans_indicator_count_by_dimension_and_a_distance_in_a_name_are_no_values() -> None:
    # 北京市2026年政府工作报告: 「《纲要草案》从创新、协调、绿色、开放、共享、安全6个维度设置了29项主要指标」 counts the
    # outline's own indicators; 「公交与轨道50米内换乘比例提升至93%」 — 50米内 says which transfers count, the figure is 93%.
    found = extract(_heldout("gwr_2026_beijing.txt"))
    assert not [t for t in found if "29项主要指标" in t.text]
    transfer = [t for t in found if "50米内换乘比例提升至93%" in t.text]
    assert [(t.indicator, t.values, t.year) for t in transfer] == [("公交与轨道50米内换乘比例", [93.0], "2026")]


def test_a_commitment_inside_a_name_is_not_part_of_it(tmp_path: Path) -> None:
    # 深圳市2026年政府工作报告 (not in the corpus), 2026年工作安排: 「规上工业增加值力争增长6%以上」.
    doc = doc_of(tmp_path, "深圳市2026年政府工作报告", "二、2026年工作安排", "规上工业增加值力争增长6%以上。")
    (t,) = extract(doc)
    assert (t.indicator, t.kind, t.year, t.reason) == ("规上工业增加值增长", "target", "2026", "力争")


def test_grades_listed_before_a_noun_share_it_and_an_outlines_own_counts_are_no_figures() -> None:
    # 辽宁省2026年政府工作报告: 「着力培育6个世界级、7个国家级、9个区域级产业集群」 — six world-class clusters (the names
    # were 世界级 and 国家级); 「以上共计28项指标」 and 「《纲要（草案）》安排了18个领域的重点任务」 count the outline's own.
    found = extract(_heldout("gwr_2026_liaoning.txt"))
    clusters = [(t.indicator, t.values) for t in found if t.indicator.endswith("级产业集群")]
    assert clusters == [("世界级产业集群", [6.0]), ("国家级产业集群", [7.0]), ("区域级产业集群", [9.0])]
    assert not [t for t in found if "28项指标" in t.text or "18个领域" in t.text]


def test_subjects_that_all_grow_by_one_rate_each_have_it() -> None:
    # 青岛 2026 (2025 review): 「全年游客人数、旅游收入均增长11%以上」; 包头市2020年政府工作报告: 「地区生产总值、固定资产
    # 投资、社会消费品零售总额、一般公共预算收入均增长6%」 — one row per subject (they were one row named with the
    # whole list), and 固定资产投资 does not borrow the last subject's 收入. 年均增长 is no 均增长 (北京 2026:
    # 「城市副中心和平原新城地区生产总值年均增长5%以上」 stays one indicator).
    qingdao = [t for t in extract(_heldout("gwr_2026_qingdao.txt")) if t.text == "全年游客人数、旅游收入均增长11%以上"]
    assert [(t.indicator, t.values, t.year) for t in qingdao] == [
        ("游客人数增长", [11.0], "2025"),
        ("旅游收入增长", [11.0], "2025"),
    ]
    baotou = [t for t in extract(_heldout("gwr_2020_baotou.txt")) if "一般公共预算收入均增长6%" in t.text]
    assert [t.indicator for t in baotou] == [
        "地区生产总值增长",
        "固定资产投资增长",
        "社会消费品零售总额增长",
        "一般公共预算收入增长",
    ]
    beijing = [t for t in extract(_heldout("gwr_2026_beijing.txt")) if "城市副中心和平原新城" in t.text]
    assert [t.indicator for t in beijing] == ["城市副中心和平原新城地区生产总值增长"]


def test_the_opening_of_the_new_period_is_this_years_work() -> None:
    # 重庆市2011年政府工作报告: 「四、奋力做好“十二五”开局工作 今年是全面实施“十二五”规划的第一年…完成工业投资2600亿元」 —
    # 2011's work (it was dated 2015, the period's end); 重庆市2026年政府工作报告, in 「三、2026年工作安排」: 「上述预期目标，
    # 着眼“十五五”开局起步…」 had turned the year's work after it (「完成老旧小区改造600个」) into goals of 2030.
    (investment,) = [t for t in extract(_heldout("gwr_2011_chongqing.txt")) if t.text == "完成工业投资2600亿元"]
    assert (investment.kind, investment.year) == ("target", "2011")
    (estates,) = [t for t in extract(_heldout("gwr_2026_chongqing.txt")) if t.text == "完成老旧小区改造600个"]
    assert (estates.kind, estates.year) == ("target", "2026")


def test_a_difference_to_a_reference_is_named_after_the_indicator_it_qualifies() -> None:
    # 北京 2026: 「地区生产总值5.2万亿元、增长5.4%，高于全国0.4个百分点」 — the 0.4 points are GDP growth's lead over the
    # country (the name was 高于全国); 辽宁 2026: 「…年均增长…，高于“十三五”时期1.2个百分点」 — a 2025 figure compared with
    # the 十三五 period, not a figure of 2020.
    (lead,) = [t for t in extract(_heldout("gwr_2026_beijing.txt")) if t.text == "高于全国0.4个百分点"]
    assert (lead.indicator, lead.year) == ("地区生产总值增长（高于全国）", "2025")
    (gap,) = [t for t in extract(_heldout("gwr_2026_liaoning.txt")) if t.text == "高于“十三五”时期1.2个百分点"]
    assert (gap.kind, gap.year) == ("actual", "2025")
    assert gap.indicator.endswith("（高于“十三五”时期）")


def test_a_threshold_after_the_count_it_sorts_is_no_figure() -> None:
    # 湖北 2012: 「加快形成30个营业收入过百亿元的工业骨干企业（集团）」 — 30 firms, each past 10 billion: the 百亿元 says
    # which firms count, it is no figure of its own (it was a 2012 target named 形成).
    found = [t for t in extract(_heldout("gwr_2012_hubei.txt")) if "营业收入过百亿元的工业骨干企业" in t.text]
    assert [(t.indicator, t.values, t.unit) for t in found] == [("工业骨干企业（集团）", [30.0], "个")]


def test_a_report_on_a_plan_outline_to_the_congress_is_dated_by_its_date_line() -> None:
    # 吉林省2006年: 「（2006年2月8日 王珉）…我向大会作吉林省国民经济和社会发展第十一个五年规划纲要的报告」 — a speech to the
    # congress like a work report, dated by the bare date; without a year its 2006 work (「三、全面加大今年各项工作力度」:
    # 「今年全省地区生产总值预期增长12%」, 「全省转移农村劳动力达到330万人」) was dated 2010.
    doc = _heldout("gwr_2006_jilin.txt")
    assert read_frame(doc).report_year == 2006
    found = [t for t in extract(doc) if t.text in ("今年全省地区生产总值预期增长12%", "全省转移农村劳动力达到330万人")]
    assert [(t.kind, t.year) for t in found] == [("target", "2006"), ("target", "2006")]


def test_the_years_goals_and_tasks_heading_is_that_years_work(tmp_path: Path) -> None:
    # 山东省2006年政府工作报告 (not in the corpus): 「三、2006年的目标任务和工作重点」 is the year's work (it was read as the
    # 十一五 goals: 目标任务).
    doc = doc_of(
        tmp_path,
        "山东省2006年政府工作报告",
        "一、“十五”时期政府工作的回顾",
        "“十五”计划是我省在新世纪实施的第一个中长期计划。",
        "二、“十一五”时期经济社会发展的总体要求",
        "从今年开始，已进入第十一个五年规划时期。",
        "三、2006年的目标任务和工作重点",
        "经济社会发展的主要预期目标是：全省生产总值增长10%，地方财政收入增长15%。",
    )
    heading = next(b for b in doc.blocks if b.text.startswith("三、"))
    assert (read_frame(doc).frame(heading.index).role, read_frame(doc).frame(heading.index).year) == ("annual", 2006)


def test_a_threshold_sorting_a_batch_is_no_figure(tmp_path: Path) -> None:
    # 武汉市2006年政府工作报告 (not in the corpus), 十一五 goals: 「着力培育一批年销售收入过百亿元的大型企业」 — which firms,
    # not a figure (it was a 2010 target named 年销售收入过).
    doc = doc_of(
        tmp_path, "武汉市2006年政府工作报告", "二、“十一五”目标任务", "着力培育一批年销售收入过百亿元的大型企业。"
    )
    assert extract(doc) == []


def test_a_period_named_in_passing_in_the_years_work_does_not_make_it_the_periods_goals() -> None:
    # 青岛市2006年政府工作报告, 「三、2006年的主要工作」: 「按照“十一五”产业结构调整和集群发展的要求，今年市政府确定产业重点项目
    # 95个…」 — the year's projects (all 32 figures of the part after it were dated 2010); 「积极有效地利用外资。全年吸引外商直接
    # 投资33亿美元」 is 2006's.
    found = extract(_heldout("gwr_2006_qingdao.txt"))
    (projects,) = [t for t in found if t.values == [95.0]]
    (fdi,) = [t for t in found if t.text == "全年吸引外商直接投资33亿美元"]
    assert [(t.kind, t.year) for t in (projects, fdi)] == [("target", "2006"), ("target", "2006")]


def test_a_movement_in_a_review_of_a_period_named_without_quotes_starts_the_period() -> None:
    # 青岛 2006, the 十五 review: 「万元生产总值能耗由1.1吨标准煤降低到0.9吨标准煤」 — 1.1 is 2000's (the period's start), not
    # 2004's; 山东 2001, the 九五 review: 「全省一、二、三产业比例由20.2：47.4：32.4调整为…」 starts in 1995.
    energy = [t for t in extract(_heldout("gwr_2006_qingdao.txt")) if t.text.startswith("万元生产总值能耗由1.1")]
    assert [(t.values, t.year) for t in energy] == [([1.1], "2000"), ([0.9], "2005")]
    (shares,) = [t for t in extract(_heldout("gwr_2001_shandong.txt")) if t.values == [20.2, 47.4, 32.4]]
    assert shares.year == "1995"


def test_a_movement_without_its_subject_takes_the_one_named_before(tmp_path: Path) -> None:
    # 武汉市2006年政府工作报告 (not in the corpus), the 十五 review: 「财政收入跨越200亿元、300亿元两个台阶，由2000年的126亿元
    # 增加到2005年的389亿元，年均增长25.3％」 — the values after 由 are 财政收入's (they were named 增加到2005年).
    doc = doc_of(
        tmp_path,
        "武汉市2006年政府工作报告",
        "一、“十五”工作回顾",
        "财政收入跨越200亿元、300亿元两个台阶，由2000年的126亿元增加到2005年的389亿元，年均增长25.3％。",
    )
    moved = [(t.indicator, t.values, t.year) for t in extract(doc) if t.values in ([126.0], [389.0])]
    assert moved == [("财政收入", [126.0], "2000"), ("财政收入", [389.0], "2005")]


def test_a_numbered_list_of_paragraphs_runs_on_and_its_items_are_no_notes() -> None:
    # 浙江省2018年政府工作报告, the year's ten 民生实事: 「1、…」 is a paragraph, and 「2、提升学前教育质量，新建、改扩建200所
    # 幼儿园…」, 「3、…推进轨道交通建设500公里…」 were read as notes out of sequence (a note gives only past figures), so
    # the year's targets in them were lost; 佳木斯 2021's 「（2）改造老旧楼房847栋…」 likewise, and the （2） is no name.
    zhejiang = extract(_heldout("gwr_2018_zhejiang.txt"))
    kindergartens = [t for t in zhejiang if t.text == "新建、改扩建200所幼儿园"]
    rail = [t for t in zhejiang if t.text == "推进轨道交通建设500公里"]
    assert [(t.kind, t.year, t.values) for t in kindergartens + rail] == [
        ("target", "2018", [200.0]),
        ("target", "2018", [500.0]),
    ]
    (buildings,) = [t for t in extract(_heldout("gwr_2021_jiamusi.txt")) if t.values == [847.0]]
    assert (buildings.indicator, buildings.kind, buildings.year) == ("老旧楼房", "target", "2021")


def test_an_annex_titled_with_the_years_work_is_that_years() -> None:
    # 成都市2021年政府工作报告, 「附件1」 / 「成都市2021年民生实事工作目标」 (a title line left unmarked): 「3.打通中心城区
    # “断头路”20条」 is a 2021 target (it was 2025's, the period's end) named without its number.
    found = extract(_heldout("gwr_2021_chengdu.txt"))
    (roads,) = [t for t in found if t.text.startswith("3.打通中心城区")]
    assert (roads.indicator, roads.kind, roads.year, roads.values) == ("打通中心城区“断头路”", "target", "2021", [20.0])


def test_a_figure_already_reached_among_goals_is_where_things_stand() -> None:
    # 重庆 2011, in the 十二五 tasks: 「充分发挥长江黄金水道和已建在建的6条铁路」 — a fact of 2010 (it had no year); 国务院
    # 2023: 「各类支持创新的税收优惠政策年度规模已超过1万亿元」 names no 已.
    (rails,) = [t for t in extract(_heldout("gwr_2011_chongqing.txt")) if t.text.endswith("已建在建的6条铁路")]
    assert (rails.kind, rails.year) == ("actual", "2010")
    (tax,) = [t for t in extract(_heldout("gwr_2023_national.txt")) if "税收优惠政策年度规模" in t.text]
    assert tax.indicator == "各类支持创新的税收优惠政策年度规模"


def test_tiers_listed_after_a_count_are_thresholds_of_the_things_named_before() -> None:
    # 梧州 2014: 「…产值百亿元以上的工业企业…，50亿元以上6家，10亿元以上30家」 — 6 and 30 firms of those tiers; the 50亿元 and
    # 10亿元 are no figures (they were targets of their own).
    found = [t for t in extract(_heldout("gwr_2014_wuzhou.txt")) if t.text in ("50亿元以上6家", "10亿元以上30家")]
    assert [(t.indicator, t.values, t.unit) for t in found] == [
        ("产值百亿元以上的工业企业（50亿元以上）", [6.0], "家"),
        ("产值百亿元以上的工业企业（10亿元以上）", [30.0], "家"),
    ]


def test_a_size_bounded_before_the_noun_it_sorts_is_no_figure() -> None:
    # 大理 2025: 「完成30户以上自然村通村硬化道路1000公里」 — the 1000 km are the target; 30户以上 says which villages (it was a
    # target of its own named 自然村通村硬化道路). 佳木斯 2021: 「全面完成15度以上坡地退耕还林还草工作」 has no figure at all.
    (roads,) = [t for t in extract(_heldout("gwr_2025_dali.txt")) if "30户以上自然村" in t.text]
    assert (roads.indicator, roads.values, roads.unit) == ("30户以上自然村通村硬化道路", [1000.0], "公里")
    assert not [t for t in extract(_heldout("gwr_2021_jiamusi.txt")) if "15度以上坡地" in t.text]
    # 十一五 outline, its boxes: 「掌握时速200公里及以上高速铁路列车…装备核心技术」 (a class of trains) and 「全面实现20户以上已通电
    # 自然村通广播电视」 (which villages) set no figures.
    outline = extract(_heldout("cn11_fyp_outline.txt"))
    assert not [t for t in outline if "时速200公里" in t.text or "20户以上已通电" in t.text]


def test_a_count_or_an_allowance_bounded_before_its_noun_is_still_the_figure() -> None:
    # What the bound qualifies is counted (1万户以上任务, 1000万以上农村贫困人口) or received (每月人均300元以上生活补助).
    (homes,) = [t for t in extract(_heldout("gwr_2016_liuzhou.txt")) if "农村危房改造1万户以上任务" in t.text]
    assert (homes.values, homes.unit) == ([1.0], "万户")
    (poor,) = [t for t in extract(_heldout("gwr_2016_national.txt")) if "1000万以上农村贫困人口" in t.text]
    assert (poor.values, poor.unit) == ([1000.0], "万")
    (allowance,) = [t for t in extract(_heldout("gwr_2019_gansu.txt")) if t.values == [300.0] and "生活补助" in t.text]
    assert (allowance.values, allowance.unit, allowance.kind) == ([300.0], "元", "actual")


def test_a_span_of_years_ends_on_its_last_year(tmp_path: Path) -> None:
    # 十一五 outline (2006–2010), 专栏15: 「西部地区农村寄宿制学校建设：2004—2007年国家安排资金100亿元」 is due in 2007 (as
    # 2004至2007年 would be), not at the plan's end.
    (school,) = [t for t in extract(_heldout("cn11_fyp_outline.txt")) if t.text.startswith("2004—2007年国家安排资金")]
    assert (school.year, school.values) == ("2007", [100.0])
    # 绵阳市2020年政府工作报告: a plan's own span in its title dates nothing — 「编制完成《区域协同发展规划（2019—2025年）》，
    # …县市区、园区间签订合作协议20余个」 is a result of 2019.
    doc = doc_of(
        tmp_path,
        "绵阳市2020年政府工作报告",
        "一、2019年工作回顾",
        "推动区域协调发展。编制完成《区域协同发展规划（2019—2025年）》，加强设施互通、产业协同，县市区、园区间签订合作协议"
        "20余个，“一核”引领、“两翼”支撑、“三区”协同的发展格局加速形成。",
    )
    (deals,) = extract(doc)
    assert (deals.kind, deals.year) == ("actual", "2019")


def test_grid_connected_capacity_keeps_its_name() -> None:
    # 2023年国民经济和社会发展统计公报: 「并网风电装机容量44134万千瓦」 — 并网 is grid-connected, not the conjunction 并.
    found = extract(_heldout("bulletin_2023_national.txt"))
    assert one(found, "并网风电装机容量44134万千瓦").indicator == "并网风电装机容量"
    assert one(found, "并网太阳能发电装机容量60949万千瓦").indicator == "并网太阳能发电装机容量"


def test_a_value_without_a_subject_takes_the_measure_raised_in_the_clause_before(tmp_path: Path) -> None:
    # 十五计划纲要 (2001): 「提高计算机普及率，2005年达到4%以上」; 江西省2011年政府工作报告: 「二是提高税收占财政收入的比重，由84.3%
    # 提高到85.2%」; 南宁市2017年: 「空气质量优良率逐年提高，2016年达95.1%」 — the values had no name.
    doc = doc_of(
        tmp_path,
        "中华人民共和国国民经济和社会发展第十个五年计划纲要",
        "第二节　拓宽消费领域",
        "降低信息服务价格，刺激居民信息消费。提高计算机普及率，2005年达到4%以上。",
        "实行鼓励消费的政策，促进消费需求较快增长，使居民消费率提高到50%左右。围绕结构调整，引导投资方向，促进固定资产投资"
        "特别是企业和社会投资较快增长，全社会固定资产投资率调控在35%左右。",
    )
    assert [(t.indicator, t.values, t.year) for t in extract(doc)] == [
        ("计算机普及率", [4.0], "2005"),
        ("居民消费率", [50.0], "2005"),
        ("全社会固定资产投资率", [35.0], "2005"),
    ]
    doc = doc_of(
        tmp_path,
        "江西省2011年政府工作报告",
        "二、2011年工作安排",
        "二是提高税收占财政收入的比重，由84.3%提高到85.2%。",
        name="jx.txt",
    )
    assert [t.indicator for t in extract(doc)] == ["税收占财政收入的比重", "税收占财政收入的比重"]


def test_amounts_written_in_chinese_numerals_are_read_whole() -> None:
    # “九五”计划纲要 (1996): numerals with several magnitudes, a range, a decimal multiple and digits one by one were read as
    # their first part (五万七千六百亿元 as 5万, 四亿六千五百万吨 as 4亿, 一九〇〇万吨 as 0, 一点四倍 as 4倍).
    found = extract(_heldout("cn9_fyp_outline_to_2010_goals.txt"))

    def read(fragment: str) -> list[tuple[str, list[float], str]]:
        return [(t.indicator, t.values, t.unit) for t in found if fragment in t.text]

    assert read("国民生产总值达到五万七千六百亿元") == [("国民生产总值", [57600.0], "亿元")]
    assert read("粮食产量达到四亿六千五百万吨") == [("粮食产量", [4.65], "亿吨")]
    assert read("比一九九〇年增加一九〇〇万吨") == [("粮食产量增加", [1900.0], "万吨")]
    assert read("粮食四亿九千万～五亿吨") == [("粮食", [4.9, 5.0], "亿吨")]
    assert read("新建和改造公路九万二千公里") == [("新建和改造公路", [9.2], "万公里")]
    assert read("客机座位增长一点四倍") == [("客机座位增长", [1.4], "倍")]


def test_years_written_in_chinese_numerals_date_and_base_figures() -> None:
    # “九五”计划纲要: 「比一九九五年的一亿四千九百万吨增加六百万吨」 — the 1.49亿吨 is 1995's, the increase measured from 1995;
    # 「二〇一〇年国民经济和社会发展的主要奋斗目标是：实现国民生产总值比二〇〇〇年翻一番，人口控制在十四亿以内」 are 2010's goals
    # (they were dated 2000, the plan's end, and the population was named 以内).
    found = extract(_heldout("cn9_fyp_outline_to_2010_goals.txt"))
    crude = [t for t in found if t.text.startswith("比一九九五年的一亿四千九百万吨")]
    assert [(t.kind, t.year, t.base_year, t.values) for t in crude] == [
        ("actual", "1995", None, [1.49]),
        ("target", "2000", "1995", [600.0]),
    ]
    goals = [t for t in found if t.block == crude[0].block + 11]
    assert [(t.indicator, t.year, t.base_year, t.values) for t in goals] == [
        ("国民生产总值", "2010", "2000", [1.0]),
        ("人口", "2010", None, [14.0]),
    ]
    assert goals[0].text.startswith("二〇一〇年")  # the span shown is the document's own text


def test_a_report_heard_in_december_sets_the_next_years_work() -> None:
    # 四平市2014年政府工作报告, dated 「——2013年12月25日在四平市七届人大第二次会议上」: 「一、2013年工作回顾」 reviews the year of
    # the dateline and 「二、2014年工作安排」 sets the next year's work. Read as a report of 2013, its 2013 results were
    # targets of 2013 and its 2014 goals were due 2015.
    doc = _heldout("gwr_2014_siping.txt")
    assert read_frame(doc).report_year == 2014
    found = extract(doc)
    gdp = next(t for t in found if t.text == "预计地区生产总值完成 1210亿元")
    assert (gdp.kind, gdp.year) == ("actual", "2013")
    goal = next(t for t in found if t.text.startswith("2014年主要预期目标是:全市地区生产总值增长 10%"))
    assert (goal.kind, goal.year, goal.values) == ("target", "2014", [10.0])


def test_what_was_completed_names_the_amount(tmp_path: Path) -> None:
    # 四平 2014: 「预计地区生产总值完成 1210亿元」 — 地区生产总值 (it was named 地区生产总值完成); 陕西省2002年: 「今年全省技术改造
    # 投资要完成140亿元」. With an object after the value the object names it: 江门市2021年: 「高质量完成260公里万里碧道建设」.
    siping = extract(_heldout("gwr_2014_siping.txt"))
    assert next(t for t in siping if t.text == "预计地区生产总值完成 1210亿元").indicator == "地区生产总值"
    shaanxi = doc_of(tmp_path, "陕西省2002年政府工作报告", "今年全省技术改造投资要完成140亿元。", name="sx.txt")
    jiangmen = doc_of(tmp_path, "江门市2021年政府工作报告", "高质量完成260公里万里碧道建设。", name="jm.txt")
    assert [t.indicator for t in extract(shaanxi) + extract(jiangmen)] == ["技术改造投资", "万里碧道建设"]


def test_a_share_is_named_after_the_thing_it_is_a_share_of() -> None:
    # 甘肃 2019: 「全省民生支出2983.8亿元，增长14.4%，占财政总支出的79.1%」; 2023 communiqué: 「…其中城镇就业人员47032万人，
    # 占全国就业人员比重为63.5%」 — the shares were named 占财政总支出, 占全国就业人员比重, of nothing.
    gansu = extract(_heldout("gwr_2019_gansu.txt"))
    assert next(t for t in gansu if t.values == [79.1]).indicator == "民生支出占财政总支出"
    bulletin = extract(_heldout("bulletin_2023_national.txt"))
    assert next(t for t in bulletin if t.values == [63.5]).indicator == "城镇就业人员占全国就业人员比重"


def test_thousands_with_a_full_width_comma_and_a_topic_before_the_comma() -> None:
    # 七五计划（摘要）, 1986: 「农业总产值，1990年达到3，530亿元，比1985年增长21．6％」 — the comma inside 3，530 split the clause
    # (the value was read as 530, with no name); the topic before the first comma names the value.
    found = extract(_heldout("cn7_fyp_summary_ch2-3.txt"))

    def read(fragment: str) -> list[tuple[str, list[float], str, str | None]]:
        return [(t.indicator, t.values, t.unit, t.year) for t in found if fragment in t.text]

    assert read("1990年达到3，530亿元") == [("农业总产值", [3530.0], "亿元", "1990")]
    assert read("1990年达到13，240亿元") == [("工业总产值", [13240.0], "亿元", "1990")]
    assert read("1990年达到3，060亿元") == [("第一产业", [3060.0], "亿元", "1990")]
    assert read("轻工业总产值达到6，610亿元") == [("轻工业总产值", [6610.0], "亿元", "1990")]


def test_a_bulletin_before_1984_titled_by_its_years_plan_is_of_that_year() -> None:
    # 国家统计局关于一九八二年国民经济和社会发展计划执行结果的公报 (the title of the communiqués of 1978–1983; years in Chinese
    # numerals): its figures are 1982's results. It was read as a plan without a year — 574 of its 588 figures were
    # targets with no year.
    doc = _heldout("bulletin_1982_national_start.txt")
    found = extract(doc)
    assert found and all(t.kind == "actual" for t in found)
    grain = next(t for t in found if t.text == "粮食总产量35，343万吨")
    assert (grain.year, grain.values, grain.unit) == ("1982", [35343.0], "万吨")
    record = next(t for t in found if t.values == [33212.0])
    assert record.year == "1979"  # 比历史最高年的一九七九年33，212万吨


def test_the_digits_of_a_year_in_chinese_numerals_name_no_plan() -> None:
    # 关于一九五八年度国民经济计划草案的报告 (1958): 一九五七年 holds 九五, which was read as the 九五 plan (1996–2000), so the
    # 1957 results were goals due 2000. The plans of the 1950s are the first (1953–1957) and the second (1958–1962).
    doc = _heldout("gwr_1958_national_plan_start.txt")
    assert read_frame(doc).period is None or read_frame(doc).period.end < 1970  # type: ignore[union-attr]
    found = extract(doc)
    assert found and not [t for t in found if t.year and t.year >= "1990"]
    investment = next(t for t in found if t.text.startswith("一九五七年工业投资额完成六十五亿五千万元"))
    assert (investment.kind, investment.year, investment.values) == ("actual", "1957", [65.5])
    # a report's year before 1966 lies in the 1st or 2nd plan, or between plans (it was plan 0, 1948–1952)
    assert [(p.start, p.end) for p in map(period_containing, (1954, 1960, 1964, 1966))] == [
        (1953, 1957),
        (1958, 1962),
        (1963, 1965),
        (1966, 1970),
    ]


def test_a_share_or_a_comparison_after_a_named_amount(tmp_path: Path) -> None:
    # 1988年国民经济和社会发展的统计公报: 「能源工业部门完成投资371亿元，比重由上年的22.5％上升到24％」 — the shares were named
    # 能源工业部门完成投资（比重） and …（比重）（比重）, as if 比重 compared; 1982: 「比历史最高年的一九七九年33，212万吨增长6．4％」
    # named its growth （比历史最高年的1979年） twice.
    doc = doc_of(
        tmp_path,
        "中华人民共和国国家统计局关于1988年国民经济和社会发展的统计公报",
        "投资结构有所变化：能源工业部门完成投资371亿元，比重由上年的22.5％上升到24％。",
    )
    assert [(t.indicator, t.values) for t in extract(doc)] == [
        ("能源工业部门完成投资", [371.0]),
        ("能源工业部门完成投资比重", [22.5]),
        ("能源工业部门完成投资比重", [24.0]),
    ]
    growth = next(t for t in extract(_heldout("bulletin_1982_national_start.txt")) if t.values == [6.4])
    assert growth.indicator == "粮食总产量增长（比历史最高年的1979年）"


def test_a_part_titled_by_a_years_work_after_the_review_gives_the_report_year() -> None:
    # 湖南省2018年政府工作报告 as the mirror holds it (no title, no dateline): 「一、本届政府工作回顾」 then 「二、2018年工作」.
    # Without a year, 「今年主要预期目标是：地区生产总值增长8%左右」 and the rest of the year's work had no year, and the part
    # was read as more review.
    doc = _heldout("gwr_2018_hunan.txt")
    assert read_frame(doc).report_year == 2018
    gdp = next(t for t in extract(doc) if t.text.startswith("今年主要预期目标是：地区生产总值增长8%左右"))
    assert (gdp.kind, gdp.year, gdp.values) == ("target", "2018", [8.0])
