"""PDF with a text layer: page headers/footers and page numbers dropped, lines re-joined into paragraphs."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from reader.document.importers.text import clean_line
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed

_PAGE_NUMBER = re.compile(r"^[-—－–\s]*(第\s*)?[0-9０-９ivxlcIVXLC]{1,4}\s*(页)?[-—－–\s]*$|^\d+\s*/\s*\d+$")
_END = ("。", "！", "？", "：", "；", "”", "」", "…", "!", "?", ":")
# A line that starts a new paragraph even when the previous one did not end a sentence.
_STARTS_BLOCK = re.compile(
    r"^(第[一二三四五六七八九十百零〇两\d]+[篇章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|——|专栏|附件|注[:：])"
)


def read(path: Path) -> RawDocument:
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
    page_lines = [[x.rstrip() for x in page.splitlines() if clean_line(x)] for page in pages]
    if sum(len(x) for lines in page_lines for x in lines) < 20:
        raise ImportFailed(
            path,
            "PDF 没有文字层（可能是扫描件或图片）",
            "请先用 OCR 软件识别文字，或导入该文件的 Word/网页版本",
        )
    paragraphs = [RawParagraph(p) for p in join_lines(drop_furniture(page_lines))]
    title = path.stem
    info = reader.metadata
    if info is not None and info.title and info.title.strip():
        title = info.title.strip()
    return RawDocument(paragraphs=paragraphs, meta=Metadata(title=title, source=path.name, format="pdf"))


def drop_furniture(pages: list[list[str]]) -> list[str]:
    """Drop page numbers and lines that repeat at the top or bottom of many pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line)

    edge: Counter[str] = Counter()
    for lines in pages:
        for line in {*lines[:2], *lines[-2:]}:
            if not clean_line(line).endswith(_END):  # running heads are not sentences
                edge[key(clean_line(line))] += 1
    threshold = max(2, len(pages) // 2)
    repeated = {k for k, n in edge.items() if n >= threshold} if len(pages) >= 3 else set()
    out: list[str] = []
    for lines in pages:
        for i, line in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            bare = clean_line(line)
            if at_edge and (_PAGE_NUMBER.match(bare) or key(bare) in repeated):
                continue
            out.append(line)
    return out


def join_lines(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped lines into paragraphs.

    A line ends its paragraph when it ends a sentence and is shorter than a full
    line (the text stopped before the right margin), or when the next line opens
    a heading, list item or note.
    """
    if not lines:
        return []
    full = sorted(len(clean_line(x)) for x in lines)[int(len(lines) * 0.9) - 1 if len(lines) > 1 else 0]
    paragraphs: list[str] = []
    current = ""
    for raw in lines:
        line = clean_line(raw)
        indented = raw.startswith(("\u3000", "  "))
        if current and (indented or _STARTS_BLOCK.match(line)):
            paragraphs.append(current)
            current = ""
        current += line
        short = len(line) < full * 0.85
        if (current.endswith(_END) and short) or (short and not current.endswith(("，", ","))):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
