"""Plain text in any common Chinese encoding: UTF-8 (with or without BOM), GB18030/GBK, UTF-16."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from reader.document.importers.chrome import strip_chrome
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed

Progress = Callable[[int, str], None]

# Characters that only occur in binary files, never in a text plan.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}
_DROP_CONTROL = dict.fromkeys(map(ord, _CONTROL))  # str.translate: control characters removed


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes to text and name the encoding; raise ImportFailed if it is not text or the encoding is unsure.

    BOMs first; then UTF-16 when zero bytes are frequent; then UTF-8 (a few stray NUL bytes, e.g. a leading one,
    are dropped: in UTF-8 and GBK a zero byte is never part of a character); then the legacy Chinese encodings,
    each decoding judged by how common its Chinese characters are, so that Big5 read as GBK (which decodes, into
    rare characters and private-use codes) is not taken for text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        body = data[: len(data) - len(data) % 2]  # a file cut off inside its last character keeps the rest
        return _strict(body, "utf-16", path), "utf-16"
    sample = data[:4096]
    zeros = sample.count(0)
    if zeros > max(2, len(sample) // 1000):  # UTF-16 without BOM: ASCII, digits and line ends leave zero bytes
        body = data[: len(data) - len(data) % 2]
        odd = sample[1::2].count(0)
        order = ("utf-16-le", "utf-16-be") if odd >= zeros - odd else ("utf-16-be", "utf-16-le")
        for enc in order:
            try:
                text = body.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc
        raise ImportFailed(path, "这不是文本文件（含有二进制数据）", "请选择 txt、html、docx 或 pdf 文件")
    if zeros:
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
            # A file cut off inside its last character (an interrupted download or copy): keep the rest.
            try:
                return data[: utf8_error.start].decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        best: tuple[float, str, str] | None = None
        for enc in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if enc.startswith("utf-16") and _han_count(text) < 8:
                continue  # UTF-16 with neither BOM nor zero bytes is only believable as Chinese text
            share = common_share(text)
            if _looks_like_text(text) and share >= MIN_COMMON_SHARE and (best is None or share > best[0]):
                best = (share, text, enc)
        if best is None:
            from charset_normalizer import from_bytes

            guess = from_bytes(data).best()
            if guess is not None and guess.encoding and _looks_like_text(str(guess)):
                if _han_count(str(guess)) >= 8 and common_share(str(guess)) >= MIN_COMMON_SHARE:
                    best = (0.0, str(guess), guess.encoding)
        if best is not None:
            return best[1], best[2]
        raise ImportFailed(
            path,
            f"无法可靠地识别文字编码（第 {utf8_error.start} 字节处不是有效的 UTF-8；按 GBK/GB18030 或 Big5 读出的都不像正常文字）",
            "请用记事本或 WPS 另存为 UTF-8 后再导入",
        ) from utf8_error
    gbk = _gbk_read_as_utf8(data, text)
    if gbk is not None:
        return gbk, "gb18030"
    return text, "utf-8"


def _gbk_read_as_utf8(data: bytes, text: str) -> str | None:
    """The GB18030 reading of a short GBK text whose bytes happen to be valid UTF-8, else None.

    目录 in GBK (C4 BF C2 BC) is also UTF-8 for 「Ŀ¼」; the odds fall with length, so this is a trap of short
    files (a title, a 附件 line). Chinese in UTF-8 is three bytes a character, so a UTF-8 reading without a single
    character from U+0800 up, whose GB18030 reading is common Chinese characters and CJK punctuation only, is GBK
    — unless its non-ASCII characters sit next to Latin letters (café, naïve: accented words) or are letters of
    one alphabet (Καλημέρα, Привет). GBK misread as UTF-8 mixes scripts and symbols: Ŀ¼, ֪ͨ.
    """
    wide = [i for i, ch in enumerate(text) if ord(ch) >= 0x80]
    if not wide or any(ord(text[i]) >= 0x800 for i in wide):
        return None
    if all(ord(text[i]) < 0x100 for i in wide):
        return None  # Latin-1 signs (½ cup, © 2024 ®) are believable; a lone ɭ or ȫ is not
    if any(text[j].isascii() and text[j].isalpha() for i in wide for j in (i - 1, i + 1) if 0 <= j < len(text)):
        return None
    scripts = {unicodedata.name(text[i], "?").split()[0] if text[i].isalpha() else "?" for i in wide}
    if len(wide) > 1 and len(scripts) == 1 and "?" not in scripts:
        return None  # words of one alphabet: Καλημέρα, Привет
    try:
        gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    chinese = [ch for ch in gbk if ord(ch) >= 0x80]
    if not chinese or not all(_cjk(ch) for ch in chinese) or common_share(gbk) < MIN_COMMON_SHARE:
        return None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in chinese):
        return None
    return gbk


def _cjk(ch: str) -> bool:
    """A Chinese character or CJK punctuation / full-width form (what a GBK text is made of)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·"


