"""HTML pages: main text only. Scripts, styles, frames, forms and navigation are dropped;
nothing is executed and nothing is fetched (images and links are never followed)."""

from __future__ import annotations

import re
from pathlib import Path

from reader.document.importers.chrome import strip_chrome
from reader.document.importers.text import clean_line, decode
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed

_DROP = {
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "header",
    "footer",
    "aside",
    "svg",
    "canvas",
    "template",
    "img",
    "video",
    "audio",
    "link",
    "meta",
    "head",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
    "html",
}
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Class/id fragments that mark navigation or page furniture on government sites.
_CHROME_HINT = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|sidebar|share|banner|position|location", re.I)
# Class/id fragments that mark the article body (TRS_Editor and zoom are common on .gov.cn sites).
_MAIN_HINT = re.compile(r"trs_editor|zoom|article|content|main|text|detail|body", re.I)


def read(path: Path) -> RawDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"无法读取：{exc.strerror or exc}") from exc
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    text = None
    encoding = ""
    if declared:
        enc = declared.group(1).decode("ascii").lower()
        if enc in ("gb2312", "gbk"):
            enc = "gb18030"  # superset; gb2312-labelled pages often contain GBK characters
        try:
            text, encoding = data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode(data, path)
    return from_html(text, title=path.stem, source=path.name, encoding=encoding)


def from_html(markup: str, *, title: str, source: str = "", encoding: str = "") -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    page_title = soup.title.get_text(strip=True) if soup.title else ""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        marker = " ".join([str(tag.get("id", "")), " ".join(tag.get("class", []) or [])])
        if marker.strip() and _CHROME_HINT.search(marker) and not _MAIN_HINT.search(marker):
            tag.decompose()
    root = _main_element(soup)
    paragraphs: list[RawParagraph] = []
    _walk(root, paragraphs)
    lines = [p.text for p in paragraphs]
    kept, chrome = strip_chrome(lines)
    # strip_chrome only trims the ends: find where the kept run starts.
    start = next((i for i in range(len(lines)) if lines[i : i + len(kept)] == kept), 0)
    paragraphs = paragraphs[start : start + len(kept)]
    h1 = next((p.text for p in paragraphs if p.heading_level == 1), "")
    if not paragraphs:
        raise ImportFailed(source or title, "网页里没有找到正文", "请确认保存的是完整网页（.html）")
    meta = Metadata(
        title=h1 or page_title or title,
        source=source,
        format="html",
        encoding=encoding,
        date=chrome.date,
        breadcrumb=chrome.breadcrumb,
        extra=chrome.other,
    )
    return RawDocument(paragraphs=paragraphs, meta=meta)


def _main_element(soup: object):  # type: ignore[no-untyped-def]
    """The element holding the article: <article>/<main>, else the largest text container."""
    for name in ("article", "main"):
        found = soup.find(name)  # type: ignore[attr-defined]
        if found and len(found.get_text(strip=True)) > 200:
            return found
    best = None
    best_len = 0
    for tag in soup.find_all(["div", "td", "section"]):  # type: ignore[attr-defined]
        marker = " ".join([str(tag.get("id", "")), " ".join(tag.get("class", []) or [])])
        if marker.strip() and _MAIN_HINT.search(marker):
            n = len(tag.get_text(strip=True))
            if n > best_len:
                best, best_len = tag, n
    body = soup.body or soup  # type: ignore[attr-defined]
    if best is not None and best_len >= 0.5 * len(body.get_text(strip=True)):
        return best
    return body


def _walk(node: object, out: list[RawParagraph]) -> None:
    from bs4 import NavigableString, Tag

    buffer: list[str] = []

    def flush(level: int | None = None) -> None:
        text = clean_line(re.sub(r"[ \t\r\n\f]+", " ", "".join(buffer)))
        buffer.clear()
        if text:
            out.append(RawParagraph(text, heading_level=level))

    for child in node.children:  # type: ignore[attr-defined]
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction", "CData"):
                continue
            buffer.append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name == "br":
                flush()
            elif name == "tr":
                flush()
                cells = [clean_line(c.get_text(" ", strip=True)) for c in child.find_all(["td", "th"])]
                if any(cells):
                    out.append(RawParagraph("\t".join(cells), table_row=True))
            elif name in _HEADING:
                flush()
                text = clean_line(re.sub(r"\s+", " ", child.get_text(" ", strip=True)))
                if text:
                    out.append(RawParagraph(text, heading_level=_HEADING[name]))
            elif name in _BLOCK:
                flush()
                _walk(child, out)
            else:
                buffer.append(child.get_text())
    flush()
