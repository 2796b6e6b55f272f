"""The persistent Whoosh index: one entry per block of every document in the library.

Completeness: a block that literally contains every positive term of a query is always a hit,
because each term becomes a phrase of character grams (see :mod:`reader.search.text`). Ranking:
BM25F on jieba words, boosted for headings and lead sentences and for the query as one phrase.

The index is derived data: when it is missing, from an older format, or corrupt, it is moved
aside and rebuilt from the library; nothing else in the data folder is touched.
"""

from __future__ import annotations

import heapq
import io
import itertools
import json
import math
import re
import shutil
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema

from reader.document.frame import read_frame
from reader.document.model import BlockKind, Document
from reader.document.structure import lead_sentence
from reader.document.tables import row_headers
from reader.errors import Cancelled, ReaderError
from reader.fileio import atomic_write_text, readable, without_surrogates
from reader.search import text as T

FORMAT = 5  # bump when the schema, the analysis or the posting layout changes: old indexes are rebuilt
SNIPPET_CHARS = 90
HEAD_BOOST = 2.0
# How much a block's role weighs in the ranking, times its BM25 score: the opening paragraph of a chapter or
# section states what the chapter is about; a note under a table explains a statistic.
KIND_WEIGHT = {"intro": 1.5, "heading": 1.5, "note": 0.5}
# A plan's aims before its review of the past: a figure reached in the last period is context for the target.
ROLE_WEIGHT = {"review": 0.6}
SUBWORD_WEIGHT = 0.3
MAX_WORD_CHARS = 12  # the longest query substring looked up as a word (jieba's words are shorter)
BM25_K1, BM25_B = 1.2, 0.75
POSTING_BLOCK = 1024  # postings per stored block (Whoosh's default, 128, costs a pickle and a seek per 128 ids)
POSTING_ZLIB = 1  # zlib level of a posting block: level 1 is as small as Whoosh's level 3 here, and quicker
WRITER_MB = 128  # writer buffer before spilling; 1,000 plans: peak 269 MB in 622 s (256: 437 MB, 631 s)
GRAM_READ_RATIO = 8  # intersect a gram's postings only while it has fewer than 8x the candidates so far
CACHE_IDS = 600_000  # block numbers kept in cached posting sets (~40 MB), for type-ahead
LOCK_WAIT_S = 30.0  # how long an update waits for another window's update of the same index
Progress = Callable[[int, str], None]


class _PositionTokenizer(Tokenizer):
    """Whoosh's tokenizer protocol over ``_tokens``: (text, position, start character) triples."""

    def _tokens(self, value: str) -> Iterable[tuple[str, int, int]]:
        raise NotImplementedError

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, pos, char in self._tokens(value) if tokenize else [(value, 0, 0)]:
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + char
                t.endchar = start_char + char + len(text)
            yield t


class GramTokenizer(_PositionTokenizer):
    """Character grams of folded text, one per character position (see text.grams)."""

    def _tokens(self, value: str) -> Iterable[tuple[str, int, int]]:
        return ((gram, i, i) for gram, i in T.grams(value))


class WordTokenizer(_PositionTokenizer):
    """jieba search-mode words of folded text (positions count words; offsets are not kept)."""

    def _tokens(self, value: str) -> Iterable[tuple[str, int, int]]:
        return ((w, i, 0) for i, w in enumerate(T.words(value)))


