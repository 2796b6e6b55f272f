"""Text analysis for search, pure functions only (no Whoosh here).

Two views of a block are indexed:

* **grams** — every overlapping pair of characters of the *folded* text, at the position of its
  first character, plus an end marker after the last character. Any literal substring of length
  ≥ 2 is then a phrase of consecutive grams, and a single character is a gram prefix, so a block
  that literally contains the query is always found (what Lucene's CJK bigram analysis gives).
* **words** — jieba's search-mode segmentation (with a user dictionary of policy terms), for BM25.

Folding maps full-width ASCII to half-width, the ideographic space to a space and Latin to lower
case, one character to one character, so offsets in folded text are offsets in the original.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

END = "\ue000"  # private-use marker: the gram after a block's last character

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20  # ideographic space
_FOLD.update({0x2014: 0x2014})


def fold(text: str) -> str:
    """Full-width → half-width, lower case; exactly one output character per input character."""
    out = text.translate(_FOLD).lower()
    if len(out) != len(text):  # a few characters lower-case to two (İ); keep offsets exact
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_FOLD))
    return out


def grams(text: str) -> Iterator[tuple[str, int]]:
    """(gram, position) for every character of folded text: the pair starting there, or char+END."""
    folded = fold(text)
    n = len(folded)
    for i, ch in enumerate(folded):
        if ch.isspace():
            continue
        nxt = folded[i + 1] if i + 1 < n else END
        yield (ch + (END if nxt.isspace() else nxt)), i


def query_grams(term: str) -> list[str]:
    """The grams a literal term must have, in order (the term is folded, spaces collapsed)."""
    t = fold(term)
    return [t[i : i + 2] for i in range(len(t) - 1)] if len(t) >= 2 else []


# ---------------------------------------------------------------- jieba (loaded lazily)
# jieba's segmentation through jieba-rs (the ``rjieba`` binding): the same dictionary and the same DAG + HMM cut as the
# Python package, about 15 times faster and with its dictionary built in, so nothing is cached on disk.
# tests/core/test_segmentation.py compares the two on real plans.
_jieba_lock = threading.Lock()
_tokenizer = None
_user_dict: Path | None = None


def configure_jieba(user_dict: Path | None) -> None:
    """The user dictionary of policy terms (jieba's format: ``word [freq] [tag]`` a line). A segmenter loaded with
    another user dictionary is dropped (the index's words, and those of worker processes, must all come from the
    same dictionary)."""
    global _user_dict
    if user_dict != _user_dict:
        release_jieba()
    _user_dict = user_dict


def jieba_files() -> Path | None:
    """The user dictionary set by :func:`configure_jieba` (handed to worker processes)."""
    return _user_dict


def jieba_loaded() -> bool:
    return _tokenizer is not None


def user_words(path: Path) -> list[tuple[str, int | None, str | None]]:
    """(word, frequency, tag) of each line of a jieba user dictionary; blank lines and ``#`` comments skipped. As
    jieba reads it: the frequency and the tag are optional, a word without a frequency gets the one that keeps it
    whole."""
    out: list[tuple[str, int | None, str | None]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        word, rest = parts[0], parts[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        out.append((word, freq, rest[0] if rest else None))
    return out


def _jieba():
    global _tokenizer
    if _tokenizer is None:
        with _jieba_lock:
            if _tokenizer is None:
                import rjieba

                tk = rjieba.Jieba()
                if _user_dict is not None and _user_dict.exists():
                    for word, freq, tag in user_words(_user_dict):
                        tk.add_word(word, freq, tag)
                _tokenizer = tk
    return _tokenizer


def release_jieba() -> None:
    """Drop the segmenter and its dictionary (~60 MB goes back to the system); the next indexing loads it again.
    Searching does not use it (see ``_State.query_words``)."""
    global _tokenizer
    with _jieba_lock:
        _tokenizer = None


_WORD = re.compile(r"[\w.%&+-]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Search-mode words of folded text (jieba); Latin and numbers kept as typed (1.3, 6.5%, r&d)."""
    # jieba yields runs of space as words of their own and never a word with space around it, so keeping the
    # words with a word character is the whole filter (one C loop; this runs for every block of every plan).
    return list(filter(_WORD.search, _jieba().cut_for_search(fold(text), True)))


# ---------------------------------------------------------------- queries
@dataclass
class Clause:
    """One condition: any of ``alternatives`` must occur literally (synonyms add alternatives)."""

    text: str
    alternatives: list[str] = field(default_factory=list)
    negated: bool = False
    phrase: bool = False


@dataclass
class ParsedQuery:
    """AND of groups; each group is an OR of clauses; negated clauses exclude."""

    groups: list[list[Clause]]
    excluded: list[Clause]
    literal: bool = False  # the query could not be parsed and is searched as typed
    message: str = ""

    @property
    def positive(self) -> list[Clause]:
        return [c for g in self.groups for c in g]


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def parse_query(query: str, synonyms: dict[str, list[str]] | None = None) -> ParsedQuery:
    """Space = AND, "…" exact phrase, OR between terms, -word excludes. Never raises."""
    # Only the ASCII (and full-width) double quote is an operator: “” are ordinary Chinese text.
    q = query.replace("＂", '"').strip()
    if not q:
        return ParsedQuery([], [])
    if q.count('"') % 2:
        return _literal(query, synonyms, "引号不成对，已按原文检索。")
    tokens: list[tuple[str, bool]] = [
        (m.group(1), True) if m.group(1) is not None else (m.group(2), False) for m in _TOKEN.finditer(q)
    ]
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    pending_or = False
    for text, quoted in tokens:
        if not quoted and text in ("OR", "|"):
            if not groups or pending_or:
                return _literal(query, synonyms, "OR 两侧都需要检索词，已按原文检索。")
            pending_or = True
            continue
        negated = not quoted and text.startswith("-") and len(text) > 1
        if negated:
            text = text[1:]
            if text.startswith('"') and text.endswith('"') and len(text) > 2:
                text = text[1:-1]
        if not quoted and text == "-":
            return _literal(query, synonyms, "“-”后面需要检索词，已按原文检索。")
        if not text.strip():
            continue
        clause = _clause(text, quoted, negated, synonyms)
        if negated:
            if pending_or:
                return _literal(query, synonyms, "OR 后不能接排除词，已按原文检索。")
            excluded.append(clause)
        elif pending_or:
            groups[-1].append(clause)
            pending_or = False
        else:
            groups.append([clause])
    if pending_or:
        return _literal(query, synonyms, "OR 两侧都需要检索词，已按原文检索。")
    if not groups:
        return _literal(query, synonyms, "只有排除词时无法检索，已按原文检索。") if excluded else ParsedQuery([], [])
    return ParsedQuery(groups, excluded)


def _clause(text: str, quoted: bool, negated: bool, synonyms: dict[str, list[str]] | None) -> Clause:
    alts = [text]
    if synonyms and not quoted and not negated:
        for alt in synonyms.get(fold(text), []):
            if fold(alt) not in {fold(a) for a in alts}:
                alts.append(alt)
    return Clause(text=text, alternatives=alts, negated=negated, phrase=quoted)


def _literal(query: str, synonyms: dict[str, list[str]] | None, message: str) -> ParsedQuery:
    text = query.replace('"', " ").replace("＂", " ").strip()
    if not text:
        return ParsedQuery([], [], literal=True, message=message)
    return ParsedQuery([[Clause(text=text, alternatives=[text], phrase=True)]], [], literal=True, message=message)


def load_synonyms(path: Path) -> dict[str, list[str]]:
    """``a = b = c`` per line → {a: [b, c], b: [a, c], …} with folded keys; # starts a comment.

    Read once per version of the file (its size and time): a search does not parse it again."""
    try:
        st = path.stat()
    except OSError:
        return {}
    key = (str(path), st.st_size, st.st_mtime_ns)
    cached = _SYNONYMS.get(key[0])
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    groups: dict[str, dict[str, None]] = {}  # folded term -> its synonyms in file order (a dict keeps order)
    for line in lines:
        line = line.split("#", 1)[0].strip()
        members = list(dict.fromkeys(m.strip() for m in line.split("=") if m.strip()))
        if len(members) < 2:
            continue
        for m in members:
            group = groups.setdefault(fold(m), {})
            for other in members:
                if other != m:
                    group[other] = None
    table = {k: list(v) for k, v in groups.items()}
    _SYNONYMS[key[0]] = (key, table)
    return table


_SYNONYMS: dict[str, tuple[tuple[str, int, int], dict[str, list[str]]]] = {}


def find_all(haystack_folded: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) of a literal needle in folded text (overlaps allowed)."""
    n = fold(needle)
    if not n:
        return []
    out = []
    i = haystack_folded.find(n)
    while i >= 0:
        out.append((i, i + len(n)))
        i = haystack_folded.find(n, i + 1)
    return out
