"""Typed errors with messages a user can act on: what went wrong, where, what to do."""

from __future__ import annotations


class ReaderError(Exception):
    """Base class: the message is shown to the user as is (no traceback)."""


class ImportFailed(ReaderError):
    """A file could not be turned into a document."""

    def __init__(self, path: object, problem: str, advice: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.advice = advice
        text = f"无法导入 {self.path}：{problem}"
        if advice:
            text += f"（{advice}）"
        super().__init__(text)


class UnsupportedFormat(ImportFailed):
    """The file type is not one we can read."""


class DocumentNotFound(ReaderError):
    """A document id or path given by the user is not in the library."""


class DataDirError(ReaderError):
    """The data folder cannot be created or written."""


class Cancelled(ReaderError):
    """The user cancelled a long operation; nothing was changed."""

    def __init__(self, message: str = "已取消，未做任何更改。") -> None:
        super().__init__(message)


class AnnotationStoreError(ReaderError):
    """The annotations database cannot be used; it was left untouched (and backed up)."""

    def __init__(self, message: str, backup: str | None = None) -> None:
        self.backup = backup
        super().__init__(message)
