"""Word .docx files: paragraph styles (Heading 1…, 标题 1…) and outline levels become heading hints.

Only the main document part is read; external relationships (linked images,
remote templates) are never fetched. The archive is checked for zip bombs first.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from reader.document.importers.text import clean_line
from reader.document.model import Metadata, RawDocument, RawParagraph
from reader.errors import ImportFailed

MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
_HEADING_STYLE = re.compile(r"^(heading|标题)\s*(\d)$", re.I)


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if "word/document.xml" not in names:
                raise ImportFailed(
                    path, "这不是有效的 Word 文档（缺少 word/document.xml）", "请用 Word 或 WPS 另存为 .docx"
                )
            total = 0
            for info in zf.infolist():
                total += info.file_size
                if (
                    info.compress_size
                    and info.file_size / info.compress_size > MAX_RATIO
                    and info.file_size > 10_000_000
                ):
                    raise ImportFailed(path, "文件内部数据异常膨胀（疑似压缩炸弹）", "该文件不会被打开")
            if total > MAX_UNCOMPRESSED:
                raise ImportFailed(path, "文件解压后过大（疑似压缩炸弹）", "该文件不会被打开")
    except zipfile.BadZipFile as exc:
        raise ImportFailed(path, "文件已损坏或不是 .docx 格式", "旧版 .doc 请先用 Word 或 WPS 另存为 .docx") from exc


def read(path: Path, progress: object = None) -> RawDocument:
    _check_archive(path)
    import docx  # python-docx
    import docx.table
    import docx.text.paragraph
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken parts
        raise ImportFailed(path, f"Word 文档无法解析：{exc}", "请用 Word 或 WPS 打开后另存为 .docx") from exc

    paragraphs: list[RawParagraph] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            para = docx.text.paragraph.Paragraph(child, document)
            text = clean_line(para.text)
            if text:
                paragraphs.append(RawParagraph(text, heading_level=_heading_level(para)))
        elif tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            above: list[object] = []
            for row in table.rows:
                cells: list[str] = []
                elements: list[object] = []
                for col, cell in enumerate(row.cells):
                    # python-docx repeats a merged cell's object: across a row for gridSpan, down a column for
                    # vMerge. The text stands in the first grid cell it covers; the others are left empty.
                    if (elements and cell._tc is elements[-1]) or (col < len(above) and above[col] is cell._tc):
                        elements.append(cell._tc)
                        cells.append("")
                        continue
                    elements.append(cell._tc)
                    cells.append(_cell_text(cell))
                above = [c._tc for c in row.cells]
                if any(cells):
                    paragraphs.append(RawParagraph("\t".join(cells), table_row=True))
    if not paragraphs:
        raise ImportFailed(path, "Word 文档里没有文字", "请确认文档不是只有图片")
    props = document.core_properties
    title = (props.title or "").strip() or path.stem
    meta = Metadata(
        title=title, source=path.name, format="docx", date=str(props.created.date()) if props.created else ""
    )
    return RawDocument(paragraphs=paragraphs, meta=meta)


def _cell_text(cell: object) -> str:
    """A cell's paragraphs and the rows of any table nested in it, in order, on one line."""
    import docx.table
    import docx.text.paragraph
    from docx.oxml.ns import qn

    parts: list[str] = []
    for child in cell._tc.iterchildren():  # type: ignore[attr-defined]
        if child.tag == qn("w:p"):
            parts.append(docx.text.paragraph.Paragraph(child, cell).text)  # type: ignore[arg-type]
        elif child.tag == qn("w:tbl"):
            for row in docx.table.Table(child, cell).rows:  # type: ignore[arg-type]
                seen: list[object] = []
                texts = []
                for c in row.cells:
                    if c._tc not in seen:
                        seen.append(c._tc)
                        texts.append(_cell_text(c))
                parts.append(" ".join(t for t in texts if t))
    return clean_line(" ".join(p.strip() for p in parts if p.strip()))


def _heading_level(para: object) -> int | None:
    style = getattr(para, "style", None)
    name = getattr(style, "name", "") or ""
    m = _HEADING_STYLE.match(name.strip())
    if m:
        return int(m.group(2))
    if name.strip().lower() == "title":
        return 1
    # Direct outline level on the paragraph (w:outlineLvl), used by many Chinese templates.
    ppr = para._p.pPr  # type: ignore[attr-defined]
    if ppr is not None:
        from docx.oxml.ns import qn

        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is not None:
            try:
                value = int(lvl.get(qn("w:val")))
            except (TypeError, ValueError):  # a malformed level is no level, not a broken document
                return None
            if 0 <= value < 9:
                return value + 1
    return None
