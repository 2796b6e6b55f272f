"""Importers turn a file into a RawDocument. One small module per format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document.model import RawDocument
from reader.errors import ImportFailed, ReaderError, UnsupportedFormat

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf")

# Refuse absurd inputs before reading them whole (a plan is a few MB at most).
MAX_FILE_BYTES = 200 * 1024 * 1024
# A five-year plan is ~30 thousand characters; a whole yearbook is a few million.
MAX_TEXT_CHARS = 10_000_000

Progress = Callable[[int, str], None]


def too_long(path: Path, text: str) -> None:
    """Refuse a text over the limit as soon as it is decoded, before paragraphs and structure are built from it
    (which takes memory many times its size). Counts characters that are not spaces or line ends."""
    chars = len(text) - sum(text.count(c) for c in " \t\r\n\u3000")
    if chars > MAX_TEXT_CHARS:
        raise ImportFailed(
            path,
            f"正文有 {chars / 10000:.0f} 万字，超过单个文档 {MAX_TEXT_CHARS // 10000} 万字的上限",
            "请把文件按篇或章拆分后分别导入",
        )


def read_bytes(path: Path, progress: Progress | None = None, share: tuple[int, int] = (5, 25)) -> bytes:
    """The file's bytes, read in pieces so that a large file reports progress and can be cancelled (the progress
    function raises Cancelled)."""
    try:
        size = path.stat().st_size
        parts = []
        done = 0
        with path.open("rb") as f:
            while chunk := f.read(4 << 20):
                parts.append(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(share[0] + (share[1] - share[0]) * done // max(size, 1), "reading")
        return b"".join(parts)
    except OSError as exc:
        raise ImportFailed(path, f"无法读取：{exc.strerror or exc}") from exc


_IMPORTERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def _valid_text(raw: RawDocument) -> RawDocument:
    """No lone surrogates in what an importer hands on (a PDF's broken character map can name U+D900): they cannot
    be stored or indexed, and stand for no character."""
    from dataclasses import replace

    from reader.fileio import readable, without_surrogates

    paragraphs = []
    for p in raw.paragraphs:
        text = without_surrogates(p.text)  # the same string when there is nothing to drop
        paragraphs.append(p if text is p.text else replace(p, text=text))
    # A title taken from a file name the OS could not decode (a GBK name from a zip) is read as GB18030 first.
    meta = replace(
        raw.meta,
        title=without_surrogates(readable(raw.meta.title)),
        source=without_surrogates(readable(raw.meta.source)),
    )
    return replace(raw, paragraphs=paragraphs, meta=meta)


def read_file(path: str | Path, progress: Progress | None = None) -> RawDocument:
    """Import one file by its extension; raises ImportFailed with a readable message. ``progress`` is called
    while reading (0–60 %) and may raise Cancelled to stop."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise ImportFailed(path, "文件不存在", "请检查路径是否正确") from exc
    except OSError as exc:  # an unreadable folder on the way, a symlink loop, a name too long
        raise ImportFailed(path, f"无法读取：{exc.strerror or exc}", "请检查该文件及其所在文件夹的权限") from exc
    except ValueError as exc:  # a NUL or an unnameable character in the name
        raise ImportFailed(repr(str(path)), "文件名中有无法识别的字符", "请检查文件路径") from exc
    import stat as _stat

    if _stat.S_ISDIR(st.st_mode):
        raise ImportFailed(path, "这是一个文件夹，不是文件", "请选择一个 txt、html、docx 或 pdf 文件")
    if not _stat.S_ISREG(st.st_mode):
        raise ImportFailed(path, "这不是普通文件（设备、管道或套接字）", "请选择一个 txt、html、docx 或 pdf 文件")
    suffix = path.suffix.lower()
    size = st.st_size
    if size == 0:
        raise ImportFailed(path, "文件是空的", "请确认文件已完整下载或保存")
    if size > MAX_FILE_BYTES:
        raise ImportFailed(path, f"文件过大（{size // (1024 * 1024)} MB）", "单个文件上限为 200 MB")
    reader = _IMPORTERS.get(suffix)
    if reader is not None:
        import importlib

        module = importlib.import_module(f"reader.document.importers.{reader}")
        try:
            return _valid_text(module.read(path, progress=progress))
        except ReaderError:  # ImportFailed, or Cancelled from the progress function
            raise
        except OSError as exc:  # the file went away or became unreadable while being read
            raise ImportFailed(path, f"无法读取：{exc.strerror or exc}", "请检查该文件的权限") from exc
        except MemoryError as exc:
            raise ImportFailed(path, "文件内容过大，内存不足", "请把文件拆分后再导入") from exc
        except Exception as exc:  # a parser library tripped over a malformed file: still a clear message
            raise ImportFailed(
                path, f"文件已损坏或格式异常，无法解析（{type(exc).__name__}）", "请用原软件打开后另存再导入"
            ) from exc
    raise UnsupportedFormat(
        path,
        f"不支持的文件类型“{suffix or '无扩展名'}”",
        "支持 .txt、.html、.docx 和带文字层的 .pdf",
    )
