"""One way to run long work off the UI thread: `run_in_background`.

The work function gets a `Progress` to report to and to check for cancel; it
never touches widgets. Results and errors come back on the UI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from reader.errors import Cancelled, ReaderError


class Progress:
    """Passed to background work: report progress, and stop when asked."""

    def __init__(self, emit: Callable[[int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, percent: int, message: str = "") -> None:
        """Report progress; raises Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(percent, message)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except ReaderError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug: report it readably, keep the app alive
            traceback.print_exc()
            message = QCoreApplication.translate("Workers", "内部错误：{0}").format(f"{type(exc).__name__}: {exc}")
            self.signals.failed.emit(ReaderError(message))
        else:
            self.signals.done.emit(result)


class Task:
    """Handle on a background job: cancel it or wait for it (tests)."""

    def __init__(self, signals: _Signals, progress: Progress) -> None:
        self.signals = signals
        self.progress = progress

    def cancel(self) -> None:
        self.progress.cancel()


_live: set[Task] = set()


def run_in_background(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[ReaderError], None],
    on_progress: Callable[[int, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Run ``fn(progress)`` on a thread pool (the global one by default); callbacks run on the UI thread."""
    signals = _Signals()
    progress = Progress(signals.progress.emit)
    task = Task(signals, progress)
    _live.add(task)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def wrapped(value: Any) -> None:
            _live.discard(task)
            callback(value)

        return wrapped

    signals.done.connect(finish(on_done))
    signals.failed.connect(finish(on_error))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(_Job(fn, signals, progress))
    return task


def serial_pool(parent: QObject) -> QThreadPool:
    """A pool running one job at a time, in order: for work that shares one resource (the index)."""
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return pool


class IndexQueue(Protocol):
    """What features need of the index upkeep (``features.indexing.Indexer``), without importing it: features
    stay independent of each other."""

    ready: bool
    closing: bool

    def start(self, rebuild: bool = False) -> None: ...

    def run(
        self, work: Callable[[Progress], Any], done: Callable[[Any], None], failed: Callable[[ReaderError], None]
    ) -> None: ...
