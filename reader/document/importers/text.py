"""Plain text in any common Chinese encoding: UTF-8 (with or without BOM), GB18030/GBK, UTF-16."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.document.importers.chrome import strip_chrome
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed

# Characters that only occur in binary files, never in a text plan.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes to text and name the encoding; raise ImportFailed if it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    # UTF-16 without BOM: every other byte is zero for ASCII-heavy text,
    # and CJK text in UTF-16 decodes cleanly while failing as UTF-8.
    if len(data) >= 4 and b"\x00" in data[:200]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc
        raise ImportFailed(path, "这不是文本文件（含有二进制数据）", "请选择 txt、html、docx 或 pdf 文件")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
            # A file cut off inside its last character (an interrupted download or copy): keep the rest.
            try:
                return data[: utf8_error.start].decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_like_text(text):
            return text, "gb18030"
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding and _looks_like_text(str(best)):
            return str(best), best.encoding
        raise ImportFailed(
            path,
            f"无法识别文字编码（第 {utf8_error.start} 字节处不是有效的 UTF-8，也不是 GBK/GB18030）",
            "请用记事本或 WPS 另存为 UTF-8 后再导入",
        ) from utf8_error


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            path,
            f"文件声明为 {encoding} 编码，但第 {exc.start} 字节处的数据已损坏",
            "文件可能被截断，请重新下载或另存",
        ) from exc


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if ch in _CONTROL or ch == "\ufffd")
    return bad <= len(sample) * 0.001


def read(path: Path) -> RawDocument:
    """Import a .txt file: one paragraph per non-empty line, chrome lines become metadata."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"无法读取：{exc.strerror or exc}") from exc
    text, encoding = decode(data, path)
    if not _looks_like_text(text):
        raise ImportFailed(path, "这不是文本文件（含有二进制数据）", "请选择 txt、html、docx 或 pdf 文件")
    return from_text(text, title=path.stem, source=path.name, fmt="txt", encoding=encoding)


def from_text(text: str, *, title: str, source: str = "", fmt: str = "txt", encoding: str = "") -> RawDocument:
    """Split text into paragraphs (one per line), keeping punctuation exactly as written."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, chrome = strip_chrome(lines)
    lines = table_lines(lines)
    paragraphs = []
    for line in lines:
        cleaned = clean_line(line)
        if cleaned:
            # Tab-separated cells (a table pasted from Word or Excel) are one table row; empty cells at either end
            # (a merged 类别 or 属性 of a continuation row) are kept so every row has the header's columns.
            is_row = cleaned.count("\t") >= 2
            row = "\t".join(clean_line(cell) for cell in line.split("\t"))
            paragraphs.append(RawParagraph(row if is_row else cleaned, table_row=is_row))
    if not paragraphs:
        raise ImportFailed(source or title, "文件里没有可读的正文", "请确认文件内容不是空白")
    meta = Metadata(
        title=title,
        source=source,
        format=fmt,
        encoding=encoding,
        date=chrome.date,
        breadcrumb=chrome.breadcrumb,
        extra=chrome.other,
    )
    return RawDocument(paragraphs=paragraphs, meta=meta)


# Cells separated by ｜ or | (a table copied from a web page or written in Markdown), or by runs of spaces.
_BAR = re.compile(r"\s*[｜|]\s*")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$")
_GAP = re.compile(r"(?: {2,}|\u3000{2,}| ?\u3000 ?\u3000)")


def table_lines(lines: list[str]) -> list[str]:
    """Rewrite the other forms of a table row as tab-separated cells: ``a｜b｜c`` and ``| a | b |`` (two or more
    bars), and runs of two or more lines whose fields are aligned by runs of spaces (the same number of fields,
    three or more). Markdown's ``|---|---|`` rule lines are dropped. Prose is left as it is."""
    out: list[str] = []
    for line in lines:
        if _MD_RULE.match(line):
            continue
        body = line.strip()
        if body.count("｜") + body.count("|") >= 2 and "\t" not in body:
            cells = _BAR.split(body.strip("｜|").strip())
            out.append("\t".join(cells))
        else:
            out.append(line)
    # Space-aligned columns: only where neighbouring lines agree on the number of fields.
    fields = [len(_GAP.split(x.strip())) if "\t" not in x and x.strip() else 0 for x in out]
    i = 0
    while i < len(out):
        n = fields[i]
        j = i
        while j < len(out) and n >= 3 and fields[j] == n:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                out[k] = "\t".join(_GAP.split(out[k].strip()))
            i = j
        else:
            i += 1
    return out


def clean_line(line: str) -> str:
    """Trim indentation (ASCII and ideographic spaces) and stray control characters."""
    line = "".join(ch for ch in line if ch not in _CONTROL or ch == "\t")
    return line.strip(" \t\u3000\u00a0\ufeff")
