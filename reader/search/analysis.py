"""Analysis: the tokenizers that turn a block's text into character grams (completeness) and jieba words (ranking)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh.analysis import Token, Tokenizer

from reader.search import text as T


class _PositionTokenizer(Tokenizer):
    """Whoosh's tokenizer protocol over ``_tokens``: (text, position, start character) triples."""

    def _tokens(self, value: str) -> Iterable[tuple[str, int, int]]:
        raise NotImplementedError

    def __call__(
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