# A Chinese text in the right encoding uses common characters (GB2312 level 1 or Big5's frequent set) almost only:
# 99–100 % in plans and in CPython's encoding samples; Big5 read as GBK gives 43 %, Shift-JIS read as GBK 22 %.
MIN_COMMON_SHARE = 0.8


def _han_count(text: str) -> int:
    return sum(1 for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff")


def common_share(text: str) -> float:
    """The share of the Chinese characters in (the first 20,000 characters of) ``text`` that are common ones;
    1.0 when there are none."""
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 1.0
    return sum(1 for ch in han if _common(ch)) / len(han)


@functools.lru_cache(maxsize=32768)
def _common(ch: str) -> bool:
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:  # GB2312 level 1: the 3,755 most used characters
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6  # Big5's 5,401 frequently used characters
    except UnicodeEncodeError:
        return False


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
    bad = sum(1 for ch in sample if ch in _CONTROL or ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    return bad <= len(sample) * 0.001


def read(path: Path, progress: Progress | None = None) -> RawDocument:
    """Import a .txt file: one paragraph per non-empty line, chrome lines become metadata."""
    from reader.document.importers import read_bytes, too_long

    data = read_bytes(path, progress)
    text, encoding = decode(data, path)
    del data
    too_long(path, text)
    if not text.strip("\ufeff \t\r\n\u3000"):
        raise ImportFailed(path, "文件里没有可读的正文（只有空白或编码标记）", "请确认文件已完整保存")
    if not _looks_like_text(text):
        raise ImportFailed(path, "这不是文本文件（含有二进制数据）", "请选择 txt、html、docx 或 pdf 文件")
    return from_text(text, title=path.stem, source=path.name, fmt="txt", encoding=encoding)


def from_text(text: str, *, title: str, source: str = "", fmt: str = "txt", encoding: str = "") -> RawDocument:
    """Split text into paragraphs (one per line), keeping punctuation exactly as written."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, chrome = strip_chrome(lines)
    lines = table_lines(unwrap(lines))
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


def _width(line: str) -> int:
    """Columns a line takes in a fixed-width font: a Chinese character two, a Latin letter or digit one."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


# What opens a paragraph of its own: a heading's number, an item's, a dash, a box or an annex.
_OPENS_PARAGRAPH = re.compile(
    r"^[\s\u3000]*(?:第\s*[一二三四五六七八九十百零〇0-9]+\s*[篇章节条]|[一二三四五六七八九十]{1,3}[、．.]"
    r"|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9])|[\u2460-\u2473]|——|专栏|附件|附表|表\s*[0-9])"
)
_ENDS_PARAGRAPH = tuple("。！？!?；;：:”」』）)")
WRAP_SLACK = 8  # a wrapped line is at most this many columns short of the width (an indent, digits and spaces vary it)


def unwrap(lines: list[str]) -> list[str]:
    """Lines of a text wrapped at a fixed width — copied from a PDF or an old web page, or a Markdown file written
    with line breaks inside its paragraphs (「1995年国民收入生产额达到18250亿元，比1990年的」 / 「14300亿元增长27.6%，…」)
    — joined back into paragraphs; other texts are returned as they are.

    A text is wrapped when most of its lines are as wide as its most common width of 40 columns or more, give or take
    WRAP_SLACK, and hardly any is wider. A line that wide runs on into the next unless it ends a sentence or the next
    line is blank, a table row or opens a paragraph of its own (一、, （二）, 第三章, ——)."""
    line_widths = [_width(line.strip()) for line in lines]
    widths = [w for line, w in zip(lines, line_widths, strict=True) if line.strip() and "\t" not in line]
    wide = [w for w in widths if w >= 40]
    if len(wide) < 20:
        return lines
    width = Counter(wide).most_common(1)[0][0]
    full = sum(1 for w in widths if width - WRAP_SLACK <= w <= width + 2)
    wider = sum(1 for w in widths if w > width + WRAP_SLACK)
    if full < 0.3 * len(widths) or wider > 0.05 * len(widths):
        return lines
    out: list[str] = []
    runs_on = False
    for line, line_width in zip(lines, line_widths, strict=True):
        text = line.strip()
        if runs_on and text and "\t" not in line and not _OPENS_PARAGRAPH.match(line):
            joint = " " if out[-1][-1:].isascii() and out[-1][-1:].isalpha() and text[:1].isascii() else ""
            out[-1] = out[-1] + joint + text
        else:
            out.append(line.rstrip())
        last = out[-1].strip()
        runs_on = (
            bool(text) and "\t" not in line and line_width >= width - WRAP_SLACK and not last.endswith(_ENDS_PARAGRAPH)
        )
    return out


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
    return line.translate(_DROP_CONTROL).strip(" \t\u3000\u00a0\ufeff")
