"""Filtering proxies shared by the panels: a change of filter told to Qt the way each Qt version wants it, and rows
that hold the typed text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

ModelIndex = QModelIndex | QPersistentModelIndex


class FilterProxy(QSortFilterProxyModel):
    """A proxy whose filter reads attributes that ``refilter`` changes."""

    def refilter(self, change: Callable[[], object]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()


class TextFilter(FilterProxy):
    """Rows holding the typed text, case-insensitively, in their first ``columns`` columns (all when None)."""

    def __init__(self, parent: QObject | None = None, columns: int | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.needle = ""

    def set_needle(self, text: str) -> None:
        self.refilter(lambda: setattr(self, "needle", text.strip().lower()))

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:
        if not self.needle:
            return True
        model = self.sourceModel()
        columns = model.columnCount() if self.columns is None else self.columns
        return any(self.needle in str(model.index(row, c, parent).data() or "").lower() for c in range(columns))
