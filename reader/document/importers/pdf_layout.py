"""The lines of a PDF page from its character positions (pdfminer.six, through pdfplumber), in reading order.

The text layer of a PDF is a list of drawing operations, not of lines: it can draw a title four times over itself
(fake bold), the columns of a page side by side, or a column of vertical text from top to bottom. This module
places every character where it is drawn and reads the page as a person would:

- a character drawn again on itself (within a point) is read once;
- characters on one baseline make a row; a wide gap splits a row into segments;
- a page set in columns (a gutter free of text down a run of rows, prose on each side, or a margin column beside
  prose) is read column by column;
- rows aligned by whitespace into three or more columns (no rules) are a table, each row its cells;
- a ruled table found by pdfplumber on the same reading of the page stands where its box is;
- a page of vertical writing (characters stacked in columns) is read top to bottom, columns right to left;
- each line knows its column's margins, so paragraphs are found from where a line starts (first-line indent),
  where it stops (short of the right margin) and the space above it, not from its length.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A gap wider than this (in character sizes) splits a row into segments: table cells, columns, a centred title's
# spaced-out characters. Word spaces are a third of that or less, a Chinese line's justification less still.
SEGMENT_GAP = 1.0
# A gutter is free of text down at least this many rows, and at least this wide (in character sizes).
GUTTER_ROWS = 4
GUTTER_WIDTH = 0.7
# A table aligned by whitespace has at least this many rows, and gaps between its columns at least this wide (in
# character sizes): right-aligned numbers can stand closer to the next column's heading than a gutter.
TABLE_ROWS = 3
TABLE_GAP = 0.4
_CJK = re.compile(r"[\u2000-\u206f\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool = True  # drawn turned (a margin stamp printed up the page edge) when False


@dataclass(slots=True)
class Segment:
    """Glyphs of one row with no wide gap between them."""

    glyphs: list[Glyph]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0

    def __post_init__(self) -> None:
        ink = [g for g in self.glyphs if not g.text.isspace()] or self.glyphs
        self.x0 = min(g.x0 for g in ink)
        self.x1 = max(g.x1 for g in ink)
        self.top = min(g.top for g in ink)
        self.bottom = max(g.bottom for g in ink)
        self.size = statistics.median(g.size for g in ink)

    @property
    def text(self) -> str:
        return _text(self.glyphs)


@dataclass(slots=True)
class Line:
    """A line of text in reading order, with the margins of the column it stands in (None where the page does
    not show them: several lines — two, or an eighth of the column's — must share a margin before it is
    believed). A column of vertical writing is set as a line turned a quarter (see `_vertical_lines`)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    left: float | None = None
    right: float | None = None
    column: int = 0
    cells: list[str] = field(default_factory=list)
    table: bool = False  # a row of a table aligned by whitespace; `cells` holds its columns


def _text(glyphs: list[Glyph]) -> str:
    """Glyphs of one row as text: a space where the text layer draws one or leaves a gap a space wide (Latin
    words, digits); Chinese characters join unless the gap is wide enough to be meant."""
    out: list[str] = []
    prev: Glyph | None = None
    for g in glyphs:
        if g.text.isspace():
            if out and not out[-1].isspace():
                out.append(g.text if g.text == "\u3000" else " ")
            elif out and g.text == "\u3000":
                out.append(g.text)
            prev = None
            continue
        if prev is not None and out and not out[-1].isspace():
            gap = g.x0 - prev.x1
            # Most neighbours touch (gap ≤ 0): only a real gap needs to know the script on either side.
            if gap > 0.12 * max(prev.size, g.size):
                cjk = _CJK.match(prev.text[-1]) and _CJK.match(g.text[0])
                if not cjk or gap > 0.35 * max(prev.size, g.size):
                    out.append(" ")
        out.append(g.text)
        prev = g
    return "".join(out).strip(" ")


Box = tuple[float, float, float, float]  # x0, top, x1, bottom, from the top left of the page
# Stands in a line for the table whose box it names (TABLE_MARK + its index among the page's boxes).
TABLE_MARK = "\ue000"


