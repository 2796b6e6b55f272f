"""Notes in and out of the app: export of the open document's notes (Markdown for a report, CSV for Excel, JSON as a
full backup) and merging a JSON export back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.document.model import Document
from reader.errors import ReaderError


class NotesTransfer(QObject):
    merged = Signal()  # notes were imported: the window reloads them
    status = Signal(str, int)  # a status-bar message and how long to show it (ms)
    error = Signal(str)  # a failure the user must see

    def __init__(
        self,
        window: QWidget,
        store: Callable[[], Any],
        doc: Callable[[], Document | None],
        info: Callable[[str], dict[str, str]] | None = None,
    ) -> None:
        """``store`` gives the notes database or None when it cannot be used (the window has said why); ``info``
        what is known of a document (issuer, 文号 …), written into the exports."""
        super().__init__(window)
        self.window = window
        self._store = store
        self._doc = doc
        self._info = info or (lambda _doc_id: {})
        self.export_action = QAction(self.tr("导出批注…"), window)
        self.export_action.triggered.connect(lambda _checked=False: self.export())
        self.import_action = QAction(self.tr("导入批注…"), window)
        self.import_action.triggered.connect(lambda _checked=False: self.merge())

    def export(self, path: str | None = None) -> str | None:
        """The open document's notes to ``path`` (asked for when not given), format by its suffix."""
        from reader.annotations import export as E
        from reader.exporting import safe_filename, write_csv
        from reader.fileio import atomic_write_text

        store, doc = self._store(), self._doc()
        if store is None or doc is None:
            return None
        if not path:
            name = safe_filename(self.tr("{0}-批注").format(doc.title))
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("导出批注"),
                f"{name}.md",
                self.tr("Markdown（适合贴进报告） (*.md);;CSV（Excel） (*.csv);;JSON（完整备份，可再导入） (*.json)"),
            )
            if not path:
                return None
        suffix = Path(path).suffix.lower()
        try:
            if suffix == ".csv":
                write_csv(path, E.CSV_HEADER, E.csv_rows({doc.id: doc}, store.list(doc.id)))
            elif suffix == ".json":
                atomic_write_text(Path(path), store.dumps(doc.id, {doc.id: self._info(doc.id)}) + "\n")
            else:
                atomic_write_text(Path(path), E.to_markdown(doc, store.list(doc.id), self._info(doc.id)))
        except OSError as exc:
            self.error.emit(self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc))
            return None
        self.status.emit(self.tr("已导出：{0}").format(path), 5000)
        return path

    def merge(self, path: str | None = None) -> dict[str, int] | None:
        """Merge a JSON export (asked for when not given): new notes added, newer edits win, nothing doubled."""
        store = self._store()
        if store is None:
            return None
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("导入批注"), "", "JSON (*.json)")
            if not path:
                return None
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
            report: dict[str, int] = store.import_json(data)
        except (OSError, ValueError) as exc:
            self.error.emit(self.tr("无法导入批注文件 {0}：{1}").format(path, exc))
            return None
        except ReaderError as exc:
            self.error.emit(str(exc))
            return None
        self.merged.emit()
        self.status.emit(
            self.tr("批注已合并：新增 {0}，更新 {1}，跳过 {2}。").format(
                report["added"], report["updated"], report["skipped"]
            ),
            6000,
        )
        return report
