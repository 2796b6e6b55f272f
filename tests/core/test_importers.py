from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.document.importers import read_file
from reader.document.importers.pdf import drop_furniture, join_lines
from reader.errors import ImportFailed, UnsupportedFormat
from tests.conftest import DATA, ROOT

SAMPLE = (DATA / "plan_enumerations.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "方案 副本.txt"  # Chinese characters and a space in the path
    path.write_bytes(SAMPLE.encode(encoding))
    raw = read_file(path)
    assert [p.text for p in raw.paragraphs][:3] == [
        "关于加快推进制造业高质量发展的实施方案",
        SAMPLE.splitlines()[1],
        "一、总体要求",
    ]


def test_punctuation_is_kept_exactly_as_written(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text('半角,逗号和全角，逗号(括号)（括号）“引号"\n', encoding="utf-8")
    assert read_file(path).paragraphs[0].text == '半角,逗号和全角，逗号(括号)（括号）“引号"'


def test_mixed_line_endings_split_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes("第一段。\r\n第二段。\r第三段。\n".encode())
    assert [p.text for p in read_file(path).paragraphs] == ["第一段。", "第二段。", "第三段。"]


def test_chrome_lines_become_metadata(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("主页 > 冷库知识 >\n\n时间:2021-09-15 08:30\n\n  正文第一段。\n上一篇：某某\n", encoding="utf-8")
    raw = read_file(path)
    assert [p.text for p in raw.paragraphs] == ["正文第一段。"]
    assert (raw.meta.breadcrumb, raw.meta.date) == ("主页 > 冷库知识 >", "2021-09-15 08:30")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空"),
        (bytes(range(256)) * 40, "二进制"),
        ("正文。".encode() + b"\xff\xfe\xfa\xfb\x00\x01" * 50, "二进制"),
    ],
)
def test_bad_text_files_get_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as err:
        read_file(path)
    assert message in str(err.value) and "bad.txt" in str(err.value)


def test_unknown_extension_names_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "plan.xls"
    path.write_bytes(b"junk")
    with pytest.raises(UnsupportedFormat, match=r"\.docx"):
        read_file(path)


def test_missing_file_message(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="不存在"):
        read_file(tmp_path / "nope.txt")


def test_html_keeps_main_text_and_drops_scripts_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<html><head><meta charset="utf-8"><title>规划纲要</title><script>alert('x')</script>
        <style>p{color:red}</style></head><body>
        <div class="nav">首页 | 政务公开 | 规划计划</div>
        <div class="TRS_Editor"><h2>第一章 发展基础</h2><p>“十三五”时期，<b>全市</b>经济总量迈上新台阶。</p>
        <p>第二段<br>换行后的第三段</p><img src="http://example.invalid/x.png">
        <iframe src="http://example.invalid/"></iframe>
        <table><tr><td>指标</td><td>2025年</td></tr></table></div>
        <div class="footer">版权所有</div></body></html>""",
        encoding="utf-8",
    )
    raw = read_file(path)
    texts = [p.text for p in raw.paragraphs]
    assert texts == [
        "第一章 发展基础",
        "“十三五”时期，全市经济总量迈上新台阶。",
        "第二段",
        "换行后的第三段",
        "指标\t2025年",
    ]
    assert raw.paragraphs[0].heading_level == 2 and raw.paragraphs[-1].table_row
    assert (raw.meta.title, raw.meta.format) == ("规划纲要", "html")  # no h1: the page's <title>


def test_html_in_gbk_with_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "gbk.htm"
    path.write_bytes(
        '<html><head><meta charset="gb2312"></head><body><p>东莞市规划纲要正文。</p></body></html>'.encode("gbk")
    )
    assert read_file(path).paragraphs[0].text == "东莞市规划纲要正文。"
    # pages labelled gb2312 hold GBK characters GB2312 lacks (镕 of 朱镕基, 堃, 喆): read as GB18030, their superset
    path.write_bytes(
        '<html><head><meta charset="gb2312"></head><body><p>朱镕基同志和王喆、李堃出席会议。</p></body></html>'.encode(
            "gbk"
        )
    )
    raw = read_file(path)
    assert raw.paragraphs[0].text == "朱镕基同志和王喆、李堃出席会议。" and raw.meta.encoding == "gb18030"


def test_docx_heading_styles_become_heading_hints(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_heading("东莞市国民经济和社会发展第十四个五年规划", level=0)  # the Title style
    d.add_heading("第一章 总体要求", level=1)
    d.add_paragraph("坚持新发展理念。")
    d.add_heading("一、主要目标", level=2)
    # Chinese templates often mark a heading by its outline level on a plain paragraph (w:outlineLvl 0 = level 1)
    marked = d.add_paragraph("（一）经济发展")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "2")
    marked._p.get_or_add_pPr().append(level)
    d.add_paragraph("到2025年，地区生产总值达到1.3万亿元左右。")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "目标值"
    path = tmp_path / "plan.docx"
    d.save(str(path))
    raw = read_file(path)
    assert [(p.text, p.heading_level, p.table_row) for p in raw.paragraphs] == [
        ("东莞市国民经济和社会发展第十四个五年规划", 1, False),
        ("第一章 总体要求", 1, False),
        ("坚持新发展理念。", None, False),
        ("一、主要目标", 2, False),
        ("（一）经济发展", 3, False),
        ("到2025年，地区生产总值达到1.3万亿元左右。", None, False),
        ("指标\t目标值", None, True),
    ]


def test_broken_docx_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFailed, match="损坏"):
        read_file(path)


def test_scanned_pdf_without_text_gets_a_clear_message() -> None:
    path = ROOT / "tests" / "fixtures" / "bad" / "scanned-no-text.pdf"  # scripts/make_bad_corpus.py
    with pytest.raises(ImportFailed, match="没有文字层"):
        read_file(path)


def test_encrypted_pdf_gets_a_clear_message() -> None:
    path = ROOT / "tests" / "fixtures" / "bad" / "encrypted.pdf"  # scripts/make_bad_corpus.py
    with pytest.raises(ImportFailed, match="加密"):
        read_file(path)


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    # A minimal hand-written PDF with one line of Latin text in Helvetica.
    stream = b"BT /F1 12 Tf 72 720 Td (Dongguan plan 2025 targets) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path = tmp_path / "plan.pdf"
    path.write_bytes(bytes(out))
    assert [p.text for p in read_file(path).paragraphs] == ["Dongguan plan 2025 targets"]


def test_pdf_page_numbers_and_running_headers_are_dropped() -> None:
    pages = [["东莞市“十四五”规划纲要", f"正文第{i}页的内容。", f"- {i} -"] for i in range(1, 5)]
    assert drop_furniture(pages) == [f"正文第{i}页的内容。" for i in range(1, 5)]
    # furniture on the last two lines of a page (the page number above an issuing line) goes; a number standing
    # alone inside the page (a table's lone cell, a list number) stays
    pages = [
        ["东莞市“十四五”规划纲要", f"第{i}页第一段。", "12", f"第{i}页第二段。", f"— {i} —", "东莞市人民政府印发"]
        for i in range(1, 5)
    ]
    assert drop_furniture(pages) == [x for i in range(1, 5) for x in (f"第{i}页第一段。", "12", f"第{i}页第二段。")]


def test_pdf_lines_are_rejoined_into_paragraphs() -> None:
    lines = [
        "第一章 发展基础",
        "“十三五”时期，全市经济总量迈上新台阶，地区生产总值达到",
        "9650亿元，五年年均增长6.5%，创新体系建设实现重大突破。",
        "\u3000\u3000第二段很短。",
    ]
    assert join_lines(lines) == [
        "第一章 发展基础",
        "“十三五”时期，全市经济总量迈上新台阶，地区生产总值达到9650亿元，五年年均增长6.5%，创新体系建设实现重大突破。",
        "第二段很短。",
    ]


def _grid(rows: list[str]) -> list[list[str]]:
    return [[re.sub(r"\s+", "", cell) for cell in row.split("\t")] for row in rows]


@pytest.mark.parametrize("name", ["cn14_fyp_outline_p1-2", "cn15_fyp_outline_p1-2"])
@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf"])
def test_indicator_table_has_the_same_grid_in_every_format(name: str, ext: str) -> None:
    """专栏1 as transcribed (tab-separated lines of the .txt, merged cells left empty) is the grid each format gives:
    Word cells by identity, ruled PDF cells by pdfplumber, text rows keeping their empty first cell."""
    corpus = ROOT / "tests" / "data" / "corpus"
    lines = (corpus / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    expected = _grid([line for line in lines if line.count("\t") >= 2])
    raw = read_file(corpus / f"{name}{ext}")
    got = _grid([p.text for p in raw.paragraphs if p.table_row])
    assert got == expected
    assert len(expected) == 22 if name.startswith("cn15") else len(expected) == 21


def test_html_table_spans_are_placed_on_the_grid(tmp_path: Path) -> None:
    """专栏1 of the 十四五 outline as a web page marks it up: 类别 spans its group's rows (rowspan), and a cell
    may span two columns (colspan). Merged cells come out empty, as in the corpus transcription."""
    lines = (ROOT / "tests" / "data" / "corpus" / "cn14_fyp_outline_p1-2.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.count("\t") >= 2]
    head, body = rows[0], rows[1:]
    groups: list[list[list[str]]] = []
    for cells in body:
        if cells[0] or not groups:
            groups.append([])
        groups[-1].append(cells)
    html_rows = ["<tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>"]
    expected = [head]
    for group in groups:
        for n, cells in enumerate(group):
            tds = [f'<td rowspan="{len(group)}">{cells[0]}</td>'] if n == 0 else []
            values = cells[1:]
            if values[1:3] == ["—", "—"]:  # 2020年 and 2025年 both empty: one cell across the two columns
                tds += [f"<td>{values[0]}</td>", '<td colspan="2">—</td>', *[f"<td>{v}</td>" for v in values[3:]]]
                expected.append([cells[0] if n == 0 else "", values[0], "—", "", *values[3:]])
            else:
                tds += [f"<td>{v}</td>" for v in values]
                expected.append([cells[0] if n == 0 else "", *values])
            html_rows.append("<tr>" + "".join(tds) + "</tr>")
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><body><p>专栏1　“十四五”时期经济社会发展主要指标</p><table>"
        + "".join(html_rows)
        + "</table></body></html>",
        encoding="utf-8",
    )
    raw = read_file(page)
    got = [p.text.split("\t") for p in raw.paragraphs if p.table_row]
    assert got == expected
    assert sum(1 for r in expected if r[3] == "" and r[2] == "—") == 3  # the three rows with a spanning cell


def test_html_layout_tables_are_unwrapped_to_their_content(tmp_path: Path) -> None:
    """Older .gov.cn pages wrap the article in nested one-cell tables: the article comes out once, as paragraphs."""
    article = (
        "<p>第一章　发展环境</p><p>“十四五”时期是我国全面建成小康社会、实现第一个百年奋斗目标之后，乘势而上开启全面建设社会主义"
        "现代化国家新征程、向第二个百年奋斗目标进军的第一个五年。</p>" * 3
    )
    page = tmp_path / "old.html"
    page.write_text(
        f"<html><body><table><tr><td><table><tr><td><table><tr><td>{article}</td></tr></table></td></tr></table>"
        "</td></tr></table></body></html>",
        encoding="utf-8",
    )
    raw = read_file(page)
    assert not any(p.table_row for p in raw.paragraphs)
    assert [p.text for p in raw.paragraphs].count("第一章　发展环境") == 3


def test_word_merged_cells_leave_the_covered_cells_empty(tmp_path: Path) -> None:
    """A Word copy of 专栏1 with the merges an author makes: 类别 merged down its group (vMerge) and 2020年/2025年
    merged across (gridSpan); a table nested in a cell keeps its text in the cell."""
    import docx

    d = docx.Document()
    d.add_paragraph("专栏1　“十四五”时期经济社会发展主要指标")
    t = d.add_table(rows=4, cols=6)
    data = [
        ["类别", "指标", "2020年", "2025年", "年均/累计", "属性"],
        ["创新驱动", "4.全社会研发经费投入增长（%）", "—", "", "＞7、力争投入强度高于“十三五”时期实际", "预期性"],
        ["", "5.每万人口高价值发明专利拥有量（件）", "6.3", "12", "—", "预期性"],
        ["", "6.数字经济核心产业增加值占GDP比重（%）", "7.8", "10", "—", "预期性"],
    ]
    for r, cells in enumerate(data):
        for c, text in enumerate(cells):
            if text:
                t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(3, 0))  # 类别 down the group
    t.cell(1, 2).merge(t.cell(1, 3))  # one — across 2020年 and 2025年
    nested = t.cell(3, 5).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "注"
    nested.cell(0, 1).text = "口径调整"
    path = tmp_path / "plan.docx"
    d.save(str(path))
    rows = [p.text.split("\t") for p in read_file(path).paragraphs if p.table_row]
    assert rows[:3] == [data[0], data[1], data[2]]
    assert rows[3][:5] == data[3][:5] and rows[3][5].startswith("预期性") and "口径调整" in rows[3][5]


def _corpus_table_rows(name: str) -> list[list[str]]:
    lines = (ROOT / "tests" / "data" / "corpus" / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.count("\t") >= 2]


@pytest.mark.parametrize("form", ["bars", "markdown", "spaces"])
def test_text_table_rows_in_other_forms_become_tab_separated_cells(tmp_path: Path, form: str) -> None:
    """专栏1 of the 十五五 outline as a copied web page gives it (｜), as Markdown, and as space-aligned columns."""
    rows = _corpus_table_rows("cn15_fyp_outline_p1-2.txt")
    filled = [[c or "—" for c in r] for r in rows]  # every cell holds something, so no form loses a column
    if form == "bars":
        body = ["｜".join(r) for r in filled]
    elif form == "markdown":
        body = ["| " + " | ".join(filled[0]) + " |", "|" + "---|" * len(filled[0])]
        body += ["| " + " | ".join(r) + " |" for r in filled[1:]]
    else:
        body = ["    ".join(r) for r in filled]
    path = tmp_path / "plan.txt"
    path.write_text(
        "专栏1　“十五五”时期经济社会发展主要指标\n" + "\n".join(body) + "\n注：①〔 〕为5年累计数。\n", encoding="utf-8"
    )
    raw = read_file(path)
    got = [p.text.split("\t") for p in raw.paragraphs if p.table_row]
    assert got == filled


def test_prose_with_a_bar_or_wide_spaces_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "第一章　发展环境\n“十四五”时期是全面建成小康社会之后的第一个五年｜过渡句。\n"
        "站在新的起点上，我国发展基础更加坚实。  发展环境发生深刻复杂变化。\n",
        encoding="utf-8",
    )
    assert not any(p.table_row for p in read_file(path).paragraphs)


PDFS = ROOT / "tests" / "fixtures" / "pdf"


def _texts(name: str) -> list[str]:
    return [p.text for p in read_file(PDFS / name).paragraphs]


def test_official_document_fonts_without_unicode_map_are_read_as_gb18030() -> None:
    # The page (rendered and read): 目　　录, then each entry — title, leaders, page number — with its date
    # in brackets on an indented line below.
    toc = _texts("XiaoBiaoSong.pdf")
    assert toc[0] == "目\u3000\u3000录"
    assert re.fullmatch("关于红军作战的原则…+１", toc[1]) and toc[2] == "（一九三七年八月一日）"
    assert re.fullmatch("关于在山西开展游击战争的意见 …+２１", toc[-2]) and toc[-1] == "（一九三七年九月二十三日）"
    assert _texts("SimFang-variant.pdf")[0].startswith("全世界无产者，联合起来")
    # One run of GBK among Latin text is recovered; the Latin text around it is untouched.
    mixed = _texts("issue20489.pdf")
    assert mixed[0] == "北斗星" and "APPROVED:" in mixed


def test_fake_bold_is_read_once() -> None:
    report = _texts("issue-842-example.pdf")
    assert report[0] == "安徽安利合成革股份有限公司"
    assert "股票代码：300218" in report and "披露日期：2012 年 3 月 27 日" in report
    # Every line of this CV is drawn twice. Read off the rendered page: a bold label runs into its paragraph, and
    # the degree stands at the end of its school's row.
    cv = _texts("issue-71-duplicate-chars.pdf")
    assert cv[0].startswith("项目描述：负责四川省甘孜州丹巴磨子电站") and cv[0].endswith("指导施工单位安全施工。炸弹")
    assert cv[1:3] == ["2020.01 - 2020.05", "项目名称一1"]
    assert "北京师范大学珠海分校 计算机科学与技术（应用技术） 本科" in cv
    assert not any("本科本科" in p or "项目描述：项目描述：" in p for p in cv)


def test_fake_bold_is_read_once_from_the_text_layer_too() -> None:
    # The text layer is what a file gives when its characters' positions cannot be read; fake bold there is each
    # run repeated within a line (the report's title drawn four times) or each line repeated on the next (the CV).
    from reader.document.importers import pdf

    report = [p.text for p in pdf.read(PDFS / "issue-842-example.pdf", positions=False).paragraphs]
    assert report[0] == "安徽安利合成革股份有限公司" and "股票代码：300218" in report
    cv = "\n".join(p.text for p in pdf.read(PDFS / "issue-71-duplicate-chars.pdf", positions=False).paragraphs)
    assert cv.count("北京师范大学珠海分校") == 1 and "本科本科" not in cv and "项目描述：项目描述：" not in cv


def test_lines_are_joined_by_the_width_of_their_own_page() -> None:
    # A quarterly report whose 重要提示 page is set larger than the body pages, and whose tables make the widest
    # lines of the document: the three paragraphs of that page (read off the page) come out whole.
    report = _texts("issue-67-example.pdf")
    start = report.index("第一节 重要提示")
    assert report[start + 1 : start + 4] == [
        "公司董事会、监事会及董事、监事、高级管理人员保证季度报告内容的真实、准确、完整，不存在虚假记载、"
        "误导性陈述或者重大遗漏，并承担个别和连带的法律责任。",
        "所有董事均已出席了审议本次季报的董事会会议。",
        "公司负责人刘道骐、主管会计工作负责人肖寻及会计机构负责人(会计主管人员)钱扣明声明："
        "保证季度报告中财务报表的真实、准确、完整。",
    ]
    # A form's question and its tick-box answer stay two lines.
    question = report.index("公司是否需追溯调整或重述以前年度会计数据")
    assert report[question + 1] == "□ 是 √ 否"


def test_vertical_writing_is_read_in_its_columns() -> None:
    # pdf.js's vertical.pdf (rendered and read): two vertical lines, あいうえお on the right, 日本語 to its left.
    # The text layer (pypdf) gives neither; read by position, the columns come right to left, each top down.
    assert "".join(_texts("vertical.pdf")) == "あいうえお日本語"


def test_vertical_columns_under_horizontal_headings_are_each_read_whole() -> None:
    # pdf.js's issue6387.pdf (rendered and read): headings across the top (tracking / 文字ツメ (mojitsume) /
    # kerning), small labels under them, then nine vertical columns, each あのイーハトーヴォのすきとおった風.
    # The labels that stand alone right above a column (0) are read as its first character.
    paragraphs = _texts("issue6387.pdf")
    assert paragraphs[0] == "tracking 文字ツメ (mojitsume) kerning"
    columns = [p for p in paragraphs if re.fullmatch("0?あのイーハトーヴォのすきとおった風", p)]
    assert len(columns) == 9
    assert not any(len(p) == 1 for p in paragraphs)


@pytest.mark.parametrize("name", ["cn14_fyp_outline_p1-2", "cn15_fyp_outline_p1-2"])
def test_pdf_paragraphs_are_the_paragraphs_of_the_transcription(name: str) -> None:
    """Every paragraph of the corpus transcription (.txt, made from the published text, not by this program) is a
    paragraph of the PDF import, and the PDF gives no other: the two-line title joins, headings stand alone,
    and each paragraph ends where its last line stops short of the margin or the next one opens with more space."""
    corpus = ROOT / "tests" / "data" / "corpus"

    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", text)

    lines = (corpus / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    expected = [squeeze(x) for x in lines if x.strip() and x.count("\t") < 2]
    stages: list[str] = []
    raw = read_file(corpus / f"{name}.pdf", progress=lambda _percent, stage: stages.append(stage))
    assert [s for s in stages if s.startswith("第 ")] == [f"第 {n}/7 页" for n in range(1, 8)]  # 7 pages, each once
    got = [squeeze(p.text) for p in raw.paragraphs if not p.table_row]
    assert got == expected
    # the title the file's properties give (its first line, as the .txt has it), the format it came in
    assert (raw.meta.title, raw.meta.source, raw.meta.format) == (lines[0].strip(), f"{name}.pdf", "pdf")


def test_three_columns_are_read_one_after_another() -> None:
    # The Federal Register issue's second page (rendered and read): column one opens with these fifteen lines,
    # column two with "altitude disagree alert,5 and may affect …"; the rows across the page mix all three.
    paragraphs = _texts("federal-register-2020-17221.pdf")
    assert (
        "Hatta International Airport in Jakarta, Indonesia, resulting in 189 fatalities. Investigation of the "
        "accident has been completed by the Indonesian authorities (Komite Nasional Keselamatan Transportasi (KNKT)) "
        "with assistance from the National Transportation Safety Board (NTSB) and the FAA of the United States, the "
        "manufacturer, and the operator. Reports 1 from the accident investigation indicate that the airplane’s "
        "flight control system 2 generated repeated airplane nose-down horizontal stabilizer trim 3 commands "
        "contributing to the accident."
    ) in paragraphs
    assert (
        "altitude disagree alert,5 and may affect the flightcrew’s ability to accomplish continued safe flight and "
        "landing."
    ) in paragraphs
    # The printer's stamp up the left edge of every page (jbell on DSKJLSW7X2PROD with PROPOSALS) is page
    # furniture: it goes with the running heads. Its letters were read into the rows beside it, the foot of
    # column one (footnote 4 on page 2), which reads on without them.
    assert not any("DSKJLSW7X2PROD" in p or "PROPOSALS" in p for p in paragraphs)
    # The running heads alternate: "Federal Register / Vol. 85 … Proposed Rules 47699" on right-hand pages,
    # "47700 Federal Register / …" on left-hand ones; neither is text.
    assert not any(re.match(r"(\d+ )?Federal Register / Vol\. 85", p) for p in paragraphs)
    assert (
        "since eventually lift can be lost, causing the airplane to stall. A stall occurs when the airflow around "
        "the wing is sufficiently disrupted to cause the wing to no longer generate lift."
    ) in " ".join(paragraphs)


def test_a_margin_note_column_is_not_read_into_the_body() -> None:
    # issue-316-example.pdf, first page: the journal's notes (Employee Relations / Vol. 29 No. 2, 2007 /
    # pp. 162-177) stand in the left margin beside the body's last lines; the body paragraph reads on without them.
    paragraphs = _texts("issue-316-example.pdf")
    body = next(p for p in paragraphs if p.startswith("In discussing work-life balance"))
    assert body.endswith("when the “work” in work-life balance is a series of rotating or shifts")
    assert "Employee Relations" not in body and "Vol. 29" not in body
    assert paragraphs.index("Employee Relations") < paragraphs.index(body)


def test_a_table_aligned_by_whitespace_reads_as_a_grid() -> None:
    # issue-912.pdf, page 2 (rendered and read): the ABC LTD ledger, no rules at all. Its columns: Vr.Date, Vr.No,
    # Vr.Type, an unheaded one-letter column (R / C), Particulars, and the right-aligned Dr.Amt, Cr.Amt, Balance.
    raw = read_file(PDFS / "issue-912.pdf")
    rows = [p.text.split("\t") for p in raw.paragraphs if p.table_row]
    start = rows.index(["Vr.Date", "Vr.No", "Vr.Type", "", "Particulars", "Dr.Amt", "Cr.Amt", "Balance"])
    assert rows[start + 1 :] == [
        ["01-Apr-15", "", "", "", "Opening Balance", "", "24274200", "24274200"],
        ["17-Aug-15", "4", "JV", "R", "BEING EXCHANGE RATE DIFF", "0", "979400", "25253600 Cr."],
        ["17-Aug-15", "16", "BP", "R", "BEING TRF", "6530000", "0", "18723600 Cr."],
        ["07-Sep-15", "58", "BP", "C", "280000,$,@66.87, B.Ref-, Inv- BEING TRF", "18723600", "0", "0 Dr."],
        ["07-Sep-15", "58", "BP", "C", "0,$,@0, B.Ref-, Inv- BEING INTERST PAID", "0", "0", "0 Dr."],
        [
            "20-Oct-15",
            "3",
            "JV",
            "C",
            "610,$,@65.22, B.Ref-, Inv- Being the amount vide performa no DS03/13/D111161",
            "0",
            "39784",
            "39784 Cr.",
        ],
        [
            "20-Oct-15",
            "20",
            "BP",
            "C",
            "610,$,@65.22, B.Ref-, Inv- BEING IMPORT PYMNET FOR LICENSE KEY",
            "39784",
            "0",
            "0 Dr.",
        ],
    ]
    titles = [p.text for p in raw.paragraphs if not p.table_row]
    assert "ABC LTD" in titles  # the ledger's title is text above its table, not a row of it


def test_prose_is_not_taken_for_a_whitespace_table() -> None:
    # Chinese prose pages and the corpus outlines keep no column gaps: no table rows but their ruled tables.
    assert not any(p.table_row for p in read_file(PDFS / "issue-71-duplicate-chars.pdf").paragraphs[:20])
    corpus = ROOT / "tests" / "data" / "corpus"
    for name, rows in (("cn14_fyp_outline_p1-2", 21), ("cn15_fyp_outline_p1-2", 22)):
        assert sum(p.table_row for p in read_file(corpus / f"{name}.pdf").paragraphs) == rows


def test_a_text_layer_that_cannot_be_decoded_is_refused_in_one_line() -> None:
    # pdf.js's issue19550.pdf: the page draws a few accented capitals, its text layer says ɎɅȺɇɐɕɂɉȿɊȿɏɈȾɕ.
    path = PDFS / "issue19550.pdf"
    with pytest.raises(ImportFailed) as info:
        read_file(path)
    assert str(info.value) == (
        f"无法导入 {path}：PDF 的文字无法正确解码（所用字体没有可用的编码，读出的是乱码）"
        "（请用原软件重新导出 PDF，或导入该文件的 Word/网页版本）"
    )


def test_a_pdf_without_a_text_layer_says_what_to_do_in_one_line() -> None:
    path = ROOT / "tests" / "fixtures" / "bad" / "scanned-no-text.pdf"
    with pytest.raises(ImportFailed) as info:
        read_file(path)
    assert str(info.value) == (
        f"无法导入 {path}：PDF 没有文字层（可能是扫描件或图片）（请先用 OCR 软件识别文字，或导入该文件的 Word/网页版本）"
    )


@pytest.mark.parametrize(
    ("text", "garbage"),
    [
        # XiaoBiaoSong.pdf's text layer as pypdf gives it (GBK codes read as Latin-1), and the same recovered.
        ("Ä¿ ¡¡ ¡¡ Â¼ ¹Ø ÓÚ ºì ¾ü ×÷ Õ½ µÄ Ô­ Ôò £± ¶Ô¹ú·À ÎÊÌâ µÄ Òâ¼û", True),
        ("目\u3000\u3000录 关于红军作战的原则……１", False),
        # European text from pdf.js's test files (bug1650302, endchar, bug1795263, french_diacritics): real words.
        ("Výbava na přání", False),
        ("LE HOLD-UP PLANÉTAIRE", False),
        ("Erdgas – zuverlässig, sicher, günstig! für Reinbek, Wentorf & Wohltorf", False),
        ("à À â Â ä Ä ç Ç é É è È ê Ê ë Ë î Î ï Ï ô Ô ù Ù û Û ü Ü", False),
        # A Chinese plan's sentence with the signs Chinese text uses (× · ° ±).
        ("到2025年，地区生产总值达到1.3万亿元左右，年均增长6.5%±0.5，马克思·恩格斯，气温升高1.5°C。", False),
    ],
)
def test_undecodable_text_is_told_from_text_with_accents(text: str, garbage: bool) -> None:
    from reader.document.importers.pdf import _undecodable

    assert _undecodable(text) is garbage


def test_pages_pypdf_cannot_decode_give_one_line_not_a_traceback() -> None:
    # Both raised pypdf's DependencyError / DeprecationError (not ImportFailed) from the text layer.
    from reader.document.importers import pdf

    with pytest.raises(ImportFailed, match="没有文字层"):
        read_file(PDFS / "poppler-395-0-fuzzed.pdf")  # pdfminer cannot read it: the text layer is the fallback
    with pytest.raises(ImportFailed, match="没有文字层"):
        pdf.read(PDFS / "bomb_giant.pdf", positions=False)
    assert read_file(PDFS / "bomb_giant.pdf").paragraphs  # read from positions, its text imports


def test_latin_words_broken_at_line_ends_keep_their_space() -> None:
    # Lines of the first page's body, as the page sets them: "…time spent at work," / "and ﬂexibility of work…",
    # "…the focus of this balancing act is" / "on a traditional 9-5 view…".
    paragraphs = _texts("issue-316-example.pdf")
    text = " ".join(paragraphs)
    assert "time spent at work, and ﬂexibility of work time" in text
    assert "balancing act is on a traditional 9-5 view" in text and "andTechnology" not in text


def test_an_aes_pdf_with_only_an_owner_password_opens() -> None:
    assert _texts("r6-owner-password.pdf")[0].startswith("pdf encryption test password")


def test_an_aes_pdf_with_a_user_password_says_it_needs_one() -> None:
    with pytest.raises(ImportFailed, match="需要密码"):
        read_file(PDFS / "r4-aes-user-password.pdf")


def test_short_alike_pages_are_not_all_taken_for_running_heads() -> None:
    from reader.document.importers.pdf import body_lines

    # A slide-like PDF: each page holds one short line of the same shape (序号 changes only in its number).
    pages = [[f"第{n}页　重点任务清单"] for n in range(1, 6)]
    assert len(body_lines(pages)) == 5
    # Real running heads still go when there is a body to keep.
    pages = [["东莞市国民经济和社会发展第十四个五年规划", f"正文第{n}段。", str(n)] for n in range(1, 6)]
    assert body_lines(pages) == [f"正文第{n}段。" for n in range(1, 6)]


# Short GBK files whose bytes are also valid UTF-8 (目录 = C4 BF C2 BC = 「Ŀ¼」 in UTF-8). The words are headings
# and lines of real documents: the bundled plan, the corpus outlines, a State Council notice.
SHORT_GBK = [
    "目录",
    "通知",
    "时",
    "强",
    "展望",
    "7.森林覆盖率",
    "4. 全面深化改革",
    "附件",
    "第一章　总则",
    "关于印发实施方案的通知",
]


@pytest.mark.parametrize("text", SHORT_GBK)
def test_short_gbk_files_are_read_as_gbk(tmp_path: Path, text: str) -> None:
    from reader.document.importers.text import decode

    assert decode(text.encode("gbk"), tmp_path / "a.txt") == (text, "gb18030")


@pytest.mark.parametrize("text", ["café au lait", "naïve résumé", "Привет мир", "Καλημέρα", "½ cup", "© 2024 ®", "ü"])
def test_short_utf8_files_in_other_scripts_stay_utf8(tmp_path: Path, text: str) -> None:
    from reader.document.importers.text import decode

    assert decode(text.encode("utf-8"), tmp_path / "a.txt") == (text, "utf-8")


def test_a_gov_cn_policy_page_gives_the_text_and_nothing_of_the_page() -> None:
    # The 2018 opinion as gov.cn publishes it (tests/fixtures/html/README.md): every paragraph is the corpus
    # text, line for line; the date line under the headline, 【我要纠错】, the breadcrumb and the footer are not.
    raw = read_file(ROOT / "tests" / "fixtures" / "html" / "gov-cn-policy-page.html")
    corpus = (DATA / "corpus" / "agri_mechanization_opinion_2018.txt").read_text(encoding="utf-8").splitlines()
    assert [p.text for p in raw.paragraphs] == corpus
    assert raw.meta.title == "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见"
    assert raw.meta.date == "2018-12-29 17:00"
    assert raw.meta.breadcrumb == "首页 > 政策 > 政策库 > 国务院文件"
    assert raw.meta.extra == {"来源": "中国政府网", "责任编辑": "王洋"}
    assert [p.heading_level for p in raw.paragraphs[:2]] == [1, None]


def test_a_headline_set_above_the_article_block_is_still_the_first_paragraph(tmp_path: Path) -> None:
    # The same gov.cn page with its h1 moved out of the article block, just above it, as many provincial sites set
    # the headline: the text is still the corpus text, headline first.
    page = (ROOT / "tests" / "fixtures" / "html" / "gov-cn-policy-page.html").read_text(encoding="utf-8")
    h1 = "<h1>国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见</h1>\n"
    article = '<div class="article oneColumn pub_border">'
    assert page.count(h1) == page.count(article) == 1
    moved = tmp_path / "page.html"
    moved.write_text(page.replace(h1, "").replace(article, h1 + article), encoding="utf-8")
    raw = read_file(moved)
    corpus = (DATA / "corpus" / "agri_mechanization_opinion_2018.txt").read_text(encoding="utf-8").splitlines()
    assert [p.text for p in raw.paragraphs] == corpus and raw.paragraphs[0].heading_level == 1


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("2018-12-29 17:00 来源： 中国政府网 【字体：大 中 小】 打印本页", True),
        ("2021-03-05 09:30", True),
        ("2018年12月21日", False),  # the signature's date is the document's
        ("2025年 来源未定的说法", False),
        ("【我要纠错】 责任编辑：王洋", True),
        ("【重点工程】建设一批重大项目", False),
    ],
)
def test_page_date_and_footer_lines_are_chrome_only_in_their_own_form(line: str, chrome: bool) -> None:
    from reader.document.importers.chrome import find_chrome

    drop, _ = find_chrome(["正文第一段。", line])
    assert (1 in drop) is chrome


def test_an_old_layout_table_page_gives_the_text_its_table_and_its_tree() -> None:
    # The 十四五 outline's first two parts on a page laid out with tables, in GB2312 (tests/fixtures/html/README.md):
    # the headline above the body, every paragraph, and the indicator table with 类别 merged down its group.
    from reader.document.structure import build

    txt = DATA / "corpus" / "cn14_fyp_outline_p1-2.txt"
    raw = read_file(ROOT / "tests" / "fixtures" / "html" / "old-gov-layout-tables-gb2312.html")
    assert [p.text for p in raw.paragraphs] == txt.read_text(encoding="utf-8").splitlines()
    assert raw.paragraphs[0].heading_level == 1 and raw.meta.encoding == "gb18030"
    assert raw.meta.breadcrumb == "当前位置： 首页 > 政务公开 > 规划计划"
    assert sum(p.table_row for p in raw.paragraphs) == 21

    def tree(doc):  # type: ignore[no-untyped-def]
        out = []

        def walk(nodes, depth):  # type: ignore[no-untyped-def]
            for n in nodes:
                out.append((depth, n.kind, n.label, n.block))
                walk(n.children, depth + 1)

        walk(doc.outline, 1)
        return out

    assert tree(build(raw, "h")) == tree(build(read_file(txt), "t"))


def test_a_damaged_pdf_gets_one_line_and_no_warnings_of_pypdf(caplog: pytest.LogCaptureFixture) -> None:
    # poppler's fuzzed file (pdf.js): pypdf warns about its broken objects while reading it, and no page gives text.
    # What is wrong with a file is the importer's to say in one line; pypdf's warnings would reach the terminal of
    # the CLI as noise.
    import logging

    caplog.set_level(logging.WARNING)
    with pytest.raises(ImportFailed, match="没有文字层"):
        read_file(PDFS / "poppler-395-0-fuzzed.pdf")
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_a_text_file_says_what_it_was_and_pasted_text_has_no_encoding() -> None:
    from reader.document.importers.text import from_text

    raw = read_file(DATA / "corpus" / "nanjing_2026_gwr_p2-3.txt")
    assert (raw.meta.format, raw.meta.encoding, raw.meta.source) == ("txt", "utf-8", "nanjing_2026_gwr_p2-3.txt")
    pasted = from_text("第一章 总则\n坚持稳中求进。", title="粘贴的文字")
    assert (pasted.meta.format, pasted.meta.encoding, pasted.meta.title) == ("txt", "", "粘贴的文字")


def test_a_text_wrapped_at_a_fixed_width_is_read_as_paragraphs() -> None:
    # The 八五 outline (1991) as the public lawtext/gov mirror holds it: every paragraph broken into lines of about 26
    # characters. Read one line a paragraph, 「1995年国民收入生产额达到18250亿元，比1990年的」 and 「14300亿元增长27.6%…」
    # were two paragraphs, and the figure lost its name.
    raw = read_file(DATA / "heldout" / "cn8_fyp_outline_growth_and_finance.txt")
    texts = [p.text for p in raw.paragraphs]
    assert texts[:3] == [
        "中华人民共和国国民经济和社会发展十年规划和第八个五年计划纲要",
        "（1991 年 4 月第七届全国人民代表大会第四次会议批准）",
        "（二）经济增长的规模和速度",
    ]
    income = next(t for t in texts if t.startswith("1995年国民收入生产额"))
    assert income.startswith(
        "1995年国民收入生产额达到18250亿元，比1990年的14300亿元增长27.6%，平均每年增长5%。五年合计，"
    )
    assert "五年内，全国居民消费水平平均每年增长 3%。" in texts  # a paragraph of one line stays one
    # A text of one paragraph a line, however long its lines, is left as it is.
    national = read_file(DATA / "heldout" / "gwr_2016_national.txt")
    lines = [line.strip() for line in (DATA / "heldout" / "gwr_2016_national.txt").read_text("utf-8").splitlines()]
    assert [p.text for p in national.paragraphs] == [line for line in lines if line]