class _ViewReader(io.RawIOBase):
    """A seekable reader over a memoryview that does not copy it (see _patch_whoosh_buffer_file)."""

    def __init__(self, view: memoryview) -> None:
        super().__init__()
        self._view = view.cast("B") if view.format != "B" or view.ndim != 1 else view
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        out = self._view[self._pos : end].tobytes()
        self._pos = end
        return out

    def peek(self, size: int = 0) -> bytes:
        # With peek, pickle.load (one per posting block) reads its bytes in one call instead of many.
        return self._view[self._pos : self._pos + max(size, 4096)].tobytes()

    def readline(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        chunk = self._view[self._pos : end]
        i = bytes(chunk[:4096]).find(b"\n")
        if i < 0:
            i = chunk.tobytes().find(b"\n")
        stop = self._pos + i + 1 if i >= 0 else end
        out = self._view[self._pos : stop].tobytes()
        self._pos = stop
        return out

    def readinto(self, buffer: Any) -> int:
        n = max(0, min(len(buffer), len(self._view) - self._pos))
        buffer[:n] = self._view[self._pos : self._pos + n]
        self._pos += n
        return n

    def seek(self, pos: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: len(self._view)}[whence]
        self._pos = max(0, base + pos)
        return self._pos

    def tell(self) -> int:
        return self._pos


def _patch_whoosh_buffer_file() -> None:
    """Whoosh wraps each memory-mapped segment part in ``BytesIO(view)``, which copies the whole part into
    the heap (the stored fields and the folded-text column: ~20 MB per 100 plans). Read the map in place."""
    from whoosh.codec import whoosh3
    from whoosh.filedb import structfile

    if getattr(structfile.BufferFile, "_policy_reader_patched", False):
        return
    original = structfile.BufferFile.__init__

    def __init__(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        if isinstance(buf, memoryview):
            self._buf = buf
            self._name = name
            self.file = _ViewReader(buf)
            self.onclose = onclose
            self.is_real = False
            self.is_closed = False
        else:
            original(self, buf, name=name, onclose=onclose)

    structfile.BufferFile.__init__ = __init__  # type: ignore[method-assign]
    structfile.BufferFile._policy_reader_patched = True  # type: ignore[attr-defined]
    # Posting ids are stored as deltas; Whoosh sums them in a Python generator, one call per id.
    # itertools.accumulate yields the same running sums in C (a third of a common word's search time).
    whoosh3.delta_decode = itertools.accumulate


_patch_whoosh_buffer_file()


def make_schema() -> Schema:
    return Schema(
        key=ID(unique=True),
        doc=ID(stored=True, sortable=True),
        chapter=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),  # a column too: the block's role weighs in the ranking
        role=ID(sortable=True),  # review / goal / annual / neutral (reader.document.frame), for the ranking
        block=STORED,
        block_id=STORED,
        node=STORED,
        path=STORED,
        text=STORED,
        columns=STORED,  # a table row's column headers, to label its cells in a snippet
        ftext=COLUMN(VarBytesColumn()),  # folded text, UTF-8: checks a phrase candidate without stored-field reads
        # the chapter's heading, UTF-8: counts per chapter are labelled without opening the documents
        chapter_label=COLUMN(VarBytesColumn()),
        grams=TEXT(analyzer=GramTokenizer(), phrase=False),
        words=TEXT(analyzer=WordTokenizer(), phrase=False),
        head=TEXT(analyzer=WordTokenizer(), phrase=False, field_boost=2.0),
    )


@dataclass
class Hit:
    doc: str
    block: int
    block_id: str
    node: str
    path: str
    kind: str
    score: float
    text: str
    snippet: str
    snippet_start: int  # offset of the snippet in the block text
    matches: list[tuple[int, int]]  # every match, as offsets into the block text
    matched: list[str]  # the query words or synonyms that occur in this block
    columns: list[str] | None = None  # a table row's column headers

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "block": self.block,
            "block_id": self.block_id,
            "node": self.node,
            "path": self.path,
            "kind": self.kind,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_start": self.snippet_start,
            "matches": [list(m) for m in self.matches],
            "matched": self.matched,
            "columns": self.columns,
        }


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    by_doc: dict[str, int] = field(default_factory=dict)
    by_chapter: dict[str, int] = field(default_factory=dict)  # "doc/node" -> count
    chapter_labels: dict[str, str] = field(default_factory=dict)  # "doc/node" -> the chapter's heading
    literal: bool = False  # the query was malformed and searched as typed
    message: str = ""
    expansions: dict[str, list[str]] = field(default_factory=dict)  # term -> synonyms searched too
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "literal": self.literal,
            "message": self.message,
            "expansions": self.expansions,
            "by_doc": self.by_doc,
            "hits": [h.to_json() for h in self.hits],
        }


