"""Tables of a document: a run of table-row blocks with its caption, header and notes.

Rows stay ordinary blocks (``BlockKind.TABLE_ROW``, cells joined by tabs, merged cells left empty), so notes,
search hits and targets keep addressing them by block and offset; a ``Table`` is the view of a run of them that
readers, exports and the CLI need: the caption above it (专栏1 / 表2 and its title), which rows are the header, and
the notes under it (注：…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.document.model import Block, BlockKind, Document

# A cell that holds a number (60.6*, ＞22, 〔17〕, 1.45左右) or says there is none (—).
NUMERIC_CELL = re.compile(
    r"^[＞＜>≥≤<]?\s*[〔\[［]?\s*-?[\d.,]+\s*[〕\]］]?\s*[*＊]?\s*(?:%|％)?\s*(?:左右|以上|以下|以内)?$|^[—–\-－]+$"
)
CAPTION = re.compile(r"^(?:专栏|表|附表)\s*[0-9０-９一二三四五六七八九十]+")
NOTE = re.compile(r"^(?:注|说明|资料来源|数据来源)\s*[：:]|^[*＊]")


@dataclass(frozen=True)
class Table:
    """A table: its caption block (if any), row blocks, how many of them are header rows, and note blocks."""

    id: str
    caption: Block | None
    rows: tuple[Block, ...]
    header_rows: int
    notes: tuple[Block, ...]

    @property
    def title(self) -> str:
        return self.caption.text if self.caption is not None else ""

    @property
    def width(self) -> int:
        return max(len(r.text.split("\t")) for r in self.rows)

    def grid(self) -> list[list[str]]:
        """Every row as a list of cells, padded to the table's width."""
        return [(r.text.split("\t") + [""] * self.width)[: self.width] for r in self.rows]

    def header(self) -> list[str]:
        """Column names: the header rows' cells, stacked with ' / ' where there are several."""
        if not self.header_rows:
            return [""] * self.width
        grid = self.grid()[: self.header_rows]
        return [" / ".join(dict.fromkeys(row[c] for row in grid if row[c])) for c in range(self.width)]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "caption": self.title,
            "caption_block": self.caption.index if self.caption is not None else None,
            "header_rows": self.header_rows,
            "header": self.header(),
            "rows": [{"block": r.index, "cells": cells} for r, cells in zip(self.rows, self.grid(), strict=True)],
            "notes": [{"block": n.index, "text": n.text} for n in self.notes],
        }


def _is_header(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and not any(NUMERIC_CELL.match(c) for c in filled)


def find_tables(doc: Document) -> list[Table]:
    """The tables of a document, in reading order."""
    out: list[Table] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        if blocks[i].kind is not BlockKind.TABLE_ROW:
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind is BlockKind.TABLE_ROW:
            j += 1
        rows = blocks[i:j]
        caption = None
        if i > 0 and CAPTION.match(blocks[i - 1].text.strip()) and len(blocks[i - 1].text) <= 60:
            caption = blocks[i - 1]
        # The first row is the header when it holds no numbers and rows with numbers follow it.
        header = 1 if len(rows) > 1 and _is_header(rows[0].text.split("\t")) else 0
        notes: list[Block] = []
        k = j
        while k < len(blocks) and NOTE.match(blocks[k].text.strip()) and len(notes) < 3:
            notes.append(blocks[k])
            k += 1
        out.append(Table(f"t{rows[0].id}", caption, tuple(rows), header, tuple(notes)))
        i = j
    return out


def row_headers(doc: Document) -> dict[int, list[str]]:
    """Column headers of every body row of every table, by block index (for labelling a row out of context)."""
    out: dict[int, list[str]] = {}
    for t in find_tables(doc):
        if t.header_rows:
            header = t.header()
            for r in t.rows[t.header_rows :]:
                out[r.index] = header
    return out


def labelled_cells(text: str, columns: list[str] | None) -> list[tuple[str, int, int]]:
    """A row as (label, start, end) per cell worth showing, offsets into the row text: numbers carry their column's
    name (2020年 60.6*), names and categories stand alone; empty and — cells are left out."""
    out = []
    pos = 0
    for k, cell in enumerate(text.split("\t")):
        start, end = pos, pos + len(cell)
        pos = end + 1
        value = cell.strip()
        if not value or re.fullmatch(r"[—–\-－]+", value):
            continue
        label = columns[k] if columns and k < len(columns) and NUMERIC_CELL.match(value) else ""
        out.append((label, start, end))
    return out


def table_of(tables: list[Table], block: int) -> tuple[Table, int] | None:
    """The table holding row ``block``, and the row's position in it."""
    for t in tables:
        for n, r in enumerate(t.rows):
            if r.index == block:
                return t, n
    return None
