"""The library panel: every document as a sortable, filterable table — title, type, issuing body, 文号, date, region,
plan period, notes, when imported — opened with a double-click, its metadata corrected in place (inferred values are
set lighter), removed with a choice of what becomes of its notes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader import BUNDLED_DOC_ID
from reader.errors import ReaderError
from reader.session import Session
from reader.ui.models.text_filter import TextFilter

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
INFO_COLUMNS = ("type", "issuer", "number", "date", "region", "period")  # editable, in the order shown
TAGS_COLUMN = 1 + len(INFO_COLUMNS)
NOTES_COLUMN = TAGS_COLUMN + 1


class LibraryModel(QAbstractTableModel):
    """One row per library entry: title, the six metadata fields, notes, imported."""

    edited = Signal(str, str, object)  # document id, field, value (None: back to the inferred one)
    tags_edited = Signal(str, list)  # document id, its collections

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Any] = []
        self.notes: dict[str, int] = {}
        self.muted = QColor("#8a857c")

    def set_entries(self, entries: list[Any], notes: dict[str, int]) -> None:
        self.beginResetModel()
        self.entries, self.notes = list(entries), dict(notes)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4 + len(INFO_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            self.tr("标题"),
            self.tr("类型"),
            self.tr("发文机关"),
            self.tr("文号"),
            self.tr("日期"),
            self.tr("地区"),
            self.tr("规划期"),
            self.tr("标签"),
            self.tr("批注"),
            self.tr("导入于"),
        ]
        return names[section]

    def _field(self, column: int) -> str | None:
        return INFO_COLUMNS[column - 1] if 1 <= column <= len(INFO_COLUMNS) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        entry = self.entries[index.row()]
        if (self._field(index.column()) or index.column() == TAGS_COLUMN) and not entry.bundled:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        name = self._field(column)
        if role == ID_ROLE:
            return entry.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            if column == 0:
                return entry.title + (self.tr("（内置）") if entry.bundled and role != SORT_ROLE else "")
            if name:
                return entry.detail(name)
            if column == TAGS_COLUMN:
                return (
                    " ".join(f"#{t}" for t in entry.tags) if role != Qt.ItemDataRole.EditRole else " ".join(entry.tags)
                )
            if column == NOTES_COLUMN:
                count = self.notes.get(entry.id, 0)
                return count if role == SORT_ROLE else (str(count) if count else "")
            if entry.bundled:
                return 0.0 if role == SORT_ROLE else ""
            return (
                entry.imported_at if role == SORT_ROLE else time.strftime("%Y-%m-%d", time.localtime(entry.imported_at))
            )
        if role == Qt.ItemDataRole.ForegroundRole and name and entry.inferred(name):
            return self.muted  # read from the document, not confirmed by the reader
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{entry.title}\n{entry.source_path}" if entry.source_path else entry.title
            if name and entry.inferred(name):
                return self.tr("从文档中读出，可双击修改；清空则恢复为读出的值")
            if name and not entry.bundled:
                return self.tr("双击修改；清空则恢复为从文档中读出的值")
        if role == Qt.ItemDataRole.ToolTipRole and column == TAGS_COLUMN and not entry.bundled:
            return self.tr("双击修改：空格分隔的标签（收藏夹），检索时可只查某个标签下的文档")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NOTES_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.column() == TAGS_COLUMN:
            tags = [t for t in str(value).replace("，", " ").replace(",", " ").split() if t.strip("#")]
            self.tags_edited.emit(self.entries[index.row()].id, tags)
            return True
        name = self._field(index.column())
        if role != Qt.ItemDataRole.EditRole or not name:
            return False
        text = str(value).strip()
        self.edited.emit(self.entries[index.row()].id, name, text or None)
        return True


class LibraryFeature(QObject):
    open_requested = Signal(str)  # a document to open
    removed = Signal(str)  # a document taken out of the library (its index entries go with the next index update)
    tags_changed = Signal()  # the collections changed (the search scope lists them)
    status = Signal(str, int)
    error = Signal(str)

    def __init__(self, window: QWidget, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.current: str | None = None  # the open document: removing it opens the bundled plan
        self.model = LibraryModel(self)
        self.model.edited.connect(self._edited)
        self.model.tags_edited.connect(self._tags_edited)
        self.proxy = TextFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.panel = QWidget()
        self.panel.setObjectName("libraryPanel")
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选标题、机关、文号、地区…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter)
        self.count_label = QLabel()
        self.view = QTableView()
        self.view.setObjectName("libraryTable")
        self.view.setAccessibleName(self.tr("文档库"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(NOTES_COLUMN + 1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.activated.connect(self._double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        lay = QVBoxLayout(self.panel)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count_label)
        self.remove_action = QAction(self.tr("从文档库移除…"), window)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(lambda _checked=False: self.remove_selected())
        self.view.addAction(self.remove_action)

    # ----------------------------------------------------------------- contents
    def refresh(self) -> None:
        """Read the library (and how many notes each document has) again."""
        try:
            entries = self.session.library.entries()
        except ReaderError as exc:
            self.error.emit(str(exc))
            return
        notes: dict[str, int] = {}
        try:
            for a in self.session.annotations.list():
                notes[a.doc] = notes.get(a.doc, 0) + 1
        except ReaderError:
            pass  # the notes panel says why the notes cannot be read
        self.model.set_entries(entries, notes)
        self.view.resizeColumnsToContents()
        # Titles are long and share their openings (中华人民共和国国民经济和社会发展…): cut in the middle, so the
        # part that tells them apart shows and the metadata columns stay in view; the tooltip has the whole title.
        em = self.view.fontMetrics().horizontalAdvance("\u4e2d")  # one CJK character
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), 16 * em))
        self._count()

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("共 {0} 个文档").format(total)
            if shown == total
            else self.tr("{0} / {1} 个文档").format(shown, total)
        )
        self.count_label.setText(text)

    def _edited(self, doc_id: str, name: str, value: str | None) -> None:
        try:
            self.session.library.set_info(doc_id, name, value)
        except ReaderError as exc:
            self.error.emit(str(exc))
        self.refresh()

    def _tags_edited(self, doc_id: str, tags: list[str]) -> None:
        try:
            self.session.library.set_tags(doc_id, tags)
        except ReaderError as exc:
            self.error.emit(str(exc))
        self.refresh()
        self.tags_changed.emit()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.open_requested.emit(index.data(ID_ROLE))

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].data(ID_ROLE) if rows else None

    def _menu(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        doc_id = index.data(ID_ROLE)
        menu = QMenu(self.view)
        menu.addAction(self.tr("打开"), lambda: self.open_requested.emit(doc_id))
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            menu.addAction(self.tr("修改此项…"), lambda: self.view.edit(index))
        menu.addSeparator()
        act = menu.addAction(self.tr("从文档库移除…"), lambda: self.remove(doc_id))
        act.setEnabled(not self.model.entries[self.proxy.mapToSource(index).row()].bundled)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # ----------------------------------------------------------------- removing
    def remove_selected(self) -> None:
        doc_id = self.selected_id()
        if doc_id is not None:
            self.remove(doc_id)

    def remove(self, doc_id: str, choice: str | None = None, export_path: str | None = None) -> bool:
        """Remove a document, asking what becomes of its notes (``choice`` "keep" | "export" | "delete" answers
        without asking). Kept notes come back in place if the same file is imported again."""
        entry = next((e for e in self.model.entries if e.id == doc_id), None)
        if entry is None or entry.bundled:
            return False
        notes = self.model.notes.get(doc_id, 0)
        if choice is None:
            choice = self._ask(entry.title, notes)
            if choice is None:
                return False
        if choice == "export" and notes:
            if not self._export(doc_id, entry.title, export_path):
                return False
        try:
            self.session.remove_document(doc_id, delete_notes=choice == "delete", index=False)
        except ReaderError as exc:
            self.error.emit(str(exc))
            return False
        self.refresh()
        self.removed.emit(doc_id)
        if doc_id == self.current:
            self.open_requested.emit(BUNDLED_DOC_ID)
        self.status.emit(self.tr("已从文档库移除：{0}").format(entry.title), 5000)
        return True

    def _ask(self, title: str, notes: int) -> str | None:
        box = QMessageBox(self.window)
        box.setObjectName("removeDocumentDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("移除文档"))
        if not notes:
            box.setText(self.tr("从文档库移除《{0}》？原文件不受影响。").format(title))
            remove = box.addButton(self.tr("移除"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            return "keep" if box.clickedButton() is remove else None
        box.setText(self.tr("从文档库移除《{0}》？原文件不受影响。\n它有 {1} 条批注：").format(title, notes))
        keep = box.addButton(self.tr("保留批注"), QMessageBox.ButtonRole.AcceptRole)
        export = box.addButton(self.tr("导出批注后移除…"), QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton(self.tr("连同批注删除"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setInformativeText(self.tr("保留的批注在重新导入同一文件时回到原处。"))
        box.exec()
        return {keep: "keep", export: "export", delete: "delete"}.get(box.clickedButton())  # type: ignore[call-overload]

    def _export(self, doc_id: str, title: str, path: str | None) -> bool:
        from reader.exporting import safe_filename
        from reader.fileio import atomic_write_text

        if not path:
            name = safe_filename(self.tr("{0}-批注").format(title)) + ".json"
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出批注"), name, "JSON (*.json)")
            if not path:
                return False
        try:
            atomic_write_text(Path(path), self.session.annotations.dumps(doc_id) + "\n")
        except (OSError, ReaderError) as exc:
            self.error.emit(self.tr("无法写入 {0}：{1}").format(path, exc))
            return False
        return True
