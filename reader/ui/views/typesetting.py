"""How a document is typeset for long Chinese reading: fonts, colours (light and dark), paragraph and heading
formats, marks (spans) inside a paragraph, and tables as real grids. Functions over a QTextCursor; the reading view
(``document_view``) decides what to typeset when and maps (block, offset) to positions."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)

from reader.document.headings import is_numbered_heading, lead_sentence
from reader.document.model import Block, BlockKind
from reader.document.tables import NUMERIC_CELL  # numbers are set flush right so digits line up

CJK_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
]
LINE_HEIGHT = 150  # percent

LIGHT = {
    "text": "#2b2b2b",
    "muted": "#7a756c",
    "heading": "#1a1a1a",
    "target_bg": "#e3f1e6",
    "target_fg": "#1d5e34",
    "actual_bg": "#ebe8f5",
    "actual_fg": "#4b3f8a",
    "box_bg": "#f4f1ea",
    "hit_bg": "#fed7aa",  # orange: no highlight colour and no figure colour is orange
    "current_bg": "#fb923c",
    "paper": "#fbfaf7",
    "hl-yellow_bg": "#fff1a8",
    "hl-green_bg": "#cdeccf",
    "hl-blue_bg": "#cfe3f7",
    "hl-pink_bg": "#f8d3e0",
    "note_line": "#b7791f",
    "table_border": "#cfc9bd",
    "table_head_bg": "#efeadf",
    "table_stripe_bg": "#f6f3ec",
}
DARK = {
    "text": "#d8d4cc",
    "muted": "#9a958c",
    "heading": "#ece7dd",
    "target_bg": "#2f4a3a",
    "target_fg": "#a8e0b8",
    "actual_bg": "#3a3550",
    "actual_fg": "#c8c0ef",
    "box_bg": "#2a2a2a",
    "hit_bg": "#7a3e14",
    "current_bg": "#b8561a",
    "paper": "#1e1e1e",
    "hl-yellow_bg": "#5c4f16",
    "hl-green_bg": "#24492f",
    "hl-blue_bg": "#1f3d5c",
    "hl-pink_bg": "#5a2a40",
    "note_line": "#e0b050",
    "table_border": "#4a4742",
    "table_head_bg": "#2c2a27",
    "table_stripe_bg": "#242322",
}


def palette_colors(dark: bool) -> dict[str, QColor]:
    """The text's colours by role: paper, text, headings, figure kinds, highlights, search marks, tables."""
    return {role: QColor(value) for role, value in (DARK if dark else LIGHT).items()}


def pick_cjk_family() -> str:
    """The first CJK font the OS has, from a list of good screen fonts; '' lets Qt fall back."""
    available = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            return family
    return ""


@dataclass(frozen=True)
class Span:
    """A highlighted range inside one block."""

    block: int
    start: int
    end: int
    kind: str  # "target" | "actual" | "num" (a number inside them) | "hit" | "current" | "hl-<colour>" | "note"


def apply_span_format(fmt: QTextCharFormat, kind: str, colors: dict[str, QColor]) -> None:
    """How a span kind looks: numbers bold, notes underlined, the rest by their colour pair."""
    if kind == "num":
        fmt.setFontWeight(QFont.Weight.Bold)
        return
    if f"{kind}_bg" in colors:
        fmt.setBackground(colors[f"{kind}_bg"])
    if f"{kind}_fg" in colors:
        fmt.setForeground(colors[f"{kind}_fg"])
    if kind == "note":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(colors["note_line"])


