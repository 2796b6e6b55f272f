"""Searching: the query from the search panel run in the index queue, its results shown page by page, and every
occurrence of its words marked in the open document for F3 / Shift+F3."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from reader.document.model import Document
from reader.errors import ReaderError
from reader.session import Session
from reader.ui.panels.search_panel import PAGE, SearchPanel
from reader.ui.views.document_view import DocumentView, Span
from reader.ui.workers import IndexQueue, Progress


class Searching(QObject):
    """Talks to the window through signals: where to jump, which document or note to open, what to tell the user,
    and that the hit marks changed."""

    jump_requested = Signal(int, int, int)  # block, start, end of an occurrence to show
    open_requested = Signal(str)  # a hit in another document: open it (synchronously) before the jump
    annotation_requested = Signal(str)  # a hit in a note's text: go to what the note is attached to
    marks_changed = Signal()  # hit_spans changed
    status = Signal(str, int)  # a status-bar message and how long to show it (ms)

    def __init__(
        self, session: Session, indexer: IndexQueue, panel: SearchPanel, dock: QDockWidget, view: DocumentView
    ) -> None:
        super().__init__(dock)
        self.session = session
        self.indexer = indexer
        self.panel = panel
        self.dock = dock
        self.view = view
        self.doc: Document | None = None
        self.last_result: Any = None
        self.hit_spans: list[Span] = []
        self.occurrences: list[tuple[int, int, int]] = []  # (block, start, end) in the open document
        self.occurrence_pos = -1
        self.searches = 0  # searches started (a newer one makes the results of older ones irrelevant)
        panel.search_requested.connect(self.run)
        panel.more_requested.connect(self.run)
        panel.hit_activated.connect(self.open_hit)
        dock.visibilityChanged.connect(self._dock_visibility)

    def add_actions(self, window: QWidget) -> tuple[QAction, QAction, QAction, QAction]:
        """Find in this document, search all documents, next and previous occurrence — with their shortcuts."""
        made = []
        for text, slot, key in (
            (self.tr("在本文档中查找…"), lambda: self.focus(True, self._selected()), QKeySequence.StandardKey.Find),
            (self.tr("在全部文档中检索…"), lambda: self.focus(False, self._selected()), "Ctrl+K"),
            (self.tr("下一处"), lambda: self.step(+1), "F3"),
            (self.tr("上一处"), lambda: self.step(-1), "Shift+F3"),
        ):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, f=slot: f())
            window.addAction(action)
            made.append(action)
        return made[0], made[1], made[2], made[3]

    def _selected(self) -> str:
        return self.view.textCursor().selectedText().strip()

    def library_changed(self) -> None:
        """The documents and collections offered as search scopes, read again from the library."""
        try:
            entries, tags = self.session.library.entries(), self.session.library.tags()
        except ReaderError:
            return  # the library panel says why
        self.panel.set_documents([(e.id, e.title) for e in entries], tags)

    def document_opened(self, doc: Document) -> None:
        self.doc = doc
        self.hit_spans = []
        self.occurrences = []
        self.occurrence_pos = -1
        if self.panel.query():
            self.compute_occurrences()

    def focus(self, current_document: bool, selected: str = "") -> None:
        """Show the panel with the cursor in the query box (the selection as the query when it is short)."""
        self.dock.show()
        self.dock.raise_()
        self.panel.scope_box.setCurrentIndex(1 if current_document else 0)
        if selected and len(selected) <= 40:
            self.panel.query_box.setText(selected)
        self.panel.query_box.setFocus()
        self.panel.query_box.selectAll()

    def run(self, limit: int = 0) -> None:
        """Search in the background; a newer query makes older results irrelevant.

        ``limit``: how many hits the list should hold when the panel asks for the next page (0: a new search,
        its first page)."""
        more = limit > 0
        query = self.panel.query()
        if not more:
            self.searches += 1
        seq = self.searches
        if not query:
            from reader.search.index import SearchResult

            self.show_result(SearchResult(query="", total=0, hits=[]))
            return
        doc: str | set[str] | None = self.panel.scope_document()
        if doc is None and self.doc is not None and self.panel.scope_current():
            doc = self.doc.id
        tag = self.panel.scope_collection()
        if tag is not None:
            doc = self.session.library.collection(tag)
        chapter = self.panel.chapter()
        synonyms = self.panel.use_synonyms()
        if not self.indexer.ready:
            self.panel.show_busy(self.tr("正在建立索引，完成后显示结果…"))
            self.indexer.start()  # unless it is running already
            return
        page = limit if more else PAGE

        def work(_p: Progress):  # type: ignore[no-untyped-def]
            return self.session.index.search(query, doc=doc, chapter=chapter, limit=page, use_synonyms=synonyms)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if seq != self.searches or self.indexer.closing:
                return
            if more:
                self.panel.show_more(result)
            else:
                self.show_result(result)

        def failed(error: ReaderError) -> None:
            if seq == self.searches and not self.indexer.closing:
                self.panel.show_busy(str(error))

        self.indexer.run(work, done, failed)

    def show_result(self, result) -> None:  # type: ignore[no-untyped-def]
        self.last_result = result
        titles = {e.id: e.title for e in self.session.library.entries()} if len(result.by_doc) > 1 else {}
        # Chapter headings come with the result (from the index): a search over a thousand plans must not
        # open a thousand documents to label its counts.
        labels = {key: label or self.tr("卷首") for key, label in result.chapter_labels.items()}
        self.panel.show_result(result, titles, labels, self.view._palette_colors()["hit_bg"].name())
        self.compute_occurrences()

    def compute_occurrences(self) -> None:
        """Every occurrence of the query's words in the open document, marked; F3 walks them."""
        from reader.search.text import find_all, fold, parse_query

        self.occurrences = []
        self.occurrence_pos = -1
        if self.doc is not None and self.panel.query():
            synonyms = self.session.index.synonyms() if self.panel.use_synonyms() else None
            parsed = parse_query(self.panel.query(), synonyms)
            terms = [a for c in parsed.positive for a in c.alternatives]
            for b in self.doc.blocks:
                folded = fold(b.text)
                spans: list[tuple[int, int]] = []
                for term in terms:
                    spans.extend(find_all(folded, term))
                self.occurrences.extend((b.index, s, e) for s, e in sorted(set(spans)))
        self.hit_spans = [Span(b, s, e, "hit") for b, s, e in self.occurrences]
        self.marks_changed.emit()

    def _dock_visibility(self, _visible: bool) -> None:
        """Closing the search panel leaves the search: its hit marks go from the text."""
        if self.dock.isHidden() and self.hit_spans:
            self.hit_spans = []
            self.marks_changed.emit()

    def open_hit(self, hit) -> None:  # type: ignore[no-untyped-def]
        if self.doc is None or hit.doc != self.doc.id:
            self.open_requested.emit(hit.doc)
            if self.doc is None or hit.doc != self.doc.id:
                return  # it could not be opened (the window said why)
        if hit.kind == "annotation":
            self.annotation_requested.emit(hit.block_id)
            return
        start, end = hit.matches[0] if hit.matches else (0, 0)
        for i, occ in enumerate(self.occurrences):
            if occ[0] == hit.block and occ[1] >= start:
                self.occurrence_pos = i
                break
        self.jump_requested.emit(hit.block, start, end)

    def step(self, step: int) -> None:
        """To the next (+1) or previous (-1) occurrence, from the reading position the first time."""
        if not self.occurrences:
            if self.panel.query():
                self.compute_occurrences()
            if not self.occurrences:
                self.status.emit(self.tr("没有可跳转的检索结果。"), 3000)
                return
        if self.occurrence_pos < 0:
            top = self.view.top_block()
            after = [i for i, o in enumerate(self.occurrences) if o[0] >= top]
            self.occurrence_pos = (after[0] if after else 0) - (1 if step > 0 else 0)
        self.occurrence_pos = (self.occurrence_pos + step) % len(self.occurrences)
        block, start, end = self.occurrences[self.occurrence_pos]
        self.jump_requested.emit(block, start, end)
        self.status.emit(self.tr("第 {0} / {1} 处").format(self.occurrence_pos + 1, len(self.occurrences)), 3000)
