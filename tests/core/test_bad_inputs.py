"""The bad-input corpus (tests/fixtures/bad, made by scripts/make_bad_corpus.py) plus large generated files.

Every input gets a clear error (what, which file, what to do) or a correct import, and a failed import leaves
nothing behind in the library.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reader.document.importers import read_file
from reader.errors import ImportFailed
from reader.session import Session

from ..conftest import ROOT

BAD = ROOT / "tests" / "fixtures" / "bad"

# file -> ("ok", text the first block starts with) | ("error", words the message must contain)
EXPECTED = {
    "empty.txt": ("error", "空"),
    "whitespace-only.txt": ("error", "没有可读的正文"),
    "binary-junk.txt": ("error", "不是文本文件"),
    "truncated-utf8.txt": ("ok", "第一章 总体要求"),
    "gbk-named-utf8.txt": ("ok", "<!-- charset=utf-8 -->"),
    "mixed-line-endings.txt": ("ok", "第一章 总则"),
    "gb18030-rare.txt": ("ok", "𠀀 第一章 总体要求"),
    "utf16-no-bom.txt": ("ok", "第一章 总体要求"),
    "hostile.html": ("ok", "第一章 总体要求"),
    "not-html.html": ("error", "不是文本文件"),
    "external-rels.docx": ("ok", "第一章 总体要求"),
    "truncated.docx": ("error", "损坏"),
    "not-a-pdf.pdf": ("error", "损坏"),
    "truncated.pdf": ("error", "损坏"),
    "含空格 与中文 的文件名.txt": ("ok", "第一章 总体要求"),
    "scanned-no-text.pdf": ("error", "没有文字层"),
    "encrypted.pdf": ("error", "加密"),
    "big5.txt": ("ok", "第一章 總體要求"),
    "nul-led-utf8.txt": ("ok", "第一章 总体要求"),
    "all-nuls.txt": ("error", "不是文本文件"),
    "bom-only.txt": ("error", "没有可读的正文"),
    "bom-only-utf16.txt": ("error", "没有可读的正文"),
    "truncated-utf16.txt": ("ok", "第一章 总体要求"),
    "shift-jis.txt": ("ok", "第一章 総則"),
    "bad-outline-level.docx": ("ok", "第一章 总体要求"),
    "unclosed-p.html": ("ok", "第一章 总体要求"),
    "deep-divs.html": ("ok", "第一章 总体要求"),
    "nested-layout-tables.html": ("ok", "第一章 总体要求"),
    "unknown-security-handler.pdf": ("error", "加密"),
}


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


def _library_state(data: Path) -> list[str]:
    lib = data / "library"
    return sorted(str(p.relative_to(lib)) for p in lib.rglob("*")) if lib.exists() else []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gets_clear_error_or_correct_import(tmp_path: Path, name: str) -> None:
    session = Session(tmp_path / "data")
    session.library.entries()
    before = _library_state(session.data_dir)
    outcome, expected = EXPECTED[name]
    if outcome == "ok":
        doc, _, _ = session.import_file(BAD / name, index=False)
        assert doc.blocks[0].text.startswith(expected)
        assert doc.id in {e.id for e in session.library.entries()}
    else:
        with pytest.raises(ImportFailed) as info:
            session.import_file(BAD / name, index=False)
        message = str(info.value)
        assert expected in message and name in message and info.value.advice
        assert _library_state(session.data_dir) == before  # nothing partial left behind


def test_hostile_html_keeps_no_script_iframe_or_remote_reference(tmp_path: Path) -> None:
    doc, _, _ = Session(tmp_path / "d").import_file(BAD / "hostile.html", index=False)
    text = "\n".join(b.text for b in doc.blocks)
    for bad in ("evil.example", "fetch(", "alert", "steal", "首页 >"):
        assert bad not in text


def test_docx_external_relationships_are_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request

    def no_network(*_a: object, **_k: object) -> None:
        raise AssertionError("the importer tried to fetch a remote resource")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    doc, _, _ = Session(tmp_path / "d").import_file(BAD / "external-rels.docx", index=False)
    assert [b.text for b in doc.blocks][-1].startswith("到2025年")


def test_50_mb_text_is_refused_clearly(tmp_path: Path) -> None:
    big = tmp_path / "五十兆.txt"
    line = ("到2025年，地区生产总值达到1.3万亿元左右。" * 20 + "\n").encode("utf-8")
    with big.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    session = Session(tmp_path / "d")
    with pytest.raises(ImportFailed, match="上限") as info:
        session.import_file(big, index=False)
    assert "拆分" in str(info.value)
    assert [e.id for e in session.library.entries()] == ["dongguan-14th-fyp"]


def test_too_long_text_of_short_lines_is_refused_before_anything_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """40 MB of short lines used to take 3.4 GB and 31 s before the refusal (paragraphs and the tree were built
    first); now the decoded text is measured first."""
    import resource

    from reader.document import structure

    big = tmp_path / "short-lines.txt"
    with big.open("w", encoding="utf-8") as f:
        for i in range(2_600_000):
            f.write(f"短行{i}\n")
    monkeypatch.setattr(structure, "build", lambda *a, **k: pytest.fail("built a tree for a text over the limit"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ImportFailed, match="上限"):
        Session(tmp_path / "d").import_file(big, index=False)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 600, f"peak memory grew by {grown_mb:.0f} MB"


@pytest.mark.integration
def test_import_can_be_cancelled_while_reading_and_building(tmp_path: Path) -> None:
    from reader.errors import Cancelled

    path = tmp_path / "lines.txt"
    path.write_text("\n".join(f"第{i}行。" for i in range(200_000)), encoding="utf-8")
    for stop_at in ("reading", "structure", "saving"):

        def progress(percent: int, stage: str, stop_at: str = stop_at) -> None:
            if stage == stop_at:
                raise Cancelled()

        session = Session(tmp_path / f"d-{stop_at}")
        with pytest.raises(Cancelled):
            session.import_file(path, progress=progress, index=False)
        assert [e.id for e in session.library.entries()] == ["dongguan-14th-fyp"]
        assert not list((tmp_path / f"d-{stop_at}").rglob("*.tmp"))
    # Long stages report (and so can be cancelled) as they go, not only between stages.
    stages: list[str] = []
    Session(tmp_path / "d-all").import_file(path, progress=lambda _p, stage: stages.append(stage), index=False)
    assert stages.count("structure") > 10 and stages.count("saving") > 1


def test_ten_thousand_line_single_paragraph_imports(tmp_path: Path) -> None:
    path = tmp_path / "one-paragraph.txt"
    path.write_text(
        "第一章 总体要求\n" + "".join(f"第{i}句没有换段的长文字，" for i in range(10_000)) + "。\n", encoding="utf-8"
    )
    doc, _, _ = Session(tmp_path / "d").import_file(path, index=False)
    assert max(len(b.text) for b in doc.blocks) > 100_000


def test_ten_thousand_short_lines_import(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(f"第{i}行。" for i in range(10_000)), encoding="utf-8")
    doc, _, _ = Session(tmp_path / "d").import_file(path, index=False)
    assert len(doc.blocks) >= 1 and sum(len(b.text) for b in doc.blocks) > 50_000


@pytest.mark.integration
def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (400 * 1024 * 1024) + "</w:document>")
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    session = Session(tmp_path / "d")
    with pytest.raises(ImportFailed) as info:
        session.import_file(path, index=False)
    assert "bomb.docx" in str(info.value)
    assert [e.id for e in session.library.entries()] == ["dongguan-14th-fyp"]


def test_read_only_data_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from reader import fileio
    from reader.errors import ReaderError

    session = Session(tmp_path / "d")

    def denied(*_a: object, **_k: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileio.tempfile, "mkstemp", denied)
    with pytest.raises(ReaderError, match="只读"):
        session.import_file(BAD / "含空格 与中文 的文件名.txt", index=False)
    monkeypatch.undo()
    assert [e.id for e in session.library.entries()] == ["dongguan-14th-fyp"]


def test_cancelling_a_pdf_import_stops_it_there(tmp_path: Path) -> None:
    """Cancel while the pages of a PDF are read: the import stops at once; it does not start over on the text
    layer (the fallback for files the position reader cannot read)."""
    from reader.errors import Cancelled

    calls: list[str] = []

    def progress(percent: int, stage: str) -> None:
        calls.append(stage)
        if stage.startswith("第 3/"):
            raise Cancelled()

    session = Session(tmp_path / "d")
    source = Path(__file__).parent.parent / "fixtures" / "pdf" / "issue-67-example.pdf"  # 22 pages
    with pytest.raises(Cancelled):
        session.import_file(source, progress=progress, index=False)
    assert calls[-1].startswith("第 3/") and sum(c.startswith("第 ") for c in calls) == 3
    assert [e.id for e in session.library.entries()] == ["dongguan-14th-fyp"]


def test_a_file_over_the_size_limit_is_refused_in_one_line_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "规划全文.txt"
    with big.open("wb") as f:  # sparse: 201 MB on paper, nothing on disk
        f.truncate(201 * 1024 * 1024)
    with pytest.raises(ImportFailed) as info:
        read_file(big)
    assert str(info.value) == f"无法导入 {big}：文件过大（201 MB）（单个文件上限为 200 MB）"


def test_a_file_name_with_a_nul_character_is_one_clear_line(tmp_path: Path) -> None:
    name = str(tmp_path / "规划\x00全文.txt")
    with pytest.raises(ImportFailed) as info:
        read_file(name)
    assert str(info.value) == f"无法导入 {name!r}：文件名中有无法识别的字符（请检查文件路径）"


def _docx_bomb(path: Path, members: int, size: int) -> Path:
    """A .docx whose parts inflate far beyond the file: zeros compress about a thousand times."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        for k in range(members):
            with zf.open(f"word/media/image{k}.bin", "w") as f:
                chunk = b"\0" * (1 << 20)
                for _ in range(size >> 20):
                    f.write(chunk)
    return path


