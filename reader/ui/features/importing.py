"""Importing files: the open dialog, files dropped on the window, and the import itself in the background with a
progress dialog that cancels at once. Tells the window what happened through signals; knows no other feature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressDialog, QWidget

from reader.document.importers import SUPPORTED_SUFFIXES
from reader.errors import Cancelled, ReaderError
from reader.session import Session
from reader.ui.workers import Progress, run_in_background


class ImportFeature(QObject):
    """One import at a time per call of :meth:`import_file`; the window opens what was imported."""

    imported = Signal(str, bool)  # document id; False when it finished after the user had cancelled (not opened)
    failed = Signal(str, bool)  # readable message; True when the user cancelled
    status = Signal(str, int)  # a status-bar message and how long to show it (ms)
    open_requested = Signal(str)  # a document chosen in the 文档库 menu
    imported_many = Signal(object)  # the ImportReport of files and folders imported together
    error = Signal(str)  # a failure the user must see

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)  # files dropped anywhere on the window are imported
        self.open_action = QAction(self.tr("打开/导入文件…"), window)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(lambda _checked=False: self.choose_file())
        window.addAction(self.open_action)
        self.folder_action = QAction(self.tr("导入文件夹…"), window)
        self.folder_action.triggered.connect(lambda _checked=False: self.choose_folder())
        self.library_menu = QMenu(self.tr("文档库"), window)
        self.library_menu.aboutToShow.connect(self._fill_library_menu)
        self.current: str | None = None  # the open document, checked in the menu

    def _fill_library_menu(self) -> None:
        self.library_menu.clear()
        try:
            entries = self.session.library.entries()
        except ReaderError as exc:
            self.error.emit(str(exc))
            return
        for e in entries:
            act = self.library_menu.addAction(e.title)
            act.setCheckable(True)
            act.setChecked(self.current == e.id)
            act.triggered.connect(lambda _c=False, doc_id=e.id: self.open_requested.emit(doc_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent) and self.accepts(event.mimeData()):
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            self.drop(event.mimeData())
            event.acceptProposedAction()
            return True
        return False

    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("打开政策文件"), "", self.tr("政策文件 ({0});;所有文件 (*)").format(patterns)
        )
        if len(paths) == 1:
            self.import_file(paths[0])
        elif paths:
            self.import_many(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("导入文件夹（含子文件夹）"))
        if folder:
            self.import_many([folder])

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        """Files from the desktop or a file manager (not text or links from a browser)."""
        urls = mime.urls()
        return bool(urls) and all(u.isLocalFile() for u in urls)

    def drop(self, mime: QMimeData) -> None:
        """Import what was dropped: one file is opened, several files or a folder are imported together."""
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if len(paths) == 1 and not Path(paths[0]).is_dir():
            self.import_file(paths[0])
        elif paths:
            self.import_many(paths)

    def summary(self, report: Any) -> str:
        """What a many-file import did, in a few lines: counts, then each duplicate and failure."""
        lines = [
            self.tr("已导入 {0} 个文件，重复 {1} 个，失败 {2} 个。").format(
                len(report.imported), len(report.duplicates), len(report.failed)
            )
        ]
        lines += [self.tr("跳过（与《{1}》内容相同）：{0}").format(Path(p).name, of) for p, of in report.duplicates]
        lines += [self.tr("失败：{0}").format(error) for _p, error in report.failed]
        if report.cancelled:
            lines.append(self.tr("已取消：其余文件未导入。"))
        return "\n".join(lines[:40])

    def import_many(self, paths: list[str]) -> None:
        """Files and folders in the background, one progress dialog for all; cancel stops after the current file
        and keeps what was imported."""
        dialog = self._progress_dialog(self.tr("正在导入…"))

        def work(progress: Progress) -> object:
            def report(percent: int, name: str) -> None:
                if not progress.cancelled:
                    progress(percent, name)

            # The index is the window's index queue's to update (it runs after this, in order with searches).
            return self.session.import_many(list(paths), report, lambda: progress.cancelled, index=False)

        def done(report: Any) -> None:
            dialog.close()
            self.imported_many.emit(report)
            summary = self.summary(report)
            self.status.emit(summary.splitlines()[0], 8000)
            if report.failed or report.duplicates:
                self.error.emit(summary)  # which files were left out, and why
            elif len(report.imported) == 1:
                self.open_requested.emit(report.imported[0][1])

        def failed(error: ReaderError) -> None:
            dialog.close()
            self.failed.emit(str(error), isinstance(error, Cancelled))

        def show(percent: int, name: str) -> None:
            dialog.setValue(percent)
            if name:
                dialog.setLabelText(self.tr("正在导入 {0}…").format(name))

        task = run_in_background(work, done, failed, show)
        dialog.canceled.connect(task.cancel)

    def _progress_dialog(self, label: str) -> QProgressDialog:
        """The import's progress, shown after 0.4 s, with a cancel button."""
        dialog = QProgressDialog(label, self.tr("取消"), 0, 100, self.window)
        dialog.setWindowTitle(self.tr("导入"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        return dialog

    def import_file(self, path: str, title: str | None = None) -> None:
        """Import in the background with a cancellable progress dialog."""
        dialog = self._progress_dialog(self.tr("正在导入 {0}…").format(Path(path).name))

        def work(progress: Progress) -> str:
            doc, _replaced, _anchored = self.session.import_file(path, title=title, progress=progress, index=False)
            return doc.id

        finished = False  # closing the dialog emits canceled too: after the work is over that is no cancel

        def done(doc_id: str) -> None:
            nonlocal finished
            finished = True
            dialog.close()
            if task.progress.cancelled:  # finished before it saw the cancel: it is in the library, not opened
                self.status.emit(self.tr("取消前导入已完成，可在文档列表中打开。"), 8000)
                self.imported.emit(doc_id, False)
            else:
                self.imported.emit(doc_id, True)

        def failed(error: ReaderError) -> None:
            nonlocal finished
            finished = True
            dialog.close()
            cancelled = isinstance(error, Cancelled)
            if cancelled:
                self.status.emit(self.tr("已取消导入。"), 5000)
            self.failed.emit(str(error), cancelled)

        task = run_in_background(work, done, failed, lambda p, _m: dialog.setValue(p))

        def cancel() -> None:  # the dialog goes at once; the work stops at its next progress report
            if finished:
                return
            task.cancel()
            dialog.close()
            self.status.emit(self.tr("正在取消导入…"), 3000)

        dialog.canceled.connect(cancel)
