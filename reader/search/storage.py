"""Storage: the Whoosh schema, reading segments through memory maps (a patch of Whoosh's buffer file), the entries
written for each block, and the merge policy that drops deleted entries."""

from __future__ import annotations

import io
import itertools
import struct
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import formats
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, FieldType, Schema

from reader.document.frame import read_frame
from reader.document.headings import lead_sentence
from reader.document.model import BlockKind, Document, Node
from reader.document.tables import row_headers
from reader.search import text as T
from reader.search.analysis import GramTokenizer, WordTokenizer

FORMAT = 9  # bump when the schema, the analysis or the posting layout changes: old indexes are rebuilt
POSTING_BLOCK = 1024  # postings per stored block (Whoosh's default, 128, costs a pickle and a seek per 128 ids)
POSTING_ZLIB = 1  # zlib level of a posting block: level 1 is as small as Whoosh's level 3 here, and quicker
# Whoosh's own writer (notes' entries, merges of small segments; documents go through bulk.BulkSegment): its
# buffer before spilling. When it still indexed documents, 1,000 plans peaked at 269 MB in 622 s (256: 437 MB).
WRITER_MB = 128
LOCK_WAIT_S = 30.0  # how long an update waits for another window's update of the same index


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

    def _end(self, size: int | None) -> int:
        """Where a read of ``size`` bytes (all, if None or negative) stops; never before the position (after a
        seek past the end, reading gives nothing and stays there)."""
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        return max(end, self._pos)

    def read(self, size: int | None = -1) -> bytes:
        end = self._end(size)
        out = self._view[self._pos : end].tobytes()
        self._pos = end
        return out

    def peek(self, size: int = 0) -> bytes:
        # With peek, pickle.load (one per posting block) reads its bytes in one call instead of many.
        return self._view[self._pos : self._pos + max(size, 4096)].tobytes()

    def readline(self, size: int | None = -1) -> bytes:
        end = self._end(size)
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

    structfile.BufferFile.__init__ = __init__
    # A variable-length column without stored offsets derives them from the lengths one Python step per value
    # (two columns of every segment, ~0.1 s at 1,000 plans on the first search); accumulate does it in C.
    from whoosh.columns import VarBytesColumn

    original_offsets = VarBytesColumn.Reader._read_offsets_and_lengths

    def _read_offsets_and_lengths(self: Any) -> None:
        dbfile, lastbyte = self._dbfile, self._basepos + self._length - 1
        if chr(dbfile.get_byte(lastbyte)) == "X":  # offsets stored: Whoosh reads them as they are
            original_offsets(self)
            return
        lens_code = chr(dbfile.get_byte(lastbyte))
        lengths = dbfile.get_array(lastbyte - struct.calcsize(lens_code) * self._doccount, lens_code, self._doccount)
        offsets = array("L", itertools.accumulate(lengths, initial=0))
        offsets.pop()
        self._offsets, self._lengths = offsets, lengths

    VarBytesColumn.Reader._read_offsets_and_lengths = _read_offsets_and_lengths
    structfile.BufferFile._policy_reader_patched = True
    # Posting ids are stored as deltas; Whoosh sums them in a Python generator, one call per id.
    # itertools.accumulate yields the same running sums in C (a third of a common word's search time).
    whoosh3.delta_decode = itertools.accumulate


_patch_whoosh_buffer_file()


class GramField(FieldType):
    """Character grams: which entries hold each gram. Nothing scores by grams (BM25 runs on jieba's words), so no
    counts and no lengths are kept: a third less to write and read than a text field."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), GramTokenizer(), scorable=False, stored=False)


def make_schema() -> Schema:
    return Schema(
        key=ID(unique=True),
        doc=ID(stored=True, sortable=True),
        chapter=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),  # a column too: the block's role weighs in the ranking
        role=ID(sortable=True),  # review / goal / annual / neutral (reader.document.frame), for the ranking
        # "level|folded title" of the tree node a block opens ("" for the others), for the ranking
        opens=COLUMN(VarBytesColumn()),
        figures=COLUMN(VarBytesColumn()),  # "kind|folded indicator name" lines of the block's targets and figures
        block=STORED,
        block_id=STORED,
        node=STORED,
        path=STORED,
        text=STORED,
        columns=STORED,  # a table row's column headers, to label its cells in a snippet
        # folded text, UTF-8: checks a phrase candidate without stored-field reads. Its offsets are written too
        # (Whoosh derives them from the lengths when a segment has fewer than 32,768 entries: ~1 ms a segment on
        # every start)
        ftext=COLUMN(VarBytesColumn(write_offsets_cutoff=0)),
        # the chapter's heading, UTF-8: counts per chapter are labelled without opening the documents
        chapter_label=COLUMN(VarBytesColumn()),
        grams=GramField(),
        words=TEXT(analyzer=WordTokenizer(), phrase=False),
        head=TEXT(analyzer=WordTokenizer(), phrase=False, field_boost=2.0),
    )


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


Figures = Mapping[int, Sequence[tuple[str, str]]]  # block index -> (kind, indicator name) of its targets and figures


def _entries(doc: Document, figures: Figures | None = None) -> Iterable[dict[str, Any]]:
    """One index entry per block. ``figures`` (from the targets, which the search layer does not import) lets the
    ranking find the paragraph that sets a target for the indicator searched."""
    figures = figures or {}
    headers = row_headers(doc)
    frame = read_frame(doc)
    opening: dict[int, Node] = {}  # block index -> the broadest node it opens
    for n in doc.nodes():
        opening.setdefault(n.block, n)
    for b in doc.blocks:
        path_nodes = doc.node_path(b.node)
        chapter = path_nodes[0].id if path_nodes else ""
        head = ""
        if b.kind is BlockKind.HEADING:
            head = b.text
        elif b.kind in (BlockKind.ITEM, BlockKind.BULLET, BlockKind.INTRO):
            head = lead_sentence(b.text.lstrip("—")) or ""
        node = opening.get(b.index)
        if node is not None and node.title and node.title not in head:
            head = f"{head} {node.title}".strip()  # the title the tree shows for the node this block opens
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
            "opens": f"{node.level}|{T.fold(node.title)}".encode() if node is not None else b"",
            "figures": "\n".join(f"{kind}|{T.fold(name)}" for kind, name in figures.get(b.index, ())).encode(),
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