def read_pages(
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    password: str = "",
    find_tables: Callable[[int, Any, list[Glyph]], Sequence[tuple[Box, int]]] | None = None,
) -> Iterator[list[Line]]:
    """The lines of each page in reading order. The file is read once, through pdfplumber (on pdfminer.six), so
    that ``find_tables(page index, pdfplumber page, glyphs)`` can find ruled tables on the same reading of a page
    (the page then holds its rules, not its characters: cell text comes from the glyphs, see `cell_text`); the
    tables it returns (each box with its number of rows) take the place of the characters inside their box as one
    line holding TABLE_MARK and the box's index. Raises what pdfminer raises on a file it cannot read."""
    import pdfplumber
    from pdfminer.layout import LTChar, LTContainer

    def chars(item: object) -> Iterator[LTChar]:
        for child in item:  # type: ignore[attr-defined]
            if isinstance(child, LTChar):
                yield child
            elif isinstance(child, LTContainer):
                yield from chars(child)

    with pdfplumber.open(str(path), password=password or None) as pdf:
        pages = pdf.pages
        for n, page in enumerate(pages):
            if progress is not None:
                progress(n, len(pages))
            layout = page.layout
            height = layout.y1
            glyphs = prepare(
                [
                    Glyph(text, c.x0, c.x1, height - c.y1, height - c.y0, c.size or (c.y1 - c.y0), c.upright)
                    for c in chars(layout)
                    if (text := c.get_text())
                ]
            )
            boxes: Sequence[tuple[Box, int]] = ()
            if find_tables is not None:
                # pdfplumber turns every object of a page into a dict before it looks for rules; without the
                # characters (most of a page) that costs little.
                layout._objs = [o for o in layout._objs if not isinstance(o, LTChar)]
                boxes = find_tables(n, page, glyphs)
            yield page_lines(glyphs, boxes)
            page.close()  # pdfplumber keeps each page's objects until it is closed


def cell_text(glyphs: list[Glyph], box: Box) -> str:
    """The text of a table cell: the glyphs inside its box (as `prepare` leaves them), row by row; the rows of a
    wrapped cell join without a space between Chinese characters and with one between Latin words."""
    inside = [g for g in glyphs if box[0] <= (g.x0 + g.x1) / 2 <= box[2] and box[1] <= (g.top + g.bottom) / 2 <= box[3]]
    out = ""
    for row in _rows(inside):
        text = _text(row)
        if out and text and not (_CJK.match(out[-1]) or _CJK.match(text[0])):
            out += " "
        out += text
    return out


def prepare(glyphs: list[Glyph]) -> list[Glyph]:
    """A page's glyphs as read: GB18030 pairs joined, characters drawn again on themselves read once."""
    return _dedupe(_gb18030(glyphs))


def page_lines(glyphs: list[Glyph], boxes: Sequence[tuple[Box, int]] = ()) -> list[Line]:
    """The lines of one page in reading order, from its glyphs as `prepare` leaves them."""
    if not glyphs:
        return []
    turned = [g for g in glyphs if not g.upright]
    if turned and len(turned) < len(glyphs):
        # Text turned on its side (a stamp up the page's edge) is read after the page, not across its rows.
        upright = [g for g in glyphs if g.upright]
        return page_lines(upright, boxes) + _vertical_lines(turned)
    if _vertical(glyphs):
        stacked = _stacked(glyphs)
        if all(stacked):
            return _vertical_lines(glyphs)
        # Vertical columns with horizontal labels (headings above them, numbers): each read in its direction,
        # the labels above the columns first.
        start = min(g.top for g, up in zip(glyphs, stacked, strict=True) if up)
        columns = _vertical_lines([g for g, up in zip(glyphs, stacked, strict=True) if up])
        labels = _reading_order(
            [_segments(r) for r in _rows([g for g, up in zip(glyphs, stacked, strict=True) if not up])]
        )
        return [x for x in labels if x.top < start] + columns + [x for x in labels if x.top >= start]
    if boxes:
        size = statistics.median(g.size for g in glyphs)

        def inside(g: Glyph, box: Box) -> bool:
            return box[0] <= (g.x0 + g.x1) / 2 <= box[2] and box[1] <= (g.top + g.bottom) / 2 <= box[3]

        for k, (box, count) in enumerate(boxes):
            within = [g for g in glyphs if inside(g, box)]
            # A "table" of a few rows over many lines is rules that frame text, not a grid: the text stays.
            if within and 3 * count >= len(_rows(within)):
                glyphs = [g for g in glyphs if not inside(g, box)]
                glyphs.append(Glyph(f"{TABLE_MARK}{k}", box[0], box[2], box[1], box[1] + size, size))
    rows = _rows(glyphs)
    return _reading_order([_segments(row) for row in rows])


