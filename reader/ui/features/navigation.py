"""Finding one's way in a document: the chapter tree with its filter, jumps with back/forward, the status bar's
title, chapter path and reading progress, and the place a reader left each document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QSettings, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QStatusBar, QTreeView, QVBoxLayout, QWidget

from reader.document.model import Document
from reader.ui.models.outline_model import BLOCK_ROLE, OutlineModel
from reader.ui.views.document_view import DocumentView


class History(QObject):
    """A trail of block numbers. A jump adds a place (dropping any forward places); Back first remembers where the
    reader scrolled to, so Forward returns there."""

    jump_requested = Signal(int)  # the block to show (not recorded again)

    def __init__(self, parent: QObject, reading_position: Callable[[], int]) -> None:
        super().__init__(parent)
        self.places: list[int] = []
        self.pos = -1
        self._reading_position = reading_position
        self.back = QAction(self.tr("后退"), parent)
        self.back.setShortcut("Alt+Left")
        self.back.triggered.connect(self.go_back)
        self.forward = QAction(self.tr("前进"), parent)
        self.forward.setShortcut("Alt+Right")
        self.forward.triggered.connect(self.go_forward)
        self._update()

    def reset(self) -> None:
        self.places, self.pos = [], -1
        self._update()

    def push(self, block: int, replace_current: bool = False) -> None:
        if replace_current and 0 <= self.pos < len(self.places):
            self.places[self.pos] = block
        elif not self.places or self.places[self.pos] != block:
            del self.places[self.pos + 1 :]
            self.places.append(block)
            self.pos = len(self.places) - 1
        self._update()

    def go_back(self) -> None:
        if self.pos > 0:
            self.places[self.pos] = self._reading_position()
            self.pos -= 1
            self.jump_requested.emit(self.places[self.pos])
            self._update()

    def go_forward(self) -> None:
        if self.pos < len(self.places) - 1:
            self.pos += 1
            self.jump_requested.emit(self.places[self.pos])
            self._update()

    def _update(self) -> None:
        self.back.setEnabled(self.pos > 0)
        self.forward.setEnabled(0 <= self.pos < len(self.places) - 1)


class Navigation(QObject):
    """Owns the left pane (filter + tree), the history trail and the status bar's reading labels. The tree follows
    the text as it scrolls; selecting a node programmatically never jumps back."""

    def __init__(
        self, window: QWidget, view: DocumentView, settings: QSettings, doc: Callable[[], Document | None]
    ) -> None:
        super().__init__(window)
        self.view = view
        self.settings = settings
        self._doc = doc
        self.outline = OutlineModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.outline)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选目录…"))
        self.filter_box.setAccessibleName(self.tr("筛选目录"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter)
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName(self.tr("章节目录"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.clicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        self.pane = QWidget()
        self.pane.setObjectName("outlinePane")
        lay = QVBoxLayout(self.pane)
        lay.setContentsMargins(8, 8, 0, 8)
        lay.setSpacing(6)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.tree)
        self.pane.setMinimumWidth(200)  # room for a short title; the right-hand panels give way to the text first

        self.trail = History(window, view.top_block)
        self.trail.jump_requested.connect(lambda block: self.jump_to_block(block, record=False))
        self.focus_tree = self._action(window, self.tr("转到目录"), self.tree.setFocus, "Ctrl+1")
        self.focus_text = self._action(window, self.tr("转到正文"), view.setFocus, "Ctrl+2")
        self.focus_filter = self._action(window, self.tr("筛选目录"), self.filter_box.setFocus, "Ctrl+L")

        # Status bar: a long title and chapter path give way (cut at the right); the reading progress stays whole.
        self.title_label = QLabel()
        self.title_label.setMinimumWidth(1)
        self.title_label.setMaximumWidth(480)
        self.crumb_label = QLabel()
        self.crumb_label.setObjectName("breadcrumb")
        self.crumb_label.setMinimumWidth(1)
        self.progress_label = QLabel()
        widest = self.tr("已读 {0}%").format(100)
        self.progress_label.setMinimumWidth(self.progress_label.fontMetrics().horizontalAdvance(widest) + 8)
        view.current_block_changed.connect(self.text_scrolled)

    @staticmethod
    def _action(window: QWidget, text: str, slot: Callable[[], object], shortcut: str) -> QAction:
        action = QAction(text, window)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        return action

    def add_to_status_bar(self, bar: QStatusBar) -> None:
        bar.addWidget(self.title_label)
        bar.addWidget(self.crumb_label, 1)
        bar.addPermanentWidget(self.progress_label)

    # ----------------------------------------------------------------- documents
    def document_opened(self, doc: Document) -> None:
        """Show the document's tree and return to where the reader left it (once the text is laid out)."""
        self.outline.set_document(doc)
        self.tree.expandToDepth(0)
        self.title_label.setText(doc.title)
        self.trail.reset()
        block, offset = self.saved_position(doc.id)
        QTimer.singleShot(0, lambda: self._restore(block, offset))

    def _restore(self, block: int, offset: int) -> None:
        self.view.scroll_to_block(block, offset)
        self.trail.push(block)
        self.text_scrolled(self.view.top_block())

    def saved_position(self, doc_id: str) -> tuple[int, int]:
        value = self.settings.value(f"positions/{doc_id}", "0,0")
        try:
            block, offset = (int(x) for x in str(value).split(","))
        except ValueError:
            return 0, 0
        return block, offset

    def remember_position(self) -> None:
        doc = self._doc()
        if doc is not None:
            self.settings.setValue(f"positions/{doc.id}", f"{self.view.top_block()},{self.view.top_offset()}")

    # ----------------------------------------------------------------- tree <-> text
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _activated(self, proxy_index: QModelIndex) -> None:
        block = proxy_index.data(BLOCK_ROLE)
        if block is not None:
            self.jump_to_block(int(block))

    def jump_to_block(self, block: int, record: bool = True) -> None:
        """Scroll the text to a block; a jump is recorded in back/forward history."""
        if record:
            self.trail.push(self.view.top_block(), replace_current=True)
        self.view.scroll_to_block(block)
        if record:
            self.trail.push(block)
        self.text_scrolled(block)

    def text_scrolled(self, block: int) -> None:
        doc = self._doc()
        if doc is None or not 0 <= block < len(doc.blocks):
            return
        index = self.proxy.mapFromSource(self.outline.index_for_node(doc.blocks[block].node))
        # Selecting programmatically does not emit clicked/activated, so no jump loops back.
        if index.isValid() and self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self.crumb_label.setText(doc.chapter_path(block))
        bar = self.view.verticalScrollBar()
        percent = 100 if bar.maximum() == 0 else round(100 * bar.value() / bar.maximum())
        self.progress_label.setText(self.tr("已读 {0}%").format(percent))

    def current_node_id(self) -> str | None:
        doc = self._doc()
        if doc is None or not doc.blocks:
            return None
        return doc.blocks[min(self.view.top_block(), len(doc.blocks) - 1)].node
