"""HTML pages: main text only. Scripts, styles, frames, forms and navigation are dropped;
nothing is executed and nothing is fetched (images and links are never followed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader.document.importers.chrome import find_chrome
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
_CRUMB_HINT = re.compile(r"breadcrumb|crumb|position|location", re.I)
# Class/id fragments that mark the article body (TRS_Editor and zoom are common on .gov.cn sites).
_MAIN_HINT = re.compile(r"trs_editor|zoom|article|content|main|text|detail|body", re.I)


def read(path: Path, progress: Callable[[int, str], None] | None = None) -> RawDocument:
    from reader.document.importers import read_bytes, too_long

    data = read_bytes(path, progress)
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
    too_long(path, re.sub(r"<[^>]*>", "", text))  # the markup does not count, the text does
    return from_html(text, title=path.stem, source=path.name, encoding=encoding)


def from_html(markup: str, *, title: str, source: str = "", encoding: str = "") -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    page_title = soup.title.get_text(strip=True) if soup.title else ""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    breadcrumb = ""
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        marker = " ".join([str(tag.get("id", "")), " ".join(tag.get("class") or [])])
        if marker.strip() and _CHROME_HINT.search(marker) and not _MAIN_HINT.search(marker):
            if not breadcrumb and _CRUMB_HINT.search(marker):
                breadcrumb = clean_line(re.sub(r"\s+", " ", tag.get_text(" ", strip=True)))
            tag.decompose()
    root = _main_element(soup)
    paragraphs: list[RawParagraph] = []
    headline = _headline_outside(soup, root)
    if headline:
        paragraphs.append(RawParagraph(headline, heading_level=1))
    _walk(root, paragraphs)
    drop, chrome = find_chrome([p.text for p in paragraphs], lambda i: paragraphs[i].heading_level in (1, 2))
    paragraphs = [p for n, p in enumerate(paragraphs) if n not in drop]
    h1 = next((p.text for p in paragraphs if p.heading_level == 1), "")
    if not paragraphs:
        raise ImportFailed(source or title, "网页里没有找到正文", "请确认保存的是完整网页（.html）")
    meta = Metadata(
        title=h1 or page_title or title,
        source=source,
        format="html",
        encoding=encoding,
        date=chrome.date,
        breadcrumb=chrome.breadcrumb or breadcrumb,
        extra=chrome.other,
    )
    return RawDocument(paragraphs=paragraphs, meta=meta)


def _main_element(soup: object):
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
    body: Any = soup.body or soup  # type: ignore[attr-defined]
    if best is not None and best_len >= 0.5 * len(body.get_text(strip=True)):
        return best
    return body


def _headline_outside(soup: Any, root: Any) -> str:
    """The page's headline when the article's body element leaves it out (older sites set the title in a table
    cell above the body's div): the first h1 — or h2 when there is none — before the body, if the body holds
    no heading of that rank."""
    for name in ("h1", "h2"):
        found = soup.find(name)
        if found is None:
            continue
        if root.find(name) is not None or root is found or any(p is found for p in root.parents):
            return ""
        text = clean_line(re.sub(r"\s+", " ", found.get_text(" ", strip=True)))
        precedes = found.find_next(lambda tag: tag is root) is not None
        return text if precedes and 0 < len(text) <= 80 else ""
    return ""


def _rows(table: object) -> list[object]:
    """The table's own rows (not those of tables nested in its cells)."""
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]  # type: ignore[attr-defined]


def _cell_text(cell: object) -> str:
    """A cell's text on one line; a table nested in it is read row by row, cells joined by spaces."""
    return clean_line(re.sub(r"\s+", " ", cell.get_text(" ", strip=True)))  # type: ignore[attr-defined]


def _span(cell: object, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), 100))  # type: ignore[attr-defined]
    except ValueError:
        return 1


def _is_layout(rows: list[object]) -> bool:
    """A table that only positions the page (old .gov.cn pages wrap the article in them): one cell per row, or
    cells holding paragraphs and headings rather than values."""
    widths = [len(tr.find_all(["td", "th"], recursive=False)) for tr in rows]  # type: ignore[attr-defined]
    if not rows or max(widths) <= 1:
        return True
    for tr in rows:
        for cell in tr.find_all(["td", "th"], recursive=False):  # type: ignore[attr-defined]
            if cell.find(["p", "div", "h1", "h2", "h3", "h4", "table"]) and len(cell.get_text(strip=True)) > 200:
                return True
    return False


def _layout_cells(table: object) -> list[object] | None:
    """The cells of a layout table, in reading order, to be read as blocks; None for a data table."""
    rows = _rows(table)
    if not _is_layout(rows):
        return None
    return [cell for tr in rows for cell in tr.find_all(["td", "th"], recursive=False)]  # type: ignore[attr-defined]


def _table(table: object, out: list[RawParagraph]) -> None:
    """A data table as rows of cells, spans placed on a grid (merged cells left empty)."""
    rows = _rows(table)
    caption = table.find("caption")  # type: ignore[attr-defined]
    if caption is not None and caption.find_parent("table") is table:
        text = _cell_text(caption)
        if text:
            out.append(RawParagraph(text))
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):  # type: ignore[attr-defined]
            while (r, c) in grid:
                c += 1
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = _cell_text(cell)
            c += cs
    if not grid:
        return
    width = max(c for _r, c in grid) + 1
    for r in range(len(rows)):
        cells = [grid.get((r, c), "") for c in range(width)]
        if any(cells):
            out.append(RawParagraph("\t".join(cells), table_row=True))


def _walk(node: object, out: list[RawParagraph]) -> None:
    """The paragraphs under ``node``, in document order. Iterative (an explicit stack, not recursion): pages nest
    elements ten thousand deep (unclosed <p>, generated <div>s) and layout tables inside layout tables."""
    from bs4 import NavigableString, Tag

    def flush(buffer: list[str], level: int | None = None) -> None:
        text = clean_line(re.sub(r"[ \t\r\n\f]+", " ", "".join(buffer)))
        buffer.clear()
        if text:
            out.append(RawParagraph(text, heading_level=level))

    # Each frame: the children still to read at one level, and the text gathered at that level.
    stack: list[tuple[Iterator[Any], list[str]]] = [(iter(node.children), [])]  # type: ignore[attr-defined]
    while stack:
        children, buffer = stack[-1]
        child = next(children, None)
        if child is None:
            flush(buffer)
            stack.pop()
            continue
        if isinstance(child, _Cells):  # the cells of a layout table, each read as a block
            stack.append((iter(child.cells), []))
            continue
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction", "CData"):
                continue
            buffer.append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name == "br":
                flush(buffer)
            elif name == "table":
                flush(buffer)
                cells = _layout_cells(child)
                if cells is None:
                    _table(child, out)
                else:
                    stack.append((iter([_Cells(cells)]), []))
            elif name == "tr":  # a row outside any <table> (broken markup): its cells as one row
                flush(buffer)
                row = [_cell_text(c) for c in child.find_all(["td", "th"], recursive=False)]
                if any(row):
                    out.append(RawParagraph("\t".join(row), table_row=True))
            elif name in _HEADING:
                flush(buffer)
                text = clean_line(re.sub(r"\s+", " ", child.get_text(" ", strip=True)))
                if text:
                    out.append(RawParagraph(text, heading_level=_HEADING[name]))
            elif name in _BLOCK or name in ("td", "th"):
                flush(buffer)
                stack.append((iter(child.children), []))
            else:
                buffer.append(child.get_text())


class _Cells:
    """A marker on the walk's stack: the cells of a layout table."""

    def __init__(self, cells: list[object]) -> None:
        self.cells = cells