def _is_high(g: Glyph) -> bool:
    return len(g.text) == 1 and "\xa1" <= g.text <= "\xfe"


def _gb18030(glyphs: list[Glyph]) -> list[Glyph]:
    """Official-document fonts (小标宋, 仿宋) embedded without a ToUnicode map draw each Chinese character as two
    one-byte glyphs that read as Latin-1 (目 = Ä¿). Where most such glyphs pair up, in drawing order, into
    GB18030 characters, each pair becomes one glyph; the spaces these fonts draw between pairs go."""
    high = sum(1 for g in glyphs if _is_high(g))
    if high < 2:
        return glyphs
    pairs: dict[int, str] = {}
    i = 0
    while i + 1 < len(glyphs):
        a, b = glyphs[i], glyphs[i + 1]
        # pdfminer reads the byte 0xAD (soft hyphen; the second byte of 原, 则, ……) as a space
        second = "\xad" if b.text == " " else b.text
        if _is_high(a) and (_is_high(b) or second == "\xad"):
            try:
                char = (a.text + second).encode("latin-1").decode("gb18030")
            except UnicodeDecodeError:
                char = ""
            if len(char) == 1 and _CJK.match(char):
                pairs[i] = char
                i += 2
                continue
        i += 1
    if 2 * len(pairs) < 0.6 * high:
        return glyphs
    out: list[Glyph] = []
    i = 0
    while i < len(glyphs):
        if i in pairs:
            a, b = glyphs[i], glyphs[i + 1]
            out.append(Glyph(pairs[i], a.x0, max(a.x1, b.x1), min(a.top, b.top), max(a.bottom, b.bottom), a.size))
            i += 2
            continue
        g = glyphs[i]
        if not (g.text == " " and (i - 1 in pairs or i + 1 in pairs)):
            out.append(g)
        i += 1
    return out


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Characters drawn again within a point of themselves (fake bold, a shadow) are read once: in order of text
    and x, a glyph is a twin of one just before it with the same text, x and top within a point."""
    order = sorted(range(len(glyphs)), key=lambda k: (glyphs[k].text, glyphs[k].x0))
    twins = set()
    for n, k in enumerate(order):
        g = glyphs[k]
        if g.text.isspace():
            continue
        m = n - 1
        while m >= 0:
            other = glyphs[order[m]]
            if other.text != g.text or g.x0 - other.x0 > 1:
                break
            if abs(other.top - g.top) <= 1 and order[m] not in twins:
                twins.add(k)
                break
            m -= 1
    return [g for k, g in enumerate(glyphs) if k not in twins] if twins else glyphs


def _vertical(glyphs: list[Glyph]) -> bool:
    """Vertical writing: in drawing order, most next characters stand below the last one in the same column,
    not to its right on the same row."""
    down = across = 0
    for a, b in itertools.pairwise(glyphs[:600]):  # a page shows its direction well within its first lines
        if a.text.isspace() or b.text.isspace():
            continue
        size = max(a.size, b.size, 1.0)
        if abs(a.x0 - b.x0) < 0.3 * size and 0 < b.top - a.top < 2 * size:
            down += 1
        elif abs(a.top - b.top) < 0.3 * size and 0 < b.x0 - a.x0 < 3 * size:
            across += 1
    return down > 2 * across and down >= 3


def _stacked(glyphs: list[Glyph]) -> list[bool]:
    """For each glyph of a page of vertical writing, whether it stands in a vertical column: another glyph sits
    right above or below it (within a character and a half) and none right beside it on its row (a label
    across the page has its letters beside each other)."""
    beside: set[int] = set()
    for k, (a, b) in enumerate(itertools.pairwise(glyphs)):
        if abs(a.top - b.top) < 0.3 * a.size and -0.2 * a.size < b.x0 - a.x1 < 0.5 * a.size:
            beside.update((k, k + 1))
    order = sorted(range(len(glyphs)), key=lambda k: glyphs[k].x0 + glyphs[k].x1)
    middles = [(glyphs[k].x0 + glyphs[k].x1) / 2 for k in order]
    out = [False] * len(glyphs)
    for n, k in enumerate(order):
        g = glyphs[k]
        if g.text.isspace():
            out[k] = True
            continue
        lo = bisect.bisect_left(middles, middles[n] - 0.3 * g.size)
        hi = bisect.bisect_right(middles, middles[n] + 0.3 * g.size)
        out[k] = k not in beside and any(
            m != n and 0 < abs(glyphs[order[m]].top - g.top) < 1.6 * g.size and not glyphs[order[m]].text.isspace()
            for m in range(lo, hi)
        )
    return out


def _vertical_lines(glyphs: list[Glyph]) -> list[Line]:
    """Columns of vertical text, right to left, each read top to bottom — or bottom to top when the text is drawn
    upwards (Latin turned a quarter to the left)."""
    upward = sum(1 for a, b in itertools.pairwise(glyphs) if b.top < a.top) > len(glyphs) / 2
    columns: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -(g.x0 + g.x1) / 2):
        centre = (g.x0 + g.x1) / 2
        if columns:
            last = columns[-1]
            middle = (last[0].x0 + last[0].x1) / 2
            if abs(middle - centre) < 0.5 * max(g.size, last[0].size):
                last.append(g)
                continue
        columns.append([g])
    out = []
    for column in columns:
        column.sort(key=lambda g: -g.top if upward else g.top)
        text = "".join(g.text for g in column).strip()
        if text:
            # Set as a line turned a quarter: the column's start and end are where a line starts and stops (an
            # indented first column, a column that stops short), the distance between columns is line spacing.
            top = min(g.top for g in column)
            bottom = max(g.bottom for g in column)
            middle = (min(g.x0 for g in column) + max(g.x1 for g in column)) / 2
            size = statistics.median(g.size for g in column)
            out.append(Line(text, top, bottom, -middle, -middle + size, size))
    _margins(out)
    return out


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline: a glyph joins a row when its middle lies less than half a character below the
    row's highest middle (a raised note mark joins its line); rows top to bottom, each left to right."""
    rows: list[list[Glyph]] = []
    first = 0.0
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        middle = (g.top + g.bottom) / 2
        if rows and middle - first <= 0.45 * max(g.size, max(x.size for x in rows[-1][:3])):
            rows[-1].append(g)
            continue
        rows.append([g])
        first = middle
    for row in rows:
        row.sort(key=lambda g: g.x0)
    return [row for row in rows if any(not g.text.isspace() for g in row)]


