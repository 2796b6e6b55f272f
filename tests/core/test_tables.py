"""Tables as a reader and a spreadsheet see them: caption, header, rows with empty merged cells, notes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.document.importers import read_file
from reader.document.structure import build
from reader.document.tables import find_tables
from tests.conftest import DATA

CORPUS = DATA / "corpus"


@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf"])
def test_the_main_indicator_table_has_its_caption_header_and_note(ext: str) -> None:
    doc = build(read_file(CORPUS / f"cn14_fyp_outline_p1-2{ext}"), "t")
    (table,) = find_tables(doc)
    assert table.title.startswith("专栏1") and "主要指标" in table.title
    assert table.header_rows == 1
    assert table.header() == ["类别", "指标", "2020年", "2025年", "年均/累计", "属性"]
    assert len(table.rows) == 21 and table.width == 6
    # 类别 is merged down its group: continuation rows leave it empty.
    assert table.grid()[2][:2] == ["", "2.全员劳动生产率增长（%）"]
    (note,) = table.notes
    assert "".join(note.text.split()).startswith("注：①〔〕内为5年累计数")  # the PDF sets no space inside 〔〕


def _tab_rows(path: Path) -> list[list[str]]:
    """The oracle: the .txt's tab-separated lines split on tabs, without the importers (spaces dropped in cells,
    since a PDF sets none inside 〔 〕)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [["".join(c.split()) for c in line.split("\t")] for line in lines if "\t" in line]


@pytest.mark.parametrize("source", sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx", ".pdf")))
def test_every_corpus_table_has_the_grid_of_the_text_copy(source: str) -> None:
    path = CORPUS / source
    doc = build(read_file(path), "t")
    grid = [["".join(c.split()) for c in row] for table in find_tables(doc) for row in table.grid()]
    assert grid == _tab_rows(path.with_suffix(".txt"))


def test_a_document_without_tables_has_none() -> None:
    doc = build(read_file(CORPUS / "nanjing_2026_gwr_p2-3.txt"), "n")
    assert find_tables(doc) == []


def test_cli_lists_tables_as_json_and_marks_table_rows_in_text(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(CORPUS / "cn15_fyp_outline_p1-2.docx"), "--json"]) == 0
    doc_id = json.loads(capsys.readouterr().out)["id"]
    assert main(["tables", doc_id, "--json"]) == 0
    (table,) = json.loads(capsys.readouterr().out)
    assert table["caption"].startswith("专栏1") and table["header"][2:4] == ["2025年", "2030年"]
    forest = next(r for r in table["rows"] if r["cells"][1] == "18.森林覆盖率（%）")
    assert forest["cells"][2:] == ["25.1*", "25.8", "—", "约束性"]
    assert main(["text", doc_id, "--json"]) == 0
    blocks = json.loads(capsys.readouterr().out)
    marked = [b for b in blocks if "table" in b]
    assert len(marked) == len(table["rows"]) and marked[0]["table"]["header"] is True
    row = next(b for b in marked if b["index"] == forest["block"])
    assert row["table"]["id"] == table["id"] and row["table"]["cells"] == forest["cells"]


def test_cli_tables_csv_opens_in_a_spreadsheet(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(CORPUS / "cn14_fyp_outline_p1-2.txt"), "--json"]) == 0
    doc_id = json.loads(capsys.readouterr().out)["id"]
    out = tmp_path / "tables.csv"
    assert main(["tables", doc_id, "--csv", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["表格", "列1", "列2"] and len(rows) == 22
    assert rows[4][2:] == ["3.常住人口城镇化率（%）", "60.6*", "65", "—", "预期性"]


def test_a_search_hit_in_a_table_row_carries_its_column_names(tmp_path: Path) -> None:
    from reader.document.tables import labelled_cells
    from reader.session import Session

    session = Session(tmp_path / "data")
    doc, _replaced, _anchored = session.import_file(CORPUS / "cn14_fyp_outline_p1-2.docx")
    result = session.search("城镇化率", doc=doc.id)
    row = next(h for h in result.hits if h.kind == "table_row")
    assert row.columns == ["类别", "指标", "2020年", "2025年", "年均/累计", "属性"]
    shown = [(label, row.text[a:b]) for label, a, b in labelled_cells(row.text, row.columns)]
    assert shown == [("", "3.常住人口城镇化率（%）"), ("2020年", "60.6*"), ("2025年", "65"), ("", "预期性")]
    # Prose hits have no columns, and the JSON carries the field.
    prose = next(h for h in result.hits if h.kind != "table_row")
    assert prose.columns is None and "columns" in prose.to_json()


def test_cli_search_shows_a_table_row_with_its_column_names(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(CORPUS / "cn15_fyp_outline_p1-2.txt"), "--json"]) == 0
    doc_id = json.loads(capsys.readouterr().out)["id"]
    assert main(["search", "森林覆盖率", "--doc", doc_id]) == 0
    out = capsys.readouterr().out
    assert "18.【森林覆盖率】（%） · 2025年 25.1* · 2030年 25.8 · 约束性" in out


def test_a_note_on_a_table_cell_follows_its_row_when_the_plan_is_reimported(tmp_path: Path) -> None:
    from reader.session import Session

    source = tmp_path / "十五五纲要.txt"
    text = (CORPUS / "cn15_fyp_outline_p1-2.txt").read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    session = Session(tmp_path / "data")
    doc, _replaced, _anchored = session.import_file(source, index=False)
    row = next(b for b in doc.blocks if "18.森林覆盖率（%）" in b.text)
    start = row.text.index("25.8")
    session.annotations.add(doc, "note", row.index, start, start + 4, note="比十四五末高0.7个百分点")
    # The plan is edited above the table (a paragraph removed) and imported again from the same file.
    edited = text.replace("第一章　发展环境\n", "", 1)
    source.write_text(edited, encoding="utf-8")
    doc2, replaced, anchored = session.import_file(source, index=False)
    assert replaced and anchored.get("orphaned", 0) == 0
    (note,) = session.annotations.list(doc2.id)
    moved = doc2.blocks[note.block]
    assert moved.index == row.index - 1 and moved.text == row.text
    assert moved.text[note.start : note.end] == "25.8"
