"""The main window: chapter tree on the left, the text in the centre, panels on the right. It keeps the layout and
wires the features (``reader/ui/features/``) together; each feature owns its widgets, actions and signals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolBar

from reader import BUNDLED_DOC_ID
from reader.document.model import Document
from reader.errors import ReaderError
from reader.session import Session
from reader.ui.dialogs import show_warning
from reader.ui.features.annotating import Annotating
from reader.ui.features.appearance import Appearance
from reader.ui.features.citation import CitationCopy
from reader.ui.features.comparing import Comparing
from reader.ui.features.docinfo import show_about, show_document_info
from reader.ui.features.editions import Editions
from reader.ui.features.importing import ImportFeature
from reader.ui.features.indexing import Indexer
from reader.ui.features.library import LibraryFeature
from reader.ui.features.navigation import Navigation
from reader.ui.features.notes_transfer import NotesTransfer
from reader.ui.features.panels import Panels
from reader.ui.features.printing import ChapterPrinting
from reader.ui.features.searching import Searching
from reader.ui.features.tables import TableActions
from reader.ui.features.targets import TargetsFeature
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.views.document_view import DocumentView, Span


def _fill(container: QMenu | QToolBar, *items: QAction | QMenu | None) -> None:
    """Actions and submenus in order; None is a separator."""
    for item in items:
        if item is None:
            container.addSeparator()
        elif isinstance(item, QMenu):
            container.addAction(item.menuAction())
        else:
            container.addAction(item)


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
        self._current_span: Span | None = None  # the sentence or hit jumped to, marked until the next jump
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("政策阅读器"))
        status = self.statusBar()

        def say(feature) -> None:  # type: ignore[no-untyped-def]
            feature.status.connect(lambda text, ms: status.showMessage(text, ms))
            if hasattr(feature, "error"):
                feature.error.connect(self.show_error)

        self.view = DocumentView()
        self.nav = Navigation(self, self.view, settings, lambda: self.doc)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav.pane)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        self.setCentralWidget(self.splitter)
        self.setTabOrder(self.nav.filter_box, self.nav.tree)
        self.setTabOrder(self.nav.tree, self.view)
        self.nav.add_to_status_bar(status)

        self.indexer = Indexer(session, self)
        self.indexer.updated.connect(self._index_updated)
        self.targets_feature = TargetsFeature(self, session, lambda: self.indexer.closing)
        self.targets_feature.spans_changed.connect(self._marks_changed)
        self.targets_feature.spans_found.connect(self.view.add_spans)
        self.targets_feature.jump_requested.connect(self.jump_to_span)
        self.annotating = Annotating(self, session, self.view, self.indexer, self.nav.current_node_id)
        self.annotating.spans_changed.connect(lambda: self.view.set_spans(self._static_spans()))
        self.annotating.open_requested.connect(self.open_document)
        self.annotating.span_requested.connect(self.jump_to_span)
        self.notes_transfer = NotesTransfer(self, self.annotating.store, lambda: self.doc, session.document_info)
        self.notes_transfer.merged.connect(self.annotating.changed)
        self.annotating.panel.export_requested.connect(self.notes_transfer.export)
        self.importer = ImportFeature(session, self)
        self.importer.imported.connect(self._imported)
        self.importer.failed.connect(self._import_failed)
        self.importer.open_requested.connect(self.open_document)
        self.importer.imported_many.connect(self._imported_many)
        self.comparing, self.editions = Comparing(self, session), Editions(self, session)
        for viewer in (self.comparing, self.editions):
            viewer.jump_requested.connect(self.show_in)
        self.library = LibraryFeature(self, session)
        self.library.open_requested.connect(self.open_document)
        self.printing = ChapterPrinting(self.view, self, lambda: self.doc, self.nav.current_node_id)
        self.table_actions = TableActions(self, lambda text: status.showMessage(text, 5000), self.show_error)
        self.citation = CitationCopy(self, self.view, lambda: self.doc, lambda text: status.showMessage(text, 5000))
        self.appearance = Appearance(self, self.view, settings)
        self.appearance.theme_changed.connect(self._theme_changed)
        self.panels = Panels(self, settings)
        talkers = [self.indexer, self.targets_feature, self.annotating, self.notes_transfer, self.importer]
        for feature in (*talkers, self.library, self.printing):
            say(feature)
        self.view.tooltip_provider = lambda b, o: self.annotating.tooltip(b, o) or self.targets_feature.tooltip(b, o)
        self.view.context_requested.connect(lambda pos, b, o: self.build_text_menu(b, o).popup(pos))

        self._build_docks()
        self._build_actions()
        self._restore_settings()

    # ----------------------------------------------------------------- actions, menus, docks
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut or ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_open = self.importer.open_action
        self.act_export_pdf, self.act_print = self.printing.export_action, self.printing.print_action
        self.act_quit = self._action(self.tr("退出"), self.close, keys.Quit)
        self.act_fullscreen, self.act_focus = self.panels.fullscreen_action, self.panels.focus_action
        self.act_copy = self._action(self.tr("复制"), self.view.copy, keys.Copy)
        self.act_select_all = self._action(self.tr("全选"), self.view.selectAll, keys.SelectAll)
        self.act_about = self._action(self.tr("关于政策阅读器"), lambda: show_about(self, self.session.data_dir))
        self.act_doc_info = self._action(self.tr("文档信息…"), lambda: show_document_info(self, self.doc))
        nav, notes, look = self.nav, self.annotating, self.appearance
        transfer, importer = self.notes_transfer, self.importer
        bar = self.menuBar()
        _fill(
            bar.addMenu(self.tr("文件(&F)")), self.act_open, importer.folder_action, importer.library_menu,
            self.comparing.action, self.editions.action, None, self.act_export_pdf,
            self.targets_feature.export_action, transfer.export_action, transfer.import_action, self.act_print, None,
            self.act_quit,
        )  # fmt: skip
        _fill(
            bar.addMenu(self.tr("编辑(&E)")), notes.undo_action, None, self.act_copy, self.citation.action,
            self.act_select_all, None, notes.highlight_action, notes.note_action, None, self.act_find,
            self.act_search_all, self.act_find_next, self.act_find_prev, None, self.indexer.rebuild_action,
        )  # fmt: skip
        self.view_menu = bar.addMenu(self.tr("视图(&V)"))
        look.add_to_menu(self.view_menu)
        _fill(
            self.view_menu, None, self.targets_feature.highlight, self.panels.menu, None, self.act_fullscreen,
            self.act_focus,
        )  # fmt: skip
        _fill(
            bar.addMenu(self.tr("转到(&G)")), nav.trail.back, nav.trail.forward, None, nav.focus_filter,
            nav.focus_tree, nav.focus_text,
        )  # fmt: skip
        bar.addMenu(notes.bookmarks_menu)
        _fill(bar.addMenu(self.tr("帮助(&H)")), self.act_doc_info, self.act_about)
        self.addAction(nav.trail.back)
        self.addAction(nav.trail.forward)
        self.toolbar = self.addToolBar(self.tr("导航"))
        self.toolbar.setObjectName("navigationToolbar")
        self.toolbar.setMovable(False)
        _fill(self.toolbar, nav.trail.back, nav.trail.forward, None, look.zoom_out, look.zoom_in, None, self.act_open)
        self.panels.chrome = [self.nav.pane, self.toolbar, self.statusBar()]

    def _build_docks(self) -> None:
        self.targets_dock = self.panels.add(self.tr("目标与数据"), "targetsDock", self.targets_feature.panel)
        self.targets_dock.panel_action.setShortcut(QKeySequence("Ctrl+Shift+T"))  # type: ignore[attr-defined]
        self.search_panel = SearchPanel()
        self.search_dock = self.panels.add(self.tr("检索"), "searchDock", self.search_panel)
        self.search_dock.visibilityChanged.connect(self._search_dock_visibility)
        self.searching = Searching(self.session, self.indexer, self.search_panel, self.search_dock, self.view)
        self.act_find, self.act_search_all, self.act_find_next, self.act_find_prev = self.searching.add_actions(self)
        self.searching.jump_requested.connect(self.jump_to_span)
        self.searching.open_requested.connect(self.open_document)
        self.searching.annotation_requested.connect(self.annotating.jump_to_id)
        self.searching.marks_changed.connect(self._refresh_transient)
        self.searching.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.library.tags_changed.connect(self.searching.library_changed)
        self.library.removed.connect(lambda _doc_id: (self.searching.library_changed(), self.indexer.invalidate()))
        self.tabifyDockWidget(self.targets_dock, self.search_dock)
        self.notes_dock = self.panels.add(self.tr("批注"), "notesDock", self.annotating.panel)
        self.tabifyDockWidget(self.search_dock, self.notes_dock)
        self.library_dock = self.panels.add(self.tr("文档库"), "libraryDock", self.library.panel)
        self.library_dock.visibilityChanged.connect(lambda visible: visible and self.library.refresh())
        self.tabifyDockWidget(self.notes_dock, self.library_dock)
        self.search_dock.raise_()
        # Indexing progress lives in the status bar, with a cancel button; the window stays usable.
        for widget in (self.indexer.bar, self.indexer.cancel_button, self.targets_feature.legend):
            self.statusBar().addPermanentWidget(widget)

    # ----------------------------------------------------------------- documents
    def open_document(self, doc_id: str) -> bool:
        """Show a document, restoring where the reader left it."""
        try:
            doc = self.session.library.open(doc_id)
        except ReaderError as exc:
            self.show_error(str(exc))
            return False
        self.nav.remember_position()
        self.doc = doc
        self.importer.current = self.library.current = doc.id
        self._current_span = None
        self.targets_feature.document_opened(doc)  # a long document's targets are found after the text is shown
        self.annotating.document_opened(doc)
        self.view.set_document(doc, self._static_spans())
        self.annotating.changed(rerender=False)
        self.searching.document_opened(doc)
        self.nav.document_opened(doc)
        self.setWindowTitle(f"{doc.title} — {self.tr('政策阅读器')}")
        self.settings.setValue("last_document", doc.id)
        self.searching.library_changed()
        self.document_opened.emit(doc.id)
        return True

    def show_in(self, doc_id: str, block: int, start: int, end: int) -> None:
        """Show a span of any document of the library (opened first when it is not the one shown)."""
        if (self.doc is not None and self.doc.id == doc_id) or self.open_document(doc_id):
            self.jump_to_span(block, start, end)

    def jump_to_block(self, block: int, record: bool = True) -> None:
        self.nav.jump_to_block(block, record)

    def jump_to_span(self, block: int, start: int, end: int) -> None:
        """Jump to a sentence or hit and mark it until the next jump."""
        self.nav.jump_to_block(block)
        self._current_span = Span(block, start, end, "current")
        self._refresh_transient()
        # Keep a line of context above the span when it is deep inside a long paragraph.
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.position_of(block, start))
        top = self.view.cursorRect(cursor).top()
        if top > self.view.viewport().height() * 0.6:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + top - self.view.viewport().height() // 3)

    # ----------------------------------------------------------------- marks in the text
    def _static_spans(self) -> list[Span]:
        """Spans typeset into the text: targets and past figures, then the reader's own marks over them."""
        return self.targets_feature.spans() + self.annotating.spans()

    def _marks_changed(self) -> None:
        self.view.set_spans(self._static_spans())
        self.targets_feature.update_legend(self.view._palette_colors())

    def _refresh_transient(self) -> None:
        spans = list(self.searching.hit_spans)
        if self._current_span is not None:
            spans.append(self._current_span)
        self.view.set_transient_spans(spans)

    def build_text_menu(self, block: int, offset: int) -> QMenu:
        """The text's context menu: marks for a selection, copy, table actions, the mark under the pointer."""
        menu = QMenu(self)
        menu.setObjectName("textMenu")
        span = self.view.selected_span()
        if span is not None and span[1] < span[2]:
            self.annotating.add_selection_actions(menu, span)
            menu.addAction(self.act_copy)
            menu.addAction(self.citation.action)
            menu.addSeparator()
        self.table_actions.add_to_menu(menu, self.doc, block)
        self.annotating.add_mark_actions(menu, block, offset)
        menu.addAction(self.annotating.bookmark_action)
        menu.addAction(self.act_select_all)
        return menu

    # ----------------------------------------------------------------- search
    def _index_updated(self, _ids: list[str]) -> None:
        if self.search_panel.query():
            self.searching.run()

    def _search_dock_visibility(self, _visible: bool) -> None:
        """Closing the search panel leaves the search: the mark of the hit jumped to goes too."""
        if self.search_dock.isHidden() and self._current_span is not None:
            self._current_span = None
            self._refresh_transient()

    # ----------------------------------------------------------------- view
    def _theme_changed(self, _dark: bool) -> None:
        self.targets_feature.update_legend(self.view._palette_colors())
        self.annotating.changed(rerender=False)
        if getattr(self, "searching", None) is not None and self.searching.last_result is not None:
            self.searching.show_result(self.searching.last_result)  # snippet marks in the new theme's colours

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() != Qt.Key.Key_Escape or not self.panels.escape():
            super().keyPressEvent(event)

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.annotating.check_outside_notes()

    # ----------------------------------------------------------------- settings and closing
    def _restore_settings(self) -> None:
        self.panels.restore(self.splitter, self.targets_dock)
        self.appearance.restore()

    def save_settings(self) -> None:
        self.nav.remember_position()
        self.panels.save(self.splitter)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.indexer.shut_down()
        self.session.close()  # every note in annotations.db itself, nothing left only in its -wal
        super().closeEvent(event)

    # ----------------------------------------------------------------- import
    def _imported(self, doc_id: str, open_it: bool) -> None:
        self.indexer.ready = False  # the new text is indexed right after, in the index queue
        if open_it:
            self.open_document(doc_id)
            self.statusBar().showMessage(self.tr("已导入：{0}").format(self.doc.title if self.doc else doc_id), 5000)
        self.indexer.start()
        self.import_finished.emit(doc_id)

    def _imported_many(self, report) -> None:  # type: ignore[no-untyped-def]
        self.library.refresh()
        if report.imported:
            self.indexer.invalidate()  # the new texts are indexed right after, in the index queue

    def _import_failed(self, message: str, cancelled: bool) -> None:
        if not cancelled:
            self.show_error(message)
        self.import_failed.emit(message)

    # ----------------------------------------------------------------- messages
    def show_error(self, message: str) -> None:
        self.last_error = message  # tests read it
        show_warning(self, self.tr("出错了"), message)

    def open_default(self) -> None:
        """Open the last document read, or the bundled plan; then index in the background."""
        last = str(self.settings.value("last_document", BUNDLED_DOC_ID))
        if not self.open_document(last):
            self.open_document(BUNDLED_DOC_ID)
        QTimer.singleShot(300, self.indexer.start)