def _segments(row: list[Glyph]) -> list[Segment]:
    out: list[list[Glyph]] = [[]]
    last: Glyph | None = None
    for g in row:
        if g.text.isspace():  # a drawn space fills its gap, unless it is stretched (word spacing across a gutter)
            out[-1].append(g)
            if (
                last is not None
                and g.x0 - last.x1 <= SEGMENT_GAP * max(g.size, last.size)
                and g.x1 - g.x0 <= 1.05 * g.size
            ):
                last = g
            continue
        if last is not None and g.x0 - last.x1 > SEGMENT_GAP * max(g.size, last.size):
            out.append([])
        out[-1].append(g)
        last = g
    segments = []
    for glyphs in out:
        while glyphs and glyphs[-1].text.isspace():
            glyphs.pop()
        while glyphs and glyphs[0].text.isspace():
            glyphs.pop(0)
        if glyphs:
            segments.append(Segment(glyphs))
    return segments


Interval = tuple[float, float]


def _free(occupied: list[Interval], lo: float, hi: float) -> list[Interval]:
    """The gaps between ``occupied`` intervals (in order of their starts) from ``lo`` to ``hi``."""
    out, at = [], lo
    for a, b in occupied:
        if a > at:
            out.append((at, a))
        at = max(at, b)
    if at < hi:
        out.append((at, hi))
    return out


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    out = []
    for x0, x1 in a:
        for y0, y1 in b:
            lo, hi = max(x0, y0), min(x1, y1)
            if hi > lo:
                out.append((lo, hi))
    return out


