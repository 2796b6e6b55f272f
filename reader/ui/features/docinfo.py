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


def show_about(parent: QWidget, data_dir: object) -> None:
    """The app's name and version, what it is for, where its data lives and what the bundled plan is."""
    from reader import __version__

    translate = QCoreApplication.translate
    text = translate("DocumentInfo", "{0} {1}\n离线阅读、检索和批注中文政策文件。\n数据文件夹：{2}\n\n内置示例为东莞市“十四五”规划纲要的网页转载节选（止于“金融”一章），详见 帮助 › 文档信息。")  # fmt: skip
    name = translate("DocumentInfo", "政策阅读器")
    title = translate("DocumentInfo", "关于政策阅读器")
    QMessageBox.about(parent, title, text.format(name, __version__, data_dir))
