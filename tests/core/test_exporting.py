"""CSV exports open in Excel and cannot run formulas; file names cannot escape their folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.exporting import csv_cell, csv_text, safe_filename, write_csv


@pytest.mark.parametrize(
    "dangerous",
    ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x")', "＝1+1", "\t=1"],
    ids=lambda v: v.replace("\t", "TAB"),  # an id with a tab cannot be passed back to pytest
)
def test_formula_cells_are_neutralised(dangerous: str) -> None:
    assert csv_cell(dangerous).startswith("'")


@pytest.mark.parametrize(
    ("value", "expected"), [(-6.5, "-6.5"), ("-6.5", "-6.5"), (42, "42"), (None, ""), ("地区生产总值", "地区生产总值")]
)
def test_plain_values_are_kept(value: object, expected: str) -> None:
    assert csv_cell(value) == expected


def test_write_csv_has_bom_and_round_trips(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", ["指标", "值"], [["地区生产总值", 1.3], ["=cmd|' /C calc'!A0", 2]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["指标", "值"]
    assert rows[1] == ["地区生产总值", "1.3"]
    assert rows[2][0] == "'=cmd|' /C calc'!A0"


def test_csv_text_quotes_commas_and_newlines() -> None:
    text = csv_text(["a"], [["一，二,三\n四"]])
    assert list(csv.reader(io.StringIO(text)))[1] == ["一，二,三\n四"]


@pytest.mark.parametrize("name", ["../../etc/passwd", 'a/b\\c:d*e?f"g<h>i|j', "CON", "   ", "..", "第一章 总体要求"])
def test_safe_filename_never_contains_separators(name: str) -> None:
    out = safe_filename(name)
    assert out and "/" not in out and "\\" not in out and ".." not in out
    assert out.upper() != "CON"


def test_targets_cli_json_fields(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", "--kind", "target", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and all(i["kind"] == "target" for i in items)
    keys = (
        "block",
        "start",
        "end",
        "text",
        "indicator",
        "values",
        "unit",
        "qualifier",
        "year",
        "base_year",
        "attribute",
    )
    for key in (*keys, "kind", "node"):
        assert key in items[0]
    # 「到2025年GDP达到1.3万亿元左右」: the indicator as the plan writes it.
    gdp = next(i for i in items if i["text"] == "到2025年GDP达到1.3万亿元左右")
    assert (gdp["indicator"], gdp["values"], gdp["unit"], gdp["year"]) == ("GDP", [1.3], "万亿元", "2025")


def test_targets_cli_spans_point_at_the_text(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["targets", "--json"])
    items = json.loads(capsys.readouterr().out)
    main(["text", "--json"])
    blocks = json.loads(capsys.readouterr().out)
    for item in items:
        block = blocks[item["block"]]
        assert block["text"][item["start"] : item["end"]] == item["text"] and item["block_id"] == block["id"]
        for q in item["quantities"]:  # each value's own span in the paragraph
            assert block["text"][q["start"] : q["end"]] == q["text"] and q["text"] in item["text"]


def test_targets_cli_csv_file_is_excel_ready(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "目标 导出.csv"
    assert main(["targets", "--csv", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["类型", "指标", "数值"]
    kinds = {r[0] for r in rows[1:]}
    assert kinds == {"目标", "既往"}
