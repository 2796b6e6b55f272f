"""A read-only QAbstractItemModel over the document's chapter tree."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from reader.document.model import BlockKind, Document, Node, NodeKind

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    """Shows ``Document.outline``; inferred nodes are muted and say so in a tooltip.

    One rule for every document: the top level (篇, or 章, or 一、 in a document that has nothing above it) is set
    semibold, everything below in the regular weight. A title that is not a heading line of its own but the
    opening sentence of a paragraph — an item that runs into its text (（一）夯实农业生产能力基础。深入…) or an
    inferred node — is set a little lighter, and its tooltip gives the sentence it comes from.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: tuple[Node, ...] = ()
        self._parent: dict[str, Node | None] = {}
        self._row: dict[str, int] = {}
        self._by_id: dict[str, Node] = {}
        self._doc: Document | None = None

    def set_document(self, doc: Document | None) -> None:
        self.beginResetModel()
        self._doc = doc
        self._roots = doc.outline if doc else ()
        self._parent.clear()
        self._row.clear()
        self._by_id.clear()

        def index(nodes: tuple[Node, ...], parent: Node | None) -> None:
            for row, n in enumerate(nodes):
                self._parent[n.id] = parent
                self._row[n.id] = row
                self._by_id[n.id] = n
                index(n.children, n)

        index(self._roots, None)
        self.endResetModel()

    def _node(self, index: _Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None  # type: ignore[return-value]

    def _children(self, parent: _Index) -> tuple[Node, ...]:
        node = self._node(parent)
        return node.children if node else self._roots

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None:
            return QModelIndex()
        up = self._parent.get(node.id)
        if up is None:
            return QModelIndex()
        return self.createIndex(self._row[up.id], 0, up)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.inferred:
                return self.tr("原文没有这个标题，它取自该段正文：\n{0}").format(self._opening(node) or node.title)
            if self._runs_in(node):
                return self.tr("条目：标题取自这一段的第一句\n{0}").format(self._opening(node) or node.label)
            return node.label
        if role == Qt.ItemDataRole.FontRole and node.level == 1:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return node.label + (self.tr("（推断）") if node.inferred else "")
        if role == Qt.ItemDataRole.ForegroundRole and (node.inferred or self._runs_in(node)):
            # Titles taken from the text are set a little lighter than heading lines: not italic, not greyed out
            # as if disabled (the tooltip says where the title comes from).
            color = QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
            color.setAlpha(185)
            return color
        if role == NODE_ROLE:
            return node.id
        if role == BLOCK_ROLE:
            return node.block
        return None

    def _opening(self, node: Node) -> str:
        if self._doc is None or not 0 <= node.block < len(self._doc.blocks):
            return ""
        return re.split(r"(?<=[。；!?！？])", self._doc.blocks[node.block].text, maxsplit=1)[0]

    def _runs_in(self, node: Node) -> bool:
        """An item whose heading is the opening of a paragraph of body text."""
        return (
            node.kind is NodeKind.ITEM
            and self._doc is not None
            and 0 <= node.block < len(self._doc.blocks)
            and self._doc.blocks[node.block].kind is BlockKind.ITEM
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def index_for_node(self, node_id: str) -> QModelIndex:
        node = self._by_id.get(node_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(self._row[node_id], 0, node)
