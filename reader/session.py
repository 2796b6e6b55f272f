"""The facade the CLI and the UI both use: one data folder, its library and services."""

from __future__ import annotations

import os
from pathlib import Path

from reader.document.model import Document
from reader.library import Library
from reader.paths import resources_dir, user_data_dir


class Session:
    """Open the user's data folder and hand out documents and services."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.data_dir: Path = user_data_dir(data_dir)
        self.resources: Path = resources_dir()
        self.library = Library(self.data_dir, self.resources)

    def document(self, ref: str | None = None) -> Document:
        """A document by id, title or path; the bundled plan when ``ref`` is empty."""
        return self.library.open(self.library.resolve(ref))
