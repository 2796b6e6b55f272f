"""Compare plans: pick documents of the library, see their indicators side by side (base and target per document,
what changed, units that differ), sort and filter, click a figure to read its sentence or table row, pair or separate
two indicators by hand, and export the table to CSV (Excel) or Markdown."""

from __future__ import annotations

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
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.session import Session
from reader.ui.models.text_filter import TextFilter

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PER_DOC = 3  # columns per document: past figure, target, unit


class ComparisonModel(QAbstractTableModel):
    """Rows of a Comparison: indicator, change, then per document its past figure, target and unit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: Any = None
        self.titles: list[str] = []

    def set_comparison(self, comparison: Any, titles: list[str]) -> None:
        self.beginResetModel()
        self.comparison, self.titles = comparison, titles
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.comparison is None else len(self.comparison.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.comparison is None else 2 + PER_DOC * len(self.comparison.docs)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("指标")
        if section == 1:
            return self.tr("变化")
        doc, part = divmod(section - 2, PER_DOC)
        return f"{self.titles[doc]}\n" + (self.tr("基期值"), self.tr("目标值"), self.tr("单位"))[part]

    def side(self, index: ModelIndex) -> tuple[Any, Any]:
        """(row, the document's side or None) under a cell."""
        row = self.comparison.rows[index.row()]
        if index.column() < 2:
            return row, None
        doc = self.comparison.docs[(index.column() - 2) // PER_DOC]
        return row, row.sides.get(doc.id)

    def figure(self, index: ModelIndex) -> tuple[str, Any] | None:
        """(document id, target) shown in a cell, to jump to its source."""
        _row, side = self.side(index)
        if side is None:
            return None
        part = (index.column() - 2) % PER_DOC
        doc = self.comparison.docs[(index.column() - 2) // PER_DOC]
        t = side.base if part == 0 else side.target if part == 1 else (side.target or side.base)
        return (doc.id, t) if t is not None else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, side = self.side(index)
        column = index.column()
        labels = {
            "new": self.tr("新增"),
            "dropped": self.tr("不再列出"),
            "raised": self.tr("目标提高 ↑"),
            "lowered": self.tr("目标降低 ↓"),
            "same": self.tr("目标不变"),
        }
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == 0:
                return row.name
            if column == 1:
                text = labels.get(row.change, "")
                return text + (self.tr("（单位不同）") if row.units_differ else "")
            if side is None:
                return ""
            part = (column - 2) % PER_DOC
            if part == 2:
                return side.unit
            t = side.base if part == 0 else side.target
            if t is None or not t.values:
                return ""
            value = "、".join(f"{v:g}" for v in t.values)
            if t.qualifier:
                value = f"{t.qualifier} {value}"
            if role == SORT_ROLE:
                return t.values[-1]
            return f"{value}（{t.year}）" if t.year else value
        if role == Qt.ItemDataRole.ToolTipRole and side is not None:
            figure = self.figure(index)
            return (side.name + "\n" + figure[1].text) if figure else side.name
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return {
                "new": QColor("#1d7a3a"),
                "dropped": QColor("#8a857c"),
                "raised": QColor("#1d5e9a"),
                "lowered": QColor("#a4451d"),
            }.get(row.change, QColor("#a4451d") if row.units_differ else None)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2 and (column - 2) % PER_DOC < 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CompareWindow(QDialog):
    """Pick two or more documents (earlier plan first), then read the table."""

    jump_requested = Signal(str, int, int, int)  # document id, block, start, end

    def __init__(self, parent: QWidget, session: Session) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle(self.tr("对比文档"))
        self.session = session
        self.comparison: Any = None
        self.picker = QListWidget()
        self.picker.setAccessibleName(self.tr("要对比的文档"))
        self.run_button = QPushButton(self.tr("对比"))
        self.run_button.clicked.connect(self.run)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选指标或变化…"))
        self.filter_box.setClearButtonEnabled(True)
        self.summary = QLabel(self.tr("勾选两个或多个文档（较早的规划在前），然后按“对比”。"))
        self.summary.setWordWrap(True)
        self.model = ComparisonModel(self)
        self.proxy = TextFilter(self, columns=2)  # indicator and change
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter_box.textChanged.connect(self.proxy.set_needle)
        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.clicked.connect(self._clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.csv_button = QPushButton(self.tr("导出 CSV…"))
        self.csv_button.clicked.connect(lambda: self.export(None, "csv"))
        self.md_button = QPushButton(self.tr("导出 Markdown…"))
        self.md_button.clicked.connect(lambda: self.export(None, "md"))
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("文档")))
        lay.addWidget(self.picker, 1)
        lay.addWidget(self.run_button)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.csv_button)
        top.addWidget(self.md_button)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        self.resize(1180, 680)
        self.fill_picker()

    def fill_picker(self, checked: list[str] | None = None) -> None:
        """The library's documents, plans of earlier periods first."""
        self.picker.clear()
        try:
            entries = self.session.library.entries()
        except ReaderError as exc:
            self.summary.setText(str(exc))
            return
        entries.sort(key=lambda e: (e.detail("period") or e.detail("date") or "9999", e.title))
        for e in entries:
            facts = " · ".join(v for v in (e.detail("period"), e.detail("type")) if v)
            item = QListWidgetItem(e.title + (f"\n{facts}" if facts else ""))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked and e.id in checked else Qt.CheckState.Unchecked)
            self.picker.addItem(item)

    def checked(self) -> list[str]:
        items = (self.picker.item(i) for i in range(self.picker.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def run(self, doc_ids: list[str] | None = None) -> bool:
        ids = doc_ids or self.checked()
        if len(ids) < 2:
            self.summary.setText(self.tr("请至少勾选两个文档。"))
            return False
        try:
            self.comparison = self.session.compare(ids)
        except ReaderError as exc:
            self.summary.setText(str(exc))
            return False
        from reader.targets.compare import short_titles

        self.model.set_comparison(self.comparison, short_titles(self.comparison.docs))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # the comparison's own order: indicators found in several documents first
        self.table.resizeColumnsToContents()
        em = self.table.fontMetrics().horizontalAdvance("\u4e2d")  # one CJK character
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 18 * em))
        for column in range(2, self.model.columnCount()):  # a figure and its year; the header gives way (elided)
            widest = 10 * em if (column - 2) % PER_DOC < 2 else 6 * em
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        matched = len(self.comparison.matched())
        only = len(self.comparison.rows) - matched
        self.summary.setText(
            self.tr("{0} 个指标见于多个文档，{1} 个只见于一个。点击数值查看原文；右键可手工配对或拆开。").format(
                matched, only
            )
        )
        return True

    def _clicked(self, proxy_index: QModelIndex) -> None:
        figure = self.model.figure(self.proxy.mapToSource(proxy_index))
        if figure is not None:
            doc_id, t = figure
            self.jump_requested.emit(doc_id, t.block, t.start, t.end)

    # ----------------------------------------------------------------- hand matching
    def _selected_rows(self) -> list[Any]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [self.comparison.rows[self.proxy.mapToSource(i).row()] for i in rows]

    def _menu(self, pos: Any) -> None:
        if self.comparison is None:
            return
        rows = self._selected_rows()
        menu = QMenu(self.table)
        join = QAction(self.tr("把所选两行当作同一个指标"), menu)
        singles = [r for r in rows if len(r.sides) == 1]
        join.setEnabled(len(rows) == 2 == len(singles) and set(rows[0].sides) != set(rows[1].sides))
        join.triggered.connect(lambda: self.match(rows[0], rows[1], True))
        apart = QAction(self.tr("拆开此行（不是同一个指标）"), menu)
        apart.setEnabled(len(rows) == 1 and len(rows[0].sides) == 2)
        apart.triggered.connect(lambda: self.match(rows[0], rows[0], False))
        menu.addAction(join)
        menu.addAction(apart)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def match(self, first: Any, second: Any, together: bool) -> None:
        """Join two one-document rows, or separate the two documents of one row; kept for later comparisons."""
        if together:
            (a_doc, a), (b_doc, b) = next(iter(first.sides.items())), next(iter(second.sides.items()))
        else:
            (a_doc, a), (b_doc, b) = list(first.sides.items())[:2]
        try:
            self.session.match_indicators((a_doc, a.name), (b_doc, b.name), together)
        except (OSError, ReaderError) as exc:
            self.summary.setText(str(exc))
            return
        self.run([d.id for d in self.comparison.docs])

    # ----------------------------------------------------------------- export
    def export(self, path: str | None, kind: str) -> str | None:
        from reader.exporting import safe_filename, write_csv
        from reader.fileio import atomic_write_text
        from reader.targets.compare import table, to_markdown

        if self.comparison is None:
            return None
        if not path:
            name = safe_filename(self.tr("指标对比")) + (".csv" if kind == "csv" else ".md")
            pattern = "CSV (*.csv)" if kind == "csv" else "Markdown (*.md)"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出对比"), name, pattern)
            if not path:
                return None
        try:
            if kind == "csv":
                write_csv(path, *table(self.comparison))
            else:
                atomic_write_text(Path(path), to_markdown(self.comparison))
        except OSError as exc:
            self.summary.setText(self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc))
            return None
        self.summary.setText(self.tr("已导出：{0}").format(path))
        return path


class Comparing(QObject):
    """The compare action (File menu) and its window: one at a time, kept while the app runs."""

    jump_requested = Signal(str, int, int, int)

    def __init__(self, window: QWidget, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.dialog: CompareWindow | None = None
        self.action = QAction(self.tr("对比文档…"), window)
        self.action.triggered.connect(lambda _checked=False: self.show())

    def show(self, doc_ids: list[str] | None = None) -> CompareWindow:
        if self.dialog is None:
            self.dialog = CompareWindow(self.window, self.session)
            self.dialog.jump_requested.connect(self.jump_requested)
        else:
            self.dialog.fill_picker(self.dialog.checked())
        self.dialog.show()
        self.dialog.raise_()
        if doc_ids:
            self.dialog.fill_picker(doc_ids)
            self.dialog.run(doc_ids)
        return self.dialog
