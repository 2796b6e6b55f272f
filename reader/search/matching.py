"""Matching: which blocks hold a term, from posting sets of character grams checked against the folded text."""

from __future__ import annotations

import itertools
import marshal
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.fileio import atomic_write_bytes
from reader.search import text as T
from reader.search.ranking import BM25_B, BM25_K1, Ranking
from reader.search.results import _text

COLUMNS_FORMAT = 4  # bump when the cached columns change shape
GRAM_READ_RATIO = 8  # intersect a gram's postings only while it has fewer than 8x the candidates so far
CACHE_IDS = 600_000  # block numbers kept in cached posting sets (~40 MB), for type-ahead


class _State(Ranking):
    """One open searcher and what searches over it need, built once per index version:
    the document and chapter of every block, field lengths for BM25, and posting sets of grams."""

    def __init__(self, ix: Any, cache: Path | None = None) -> None:
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        key = self._key()
        columns = _read_columns(cache, key) if cache is not None else None
        if columns is None:
            columns = self._columns()
            if cache is not None:
                try:
                    atomic_write_bytes(cache, marshal.dumps((COLUMNS_FORMAT, key, columns)))
                except OSError:
                    pass  # a read-only data folder: the next start reads the columns again
        names, doc, chapter, kind, role, labels, lengths, opens, figures = columns
        get = names.__getitem__
        label_ids, label_texts = labels
        labels = dict(zip(map(get, _ints(label_ids)), label_texts, strict=True))
        self.chapter_of = list(map(get, _ints(chapter)))  # counted for every result
        # made into lists when first needed (a document filter; the ranking): ~5 ms each at 1,000 plans
        self._names = names
        self._name_ids = {"doc": doc, "kind": kind, "role": role}
        self._name_lists: dict[str, list[str]] = {}
        self.chapter_labels = labels
        self._opens_packed: tuple[bytes, bytes, str, bytes] = opens
        self._figures_by_block: dict[int, list[tuple[str, str]]] = figures
        self._opens: _Opens | None = None  # made on the first ranking that needs them
        self.ftext = _FoldedText(self.reader, self.leaves)
        self.n_docs = max(1, self.reader.doc_count_all())
        self.norms = array("d")  # BM25's length normalisation of every block (see _columns)
        self.norms.frombytes(lengths)
        self._ids: dict[str, set[int]] = {}
        self._cached = 0
        if self.reader.doc_count_all():
            self.searcher.stored_fields(0)  # opens the stored-fields column now, not on the first search

    def _names_of(self, field: str) -> list[str]:
        names = self._name_lists.get(field)
        if names is None:
            names = self._name_lists[field] = list(map(self._names.__getitem__, _ints(self._name_ids[field])))
        return names

    @property
    def doc_of(self) -> list[str]:
        """Block number → document id."""
        return self._names_of("doc")

    @property
    def kind_of(self) -> list[str]:
        """Block number → block kind (heading, paragraph …)."""
        return self._names_of("kind")

    @property
    def role_of(self) -> list[str]:
        """Block number → its role in the plan's frame (review, goal …)."""
        return self._names_of("role")

    def _key(self) -> list[Any]:
        """What the columns belong to: the index generation and each segment with its number of deletions."""
        return [
            int(self.reader.generation() or 0) if hasattr(self.reader, "generation") else 0,
            [[seg.segment_id(), seg.deleted_count()] for seg in (leaf.segment() for leaf, _ in self.leaves) if seg],
        ]

    def _columns(self) -> tuple[Any, ...]:
        """Read the per-block columns the searches need (a second or so at 1,000 plans: one Python step per value),
        as names and arrays of name numbers, in the form kept in the cache file."""
        if not self.reader.doc_count_all():  # an empty index (just rebuilt) has no columns to read
            return [], b"", b"", b"", b"", (b"", []), b"", (b"", b"", "", b""), {}
        names: dict[str, int] = {}

        def numbered(field: str) -> bytes:
            return array(
                "I", (names.setdefault(t, len(names)) for t in map(_text, self.reader.column_reader(field)))
            ).tobytes()

        doc, chapter = numbered("doc"), numbered("chapter")
        kind, role = numbered("kind"), numbered("role")
        chapter_of = [*names]
        label_of = dict(zip(_ints(chapter), map(_text, self.reader.column_reader("chapter_label")), strict=True))
        # packed as an array and a list: marshal reads these quicker than a dict of 100,000 items
        labels = (array("I", label_of).tobytes(), list(label_of.values()))
        # None, not the default, comes back from a segment where no entry had a word (a note of punctuation only)
        block_lengths = [self.reader.doc_field_length(d, "words", 0) or 0 for d in range(self.reader.doc_count_all())]
        avg = max(1.0, sum(block_lengths) / max(1, len(block_lengths)))
        # BM25's length normalisation of every block, k1 · (1 − b + b · length / average)
        lengths = array("d", (BM25_K1 * (1.0 - BM25_B + BM25_B * n / avg) for n in block_lengths)).tobytes()
        open_blocks, open_levels, open_titles = array("I"), array("B"), []
        for d, value in enumerate(self.reader.column_reader("opens")):
            if value:
                level, _, title = value.decode("utf-8").partition("|")
                open_blocks.append(d)
                open_levels.append(min(255, int(level)))
                open_titles.append(title)
        title_lengths = array("I", map(len, open_titles)).tobytes()
        opens = (open_blocks.tobytes(), open_levels.tobytes(), "".join(open_titles), title_lengths)
        figures: dict[int, list[tuple[str, str]]] = {}
        for d, value in enumerate(self.reader.column_reader("figures")):
            if value:
                lines = value.decode("utf-8").split("\n")
                figures[d] = [(k, n) for k, _, n in (line.partition("|") for line in lines)]
        return chapter_of, doc, chapter, kind, role, labels, lengths, opens, figures

    def opens(self) -> _Opens:
        """(level, folded title) of the tree node each block opens, for the blocks that open one (``.get``)."""
        if self._opens is None:
            self._opens = _Opens(*self._opens_packed)
        return self._opens

    def figures(self) -> dict[int, list[tuple[str, str]]]:
        """(kind, folded indicator name) of the targets and past figures of each block that has some."""
        return self._figures_by_block

    def current(self) -> bool:
        return bool(self.searcher.up_to_date())

    def close(self) -> None:
        # Views into the mapped segments go first, so the maps can close (on Windows an open map keeps a
        # replaced segment file from being deleted).
        self.ftext.release()
        self.forget()
        self.searcher.close()

    # ------------------------------------------------------------ postings, a block of ids at a time
    def _postings(self, field: str, text: str, weights: bool = True) -> Iterator[tuple[Any, Any, int]]:
        """(ids, weights, offset) arrays per posting block of every segment; weights None unless asked for."""
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
                if weights and m._weights is None:
                    m._read_weights()
                yield m._ids, m._weights if weights else None, offset
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
            for block_ids, _w, offset in self._postings("grams", gram, weights=False):
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