def _reading_order(rows: list[list[Segment]]) -> list[Line]:
    """Rows top to bottom; a run of rows set in columns is read column by column."""
    rows = [r for r in rows if r]
    if not rows:
        return []
    lo = min(s.x0 for r in rows for s in r)
    hi = max(s.x1 for r in rows for s in r)
    size = statistics.median(s.size for r in rows for s in r)
    wide = GUTTER_WIDTH * size
    narrow = TABLE_GAP * size
    inks = [_RowInk(row) for row in rows]
    # rows, the gutters of their text columns, the column edges of a whitespace-aligned table
    blocks: list[tuple[list[list[Segment]], list[Interval], list[float] | None]] = []
    i = 0
    while i < len(rows):
        best: tuple[int, list[Interval]] | None = None
        table: tuple[int, list[float]] | None = None
        run = _run(inks, i, lo, hi, wide)
        if run is not None:
            for end, shared in run:
                gutters = _gutters(inks[i : end + 1], shared, size)
                if gutters:
                    best = (end, gutters)
                    break
        if best is None:
            run = _run(inks, i, lo, hi, narrow, TABLE_ROWS)
            for end, shared in run or ():
                edges = _table_edges(inks[i : end + 1], shared, size)
                if edges:
                    table = (end, edges)
                    break
        if best is not None:
            blocks.append((rows[i : best[0] + 1], best[1], None))
            i = best[0] + 1
        elif table is not None:
            blocks.append((rows[i : table[0] + 1], [], table[1]))
            i = table[0] + 1
        else:
            if blocks and not blocks[-1][1] and blocks[-1][2] is None:
                blocks[-1][0].append(rows[i])
            else:
                blocks.append(([rows[i]], [], None))
            i += 1
    out: list[Line] = []
    for block_rows, gutters, table_edges in blocks:
        if table_edges is not None:
            out.extend(_table_lines(block_rows, table_edges))
            continue
        edges = [lo - 1, *sorted(g[0] for g in gutters), hi + 1]
        for column in range(len(edges) - 1):
            lines = []
            for row in block_rows:
                part = _split(row, edges[column], edges[column + 1]) if gutters else row
                if part:
                    lines.append(_line(part, column if gutters else 0))
            _margins(lines)
            out.extend(lines)
    return out


