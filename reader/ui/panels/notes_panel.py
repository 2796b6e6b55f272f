"""The Notes panel: the document's annotations grouped by chapter, filterable, click to jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class NotesPanel(QWidget):
    """Shows annotations; asks the window to jump, edit, delete or export."""

    jump_requested = Signal(object)  # Annotation
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.items: list[Any] = []
        self.chapters: dict[str, str] = {}
        self.colors: dict[str, QColor] = {}
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选原文、批注或标签…"))
        self.filter_box.setAccessibleName(self.tr("筛选批注"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _t: self._fill())
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("批注类型筛选"))
        for label, key in (
            (self.tr("全部"), None),
            (self.tr("高亮"), "highlight"),
            (self.tr("批注"), "note"),
            (self.tr("书签"), "bookmark"),
            (self.tr("黄色"), "color:yellow"),
            (self.tr("绿色"), "color:green"),
            (self.tr("蓝色"), "color:blue"),
            (self.tr("粉色"), "color:pink"),
        ):
            self.kind_box.addItem(label, key)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._fill())
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self.export_requested)
        row = QHBoxLayout()
        row.addWidget(self.kind_box)
        row.addWidget(self.filter_box, 1)
        row.addWidget(self.export_button)
        self.message = QLabel()
        self.message.setObjectName("mutedLabel")
        self.message.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("notesTree")
        self.tree.setAccessibleName(self.tr("批注列表"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(False)  # one short line each for kind + quote, note, tags
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addLayout(row)
        lay.addWidget(self.message)
        lay.addWidget(self.tree, 1)

    def set_annotations(self, items: list[Any], chapters: dict[str, str], colors: dict[str, QColor]) -> None:
        """``chapters`` maps an annotation id to its chapter label."""
        self.items = items
        self.chapters = chapters
        self.colors = colors
        self._fill()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _accepts(self, a: Any) -> bool:
        key = self.kind_box.currentData()
        if key and key.startswith("color:"):
            if a.color != key.split(":", 1)[1]:
                return False
        elif key and a.kind != key:
            return False
        needle = self.filter_box.text().strip().lower()
        if needle:
            hay = f"{a.quote} {a.note} {a.name} {' '.join(a.tags)} {self.chapters.get(a.id, '')}".lower()
            return all(part.lstrip("#") in hay for part in needle.split())
        return True

    def _fill(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = 0
        labels = {"highlight": self.tr("高亮"), "note": self.tr("批注"), "bookmark": self.tr("书签")}
        for a in self.items:
            if not self._accepts(a):
                continue
            chapter = self.tr("无法定位（原文已删改）") if a.orphaned else self.chapters.get(a.id, "")
            group = groups.get(chapter)
            if group is None:
                group = QTreeWidgetItem([chapter or self.tr("（未分章）")])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[chapter] = group
            head = labels.get(a.kind, a.kind)
            if a.kind == "bookmark" and a.name:
                head += f"：{a.name}"
            lines = [f"{head}　「{_short(a.quote, 26)}」"]
            if a.note:
                lines.append(_short(a.note.replace("\n", " "), 34))
            if a.tags:
                lines.append(" ".join(f"#{t}" for t in a.tags))
            text = "\n".join(lines)
            item = QTreeWidgetItem([text])
            item.setData(0, ANNOTATION_ROLE, a)
            item.setToolTip(0, a.note or a.quote)
            bg = self.colors.get(f"hl-{a.color}_bg") if a.color else None
            if bg is not None:
                item.setBackground(0, QBrush(bg))
            group.addChild(item)
            shown += 1
        self.tree.expandAll()
        if not self.items:
            self.set_message(self.tr("还没有批注。在正文中选中文字后右键，可高亮或添加批注；Ctrl+D 添加书签。"))
        elif shown == 0:
            self.set_message(self.tr("没有符合筛选条件的批注。"))
        else:
            self.set_message("")

    def visible_annotations(self) -> list[Any]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                out.append(group.child(j).data(0, ANNOTATION_ROLE))
        return out

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        a = item.data(0, ANNOTATION_ROLE)
        if a is not None:
            self.jump_requested.emit(a)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        a = item.data(0, ANNOTATION_ROLE)
        if a is not None:
            self.edit_requested.emit(a)

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        item = self.tree.itemAt(pos)
        a = item.data(0, ANNOTATION_ROLE) if item is not None else None
        if a is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("转到"), lambda: self.jump_requested.emit(a))
        menu.addAction(self.tr("编辑批注…"), lambda: self.edit_requested.emit(a))
        menu.addAction(self.tr("删除"), lambda: self.delete_requested.emit(a))
        menu.popup(self.tree.viewport().mapToGlobal(pos))
