"""The reader's own marks: highlights, notes and bookmarks of the open document — their actions and shortcuts, the
批注 panel, the 书签 menu, undo, the text's context-menu entries, and notes changed by another process."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader.document.model import Document
from reader.errors import ReaderError
from reader.session import Session
from reader.ui.panels.notes_panel import NotesPanel
from reader.ui.views.document_view import DocumentView, Span
from reader.ui.workers import IndexQueue, Progress

COLORS = ("yellow", "green", "blue", "pink")


class Annotating(QObject):
    spans_changed = Signal()  # the marks changed: the window re-typesets the text
    open_requested = Signal(str)  # a document to open (a note of another document was chosen)
    span_requested = Signal(int, int, int)  # block, start, end of a mark to show
    status = Signal(str, int)
    error = Signal(str)

    def __init__(
        self,
        window: QWidget,
        session: Session,
        view: DocumentView,
        indexer: IndexQueue,
        current_node: Callable[[], str | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.view = view
        self.indexer = indexer
        self._current_node = current_node
        self.doc: Document | None = None
        self.notes: list[Any] = []  # annotations of the open document
        self.error_message: str | None = None  # why the notes cannot be used, once said
        self.undo_stack: list[tuple[str, str]] = []  # ("delete" | "add", annotation id), newest last
        self._sync_queued = False
        self.panel = NotesPanel()
        self.panel.jump_requested.connect(self.jump_to)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        self.bookmark_action = self._action(self.tr("添加/移除书签"), self.toggle_bookmark, "Ctrl+D")
        self.undo_action = self._action(self.tr("撤销"), self.undo, QKeySequence.StandardKey.Undo)
        self.highlight_action = self._action(self.tr("高亮选中文字"), lambda: self.add_highlight("yellow"), "Ctrl+H")
        self.note_action = self._action(self.tr("为选中文字添加批注…"), lambda: self.add_note(), "Ctrl+Shift+N")
        self.bookmarks_menu = QMenu(self.tr("书签(&B)"), window)
        self.bookmarks_menu.aboutToShow.connect(self.fill_bookmarks_menu)
        view.annotation_clicked.connect(self._double_clicked)
        # Notes written by another process show up when the window is focused again, or within a few seconds.
        self._version: int | None = None
        self._watch = QTimer(self, interval=3000)
        self._watch.timeout.connect(self.check_outside_notes)
        self._watch.start()

    def _action(self, text: str, slot: Callable[[], object], shortcut: Any) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # ----------------------------------------------------------------- the store
    def store(self) -> Any:
        """The annotations store, or None (after telling the user once) when it cannot be used."""
        if self.error_message is not None:
            return None
        try:
            return self.session.annotations
        except ReaderError as exc:
            self.error_message = str(exc)
            for act in (self.bookmark_action, self.highlight_action, self.note_action):
                act.setEnabled(False)
            self.panel.set_message(str(exc))
            self.error.emit(str(exc))
            return None

    def check_outside_notes(self) -> bool:
        """Reload the notes when another process (the CLI, another window) has changed them; True if it had."""
        store = None if self.error_message is not None else self.store()
        if store is None or self.doc is None:
            return False
        try:
            version = store.data_version()
        except Exception:  # a store that cannot answer is reported where it is used
            return False
        if self._version is not None and version != self._version:
            self._version = version
            self.changed(rerender=True)
            return True
        self._version = version
        return False

    def document_opened(self, doc: Document) -> None:
        """Load the document's marks (the window typesets them with the text, then calls ``changed``)."""
        self.doc = doc
        store = self.store()
        self.notes = store.list(doc.id) if store is not None else []

    def spans(self) -> list[Span]:
        """The reader's marks as spans over the text (they go over the targets)."""
        spans: list[Span] = []
        for a in self.notes:
            if a.orphaned or a.kind == "bookmark":
                continue
            if a.color:
                spans.append(Span(a.block, a.start, a.end, f"hl-{a.color}"))
            if a.kind == "note" and a.end > a.start:
                spans.append(Span(a.block, a.start, a.end, "note"))
        return spans

    def changed(self, rerender: bool = True) -> None:
        """Show the notes again: in the panel, in the margin, and (``rerender``) reloaded and typeset anew."""
        doc = self.doc
        if doc is None:
            return
        if rerender:
            store = self.store()
            self.notes = store.list(doc.id) if store is not None else []
            self.spans_changed.emit()
        chapters = {}
        for a in self.notes:
            try:
                path = doc.node_path(a.node)
            except KeyError:
                path = []
            chapters[a.id] = " › ".join(n.label for n in path[:2])
        self.panel.set_annotations(self.notes, chapters, self.view._palette_colors())
        if self.error_message:
            self.panel.set_message(self.error_message)
        self.view.set_note_blocks({a.block for a in self.notes if a.kind == "note" and not a.orphaned})
        if rerender and self.indexer.ready:
            self._sync_index()

    def _sync_index(self) -> None:
        """Notes are searchable too: refresh their index entries in the index queue. One update waits in the
        queue at most: it reads the notes when it runs, so later changes need no update of their own."""
        if self._sync_queued or self.indexer.closing:
            return
        self._sync_queued = True

        def work(_p: Progress) -> bool:
            self._sync_queued = False  # changes from now on need another update
            return self.session.sync_notes_index()

        self.indexer.run(work, lambda _r: None, lambda _e: None)

    # ----------------------------------------------------------------- adding, editing, undo
    def add_highlight(self, color: str, span: tuple[int, int, int] | None = None) -> object | None:
        if span is None:
            span = self.view.selected_span()
            if span is None or span[1] == span[2]:
                self.status.emit(self.tr("请先在正文中选中一段文字（不跨段）。"), 4000)
                return None
        store, doc = self.store(), self.doc
        if store is None or doc is None:
            return None
        return self._added(lambda: store.add(doc, "highlight", span[0], span[1], span[2], color=color))

    def add_note(self, text: str | None = None, span: tuple[int, int, int] | None = None) -> object | None:
        """A note on the selection; without a selection, on the current chapter."""
        store = self.store()
        if store is None or self.doc is None:
            return None
        span = span or self.view.selected_span()
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self.window, self.tr("添加批注"), self.tr("批注内容："))
            if not ok:
                return None
        doc = self.doc
        if span is not None and span[1] < span[2]:
            return self._added(lambda: store.add(doc, "note", span[0], span[1], span[2], note=text))
        node = self._current_node() or ""
        return self._added(lambda: store.add(doc, "note", self.view.top_block(), note=text, node=node))

    def _added(self, add: Callable[[], Any]) -> object | None:
        """Add a mark (undoable), or say why it could not be added."""
        try:
            a = add()
        except ReaderError as exc:
            self.error.emit(str(exc))
            return None
        self.undo_stack.append(("add", a.id))
        self.changed()
        return a

    def edit(self, a: Any, text: str | None = None) -> None:
        store = self.store()
        if store is None:
            return
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self.window, self.tr("编辑批注"), self.tr("批注内容："), a.note)
            if not ok:
                return
        try:
            store.update(a.id, note=text)
        except ReaderError as exc:
            self.error.emit(str(exc))
            return
        self.changed()

    def delete(self, a: Any) -> None:
        store = self.store()
        if store is None:
            return
        store.delete(a.id)
        self.undo_stack.append(("delete", a.id))
        self.changed()
        self.status.emit(self.tr("已删除。按 Ctrl+Z 撤销。"), 6000)

    def undo(self) -> None:
        store = self.store()
        if not self.undo_stack or store is None:
            return
        action, annotation_id = self.undo_stack.pop()
        if action == "delete":
            store.undelete(annotation_id)
        else:
            store.delete(annotation_id)
        self.changed()
        self.status.emit(self.tr("已撤销。"), 3000)

    # ----------------------------------------------------------------- bookmarks
    def toggle_bookmark(self) -> None:
        store = self.store()
        if store is None or self.doc is None:
            return
        block = self.view.top_block()
        existing = [a for a in self.notes if a.kind == "bookmark" and a.block == block]
        if existing:
            for a in existing:
                store.delete(a.id)
                self.undo_stack.append(("delete", a.id))
            self.status.emit(self.tr("已移除书签。"), 3000)
        else:
            path = self.doc.node_path(self.doc.blocks[block].node)
            a = store.add(self.doc, "bookmark", block, name=path[-1].label if path else "")
            self.undo_stack.append(("add", a.id))
            self.status.emit(self.tr("已添加书签。"), 3000)
        self.changed()

    def fill_bookmarks_menu(self) -> None:
        menu = self.bookmarks_menu
        menu.clear()
        menu.addAction(self.bookmark_action)
        menu.addSeparator()
        marks = [a for a in self.notes if a.kind == "bookmark"]
        if not marks:
            menu.addAction(self.tr("（本文档还没有书签）")).setEnabled(False)
        for a in marks:
            menu.addAction((a.name or a.quote)[:40], lambda a=a: self.jump_to(a))

    def jump_to(self, a: Any) -> None:
        """Show a mark, opening its document first when it belongs to another one."""
        if self.doc is None or a.doc != self.doc.id:
            self.open_requested.emit(a.doc)  # the window opens it (and calls document_opened) before going on
            if self.doc is None or a.doc != self.doc.id:
                return
        if a.orphaned:
            self.status.emit(self.tr("这条批注的原文已在新版本中删改，无法定位。"), 5000)
            return
        self.span_requested.emit(a.block, a.start, max(a.end, a.start))

    def jump_to_id(self, annotation_id: str) -> None:
        note = next((a for a in self.notes if a.id == annotation_id), None)
        if note is not None:
            self.jump_to(note)

    # ----------------------------------------------------------------- in the text
    def at(self, block: int, offset: int) -> Any:
        """The highlight or note under a place in the text, or None."""
        for a in self.notes:
            if a.kind != "bookmark" and not a.orphaned and a.block == block and a.start <= offset < a.end:
                return a
        return None

    def _double_clicked(self, block: int, offset: int) -> None:
        a = self.at(block, offset)
        if a is not None and a.kind == "note":
            self.edit(a)

    def tooltip(self, block: int, offset: int) -> str | None:
        for a in self.notes:
            if a.kind == "note" and a.note and a.block == block and a.start <= offset < max(a.end, a.start + 1):
                tags = " ".join(f"#{t}" for t in a.tags)
                return self.tr("批注：{0}").format(a.note) + (f"\n{tags}" if tags else "")
        return None

    def _swatch(self, color: str) -> QIcon:
        """A small square of a highlight colour as the text shows it (light or dark theme)."""
        pixmap = QPixmap(14, 14)
        pixmap.fill(self.view._palette_colors()[f"hl-{color}_bg"])
        return QIcon(pixmap)

    def add_selection_actions(self, menu: QMenu, span: tuple[int, int, int]) -> None:
        """Context-menu entries for selected text: highlight in a colour, add a note."""
        writable = self.error_message is None
        hl = menu.addMenu(self.tr("高亮"))
        hl.setEnabled(writable)
        labels = (self.tr("黄色"), self.tr("绿色"), self.tr("蓝色"), self.tr("粉色"))
        native = QKeySequence.SequenceFormat.NativeText
        for key, label in zip(COLORS, labels, strict=True):
            if key == "yellow":  # the shortcut column of the menu (the window's action owns the key)
                label += "\t" + self.highlight_action.shortcut().toString(native)
            hl.addAction(self._swatch(key), label, lambda k=key, s=span: self.add_highlight(k, s))
        keys = self.note_action.shortcut().toString(native)
        menu.addAction(self.tr("添加批注…") + "\t" + keys, lambda s=span: self.add_note(span=s)).setEnabled(writable)

    def add_mark_actions(self, menu: QMenu, block: int, offset: int) -> None:
        """Context-menu entries for the highlight or note under the pointer."""
        existing = self.at(block, offset)
        if existing is not None:
            menu.addAction(self.tr("编辑批注…"), lambda a=existing: self.edit(a))
            menu.addAction(self.tr("删除此高亮/批注"), lambda a=existing: self.delete(a))
            menu.addSeparator()
