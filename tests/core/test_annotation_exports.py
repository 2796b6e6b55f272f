"""What a reader gets out: the Markdown and CSV exports of notes, and the checks on items read back from JSON.

The expected texts are written out here as a reader should see them (times in UTC, set for the test).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from reader.annotations.export import csv_rows, md_escape, to_markdown
from reader.annotations.model import Annotation
from reader.document.model import Document

T1 = 1767225600.0  # 2026-01-01 00:00 UTC
T2 = T1 + 86400 + 3600 * 9 + 60 * 5  # 2026-01-02 09:05 UTC


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _a(**kw: Any) -> Annotation:
    base: dict[str, Any] = {
        "id": "a1", "doc": "dongguan-14th-fyp", "kind": "highlight", "block": 38, "block_id": "x", "start": 0,
        "end": 10, "node": "n32", "quote": "城市综合实力明显提升", "prefix": "", "suffix": "", "color": "yellow",
        "note": "", "name": "", "status": "exact", "created": T1, "updated": T2, "tags": [],
    }  # fmt: skip
    base.update(kw)
    return Annotation(**base)


def items() -> list[Annotation]:
    return [
        _a(
            id="n",
            kind="note",
            block=61,
            node="n53",
            quote="深化科技成果转化",
            note="第一行\n第二行：R&D",
            status="fuzzy",
        ),
        _a(id="h", tags=["GDP", "目标"]),
        _a(id="o", kind="note", block=5, node="n3", quote="已被删去的一句", note="原来的批注", status="orphaned"),
        _a(id="b", kind="bookmark", block=38, start=12, name="远景", quote="打造富有活力", status="moved"),
    ]


def test_markdown_export_groups_by_chapter_in_reading_order(
    seed_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "time", lambda: T2)
    info = {"issuer": "东莞市人民政府", "date": "2021-03-31", "tags": "十四五 东莞"}
    got = to_markdown(seed_doc, items(), info)
    assert got == "\n".join(
        [
            "# 东莞市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要 — 批注",
            "",
            "发文机关：东莞市人民政府　日期：2021-03-31　标签：#十四五 #东莞",
            "",
            "导出于 2026-01-02 09:05，共 4 条。",
            "",
            "## 展望2035年 › 锚定2035年远景目标",
            "",
            "- 高亮，#GDP #目标（2026-01-02 09:05）",
            "",
            "  > 城市综合实力明显提升",
            "",
            "- 书签：远景，已随原文移动（2026-01-02 09:05）",
            "",
            "  > 打造富有活力",
            "",
            "## 坚持创新在现代化建设全局中的核心地位 › 面向高质量发展需求",
            "",
            "- 批注，近似定位（2026-01-02 09:05）",
            "",
            "  > 深化科技成果转化",
            "",
            "  第一行",
            "  第二行：R&D",
            "",
            "## 无法定位的批注",
            "",
            "- 批注，无法定位（原文已删改）（2026-01-02 09:05）",
            "",
            "  > 已被删去的一句",
            "",
            "  原来的批注",
            "",
        ]
    )


def test_markdown_export_without_chapters_or_facts(seed_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: T1)
    got = to_markdown(seed_doc, [_a(node="", quote="", note="只有批注", kind="note")])
    assert got == (
        "# 东莞市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要 — 批注\n\n"
        "导出于 2026-01-01 00:00，共 1 条。\n\n"
        "## （未分章）\n\n"
        "- 批注（2026-01-02 09:05）\n\n"
        "  只有批注\n"
    )


def test_markdown_escapes_only_what_would_be_markup() -> None:
    assert md_escape("R&D 与 &lt; 和 *重点* [链接](x) #标题") == r"R&D 与 &amp;lt; 和 \*重点\* \[链接\](x) \#标题"
    assert md_escape("1. 第一条\n- 列表\n+ 加号") == "1\\. 第一条\n\\- 列表\n\\+ 加号"


def test_csv_rows_carry_every_field_a_spreadsheet_needs(seed_doc: Document) -> None:
    rows = csv_rows({seed_doc.id: seed_doc}, [*items()[:2], _a(id="z", doc="gone-doc", node="n1", status="orphaned")])
    assert rows == [
        (
            "批注", "yellow", "坚持创新在现代化建设全局中的核心地位 › 面向高质量发展需求", "深化科技成果转化",
            "第一行\n第二行：R&D", "", "近似定位", "2026-01-01 00:00", "2026-01-02 09:05", seed_doc.title, 61, 0, 10, "n",
        ),
        (
            "高亮", "yellow", "展望2035年 › 锚定2035年远景目标", "城市综合实力明显提升", "", "GDP、目标", "",
            "2026-01-01 00:00", "2026-01-02 09:05", seed_doc.title, 38, 0, 10, "h",
        ),
        (
            "高亮", "yellow", "", "城市综合实力明显提升", "", "", "无法定位（原文已删改）", "2026-01-01 00:00",
            "2026-01-02 09:05", "gone-doc", 38, 0, 10, "z",
        ),
    ]  # fmt: skip


def test_an_item_read_back_takes_defaults_for_what_it_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: T1)
    a = Annotation.from_json({"id": "x", "doc": "d", "kind": "note", "tags": [" 目标 ", "GDP", "目标", " "]})
    assert a.to_json() == {
        "id": "x", "doc": "d", "kind": "note", "block": 0, "block_id": "", "start": 0, "end": 0, "node": "",
        "quote": "", "prefix": "", "suffix": "", "color": "", "note": "", "name": "", "status": "exact",
        "created": T1, "updated": T1, "deleted": None, "tags": ["GDP", "目标"],
    }  # fmt: skip
    b = Annotation.from_json({"id": "x", "doc": "d", "kind": "note", "created": 5, "deleted": 7, "color": "green"})
    assert (b.created, b.deleted, b.color) == (5.0, 7.0, "green") and isinstance(b.created, float)


GOOD = {"id": "x", "doc": "d", "kind": "highlight"}


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ([], "不是一个对象"),
        ({"id": "x"}, "缺少字段 doc, kind"),
        (GOOD | {"block": -1}, "字段 block 应为非负整数，读到 -1"),
        (GOOD | {"start": True}, "字段 start 应为非负整数，读到 True"),
        (GOOD | {"end": "3"}, "字段 end 应为非负整数，读到 '3'"),
        (GOOD | {"created": "今天"}, "字段 created 应为时间戳（数字），读到 '今天'"),
        (GOOD | {"updated": float("nan")}, "字段 updated 应为时间戳（数字），读到 nan"),
        (GOOD | {"deleted": False}, "字段 deleted 应为时间戳（数字），读到 False"),
        (GOOD | {"tags": "GDP"}, "字段 tags 应为文字列表，读到 'GDP'"),
        (GOOD | {"tags": ["GDP", 1]}, "字段 tags 应为文字列表，读到 ['GDP', 1]"),
        (GOOD | {"note": 3}, "字段 note 应为文字，读到 3"),
        (GOOD | {"id": ""}, "字段 id 和 doc 不能为空"),
        (GOOD | {"doc": ""}, "字段 id 和 doc 不能为空"),
        (GOOD | {"kind": "comment"}, "类型“comment”未知（可用：highlight、note、bookmark）"),
        (GOOD | {"color": "red"}, "颜色“red”未知（可用：yellow、green、blue、pink）"),
        (GOOD | {"status": "lost"}, "状态“lost”未知"),
        (GOOD | {"start": 5, "end": 4}, "起始位置 5 在结束位置 4 之后"),
    ],
)
def test_a_bad_item_is_refused_naming_what_is_wrong(item: Any, message: str) -> None:
    with pytest.raises(ValueError) as err:
        Annotation.from_json(item)
    assert str(err.value) == message


def test_an_empty_span_and_a_null_deletion_are_fine() -> None:
    a = Annotation.from_json(GOOD | {"start": 4, "end": 4, "deleted": None, "color": ""})
    assert (a.start, a.end, a.deleted, a.color) == (4, 4, None, "")
