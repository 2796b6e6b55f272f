"""PDF with a text layer: page headers/footers and page numbers dropped, lines re-joined into paragraphs.

Ruled tables (the 主要指标 table of a plan, project lists) are read cell by cell with pdfplumber and take the place
of the loose lines the text layer gives for them; only pages whose content stream draws rules are looked at, so
the rest of a document is read exactly as before and large PDFs do not pay for table detection.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.document.importers.pdf_layout import Box, Glyph, Line, cell_text
from reader.document.importers.text import clean_line
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed, ReaderError

_PAGE_NUMBER = re.compile(r"^[-—－–\s]*(第\s*)?[0-9０-９ivxlcIVXLC]{1,4}\s*(页)?[-—－–\s]*$|^\d+\s*/\s*\d+$")
_OPENERS = ("〔", "（", "(", "“", "‘", "《", "【", "[", "「", "『")
_END = ("。", "！", "？", "：", "；", "”", "」", "…", "!", "?", ":")
# A line that starts a new paragraph even when the previous one did not end a sentence (a heading, list item, note,
# or the tick boxes of a form's answer: □ 是 √ 否).
_STARTS_BLOCK = re.compile(
    r"^(第[一二三四五六七八九十百零〇两\d]+[篇章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|——|专栏|附件|注[:：]|[□☐☑■√]\s)"
)


def read(
    path: Path, tables: bool = True, progress: Callable[[int, str], None] | None = None, positions: bool = True
) -> RawDocument:
    """Paragraphs and table rows of a PDF. ``positions=False`` reads the text layer as pypdf extracts it (what
    this importer did before it read character positions; the baseline of ``bench/pdf_import_bench.py``)."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about broken files are ours to report
    from pypdf.errors import DependencyError, DeprecationError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            ok: object
            try:
                ok = reader.decrypt("")
            except Exception:  # unsupported encryption algorithms raise various errors
                ok = 0
            if not ok:
                raise ImportFailed(path, "PDF 已加密，需要密码才能读取", "请先用 PDF 阅读器去除密码后另存")
        count = len(reader.pages)

        def pdf_progress(n: int, total: int) -> None:
            if progress is not None:
                progress(5 + 45 * n // max(total, 1), f"第 {n + 1}/{total} 页")

        candidates = _table_pages(reader) if tables else set()
        page_lines = _positioned_lines(path, pdf_progress, candidates) if positions else None
        if page_lines is None:  # the positions cannot be read: the text layer as pypdf extracts it
            found = _ruled_tables(path, reader) if tables else {}
            pages = []
            for n, page in enumerate(reader.pages):
                pdf_progress(n, count)
                try:
                    pages.append(page.extract_text() or "")
                # An image on the page needs a decoder (JBIG2) that is not installed, or the page's stream names a
                # filter pypdf no longer knows (/A85): the page has no text we can read; the others still do.
                except (DependencyError, DeprecationError):
                    pages.append("")
            # Keep each line's indentation: a first-line indent is the best paragraph signal in Chinese PDFs.
            page_lines = [
                list(undo_overprint(recover_gb18030([x.rstrip() for x in page.splitlines() if clean_line(x)])))
                for page in pages
            ]
            for index, on_page in found.items():  # no positions: a table's lines are found by their text
                for _box, rows in on_page:
                    page_lines[index] = _splice(page_lines[index], rows)
    except ImportFailed:
        raise
    except NotImplementedError as exc:  # pypdf knows only the Standard security handler (and its algorithms)
        if "encrypt" in str(exc).lower() or "handler" in str(exc).lower():
            raise ImportFailed(
                path, "PDF 已加密，所用的加密方式本程序不支持", "请用 PDF 阅读器打开后另存为未加密的 PDF"
            ) from exc
        raise ImportFailed(path, f"PDF 用到了本程序不支持的功能（{exc}）", "请用其他软件另存为 PDF") from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportFailed(
            path, f"PDF 文件已损坏或无法解析（{type(exc).__name__}）", "请重新下载或用其他软件另存为 PDF"
        ) from exc
    page_lines = [measure_page(lines) for lines in page_lines]
    text = " ".join(x.text if isinstance(x, TableRow) else x for lines in page_lines for x in lines)
    if sum(1 for ch in text if not ch.isspace()) < 8:
        raise ImportFailed(
            path,
            "PDF 没有文字层（可能是扫描件或图片）",
            "请先用 OCR 软件识别文字，或导入该文件的 Word/网页版本",
        )
    if _undecodable(text):
        raise ImportFailed(
            path,
            "PDF 的文字无法正确解码（所用字体没有可用的编码，读出的是乱码）",
            "请用原软件重新导出 PDF，或导入该文件的 Word/网页版本",
        )
    kept = body_lines(page_lines)
    paragraphs = [
        RawParagraph(p.text, table_row=True) if isinstance(p, TableRow) else RawParagraph(p) for p in join_lines(kept)
    ]
    title = path.stem
    info = reader.metadata
    if info is not None and info.title and clean_line(str(info.title)):
        title = clean_line(str(info.title).replace("\x00", ""))
    return RawDocument(paragraphs=paragraphs, meta=Metadata(title=title, source=path.name, format="pdf"))


def _positioned_lines(
    path: Path, progress: Callable[[int, int], None], table_pages: set[int]
) -> list[list[str | TableRow]] | None:
    """Each page's lines from character positions (pdf_layout), as PageLines that carry where they stand, the
    ruled tables of ``table_pages`` (pdfplumber, on the same reading of the page) in the place of the characters
    inside their boxes; None when pdfminer cannot read the file or maps too few of its characters to text
    ("(cid:N)"), so the text layer is used."""
    import logging

    from reader.document.importers import pdf_layout

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    tables: Tables = {}

    def find(index: int, page: object, glyphs: list[Glyph]) -> list[tuple[Box, int]]:
        if index not in table_pages:
            return []
        tables[index] = _page_tables(page, glyphs)
        return [(box, len(rows)) for box, rows in tables[index]]

    try:
        pages = list(pdf_layout.read_pages(path, progress, find_tables=find))
    except ReaderError:  # the user cancelled (from the progress callback): not a reason to try the text layer
        raise
    except Exception:  # pdfminer fails on files pypdf still reads (and the other way round)
        return None
    text = "".join(line.text for page in pages for line in page)
    if text.count("(cid:") * 8 > 0.05 * max(len(text), 1):
        return None
    left, right = pdf_layout.document_margins(pages)
    out: list[list[str | TableRow]] = []
    for index, page in enumerate(pages):
        texts = recover_gb18030([_CID.sub("", line.text) for line in page])
        lines: list[str | TableRow] = []
        previous: pdf_layout.Line | None = None
        pitches = [b.top - a.top for a, b in itertools.pairwise(page) if a.column == b.column and b.top > a.top]
        pitch = statistics.median(pitches) if pitches else None
        for line, text in zip(page, texts, strict=True):
            if not clean_line(text):
                continue
            if line.left is None and line.column == 0:
                line.left = left
            if line.right is None and line.column == 0:
                line.right = right
            if pdf_layout.TABLE_MARK in text:  # a ruled table (cell by cell, pdfplumber) where it stands
                for k in re.findall(re.escape(pdf_layout.TABLE_MARK) + r"(\d+)", text):
                    lines.extend(TableRow("\t".join(r), line) for r in tables[index][int(k)][1])
                previous = None
                text = re.sub(re.escape(pdf_layout.TABLE_MARK) + r"\d+", "", text)
                if not clean_line(text):
                    continue
            if line.table:
                lines.append(TableRow("\t".join(_CID.sub("", clean_line(c)) for c in line.cells), line))
                previous = None
                continue
            item = PageLine(text)
            item.geo = line
            if previous is not None:
                step = line.top - previous.top
                item.gap_before = (
                    line.column != previous.column
                    or step <= 0
                    or (pitch is not None and step > 1.45 * pitch and step > 1.9 * line.size)
                    or step > 2.5 * line.size  # a blank line's worth, whatever the page's spacing
                    or abs(line.size - previous.size) > 0.15 * max(line.size, previous.size)
                )
            lines.append(item)
            previous = line
        page_out: list[str | TableRow] = []
        for is_row, group in itertools.groupby(lines, key=lambda x: isinstance(x, TableRow)):
            items = list(group)
            page_out.extend(items if is_row else undo_overprint(items, whole_lines=False))  # type: ignore[arg-type]
        out.append(page_out)
    return out


_CID = re.compile(r"\(cid:\d+\)")


# Two or more Latin-1 / Latin Extended characters in a row: what a font without a usable encoding produces in
# place of Chinese (GBK codes read one byte at a time: 目录 → Ä¿Â¼); European words hold one or two among ASCII.
_HIGH_RUN = re.compile(r"[\u00a1-\u024f]{2,}")
_JUNK = re.compile(r"[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _undecodable(text: str) -> bool:
    """Whether a PDF's text is mostly what no real text is made of — runs of Latin-1 characters (after GB18030
    pairs were recovered), private-use code points, replacement characters, controls: more than a third of what
    is visible."""
    visible = len(text) - sum(1 for ch in text if ch.isspace())
    if visible < 8:
        return False
    bad = sum(len(m.group(0)) for m in _HIGH_RUN.finditer(text)) + len(_JUNK.findall(text))
    return bad > visible / 3


# Two Latin-1 characters that are one GB18030 character: official-document fonts (小标宋, 仿宋) embedded without a
# ToUnicode map make the text layer read their GBK codes as Latin-1 (目录 → Ä¿ Â¼).
# The fonts are GB2312 (both bytes 0xA1–0xFE), which keeps control characters and cp1252 quotes out.
_LATIN1_PAIRS = re.compile(r"[\xa1-\xfe][\xa1-\xfe](?:[ \u3000]?[\xa1-\xfe][\xa1-\xfe])*")
_CJK = re.compile(r"[\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def recover_gb18030(lines: list[str]) -> list[str]:
    """Re-read Latin-1 mojibake as GB18030 in a line mostly made of it; other text (a few accented letters in
    Latin words, which never come in pairs of high characters) is left as it is."""

    def decode(m: re.Match[str]) -> str:
        raw = re.sub(r"[ \u3000]", "", m.group(0))
        try:
            out = raw.encode("latin-1").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
        return out if len(_CJK.findall(out)) >= 0.6 * len(out) else m.group(0)

    out = []
    for line in lines:
        visible = sum(1 for ch in line if not ch.isspace())
        paired = sum(len(m.group(0).replace(" ", "").replace("\u3000", "")) for m in _LATIN1_PAIRS.finditer(line))
        out.append(_LATIN1_PAIRS.sub(decode, line) if visible and paired >= 0.5 * visible else line)
    return out


def _repeated(line: str, k: int) -> str | None:
    """The line with each run that is drawn ``k`` times in a row kept once; None when the line is not made so."""
    out, i, n = [], 0, len(line)
    while i < n:
        if line[i].isspace():
            out.append(line[i])
            i += 1
            continue
        for size in range(1, (n - i) // k + 1):
            chunk = line[i : i + size]
            if line[i : i + size * k] == chunk * k and not chunk.isspace():
                out.append(chunk)
                i += size * k
                break
        else:
            return None
    return "".join(out)


def _retext(line: str, text: str) -> str:
    """``text`` in place of ``line``, keeping what a PageLine knows of where it stands."""
    if isinstance(line, PageLine):
        out = PageLine(text)
        out.full, out.geo, out.gap_before = line.full, line.geo, line.gap_before
        return out
    return text


def undo_overprint(lines: list[str], whole_lines: bool = True) -> list[str]:
    """Fake bold draws text 2–4 times over itself: each run repeated within a line (安徽安利…公司 ×4), or each line
    repeated on the next (本科 / 本科). Both are undone only where the repetition is exact and systematic. Lines
    read from positions (``whole_lines=False``) have had their redrawn characters removed where they stand: two
    equal lines there are two places on the page that say the same."""
    out = []
    for line in lines:
        body = line.strip()
        fixed = None
        if len(body) >= 8:
            for k in (4, 3, 2):
                collapsed = _repeated(body, k)
                if (
                    collapsed is not None
                    and len(collapsed) <= len(body) // k + body.count(" ")
                    and sum(ch.isalnum() for ch in collapsed) >= 2  # rules of ____ or …… are drawn, not overprinted
                ):
                    fixed = _retext(line, line[: len(line) - len(line.lstrip())] + collapsed)
                    break
        out.append(fixed if fixed is not None else line)
    if not whole_lines:
        return out
    # Lines drawn k times: most lines stand in a run of exactly k equal lines, and none in a longer one (a table
    # that repeats a value down a column does not look like that).
    runs = [(line, len(list(group))) for line, group in itertools.groupby(out)]
    filled = sum(n for line, n in runs if line.strip())
    for k in (2, 3, 4):
        doubled = sum(n for line, n in runs if line.strip() and n == k)
        if filled and len(runs) >= 3 and doubled >= 0.5 * filled and all(n <= k for _line, n in runs):
            out = [line for line, n in runs for _ in range(1 if n == k else n)]
            break
    return out


@dataclass(frozen=True)
class TableRow:
    """One row of a table — ruled, or aligned by whitespace — its cells joined by tabs (merged cells left empty);
    `geo` is where a row read from positions stands."""

    text: str
    geo: Line | None = field(default=None, compare=False)


# Drawing operators of a page's content stream with their operands: rectangles (x y w h re) and line segments
# (x y l). Bytes inside text strings can look like the operator names, never like a full operation.
_RULES = re.compile(rb"(?:-?[\d.]+\s+){4}re\s|(?:-?[\d.]+\s+){2}l\s")


Tables = dict[int, list[tuple[Box, list[list[str]]]]]


def _table_pages(reader: object) -> set[int]:
    """The pages whose content stream draws rules (where a ruled table can stand)."""
    candidates = set()
    for i, page in enumerate(reader.pages):  # type: ignore[attr-defined]
        try:
            contents = page.get_contents()
            data = contents.get_data() if contents is not None else b""
        except Exception:  # a page whose stream cannot be read has no tables we can find
            continue
        if len(_RULES.findall(data)) >= 8:
            candidates.add(i)
    return candidates


def _page_tables(page: object, glyphs: list[Glyph] | None = None) -> list[tuple[Box, list[list[str]]]]:
    """Where the ruled tables of a pdfplumber page stand, and their rows (cell text from ``glyphs`` when given,
    else pdfplumber's); empty when detection fails."""
    tables = []
    try:
        found = page.find_tables()  # type: ignore[attr-defined]
        for table in found:
            if glyphs is None:
                rows = [[_cell(c) for c in row] for row in table.extract()]
            else:
                x0, top, x1, bottom = table.bbox
                near = [g for g in glyphs if x0 <= g.x1 and g.x0 <= x1 and top <= g.bottom and g.top <= bottom]
                rows = [[_cell(cell_text(near, c) if c else None) for c in row.cells] for row in table.rows]
            rows = [r for r in rows if any(r)]
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                x0, top, x1, bottom = table.bbox
                tables.append(((float(x0), float(top), float(x1), float(bottom)), rows))
    except Exception:  # table detection is an extra: the text still imports without it
        return []
    return tables


def _ruled_tables(path: Path, reader: object) -> Tables:
    """Where the ruled tables on each page that draws rules stand, and their rows (for the text layer, which is
    read without pdfplumber); empty when none or when detection fails."""
    candidates = _table_pages(reader)
    if not candidates:
        return {}
    out: Tables = {}
    try:
        import logging

        import pdfplumber

        logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on odd files are not the reader's concern

        with pdfplumber.open(str(path)) as pdf:
            for i in sorted(candidates):
                tables = _page_tables(pdf.pages[i])
                if tables:
                    out[i] = tables
    except Exception:  # table detection is an extra: the text layer still imports without it
        return {}
    return out


def _cell(text: str | None) -> str:
    """A cell's text on one line: CJK lines join without a space (各年\n度视情提出 → 各年度视情提出)."""
    if not text:
        return ""
    text = re.sub(r"(?<=[^\x00-\x7f])\s*\n\s*|\s*\n\s*(?=[^\x00-\x7f])", "", text)
    return clean_line(re.sub(r"\s*\n\s*", " ", text).replace("\t", " "))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _splice(lines: list[str | TableRow], rows: list[list[str]]) -> list[str | TableRow]:
    """Replace the text layer's run of lines for a table by its rows. The run is the longest stretch of lines
    that all lie inside the table's text; when none covers most of it, the lines stay as they are."""
    whole = "".join(_squeeze("".join(r)) for r in rows)
    best: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and isinstance(lines[j], str)
            and _squeeze(str(lines[j]))
            and _squeeze(str(lines[j])) in whole
        ):
            j += 1
        if j > i and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = max(j, i + 1)
    if best is None:
        return lines
    covered = sum(len(_squeeze(str(x))) for x in lines[best[0] : best[1]])
    if covered < 0.6 * len(whole):
        return lines
    return [*lines[: best[0]], *(TableRow("\t".join(r)) for r in rows), *lines[best[1] :]]


def body_lines(pages: Sequence[Sequence[str | TableRow]]) -> list[str | TableRow]:
    """The lines of the body: running heads and page numbers dropped, unless that would leave nothing (short pages
    that look alike make every line look like a running head) — then every line is kept."""
    kept = drop_furniture(pages)
    if not any(isinstance(x, TableRow) or clean_line(x) for x in kept):
        kept = [x for lines in pages for x in lines]
    return kept


def drop_furniture(pages: Sequence[Sequence[str | TableRow]]) -> list[str | TableRow]:
    """Drop page numbers and lines that repeat at the top or bottom of many pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line)

    edge: Counter[str] = Counter()
    for lines in pages:
        for line in {*lines[:2], *lines[-2:]}:
            if isinstance(line, TableRow):
                continue
            if not clean_line(line).endswith(_END):  # running heads are not sentences
                edge[key(clean_line(line))] += 1
    # Two running heads that alternate (odd and even pages: the title on one side, a chapter or the issue on the
    # other) stand on about half the pages each; a few pages where something else shares the row bring that lower.
    threshold = max(2, math.ceil(0.4 * len(pages)))
    repeated = {k for k, n in edge.items() if n >= threshold} if len(pages) >= 3 else set()
    out: list[str | TableRow] = []
    for lines in pages:
        for i, line in enumerate(lines):
            if isinstance(line, TableRow):
                out.append(line)
                continue
            at_edge = i < 2 or i >= len(lines) - 2
            bare = clean_line(line)
            if at_edge and (_PAGE_NUMBER.match(bare) or key(bare) in repeated):
                continue
            out.append(line)
    return out


def display_width(text: str) -> int:
    """Width in half-width cells: a Chinese character or full-width sign is two, a Latin
    letter or digit one — how wide a line is set, which its character count is not when it mixes the two."""
    return sum(2 if _wide(c) else 1 for c in text)


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


# The dot leaders of a table of contents; an entry ends with its page number after them. Contents lines are not
# text-column lines, so they say nothing about a page's full line width.
_LEADER = re.compile(r"(?:…{2,}|[.．·]{4,}|(?:\. ){4,})")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORDS = re.compile(r"^[A-Za-z][A-Za-z'’.,-]*(?:\s+[A-Za-z][A-Za-z'’.,-]*)+")
_OPEN_LEADER = re.compile(_LEADER.pattern + r"\s*$")
_CONTENTS_ENTRY = re.compile(_LEADER.pattern + r"\s*[\d０-９]{1,4}\s*$")
_NARROWEST_COLUMN = 24  # half-width cells


class PageLine(str):
    """A text line of a page, with the width of a full line on that page (`full`, None when the page does not
    show one): hard-wrapped lines fill the text column, so a shorter line stopped before the margin.

    Lines read from character positions also carry where they stand (`geo`: position, size, column margins) and
    whether more space than the page's line spacing, another column or another type size sets them apart from the
    line before (`gap_before`)."""

    full: int | None = None
    geo: Line | None = None
    gap_before: bool = False


def full_width(widths: Sequence[int]) -> int | None:
    """The width of a full line among a page's line widths: the widest that another line comes within 10% of
    (a lone wide line is a heading or table row, not the text column); None if no two lines agree."""
    ordered = sorted(widths, reverse=True)
    for i, w in enumerate(ordered[:-1]):
        if ordered[i + 1] >= 0.9 * w:
            return w
    return None


def measure_page(lines: Sequence[str | TableRow]) -> list[str | TableRow]:
    """The page's text lines as PageLines that know the page's full line width. Pages differ: a cover or a
    preface is often set in a larger size than the body, a report's tables in a smaller one."""
    # Only a line that the next one continues can be a full line: headings, table captions and the last line of a
    # paragraph are not, and a page of tables and headings shows no full line at all. No text column is narrower
    # than a dozen Chinese characters; shorter lines are form answers (□ 是 √ 否) or labels.
    wrapped = [
        width
        for width in (
            display_width(clean_line(line))
            for line, after in itertools.pairwise(lines)
            if isinstance(line, str)
            and isinstance(after, str)
            and clean_line(after)
            and not _STARTS_BLOCK.match(clean_line(after))
            and not clean_line(line).endswith(_END)
            and not _LEADER.search(line)
            and not _LEADER.search(after)
        )
        if width >= _NARROWEST_COLUMN
    ]
    # Chinese and Japanese are set in fixed-width cells, so the lines of a column have the same width to a cell or
    # two; proportional Latin lines vary by a tenth or more, and the whole document's widths are the better guide.
    text = "".join(x for x in lines if isinstance(x, str))
    letters = sum(1 for c in text if not c.isspace())
    cjk = sum(1 for c in text if _wide(c))
    full = full_width(wrapped) if letters and cjk >= 0.5 * letters else None
    out: list[str | TableRow] = []
    for line in lines:
        if isinstance(line, str):
            if not isinstance(line, PageLine):
                line = PageLine(line)
            line.full = full
        out.append(line)
    return out


def _switches_language(current: str, line: str) -> bool:
    """A line of Latin words (no Chinese) after a Chinese line is another block — a title's English name, an
    English abstract — not the wrap of a Chinese sentence, which keeps Chinese on its next line."""
    return bool(_CJK_CHAR.match(current[-1]) and not _CJK_CHAR.search(line) and _LATIN_WORDS.match(line))


def _starts_paragraph(line: Line) -> bool:
    """A line read from positions starts a paragraph when it is indented from its column's left margin (a
    first-line indent) — a centred line does not by itself: it may be the second line of a title (a centred
    heading after a paragraph follows a line that stopped short, which ended that paragraph)."""
    if line.left is None or line.x0 - line.left <= 0.6 * line.size:
        return False
    return not _is_centred(line)


_FIRST_WORD = re.compile(r"[A-Za-z0-9'’.,%-]+")
_CLOSING = "、。，；：？！）」』”’》〉】"


def _stops_short(line: Line, after: object) -> bool | None:
    """Whether a line stops before its column's right margin (None when the margin is not known): short by more
    than the next line's first word or character would have needed (a Latin word, or a Chinese character with
    the closing marks that may not start a line), or, before no line, by more than a character."""
    if line.right is None:
        return None
    room = line.right - line.x1
    text = clean_line(after) if isinstance(after, str) and getattr(after, "geo", None) is not None else ""
    if not text:
        return room > 1.0 * line.size
    word = _FIRST_WORD.match(text)
    if word:
        need = 0.55 * line.size * len(word.group(0)) + 0.3 * line.size
    else:
        head = 1 + len(text[1:]) - len(text[1:].lstrip(_CLOSING))
        need = head * line.size
    return room > max(need, 1.0 * line.size)


def join_lines(lines: Sequence[str | TableRow]) -> list[str | TableRow]:
    """Re-join hard-wrapped lines into paragraphs.

    A line ends its paragraph when it ends a sentence and stops short of the right margin of its column, or when
    the next line opens a heading, list item or note. Lines read from character positions know their margins and
    the space above them (a first-line indent or a wider space starts a paragraph; a centred line continues a
    centred title); lines from the text layer alone are measured against the width of a full line of their page.
    """
    text_lines = [x for x in lines if isinstance(x, str)]
    if not text_lines:
        return list(lines)
    widths = sorted(display_width(clean_line(x)) for x in text_lines)
    overall = widths[int(len(widths) * 0.9) - 1 if len(widths) > 1 else 0]
    paragraphs: list[str | TableRow] = []
    current = ""
    for i, raw in enumerate(lines):
        if isinstance(raw, TableRow):
            if current:
                paragraphs.append(current)
                current = ""
            paragraphs.append(raw)
            continue
        line = clean_line(raw)
        geo: Line | None = getattr(raw, "geo", None)
        if geo is not None and geo.left is not None:
            indented = _starts_paragraph(geo) or getattr(raw, "gap_before", False)
        else:
            indented = raw.startswith(("\u3000", "  "))
        if current and (indented or _STARTS_BLOCK.match(line) or _switches_language(current, line)):
            paragraphs.append(current)
            current = ""
        # Latin words broken at the line end need their space back (And / they); Chinese joins without one.
        if current and _latin_break(current, line):
            current += " "
        current += line
        after = lines[i + 1] if i + 1 < len(lines) else None
        measured = _stops_short(geo, after) if geo is not None else None
        if geo is None or measured is None:
            full = getattr(raw, "full", None) or overall
            short = display_width(line) < full * 0.85
        else:
            short = measured and not _title_goes_on(geo, after)
        if current.endswith(_OPENERS) or _OPEN_LEADER.search(line):
            continue  # a line that ends on an opening bracket or quote (注：①〔) or on dot leaders never ends its paragraph
        if _CONTENTS_ENTRY.search(line):
            short = True  # a contents entry (title ……… page) ends with its page number, however wide
        if (current.endswith(_END) and short) or (short and not current.endswith(("，", ","))):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\ufb00" <= ch <= "\ufb06")


def _latin_break(current: str, line: str) -> bool:
    """Latin words broken at the line end need their space back (And / they, work, / and, authorities /
    (Komite, Flight / 302); Chinese joins without one, and so do a hyphenated word's halves and a number broken
    after its decimal point (1. / 3万亿斤)."""
    if not line:
        return False
    first = line[1] if line[0] in "(“‘\"'[" and len(line) > 1 else line[0]
    digit = first.isascii() and first.isdigit()
    if not (_latin_letter(first) or digit):
        return False
    last = current.rstrip(",.;:!?)”’\"'")
    if not last or not (last[-1].isascii() and last[-1].isalnum()):
        return False
    # A number after Latin words (Flight / 302), not after a Latin abbreviation in Chinese (GDP / 2025年).
    return not (digit and (last[-1].isdigit() or _CJK_CHAR.search(current[-12:]) or _CJK_CHAR.match(line[1:2])))


def _title_goes_on(line: Line, after: object) -> bool:
    """A centred line is continued by a centred line of the same size right below it (a title set on two
    lines), unless that one opens a heading of its own."""
    geo = getattr(after, "geo", None)
    return (
        isinstance(after, str)
        and geo is not None
        and _is_centred(line)
        and _is_centred(geo)
        and not getattr(after, "gap_before", False)
        and abs(geo.size - line.size) < 0.5
        and not _STARTS_BLOCK.match(clean_line(after))
    )


def _is_centred(line: Line) -> bool:
    if line.left is None or line.right is None:
        return False
    indent, rest = line.x0 - line.left, line.right - line.x1
    return indent > 0.6 * line.size and abs(indent - rest) < 1.5 * line.size