class _FoldedText:
    """The folded-text column, checked in place: does block ``d`` contain these bytes?

    Each segment's column is one memory-mapped buffer of UTF-8 texts with an offset and a length per
    block; a compiled literal pattern searches the block's slice of it without copying (one C call per
    candidate, against three layers of Whoosh column readers and a copy). Falls back to the column reader
    when a segment is not mapped."""

    def __init__(self, reader: Any, leaves: list[tuple[Any, int]]) -> None:
        self.reader = reader
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
            column = self.reader.column_reader("ftext")  # opened only when needed: reading its offsets costs
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


class _Opens:
    """The blocks that open a tree node, in block order, with the node's level and folded title: one string of
    titles and arrays, not 100,000 tuples, made on the first ranking."""

    def __init__(self, blocks: bytes, levels: bytes, titles: str, lengths: bytes) -> None:
        self.blocks = _ints(blocks)
        self.levels = levels
        self.titles = titles
        self.starts = array("I", itertools.accumulate(_ints(lengths), initial=0))

    def titled(self, terms: list[str]) -> dict[int, int]:
        """Block → level of the node it opens, for the nodes whose title holds one of ``terms`` (folded): the
        titles are searched as one string, so only the matches cost a step."""
        if any(not t for t in terms):
            return dict(zip(self.blocks, self.levels, strict=True))
        out: dict[int, int] = {}
        titles, starts = self.titles, self.starts
        for term in terms:
            at = titles.find(term)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                if at + len(term) <= starts[k + 1]:  # inside one title, not across two
                    out[self.blocks[k]] = self.levels[k]
                at = titles.find(term, at + 1)
        return out

    def get(self, block: int) -> tuple[int, str] | None:
        i = bisect_left(self.blocks, block)
        if i == len(self.blocks) or self.blocks[i] != block:
            return None
        return self.levels[i], self.titles[self.starts[i] : self.starts[i + 1]]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Opens) and (self.blocks, self.levels, self.titles) == (
            other.blocks,
            other.levels,
            other.titles,
        )

    __hash__ = None  # type: ignore[assignment]


def _ints(data: bytes) -> array[int]:
    values = array("I")
    values.frombytes(data)
    return values


def _read_columns(path: Path, key: list[Any]) -> tuple[Any, ...] | None:
    """The cached columns of this very index version (``key``), or None (missing, stale, damaged)."""
    try:
        version, saved_key, columns = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if version != COLUMNS_FORMAT or saved_key != key or not isinstance(columns, tuple) or len(columns) != 9:
        return None
    return columns
