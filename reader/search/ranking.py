"""Ranking: BM25 on jieba words and the weights of a block's role (chapter openings, notes, review parts)."""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from reader.search import text as T

HEAD_BOOST = 2.0
KIND_WEIGHT = {"intro": 1.5, "heading": 1.5, "note": 0.5}
# A block that opens a tree node whose title holds a term of the query is where the document treats that topic:
# the broader the node, the more of the topic it opens (a chapter before its sections, a section before its items).
TITLE_WEIGHT = {1: 2.0, 2: 1.7, 3: 1.4}
TITLE_WEIGHT_DEEPER = 1.2
# A paragraph that sets a target for the indicator searched (到2025年GDP达到1.3万亿元) is what a reader of a plan
# looks for first; one reporting a past figure of it comes next.
FIGURE_WEIGHT = {"target": 2.0, "actual": 1.3}
ROLE_WEIGHT = {"review": 0.6}
SUBWORD_WEIGHT = 0.3
MAX_WORD_CHARS = 12  # the longest query substring looked up as a word (jieba's words are shorter)
BM25_K1, BM25_B = 1.2, 0.75


class Ranking:
    """BM25 over jieba words, with the boosts of headings and lead sentences; mixed into the searcher state, whose
    reader, postings and length norms it uses."""

    reader: Any
    norms: Sequence[float]
    n_docs: int

    def _postings(self, field: str, text: str, weights: bool = True) -> Iterator[tuple[Any, Any, int]]:
        raise NotImplementedError

    def query_words(self, terms: list[str]) -> list[str]:
        """The indexed words (jieba's, in the words or head field) that occur inside the query's terms.

        Jieba's search mode cuts a term into its dictionary words and their sub-words; looking every
        substring up in the index's own vocabulary finds the same words, only those that can score, and
        does not need jieba's dictionary (~60 MB) in a process that only searches."""
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


def ranked(
    state: Any,
    parsed: T.ParsedQuery,
    matched_set: set[int],
    typed_set: set[int] | None,
    terms: list[str],
    expanded: bool,
    want: int,
) -> list[tuple[int, float]]:
    """The ``want`` best of the matched blocks with their scores, best first, in tiers: blocks with the words as
    typed before those found only through a synonym, and within that blocks holding the whole query as one phrase
    first. Within a tier BM25 on jieba words (headings, lead sentences and the titles of the nodes a block opens
    count double; a synonym's words count as little as a term's sub-words, so the words as typed lead) times the
    block's role (KIND_WEIGHT, ROLE_WEIGHT) and, for a block opening a node titled with a term of the query,
    TITLE_WEIGHT by the node's level; ties in reading order."""
    literal = matched_set & typed_set if expanded and typed_set is not None else matched_set
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
    kind_of, role_of, figures = state.kind_of, state.role_of, state.figures()
    typed = [T.fold(c.text) for c in parsed.positive]
    whole = set(typed)
    names = {T.fold(a) for c in parsed.positive for a in c.alternatives}
    titled = state.opens().titled(typed)  # block → level, for the nodes titled with a term of the query

    def weight(d: int) -> float:
        """The block's role, and whether it opens a node titled with the query or sets its indicator's figure."""
        w = KIND_WEIGHT.get(kind_of[d], 1.0) * ROLE_WEIGHT.get(role_of[d], 1.0)
        level = titled.get(d)
        if level is not None:
            w *= TITLE_WEIGHT.get(level, TITLE_WEIGHT_DEEPER)
        held = figures.get(d)
        if held is not None:
            w *= max((FIGURE_WEIGHT.get(kind, 1.0) for kind, name in held if name in names), default=1.0)
        return w

    order: list[tuple[int, float]] = []
    for tier in tiers:
        if len(order) >= want or not tier:
            continue
        bm25 = state.bm25(words, tier, whole)
        # Only blocks that scored are weighed (the others stay at 0): no pass over every hit in Python.
        scores = {d: v * weight(d) for d, v in bm25.items()}
        best = heapq.nsmallest(want - len(order), tier, key=lambda d: (-scores.get(d, 0.0), d))
        order.extend((d, scores.get(d, 0.0)) for d in best)
    return order
