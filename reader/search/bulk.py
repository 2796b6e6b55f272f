"""Bulk segments: a Whoosh segment written from whole index entries at a time.

Whoosh's own writer hands every posting through a chain of Python calls (the field's formatter, the sorting pool, a
sort, the field writer, the block writer, a field-length lookup): about 10 µs a posting, and a plan has about one
posting per character. Here the postings of a segment are gathered per field and term in arrays while the entries
come in (a Counter of a block's grams is one C call), and written a posting block at a time by Whoosh's own block
writer, so the files are byte for byte the format Whoosh reads, merges and deletes from.

A segment is written by one process; :mod:`reader.search.workers` runs two of them side by side and the index commits
their segments together.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from operator import add, sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from reader.search import text as T

_SPACE = re.compile(r"\s")
_LITTLE = sys.byteorder == "little"
SMALL_BLOCK_BYTES = 64  # a posting block's pickle shorter than this is stored uncompressed (a flag per block says so)  # what str.isspace() calls space (sre and str share the Unicode table)


def gram_counts(text: str) -> Counter[str]:
    """How often each gram of :func:`reader.search.text.grams` occurs in ``text``, counted in C."""
    folded = T.fold(text)
    following = _SPACE.sub(T.END, folded[1:]) + T.END
    counts = Counter(map(add, folded, following))
    for gram in [g for g in counts if g[0].isspace()]:
        del counts[gram]
    return counts


def word_counts(text: str) -> Counter[str]:
    return Counter(T.words(text))


# How each analysed field is counted; any other indexed field goes through Whoosh's own analysis.
COUNTERS: dict[str, Callable[[str], Counter[str]]] = {"grams": gram_counts, "words": word_counts, "head": word_counts}


def _ones(n: int) -> array[int]:
    return array("I", [1]) * n


class _Postings:
    """One term's postings while a segment is gathered: document numbers and (unless the field keeps only which
    entries hold a term) frequencies."""

    __slots__ = ("freqs", "ids")

    def __init__(self, counted: bool) -> None:
        self.ids = array("I")
        self.freqs: array[int] | None = array("I") if counted else None


class BulkSegment:
    """Gather entries (the keyword arguments of ``IndexWriter.add_document``) and write them as one new segment.

    ``storage`` and ``schema`` are the index's; the segment is not part of the index until a writer commits it
    (see :meth:`reader.search.index.SearchIndex.sync`). ``finish`` returns it; ``cancel`` removes its files.
    """

    def __init__(self, storage: Any, schema: Any, codec: W3Codec, indexname: str = "MAIN") -> None:
        self.storage = storage
        self.schema = schema
        self.codec = codec
        self.segment = codec.new_segment(storage, indexname)
        self._perdoc = codec.per_document_writer(storage, self.segment)
        self._fields = sorted(schema.names())
        self._postings: dict[str, dict[Any, _Postings]] = {name: {} for name in self._fields if schema[name].indexed}
        self._lengths: dict[str, array[int]] = {}  # scorable field -> length of each entry, as Whoosh stores it
        self.docnum = 0
        self.size = 0  # postings gathered (what the memory use grows with)
        self._closed = False

    # ------------------------------------------------------------------ gathering
    def add(self, entry: dict[str, Any]) -> None:
        perdoc = self._perdoc
        docnum = self.docnum
        perdoc.start_doc(docnum)
        counted: dict[tuple[str, str], Counter[str]] = {}  # a heading's words are its "head" words: segment once
        for name in self._fields:
            value = entry.get(name)
            field = self.schema[name]
            length = 0
            if value is not None and field.indexed:
                length = self._index(name, field, value, docnum, counted)
            if field.scorable:
                lengths = self._lengths.get(name)
                if lengths is None:
                    lengths = self._lengths[name] = array("I", bytes(4 * docnum))
                lengths.append(byte_to_length(length_to_byte(length)) if length else 0)
            if value is None:
                continue
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self.docnum += 1

    def _index(
        self, name: str, field: Any, value: Any, docnum: int, counted: dict[tuple[str, str], Counter[str]]
    ) -> int:
        """Gather the postings of one field of one entry; returns the field's length (its number of tokens)."""
        terms = self._postings[name]
        counter = COUNTERS.get(name)
        if counter is not None:
            key = (counter.__name__, value)
            if key not in counted:
                counted[key] = counter(value)
            counts: Iterable[tuple[Any, int]] = counted[key].items()
        else:
            counts = [(tbytes, freq) for tbytes, freq, _weight, _vbytes in field.index(value)]
        length = 0
        n = 0
        if field.format.posting_size == 0:  # Existence: which entries hold the term, nothing more
            for term, _freq in counts:
                p = terms.get(term)
                if p is None:
                    p = terms[term] = _Postings(False)
                p.ids.append(docnum)
                n += 1
            length = n
        else:
            for term, freq in counts:
                p = terms.get(term)
                if p is None:
                    p = terms[term] = _Postings(True)
                p.ids.append(docnum)
                p.freqs.append(freq)  # type: ignore[union-attr]
                length += freq
                n += 1
        self.size += n
        return length if field.scorable else 0

    # ------------------------------------------------------------------ writing
    def finish(self) -> Any:
        """Write the postings and close the segment's files; returns the segment (with its document count)."""
        self._perdoc.close()
        fieldwriter = self.codec.field_writer(self.storage, self.segment)
        try:
            for name in self._fields:
                terms = self._postings.get(name)
                if terms:
                    self._write_field(fieldwriter, name, terms)
        finally:
            fieldwriter.close()
        self._postings.clear()
        self._closed = True
        self.segment.set_doc_count(self.docnum)
        if self.segment.should_assemble():
            self.segment.create_compound_file(self.storage)
            self.segment.compound = True
        return self.segment

    def _write_field(self, fieldwriter: Any, name: str, terms: dict[Any, _Postings]) -> None:
        field = self.schema[name]
        fmt = field.format
        boost = float(getattr(fmt, "field_boost", 1.0))
        packed_values = bool(fmt.fixed_value_size())  # Frequency: each posting's count as a big-endian uint
        lengths = self._lengths.get(name)
        blocklimit = self.codec._blocklimit
        compression = self.codec._compression
        fieldwriter.start_field(name, field)
        postfile = fieldwriter._postfile
        tindex_add = fieldwriter._tindex.add
        field_id = pack_ushort(fieldwriter._fieldid)
        keyed = sorted(((t.encode("utf-8") if isinstance(t, str) else t), p) for t, p in terms.items())
        for btext, p in keyed:
            info = W3TermInfo()
            start = postfile.tell()
            postfile.write(WHOOSH3_HEADER_MAGIC)
            ids, freqs = p.ids, p.freqs
            total = len(ids)
            info._df = total
            info._weight = float(sum(freqs) if freqs is not None else total) * boost
            info._minid, info._maxid = ids[0], ids[-1]
            info._maxlength = 0
            for first in range(0, total, blocklimit):
                block = ids[first : first + blocklimit]
                counts = freqs[first : first + blocklimit] if freqs is not None else _ones(len(block))
                low, high = min(counts), max(counts)
                maxweight = float(high) * boost
                if low == high == 1 and boost == 1.0:
                    weights: Any = None
                elif low == high:
                    weights = maxweight
                else:
                    weights = tuple(float(f) * boost for f in counts)
                if packed_values:
                    packed = array("I", counts)
                    if _LITTLE:
                        packed.byteswap()
                    values: Any = packed.tobytes()
                else:
                    values = None
                if lengths is not None:
                    block_lengths = [lengths[d] for d in block]
                    minlength: int | None = min(block_lengths) or None
                    maxlength = max(block_lengths)
                else:
                    minlength, maxlength = None, 0
                deltas = tuple(map(sub, block, chain((0,), block)))
                data = dumps((deltas, weights, values), 2)
                comp = compression if len(data) >= SMALL_BLOCK_BYTES else 0  # zlib costs ~10 µs a call
                if comp:
                    data = zlib.compress(data, comp)
                head = dumps(
                    (len(block), block[-1], maxweight, comp, length_to_byte(minlength), length_to_byte(maxlength)), 2
                )
                size = len(head) + len(data)
                postfile.write_int(-size if first + blocklimit >= total else size)
                postfile.write(head)
                postfile.write(data)
                if minlength is not None and (info._minlength is None or minlength < info._minlength):
                    info._minlength = minlength
                info._maxlength = max(info._maxlength, maxlength)
                info._maxweight = max(info._maxweight, maxweight)
            info.set_extent(start, postfile.tell() - start)
            tindex_add(field_id + btext, info.to_bytes())
        fieldwriter.finish_field()

    def cancel(self) -> None:
        """Close and remove whatever this segment wrote."""
        if not self._closed:
            try:
                self._perdoc.close()
            except Exception:  # removing its files is what matters
                pass
            self._closed = True
        self._postings.clear()
        remove_segment(self.storage, self.segment)


def remove_segment(storage: Any, segment: Any) -> None:
    """Delete a segment's files (one that was written but will not be committed)."""
    for name in segment.list_files(storage):
        try:
            storage.delete_file(name)
        except OSError:
            pass
