"""The search index kept up to date in the background, with its progress bar and cancel button for the status bar,
and one queue for everything that uses the index (updates, searches, the notes' entries), so that they never run
at the same time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressBar, QToolButton, QWidget

from reader.errors import Cancelled, ReaderError
from reader.session import Session
from reader.ui.workers import Progress, Task, run_in_background, serial_pool


class Indexer(QObject):
    """``ready`` is True once the index holds the whole library (searches wait for it otherwise)."""

    updated = Signal(list)  # the ids (re)indexed; the index is now up to date
    status = Signal(str, int)  # a status-bar message and how long to show it (ms)
    error = Signal(str)  # a failure the user must see

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.pool = serial_pool(self)  # index updates and searches, one at a time, in order
        self.task: Task | None = None
        self.ready = False
        self.closing = False
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setFormat(self.tr("建立索引 %p%"))
        self.bar.setAccessibleName(self.tr("索引进度"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setAccessibleName(self.tr("取消建立索引"))
        self.cancel_button.clicked.connect(self.cancel)
        self.bar.hide()
        self.rebuild_action = QAction(self.tr("重建检索索引"), window)
        self.rebuild_action.triggered.connect(lambda _checked=False: self.start(rebuild=True))
        self.cancel_button.hide()

    def invalidate(self) -> None:
        """The library changed: searches wait for the index to catch up, which starts now (or after the run in
        progress, since searches start it while it is not ready)."""
        self.ready = False
        self.start()

    def start(self, rebuild: bool = False) -> None:
        """Bring the index up to date in the background (first start, imports, repairs)."""
        if self.task is not None or self.closing:
            return
        self.bar.setValue(0)
        self.bar.show()
        self.cancel_button.show()

        def work(progress: Progress) -> list[str]:
            from reader.search.text import release_jieba

            if rebuild:
                self.session.index._fresh("rebuild requested")
            try:
                done = self.session.sync_index(progress, lambda: progress.cancelled)
            finally:
                release_jieba()  # only indexing needs jieba's dictionary (~80 MB); searching does not
            self.session.index.warm()  # so that the first search does not pay for opening the index
            return done

        def finished() -> None:
            self.task = None
            if not self.closing:
                self.bar.hide()
                self.cancel_button.hide()

        def done(ids: list[str]) -> None:
            finished()
            if self.closing:
                return
            self.ready = True
            reason = self.session.index.rebuilt_reason
            if reason and ids and not reason.startswith("missing"):
                self.status.emit(self.tr("检索索引已重建（{0}）。").format(reason), 8000)
            self.updated.emit(ids)

        def failed(error: ReaderError) -> None:
            finished()
            if self.closing:
                return
            if isinstance(error, Cancelled):
                self.status.emit(self.tr("已取消建立索引；检索结果可能不完整，重新检索时会继续。"), 8000)
                self.ready = False
            else:
                self.error.emit(str(error))

        self.task = run_in_background(work, done, failed, lambda p, _m: self.bar.setValue(p), self.pool)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def run(
        self, work: Callable[[Progress], Any], done: Callable[[Any], None], failed: Callable[[ReaderError], None]
    ) -> None:
        """Run ``work`` in the index queue, after what is already queued."""
        run_in_background(work, done, failed, None, self.pool)

    def shut_down(self) -> None:
        """On quit: queued work is dropped (the next start brings the index up to date), the running job is asked to
        stop, and we wait for it: never leave a writer half-way through the index."""
        self.closing = True
        self.cancel()
        self.pool.clear()
        self.pool.waitForDone(5000)
