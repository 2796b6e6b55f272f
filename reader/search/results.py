"""Results: hits with their snippets and match spans, and the search result with its counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.search import text as T

SNIPPET_CHARS = 90


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
