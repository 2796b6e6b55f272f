"""The persistent Whoosh index: one entry per block of every document in the library.

Completeness: a block that literally contains every positive term of a query is always a hit,
because each term becomes a phrase of character grams (see :mod:`reader.search.text`). Ranking:
BM25F on jieba words, boosted for headings and lead sentences and for the query as one phrase.

The index is derived data: when it is missing, from an older format, or corrupt, it is moved
aside and rebuilt from the library; nothing else in the data folder is touched.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.codec.whoosh3 import W3Codec

from reader.document.model import Document
from reader.errors import Cancelled, ReaderError
from reader.fileio import atomic_write_text, readable, without_surrogates
from reader.search import text as T
from reader.search.analysis import GramTokenizer, WordTokenizer
from reader.search.bulk import remove_segment
from reader.search.matching import _State
from reader.search.ranking import ranked
from reader.search.results import Hit, SearchResult, _best_window, _make_hit, _merge, _text
from reader.search.storage import (
    FORMAT,
    LOCK_WAIT_S,
    POSTING_BLOCK,
    POSTING_ZLIB,
    WRITER_MB,
    Figures,
    Source,
    _merge_policy,
    make_schema,
)
from reader.search.workers import build, sweep

__all__ = [
    "FORMAT",
    "GramTokenizer",
    "Hit",
    "SearchIndex",
    "SearchResult",
    "Source",
    "WordTokenizer",
    "_best_window",
    "_merge",
]

Progress = Callable[[int, str], None]


def _codec() -> W3Codec:
    """How posting lists are stored, for every segment this index writes (bulk or through Whoosh's writer)."""
    return W3Codec(blocklimit=POSTING_BLOCK, compression=POSTING_ZLIB)


def _forget_jieba_cache(root: Path) -> None:
    """Remove ``cache/jieba`` (where the Python jieba package cached its dictionary before jieba-rs, which needs no
    cache, took its place), and ``cache/`` if that leaves it empty."""
    shutil.rmtree(root / "cache" / "jieba", ignore_errors=True)
    with contextlib.suppress(OSError):
        (root / "cache").rmdir()


def _delete_blocks(writer: Any, doc_id: str) -> None:
    """Mark a document's block entries deleted. Its notes' entries stay: ``sync_notes`` owns those (it rewrites
    them when the notes change), and re-indexing a document does not change its notes."""
    writer.delete_by_query(Q.And([Q.Term("doc", doc_id), Q.Not(Q.Term("kind", "annotation"))]))


class SearchIndex:
    """Open (creating or rebuilding as needed) the index in ``root``."""

    def __init__(
        self,
        root: Path,
        resources: Path,
        figures: Callable[[Document], Figures] | None = None,
        workers: int | None = None,
    ) -> None:
        """``figures`` gives a document's targets and past figures by block (see ``storage._entries``); ``workers``
        is how many processes index a large batch (default: one per core, see ``workers.default_workers``)."""
        self.root = root
        self.workers = workers
        self.parallel_min_chars: int | None = None  # None: workers.PARALLEL_MIN_CHARS
        self.figures = figures
        self.dir = root / "index"
        self.manifest_path = self.dir / "manifest.json"
        T.configure_jieba(resources / "dict" / "policy_terms.txt")
        _forget_jieba_cache(root)
        self.synonyms_path = root / "synonyms.txt"
        if not self.synonyms_path.exists():
            try:  # the user's own copy to edit; written whole or not at all
                atomic_write_text(self.synonyms_path, (resources / "dict" / "synonyms.txt").read_text("utf-8"))
            except OSError:
                self.synonyms_path = resources / "dict" / "synonyms.txt"
        self._ix = None
        self._search_state: _State | None = None
        self.unreadable: dict[str, str] = {}  # document id -> why its data could not be read (not searched)
        self.rebuilt_reason = ""  # why the last open had to start from scratch ("" when it did not)

    # ---------------------------------------------------------------- open / rebuild
    def _manifest(self) -> dict[str, Any]:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write_manifest(self, docs: dict[str, str], keep_notes: bool = True) -> None:
        notes = self._manifest().get("notes") if docs and keep_notes else None
        data: dict[str, Any] = {"format": FORMAT, "docs": docs}
        if notes:
            data["notes"] = notes
        atomic_write_text(self.manifest_path, json.dumps(data, indent=1))

    def _fresh(self, reason: str) -> None:
        """Move a broken or outdated index aside (kept until the next rebuild) and create an empty one."""
        if self._search_state is not None:
            self._search_state.close()
            self._search_state = None
        self._ix = None
        if self.dir.exists():
            aside = self.root / "index.old"
            shutil.rmtree(aside, ignore_errors=True)
            try:
                self.dir.rename(aside)
            except OSError:
                shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._ix = self._storage().create_index(make_schema())
        self._write_manifest({})
        self.rebuilt_reason = reason

    def _storage(self):
        # Memory-mapped segment files: phrase checks read the folded-text column at slices of a map
        # (plain reads were 1.5x slower at 1,000 plans); mapped pages are clean file cache, not heap.
        from whoosh.filedb.filestore import FileStorage

        return FileStorage(str(self.dir), supports_mmap=True)

    def open(self):
        if self._ix is not None:
            return self._ix
        manifest = self._manifest()
        if not self.dir.exists() or not whoosh_index.exists_in(str(self.dir)):
            self._fresh("missing" if not self.dir.exists() else "empty")
            return self._ix
        if manifest.get("format") != FORMAT:
            self._fresh(f"format {manifest.get('format')} → {FORMAT}")
            return self._ix
        try:
            ix = self._storage().open_index()
            with ix.searcher() as s:  # touch every segment once: a damaged file fails here
                s.doc_count()
                list(s.lexicon("doc"))
                for leaf, _ in s.reader().leaf_readers():  # its stored fields and a posting list
                    if leaf.doc_count_all():
                        leaf.stored_fields(0)
                        next(iter(leaf.lexicon("kind")), None)
            self._ix = ix
        except Exception as exc:
            self._fresh(f"corrupt ({type(exc).__name__})")
        return self._ix

    def _state(self) -> _State:
        """The searcher state, rebuilt when the index changed since it was made."""
        state = self._search_state
        if state is None or not state.current():
            if state is not None:
                state.close()
            self._search_state = state = _State(self.open(), self.dir / "columns.bin")
        return state

    def warm(self) -> None:
        """Prepare for the first search (the app calls this in the background after indexing)."""
        self._state()

    def indexed(self) -> dict[str, str]:
        self.open()
        docs = self._manifest().get("docs", {})
        return docs if isinstance(docs, dict) else {}

    # ---------------------------------------------------------------- update
    def sync(
        self,
        docs: Iterable[Document | Source],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[str]:
        """Bring the index in line with these documents; returns the ids (re)indexed.

        Only documents whose stamp changed are loaded and rewritten; documents no longer given are removed.
        """
        ix = self.open()
        wanted = [d if isinstance(d, Source) else Source.of(d) for d in docs]
        stamps = {d.id: d.stamp for d in wanted}
        current = self.indexed()
        if not {i for i in current if i not in stamps} and all(current.get(i) == g for i, g in stamps.items()):
            return []
        writer = self._writer(ix, cancelled)
        current = self.indexed()  # again, under the lock: another window may just have done the work
        todo = [d for d in wanted if current.get(d.id) != d.stamp]
        gone = set(current) - set(stamps)
        if not todo and not gone:
            writer.cancel()
            return []
        written: list[str] = []
        segments: list[Any] = []
        asked: list[str] = []
        notes_lost = False
        try:
            for doc_id in gone | {d.id for d in todo}:
                _delete_blocks(writer, doc_id)
                current.pop(doc_id, None)
            asked = [d.id for d in todo]
            dropped, rewrite, notes_lost = self._rewrites(writer, set(asked))
            by_id = {d.id: d for d in wanted}
            for doc_id in rewrite:
                if doc_id in by_id:
                    _delete_blocks(writer, doc_id)  # in case some of its entries live in another segment
                    current.pop(doc_id, None)
                    todo.append(by_id[doc_id])
            if dropped:
                writer.segments[:] = [seg for seg in writer.segments if seg not in dropped]
                writer._setup_doc_offsets()

            def unreadable(doc_id: str, exc: ReaderError) -> None:
                self.unreadable[doc_id] = str(exc)

            segments, written = build(
                self.dir,
                _codec(),
                todo,
                self.figures,
                T.jieba_files(),
                progress,
                cancelled,
                unreadable,
                self.workers,
                self.parallel_min_chars,
            )
            stamps_todo = {d.id: d.stamp for d in todo}
            for doc_id in written:
                current[doc_id] = stamps_todo[doc_id]
                self.unreadable.pop(doc_id, None)
            final = writer._merge_segments(_merge_policy, None, None)
            if writer._added:
                final.append(writer._finalize_segment())
            else:
                writer._close_segment()
            # a merge of segments whose entries were all deleted gives an empty one: not worth listing
            writer._commit_toc([seg for seg in final if seg.doc_count_all()] + segments)
            writer._finish()
        except BaseException:
            if not writer.is_closed:
                writer._close_segment()
                for seg in segments:
                    remove_segment(writer.storage, seg)
                try:
                    sweep(self.dir)  # what a worker that had to be stopped left behind (still under the lock)
                except Exception:  # a failed sweep is redone by the next commit
                    pass
                writer._finish()
            raise
        self._write_manifest(current, keep_notes=not notes_lost)
        if progress:
            progress(100, "")
        return asked

    @staticmethod
    def _rewrites(writer: Any, reindexed: set[str]) -> tuple[list[Any], set[str], bool]:
        """Segments that are now more than one-fifth deleted entries (documents re-imported or removed) are
        dropped and their remaining documents indexed again, which is quicker than Whoosh rewriting the segment
        posting by posting. Returns those segments, their documents' ids, and whether a dropped segment held notes
        (they are written again by the next ``sync_notes``)."""
        from whoosh.reading import SegmentReader

        again: set[str] = set()
        notes_lost = False
        dropped = []
        for seg in writer.segments:
            count = seg.doc_count_all()
            if not count or seg.deleted_count() <= 0.2 * count:
                continue
            dropped.append(seg)
            reader = SegmentReader(writer.storage, writer.schema, seg)
            try:
                docs = list(map(_text, reader.column_reader("doc")))
                kinds = list(map(_text, reader.column_reader("kind")))
                for n in range(count):
                    if reader.is_deleted(n):
                        continue
                    doc_id, kind = docs[n], kinds[n]
                    if kind == "annotation":
                        notes_lost = True
                    elif doc_id not in reindexed:
                        again.add(doc_id)
            finally:
                reader.close()
        return dropped, again, notes_lost

    @staticmethod
    def _writer(ix: Any, cancelled: Callable[[], bool] | None) -> Any:
        """The index writer; waits (up to LOCK_WAIT_S) while another window or process holds it."""
        from whoosh.writing import LockError

        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                return ix.writer(limitmb=WRITER_MB, codec=_codec())
            except LockError as exc:
                if time.monotonic() > deadline:
                    raise ReaderError("检索索引正被另一个窗口更新，请稍后再试。") from exc
                if cancelled is not None and cancelled():
                    raise Cancelled("已取消建立索引。") from exc
                time.sleep(0.2)

    def sync_notes(self, notes: Iterable[Any], docs: Mapping[str, Document] | Callable[[str], Document | None]) -> bool:
        """Give every live annotation with text its own entry (kind "annotation"); True when rewritten.

        ``docs`` maps a document id to the document, or is a function that loads it (None when it is gone);
        only documents that have notes are loaded."""
        import hashlib

        load = docs.get if isinstance(docs, Mapping) else docs
        loaded: dict[str, Document | None] = {}

        def doc_of(doc_id: str) -> Document | None:
            if doc_id not in loaded:
                loaded[doc_id] = load(doc_id)
            return loaded[doc_id]

        live = [a for a in notes if (a.note or a.tags) and a.deleted is None and doc_of(a.doc) is not None]
        sig = hashlib.blake2b(
            "".join(f"{a.id}{a.updated}{a.block}" for a in sorted(live, key=lambda x: x.id)).encode(), digest_size=10
        ).hexdigest()
        manifest = self._manifest()
        if manifest.get("notes") == sig:
            return False
        ix = self.open()
        writer = self._writer(ix, None)
        try:
            writer.delete_by_term("kind", "annotation")
            for a in live:
                doc = doc_of(a.doc)
                assert doc is not None
                try:
                    path_nodes = doc.node_path(a.node)
                except KeyError:
                    path_nodes = []
                text = a.note + ("\n" + " ".join("#" + t for t in a.tags) if a.tags else "")
                writer.add_document(
                    key=f"note:{a.id}",
                    doc=a.doc,
                    chapter=f"{a.doc}/{path_nodes[0].id if path_nodes else ''}",
                    kind="annotation",
                    role="annotation",  # every entry has every column: a segment without one shortens it
                    block=a.block,
                    block_id=a.id,  # the annotation's id: hits on notes point at the note
                    node=a.node,
                    path="批注 · " + " › ".join(n.label for n in path_nodes),
                    text=text,
                    ftext=T.fold(text).encode("utf-8"),
                    chapter_label=path_nodes[0].label.encode("utf-8") if path_nodes else b"",
                    opens=b"",
                    figures=b"",
                    grams=text,
                    words=text,
                    head="",
                )
            writer.commit(mergetype=_merge_policy)
        except BaseException:
            writer.cancel()
            raise
        manifest = self._manifest()
        manifest["notes"] = sig
        atomic_write_text(self.manifest_path, json.dumps(manifest, indent=1))
        return True

    def rebuild(self, docs: Iterable[Document | Source], progress: Progress | None = None) -> list[str]:
        self._fresh("rebuild requested")
        return self.sync(docs, progress)

    # ---------------------------------------------------------------- search
    def synonyms(self) -> dict[str, list[str]]:
        return T.load_synonyms(self.synonyms_path)

    def search(
        self,
        query: str,
        doc: str | Collection[str] | None = None,
        chapter: str | None = None,
        limit: int | None = 20,
        use_synonyms: bool = True,
    ) -> SearchResult:
        """Hits for ``query`` (see :func:`reader.search.text.parse_query` for the syntax), in one document, a
        collection of them (``doc`` a set of ids) or all."""
        started = time.perf_counter()
        query = without_surrogates(readable(query))  # a query pasted or typed with undecodable bytes
        parsed = T.parse_query(query, self.synonyms() if use_synonyms else None)
        result = SearchResult(query=query, total=0, hits=[], literal=parsed.literal, message=parsed.message)
        if self.unreadable:
            first = next(iter(self.unreadable.values()))
            more = f"（另有 {len(self.unreadable) - 1} 个）" if len(self.unreadable) > 1 else ""
            result.message = "　".join(m for m in (result.message, f"未检索已损坏的文档{more}：{first}") if m)
        if not parsed.groups:
            return result
        result.expansions = {c.text: c.alternatives[1:] for c in parsed.positive if len(c.alternatives) > 1}
        terms = [a for c in parsed.positive for a in c.alternatives]
        state = self._state()
        # 1. Which blocks match: sets of block numbers from the gram postings, phrases checked against
        #    the folded text column. AND = intersection, OR = union, -word = difference.
        #    Alongside, the blocks with the words as typed (not only a synonym), for the ranking tiers.
        matched_set: set[int] | None = None
        typed_set: set[int] | None = None
        for group in parsed.groups:
            ids: set[int] = set()
            typed: set[int] = set()
            for clause in group:
                typed |= state.containing(clause.text)
                for alt in clause.alternatives:
                    ids |= state.containing(alt)
            matched_set = ids if matched_set is None else matched_set & ids
            typed_set = typed if typed_set is None else typed_set & typed
        matched_set = matched_set or set()
        for clause in parsed.excluded:
            matched_set -= state.containing(clause.text)
        doc_of, chapter_of = state.doc_of, state.chapter_of
        if doc is not None or chapter:
            docs = {doc} if isinstance(doc, str) else set(doc) if doc is not None else None  # one, or a collection
            matched_set = {
                d
                for d in matched_set
                if (docs is None or doc_of[d] in docs) and (not chapter or chapter_of[d] == chapter)
            }
        result.total = len(matched_set)
        # 2. Counts per document and chapter.
        result.by_chapter = dict(Counter(map(chapter_of.__getitem__, matched_set)))
        by_doc: Counter[str] = Counter()
        for key, n in result.by_chapter.items():  # chapter keys are "doc/node": one pass over the hits, not two
            by_doc[key.partition("/")[0]] += n
        result.by_doc = dict(by_doc)
        result.chapter_labels = {c: state.chapter_labels.get(c, "") for c in result.by_chapter}
        # 3. Ranking (see reader.search.ranking.ranked).
        want = result.total if limit is None else min(limit, result.total)
        order = ranked(state, parsed, matched_set, typed_set, terms, bool(result.expansions), want)
        searcher = state.searcher
        for d, score in order:
            hit = _make_hit(searcher.stored_fields(d), score, parsed)
            if hit is not None:
                result.hits.append(hit)
        result.seconds = time.perf_counter() - started
        return result