def test_a_docx_part_that_inflates_a_thousand_times_is_refused_unopened(tmp_path: Path) -> None:
    bomb = _docx_bomb(tmp_path / "规划.docx", 1, 12 << 20)  # one 12 MB part in a few kilobytes
    with pytest.raises(ImportFailed) as info:
        read_file(bomb)
    assert str(info.value) == f"无法导入 {bomb}：文件内部数据异常膨胀（疑似压缩炸弹）（该文件不会被打开）"


def test_a_docx_that_inflates_past_300_mb_in_parts_is_refused_unopened(tmp_path: Path) -> None:
    bomb = _docx_bomb(tmp_path / "规划.docx", 36, 9 << 20)  # 36 parts of 9 MB: each under the one-part limit
    with pytest.raises(ImportFailed) as info:
        read_file(bomb)
    assert str(info.value) == f"无法导入 {bomb}：文件解压后过大（疑似压缩炸弹）（该文件不会被打开）"


def test_a_utf8_file_with_its_mark_and_damaged_bytes_says_where_in_one_line(tmp_path: Path) -> None:
    # The byte-order mark says UTF-8; byte 16 of the text after it starts a character that never ends.
    damaged = tmp_path / "纲要.txt"
    damaged.write_bytes(b"\xef\xbb\xbf" + "第一章 总则".encode() + b"\xe4\xb8" + "发展目标".encode())
    with pytest.raises(ImportFailed) as info:
        read_file(damaged)
    assert str(info.value) == (
        f"无法导入 {damaged}：文件声明为 utf-8 编码，但第 16 字节处的数据已损坏（文件可能被截断，请重新下载或另存）"
    )
