"""Tables in the text: copy a whole table as spreadsheet cells, export it as CSV, from the text's context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from reader.document.model import Document
from reader.document.tables import Table, find_tables, table_of
from reader.exporting import safe_filename, write_csv


def table_tsv(table: Table) -> str:
    """The table's grid, tab-separated, one row a line: pasted into Excel or WPS it fills cells."""
    return "\n".join("\t".join(cells) for cells in table.grid())


class TableActions(QObject):
    """The table entries of the text menu."""

    def __init__(self, parent: QWidget, status: Callable[[str], None], error: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._status = status
        self._error = error

    def table_at(self, doc: Document | None, block: int) -> Table | None:
        if doc is None:
            return None
        found = table_of(find_tables(doc), block)
        return found[0] if found else None

    def add_to_menu(self, menu: QMenu, doc: Document | None, block: int) -> None:
        table = self.table_at(doc, block)
        if table is None or doc is None:
            return
        menu.addAction(self.tr("复制整张表格（粘贴到表格软件为单元格）"), lambda: self.copy_table(table))
        menu.addAction(self.tr("导出表格为 CSV…"), lambda: self.export_csv(doc, table))
        menu.addSeparator()

    def copy_table(self, table: Table) -> None:
        QApplication.clipboard().setText(table_tsv(table))
        self._status(self.tr("已复制表格：{0} 行").format(len(table.rows)))

    def export_csv(self, doc: Document, table: Table, path: str | None = None) -> str | None:
        if not path:
            name = safe_filename(f"{doc.title}-{table.title or self.tr('表格')}") + ".csv"
            path, _ = QFileDialog.getSaveFileName(self._parent, self.tr("导出表格为 CSV"), name, "CSV (*.csv)")
            if not path:
                return None
        grid = table.grid()
        header = grid[0] if table.header_rows else [""] * table.width
        body = grid[table.header_rows :] if table.header_rows else grid
        try:
            write_csv(path, header, body)
        except OSError as exc:
            self._error(self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc))
            return None
        self._status(self.tr("已导出：{0}").format(path))
        return path


__all__ = ["TableActions", "table_tsv"]
