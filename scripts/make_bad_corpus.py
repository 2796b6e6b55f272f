"""Write the small files of the bad-input corpus to tests/fixtures/bad/ (large ones are made by the tests).

Usage: python scripts/make_bad_corpus.py
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bad"

PLAN = "第一章 总体要求\n一、发展目标\n到2025年，地区生产总值达到1.3万亿元左右。\n"
# Traditional characters as a Taiwan or Hong Kong page writes them (every character is in Big5).
TRADITIONAL = "第一章 總體要求\n一、發展目標\n到2025年，地區生產總值達到一萬三千億元左右，研究與試驗發展經費投入強度達到百分之三點五。\n"
JAPANESE = "第一章 総則\n目標：二〇二五年までに、地域の総生産を一兆三千億元程度にする。\n"


def docx(body_xml: str, rels: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + rels
            + "</Relationships>",
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
            + body_xml
            + "</w:body></w:document>",
        )
    return buf.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def pdf(password: str | None = None) -> bytes:
    """A one-page PDF with no text layer (what a scanner makes), optionally encrypted."""
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    if password:
        w.encrypt(password)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace-only.txt": "  \n\u3000\n\t\n".encode(),
        "binary-junk.txt": bytes(range(256)) * 8,
        "truncated-utf8.txt": PLAN.encode("utf-8")[:-2],
        "gbk-named-utf8.txt": ("<!-- charset=utf-8 -->\n" + PLAN).encode("gbk"),
        "mixed-line-endings.txt": "第一章 总则\r\n一、目标\r第一段文字。\n第二段文字。\r\n".encode(),
        "gb18030-rare.txt": ("𠀀 第一章 总体要求\n" + PLAN).encode("gb18030"),
        "utf16-no-bom.txt": PLAN.encode("utf-16-le"),
        "hostile.html": (
            "<html><head><meta charset='utf-8'><script>fetch('http://evil.example/x')</script>"
            "<link rel='stylesheet' href='http://evil.example/s.css'><style>p{}</style></head><body>"
            "<nav>首页 &gt; 政策</nav><iframe src='http://evil.example/frame'></iframe>"
            "<img src='http://evil.example/track.png' onerror='alert(1)'>"
            "<h1>第一章 总体要求</h1><p>到2025年，地区生产总值达到1.3万亿元左右。</p>"
            "<object data='http://evil.example/o.swf'></object><p onclick='steal()'>一、发展目标</p>"
            "</body></html>"
        ).encode(),
        "not-html.html": bytes(range(256)) * 4,
        "external-rels.docx": docx(
            para("第一章 总体要求") + para("到2025年，地区生产总值达到1.3万亿元左右。"),
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
            ' Target="http://evil.example/track.png" TargetMode="External"/>'
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"'
            ' Target="file:///C:/evil/template.dotm" TargetMode="External"/>',
        ),
        "truncated.docx": docx(para("第一章"))[:300],
        "not-a-pdf.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
        "truncated.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >>",
        "含空格 与中文 的文件名.txt": PLAN.encode("utf-8"),
        "scanned-no-text.pdf": pdf(),
        "encrypted.pdf": pdf("secret"),
        # Encodings that decode without error into the wrong text unless the decoding is judged (issue #14).
        "big5.txt": TRADITIONAL.encode("big5"),
        "nul-led-utf8.txt": b"\x00" + PLAN.encode("utf-8"),
        "all-nuls.txt": b"\x00" * 4096,
        "bom-only.txt": codecs.BOM_UTF8,
        "bom-only-utf16.txt": codecs.BOM_UTF16_LE,
        "truncated-utf16.txt": (codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le"))[:-1],
        "shift-jis.txt": JAPANESE.encode("shift_jis"),
        # Markup that used to stop the importers.
        "bad-outline-level.docx": docx(
            '<w:p><w:pPr><w:outlineLvl w:val="x"/></w:pPr><w:r><w:t>第一章 总体要求</w:t></w:r></w:p>'
            + para("到2025年，地区生产总值达到1.3万亿元左右。")
        ),
        "unclosed-p.html": ("<html><body><h1>第一章 总体要求</h1>" + "<p>一段没有结束标记的话。" * 2000).encode(),
        "deep-divs.html": (
            "<html><body>" + "<div>" * 10000 + "<p>第一章 总体要求</p><p>" + PLAN + "</p>" + "</div>" * 10000
        ).encode(),
        "nested-layout-tables.html": (
            "<html><body>"
            + "<table><tr><td>" * 300
            + "<h1>第一章 总体要求</h1><p>到2025年，地区生产总值达到1.3万亿元左右。</p>"
            + "</td></tr></table>" * 300
        ).encode(),
        "unknown-security-handler.pdf": pdf("secret").replace(b"/Standard", b"/FooBarX"),
    }
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    print(f"wrote {len(files)} files to {OUT}")


if __name__ == "__main__":
    main()
