"""The library: documents the user has imported, plus the bundled plan.

Layout inside the data folder::

    library/catalog.json      one entry per imported document
    library/docs/<id>.json    the parsed Document (blocks + tree)

Every write goes to a temporary file first and is moved into place, so a crash
never leaves a half-written catalog or document.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from reader import BUNDLED_DOC_ID
from reader.document.docinfo import FIELDS as INFO_FIELDS
from reader.document.docinfo import content_key, infer
from reader.document.model import Document
from reader.errors import DataDirError, DocumentNotFound, ReaderError
from reader.fileio import atomic_write_chunks, atomic_write_text, file_sha256, readable, without_surrogates

BUNDLED_FILE = "dongguan-14th-fyp.txt"
BUNDLED_TITLE = "东莞市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
# What a reader of the bundled copy should know (shown in 文档信息 and the About box; see PROVENANCE in the repo's
# shared folder): where the text comes from, that it is an excerpt, and the one kind of repair made to it.
BUNDLED_NOTES = {
    "来源": "第三方网页转载（2021-09-15）；官方转载：i东莞 2021-06-15 权威发布 https://idg.timedg.com/p/21196681.html",
    "节选": "网页转载只保留到“金融”一章（止于“拓展金融服务应用场。”），其后各章（城市发展、生态、民生、治理、规划实施）及"
    "各章节标题、指标表均缺失；目录为根据段落推断。",
    "修复": "转载网站删去了领导人姓名，致使固定表述残缺；已按官方文本恢复 6 处（“习近平新时代中国特色社会主义思想”等），"
    "其余文字未作改动。",
}
CATALOG_VERSION = 3  # 2: Entry.title_set; 3: info, info_user, content (older versions say "newer version")


@dataclass(frozen=True)
class Entry:
    """One document in the library."""

    id: str
    title: str
    format: str
    source_path: str
    sha256: str
    chars: int
    blocks: int
    imported_at: float
    updated_at: float
    bundled: bool = False
    title_set: bool = False  # the title was given by the user (import --title): re-imports keep it
    info: dict[str, str] = field(default_factory=dict)  # what the document says of itself (document.docinfo)
    info_user: dict[str, str] = field(default_factory=dict)  # the reader's corrections, kept over re-imports
    content: str = ""  # the text's key (document.docinfo.content_key): another copy of it is a duplicate
    tags: list[str] = field(default_factory=list)  # the reader's collections this document belongs to

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def detail(self, name: str) -> str:
        """A metadata field as shown: the reader's value, else the inferred one."""
        return self.info_user.get(name, self.info.get(name, ""))

    def inferred(self, name: str) -> bool:
        """True when the field shows an inferred value (the reader has not set it)."""
        return name not in self.info_user and bool(self.info.get(name))