def block_formats(
    block: Block, opens_chapter: bool, level: int, em: float, point_size: float, colors: dict[str, QColor]
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """Paragraph and character format of a block by its kind: headings by level, notes small and muted, 专栏 boxes
    shaded, body paragraphs with a two-character first-line indent."""
    bf = QTextBlockFormat()
    bf.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    bf.setBottomMargin(em * 0.7)
    cf = QTextCharFormat()
    cf.setForeground(colors["text"])
    kind = block.kind
    if kind is BlockKind.HEADING:
        # The document's own title (an unnumbered heading that opens it) is set above every chapter heading,
        # centred, as printed plans set it.
        is_title = block.index == 0 and not is_numbered_heading(block.text)
        scale = 1.75 if is_title else {1: 1.5, 2: 1.3, 3: 1.15}.get(level, 1.05)
        cf.setFontPointSize(point_size * scale)
        cf.setFontWeight(QFont.Weight.Bold)
        cf.setForeground(colors["heading"])
        bf.setTopMargin(em * (1.6 if level <= 2 or is_title else 0.9))
        bf.setBottomMargin(em * (1.2 if is_title else 0.6))
        bf.setHeadingLevel(1 if is_title else min(level, 6))
        if is_title:
            bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif kind is BlockKind.NOTE:
        cf.setFontPointSize(point_size * 0.88)
        cf.setForeground(colors["muted"])
        bf.setLeftMargin(em)
    elif kind is BlockKind.BOX:
        bf.setBackground(colors["box_bg"])
        bf.setLeftMargin(em * 0.5)
        bf.setRightMargin(em * 0.5)
        cf.setFontPointSize(point_size * 0.94)
    else:
        bf.setTextIndent(em * 2)  # Chinese paragraphs indent their first line by two characters
        if kind in (BlockKind.INTRO, BlockKind.PREFACE) and opens_chapter:
            bf.setTopMargin(em * 2.2)
        elif kind is BlockKind.INTRO:
            bf.setTopMargin(em * 1.2)
    return bf, cf


def insert_with_spans(
    cursor: QTextCursor,
    block: Block,
    text: str,
    base: QTextCharFormat,
    spans: list[Span],
    colors: dict[str, QColor],
) -> None:
    """``text`` (a block's, or a cell's part of it) with its marks; an item's lead sentence reads as its title."""
    bold_end = 0
    if block.kind in (BlockKind.ITEM, BlockKind.BULLET):
        lead = lead_sentence(text.lstrip("—"))
        if lead:
            bold_end = text.index(lead) + len(lead) + 1
    marks: list[tuple[int, int, str]] = sorted((s.start, s.end, s.kind) for s in spans)
    pos = 0
    boundaries = sorted({0, len(text), bold_end, *[m[0] for m in marks], *[m[1] for m in marks]})
    for a, b in itertools.pairwise(boundaries):
        if b <= a or a >= len(text):
            continue
        fmt = QTextCharFormat(base)
        if a < bold_end:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        for start, end, kind in marks:
            if start <= a and b <= end:
                apply_span_format(fmt, kind, colors)
        cursor.insertText(text[a:b], fmt)
        pos = b
    if pos < len(text):
        cursor.insertText(text[pos:], base)


def insert_table(
    cursor: QTextCursor,
    rows: list[Block],
    spans_by_block: dict[int, list[Span]],
    em: float,
    point_size: float,
    colors: dict[str, QColor],
) -> dict[int, list[tuple[int, int, int]]]:
    """A run of table rows as a grid: header row set apart, numbers flush right, body rows striped, cells
    wrapping in their column. Each cell keeps its offsets in the row's text (cells joined by tabs).

    Returns, per row's block index, its cells as (start, end, typeset block number)."""
    grid = [r.text.split("\t") for r in rows]
    ncols = max(len(cells) for cells in grid)
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderBrush(colors["table_border"])
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(em * 0.25)
    fmt.setCellSpacing(0)
    fmt.setTopMargin(em * 0.4)
    fmt.setBottomMargin(em * 0.9)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    header = len(rows) > 1 and not any(NUMERIC_CELL.match(c.strip()) for c in grid[0] if c.strip())
    fmt.setHeaderRowCount(1 if header else 0)
    # Short columns (numbers, 类别, 属性) are as wide as their longest body cell, so values never wrap (a long
    # column name may); the long ones (指标, notes) share the rest and wrap inside their column.
    glyph = point_size * 0.88 * 96 / 72

    def measure(text: str) -> float:  # in Chinese characters: Latin digits and letters are about half as wide
        return sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in text)

    body = grid[1:] if header else grid
    longest = [max((measure(cells[c]) for cells in body if c < len(cells)), default=0) for c in range(ncols)]
    fmt.setColumnWidthConstraints(
        [
            QTextLength(QTextLength.Type.FixedLength, (max(n, 2) + 0.6) * glyph + em * 0.5)
            if n <= 6
            else QTextLength(QTextLength.Type.VariableLength, 0)
            for n in longest
        ]
    )
    table = cursor.insertTable(len(rows), ncols, fmt)
    placed_rows: dict[int, list[tuple[int, int, int]]] = {}
    for r, (row, cells) in enumerate(zip(rows, grid, strict=True)):
        cf = QTextCharFormat()
        cf.setForeground(colors["text"])
        cf.setFontPointSize(point_size * 0.88)
        if header and r == 0:
            cf.setFontWeight(QFont.Weight.DemiBold)
            cf.setForeground(colors["heading"])
        spans = spans_by_block.get(row.index, [])
        placed: list[tuple[int, int, int]] = []
        start = 0
        for c in range(ncols):
            text = cells[c] if c < len(cells) else ""
            cell = table.cellAt(r, c)
            cc = cell.firstCursorPosition()
            bf = QTextBlockFormat()
            bf.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if NUMERIC_CELL.match(text.strip()) and not (header and r == 0):
                bf.setAlignment(Qt.AlignmentFlag.AlignRight)
            cc.setBlockFormat(bf)
            end = start + len(text)
            clipped = [
                Span(s.block, max(s.start, start) - start, min(s.end, end) - start, s.kind)
                for s in spans
                if s.start < end and s.end > start
            ]
            insert_with_spans(cc, row, text, cf, clipped, colors)
            cc.block().setUserState(row.index)
            # A cell's format is its first block's character format: set it last, with its background.
            cell_fmt = QTextTableCellFormat()
            if header and r == 0:
                cell_fmt.setBackground(colors["table_head_bg"])
            elif (r - (1 if header else 0)) % 2 == 1:
                cell_fmt.setBackground(colors["table_stripe_bg"])
            cell_fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignTop)
            cell.setFormat(cell_fmt)
            placed.append((start, end, cc.block().blockNumber()))
            start = end + 1  # the tab between two cells
        placed_rows[row.index] = placed
    cursor.movePosition(QTextCursor.MoveOperation.End)
    return placed_rows
