"""The main window: chapter tree on the left, the text in the centre, panels on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QSettings, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import BUNDLED_DOC_ID
from reader.document.model import Document
from reader.errors import ReaderError
from reader.session import Session
from reader.targets.extract import Target
from reader.ui.features.appearance import Appearance
from reader.ui.features.citation import CitationCopy
from reader.ui.features.docinfo import show_document_info
from reader.ui.features.history import History
from reader.ui.features.importing import ImportFeature
from reader.ui.features.indexing import Indexer
from reader.ui.features.notes_transfer import NotesTransfer
from reader.ui.features.printing import ChapterPrinting
from reader.ui.features.searching import Searching
from reader.ui.features.tables import TableActions
from reader.ui.models.outline_model import BLOCK_ROLE, OutlineModel
from reader.ui.panels.notes_panel import NotesPanel
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.panels.targets_panel import TargetsPanel
from reader.ui.views.document_view import DocumentView, Span
from reader.ui.workers import Progress

TARGETS_IN_BACKGROUND_CHARS = 150_000  # longer documents get their targets after the text is shown


def _target_spans(targets: list[Target]) -> list[Span]:
    """Each target as a coloured span with its numbers in bold; a past figure colours only its numbers, so that a
    review chapter, where nearly every clause holds one, does not turn one colour."""
    spans: list[Span] = []
    for t in targets:
        if t.kind == "target":
            spans.extend(Span(t.block, a, b, t.kind) for a, b in t.marks)
        else:
            spans.extend(Span(t.block, q.start, q.end, t.kind) for q in t.quantities)
        spans.extend(Span(t.block, q.start, q.end, "num") for q in t.quantities)
    return spans


class MainWindow(QMainWindow):
    """The reader window. It shows core models and forwards user intent to the session."""

    document_opened = Signal(str)  # document id
    import_finished = Signal(str)  # document id, after a background import succeeded
    import_failed = Signal(str)  # readable message

    def __init__(self, session: Session, settings: QSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.doc: Document | None = None
        self._focus_mode = False
        self._closing = False
        self._notes_sync_queued = False
        self.setWindowTitle(self.tr("政策阅读器"))
        self.setAcceptDrops(True)
        self.notes_transfer = NotesTransfer(self, self._store, lambda: self.doc)
        self.notes_transfer.merged.connect(self._notes_changed)
        self.notes_transfer.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.notes_transfer.error.connect(self.show_error)
        self.importer = ImportFeature(session, self)
        self.importer.imported.connect(self._imported)
        self.importer.failed.connect(self._import_failed)
        self.importer.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.setObjectName("mainWindow")
        # Notes written by another process show up when the window is focused again, or within a few seconds.
        self._notes_version: int | None = None
        self._notes_watch = QTimer(self, interval=3000)
        self._notes_watch.timeout.connect(self.check_outside_notes)
        self._notes_watch.start()
        self.table_actions = TableActions(
            self, lambda text: self.statusBar().showMessage(text, 5000), lambda text: self.show_error(text)
        )

        # Left: filter + chapter tree
        self.outline = OutlineModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.outline)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选目录…"))
        self.filter_box.setAccessibleName(self.tr("筛选目录"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_tree)
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName(self.tr("章节目录"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.clicked.connect(self._tree_activated)
        self.tree.activated.connect(self._tree_activated)
        left = QWidget()
        left.setObjectName("outlinePane")
        lay = QVBoxLayout(left)
        lay.setContentsMargins(8, 8, 0, 8)
        lay.setSpacing(6)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.tree)
        self.left = left

        # Centre: the text
        self.view = DocumentView()
        self.printing = ChapterPrinting(self.view, self)
        self.printing.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.view.current_block_changed.connect(self._text_scrolled)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        # The tree keeps room for a short title; below that the right-hand panels give way to the text.
        left.setMinimumWidth(200)
        self.setCentralWidget(self.splitter)
        self.setTabOrder(self.filter_box, self.tree)
        self.setTabOrder(self.tree, self.view)

        # Status bar
        self.title_label = QLabel()
        self.crumb_label = QLabel()
        self.crumb_label.setObjectName("breadcrumb")
        self.progress_label = QLabel()
        # A long title and chapter path give way (cut at the right); the reading progress is always whole.
        self.title_label.setMinimumWidth(1)
        self.title_label.setMaximumWidth(480)
        self.crumb_label.setMinimumWidth(1)
        widest = self.tr("已读 {0}%").format(100)
        self.progress_label.setMinimumWidth(self.progress_label.fontMetrics().horizontalAdvance(widest) + 8)
        sb = self.statusBar()
        sb.addWidget(self.title_label)
        sb.addWidget(self.crumb_label, 1)
        sb.addPermanentWidget(self.progress_label)

        self._current_span: Span | None = None
        self.targets: list[Target] = []
        self.indexer = Indexer(session, self)
        self.indexer.updated.connect(self._index_updated)
        self.indexer.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.indexer.error.connect(self.show_error)
        self.notes: list = []  # annotations of the current document
        self.annotations_error: str | None = None
        self.undo_stack: list[tuple[str, str]] = []  # ("delete" | "add", annotation id), newest last
        self.view.tooltip_provider = self._tooltip_for
        self.view.context_requested.connect(self._text_context_menu)
        self.view.annotation_clicked.connect(self._text_double_clicked)

        self._build_actions()
        self._build_docks()
        self._restore_settings()

    # ----------------------------------------------------------------- actions and menus
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, checkable: bool = False) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_open = self._action(self.tr("打开/导入文件…"), self.open_file_dialog, QKeySequence.StandardKey.Open)
        self.act_export_pdf = self._action(self.tr("导出当前章节为 PDF…"), self.export_chapter_pdf)
        self.act_print = self._action(self.tr("打印当前章节…"), self.print_chapter, QKeySequence.StandardKey.Print)
        self.act_quit = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.trail = History(self, self.view.top_block)
        self.trail.jump_requested.connect(lambda block: self.jump_to_block(block, record=False))
        self.act_back, self.act_forward = self.trail.back, self.trail.forward
        self.addAction(self.act_back)
        self.addAction(self.act_forward)
        self.appearance = Appearance(self, self.view, self.settings)
        self.appearance.theme_changed.connect(self._theme_changed)
        self.act_zoom_in, self.act_zoom_out = self.appearance.zoom_in, self.appearance.zoom_out
        self.act_zoom_reset = self.appearance.zoom_reset
        self.act_theme, self.act_lang = self.appearance.themes, self.appearance.languages
        self.act_fullscreen = self._action(self.tr("全屏"), self.toggle_fullscreen, "F11", checkable=True)
        self.act_focus = self._action(self.tr("专注阅读"), self.toggle_focus_mode, "Ctrl+Shift+F", checkable=True)
        self.act_focus_tree = self._action(self.tr("转到目录"), lambda: self.tree.setFocus(), "Ctrl+1")
        self.act_focus_text = self._action(self.tr("转到正文"), lambda: self.view.setFocus(), "Ctrl+2")
        self.act_filter = self._action(self.tr("筛选目录"), lambda: self.filter_box.setFocus(), "Ctrl+L")
        self.act_copy = self._action(self.tr("复制"), self.view.copy, QKeySequence.StandardKey.Copy)
        self.citation = CitationCopy(
            self, self.view, lambda: self.doc, lambda text: self.statusBar().showMessage(text, 5000)
        )
        self.act_copy_cited = self.citation.action
        self.act_select_all = self._action(self.tr("全选"), self.view.selectAll, QKeySequence.StandardKey.SelectAll)
        self.act_about = self._action(self.tr("关于政策阅读器"), self.show_about)
        self.act_doc_info = self._action(self.tr("文档信息…"), lambda: show_document_info(self, self.doc))
        self.act_highlight = self._action(
            self.tr("突出显示目标与既往数据"), self._highlight_toggled, "Ctrl+Shift+H", checkable=True
        )
        self.act_highlight.setChecked(True)
        self.act_export_targets = self._action(self.tr("导出目标与数据为 CSV…"), self.export_targets_csv)
        self.act_find = self._action(
            self.tr("在本文档中查找…"), lambda: self.focus_search(True), QKeySequence.StandardKey.Find
        )
        self.act_search_all = self._action(self.tr("在全部文档中检索…"), lambda: self.focus_search(False), "Ctrl+K")
        self.act_find_next = self._action(self.tr("下一处"), lambda: self.step_occurrence(+1), QKeySequence("F3"))
        self.act_find_prev = self._action(self.tr("上一处"), lambda: self.step_occurrence(-1), QKeySequence("Shift+F3"))
        self.act_reindex = self._action(self.tr("重建检索索引"), lambda: self.start_indexing(rebuild=True))
        self.act_bookmark = self._action(self.tr("添加/移除书签"), self.toggle_bookmark, "Ctrl+D")
        self.act_undo = self._action(self.tr("撤销"), self.undo, QKeySequence.StandardKey.Undo)
        self.act_highlight_sel = self._action(self.tr("高亮选中文字"), lambda: self.add_highlight("yellow"), "Ctrl+H")
        self.act_note_sel = self._action(self.tr("为选中文字添加批注…"), lambda: self.add_note(), "Ctrl+Shift+N")
        self.act_export_notes = self._action(self.tr("导出批注…"), lambda: self.export_notes())
        self.act_import_notes = self._action(self.tr("导入批注…"), lambda: self.import_notes())

        mb = self.menuBar()
        m = mb.addMenu(self.tr("文件(&F)"))
        m.addAction(self.act_open)
        self.docs_menu = m.addMenu(self.tr("文档库"))
        self.docs_menu.aboutToShow.connect(self._fill_docs_menu)
        m.addSeparator()
        m.addAction(self.act_export_pdf)
        m.addAction(self.act_export_targets)
        m.addAction(self.act_export_notes)
        m.addAction(self.act_import_notes)
        m.addAction(self.act_print)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(self.tr("编辑(&E)"))
        m.addAction(self.act_undo)
        m.addSeparator()
        m.addAction(self.act_copy)
        m.addAction(self.act_copy_cited)
        m.addAction(self.act_select_all)
        m.addSeparator()
        m.addAction(self.act_highlight_sel)
        m.addAction(self.act_note_sel)
        m.addSeparator()
        m.addAction(self.act_find)
        m.addAction(self.act_search_all)
        m.addAction(self.act_find_next)
        m.addAction(self.act_find_prev)
        m.addSeparator()
        m.addAction(self.act_reindex)
        m = mb.addMenu(self.tr("视图(&V)"))
        self.appearance.add_to_menu(m)
        m.addSeparator()
        m.addAction(self.act_highlight)
        self.panels_menu = m.addMenu(self.tr("面板"))
        m.addSeparator()
        m.addAction(self.act_fullscreen)
        m.addAction(self.act_focus)
        self.view_menu = m
        m = mb.addMenu(self.tr("转到(&G)"))
        m.addAction(self.act_back)
        m.addAction(self.act_forward)
        m.addSeparator()
        m.addAction(self.act_filter)
        m.addAction(self.act_focus_tree)
        m.addAction(self.act_focus_text)
        self.bookmarks_menu = mb.addMenu(self.tr("书签(&B)"))
        self.bookmarks_menu.aboutToShow.connect(self._fill_bookmarks_menu)
        m = mb.addMenu(self.tr("帮助(&H)"))
        m.addAction(self.act_doc_info)
        m.addAction(self.act_about)

        tb = self.addToolBar(self.tr("导航"))
        tb.setObjectName("navigationToolbar")
        tb.setMovable(False)
        tb.addAction(self.act_back)
        tb.addAction(self.act_forward)
        tb.addSeparator()
        tb.addAction(self.act_zoom_out)
        tb.addAction(self.act_zoom_in)
        tb.addSeparator()
        tb.addAction(self.act_open)
        self.toolbar = tb

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # The menu entry (and shortcut) brings the panel to the front; only a panel already in front is hidden.
        action = QAction(title, self)
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False, d=dock: self.toggle_panel(d))
        dock.visibilityChanged.connect(lambda _visible, d=dock, a=action: a.setChecked(not d.isHidden()))
        dock.panel_action = action  # type: ignore[attr-defined]
        self.panels_menu.addAction(action)
        return dock

    def toggle_panel(self, dock: QDockWidget) -> None:
        """Show a panel and bring it to the front; hide it when it is already in front."""
        in_front = dock.isVisible() and not dock.visibleRegion().isEmpty()
        if in_front:
            dock.hide()
        else:
            dock.show()
            dock.raise_()
        dock.panel_action.setChecked(not dock.isHidden())  # type: ignore[attr-defined]

    def _build_docks(self) -> None:
        self.targets_panel = TargetsPanel()
        self.targets_panel.jump_requested.connect(self.jump_to_span)
        self.targets_panel.export_requested.connect(self.export_targets_csv)
        self.targets_dock = self._dock(self.tr("目标与数据"), "targetsDock", self.targets_panel)
        self.targets_dock.panel_action.setShortcut(QKeySequence("Ctrl+Shift+T"))  # type: ignore[attr-defined]
        self.search_panel = SearchPanel()
        self.search_dock = self._dock(self.tr("检索"), "searchDock", self.search_panel)
        self.search_dock.visibilityChanged.connect(self._search_dock_visibility)
        self.searching = Searching(self.session, self.indexer, self.search_panel, self.search_dock, self.view)
        self.searching.jump_requested.connect(self.jump_to_span)
        self.searching.open_requested.connect(self.open_document)
        self.searching.annotation_requested.connect(self._jump_to_annotation_id)
        self.searching.marks_changed.connect(self._refresh_transient)
        self.searching.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.tabifyDockWidget(self.targets_dock, self.search_dock)
        self.notes_panel = NotesPanel()
        self.notes_panel.jump_requested.connect(self.jump_to_annotation)
        self.notes_panel.edit_requested.connect(self.edit_annotation)
        self.notes_panel.delete_requested.connect(self.delete_annotation)
        self.notes_panel.export_requested.connect(self.export_notes)
        self.notes_dock = self._dock(self.tr("批注"), "notesDock", self.notes_panel)
        self.tabifyDockWidget(self.search_dock, self.notes_dock)
        self.search_dock.raise_()
        # Indexing progress lives in the status bar, with a cancel button; the window stays usable.
        self.statusBar().addPermanentWidget(self.indexer.bar)
        self.statusBar().addPermanentWidget(self.indexer.cancel_button)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.statusBar().addPermanentWidget(self.legend)

    def _update_legend(self) -> None:
        colors = self.view._palette_colors()
        chip = '<span style="background:{bg}; color:{fg};">&nbsp;{text}&nbsp;</span>'
        parts = [
            chip.format(bg=colors["target_bg"].name(), fg=colors["target_fg"].name(), text=self.tr("规划目标")),
            chip.format(bg=colors["actual_bg"].name(), fg=colors["actual_fg"].name(), text=self.tr("既往数据")),
        ]
        self.legend.setText("&nbsp;".join(parts) if self.act_highlight.isChecked() else "")
        self.targets_panel.set_colors(colors)

    def _fill_docs_menu(self) -> None:
        self.docs_menu.clear()
        try:
            entries = self.session.library.entries()
        except ReaderError as exc:
            self.show_error(str(exc))
            return
        for e in entries:
            act = self.docs_menu.addAction(e.title)
            act.setCheckable(True)
            act.setChecked(self.doc is not None and self.doc.id == e.id)
            act.triggered.connect(lambda _c=False, doc_id=e.id: self.open_document(doc_id))

    # ----------------------------------------------------------------- documents
    def open_document(self, doc_id: str) -> bool:
        """Show a document, restoring where the reader left it."""
        try:
            doc = self.session.library.open(doc_id)
        except ReaderError as exc:
            self.show_error(str(exc))
            return False
        self._remember_position()
        self.doc = doc
        self.outline.set_document(doc)
        self.tree.expandToDepth(0)
        # Finding targets in a long document takes a while: show the text first, highlight when found.
        later = doc.char_count > TARGETS_IN_BACKGROUND_CHARS and not self.session.has_targets(doc)
        self.targets = [] if later else self.session.targets(doc)
        self._current_span = None
        self.notes = self._load_notes(doc)
        self.view.set_document(doc, self._static_spans())
        self._notes_changed(rerender=False)
        self.targets_panel.set_targets(doc, self.targets)
        if later:
            self._find_targets_later(doc)
        self.searching.document_opened(doc)
        self.title_label.setText(doc.title)
        self.setWindowTitle(f"{doc.title} — {self.tr('政策阅读器')}")
        self.trail.reset()
        block, offset = self._saved_position(doc.id)
        QTimer.singleShot(0, lambda: self._restore_scroll(block, offset))
        self.settings.setValue("last_document", doc.id)
        try:
            self.search_panel.set_documents([(e.id, e.title) for e in self.session.library.entries()])
        except ReaderError:
            pass
        self.document_opened.emit(doc.id)
        return True

    def _restore_scroll(self, block: int, offset: int) -> None:
        self.view.scroll_to_block(block, offset)
        self.trail.push(block)
        self._text_scrolled(self.view.top_block())

    def _saved_position(self, doc_id: str) -> tuple[int, int]:
        value = self.settings.value(f"positions/{doc_id}", "0,0")
        try:
            block, offset = (int(x) for x in str(value).split(","))
        except ValueError:
            return 0, 0
        return block, offset

    def _remember_position(self) -> None:
        if self.doc is not None:
            self.settings.setValue(f"positions/{self.doc.id}", f"{self.view.top_block()},{self.view.top_offset()}")

    # ----------------------------------------------------------------- tree <-> text
    def _filter_tree(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _tree_activated(self, proxy_index: QModelIndex) -> None:
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
        self._select_node_for_block(block)
        self._update_status(block)

    def _text_scrolled(self, block: int) -> None:
        self._select_node_for_block(block)
        self._update_status(block)

    def _select_node_for_block(self, block: int) -> None:
        if self.doc is None or not 0 <= block < len(self.doc.blocks):
            return
        source = self.outline.index_for_node(self.doc.blocks[block].node)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return
        # Selecting programmatically does not emit clicked/activated, so no jump loops back.
        if self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _update_status(self, block: int) -> None:
        if self.doc is None or not self.doc.blocks:
            return
        self.crumb_label.setText(self.doc.chapter_path(min(block, len(self.doc.blocks) - 1)))
        bar = self.view.verticalScrollBar()
        percent = 100 if bar.maximum() == 0 else round(100 * bar.value() / bar.maximum())
        self.progress_label.setText(self.tr("已读 {0}%").format(percent))

    def current_node_id(self) -> str | None:
        if self.doc is None:
            return None
        return self.doc.blocks[min(self.view.top_block(), len(self.doc.blocks) - 1)].node

    # ----------------------------------------------------------------- highlights
    def _static_spans(self) -> list[Span]:
        """Spans typeset into the text: targets and past figures (numbers in bold)."""
        spans: list[Span] = _target_spans(self.targets) if self.act_highlight.isChecked() else []
        for a in self.notes:  # the reader's own marks go over the targets
            if a.orphaned or a.kind == "bookmark":
                continue
            if a.color:
                spans.append(Span(a.block, a.start, a.end, f"hl-{a.color}"))
            if a.kind == "note" and a.end > a.start:
                spans.append(Span(a.block, a.start, a.end, "note"))
        return spans

    def _find_targets_later(self, doc: Document) -> None:
        """Find targets a batch of paragraphs per event-loop turn, highlighting as it goes (no thread:
        a Python thread would make every Qt call wait for the interpreter lock)."""
        from reader.targets.extract import extract_iter

        self.targets_panel.count_label.setText(self.tr("正在识别目标…"))
        batches = extract_iter(doc, batch_chars=15_000)
        found: list[Target] = []

        def step() -> None:
            if self._closing or self.doc is not doc:
                return
            batch = next(batches, None)
            if batch is None:
                self.targets = found
                self.session.remember_targets(doc, found)
                self.targets_panel.set_targets(doc, found)
                return
            found.extend(batch)
            if self.act_highlight.isChecked():
                self.view.add_spans(_target_spans(batch))
            QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    def _highlight_toggled(self) -> None:
        self.view.set_spans(self._static_spans())
        self._update_legend()

    def _refresh_transient(self) -> None:
        spans = list(self.searching.hit_spans)
        if self._current_span is not None:
            spans.append(self._current_span)
        self.view.set_transient_spans(spans)

    def jump_to_span(self, block: int, start: int, end: int) -> None:
        """Jump to a sentence or hit and mark it until the next jump."""
        self.jump_to_block(block)
        self._current_span = Span(block, start, end, "current")
        self._refresh_transient()
        # Keep a line of context above the span when it is deep inside a long paragraph.
        rect = self.view.cursorRect(self._cursor_at(block, start))
        if rect.top() > self.view.viewport().height() * 0.6:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - self.view.viewport().height() // 3)

    def _cursor_at(self, block: int, offset: int):  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.position_of(block, offset))
        return cursor

    def _tooltip_for(self, block: int, offset: int) -> str | None:
        for a in self.notes:
            if a.kind == "note" and a.note and a.block == block and a.start <= offset < max(a.end, a.start + 1):
                tags = " ".join(f"#{t}" for t in a.tags)
                return self.tr("批注：{0}").format(a.note) + (f"\n{tags}" if tags else "")
        for t in self.targets:
            if t.block == block and any(a <= offset < b for a, b in t.marks):
                kind = self.tr("规划目标") if t.kind == "target" else self.tr("既往数据")
                parts = [kind]
                if t.indicator:
                    parts.append(t.indicator)
                if t.year:
                    parts.append(self.tr("{0}（按规划期末计）").format(t.year) if t.year_implied else t.year)
                if t.base_year:
                    parts.append(self.tr("比{0}年").format(t.base_year))
                if t.attribute:
                    parts.append(t.attribute)
                cue = self.tr("所在章节") if t.reason == "section" else t.reason
                return " · ".join(parts) + "\n" + self.tr("判断依据：{0}").format(cue)
        return None

    def export_targets_csv(self, path: str | None = None) -> str | None:
        from reader.exporting import safe_filename, write_csv
        from reader.targets.export import CSV_HEADER, csv_rows

        if self.doc is None:
            return None
        if not path:
            name = safe_filename(self.tr("{0}-目标与数据").format(self.doc.title)) + ".csv"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出为 CSV"), name, "CSV (*.csv)")
            if not path:
                return None
        try:
            write_csv(path, CSV_HEADER, csv_rows(self.doc, self.targets))
        except OSError as exc:
            self.show_error(self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc))
            return None
        self.statusBar().showMessage(self.tr("已导出：{0}").format(path), 5000)
        return path

    # ----------------------------------------------------------------- search
    @property
    def index_ready(self) -> bool:
        return self.indexer.ready

    @index_ready.setter
    def index_ready(self, value: bool) -> None:
        self.indexer.ready = value

    @property
    def index_pool(self):  # type: ignore[no-untyped-def]
        return self.indexer.pool

    @property
    def index_bar(self) -> QProgressBar:
        return self.indexer.bar

    def start_indexing(self, rebuild: bool = False) -> None:
        self.indexer.start(rebuild)

    def cancel_indexing(self) -> None:
        self.indexer.cancel()

    def _index_updated(self, _ids: list[str]) -> None:
        if self.search_panel.query():
            self.run_search()

    def focus_search(self, current_document: bool) -> None:
        self.searching.focus(current_document, self.view.textCursor().selectedText().strip())

    def run_search(self, limit: int = 0) -> None:
        self.searching.run(limit)

    @property
    def last_result(self):  # type: ignore[no-untyped-def]
        return self.searching.last_result

    @property
    def _occurrences(self) -> list[tuple[int, int, int]]:
        return self.searching.occurrences

    @property
    def _hit_spans(self) -> list[Span]:
        return self.searching.hit_spans

    def open_hit(self, hit) -> None:  # type: ignore[no-untyped-def]
        self.searching.open_hit(hit)

    def step_occurrence(self, step: int) -> None:
        self.searching.step(step)

    def _search_dock_visibility(self, _visible: bool) -> None:
        """Closing the search panel leaves the search: the mark of the hit jumped to goes too."""
        if self.search_dock.isHidden() and self._current_span is not None:
            self._current_span = None
            self._refresh_transient()

    def _jump_to_annotation_id(self, annotation_id: str) -> None:
        note = next((a for a in self.notes if a.id == annotation_id), None)
        if note is not None:
            self.jump_to_annotation(note)

    # ----------------------------------------------------------------- annotations
    def _store(self):  # type: ignore[no-untyped-def]
        """The annotations store, or None (after telling the user once) when it cannot be used."""
        if self.annotations_error is not None:
            return None
        try:
            return self.session.annotations
        except ReaderError as exc:
            self.annotations_error = str(exc)
            for act in (self.act_bookmark, self.act_highlight_sel, self.act_note_sel, self.act_import_notes):
                act.setEnabled(False)
            self.notes_panel.set_message(str(exc))
            self.show_error(str(exc))
            return None

    def check_outside_notes(self) -> bool:
        """Reload the notes when another process (the CLI, another window) has changed them; True if it had."""
        store = None if self.annotations_error is not None else self._store()
        if store is None or self.doc is None:
            return False
        try:
            version = store.data_version()
        except Exception:  # a store that cannot answer is reported where it is used
            return False
        if self._notes_version is not None and version != self._notes_version:
            self._notes_version = version
            self._notes_changed(rerender=True)
            return True
        self._notes_version = version
        return False

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_outside_notes()

    def _load_notes(self, doc: Document) -> list:  # type: ignore[type-arg]
        store = self._store()
        return store.list(doc.id) if store is not None else []

    def _notes_changed(self, rerender: bool = True) -> None:
        if self.doc is None:
            return
        if rerender:
            self.notes = self._load_notes(self.doc)
            self.view.set_spans(self._static_spans())
        chapters = {}
        for a in self.notes:
            try:
                path = self.doc.node_path(a.node)
            except KeyError:
                path = []
            chapters[a.id] = " › ".join(n.label for n in path[:2])
        self.notes_panel.set_annotations(self.notes, chapters, self.view._palette_colors())
        if self.annotations_error:
            self.notes_panel.set_message(self.annotations_error)
        self.view.set_note_blocks({a.block for a in self.notes if a.kind == "note" and not a.orphaned})
        if rerender and self.index_ready:
            self._sync_notes_index()

    def _sync_notes_index(self) -> None:
        """Notes are searchable too: refresh their index entries in the index queue. One update waits in the
        queue at most: it reads the notes when it runs, so later changes need no update of their own."""
        if self._notes_sync_queued or self._closing:
            return
        self._notes_sync_queued = True

        def work(_p: Progress) -> bool:
            self._notes_sync_queued = False  # changes from now on need another update
            return self.session.sync_notes_index()

        self.indexer.run(work, lambda _r: None, lambda _e: None)

    def _selection_or_message(self) -> tuple[int, int, int] | None:
        span = self.view.selected_span()
        if span is None or span[1] == span[2]:
            self.statusBar().showMessage(self.tr("请先在正文中选中一段文字（不跨段）。"), 4000)
            return None
        return span

    def add_highlight(self, color: str, span: tuple[int, int, int] | None = None) -> object | None:
        span = span or self._selection_or_message()
        store = self._store()
        if span is None or store is None or self.doc is None:
            return None
        try:
            a = store.add(self.doc, "highlight", span[0], span[1], span[2], color=color)
        except ReaderError as exc:
            self.show_error(str(exc))
            return None
        self.undo_stack.append(("add", a.id))
        self._notes_changed()
        return a

    def add_note(self, text: str | None = None, span: tuple[int, int, int] | None = None) -> object | None:
        """A note on the selection; without a selection, on the current chapter."""
        from PySide6.QtWidgets import QInputDialog

        store = self._store()
        if store is None or self.doc is None:
            return None
        span = span or self.view.selected_span()
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("添加批注"), self.tr("批注内容："))
            if not ok:
                return None
        try:
            if span is not None and span[1] < span[2]:
                a = store.add(self.doc, "note", span[0], span[1], span[2], note=text)
            else:
                block = self.view.top_block()
                node = self.current_node_id() or ""
                a = store.add(self.doc, "note", block, note=text, node=node)
        except ReaderError as exc:
            self.show_error(str(exc))
            return None
        self.undo_stack.append(("add", a.id))
        self._notes_changed()
        return a

    def edit_annotation(self, a, text: str | None = None) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QInputDialog

        store = self._store()
        if store is None:
            return
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("编辑批注"), self.tr("批注内容："), a.note)
            if not ok:
                return
        try:
            store.update(a.id, note=text)
        except ReaderError as exc:
            self.show_error(str(exc))
            return
        self._notes_changed()

    def delete_annotation(self, a) -> None:  # type: ignore[no-untyped-def]
        store = self._store()
        if store is None:
            return
        store.delete(a.id)
        self.undo_stack.append(("delete", a.id))
        self._notes_changed()
        self.statusBar().showMessage(self.tr("已删除。按 Ctrl+Z 撤销。"), 6000)

    def undo(self) -> None:
        store = self._store()
        if not self.undo_stack or store is None:
            return
        action, annotation_id = self.undo_stack.pop()
        if action == "delete":
            store.undelete(annotation_id)
        else:
            store.delete(annotation_id)
        self._notes_changed()
        self.statusBar().showMessage(self.tr("已撤销。"), 3000)

    def toggle_bookmark(self) -> None:
        store = self._store()
        if store is None or self.doc is None:
            return
        block = self.view.top_block()
        existing = [a for a in self.notes if a.kind == "bookmark" and a.block == block]
        if existing:
            for a in existing:
                store.delete(a.id)
                self.undo_stack.append(("delete", a.id))
            self.statusBar().showMessage(self.tr("已移除书签。"), 3000)
        else:
            path = self.doc.node_path(self.doc.blocks[block].node)
            a = store.add(self.doc, "bookmark", block, name=path[-1].label if path else "")
            self.undo_stack.append(("add", a.id))
            self.statusBar().showMessage(self.tr("已添加书签。"), 3000)
        self._notes_changed()

    def _fill_bookmarks_menu(self) -> None:
        self.bookmarks_menu.clear()
        self.bookmarks_menu.addAction(self.act_bookmark)
        self.bookmarks_menu.addSeparator()
        marks = [a for a in self.notes if a.kind == "bookmark"]
        if not marks:
            act = self.bookmarks_menu.addAction(self.tr("（本文档还没有书签）"))
            act.setEnabled(False)
        for a in marks:
            label = a.name or a.quote
            self.bookmarks_menu.addAction(label[:40], lambda a=a: self.jump_to_annotation(a))

    def jump_to_annotation(self, a) -> None:  # type: ignore[no-untyped-def]
        if self.doc is None or a.doc != self.doc.id:
            if not self.open_document(a.doc):
                return
        if a.orphaned:
            self.statusBar().showMessage(self.tr("这条批注的原文已在新版本中删改，无法定位。"), 5000)
            return
        self.jump_to_span(a.block, a.start, max(a.end, a.start))

    def _annotation_at(self, block: int, offset: int):  # type: ignore[no-untyped-def]
        for a in self.notes:
            if a.kind != "bookmark" and not a.orphaned and a.block == block and a.start <= offset < a.end:
                return a
        return None

    def _text_double_clicked(self, block: int, offset: int) -> None:
        a = self._annotation_at(block, offset)
        if a is not None and a.kind == "note":
            self.edit_annotation(a)

    def _text_context_menu(self, global_pos, block: int, offset: int) -> None:  # type: ignore[no-untyped-def]

        menu = self.build_text_menu(block, offset)
        menu.popup(global_pos)

    def _swatch(self, color: str) -> QIcon:
        """A small square of a highlight colour as the text shows it (light or dark theme)."""
        pixmap = QPixmap(14, 14)
        pixmap.fill(self.view._palette_colors()[f"hl-{color}_bg"])
        return QIcon(pixmap)

    def build_text_menu(self, block: int, offset: int):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.setObjectName("textMenu")
        span = self.view.selected_span()
        writable = self.annotations_error is None
        if span is not None and span[1] < span[2]:
            hl = menu.addMenu(self.tr("高亮"))
            hl.setEnabled(writable)
            for key, label in (
                ("yellow", self.tr("黄色")),
                ("green", self.tr("绿色")),
                ("blue", self.tr("蓝色")),
                ("pink", self.tr("粉色")),
            ):
                if key == "yellow":  # the shortcut column of the menu (the window's action owns the key)
                    label += "\t" + self.act_highlight_sel.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                hl.addAction(self._swatch(key), label, lambda k=key, s=span: self.add_highlight(k, s))
            note_keys = self.act_note_sel.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act = menu.addAction(self.tr("添加批注…") + "\t" + note_keys, lambda s=span: self.add_note(span=s))
            act.setEnabled(writable)
            menu.addAction(self.act_copy)
            menu.addAction(self.act_copy_cited)
            menu.addSeparator()
        self.table_actions.add_to_menu(menu, self.doc, block)
        existing = self._annotation_at(block, offset)
        if existing is not None:
            menu.addAction(self.tr("编辑批注…"), lambda a=existing: self.edit_annotation(a))
            menu.addAction(self.tr("删除此高亮/批注"), lambda a=existing: self.delete_annotation(a))
            menu.addSeparator()
        menu.addAction(self.act_bookmark)
        menu.addAction(self.act_select_all)
        return menu

    def export_notes(self, path: str | None = None) -> str | None:
        return self.notes_transfer.export(path)

    def import_notes(self, path: str | None = None) -> dict | None:  # type: ignore[type-arg]
        return self.notes_transfer.merge(path)

    # ----------------------------------------------------------------- history
    @property
    def history_pos(self) -> int:
        return self.trail.pos

    def go_back(self) -> None:
        self.trail.go_back()

    def go_forward(self) -> None:
        self.trail.go_forward()

    # ----------------------------------------------------------------- view settings
    def zoom(self, step: int | None) -> None:
        self.appearance.zoom(step)

    def set_theme(self, key: str) -> None:
        self.appearance.set_theme(key)

    def _theme_changed(self, _dark: bool) -> None:
        self._update_legend()
        if self.doc is not None:
            self._notes_changed(rerender=False)
        if getattr(self, "searching", None) is not None and self.searching.last_result is not None:
            self.searching.show_result(self.searching.last_result)  # snippet marks in the new theme's colours

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.act_fullscreen.setChecked(self.isFullScreen())

    def toggle_focus_mode(self) -> None:
        """Only the text: hide the tree, panels, toolbar and menus (Esc or the same key restores)."""
        self._focus_mode = not self._focus_mode
        self.left.setVisible(not self._focus_mode)
        self.toolbar.setVisible(not self._focus_mode)
        self.statusBar().setVisible(not self._focus_mode)
        for dock in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if dock.metaObject().className() == "QDockWidget":
                dock.setVisible(not self._focus_mode and dock.property("wanted") is not False)
        self.act_focus.setChecked(self._focus_mode)
        self.settings.setValue("focus_mode", self._focus_mode)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and (self._focus_mode or self.isFullScreen()):
            if self._focus_mode:
                self.toggle_focus_mode()
            if self.isFullScreen():
                self.toggle_fullscreen()
            return
        super().keyPressEvent(event)

    # ----------------------------------------------------------------- settings
    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            self.resizeDocks([self.targets_dock], [400], Qt.Orientation.Horizontal)
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.appearance.restore()
        if str(self.settings.value("focus_mode", "false")).lower() == "true":
            self.toggle_focus_mode()

    def save_settings(self) -> None:
        self._remember_position()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self._closing = True
        self.indexer.shut_down()
        self.session.close()  # every note in annotations.db itself, nothing left only in its -wal
        super().closeEvent(event)

    # ----------------------------------------------------------------- import
    def open_file_dialog(self) -> None:
        self.importer.choose_file()

    def import_file(self, path: str, title: str | None = None) -> None:
        """Import in the background (see ImportFeature), then open the document."""
        self.importer.import_file(path, title)

    def _imported(self, doc_id: str, open_it: bool) -> None:
        self.index_ready = False  # the new text is indexed right after, in the index queue
        if open_it:
            self.open_document(doc_id)
            self.statusBar().showMessage(self.tr("已导入：{0}").format(self.doc.title if self.doc else doc_id), 5000)
        self.start_indexing()
        self.import_finished.emit(doc_id)

    def _import_failed(self, message: str, cancelled: bool) -> None:
        if not cancelled:
            self.show_error(message)
        self.import_failed.emit(message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.drop(event.mimeData())
        event.acceptProposedAction()

    # ----------------------------------------------------------------- print / export
    def export_chapter_pdf(self, path: str | None = None) -> str | None:
        return self.printing.export_pdf(self.doc, self.current_node_id(), path)

    def print_chapter(self) -> None:
        self.printing.print(self.doc, self.current_node_id())

    # ----------------------------------------------------------------- messages
    def show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("出错了"), message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorDialog")
        if QApplication.platformName() == "offscreen":
            box.setModal(False)
            box.show()  # tests inspect it; never block a headless run
            self.last_error = message
            return
        box.exec()

    def show_about(self) -> None:
        from reader import __version__

        text = self.tr("{0} {1}\n离线阅读、检索和批注中文政策文件。\n数据文件夹：{2}\n\n内置示例为东莞市“十四五”规划纲要的网页转载节选（止于“金融”一章），详见 帮助 › 文档信息。")  # fmt: skip
        QMessageBox.about(
            self,
            self.tr("关于政策阅读器"),
            text.format(self.tr("政策阅读器"), __version__, self.session.data_dir),
        )

    def open_default(self) -> None:
        """Open the last document read, or the bundled plan; then index in the background."""
        last = str(self.settings.value("last_document", BUNDLED_DOC_ID))
        if not self.open_document(last):
            self.open_document(BUNDLED_DOC_ID)
        QTimer.singleShot(300, self.start_indexing)
