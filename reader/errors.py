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


class DuplicateContent(ImportFailed):
    """The file holds the same text as a document already in the library (another format or copy of it)."""

    def __init__(self, path: object, other_id: str, other_title: str) -> None:
        self.other_id = other_id
        self.other_title = other_title
        super().__init__(path, f"与文档库中的《{other_title}》内容相同", "未重复导入")


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


def os_error_message(exc: OSError, doing: str = "读写", folder: str = "") -> str:
    """One line for a file-system failure: which file (or, when the system does not say, the folder being
    written), what happened, what to do."""
    import errno

    where = str(exc.filename) if exc.filename is not None else (f"{folder} 中的文件" if folder else "")
    advice = {
        errno.ENOSPC: "磁盘已满：腾出空间后再试",
        errno.EROFS: "所在磁盘或文件夹只读：用 --data-dir 换一个可写的文件夹",
        errno.EACCES: "没有权限：检查该文件或文件夹的权限",
        errno.EPERM: "没有权限：检查该文件或文件夹的权限",
        errno.ELOOP: "符号链接形成了循环：检查这个路径",
        errno.ENOTDIR: "路径中有一段是文件而不是文件夹：把它移走或改名",
        errno.EISDIR: "这是一个文件夹而不是文件",
        errno.ENAMETOOLONG: "路径太长",
        errno.ENOENT: "文件或文件夹不存在",
        errno.EDQUOT: "磁盘配额已用完",
        errno.EEXIST: "同名的文件挡住了要建的文件夹：把它移走或改名",
    }.get(exc.errno or 0, "")
    text = f"无法{doing} {where}：{exc.strerror or exc}" if where else f"无法{doing}文件：{exc.strerror or exc}"
    return text + (f"（{advice}）。" if advice else "。")
