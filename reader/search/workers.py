"""Building new index segments from documents: in this process, or in worker processes side by side.

Indexing is Python (gathering postings, writing segments; jieba-rs segments in a tenth of that time), so one
process uses one core. With more to index than about twenty plans, documents are handed to worker processes (one per
core, at most ``MAX_WORKERS``), each of which writes its own segments (:class:`reader.search.bulk.BulkSegment`); the caller
commits them with the index's other changes. This process reads the documents from the library and hands them out,
two at a time per worker, so memory stays bounded and progress and cancel answer within a document.

Worker processes are started with "spawn" on every OS (what Windows and macOS require, and what a frozen app
supports through ``multiprocessing.freeze_support``); they do not import Qt.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from reader.document.model import Document
from reader.errors import Cancelled, ReaderError
from reader.search import text as T
from reader.search.bulk import BulkSegment, remove_segment
from reader.search.storage import Figures, Source, _entries, make_schema

MAX_WORKERS = 4  # each worker holds jieba-rs's dictionary (~60 MB); more cores than this gain little per megabyte
# Below this, starting workers (Python, Whoosh, the dictionary) costs about what they save: on 2 cores, 290,000
# characters took 0.98 s in one process and with two workers, 580,000 took 1.57 and 1.54 s, 1,160,000 3.00 and 2.11 s.
PARALLEL_MIN_CHARS = 600_000
SEGMENT_POSTINGS = 6_000_000  # postings gathered before a segment is written (~60 MB of arrays and terms)
IN_FLIGHT = 2  # documents handed to a worker and not yet indexed
STOP_TIMEOUT_S = 20.0  # how long a cancelled worker may take to finish its document and clean up
START_TIMEOUT_S = 60.0  # a worker that has not started by then (a very slow disk, an antivirus scan) is given up

Progress = Callable[[int, str], None]
FiguresOf = Callable[[Document], Figures]


def default_workers() -> int:
    """Worker processes for a large indexing job: one per core, at most MAX_WORKERS; 1 means this process only."""
    env = os.environ.get("POLICY_READER_INDEX_WORKERS", "")
    if env.isdigit():
        return max(1, int(env))
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


class _Builder:
    """Segments written from documents in this process, a new one whenever the last grew past SEGMENT_POSTINGS."""

    def __init__(self, index_dir: Path, codec: Any) -> None:
        from whoosh.filedb.filestore import FileStorage

        self.storage = FileStorage(str(index_dir))
        self.schema = make_schema()
        self.codec = codec
        self.current: BulkSegment | None = None
        self.segments: list[Any] = []

    def add(self, doc: Document, figures: Figures | None) -> None:
        if self.current is None:
            self.current = BulkSegment(self.storage, self.schema, self.codec)
        for entry in _entries(doc, figures):
            self.current.add(entry)
        if self.current.size >= SEGMENT_POSTINGS:
            self.segments.append(self.current.finish())
            self.current = None

    def finish(self) -> list[Any]:
        if self.current is not None and self.current.docnum:
            self.segments.append(self.current.finish())
        elif self.current is not None:
            self.current.cancel()
        self.current = None
        return self.segments

    def cancel(self) -> None:
        if self.current is not None:
            self.current.cancel()
        for seg in self.segments:
            remove_segment(self.storage, seg)
        self.segments = []


def build(
    index_dir: Path,
    codec: Any,
    todo: Sequence[Source],
    figures: FiguresOf | None,
    user_dict: Path | None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    unreadable: Callable[[str, ReaderError], None] | None = None,
    workers: int | None = None,
    min_chars: int | None = None,
) -> tuple[list[Any], list[str]]:
    """Write ``todo`` as new segments in ``index_dir``; returns (segments, ids of the documents written).

    ``workers`` processes (default: ``default_workers()``) share the work when there are at least ``min_chars``
    characters to index (default PARALLEL_MIN_CHARS) and more than one document.

    A document that cannot be loaded is reported to ``unreadable`` and left out. On cancel (or any error) every
    segment written here is removed and nothing else in the index has changed."""
    total = sum(s.chars for s in todo) or 1
    n = workers if workers is not None else default_workers()
    if n > 1 and total >= (PARALLEL_MIN_CHARS if min_chars is None else min_chars) and len(todo) > 1:
        try:
            return _build_parallel(index_dir, codec, todo, figures, user_dict, progress, cancelled, unreadable, n)
        except _NoWorkers:
            pass  # e.g. a script without an `if __name__ == "__main__":` guard, which spawned processes re-run
    builder = _Builder(index_dir, codec)
    written: list[str] = []
    done = 0
    try:
        for source, doc in _documents(todo, cancelled, unreadable):
            if progress:
                progress(int(100 * done / total), doc.title)
            builder.add(doc, figures(doc) if figures is not None else None)
            written.append(source.id)
            done += source.chars
        return builder.finish(), written
    except BaseException:
        builder.cancel()
        raise


class _NoWorkers(Exception):
    """A worker process did not start (nothing was indexed yet): index in this process instead."""


def _documents(
    todo: Sequence[Source],
    cancelled: Callable[[], bool] | None,
    unreadable: Callable[[str, ReaderError], None] | None,
) -> Iterator[tuple[Source, Document]]:
    """Each source with its document, loaded one at a time; raises Cancelled when asked to stop. A document that
    cannot be loaded is reported to ``unreadable`` and skipped: one damaged file must not stop the others."""
    for source in todo:
        if cancelled is not None and cancelled():
            raise Cancelled("已取消建立索引。")
        try:
            doc = source.load()
        except ReaderError as exc:
            if unreadable is not None:
                unreadable(source.id, exc)
            continue
        yield source, doc


def _picklable(obj: Any) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:  # a lambda, or a bound method of an unpicklable object: computed in this process
        return False


def _build_parallel(
    index_dir: Path,
    codec: Any,
    todo: Sequence[Source],
    figures: FiguresOf | None,
    user_dict: Path | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    unreadable: Callable[[str, ReaderError], None] | None,
    n: int,
) -> tuple[list[Any], list[str]]:
    ctx = multiprocessing.get_context("spawn")
    remote_figures = figures if figures is not None and _picklable(figures) else None
    procs: list[Any] = []
    conns: list[Connection] = []
    pending: dict[Connection, int] = {}
    segments: list[Any] = []
    written: list[str] = []
    total = sum(s.chars for s in todo) or 1
    done = 0
    chars_of: dict[str, int] = {}
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(index_dir))
    try:
        for _ in range(min(n, len(todo))):
            parent, child = ctx.Pipe()
            proc = ctx.Process(
                target=_serve, args=(child, str(index_dir), codec, remote_figures, user_dict), daemon=True
            )
            proc.start()
            child.close()
            procs.append(proc)
            conns.append(parent)
            pending[parent] = 0
        for conn in conns:  # each says it is ready once it has imported what it needs
            try:
                if not conn.poll(START_TIMEOUT_S) or conn.recv() != ("ready",):
                    raise _NoWorkers
            except (EOFError, OSError) as exc:
                raise _NoWorkers from exc

        def receive(conn: Connection) -> None:
            nonlocal done
            try:
                message = conn.recv()
            except (EOFError, OSError) as exc:
                raise ReaderError(_WORKER_GONE) from exc
            kind = message[0]
            if kind == "done":
                pending[conn] -= 1
                written.append(message[1])
                done += chars_of.pop(message[1], 0)
                if progress:
                    progress(min(99, int(100 * done / total)), message[2])
            elif kind == "segments":
                segments.extend(message[1])
                pending[conn] = -1  # finished
            else:  # "error"
                raise ReaderError(f"建立索引失败：{message[1]}")

        for source, doc in _documents(todo, cancelled, unreadable):
            # hand it to the least busy worker, waiting while every one has IN_FLIGHT documents
            while True:
                for conn in _ready(conns, 0):
                    receive(conn)
                free = min(conns, key=pending.__getitem__)
                if pending[free] < IN_FLIGHT:
                    break
                for conn in _ready(conns, 0.2):
                    receive(conn)
                if cancelled is not None and cancelled():
                    raise Cancelled("已取消建立索引。")
            local = None if remote_figures is not None or figures is None else figures(doc)
            chars_of[source.id] = source.chars
            _send(free, (doc, local))
            pending[free] += 1
        for conn in conns:
            _send(conn, None)  # write what you have and stop
        while any(pending[c] >= 0 for c in conns):
            for conn in _ready([c for c in conns if pending[c] >= 0], 0.2):
                receive(conn)
            if cancelled is not None and cancelled():
                raise Cancelled("已取消建立索引。")
        for proc in procs:
            proc.join(timeout=10)
        return segments, written
    except BaseException:
        for conn in conns:
            conn.close()  # a worker sees the end of its pipe, removes what it wrote and exits
        for proc in procs:
            proc.join(timeout=STOP_TIMEOUT_S)
            if proc.is_alive():
                proc.terminate()  # files it leaves are swept by the caller (sweep) or the next commit
                proc.join(timeout=STOP_TIMEOUT_S)
        for seg in segments:
            remove_segment(storage, seg)
        raise
    finally:
        for conn in conns:
            conn.close()


_WORKER_GONE = "建立索引的子进程意外退出，请重试；如仍失败，请用 编辑 › 重建检索索引。"


def _send(conn: Connection, message: Any) -> None:
    """Hand a worker a message; a worker that has died is one clear error, like one that dies while indexing."""
    try:
        conn.send(message)
    except OSError as exc:
        raise ReaderError(_WORKER_GONE) from exc


def _ready(conns: list[Connection], timeout: float) -> list[Connection]:
    """The pipes with a message (or closed by their worker) within ``timeout`` seconds."""
    ready = set(map(id, wait(conns, timeout=timeout)))
    return [c for c in conns if id(c) in ready]


def sweep(index_dir: Path) -> None:
    """Remove every segment file that the index's table of contents does not list (left by a cancelled or failed
    build). Call it while holding the index's write lock."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import clean_files

    storage = FileStorage(str(index_dir))
    ix = storage.open_index()
    toc = ix._read_toc()
    clean_files(storage, ix.indexname, toc.generation, toc.segments)


def _serve(
    conn: Connection,
    index_dir: str,
    codec: Any,
    figures: FiguresOf | None,
    user_dict: Path | None,
) -> None:
    """A worker: index each document it is sent into its segments; on None, write them and send them back."""
    T.configure_jieba(user_dict)  # the parent's policy terms
    builder = _Builder(Path(index_dir), codec)
    try:
        conn.send(("ready",))
        while True:
            message = conn.recv()
            if message is None:
                conn.send(("segments", builder.finish()))
                return
            doc, local = message
            builder.add(doc, local if figures is None else figures(doc))
            conn.send(("done", doc.id, doc.title))
    except EOFError:  # the indexing process went away (cancelled): leave nothing behind
        builder.cancel()
    except BaseException as exc:
        builder.cancel()
        try:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
