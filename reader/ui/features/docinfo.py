"""Document info: where the open document comes from and what is known about its text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.document.model import Document


def document_info_text(doc: Document) -> str:
    """The document's title, source, format, dates and notes, one fact a line."""
    meta = doc.meta
    lines = [meta.title]
    for label, value in (
        (QCoreApplication.translate("DocumentInfo", "来源文件"), meta.source),
        (QCoreApplication.translate("DocumentInfo", "格式"), meta.format),
        (QCoreApplication.translate("DocumentInfo", "编码"), meta.encoding),
        (QCoreApplication.translate("DocumentInfo", "网页日期"), meta.date),
        (QCoreApplication.translate("DocumentInfo", "网页位置"), meta.breadcrumb),
        (QCoreApplication.translate("DocumentInfo", "字数"), f"{doc.char_count:,}"),
    ):
        if value:
            lines.append(f"{label}：{value}")
    lines.extend(f"{key}：{value}" for key, value in meta.extra.items())
    return "\n".join(lines)


def show_document_info(parent: QWidget, doc: Document | None) -> None:
    if doc is None:
        return
    QMessageBox.information(parent, QCoreApplication.translate("DocumentInfo", "文档信息"), document_info_text(doc))
