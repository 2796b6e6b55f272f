"""PDF with a text layer: page headers/footers and page numbers dropped, lines re-joined into paragraphs.

Ruled tables (the 主要指标 table of a plan, project lists) are read cell by cell with pdfplumber and take the place
of the loose lines the text layer gives for them; only pages whose content stream draws rules are looked at, so
the rest of a document is read exactly as before and large PDFs do not pay for table detection.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.document.importers.text import clean_line
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed

_PAGE_NUMBER = re.compile(r"^[-—－–\s]*(第\s*)?[0-9０-９ivxlcIVXLC]{1,4}\s*(页)?[-—－–\s]*$|^\d+\s*/\s*\d+$")
_OPENERS = ("〔", "（", "(", "“", "‘", "《", "【", "[", "「", "『")
_END = ("。", "！", "？", "：", "；", "”", "」", "…", "!", "?", ":")
# A line that starts a new paragraph even when the previous one did not end a sentence.
_STARTS_BLOCK = re.compile(
    r"^(第[一二三四五六七八九十百零〇两\d]+[篇章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|——|专栏|附件|注[:：])"
)


def read(path: Path, tables: bool = True) -> RawDocument:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about broken files are ours to report
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # unsupported encryption algorithms raise various errors
                ok = 0
            if not ok:
                raise ImportFailed(path, "PDF 已加密，需要密码才能读取", "请先用 PDF 阅读器去除密码后另存")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportFailed(
            path, f"PDF 文件已损坏或无法解析（{type(exc).__name__}）", "请重新下载或用其他软件另存为 PDF"
        ) from exc
    # Keep each line's indentation: a first-line indent is the best paragraph signal in Chinese PDFs.
    page_lines: list[list[str | TableRow]] = [
        [x.rstrip() for x in page.splitlines() if clean_line(x)] for page in pages
    ]
    for index, found in (_ruled_tables(path, reader) if tables else {}).items():
        for rows in found:
            page_lines[index] = _splice(page_lines[index], rows)
    if sum(len(x) for lines in page_lines for x in lines if isinstance(x, str)) < 20:
        raise ImportFailed(
            path,
            "PDF 没有文字层（可能是扫描件或图片）",
            "请先用 OCR 软件识别文字，或导入该文件的 Word/网页版本",
        )
    paragraphs = [
        RawParagraph(p.text, table_row=True) if isinstance(p, TableRow) else RawParagraph(p)
        for p in join_lines(drop_furniture(page_lines))
    ]
    title = path.stem
    info = reader.metadata
    if info is not None and info.title and info.title.strip():
        title = info.title.strip()
    return RawDocument(paragraphs=paragraphs, meta=Metadata(title=title, source=path.name, format="pdf"))


@dataclass(frozen=True)
class TableRow:
    """One row of a ruled table, its cells joined by tabs (merged cells left empty)."""

    text: str


# Drawing operators of a page's content stream with their operands: rectangles (x y w h re) and line segments
# (x y l). Bytes inside text strings can look like the operator names, never like a full operation.
_RULES = re.compile(rb"(?:-?[\d.]+\s+){4}re\s|(?:-?[\d.]+\s+){2}l\s")


def _ruled_tables(path: Path, reader: object) -> dict[int, list[list[list[str]]]]:
    """Rows of the ruled tables on each page that draws rules; empty when none or when detection fails."""
    candidates = []
    for i, page in enumerate(reader.pages):  # type: ignore[attr-defined]
        try:
            contents = page.get_contents()
            data = contents.get_data() if contents is not None else b""
        except Exception:  # a page whose stream cannot be read has no tables we can find
            continue
        if len(_RULES.findall(data)) >= 8:
            candidates.append(i)
    if not candidates:
        return {}
    out: dict[int, list[list[list[str]]]] = {}
    try:
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            for i in candidates:
                tables = []
                for table in pdf.pages[i].find_tables():
                    rows = [[_cell(c) for c in row] for row in table.extract()]
                    rows = [r for r in rows if any(r)]
                    if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                        tables.append(rows)
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
    threshold = max(2, len(pages) // 2)
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


def join_lines(lines: Sequence[str | TableRow]) -> list[str | TableRow]:
    """Re-join hard-wrapped lines into paragraphs.

    A line ends its paragraph when it ends a sentence and is shorter than a full
    line (the text stopped before the right margin), or when the next line opens
    a heading, list item or note.
    """
    text_lines = [x for x in lines if isinstance(x, str)]
    if not text_lines:
        return list(lines)
    full = sorted(len(clean_line(x)) for x in text_lines)[int(len(text_lines) * 0.9) - 1 if len(text_lines) > 1 else 0]
    paragraphs: list[str | TableRow] = []
    current = ""
    for raw in lines:
        if isinstance(raw, TableRow):
            if current:
                paragraphs.append(current)
                current = ""
            paragraphs.append(raw)
            continue
        line = clean_line(raw)
        indented = raw.startswith(("\u3000", "  "))
        if current and (indented or _STARTS_BLOCK.match(line)):
            paragraphs.append(current)
            current = ""
        current += line
        short = len(line) < full * 0.85
        if current.endswith(_OPENERS):
            continue  # a line that ends on an opening bracket or quote (注：①〔) never ends its paragraph
        if (current.endswith(_END) and short) or (short and not current.endswith(("，", ","))):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