def _run(
    inks: list[_RowInk], i: int, lo: float, hi: float, wide: float, least: int = GUTTER_ROWS
) -> list[tuple[int, list[Interval]]] | None:
    """From row ``i``, the longest run of rows that keeps gaps at least ``wide`` free of text in common (inside
    the page's text, so that there is text on both sides), and a few shorter runs from the same row to try after
    it: (last row, the gaps) for each, longest first. None when not even ``least`` rows share a gap."""
    # An interval that reaches the page's text edge has no text on one side: it is never a gutter.
    free = [f for f in inks[i].gaps(lo, hi) if f[1] - f[0] >= wide and lo < f[0] and f[1] < hi]
    shared = [free]
    j = i
    while free and j + 1 < len(inks):
        free = [f for f in _intersect(free, inks[j + 1].gaps(lo, hi)) if f[1] - f[0] >= wide]
        if not free:
            break
        shared.append(free)
        j += 1
    if not shared[0] or j - i + 1 < least:
        return None
    span = j - i
    ends = sorted({j, i + span * 3 // 4, i + span // 2, i + least - 1}, reverse=True)
    return [(end, shared[end - i]) for end in ends if end - i + 1 >= least]


def _table_edges(rows: list[_RowInk], free: list[Interval], size: float) -> list[float] | None:
    """Column edges of rows aligned by whitespace alone (no rules, or a three-line table's rules only): gaps free
    of text down every row cut them into at least three columns, and most rows fill two cells or more. Prose does
    not keep such gaps; text columns were tried before this."""
    spans = [(r.intervals[0][0], r.intervals[-1][1]) for r in rows if r.glyphs]
    if not spans:
        return None
    lo = min(a for a, _ in spans)
    hi = max(b for _, b in spans)
    inner = [f for f in free if lo < f[0] and f[1] < hi]
    if len(inner) < 2:
        return None
    edges = [lo - 1, *[(a + b) / 2 for a, b in inner], hi + 1]
    filled = [sum(1 for k in range(len(edges) - 1) if r.between(edges[k], edges[k + 1])) for r in rows]
    multi = sum(1 for n in filled if n >= 2)
    if multi < TABLE_ROWS or multi < 0.6 * len(rows):
        return None
    used = [sum(1 for r in rows if r.between(edges[k], edges[k + 1])) for k in range(len(edges) - 1)]
    if min(used) < 2:  # a gap that only one row's text borders is chance, not a column
        return None
    # Columns of prose (most lines run from the column's left edge to its right one) are text set in columns,
    # not cells: a table has at most one such column (a description), numbers and labels do not fill theirs.
    prose = 0
    for k in range(len(edges) - 1):
        parts = [p for p in (r.between(edges[k], edges[k + 1]) for r in rows) if p is not None]
        left, right = min(p[0] for p in parts), max(p[1] for p in parts)
        full = sum(1 for a, b in parts if a <= left + size and b >= right - 1.5 * size)
        filling = statistics.median(b - a for a, b in parts) >= 0.7 * (right - left)
        if len(parts) >= TABLE_ROWS and right - left >= 8 * size and (full >= 0.5 * len(parts) or filling):
            prose += 1
    if prose >= 2:
        return None
    return edges


def _table_lines(rows: list[list[Segment]], edges: list[float]) -> list[Line]:
    """The rows of a whitespace-aligned table as table lines, their cells cut at the column edges. A row with one
    cell under a row with more is the wrapped end of that cell (a long description), and joins it."""
    out: list[Line] = []
    for row in rows:
        cells = [" ".join(s.text for s in _split(row, edges[k], edges[k + 1])) for k in range(len(edges) - 1)]
        filled = [k for k, c in enumerate(cells) if c]
        if len(filled) == 1 and out and out[-1].table and len(out[-1].cells) == len(cells):
            k = filled[0]
            above = out[-1].cells[k]
            joint = " " if above and above[-1].isascii() and cells[k][0].isascii() else ""
            out[-1].cells[k] = above + joint + cells[k] if above else cells[k]
            out[-1].text = "\t".join(out[-1].cells)
            continue
        line = _line(row, 0)
        if len(filled) >= 2:
            line.cells = cells
            line.table = True
            line.text = "\t".join(cells)
        out.append(line)
    return out


def _split(row: list[Segment], left: float, right: float) -> list[Segment]:
    """The segments of a row between two x positions, cut at them (a word gap can be narrower than a gutter)."""
    glyphs = [g for s in row for g in s.glyphs if left <= (g.x0 + g.x1) / 2 <= right]
    return _segments(glyphs)


class _RowInk:
    """A row's characters (not spaces) by their middles, to cut the row at any x quickly."""

    __slots__ = ("_gaps", "glyphs", "intervals", "middles")

    def __init__(self, row: list[Segment]) -> None:
        self.glyphs = sorted((g for s in row for g in s.glyphs if not g.text.isspace()), key=lambda g: g.x0 + g.x1)
        self.middles = [(g.x0 + g.x1) / 2 for g in self.glyphs]
        # Where ink stands, neighbouring characters merged (a Chinese line is one interval, a Latin one a few).
        self.intervals: list[Interval] = []
        for g in self.glyphs:
            if self.intervals and g.x0 - self.intervals[-1][1] < 0.1 * g.size:
                a, b = self.intervals[-1]
                self.intervals[-1] = (a, max(b, g.x1))
            else:
                self.intervals.append((g.x0, g.x1))
        self._gaps: list[Interval] | None = None

    def gaps(self, lo: float, hi: float) -> list[Interval]:
        """The gaps between the row's ink from ``lo`` to ``hi`` (the page's, the same on every call)."""
        if self._gaps is None:
            self._gaps = _free(self.intervals, lo, hi)
        return self._gaps

    def between(self, left: float, right: float) -> tuple[float, float] | None:
        """Where the row's text between two x positions starts and ends."""
        a = bisect.bisect_left(self.middles, left)
        b = bisect.bisect_right(self.middles, right)
        if a >= b:
            return None
        return self.glyphs[a].x0, self.glyphs[b - 1].x1  # glyphs in order of their middles: close enough


def _gutters(rows: list[_RowInk], free: list[Interval], size: float) -> list[Interval]:
    """The intervals of ``free`` that divide ``rows`` into columns: text on both sides, and each column either
    prose — at least eight characters wide and mostly made of lines that fill it (justified or wrapped text),
    which the columns of a table (short cells, numbers) are not — or a sidebar beside prose, with a quarter of
    its lines or fewer (a journal's margin notes)."""
    spans = [(r.intervals[0][0], r.intervals[-1][1]) for r in rows if r.glyphs]
    if not spans:
        return []
    lo = min(a for a, _ in spans)
    hi = max(b for _, b in spans)
    inner = [f for f in free if f[0] > lo and f[1] < hi]
    # A column that has not started yet (or has ended) in these rows leaves one wide gap, not two gutters.
    starts = sorted(a for a, _ in spans)
    inner = [f for f in inner if bisect.bisect_right(starts, f[0]) > 0]
    if not inner:
        return []
    edges = [lo, *[x for f in inner for x in f], hi]
    prose, counts = [], []
    for k in range(0, len(edges), 2):
        left, right = edges[k], edges[k + 1]
        parts = [p for p in (r.between(left, right) for r in rows) if p is not None]
        counts.append(len(parts))
        if right - left < 8 * size or len(parts) < GUTTER_ROWS:
            prose.append(False)
            continue
        # The column's right edge is where a quarter of its lines reach (one long word or URL may stick out).
        reach = sorted(p[1] for p in parts)[(3 * len(parts)) // 4]
        full = sum(1 for p in parts if p[1] >= reach - 1.5 * size and p[0] <= left + 3 * size)
        prose.append(full >= 0.5 * len(parts))
    most = max(n for n, ok in zip(counts, prose, strict=True) if ok) if any(prose) else 0
    if all(ok or 0 < n <= most / 4 for n, ok in zip(counts, prose, strict=True)) and any(prose):
        return inner
    return []


def _line(segments: list[Segment], column: int) -> Line:
    return Line(
        " ".join(s.text for s in segments),
        segments[0].x0,
        segments[-1].x1,
        min(s.top for s in segments),
        max(s.bottom for s in segments),
        statistics.median(s.size for s in segments),
        column=column,
        cells=[s.text for s in segments],
    )


def _margins(lines: list[Line]) -> None:
    """Set each line's column margins: the leftmost start and the rightmost end that two lines share."""
    text = [line for line in lines if TABLE_MARK not in line.text]  # a table's box is not a text line
    if not text:
        return
    size = statistics.median(line.size for line in text)
    enough = max(2, len(text) // 8)
    left = _shared([line.x0 for line in text], 0.5 * size, lowest=True, enough=enough)
    right = _shared([line.x1 for line in text], 0.5 * size, lowest=False, enough=enough)
    if left is not None and right is not None and right - left < 12 * size:
        left = right = None  # a stack of labels or a form's answers, not a text column
    for line in lines:
        line.left, line.right = left, right


def _shared(values: list[float], tolerance: float, lowest: bool, enough: int = 2) -> float | None:
    """The lowest (or highest) value that ``enough`` values share within ``tolerance``: a margin many lines
    keep, not a margin note's or a centred heading's edge."""
    ordered = sorted(values, reverse=not lowest)
    for i, v in enumerate(ordered[: len(ordered) - enough + 1]):
        if abs(ordered[i + enough - 1] - v) <= tolerance:
            return v
    return None


def document_margins(pages: list[list[Line]]) -> tuple[float | None, float | None]:
    """The margins most lines of the document share: for pages too short to show their own."""
    lefts = Counter(round(line.left) for page in pages for line in page if line.left is not None)
    rights = Counter(round(line.right) for page in pages for line in page if line.right is not None)
    return (
        float(lefts.most_common(1)[0][0]) if lefts else None,
        float(rights.most_common(1)[0][0]) if rights else None,
    )


__all__ = ["Glyph", "Line", "document_margins", "page_lines", "read_pages"]
