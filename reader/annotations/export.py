"""Exports of annotations: Markdown for reports, CSV for Excel, JSON (complete) for backup and merge."""

from __future__ import annotations

import re
import time
from typing import Any

from reader.annotations.model import Annotation
from reader.document.docinfo import LABELS
from reader.document.model import Document

CSV_HEADER = (
    "类型",
    "颜色",
    "章节",
    "原文",
    "批注",
    "标签",
    "状态",
    "创建时间",
    "修改时间",
    "文档",
    "段",
    "起",
    "止",
    "编号",
)
KIND_LABEL = {"highlight": "高亮", "note": "批注", "bookmark": "书签"}
STATUS_LABEL = {"exact": "", "moved": "已随原文移动", "fuzzy": "近似定位", "orphaned": "无法定位（原文已删改）"}
_ENTITY = re.compile(r"&(#?[A-Za-z0-9]+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!~])")
_MD_BULLET = re.compile(r"^(\s*)([-+])(\s)", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])(\s)", re.MULTILINE)


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no markup, no raw HTML, no links or images."""
    text = _ENTITY.sub(r"&amp;\1", text)  # only what would read as an entity (&lt;); R&D stays R&D
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # Only ASCII punctuation can be escaped: a list number keeps its digits and escapes its dot (1\. not \1.).
    text = _MD_BULLET.sub(r"\1\\\2\3", text)
    return _MD_ORDERED.sub(r"\1\\\2\3", text)


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def chapter_of(doc: Document | None, a: Annotation) -> str:
    if doc is None or not a.node:
        return ""
    try:
        return " › ".join(n.label for n in doc.node_path(a.node)[:2])
    except KeyError:
        return ""


def to_markdown(doc: Document, items: list[Annotation], info: dict[str, str] | None = None) -> str:
    """Grouped by chapter in reading order, quotes as block quotes, notes under them; ``info`` (the document's
    issuer, 文号, date …) under the title."""
    lines = [f"# {md_escape(doc.title)} — 批注", ""]
    facts = [f"{label}：{md_escape(info[name])}" for name, label in LABELS.items() if info and info.get(name)]
    if info and info.get("tags"):
        facts.append("标签：" + " ".join(f"#{md_escape(t)}" for t in info["tags"].split()))
    if facts:
        lines += ["　".join(facts), ""]
    lines += [f"导出于 {_when(time.time())}，共 {len(items)} 条。", ""]
    current = None
    for a in sorted(items, key=lambda x: (x.status == "orphaned", x.block, x.start)):
        chapter = "无法定位的批注" if a.orphaned else (chapter_of(doc, a) or "（未分章）")
        if chapter != current:
            lines += [f"## {md_escape(chapter)}", ""]
            current = chapter
        label = KIND_LABEL.get(a.kind, a.kind)
        if a.kind == "bookmark" and a.name:
            label += f"：{md_escape(a.name)}"
        meta = [label]
        if a.tags:
            meta.append(" ".join(f"#{md_escape(t)}" for t in a.tags))
        if STATUS_LABEL.get(a.status):
            meta.append(STATUS_LABEL[a.status])
        lines.append(f"- {'，'.join(meta)}（{_when(a.updated)}）")
        if a.quote:
            lines.append("")
            lines += [f"  > {md_escape(q)}" for q in a.quote.splitlines() or [""]]
        if a.note:
            lines.append("")
            lines += [f"  {md_escape(n)}" for n in a.note.splitlines()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def csv_rows(docs: dict[str, Document], items: list[Annotation]) -> list[tuple[Any, ...]]:
    rows = []
    for a in items:
        doc = docs.get(a.doc)
        rows.append(
            (
                KIND_LABEL.get(a.kind, a.kind),
                a.color,
                chapter_of(doc, a),
                a.quote,
                a.note,
                "、".join(a.tags),
                STATUS_LABEL.get(a.status, a.status),
                _when(a.created),
                _when(a.updated),
                doc.title if doc else a.doc,
                a.block,
                a.start,
                a.end,
                a.id,
            )
        )
    return rows