@dataclass(frozen=True)
class Source:
    """A document as the index sees it before reading it: its id, a stamp that changes whenever its
    text or structure does, its size (for progress), and how to load it. Syncing a large library
    compares stamps and loads only the documents that changed, one at a time."""

    id: str
    stamp: str
    chars: int
    load: Callable[[], Document]

    @classmethod
    def of(cls, doc: Document) -> Source:
        return cls(doc.id, _signature(doc), doc.char_count, lambda: doc)


def _signature(doc: Document) -> str:
    import hashlib

    h = hashlib.blake2b(digest_size=10)
    for b in doc.blocks:
        h.update(b.id.encode() + b"|" + b.node.encode() + b";")
    return h.hexdigest()


def _entries(doc: Document) -> Iterable[dict[str, Any]]:
    headers = row_headers(doc)
    frame = read_frame(doc)
    for b in doc.blocks:
        path_nodes = doc.node_path(b.node)
        chapter = path_nodes[0].id if path_nodes else ""
        head = ""
        if b.kind is BlockKind.HEADING:
            head = b.text
        elif b.kind in (BlockKind.ITEM, BlockKind.BULLET, BlockKind.INTRO):
            head = lead_sentence(b.text.lstrip("—")) or ""
        yield {
            "key": f"{doc.id}:{b.index}",
            "doc": doc.id,
            "chapter": f"{doc.id}/{chapter}",
            "kind": b.kind.value,
            "role": frame.frame(b.index).role,
            "block": b.index,
            "block_id": b.id,
            "node": b.node,
            "path": " › ".join(n.label for n in path_nodes),
            "text": b.text,
            "columns": headers.get(b.index),
            "ftext": T.fold(b.text).encode("utf-8"),
            "chapter_label": path_nodes[0].label.encode("utf-8") if path_nodes else b"",
            "grams": b.text,
            "words": b.text,
            "head": head,
        }


