"""Printing and PDF export of the chapter being read, as it is shown (fonts, tables, colours)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.document.model import Document
from reader.ui.views.document_view import DocumentView


class ChapterPrinting(QObject):
    """The top-level chapter holding the reading position, copied from the reading view."""

    status = Signal(str, int)  # a status-bar message and how long to show it (ms)

    def __init__(
        self,
        view: DocumentView,
        window: QWidget,
        doc: Callable[[], Document | None],
        node: Callable[[], str | None],
    ) -> None:
        """``doc`` gives the open document, ``node`` the id of the node holding the reading position."""
        super().__init__(window)
        self.view = view
        self.window = window
        self.export_action = QAction(self.tr("导出当前章节为 PDF…"), window)
        self.export_action.triggered.connect(lambda _checked=False: self.export_pdf(doc(), node()))
        self.print_action = QAction(self.tr("打印当前章节…"), window)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda _checked=False: self.print(doc(), node()))
        window.addAction(self.print_action)

    def chapter_document(self, doc: Document | None, node_id: str | None) -> tuple[QTextDocument | None, str]:
        """A QTextDocument with the top-level chapter of ``node_id`` (the whole text before the first chapter)."""
        if doc is None:
            return None, ""
        path = doc.node_path(node_id) if node_id else []
        chapter = path[0] if path else None
        roots = list(doc.outline)
        start = chapter.block if chapter else 0
        end = len(doc.blocks)
        if chapter is not None:
            i = roots.index(chapter)
            if i + 1 < len(roots):
                end = roots[i + 1].block
        qdoc = QTextDocument()
        qdoc.setDefaultFont(self.view.font())
        self.view.ensure_loaded(end)
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.position_of(start, 0))
        last = doc.blocks[end - 1]
        cursor.setPosition(self.view.position_of(end - 1, len(last.text)), QTextCursor.MoveMode.KeepAnchor)
        QTextCursor(qdoc).insertFragment(cursor.selection())
        return qdoc, chapter.label if chapter else doc.title

    def export_pdf(self, doc: Document | None, node_id: str | None, path: str | None = None) -> str | None:
        """Write the chapter as an A4 PDF to ``path`` (asked for when not given); the path written, or None."""
        from PySide6.QtPrintSupport import QPrinter

        qdoc, title = self.chapter_document(doc, node_id)
        if qdoc is None:
            return None
        if not path:
            safe = "".join(c for c in title if c not in '\\/:*?"<>|').strip()[:40] or "chapter"
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出为 PDF"), f"{safe}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(title)
        qdoc.print_(printer)
        self.status.emit(self.tr("已导出：{0}").format(path), 5000)
        return path

    def print(self, doc: Document | None, node_id: str | None) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        qdoc, _title = self.chapter_document(doc, node_id)
        if qdoc is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self.window).exec():
            qdoc.print_(printer)
