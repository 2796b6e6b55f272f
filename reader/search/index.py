"""The persistent Whoosh index: one entry per block of every document in the library.

Completeness: a block that literally contains every positive term of a query is always a hit,
because each term becomes a phrase of character grams (see :mod:`reader.search.text`). Ranking:
BM25F on jieba words, boosted for headings and lead sentences and for the query as one phrase.

The index is derived data: when it is missing, from an older format, or corrupt, it is moved
aside and rebuilt from the library; nothing else in the data folder is touched.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, STORED, TEXT, Schema

from reader.document.model import BlockKind, Document
from reader.document.structure import lead_sentence
from reader.errors import Cancelled, ReaderError
from reader.fileio import atomic_write_text
from reader.search import text as T

FORMAT = 1  # bump when the schema or the analysis changes: old indexes are rebuilt
SNIPPET_CHARS = 90
Progress = Callable[[int, str], None]


class GramTokenizer(Tokenizer):
    """Character grams of folded text, one per character position (see text.grams)."""

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
        source = T.grams(value) if tokenize else [(value, 0)]
        for gram, i in source:
            t.text = gram
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = gram
            if positions:
                t.pos = start_pos + i
            if chars:
                t.startchar = start_char + i
                t.endchar = start_char + i + len(gram)
            yield t


class WordTokenizer(Tokenizer):
    """jieba search-mode words of folded text."""

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
        for i, w in enumerate(T.words(value) if tokenize else [value]):
            t.text = w
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + i
            yield t


def make_schema() -> Schema:
    return Schema(
        key=ID(unique=True),
        doc=ID(stored=True, sortable=True),
        chapter=ID(stored=True, sortable=True),
        kind=ID(stored=True),
        block=STORED,
        block_id=STORED,
        node=STORED,
        path=STORED,
        text=STORED,
        grams=TEXT(analyzer=GramTokenizer(), phrase=True),
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
        }


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    by_doc: dict[str, int] = field(default_factory=dict)
    by_chapter: dict[str, int] = field(default_factory=dict)  # "doc/node" -> count
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


def _signature(doc: Document) -> str:
    import hashlib

    h = hashlib.blake2b(digest_size=10)
    for b in doc.blocks:
        h.update(b.id.encode() + b"|" + b.node.encode() + b";")
    return h.hexdigest()


def _entries(doc: Document) -> Iterable[dict[str, Any]]:
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
            "block": b.index,
            "block_id": b.id,
            "node": b.node,
            "path": " › ".join(n.label for n in path_nodes),
            "text": b.text,
            "grams": b.text,
            "words": b.text,
            "head": head,
        }


class SearchIndex:
    """Open (creating or rebuilding as needed) the index in ``root``."""

    def __init__(self, root: Path, resources: Path) -> None:
        self.root = root
        self.dir = root / "index"
        self.manifest_path = self.dir / "manifest.json"
        T.configure_jieba(root / "cache" / "jieba", resources / "dict" / "policy_terms.txt")
        self.synonyms_path = root / "synonyms.txt"
        if not self.synonyms_path.exists():
            try:
                shutil.copyfile(resources / "dict" / "synonyms.txt", self.synonyms_path)
            except OSError:
                self.synonyms_path = resources / "dict" / "synonyms.txt"
        self._ix = None
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
        self._ix = None
        if self.dir.exists():
            aside = self.root / "index.old"
            shutil.rmtree(aside, ignore_errors=True)
            try:
                self.dir.rename(aside)
            except OSError:
                shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._ix = whoosh_index.create_in(str(self.dir), make_schema())
        self._write_manifest({})
        self.rebuilt_reason = reason

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
            ix = whoosh_index.open_dir(str(self.dir))
            with ix.searcher() as s:  # touch every segment once: a damaged file fails here
                s.doc_count()
                list(s.lexicon("doc"))
                s.search(Q.Every(), limit=1)
            self._ix = ix
        except Exception as exc:
            self._fresh(f"corrupt ({type(exc).__name__})")
        return self._ix

    def indexed(self) -> dict[str, str]:
        self.open()
        docs = self._manifest().get("docs", {})
        return docs if isinstance(docs, dict) else {}

    # ---------------------------------------------------------------- update
    def sync(
        self, docs: Iterable[Document], progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> list[str]:
        """Bring the index in line with these documents; returns the ids (re)indexed.

        Only documents whose content changed are rewritten; documents no longer given are removed.
        """
        ix = self.open()
        current = self.indexed()
        wanted = list(docs)
        todo = [d for d in wanted if current.get(d.id) != _signature(d)]
        gone = set(current) - {d.id for d in wanted}
        if not todo and not gone:
            return []
        total = sum(d.char_count for d in todo) or 1
        done_chars = 0
        from whoosh.writing import LockError

        try:
            writer = ix.writer(limitmb=256)
        except LockError as exc:
            raise ReaderError("检索索引正被另一个窗口更新，请稍后再试。") from exc
        try:
            for doc_id in gone:
                writer.delete_by_term("doc", doc_id)
                current.pop(doc_id, None)
            for doc in todo:
                if progress:
                    progress(int(100 * done_chars / total), doc.title)
                writer.delete_by_term("doc", doc.id)
                for i, entry in enumerate(_entries(doc)):
                    if cancelled is not None and i % 64 == 0 and cancelled():
                        raise Cancelled("已取消建立索引。")
                    writer.add_document(**entry)
                current[doc.id] = _signature(doc)
                done_chars += doc.char_count
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._write_manifest(current)
        if progress:
            progress(100, "")
        return [d.id for d in todo]

    def sync_notes(self, notes: Iterable[Any], docs: dict[str, Document]) -> bool:
        """Give every live annotation with text its own entry (kind "annotation"); True when rewritten."""
        import hashlib

        live = [a for a in notes if (a.note or a.tags) and a.deleted is None and a.doc in docs]
        sig = hashlib.blake2b(
            "".join(f"{a.id}{a.updated}{a.block}" for a in sorted(live, key=lambda x: x.id)).encode(), digest_size=10
        ).hexdigest()
        manifest = self._manifest()
        if manifest.get("notes") == sig:
            return False
        ix = self.open()
        writer = ix.writer()
        try:
            writer.delete_by_term("kind", "annotation")
            for a in live:
                doc = docs[a.doc]
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
                    block=a.block,
                    block_id=a.id,  # the annotation's id: hits on notes point at the note
                    node=a.node,
                    path="批注 · " + " › ".join(n.label for n in path_nodes),
                    text=text,
                    grams=text,
                    words=text,
                    head="",
                )
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        manifest = self._manifest()
        manifest["notes"] = sig
        atomic_write_text(self.manifest_path, json.dumps(manifest, indent=1))
        return True

    def rebuild(self, docs: Iterable[Document], progress: Progress | None = None) -> list[str]:
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
        parsed = T.parse_query(query, self.synonyms() if use_synonyms else None)
        result = SearchResult(query=query, total=0, hits=[], literal=parsed.literal, message=parsed.message)
        if not parsed.groups:
            return result
        result.expansions = {c.text: c.alternatives[1:] for c in parsed.positive if len(c.alternatives) > 1}
        required = Q.And([Q.Or([_literal_query(a) for c in group for a in c.alternatives]) for group in parsed.groups])
        if parsed.excluded:
            required = Q.AndNot(required, Q.Or([_literal_query(c.text) for c in parsed.excluded]))
        ranking: list[Q.Query] = []
        terms = [a for c in parsed.positive for a in c.alternatives]
        for term in terms:
            for w in T.words(term):
                ranking.append(Q.Term("words", w))
                ranking.append(Q.Term("head", w))
        if len(parsed.positive) > 1:
            joined = "".join(c.text for c in parsed.positive)
            ranking.append(_literal_query(joined, boost=3.0))
        if doc:
            required = Q.And([required, Q.Term("doc", doc)])
        if chapter:
            required = Q.And([required, Q.Term("chapter", chapter)])
        needs_check = any(" " in T.fold(a).strip() for c in parsed.positive for a in c.alternatives)
        ix = self.open()
        with ix.searcher() as s:
            # 1. Which blocks match: matching only, no scoring (the costly part is per matching block).
            matched = list(s.docs_for_query(required))
            if needs_check:  # a phrase with spaces: its parts matched; keep blocks holding it as written
                matched = [d for d in matched if _make_hit(s.stored_fields(d), 0.0, parsed) is not None]
            result.total = len(matched)
            # 2. Counts per document and chapter from the column store (no stored-field reads).
            reader = s.reader()
            doc_col = reader.column_reader("doc")
            chapter_col = reader.column_reader("chapter")
            by_doc: dict[str, int] = {}
            by_chapter: dict[str, int] = {}
            for d in matched:
                key_doc = _text(doc_col[d])
                key_ch = _text(chapter_col[d])
                by_doc[key_doc] = by_doc.get(key_doc, 0) + 1
                by_chapter[key_ch] = by_chapter.get(key_ch, 0) + 1
            result.by_doc, result.by_chapter = by_doc, by_chapter
            # 3. Ranking: BM25F on words (headings boosted, the whole query as a phrase boosted), top N
            #    only, so block-max skipping applies; blocks that match literally but share no word
            #    with the query follow in reading order.
            want = result.total if limit is None else min(limit, result.total)
            order: list[tuple[int, float]] = []
            if want and ranking:
                allowed = set(matched)
                ranked = s.search(Q.Or(ranking), filter=allowed, limit=want)
                order = [(r.docnum, float(r.score or 0.0)) for r in ranked]
            if len(order) < want:
                seen = {d for d, _ in order}
                order.extend((d, 0.0) for d in matched if d not in seen)
                order = order[:want]
            for d, score in order:
                hit = _make_hit(s.stored_fields(d), score, parsed)
                if hit is not None:
                    result.hits.append(hit)
        result.seconds = time.perf_counter() - started
        return result


def _literal_query(term: str, boost: float = 1.0) -> Q.Query:
    """Blocks that contain ``term`` literally (after folding); a superset only when it has spaces."""
    parts = T.fold(term).split()
    queries: list[Q.Query] = []
    for part in parts:
        if len(part) == 1:
            queries.append(Q.Prefix("grams", part))
        else:
            gs = T.query_grams(part)
            queries.append(Q.Term("grams", gs[0]) if len(gs) == 1 else Q.Phrase("grams", gs))
    if not queries:
        return Q.NullQuery
    out = queries[0] if len(queries) == 1 else Q.And(queries)
    if boost != 1.0:
        out = out.with_boost(boost)  # type: ignore[attr-defined]
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