def _merge_policy(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh's own policy (merge the small segments), and also rewrite any segment that is one-fifth deleted
    entries: re-importing an edited document deletes its old entries, which otherwise stay on disk for good."""
    from whoosh.reading import SegmentReader
    from whoosh.writing import MERGE_SMALL

    kept = []
    for seg in MERGE_SMALL(writer, segments):
        if seg.doc_count_all() and seg.deleted_count() > 0.2 * seg.doc_count_all():
            reader = SegmentReader(writer.storage, writer.schema, seg)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(seg)
    return kept


class SearchIndex:
    """Open (creating or rebuilding as needed) the index in ``root``."""

    def __init__(self, root: Path, resources: Path) -> None:
        self.root = root
        self.dir = root / "index"
        self.manifest_path = self.dir / "manifest.json"
        T.configure_jieba(root / "cache" / "jieba", resources / "dict" / "policy_terms.txt")
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

    def _write_manifest(self, docs: dict[str, str]) -> None:
        notes = self._manifest().get("notes") if docs else None
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

    def _storage(self):  # type: ignore[no-untyped-def]
        # Memory-mapped segment files: phrase checks read the folded-text column at slices of a map
        # (plain reads were 1.5x slower at 1,000 plans); mapped pages are clean file cache, not heap.
        from whoosh.filedb.filestore import FileStorage

        return FileStorage(str(self.dir), supports_mmap=True)

    def open(self):  # type: ignore[no-untyped-def]
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
                s.search(Q.Every(), limit=1)
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
            self._search_state = state = _State(self.open())
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
        total = sum(d.chars for d in todo) or 1
        done_chars = 0
        try:
            for doc_id in gone:
                writer.delete_by_term("doc", doc_id)
                current.pop(doc_id, None)
            for source in todo:
                try:
                    doc = source.load()
                except ReaderError as exc:  # one damaged document file must not stop the search of the others
                    self.unreadable[source.id] = str(exc)
                    writer.delete_by_term("doc", source.id)
                    current.pop(source.id, None)
                    continue
                self.unreadable.pop(source.id, None)
                if progress:
                    progress(int(100 * done_chars / total), doc.title)
                writer.delete_by_term("doc", doc.id)
                for i, entry in enumerate(_entries(doc)):
                    if cancelled is not None and i % 64 == 0 and cancelled():
                        raise Cancelled("已取消建立索引。")
                    writer.add_document(**entry)
                current[doc.id] = source.stamp
                done_chars += source.chars
            writer.commit(mergetype=_merge_policy)
        except BaseException:
            writer.cancel()
            raise
        self._write_manifest(current)
        if progress:
            progress(100, "")
        return [d.id for d in todo]

    @staticmethod
    def _writer(ix: Any, cancelled: Callable[[], bool] | None) -> Any:
        """The index writer; waits (up to LOCK_WAIT_S) while another window or process holds it."""
        from whoosh.writing import LockError

        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                return ix.writer(limitmb=WRITER_MB, codec=W3Codec(blocklimit=POSTING_BLOCK, compression=POSTING_ZLIB))
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
        doc: str | None = None,
        chapter: str | None = None,
        limit: int | None = 20,
        use_synonyms: bool = True,
    ) -> SearchResult:
        """Hits for ``query`` (see :func:`reader.search.text.parse_query` for the syntax)."""
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
        if doc or chapter:
            matched_set = {
                d for d in matched_set if (not doc or doc_of[d] == doc) and (not chapter or chapter_of[d] == chapter)
            }
        result.total = len(matched_set)
        # 2. Counts per document and chapter.
        result.by_chapter = dict(Counter(map(chapter_of.__getitem__, matched_set)))
        by_doc: Counter[str] = Counter()
        for key, n in result.by_chapter.items():  # chapter keys are "doc/node": one pass over the hits, not two
            by_doc[key.partition("/")[0]] += n
        result.by_doc = dict(by_doc)
        result.chapter_labels = {c: state.chapter_labels.get(c, "") for c in result.by_chapter}
        # 3. Ranking, in tiers: blocks with the words as typed before those found only through a synonym, and
        #    within that blocks holding the whole query as one phrase first. Within a tier BM25 on jieba words
        #    (headings and lead sentences count double) times the block's role (KIND_WEIGHT); ties in reading
        #    order.
        want = result.total if limit is None else min(limit, result.total)
        literal = matched_set & typed_set if result.expansions and typed_set is not None else matched_set
        tiers = [literal, matched_set - literal]
        if len(parsed.positive) > 1:
            phrase = state.containing("".join(c.text for c in parsed.positive)) & matched_set
            tiers = [
                literal & phrase,
                literal - phrase,
                (matched_set - literal) & phrase,
                matched_set - literal - phrase,
            ]
        words = state.query_words(terms)
        kind_of, role_of = state.kind_of, state.role_of
        whole = {T.fold(t) for t in terms}
        order: list[tuple[int, float]] = []
        for tier in tiers:
            if len(order) >= want or not tier:
                continue
            bm25 = state.bm25(words, tier, whole)
            # Only blocks that scored are weighed (the others stay at 0): no pass over every hit in Python.
            scores = {
                d: v * KIND_WEIGHT.get(kind_of[d], 1.0) * ROLE_WEIGHT.get(role_of[d], 1.0) for d, v in bm25.items()
            }
            ranked = heapq.nsmallest(want - len(order), tier, key=lambda d: (-scores.get(d, 0.0), d))
            order.extend((d, scores.get(d, 0.0)) for d in ranked)
        searcher = state.searcher
        for d, score in order:
            hit = _make_hit(searcher.stored_fields(d), score, parsed)
            if hit is not None:
                result.hits.append(hit)
        result.seconds = time.perf_counter() - started
        return result


class _State:
    """One open searcher and what searches over it need, built once per index version:
    the document and chapter of every block, field lengths for BM25, and posting sets of grams."""

    def __init__(self, ix: Any) -> None:
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        names: dict[str, str] = {}  # one string per document and chapter, not one per block
        self.doc_of = [names.setdefault(t, t) for t in map(_text, self.reader.column_reader("doc"))]
        self.chapter_of = [names.setdefault(t, t) for t in map(_text, self.reader.column_reader("chapter"))]
        self.kind_of = [names.setdefault(t, t) for t in map(_text, self.reader.column_reader("kind"))]
        self.role_of = [names.setdefault(t, t) for t in map(_text, self.reader.column_reader("role"))]
        self.chapter_labels = dict(
            zip(self.chapter_of, map(_text, self.reader.column_reader("chapter_label")), strict=True)
        )
        self.ftext = _FoldedText(self.reader, self.leaves)
        self.n_docs = max(1, self.reader.doc_count_all())
        # None, not the default, comes back from a segment where no entry had a word (a note of punctuation only)
        lengths = [self.reader.doc_field_length(d, "words", 0) or 0 for d in range(self.reader.doc_count_all())]
        avg = max(1.0, sum(lengths) / self.n_docs)
        # BM25's length normalisation of every block, k1 · (1 − b + b · length / average)
        self.norms = [BM25_K1 * (1.0 - BM25_B + BM25_B * n / avg) for n in lengths]
        self._ids: dict[str, set[int]] = {}
        self._cached = 0
        if self.reader.doc_count_all():
            self.searcher.stored_fields(0)  # opens the stored-fields column now, not on the first search

    def current(self) -> bool:
        return bool(self.searcher.up_to_date())

    def close(self) -> None:
        # Views into the mapped segments go first, so the maps can close (on Windows an open map keeps a
        # replaced segment file from being deleted).
        self.ftext.release()
        self.forget()
        self.searcher.close()

    # ------------------------------------------------------------ postings, a block of ids at a time
    def _postings(self, field: str, text: str) -> Iterator[tuple[Any, Any, int]]:
        """(ids, weights, offset) arrays per posting block of every segment."""
        for leaf, offset in self.leaves:
            try:
                m = leaf.postings(field, text)
            except Exception:
                continue
            if not hasattr(m, "_read_ids"):
                ids = list(m.all_ids())
                yield ids, [1.0] * len(ids), offset
                continue
            while m.is_active():
                if m._ids is None:
                    m._read_ids()
                if m._weights is None:
                    m._read_weights()
                yield m._ids, m._weights, offset
                m._next_block()

    # ------------------------------------------------------------ a cache of recent block sets, for type-ahead
    def forget(self) -> None:
        """Drop every cached block set (benchmarks use this to measure a cold search)."""
        self._ids.clear()
        self._cached = 0

    def _cached_set(self, key: str) -> set[int] | None:
        ids = self._ids.get(key)
        if ids is not None:
            self._ids[key] = self._ids.pop(key)  # most recently used last
        return ids

    def _cache(self, key: str, ids: set[int]) -> set[int]:
        """Keep ``ids`` under ``key`` within the memory budget, dropping the least recently used sets."""
        if len(ids) <= CACHE_IDS // 4:
            self._cached += len(ids) - len(self._ids.pop(key, ()))
            self._ids[key] = ids
            while self._cached > CACHE_IDS and self._ids:
                self._cached -= len(self._ids.pop(next(iter(self._ids))))
        return ids

    def _gram_ids(self, gram: str) -> set[int]:
        ids = self._cached_set(gram)
        if ids is None:
            ids = set()
            for block_ids, _w, offset in self._postings("grams", gram):
                ids.update(map(offset.__add__, block_ids) if offset else block_ids)
            self._cache(gram, ids)
        return ids

    def _gram_df(self, gram: str) -> int:
        """How many blocks hold this gram (from the term dictionary, without reading postings)."""
        return int(self.reader.doc_frequency("grams", gram))

    def _prefix_ids(self, char: str) -> set[int]:
        ids = self._cached_set("\x00" + char)
        if ids is None:
            ids = set()
            for term in self.reader.expand_prefix("grams", char):
                ids |= self._gram_ids(term.decode("utf-8") if isinstance(term, bytes) else term)
            self._cache("\x00" + char, ids)
        return ids

    def containing(self, term: str) -> set[int]:
        """Blocks whose folded text contains ``term`` (folded); exact, including spaces inside it.

        The set may be shared with the cache: callers must not change it."""
        folded = T.fold(term).strip()
        parts = folded.split()
        if not parts:
            return set()
        found = self._cached_set("\x01" + folded)
        if found is None:
            found = self._cache("\x01" + folded, self._containing(folded, parts))
        return found

    def _containing(self, folded: str, parts: list[str]) -> set[int]:
        candidates: set[int] | None = None
        needs_check = len(parts) > 1
        for part in sorted(parts, key=len, reverse=True):
            if len(part) == 1:
                ids = self._prefix_ids(part)
            else:
                df = {g: self._gram_df(g) for g in T.query_grams(part)}
                grams = sorted(df, key=df.__getitem__)
                ids = set(self._gram_ids(grams[0]))
                for g in grams[1:]:
                    if not ids or df[g] > GRAM_READ_RATIO * len(ids):
                        break  # checking the few candidates' text is cheaper than reading a long posting list
                    ids &= self._gram_ids(g)
                needs_check = needs_check or len(grams) > 1
            candidates = ids if candidates is None else candidates & ids
            if not candidates:
                return set()
        assert candidates is not None
        if not needs_check:  # one gram (two characters) or one character: the postings are exact
            return candidates
        return self.ftext.containing(folded.encode("utf-8"), candidates)

    # ------------------------------------------------------------ ranking
    def query_words(self, terms: list[str]) -> list[str]:
        """The indexed words (jieba's, in the words or head field) that occur inside the query's terms.

        Jieba's search mode cuts a term into its dictionary words and their sub-words; looking every
        substring up in the index's own vocabulary finds the same words, only those that can score, and
        does not need jieba's dictionary (~80 MB and a second to load) in a process that only searches."""
        out: dict[str, None] = {}
        frequency = self.reader.doc_frequency

        def add(w: str) -> bool:
            """Keep ``w`` if it is an indexed word not kept yet; True when it was added."""
            if w not in out and (frequency("words", w) or frequency("head", w)):
                out[w] = None
                return True
            return False

        for term in terms:
            for part in T.fold(term).split():
                n = len(part)
                found = [
                    add(part[i : i + size])
                    for size in range(2, min(n, MAX_WORD_CHARS) + 1)
                    for i in range(n - size + 1)
                ]
                if not any(found) and (n == 1 or part.isascii()):  # 湾; r&d, whose words are single characters
                    for w in part:
                        add(w)
        return list(out)

    def bm25(self, words: list[str], within: set[int], whole: Collection[str] = ()) -> dict[int, float]:
        """BM25 of ``words`` for the blocks in ``within``; a word in a heading or lead sentence counts double.
        Words in ``whole`` (the query's terms themselves) count fully; the other words, found inside a term
        (制造 and 进制 in 先进制造业), count SUBWORD_WEIGHT, so a block that has the term as such comes first."""
        k1 = BM25_K1
        scores: dict[int, float] = {}
        get = scores.get
        norms = self.norms
        inside = within.__contains__
        for w in words:
            weight = 1.0 if not whole or w in whole else SUBWORD_WEIGHT
            for fname, boost in (("words", 1.0), ("head", HEAD_BOOST)):
                df = self.reader.doc_frequency(fname, w)
                if not df:
                    continue
                idf = math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5)) * boost * weight * (k1 + 1.0)
                for block_ids, weights, offset in self._postings(fname, w):
                    # Only blocks that matched are scored: a common word of the query (发展 in 高质量发展)
                    # has many more postings than the query has hits. The selection runs in C.
                    ids = list(map(offset.__add__, block_ids)) if offset else block_ids
                    keep = list(map(inside, ids))
                    tfs = itertools.compress(weights, keep)
                    if fname == "words":
                        for d, tf in zip(itertools.compress(ids, keep), tfs, strict=False):
                            scores[d] = get(d, 0.0) + idf * tf / (tf + norms[d])
                    else:
                        for d, tf in zip(itertools.compress(ids, keep), tfs, strict=False):
                            scores[d] = get(d, 0.0) + idf * tf / (tf + k1)
        return scores


