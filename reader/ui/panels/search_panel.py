"""The Search panel: a query box, filters, hit counts and ranked snippets with highlighted matches."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.document.tables import labelled_cells

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
DEBOUNCE_MS = 220
MUTED = "#8a857c"  # the path line and column names: readable on light and dark, set off from the text
SUMMARY_DOCS = 5  # documents named in the summary line, most hits first
CHAPTER_CHOICES = 100  # chapters offered by the chapter filter, most hits first
PAGE = 50  # hits shown at first; scrolling to the end of the list asks for the next page
FILL_CHECK_MS = 150  # after rows are added: is the last one in view already (a tall list)? then more


def _marked(text: str, start: int, matches: list[tuple[int, int]], mark: str) -> str:
    """``text`` (found at ``start`` in its block) as HTML with the matches inside it marked."""
    r, g, b_ = (int(mark[i : i + 2], 16) for i in (1, 3, 5))
    ink = "#1a1a1a" if 0.299 * r + 0.587 * g + 0.114 * b_ > 140 else "#f4efe6"  # readable on the mark colour
    out, pos = [], 0
    for a, b in matches:
        a, b = a - start, b - start
        if b <= 0 or a >= len(text):
            continue
        a, b = max(a, 0), min(b, len(text))
        out.append(html.escape(text[pos:a]))
        out.append(f'<span style="background:{mark}; color:{ink}; font-weight:600;">{html.escape(text[a:b])}</span>')
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


def snippet_html(hit: Any, mark: str, via: list[str] | None = None, doc_title: str = "") -> str:
    """The hit's path and snippet as HTML, with matches marked (text is escaped); ``via``: synonyms that matched;
    ``doc_title``: the document's title, shown before the path when a result spans several documents. A table row
    is shown cell by cell with its column names (常住人口城镇化率（%） · 2020年 60.6* · 2025年 65)."""
    if getattr(hit, "columns", None):
        cells = [
            (f'<span style="color:{MUTED};">{html.escape(label)}</span> ' if label else "")
            + _marked(hit.text[a:b], a, hit.matches, mark)
            for label, a, b in labelled_cells(hit.text, hit.columns)
        ]
        body, lead, tail = " · ".join(cells), "", ""
    else:
        start, text = hit.snippet_start, hit.snippet
        body = _marked(text, start, hit.matches, mark)
        lead = "…" if start > 0 else ""
        tail = "…" if start + len(text) < len(hit.text) else ""
    note = f' <span style="color:{MUTED};">≈ {html.escape("、".join(via))}</span>' if via else ""
    path = html.escape(hit.path)
    if doc_title:
        short = doc_title if len(doc_title) <= 20 else doc_title[:19] + "…"
        path = f'<span style="font-weight:600;">{html.escape(short)}</span> · {path}'
    return f'<span style="color:{MUTED}; font-size:small;">{path}</span>{note}<br>{lead}{body}{tail}'


class SnippetDelegate(QStyledItemDelegate):
    """Paints an item's HTML (path line + snippet) wrapped to the view's width."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, selected: bool = False
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        text = index.data(HTML_ROLE) or ""
        if selected:  # grey on the selection colour cannot be read: the path takes the selected-text colour
            text = text.replace(f"color:{MUTED};", "")
        doc.setHtml(text)
        doc.setTextWidth(max(120, option.rect.width() if option.rect.width() > 0 else 320))
        return doc

    def paint(self, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = self._document(option, index, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # type: ignore[no-untyped-def]
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class SearchPanel(QWidget):
    """Emits ``search_requested`` after typing pauses; shows whatever result the window hands back."""

    search_requested = Signal()
    more_requested = Signal(int)  # how many hits the list should hold (the next page)
    hit_activated = Signal(object)  # the Hit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query_box = QLineEdit()
        self.query_box.setObjectName("searchBox")
        self.query_box.setPlaceholderText(self.tr('检索：空格=并且，"短语"，OR，-排除'))
        self.query_box.setAccessibleName(self.tr("检索词"))
        self.query_box.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_requested)
        self.query_box.textChanged.connect(lambda _t: self._debounce.start())
        self.query_box.returnPressed.connect(self._enter)

        self.scope_box = QComboBox()
        self.scope_box.setAccessibleName(self.tr("检索范围"))
        self.scope_box.addItem(self.tr("全部文档"), "all")
        self.scope_box.addItem(self.tr("当前文档"), "current")
        self.scope_box.setMaximumWidth(220)
        self.scope_box.currentIndexChanged.connect(lambda _i: self._filters_changed(reset_chapter=True))
        self.chapter_box = QComboBox()
        self.chapter_box.setAccessibleName(self.tr("按章筛选"))
        self.chapter_box.addItem(self.tr("全部章节"), None)
        self.chapter_box.currentIndexChanged.connect(lambda _i: self._filters_changed(reset_chapter=False))
        self.synonyms_box = QCheckBox(self.tr("同义词"))
        self.synonyms_box.setToolTip(self.tr("同时检索同义词（如 GDP = 地区生产总值）"))
        self.synonyms_box.setChecked(True)
        self.synonyms_box.toggled.connect(lambda _c: self.search_requested.emit())
        # A long chapter name must not widen the panel (and so narrow the text): it shows in the list.
        self.chapter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chapter_box.setMinimumContentsLength(5)
        row = QHBoxLayout()
        row.addWidget(self.scope_box)
        row.addWidget(self.chapter_box, 1)
        row.addWidget(self.synonyms_box)

        self.summary = QLabel()
        self.summary.setObjectName("mutedLabel")
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("检索结果"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows are measured in batches between events, so a page of hits never holds up typing.
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(10)
        self.results.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.clicked.connect(self._activated)
        self.results.activated.connect(self._activated)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addWidget(self.query_box)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.results, 1)
        # Before anything is typed the panel says how to search instead of showing an empty list.
        rows = (
            (self.tr("空格"), self.tr("同时包含"), self.tr("碳达峰 碳中和")),
            ('"…"', self.tr("连续短语"), self.tr('"高质量发展"')),
            ("OR", self.tr("任一"), self.tr("松山湖 OR 滨海湾")),
            (self.tr("-词"), self.tr("排除"), self.tr("创新 -科技")),
        )
        table = "".join(
            f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td><td>{html.escape(c)}</td></tr>" for a, b, c in rows
        )
        intro = self.tr("输入关键词即检索，不必按回车。原文中逐字出现的段落都会列出，最相关的在前。")
        keys = self.tr("Ctrl+K 检索全部文档，Ctrl+F 检索当前文档；F3 / Shift+F3 在命中之间跳转。")
        synonyms = self.tr("勾选“同义词”时，GDP 也会找到“地区生产总值”。")
        self.guide = QLabel(
            f"<p>{html.escape(intro)}</p><table cellpadding='3'>{table}</table>"
            f"<p>{html.escape(keys)} {html.escape(synonyms)}</p>"
        )
        self.guide.setObjectName("searchGuide")
        self.guide.setWordWrap(True)
        self.guide.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.guide, 1)
        self.query_box.textChanged.connect(self._show_guide)
        self._show_guide()
        self.setTabOrder(self.query_box, self.results)
        self._jump_pending = False
        self._result: Any = None
        self._mark = ""
        self._doc_titles: dict[str, str] = {}
        self._more_pending = False

    def _show_guide(self, _text: str = "") -> None:
        empty = not self.query()
        self.guide.setVisible(empty)
        self.results.setVisible(not empty)

    # ---------------------------------------------------------------- what the window reads
    def query(self) -> str:
        return self.query_box.text().strip()

    def scope_current(self) -> bool:
        return self.scope_box.currentData() == "current"

    def scope_document(self) -> str | None:
        """A document chosen by name in the scope box (None for all or current)."""
        data = self.scope_box.currentData()
        return data[4:] if isinstance(data, str) and data.startswith("doc:") else None

    def scope_collection(self) -> str | None:
        """A collection (tag) chosen in the scope box."""
        data = self.scope_box.currentData()
        return data[4:] if isinstance(data, str) and data.startswith("tag:") else None

    def set_documents(self, docs: list[tuple[str, str]], tags: list[str] | None = None) -> None:
        """The library's collections and documents as scope choices, after the all-documents and current-document
        items."""
        current = self.scope_box.currentData()
        self.scope_box.blockSignals(True)
        while self.scope_box.count() > 2:
            self.scope_box.removeItem(2)
        for tag in tags or []:
            self.scope_box.addItem(self.tr("标签 #{0}").format(tag), f"tag:{tag}")
        if len(docs) > 1:
            for doc_id, title in docs:
                self.scope_box.addItem(title if len(title) <= 18 else title[:17] + "…", f"doc:{doc_id}")
                self.scope_box.setItemData(self.scope_box.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        i = self.scope_box.findData(current)
        self.scope_box.setCurrentIndex(max(0, i))
        self.scope_box.blockSignals(False)

    def chapter(self) -> str | None:
        return self.chapter_box.currentData()

    def use_synonyms(self) -> bool:
        return self.synonyms_box.isChecked()

    def search_now(self) -> None:
        self._debounce.stop()
        self.search_requested.emit()

    # ---------------------------------------------------------------- showing results
    def show_busy(self, text: str) -> None:
        self.summary.setText(text)

    def show_result(self, result: Any, doc_titles: dict[str, str], chapter_labels: dict[str, str], mark: str) -> None:
        self.model.clear()
        self._result, self._mark, self._more_pending = result, mark, False
        self._doc_titles = doc_titles
        self._append_hits(result.hits)
        self._update_summary()
        self._fill_chapters(result, chapter_labels)
        if self._jump_pending and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))
            self._activated(self.model.index(0, 0))
        self._jump_pending = False

    def show_more(self, result: Any) -> None:
        """The next page of the shown result (the same query and filters, a higher limit)."""
        self._more_pending = False
        shown = self._result
        if shown is None or result.query != shown.query or result.total != shown.total:
            return  # the query changed meanwhile; the new result will replace the list
        self._append_hits(result.hits[self.model.rowCount() :])
        shown.hits = result.hits
        self._update_summary()

    def _append_hits(self, hits: list[Any]) -> None:
        # A list that fits without scrolling never scrolls: once the rows are laid out, check whether the
        # last one is already in view and ask for the next page if so.
        QTimer.singleShot(FILL_CHECK_MS, self, self._scrolled)  # bound to the panel: dropped if it is gone
        result = self._result
        synonyms = {alt for alts in result.expansions.values() for alt in alts}
        for hit in hits:
            item = QStandardItem()
            via = [m for m in hit.matched if m in synonyms]
            title = self._doc_titles.get(hit.doc, "") if len(result.by_doc) > 1 else ""
            item.setData(snippet_html(hit, self._mark, via, title), HTML_ROLE)
            item.setData(hit, HIT_ROLE)
            item.setData(f"{hit.path}\n{hit.snippet}", Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(item)

    def _update_summary(self) -> None:
        result = self._result
        parts = []
        if result.message:
            parts.append(result.message)
        if not self.query():
            parts = []
        elif result.total == 0:
            parts.append(self.tr("没有找到“{0}”。").format(result.query))
        else:
            shown = self.tr("共 {0} 段命中").format(result.total)
            if self.model.rowCount() < result.total:
                shown += self.tr("，已列出 {0} 段，滚动到底部列出更多").format(self.model.rowCount())
            parts.append(shown)
            if len(result.by_doc) > 1:
                ranked = sorted(result.by_doc.items(), key=lambda x: -x[1])
                per_doc = "；".join(f"{self._doc_titles.get(d, d)[:16]} {n}" for d, n in ranked[:SUMMARY_DOCS])
                if len(ranked) > SUMMARY_DOCS:
                    per_doc += self.tr("；另有 {0} 个文档").format(len(ranked) - SUMMARY_DOCS)
                parts.append(per_doc)
        for term, alts in result.expansions.items():
            parts.append(self.tr("{0} 也检索了：{1}").format(term, "、".join(alts)))
        self.summary.setText("\n".join(parts))

    def _scrolled(self, _value: int = 0) -> None:
        """Ask for the next page once the last listed hit is in view."""
        result = self._result
        rows = self.model.rowCount()
        if result is None or self._more_pending or not rows or rows >= result.total:
            return
        last = self.results.visualRect(self.model.index(rows - 1, 0))
        if last.isValid() and last.top() < self.results.viewport().height():
            self._more_pending = True
            self.more_requested.emit(rows + PAGE)

    def _fill_chapters(self, result: Any, chapter_labels: dict[str, str]) -> None:
        current = self.chapter()
        self.chapter_box.blockSignals(True)
        self.chapter_box.clear()
        self.chapter_box.addItem(self.tr("全部章节"), None)
        ranked = sorted(result.by_chapter.items(), key=lambda x: -x[1])
        for key, count in ranked[:CHAPTER_CHOICES]:
            self.chapter_box.addItem(f"{chapter_labels.get(key, key)[:24]}（{count}）", key)
        if len(ranked) > CHAPTER_CHOICES:  # a search over many documents: choose a document first to see all
            self.chapter_box.addItem(
                self.tr("另有 {0} 个章节，先选定文档可逐一列出").format(len(ranked) - CHAPTER_CHOICES)
            )
            item = self.chapter_box.model().item(self.chapter_box.count() - 1)  # type: ignore[attr-defined]
            item.setEnabled(False)
        if current is not None:
            i = self.chapter_box.findData(current)
            if i < 0:
                self.chapter_box.addItem(chapter_labels.get(current, current)[:24], current)
                i = self.chapter_box.count() - 1
            self.chapter_box.setCurrentIndex(i)
        self.chapter_box.blockSignals(False)

    def _filters_changed(self, reset_chapter: bool) -> None:
        if reset_chapter:
            self.chapter_box.blockSignals(True)
            self.chapter_box.setCurrentIndex(0)
            self.chapter_box.blockSignals(False)
        self.search_now()

    def _enter(self) -> None:
        self._jump_pending = True  # jump to the best hit as soon as the result arrives
        self.search_now()

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def mark_color(self) -> str:
        return self.palette().color(QPalette.ColorRole.Highlight).name()
