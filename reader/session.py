"""The facade the CLI and the UI both use: one data folder, its library and services."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.document.model import Document
from reader.errors import ReaderError
from reader.library import Library
from reader.paths import resources_dir, user_data_dir
from reader.targets.extract import Target, extract

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.search.index import SearchIndex, SearchResult, Source

Progress = Callable[[int, str], None]

# When a folder holds one text in several formats, the first of these is kept: Word keeps tables and heading
# styles best, then web pages, then PDFs; plain text knows least.
_FORMAT_PREFERENCE = {".docx": 0, ".html": 1, ".htm": 1, ".pdf": 2}


@dataclass
class ImportReport:
    """What a many-file import did, file by file."""

    imported: list[tuple[str, str, str]] = field(default_factory=list)  # (path, document id, title)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, title of the document it repeats)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    cancelled: bool = False


def files_to_import(paths: list[str | os.PathLike[str]]) -> list[Path]:
    """The files given, and the readable files inside the folders given (recursively, hidden ones left out), one
    folder after another with a text's formats in order of preference."""
    from reader.document.importers import SUPPORTED_SUFFIXES

    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            found.extend(
                sorted(inside, key=lambda p: (str(p.parent), p.stem, _FORMAT_PREFERENCE.get(p.suffix.lower(), 3)))
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _figures_by_block(doc: Document) -> dict[int, list[tuple[str, str]]]:
    """Each block's targets and past figures as (kind, name) under every name a reader would search the indicator
    by, for the search ranking."""
    from reader.targets.indicators import lookup_names

    out: dict[int, list[tuple[str, str]]] = {}
    for t in extract(doc):
        if t.indicator:
            out.setdefault(t.block, []).extend((t.kind, name) for name in lookup_names(t.indicator))
    return out


def _targets_key(doc: Document) -> tuple[str, int]:
    """Targets are cached per document version: its id and the content ids of its blocks."""
    return doc.id, hash(tuple(b.id for b in doc.blocks))


class Session:
    """Open the user's data folder and hand out documents and services."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.data_dir: Path = user_data_dir(data_dir)
        self.resources: Path = resources_dir()
        self.library = Library(self.data_dir, self.resources)
        from reader.fileio import remove_stale_temp

        remove_stale_temp([self.data_dir, self.library.root, self.library.root / "docs", self.data_dir / "index"])
        self._index: SearchIndex | None = None
        self._annotations: AnnotationStore | None = None
        self._targets: dict[tuple[str, int], list[Target]] = {}

    def document(self, ref: str | None = None) -> Document:
        """A document by id, title or path; the bundled plan when ``ref`` is empty."""
        return self.library.open(self.library.resolve(ref))

    @property
    def index(self) -> SearchIndex:
        """The search index (opened on first use, so that starting the app never loads jieba)."""
        if self._index is None:
            from reader.search.index import SearchIndex

            self._index = SearchIndex(self.data_dir, self.resources, figures=_figures_by_block)
        return self._index

    def index_sources(self) -> list[Source]:
        """Every document in the library as the index sees it, without reading the imported ones:
        their stamp comes from the catalog (an import rewrites a document and its time)."""
        from reader.search.index import Source

        sources = []
        for e in self.library.entries():
            if e.bundled:
                sources.append(Source.of(self.library.open(e.id)))
            else:
                stamp = f"import:{e.updated_at!r}:{e.chars}:{e.blocks}"
                sources.append(Source(e.id, stamp, e.chars, functools.partial(self.library.load, e.id)))
        return sources

    def sync_index(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> list[str]:
        """Index what changed in the library (everything on first run or after a rebuild), and the notes."""
        done = self.index.sync(self.index_sources(), progress, cancelled)
        self.sync_notes_index()
        return done

    def sync_notes_index(self) -> bool:
        """Give the notes their index entries (they are searchable too); True when they changed."""
        from reader.errors import AnnotationStoreError

        try:
            notes = self.annotations.list(include_deleted=False)
        except AnnotationStoreError:
            notes = []  # a refused or damaged database is left alone; its notes are not searchable
        ids = {e.id for e in self.library.entries()}

        def load(doc_id: str) -> Document | None:
            try:
                return self.library.load(doc_id) if doc_id in ids else None
            except ReaderError:
                return None  # a damaged document file: its notes are not searchable until it is imported again

        return self.index.sync_notes(notes, load)

    def search(self, query: str, doc: str | None = None, **kwargs: Any) -> SearchResult:
        self.sync_index()
        return self.index.search(query, doc=self.library.resolve(doc) if doc else None, **kwargs)

    @property
    def annotations(self) -> AnnotationStore:
        """The annotations database; raises AnnotationStoreError (with advice) when it cannot be used."""
        if self._annotations is None:
            from reader.annotations.store import AnnotationStore

            self._annotations = AnnotationStore(self.data_dir / "annotations.db", self.data_dir / "backups")
        return self._annotations

    def close(self) -> None:
        """Close the notes database (its write-ahead log folded into the file). The session can be used again."""
        if self._annotations is not None:
            self._annotations.close()
            self._annotations = None

    def import_many(
        self,
        paths: list[str | os.PathLike[str]],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        index: bool = True,
    ) -> ImportReport:
        """Import files and folders (recursively): a file with the same text as a document already there is
        listed as a duplicate, a file that fails is listed with its reason, and the rest go on. Indexed once at
        the end (``index``; the window leaves it to its index queue, which alone touches the index)."""
        from reader.errors import Cancelled, DuplicateContent

        files = files_to_import(paths)
        report = ImportReport()
        for n, path in enumerate(files):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if progress:
                progress(int(100 * n / max(1, len(files))), path.name)
            try:
                doc, _replaced, _anchored = self.import_file(path, index=False, refuse_duplicate=True)
            except DuplicateContent as exc:
                report.duplicates.append((str(path), exc.other_title))
            except Cancelled:
                report.cancelled = True
                break
            except ReaderError as exc:
                report.failed.append((str(path), str(exc)))
            except OSError as exc:
                from reader.errors import os_error_message

                report.failed.append((str(path), os_error_message(exc, "导入", folder=str(path.parent))))
            else:
                report.imported.append((str(path), doc.id, doc.title))
        if report.imported and index:
            try:
                self.index.sync(self.index_sources())
            except (ReaderError, OSError):
                pass  # the imports stand; the next search indexes what is missing
        if progress:
            progress(100, "")
        return report

    def import_file(
        self,
        path: str | os.PathLike[str],
        title: str | None = None,
        progress: Progress | None = None,
        index: bool = True,
        refuse_duplicate: bool = False,
    ) -> tuple[Document, bool, dict[str, int]]:
        """Import into the library, re-anchor its annotations, then index the new text.

        Returns the document, whether it replaced an older version, and annotation counts by
        anchoring status. The import stands even if indexing fails (the next search retries).
        """
        doc, replaced = self.library.import_file(
            path, title=title, progress=progress, refuse_duplicate=refuse_duplicate
        )
        anchored: dict[str, int] = {}
        if replaced:
            from reader.errors import AnnotationStoreError

            try:
                anchored = self.annotations.reanchor(doc)
            except AnnotationStoreError:
                anchored = {}  # the database is refused or damaged; it is left alone and re-anchored next time
        if index:
            try:
                self.index.sync(self.index_sources())
            except ReaderError:
                pass
        return doc, replaced, anchored

    def remove_document(self, doc_id: str, delete_notes: bool = False, index: bool = True) -> int:
        """Take a document out of the library and (``index``) the index. Its notes stay in the notes database
        (listed as belonging to a removed document, and back in place if the file is imported again) unless
        ``delete_notes``; returns how many notes it had. The window leaves the index to its index queue."""
        notes = self.annotations.list(doc_id)
        self.library.remove(doc_id)
        if delete_notes:
            for a in notes:
                self.annotations.delete(a.id)
        if index:
            try:
                self.index.sync(self.index_sources())
                self.sync_notes_index()
            except (ReaderError, OSError):
                pass  # the next search brings the index in line
        return len(notes)

    def document_info(self, doc_id: str) -> dict[str, str]:
        """What is known of a document for an export: its title, the metadata shown in the library (the reader's
        values over the inferred ones) and its tags, empty fields left out."""
        entry = next((e for e in self.library.entries() if e.id == doc_id), None)
        if entry is None:
            return {}
        from reader.document.docinfo import FIELDS

        info = {"title": entry.title, **{name: entry.detail(name) for name in FIELDS}, "tags": " ".join(entry.tags)}
        return {k: v for k, v in info.items() if v}

    # ---------------------------------------------------------------- comparing plans
    @property
    def _overrides_path(self) -> Path:
        return self.data_dir / "comparisons.json"

    def indicator_overrides(self) -> Any:
        """Indicators matched or kept apart by hand (``comparisons.json`` in the data folder)."""
        import json

        from reader.targets.compare import Overrides

        try:
            data = json.loads(self._overrides_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Overrides()
        except (OSError, ValueError) as exc:
            raise ReaderError(
                f"无法读取 {self._overrides_path}（{exc}）。请将其改名备份；手工配对将重新开始。"
            ) from exc

        def quads(key: str) -> list[tuple[str, str, str, str]]:
            items = data.get(key, []) if isinstance(data, dict) else []
            good = [q for q in items if isinstance(q, list) and len(q) == 4 and all(isinstance(x, str) for x in q)]
            return [(q[0], q[1], q[2], q[3]) for q in good]

        return Overrides(joined=quads("joined"), apart=quads("apart"))

    def match_indicators(self, a: tuple[str, str], b: tuple[str, str], together: bool) -> None:
        """Pair indicator ``a`` (document id, name as written) with ``b`` by hand, or keep them apart; kept in the
        data folder and applied to every comparison from now on."""
        import json

        from reader.fileio import atomic_write_text

        overrides = self.indicator_overrides()
        quad = (a[0], a[1], b[0], b[1])
        mirror = (b[0], b[1], a[0], a[1])
        overrides.joined = [q for q in overrides.joined if q not in (quad, mirror)]
        overrides.apart = [q for q in overrides.apart if q not in (quad, mirror)]
        (overrides.joined if together else overrides.apart).append(quad)
        data = {
            "version": 1,
            "joined": [list(q) for q in overrides.joined],
            "apart": [list(q) for q in overrides.apart],
        }
        atomic_write_text(self._overrides_path, json.dumps(data, ensure_ascii=False, indent=1))

    def compare(self, refs: list[str]) -> Any:
        """The indicators of these documents side by side (``reader.targets.compare``), in the order given."""
        from reader.targets.compare import compare, load_groups

        docs = [self.document(ref) for ref in refs]
        if len({d.id for d in docs}) < 2:
            raise ReaderError("对比需要至少两个不同的文档。")
        user = self.data_dir / "indicators.txt"
        groups = load_groups(user if user.exists() else self.resources / "dict" / "indicators.txt")
        return compare(
            [(d, self.targets(d) if d is docs[-1] else extract(d)) for d in docs], groups, self.indicator_overrides()
        )

    def has_targets(self, doc: Document) -> bool:
        return _targets_key(doc) in self._targets

    def remember_targets(self, doc: Document, found: list[Target]) -> None:
        """Targets found batch by batch elsewhere (the reader window), kept like ``targets`` keeps them."""
        self._targets = {_targets_key(doc): list(found)}

    def targets(self, doc: Document, kind: str | None = None) -> list[Target]:
        """Targets and past figures of a document (cached per document version)."""
        key = _targets_key(doc)
        found = self._targets.get(key)
        if found is None:
            found = extract(doc)
            self._targets = {key: found}  # keep only the current document's
        return [t for t in found if kind is None or t.kind == kind]