class _FoldedText:
    """The folded-text column, checked in place: does block ``d`` contain these bytes?

    Each segment's column is one memory-mapped buffer of UTF-8 texts with an offset and a length per
    block; a compiled literal pattern searches the block's slice of it without copying (one C call per
    candidate, against three layers of Whoosh column readers and a copy). Falls back to the column reader
    when a segment is not mapped."""

    def __init__(self, reader: Any, leaves: list[tuple[Any, int]]) -> None:
        self.column = reader.column_reader("ftext")
        self.firsts: list[int] = []
        self.parts: list[tuple[Any, int, Any, Any] | None] = []
        for leaf, first in leaves:
            part = None
            try:
                col = leaf.column_reader("ftext", translate=False)
                buf = getattr(col._dbfile, "_buf", None)
                if isinstance(buf, memoryview):
                    part = (buf, col._basepos, col._offsets, col._lengths)
            except Exception:  # an unexpected column layout: use the column reader
                part = None
            self.firsts.append(first)
            self.parts.append(part)

    def release(self) -> None:
        self.parts = [None] * len(self.parts)

    def containing(self, needle: bytes, candidates: set[int]) -> set[int]:
        if None in self.parts or not self.parts:
            column = self.column
            return {d for d in candidates if needle in column[d]}
        search = re.compile(re.escape(needle)).search
        if len(self.parts) == 1:  # the usual case (a merged index): no segment lookup per block, ~14% quicker
            buf, base, offsets, lengths = self.parts[0]  # type: ignore[misc]
            out = set()
            for d in candidates:
                start = base + offsets[d]
                if search(buf, start, start + lengths[d]):
                    out.add(d)
            return out
        out = set()
        firsts, parts = self.firsts, self.parts
        for d in candidates:
            i = bisect_right(firsts, d) - 1
            buf, base, offsets, lengths = parts[i]  # type: ignore[misc]
            local = d - firsts[i]
            start = base + offsets[local]
            if search(buf, start, start + lengths[local]):
                out.add(d)
        return out


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _make_hit(r: dict[str, Any], score: float, parsed: T.ParsedQuery) -> Hit | None:
    text: str = r["text"]
    folded = T.fold(text)
    matches: list[tuple[int, int]] = []
    matched: list[str] = []
    for group in parsed.groups:
        group_found = False
        for clause in group:
            for alt in clause.alternatives:
                found = T.find_all(folded, alt)
                if found:
                    group_found = True
                    matches.extend(found)
                    if alt not in matched:
                        matched.append(alt)
        if not group_found:
            return None
    matches = _merge(matches)
    start, end = _best_window(matches, len(text))
    return Hit(
        doc=r["doc"],
        block=int(r["block"]),
        block_id=r["block_id"],
        node=r["node"],
        path=r["path"],
        kind=r["kind"],
        score=score,
        text=text,
        snippet=text[start:end],
        snippet_start=start,
        matches=matches,
        matched=matched,
        columns=r.get("columns"),
    )


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _best_window(matches: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """The snippet window holding the most matches, starting a little before the first of them."""
    if length <= SNIPPET_CHARS or not matches:
        return 0, min(length, SNIPPET_CHARS)
    best, best_count = matches[0][0], 0
    for a, _b in matches:
        count = sum(1 for x, _y in matches if a <= x < a + SNIPPET_CHARS - 20)
        if count > best_count:
            best, best_count = a, count
    start = max(0, best - 20)
    end = min(length, start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    return start, end
