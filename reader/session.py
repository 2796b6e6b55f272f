"""The facade the CLI and the UI both use: one data folder, its library and services."""

from __future__ import annotations

import os
from pathlib import Path

from reader.document.model import Document
from reader.library import Library
from reader.paths import resources_dir, user_data_dir
from reader.targets.extract import Target, extract


class Session:
    """Open the user's data folder and hand out documents and services."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.data_dir: Path = user_data_dir(data_dir)
        self.resources: Path = resources_dir()
        self.library = Library(self.data_dir, self.resources)
        self._targets: dict[tuple[str, int], list[Target]] = {}

    def document(self, ref: str | None = None) -> Document:
        """A document by id, title or path; the bundled plan when ``ref`` is empty."""
        return self.library.open(self.library.resolve(ref))

    def targets(self, doc: Document, kind: str | None = None) -> list[Target]:
        """Targets and past figures of a document (cached per document version)."""
        key = (doc.id, hash(tuple(b.id for b in doc.blocks)))
        found = self._targets.get(key)
        if found is None:
            found = extract(doc)
            self._targets = {key: found}  # keep only the current document's
        return [t for t in found if kind is None or t.kind == kind]