def _entry(data: object) -> Entry | None:
    """A catalog entry as written by this or another version: fields it does not know are ignored, missing or
    mistyped ones get their defaults; an entry without a usable id is left out."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        return None
    defaults = Entry(data["id"], data["id"], "", "", "", 0, 0, 0.0, 0.0).to_json()
    values = {}
    for name, default in defaults.items():
        value = data.get(name, default)
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        values[name] = value if type(value) is type(default) else default
    values["tags"] = [t for t in values["tags"] if isinstance(t, str) and t.strip()]
    for name in ("info", "info_user"):  # only text values of known fields
        values[name] = {k: v for k, v in values[name].items() if k in INFO_FIELDS and isinstance(v, str)}
    return Entry(**values)


def _json_chunks(data: object, progress: Callable[[int, str], None] | None) -> Iterator[str]:
    """JSON text in pieces, reporting progress (which may cancel) every few thousand pieces."""
    for n, chunk in enumerate(json.JSONEncoder(ensure_ascii=False).iterencode(data)):
        if progress is not None and n % 65536 == 65535:
            progress(90, "saving")
        yield chunk


def resolve_source(path: str | os.PathLike[str]) -> Path:
    """The absolute path of a file to import; a symlink loop is an ImportFailed, not a RuntimeError."""
    from reader.errors import ImportFailed

    try:
        return Path(path).expanduser().resolve()
    except (RuntimeError, OSError) as exc:  # Python < 3.13 raises RuntimeError for a loop
        raise ImportFailed(path, "符号链接形成了循环，找不到真正的文件", "请检查这个链接指向哪里") from exc
    except ValueError as exc:  # a NUL or a character no file system can name (UnicodeError is a ValueError)
        raise ImportFailed(
            without_surrogates(str(path)).replace("\x00", "�"), "文件名中有无法识别的字符", "请检查文件路径"
        ) from exc


def _refuse_duplicate(catalog: dict[str, Entry], doc_id: str, key: str, source: Path) -> None:
    """Raise DuplicateContent when another document of the catalog has the same text."""
    from reader.errors import DuplicateContent

    for other in catalog.values():
        if other.content == key and other.id != doc_id:
            raise DuplicateContent(source, other.id, other.title)


class Library:
    """Imported documents and their ids, stored in ``<data>/library``."""

    # Catalog changes read, change and write the whole file: one at a time in this process (two imports at once,
    # an import while the reader edits metadata), so that none is lost.
    _catalog_lock = threading.RLock()

    def __init__(self, data_dir: Path, resources: Path) -> None:
        self.root = data_dir / "library"
        self.resources = resources
        self._cache: dict[str, Document] = {}
        self._catalog: dict[str, Entry] = {}
        self._catalog_key: tuple[int, int, int] | None = None
        self._bundled_info: tuple[dict[str, str], str] | None = None  # (info, content key), found once

    # ---------------------------------------------------------------- catalog
    @property
    def catalog_path(self) -> Path:
        return self.root / "catalog.json"

    def _load_catalog(self) -> dict[str, Entry]:
        """The catalog as a new dict (callers may change it); parsed again only when the file changed,
        which matters with a thousand documents (the search panel asks for titles on every search)."""
        try:
            st = self.catalog_path.stat()
        except FileNotFoundError:
            return {}
        key = (st.st_mtime_ns, st.st_size, st.st_ino)
        if self._catalog_key != key:
            self._catalog = self._read_catalog()
            self._catalog_key = key
        return dict(self._catalog)

    def _read_catalog(self) -> dict[str, Entry]:
        try:
            raw = json.loads(self.catalog_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except OSError as exc:  # permissions, an I/O error: the file may be fine, it cannot be read now
            from reader.errors import os_error_message

            raise ReaderError(os_error_message(exc, "读取文档库")) from exc
        except ValueError as exc:
            raise ReaderError(
                f"文档库目录文件 {self.catalog_path} 已损坏（{exc}）。"
                "请将其改名备份后重新导入文档；已导入的文档保存在 library/docs 中。"
            ) from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("docs", []), list):
            raise ReaderError(
                f"文档库目录文件 {self.catalog_path} 的内容不是政策阅读器的格式。"
                "请将其改名备份后重新导入文档；已导入的文档保存在 library/docs 中。"
            )
        version = raw.get("version", 1)
        if isinstance(version, int) and version > CATALOG_VERSION:
            raise ReaderError(f"文档库 {self.catalog_path} 来自更新版本的政策阅读器，请升级本程序后再打开。")
        entries = (_entry(d) for d in raw.get("docs", []))
        return {e.id: e for e in entries if e is not None}

    def _save_catalog(self, entries: dict[str, Entry]) -> None:
        data = {"version": CATALOG_VERSION, "docs": [e.to_json() for e in entries.values()]}
        try:
            self._catalog_key = None
            atomic_write_text(self.catalog_path, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise DataDirError(
                f"无法写入文档库 {self.catalog_path}：{exc.strerror or exc}（磁盘已满或文件夹只读？）"
            ) from exc

    def bundled_entry(self) -> Entry:
        path = self.resources / BUNDLED_FILE
        return Entry(
            id=BUNDLED_DOC_ID,
            title=BUNDLED_TITLE,
            format="txt",
            source_path=str(path),
            sha256="",
            chars=0,
            blocks=0,
            imported_at=0.0,
            updated_at=0.0,
            bundled=True,
        )

    def entries(self) -> list[Entry]:
        """All documents: the bundled plan first, then imports in order of import."""
        imported = sorted(self._load_catalog().values(), key=lambda e: e.imported_at)
        bundled = self.bundled_entry()
        doc = self.open(BUNDLED_DOC_ID)
        if self._bundled_info is None:
            info = {k: v for k, v in infer(doc).to_json().items() if v}
            self._bundled_info = (info, content_key(doc))
        info, key = self._bundled_info
        bundled = replace(bundled, chars=doc.char_count, blocks=len(doc.blocks), info=info, content=key)
        return [bundled, *imported]

    # ---------------------------------------------------------------- lookup
    def resolve(self, ref: str | None) -> str:
        """Turn what a user typed (id, id prefix, title, or file path) into a document id."""
        if not ref:
            return BUNDLED_DOC_ID
        catalog = self._load_catalog()
        if ref == BUNDLED_DOC_ID or ref in catalog:
            return ref
        if Path(ref).exists():
            by_path = self._id_for_path(Path(ref))
            if by_path in catalog:
                return by_path
        titled = [e for e in catalog.values() if e.title == ref]
        if len(titled) == 1:
            return titled[0].id
        if len(titled) > 1:
            raise DocumentNotFound(
                f"文档库中有 {len(titled)} 个文档标题都是“{ref}”（{'、'.join(e.id for e in titled)}）。请改用文档 id。"
            )
        prefixed = [i for i in [BUNDLED_DOC_ID, *catalog] if i.startswith(ref)]
        if len(prefixed) == 1:
            return prefixed[0]
        if len(prefixed) > 1:
            shown = "、".join(prefixed[:5]) + ("…" if len(prefixed) > 5 else "")
            raise DocumentNotFound(f"“{ref}”是 {len(prefixed)} 个文档 id 的开头（{shown}）。请多输入几个字符。")
        raise DocumentNotFound(
            f"文档库中没有“{ref}”。用 `policy-reader list` 查看已有文档，或先用 `policy-reader import 文件` 导入。"
        )

    @staticmethod
    def _id_for_path(path: Path) -> str:
        key = str(resolve_source(path)).encode("utf-8", "surrogateescape")
        return "doc-" + hashlib.blake2b(key, digest_size=5).hexdigest()

    # ---------------------------------------------------------------- open / import
    def open(self, doc_id: str) -> Document:
        """The parsed document (cached in memory)."""
        if doc_id not in self._cache:
            self._cache[doc_id] = self.load(doc_id)
        return self._cache[doc_id]

    def load(self, doc_id: str) -> Document:
        """The parsed document, read afresh unless already open (indexing a large library reads each
        document once without keeping them all in memory)."""
        if doc_id in self._cache:
            return self._cache[doc_id]
        if doc_id == BUNDLED_DOC_ID:
            doc = self._parse_bundled()
        else:
            path = self.root / "docs" / f"{doc_id}.json"
            try:
                doc = Document.from_json(json.loads(path.read_text(encoding="utf-8")))
            except FileNotFoundError as exc:
                raise DocumentNotFound(f"文档 {doc_id} 的数据文件 {path} 不见了，请重新导入原文件。") from exc
            except OSError as exc:
                from reader.errors import os_error_message

                raise ReaderError(os_error_message(exc, "读取文档")) from exc
            except (ValueError, KeyError, TypeError) as exc:
                raise ReaderError(f"文档 {doc_id} 的数据文件 {path} 已损坏（{exc}），请重新导入原文件。") from exc
        return doc

    def _parse_bundled(self) -> Document:
        from reader.document.importers import text
        from reader.document.structure import build

        path = self.resources / BUNDLED_FILE
        raw = text.read(path)
        doc = build(raw, BUNDLED_DOC_ID)
        extra = {**doc.meta.extra, **BUNDLED_NOTES}
        return replace(doc, meta=replace(doc.meta, title=BUNDLED_TITLE, source=BUNDLED_FILE, extra=extra))

    def import_file(
        self,
        path: str | os.PathLike[str],
        title: str | None = None,
        progress: Callable[[int, str], None] | None = None,
        refuse_duplicate: bool = False,
    ) -> tuple[Document, bool]:
        """Import (or re-import) a file. Returns the document and whether it replaced an older version.

        The same file path always maps to the same id, so re-importing a changed
        file updates it in place and dependent data (annotations) stays attached.
        ``refuse_duplicate``: a file with the same text as another document (its .pdf beside its .docx) raises
        DuplicateContent instead of adding a second copy.
        """
        from reader.document.importers import MAX_TEXT_CHARS, read_file
        from reader.document.structure import build

        source = resolve_source(path)
        if progress:
            progress(5, "reading")
        raw = read_file(source, progress)
        chars = sum(len(p.text) for p in raw.paragraphs)
        if chars > MAX_TEXT_CHARS:
            from reader.errors import ImportFailed

            raise ImportFailed(
                source,
                f"正文有 {chars / 10000:.0f} 万字，超过单个文档 {MAX_TEXT_CHARS // 10000} 万字的上限",
                "请把文件按篇或章拆分后分别导入",
            )
        doc_id = self._id_for_path(source)
        if progress:
            progress(60, "structure")
        doc = build(raw, doc_id, tick=(lambda: progress(60, "structure")) if progress else None)
        del raw
        if doc.char_count == 0 or not doc.blocks:
            from reader.errors import ImportFailed

            raise ImportFailed(source, "文件里没有可读的正文", "请确认文件内容完整；扫描件需要先做文字识别（OCR）")
        catalog = self._load_catalog()
        previous = catalog.get(doc_id)
        key = content_key(doc)
        if refuse_duplicate:  # before the document is written; again under the lock, where it is added
            _refuse_duplicate(catalog, doc_id, key, source)
        title_set = bool(title)
        if not title and previous is not None and previous.title_set:
            title, title_set = previous.title, True  # opening the file again does not undo the user's title
        if title:
            doc = replace(doc, meta=replace(doc.meta, title=title))
        now = time.time()
        entry = Entry(
            id=doc_id,
            title=doc.title,
            format=doc.meta.format,
            source_path=readable(str(source)),
            sha256=file_sha256(source),
            chars=doc.char_count,
            blocks=len(doc.blocks),
            imported_at=previous.imported_at if previous else now,
            updated_at=now,
            title_set=title_set,
            info={k: v for k, v in infer(doc).to_json().items() if v},
            info_user=previous.info_user if previous else {},
            content=key,
        )
        if progress:
            progress(90, "saving")
        try:
            atomic_write_chunks(self.root / "docs" / f"{doc_id}.json", _json_chunks(doc.to_json(), progress))
        except OSError as exc:
            raise DataDirError(f"无法保存文档到 {self.root}：{exc.strerror or exc}（磁盘已满或文件夹只读？）") from exc
        with self._catalog_lock:  # another import may have saved the catalog meanwhile: add to what is there now
            catalog = self._load_catalog()
            if refuse_duplicate:
                _refuse_duplicate(catalog, doc_id, key, source)
            now_previous = catalog.get(doc_id)
            if now_previous is not None:
                entry = replace(entry, info_user=now_previous.info_user, tags=now_previous.tags)
            catalog[doc_id] = entry
            self._save_catalog(catalog)
        self._cache[doc_id] = doc
        return doc, previous is not None

    def set_info(self, doc_id: str, name: str, value: str | None) -> Entry:
        """The reader's value for a metadata field; None goes back to the inferred one."""
        if name not in INFO_FIELDS:
            raise ReaderError(f"未知的文档信息项“{name}”，可用：{'、'.join(INFO_FIELDS)}。")
        if doc_id == BUNDLED_DOC_ID:
            raise ReaderError("内置示例文档的信息不能修改。")

        def change(entry: Entry) -> Entry:
            user = dict(entry.info_user)
            if value is None:
                user.pop(name, None)
            else:
                user[name] = value.strip()
            return replace(entry, info_user=user)

        return self._update(doc_id, change)

    def set_tags(self, doc_id: str, tags: list[str]) -> Entry:
        """The collections a document belongs to (tags such as 十五五规划 or 广东省), in the order given."""
        if doc_id == BUNDLED_DOC_ID:
            raise ReaderError("内置示例文档不能加标签。")
        clean = list(dict.fromkeys(t.strip().lstrip("#") for t in tags if t.strip().lstrip("#")))
        return self._update(doc_id, lambda entry: replace(entry, tags=clean))

    def _update(self, doc_id: str, change: Callable[[Entry], Entry]) -> Entry:
        """Change one catalog entry, on the catalog as it is now, one change at a time."""
        with self._catalog_lock:
            catalog = self._load_catalog()
            entry = catalog.get(doc_id)
            if entry is None:
                raise DocumentNotFound(f"文档库中没有 {doc_id}。")
            catalog[doc_id] = change(entry)
            self._save_catalog(catalog)
            return catalog[doc_id]

    def tags(self) -> list[str]:
        """Every collection in use, sorted."""
        return sorted({t for e in self._load_catalog().values() for t in e.tags})

    def collection(self, tag: str) -> set[str]:
        """The ids of the documents tagged ``tag``."""
        return {e.id for e in self._load_catalog().values() if tag in e.tags}

    def remove(self, doc_id: str) -> None:
        if doc_id == BUNDLED_DOC_ID:
            raise ReaderError("内置的东莞“十四五”规划纲要不能删除。")
        with self._catalog_lock:
            catalog = self._load_catalog()
            if doc_id not in catalog:
                raise DocumentNotFound(f"文档库中没有 {doc_id}。")
            del catalog[doc_id]
            self._save_catalog(catalog)
            (self.root / "docs" / f"{doc_id}.json").unlink(missing_ok=True)
            self._cache.pop(doc_id, None)
