"""The centre text view: the document typeset for long Chinese reading.

One QTextBlock per document Block, except table rows: a run of rows is typeset as a real grid (QTextTable), one
QTextBlock per cell. Everything that addresses text — highlights, notes, search hits, selections, tooltips,
jumps — goes through (block index, offset in Block.text) and the few methods here that map it to positions in
the typeset document (``text_block``, ``position_of``, ``locate``), so a cell's text keeps the offsets it has in
its row (cells joined by tabs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.document.model import Block, BlockKind, Document, NodeKind
from reader.ui.views.typesetting import (
    Span,
    apply_span_format,
    block_formats,
    insert_table,
    insert_with_spans,
    palette_colors,
    pick_cjk_family,
)

__all__ = ["DocumentView", "Span"]

MEASURE_EM = 38  # comfortable line length for Chinese text, in characters
# The text column never gets narrower than this many characters a line: side panels give way first (the window
# layout cannot shrink the view below its minimum width). Capped so a large zoom cannot make the window huge.
MIN_MEASURE_EM = 20
MIN_WIDTH_CAP = 640
FIRST_SLICE_CHARS = 40_000  # typeset before the first paint; the rest follows in slices
SLICE_CHARS = 20_000  # per event-loop turn (~20 ms), so scrolling and typing never wait long
SPANS_PER_TURN = 300


class DocumentView(QTextBrowser):
    """Read-only rich text view of a Document."""

    current_block_changed = Signal(int)  # the block at the top of the viewport, after scrolling settles
    fully_loaded = Signal()  # a long document has been typeset to the end
    context_requested = Signal(object, int, int)  # global position, block, offset under the pointer
    annotation_clicked = Signal(int, int)  # block, offset: a double-click (the window edits a note there)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setAccessibleName(self.tr("正文"))
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.doc: Document | None = None
        self.zoom_steps = 0
        self.dark = False
        self.family = pick_cjk_family()
        self._spans: list[Span] = []
        self._transient: list[Span] = []
        self._load_timer = QTimer(self, interval=0)  # typesets the rest of a long document between events
        self._load_timer.timeout.connect(self._load_more)
        self._next_block = 0
        self._qblock: list[int] = []  # typeset block number of each document block (a row's first cell)
        self._cells: dict[int, list[tuple[int, int, int]]] = {}  # table row -> (start, end, block number)
        self._fresh = True
        self._span_queue: list[Span] = []
        self._settle = QTimer(self, singleShot=True, interval=120)
        self._settle.timeout.connect(self._emit_current)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._settle.start())
        self._apply_base_font()
        # (block, offset) -> tooltip text; set by the window to explain targets and preview notes.
        self.tooltip_provider: Callable[[int, int], str | None] | None = None
        self.note_blocks: set[int] = set()  # blocks that carry a note: marked in the left margin
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _position_at(self, viewport_pos: QPoint) -> tuple[int, int]:
        return self.locate(self.cursorForPosition(viewport_pos).position())

    # ----------------------------------------------------------------- (block, offset) <-> typeset positions
    def text_block(self, index: int):  # type: ignore[no-untyped-def]
        """The typeset block of document block ``index`` (a table row's first cell); invalid if not typeset."""
        number = self._qblock[index] if 0 <= index < len(self._qblock) else -1
        return self.document().findBlockByNumber(number)

    def _cell_spans(self, index: int) -> list[tuple[int, int, int]]:
        """(start, end, typeset block number) of each cell of a table row, offsets into the row's text."""
        return self._cells.get(index, [])

    def position_of(self, index: int, offset: int) -> int:
        """The typeset position of ``offset`` in block ``index`` (clamped to the block or cell)."""
        cells = self._cell_spans(index)
        if cells:
            start, _end, number = next((c for c in reversed(cells) if c[0] <= offset), cells[0])
            tb = self.document().findBlockByNumber(number)
            return tb.position() + max(0, min(offset - start, tb.length() - 1))
        tb = self.text_block(index)
        if not tb.isValid():
            return 0
        return tb.position() + max(0, min(offset, tb.length() - 1))

    def locate(self, position: int) -> tuple[int, int]:
        """(block index, offset in Block.text) of a typeset position."""
        tb = self.document().findBlock(position)
        index = tb.userState()
        if index < 0:
            # The empty paragraph a table leaves before it, at the very start: the first block.
            return (0, 0)
        for start, _end, number in self._cell_spans(index):
            if number == tb.blockNumber():
                return index, start + position - tb.position()
        return index, position - tb.position()

    def _ranges(self, index: int, start: int, end: int) -> list[tuple[int, int]]:
        """Typeset position ranges covering [start, end) of block ``index``, split at cell borders."""
        cells = self._cell_spans(index)
        if not cells:
            tb = self.text_block(index)
            if not tb.isValid():
                return []
            last = tb.length() - 1
            return [(tb.position() + min(start, last), tb.position() + min(end, last))]
        out = []
        for cs, ce, number in cells:
            a, b = max(start, cs), min(end, ce)
            if a < b:
                tb = self.document().findBlockByNumber(number)
                out.append((tb.position() + a - cs, tb.position() + b - cs))
        return out

    def _context_menu(self, pos: QPoint) -> None:
        block, offset = self._position_at(self.viewport().mapFrom(self, pos))
        self.context_requested.emit(self.mapToGlobal(pos), block, offset)

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        block, offset = self._position_at(event.position().toPoint())
        self.annotation_clicked.emit(block, offset)
        super().mouseDoubleClickEvent(event)

    def set_note_blocks(self, blocks: set[int]) -> None:
        self.note_blocks = set(blocks)
        self.viewport().update()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self.note_blocks:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self._palette_colors()["note_line"])
        font = QFont(self.font())
        font.setPointSizeF(self._point_size() * 0.85)
        painter.setFont(font)
        layout = self.document().documentLayout()
        dy = self.verticalScrollBar().value()
        height = self.viewport().height()
        for index in sorted(self.note_blocks):
            tb = self.text_block(index)
            if not tb.isValid():
                continue
            top = layout.blockBoundingRect(tb).top() - dy
            if top > height:
                break
            if top + 40 < 0:
                continue
            painter.drawText(QPoint(6, int(top + self._point_size() * 1.6)), "✎")
        painter.end()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None and self.doc is not None:
            pos = e.pos()  # type: ignore[attr-defined]
            cursor = self.cursorForPosition(self.viewport().mapFrom(self, pos))
            text = self.tooltip_provider(*self.locate(cursor.position()))
            if text:
                QToolTip.showText(e.globalPos(), text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    # ----------------------------------------------------------------- content
    def set_document(self, doc: Document, spans: Iterable[Span] = ()) -> None:
        self.doc = doc
        self._spans = list(spans)
        self._transient = []
        self._render()

    def set_spans(self, spans: Iterable[Span]) -> None:
        self._spans = list(spans)
        self._render(keep_position=True)

    def set_transient_spans(self, spans: Iterable[Span]) -> None:
        """Search hits and the like: drawn over the text without re-typesetting it."""
        self._transient = list(spans)
        self._apply_extra_selections()

    def _palette_colors(self) -> dict[str, QColor]:
        return palette_colors(self.dark)

    def _point_size(self) -> float:
        return max(8.0, 13.0 + self.zoom_steps)

    def _apply_base_font(self) -> None:
        font = QFont(self.family) if self.family else QFont()
        font.setPointSizeF(self._point_size())
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.setFont(font)
        self.document().setDefaultFont(font)
        em = QFontMetricsF(font).horizontalAdvance("\u4e2d")  # one CJK character (U+4E2D)
        chrome = 2 * 28 + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 8
        self.setMinimumWidth(min(MIN_WIDTH_CAP, round((MIN_MEASURE_EM + 1) * em + chrome)))  # +1: punctuation

    def _render(self, keep_position: bool = False) -> None:
        """Typeset the document. Long documents are typeset in slices after the first screenful is shown."""
        top = self.top_block() if keep_position else 0
        self._load_timer.stop()
        self._span_queue = []
        colors = self._palette_colors()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, colors["paper"])
        palette.setColor(QPalette.ColorRole.Text, colors["text"])
        self.setPalette(palette)
        self._apply_base_font()
        qdoc = QTextDocument(self)
        qdoc.setDefaultFont(self.font())
        qdoc.setDocumentMargin(28)
        qdoc.setUndoRedoEnabled(False)
        doc = self.doc
        if doc is None:
            self.setDocument(qdoc)
            return
        spans_by_block: dict[int, list[Span]] = {}
        for span in self._spans:
            spans_by_block.setdefault(span.block, []).append(span)
        self._ctx = {
            "opens_chapter": {
                n.block
                for n in doc.nodes()
                if n.kind in (NodeKind.PART, NodeKind.CHAPTER, NodeKind.ANNEX, NodeKind.PREFACE)
            },
            "levels": {n.block: n.level for n in doc.nodes()},
            "spans": spans_by_block,
            "em": self._point_size() * 96 / 72,
            "colors": colors,
        }
        self._cursor = QTextCursor(qdoc)
        self._next_block = 0
        self._qblock = []
        self._cells = {}
        self._fresh = True  # the cursor stands in an empty paragraph (document start, or after a table)
        self._append_blocks(FIRST_SLICE_CHARS)
        self.setDocument(qdoc)
        self._update_measure()
        if self._next_block < len(doc.blocks):
            self._load_timer.start()
        self._apply_extra_selections()
        if keep_position:
            self.scroll_to_block(top)

    def _append_blocks(self, budget: int) -> None:
        """Typeset blocks at the end of the document until ``budget`` characters are done."""
        doc = self.doc
        if doc is None:
            return
        ctx = self._ctx
        cursor = self._cursor
        done = 0
        cursor.beginEditBlock()  # one layout update per slice, not one per inserted fragment
        while self._next_block < len(doc.blocks) and done < budget:
            block = doc.blocks[self._next_block]
            if block.kind is BlockKind.TABLE_ROW:
                rows = []
                while self._next_block < len(doc.blocks) and doc.blocks[self._next_block].kind is BlockKind.TABLE_ROW:
                    rows.append(doc.blocks[self._next_block])
                    self._next_block += 1
                self._insert_table(cursor, rows)
                done += sum(len(r.text) + 1 for r in rows)
                continue
            if not self._fresh:
                cursor.insertBlock()
            self._fresh = False
            opens, level = block.index in ctx["opens_chapter"], ctx["levels"].get(block.index, 3)
            bf, cf = block_formats(block, opens, level, ctx["em"], self._point_size(), ctx["colors"])
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
            insert_with_spans(cursor, block, block.text, cf, ctx["spans"].get(block.index, []), ctx["colors"])
            cursor.block().setUserState(block.index)
            self._qblock.append(cursor.block().blockNumber())
            done += len(block.text) + 1
            self._next_block += 1
        cursor.endEditBlock()

    def _insert_table(self, cursor: QTextCursor, rows: list[Block]) -> None:
        ctx = self._ctx
        placed = insert_table(cursor, rows, ctx["spans"], ctx["em"], self._point_size(), ctx["colors"])
        self._cells.update(placed)
        self._qblock.extend(placed[row.index][0][2] for row in rows)
        self._fresh = True

    def _load_more(self) -> None:
        self._append_blocks(SLICE_CHARS)
        if self.doc is None or self._next_block >= len(self.doc.blocks):
            self._load_timer.stop()
            self._apply_extra_selections()
            self.fully_loaded.emit()

    @property
    def loaded(self) -> bool:
        return self.doc is None or self._next_block >= len(self.doc.blocks)

    def ensure_loaded(self, index: int) -> None:
        """Typeset at least up to block ``index`` now (before jumping there)."""
        if self.doc is None or index < self._next_block:
            return
        while self._next_block <= min(index, len(self.doc.blocks) - 1):
            self._append_blocks(SLICE_CHARS * 4)
        if self.loaded:
            self._load_timer.stop()
            self._apply_extra_selections()
            self.fully_loaded.emit()

    def add_spans(self, spans: Iterable[Span]) -> None:
        """Add highlights without re-typesetting: merged into typeset blocks a few hundred per event-loop
        turn (so the window stays responsive), remembered for blocks not typeset yet."""
        new = list(spans)
        self._spans.extend(new)
        if self.doc is None or not hasattr(self, "_ctx"):
            return
        for span in new:
            self._ctx["spans"].setdefault(span.block, []).append(span)
        self._span_queue.extend(s for s in new if s.block < self._next_block)
        self._merge_spans()

    def _merge_spans(self) -> None:
        batch_spans, self._span_queue = self._span_queue[:SPANS_PER_TURN], self._span_queue[SPANS_PER_TURN:]
        colors = self._ctx["colors"]
        qdoc = self.document()
        batch = QTextCursor(qdoc)
        batch.beginEditBlock()
        for span in batch_spans:
            for a, b in self._ranges(span.block, span.start, span.end):
                cur = QTextCursor(qdoc)
                cur.setPosition(a)
                cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                apply_span_format(fmt, span.kind, colors)
                cur.mergeCharFormat(fmt)
        batch.endEditBlock()
        if self._span_queue:
            QTimer.singleShot(0, self._merge_spans)

    def _apply_extra_selections(self) -> None:
        colors = self._palette_colors()
        selections = []
        qdoc = self.document()
        for span in self._transient:
            for a, b in self._ranges(span.block, span.start, span.end):
                sel = QTextEdit.ExtraSelection()
                cur = QTextCursor(qdoc)
                cur.setPosition(a)
                cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cur  # type: ignore[attr-defined]
                fmt = QTextCharFormat()
                fmt.setBackground(colors["current_bg" if span.kind == "current" else "hit_bg"])
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
                sel.format = fmt  # type: ignore[attr-defined]
                selections.append(sel)
        self.setExtraSelections(selections)

    # ----------------------------------------------------------------- measure, zoom, theme
    def _update_measure(self) -> None:
        """Keep lines near MEASURE_EM characters by widening the side margins on wide windows."""
        em = self._point_size() * 96 / 72
        width = self.viewport().width()
        side = max(28.0, (width - MEASURE_EM * em) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) > 1:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        top = self.top_block()
        super().resizeEvent(event)
        self._update_measure()
        if self.doc is not None:
            QTimer.singleShot(0, lambda: self.scroll_to_block(top))

    def set_zoom(self, steps: int) -> None:
        self.zoom_steps = max(-5, min(12, steps))
        if self.doc is not None:
            self._render(keep_position=True)
        else:
            self._apply_base_font()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        if self.doc is not None:
            self._render(keep_position=True)

    # ----------------------------------------------------------------- navigation
    def block_top(self, index: int) -> int:
        tb = self.text_block(index)
        if not tb.isValid():
            return 0
        return int(self.document().documentLayout().blockBoundingRect(tb).top())

    def scroll_to_block(self, index: int, offset: int = 0) -> None:
        self.ensure_loaded(index + 30)  # and a little beyond, so that the page below is there too
        self.verticalScrollBar().setValue(max(0, self.block_top(index) + offset))

    def top_block(self) -> int:
        """Index of the block at the top edge of the viewport."""
        if self.doc is None or self.verticalScrollBar().value() == 0:
            return 0
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, 4))
        return max(0, self.locate(cursor.position())[0])

    def top_offset(self) -> int:
        """How far the viewport top is below the top of its block (to restore exactly)."""
        return self.verticalScrollBar().value() - self.block_top(self.top_block())

    def select_span(self, block: int, start: int, end: int) -> None:
        if not self.text_block(block).isValid():
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_of(block, start))
        cursor.setPosition(self.position_of(block, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_span(self) -> tuple[int, int, int] | None:
        """(block, start, end) of the selection when it lies inside one block."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        (a, start), (b, end) = self.locate(cursor.selectionStart()), self.locate(cursor.selectionEnd())
        if a != b:
            return None
        return a, start, end

    def _emit_current(self) -> None:
        if self.doc is not None:
            self.current_block_changed.emit(self.top_block())

    def selected_text(self) -> str:
        """The selection as the document's own text: paragraphs on their lines, table rows as tab-separated
        cells (so a pasted table lands in spreadsheet cells), punctuation exactly as written."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.doc is None:
            return ""
        table = cursor.currentTable()
        first_row, rows, first_col, cols = cursor.selectedTableCells()
        if table is not None and rows > 0:
            # A selection across cells of a grid is a block of cells: copy exactly those, row by row.
            lines = []
            for r in range(first_row, first_row + rows):
                index = table.cellAt(r, 0).firstCursorPosition().block().userState()
                cells = self.doc.blocks[index].text.split("\t") if index >= 0 else []
                lines.append("\t".join((cells + [""] * (first_col + cols))[first_col : first_col + cols]))
            return "\n".join(lines)
        (a, start), (b, end) = self.locate(cursor.selectionStart()), self.locate(cursor.selectionEnd())
        parts = []
        for index in range(a, b + 1):
            text = self.doc.blocks[index].text
            parts.append(text[start if index == a else 0 : end if index == b else len(text)])
        return "\n".join(parts)

    def createMimeDataFromSelection(self):  # type: ignore[no-untyped-def]
        # Qt's own mime data computes its text from the selection on demand, so a fresh one carries ours.
        rich = super().createMimeDataFromSelection()
        mime = QMimeData()
        mime.setText(self.selected_text())
        if rich.hasHtml():
            mime.setHtml(rich.html())
        return mime
