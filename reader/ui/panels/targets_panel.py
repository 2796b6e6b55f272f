"""The Targets panel: every target and past figure as a sortable, filterable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Document
from reader.targets.extract import Target
from reader.ui.models.text_filter import FilterProxy

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
ModelIndex = QModelIndex | QPersistentModelIndex


class TargetsModel(QAbstractTableModel):
    """Rows of targets; columns: kind, indicator, value, unit, year, base year, attribute, chapter."""

    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Target] = []
        self.doc: Document | None = None
        self._chapter_of_node: dict[str, str] = {}
        self.colors: dict[str, QColor] = {}

    def set_targets(self, doc: Document | None, targets: list[Target]) -> None:
        self.beginResetModel()
        self.rows = list(targets)
        self.doc = doc
        self._chapter_of_node: dict[str, str] = {}
        self.endResetModel()

    def chapter(self, row: int) -> str:
        """The first two levels of the row's chapter path (computed when first shown)."""
        node = self.rows[row].node
        label = self._chapter_of_node.get(node)
        if label is None:
            path = self.doc.node_path(node) if self.doc is not None else []
            label = " › ".join(n.label for n in path[:2])
            self._chapter_of_node[node] = label
        return label

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("类型"),
                self.tr("指标"),
                self.tr("数值"),
                self.tr("单位"),
                self.tr("年份"),
                self.tr("基年"),
                self.tr("属性"),
                self.tr("章节"),
            ][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self.rows[index.row()]
        col = index.column()
        if role == TARGET_ROLE:
            return t
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.tr("目标") if t.kind == "target" else self.tr("既往")
            if col == 1:
                return t.indicator or "—"
            if col == 2:
                # the value with its unit (4.86万亿元): the two read as one, and the unit is never scrolled away
                text = "、".join(f"{v:g}" for v in t.values) + t.unit
                return f"{text}（{t.qualifier}）" if t.qualifier else text
            if col == 3:
                return t.unit
            if col == 4:
                return (t.year or "") + ("*" if t.year_implied else "")
            if col == 5:
                return t.base_year or ""
            if col == 6:
                return t.attribute
            return self.chapter(index.row())
        if role == SORT_ROLE:
            if col == 2:
                return t.values[0] if t.values else 0.0
            if col == 4:
                return t.year or ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = t.text
            if t.year_implied:
                tip += "\n" + self.tr("* 原文未写年份，按规划期末计。")
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and self.colors:
            return self.colors.get(f"{t.kind}_fg")
        if role == Qt.ItemDataRole.BackgroundRole and col == 0 and self.colors:
            return self.colors.get(f"{t.kind}_bg")
        return None


class TargetsFilter(FilterProxy):
    """Filter by kind and by text in the indicator, sentence or chapter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.needle = ""
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str | None) -> None:
        self.refilter(lambda: setattr(self, "kind", kind))

    def set_needle(self, text: str) -> None:
        self.refilter(lambda: setattr(self, "needle", text.strip().lower()))

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:
        model = self.sourceModel()
        t: Target = model.index(row, 0, parent).data(TARGET_ROLE)
        if self.kind and t.kind != self.kind:
            return False
        if self.needle:
            chapter = model.index(row, 5, parent).data()
            hay = f"{t.indicator} {t.text} {t.unit} {t.year or ''} {chapter}".lower()
            return all(part in hay for part in self.needle.split())
        return True


class TargetsPanel(QWidget):
    """Legend, filters and the table; a row click asks the window to jump to the sentence."""

    jump_requested = Signal(int, int, int)  # block, start, end
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsPanel")
        self.model = TargetsModel(self)
        self.proxy = TargetsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.legend_target = QLabel(self.tr("规划目标"))
        self.legend_target.setObjectName("legendTarget")
        self.legend_actual = QLabel(self.tr("既往数据"))
        self.legend_actual.setObjectName("legendActual")
        self.count_label = QLabel()
        self.count_label.setObjectName("mutedLabel")
        legend = QHBoxLayout()
        legend.addWidget(self.legend_target)
        legend.addWidget(self.legend_actual)
        legend.addStretch(1)
        legend.addWidget(self.count_label)

        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("类型筛选"))
        self.kind_box.addItem(self.tr("全部"), None)
        self.kind_box.addItem(self.tr("规划目标"), "target")
        self.kind_box.addItem(self.tr("既往数据"), "actual")
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选指标、原文或章节…"))
        self.filter_box.setAccessibleName(self.tr("筛选目标"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._needle_changed)
        self.export_button = QPushButton(self.tr("导出 CSV…"))
        self.export_button.clicked.connect(self.export_requested)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_box)
        filters.addWidget(self.filter_box, 1)
        filters.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setObjectName("targetsTable")
        self.table.setAccessibleName(self.tr("目标列表"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # reading order until the user sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((44, 150, 104, 56, 48, 44, 52)):
            self.table.setColumnWidth(col, width)
        # The year beside the kind (目标 2025, 既往 2020), the value with its unit: what a reader checks first stays
        # in view when the panel is narrow. The unit's own column (to sort by) goes to the end; the model keeps its
        # column numbers (sorting, export).
        header.moveSection(header.visualIndex(4), 1)
        header.moveSection(header.visualIndex(3), self.model.COLUMNS - 1)
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addLayout(legend)
        lay.addLayout(filters)
        lay.addWidget(self.table)

    def set_colors(self, colors: dict[str, QColor]) -> None:
        self.model.colors = colors
        for label, kind in ((self.legend_target, "target"), (self.legend_actual, "actual")):
            label.setStyleSheet(
                f"QLabel {{ background: {colors[kind + '_bg'].name()}; color: {colors[kind + '_fg'].name()};"
                " border-radius: 3px; padding: 1px 6px; }"
            )
        self.model.layoutChanged.emit()

    def set_targets(self, doc: Document | None, targets: list[Target]) -> None:
        self.model.set_targets(doc, targets)
        self._update_count()

    def _kind_changed(self) -> None:
        self.proxy.set_kind(self.kind_box.currentData())
        self._update_count()

    def _needle_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} / {1} 条").format(self.proxy.rowCount(), self.model.rowCount()))

    def _activated(self, index: QModelIndex) -> None:
        t: Target | None = index.data(TARGET_ROLE)
        if t is not None:
            self.jump_requested.emit(t.block, t.start, t.end)
