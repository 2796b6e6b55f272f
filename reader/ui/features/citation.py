"""Copy with citation: the selected text followed by the document's title and the chapter it comes from, ready to
paste into a report (Edit menu, Ctrl+Shift+C and the text menu)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from reader.document.model import Document
from reader.ui.views.document_view import DocumentView


class CitationCopy(QObject):
    """The copy-with-citation action of the reading view."""

    def __init__(
        self,
        parent: QWidget,
        view: DocumentView,
        document: Callable[[], Document | None],
        status: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._document = document
        self._status = status
        self.action = QAction(self.tr("复制并注明出处"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.action.setToolTip(self.tr("复制所选文字，并在其后注明文件名称和所在章节"))
        self.action.triggered.connect(self.copy)
        self.action.setEnabled(False)
        parent.addAction(self.action)
        view.selectionChanged.connect(self._update)

    def _update(self) -> None:
        self.action.setEnabled(self._view.textCursor().hasSelection())

    def text(self) -> str:
        """The selection and its source line, or "" when nothing is selected."""
        doc = self._document()
        quoted = self._view.selected_text().strip()
        if doc is None or not quoted:
            return ""
        block, _ = self._view.locate(self._view.textCursor().selectionStart())
        where = doc.chapter_path(block)
        if where:
            return self.tr("{0}\n——《{1}》{2}").format(quoted, doc.title, where)
        return self.tr("{0}\n——《{1}》").format(quoted, doc.title)

    def copy(self) -> None:
        text = self.text()
        if not text:
            return
        QApplication.clipboard().setText(text)
        self._status(self.tr("已复制所选文字及出处"))


__all__ = ["CitationCopy"]
