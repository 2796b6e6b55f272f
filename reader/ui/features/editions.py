"""Two editions of one document side by side in time: pick the older and the newer, read every added, removed,
changed (changed words marked) and moved paragraph with its chapter, step from change to change, and click one to
read it in place."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.session import Session


def _marked(text: str, spans: list[tuple[int, int]], colour: str) -> str:
    out, pos = [], 0
    for a, b in spans:
        out += [html.escape(text[pos:a]), f'<span style="background:{colour}">', html.escape(text[a:b]), "</span>"]
        pos = b
    return "".join([*out, html.escape(text[pos:])])


class EditionsWindow(QDialog):
    jump_requested = Signal(str, int, int, int)  # document id, block, start, end

    def __init__(self, parent: QWidget, session: Session) -> None:
        super().__init__(parent)
        self.setObjectName("editionsWindow")
        self.setWindowTitle(self.tr("比较两个版本"))
        self.session = session
        self.result: Any = None
        self.current = -1
        self.old_box, self.new_box = QComboBox(), QComboBox()
        self.old_box.setAccessibleName(self.tr("旧版本"))
        self.new_box.setAccessibleName(self.tr("新版本"))
        self.run_button = QPushButton(self.tr("比较"))
        self.run_button.clicked.connect(lambda: self.run())
        self.prev_button = QPushButton(self.tr("上一处"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(self.tr("下一处"))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.summary = QLabel(self.tr("选择旧版本和新版本（例如征求意见稿和正式文本），然后按“比较”。"))
        self.summary.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("editionsView")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("旧版本")))
        top.addWidget(self.old_box, 1)
        top.addWidget(QLabel(self.tr("新版本")))
        top.addWidget(self.new_box, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        self.resize(1100, 720)
        self.fill()

    def fill(self) -> None:
        try:
            entries = self.session.library.entries()
        except ReaderError as exc:
            self.summary.setText(str(exc))
            return
        for box in (self.old_box, self.new_box):
            chosen = box.currentData()
            box.clear()
            for e in entries:
                box.addItem(e.title, e.id)
            if chosen is not None and box.findData(chosen) >= 0:
                box.setCurrentIndex(box.findData(chosen))

    def run(self, old_id: str | None = None, new_id: str | None = None) -> bool:
        from reader.document.diff import diff

        old_id = old_id or self.old_box.currentData()
        new_id = new_id or self.new_box.currentData()
        for box, doc_id in ((self.old_box, old_id), (self.new_box, new_id)):
            if box.findData(doc_id) >= 0:
                box.setCurrentIndex(box.findData(doc_id))
        if not old_id or not new_id or old_id == new_id:
            self.summary.setText(self.tr("请选择两个不同的文档。"))
            return False
        try:
            self.result = diff(self.session.document(old_id), self.session.document(new_id))
        except ReaderError as exc:
            self.summary.setText(str(exc))
            return False
        self.current = -1
        self._show()
        return True

    def _show(self) -> None:
        result = self.result
        counts = {k: sum(1 for c in result.changes if c.kind == k) for k in ("added", "removed", "changed", "moved")}
        self.summary.setText(
            self.tr("新增 {0} 段，删除 {1} 段，修改 {2} 段，移动 {3} 段。点击一段在原文中查看。").format(
                counts["added"], counts["removed"], counts["changed"], counts["moved"]
            )
        )
        labels = {
            "added": (self.tr("新增"), "#1d7a3a"),
            "removed": (self.tr("删除"), "#a4451d"),
            "changed": (self.tr("修改"), "#1d5e9a"),
            "moved": (self.tr("移动"), "#6b4f9a"),
        }
        dark = self.palette().base().color().lightness() < 128
        new_mark, old_mark = ("#24492f", "#5a2a40") if dark else ("#cdeccf", "#f8d3e0")
        parts = []
        for n, c in enumerate(result.changes):
            label, colour = labels[c.kind]
            where = html.escape(c.chapter)
            if c.kind == "moved":
                where += "　" + self.tr("（原在：{0}）").format(html.escape(result.old.chapter_path(c.old_block)))
            head = f'<a name="c{n}"></a><p><b style="color:{colour}">{label}</b>　{where}</p>'
            if c.kind == "changed":
                old = _marked(result.old.blocks[c.old_block].text, c.old_spans, old_mark)
                new = _marked(result.new.blocks[c.new_block].text, c.new_spans, new_mark)
                body = (
                    f'<p style="color:#8a857c">{self.tr("旧")}：{old}</p>'
                    f'<p><a href="new:{c.new_block}" style="text-decoration:none;color:inherit">{self.tr("新")}：{new}</a></p>'
                )
            elif c.kind == "removed":
                body = f'<p><a href="old:{c.old_block}" style="color:inherit"><s>{html.escape(result.old.blocks[c.old_block].text)}</s></a></p>'
            else:
                text = html.escape(result.new.blocks[c.new_block].text)
                body = f'<p><a href="new:{c.new_block}" style="text-decoration:none;color:inherit">{text}</a></p>'
            parts.append(head + body + "<hr/>")
        notes = self._notes_html()
        self.view.setHtml(notes + ("".join(parts) or f"<p>{self.tr('两个版本的正文相同。')}</p>"))

    def _notes_html(self) -> str:
        """The older edition's notes, each where its text is in the newer edition (or said to be gone)."""
        from reader.annotations.anchor import locate

        try:
            notes = [a for a in self.session.annotations.list(self.result.old.id) if a.kind != "bookmark"]
        except ReaderError:
            return ""
        if not notes:
            return ""
        new = self.result.new
        rows, found = [], 0
        for a in notes:
            anchor = locate(new, a.block_id, a.block, a.start, a.end, a.quote, a.prefix, a.suffix)
            what = html.escape(a.note or a.quote)[:80]
            if anchor.status == "orphaned":
                rows.append(f"<li>{what} — {self.tr('原文在新版本中已删改')}</li>")
                continue
            found += 1
            link = f'<a href="new:{anchor.block}">{html.escape(new.chapter_path(anchor.block))}</a>'
            rows.append(f"<li>{what} — {link}</li>")
        head = self.tr("旧版本的 {0} 条批注：{1} 条在新版本中找到原处。").format(len(notes), found)
        return f"<p><b>{head}</b></p><ul>{''.join(rows)}</ul><hr/>"

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) change."""
        if self.result is None or not self.result.changes:
            return
        self.current = max(0, min(len(self.result.changes) - 1, self.current + delta))
        self.view.scrollToAnchor(f"c{self.current}")

    def _clicked(self, url: QUrl) -> None:
        side, _, block = url.toString().partition(":")
        doc = self.result.new if side == "new" else self.result.old
        index = int(block)
        self.jump_requested.emit(doc.id, index, 0, len(doc.blocks[index].text))


class Editions(QObject):
    """The compare-editions action (File menu) and its window."""

    jump_requested = Signal(str, int, int, int)

    def __init__(self, window: QWidget, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.dialog: EditionsWindow | None = None
        self.action = QAction(self.tr("比较两个版本…"), window)
        self.action.triggered.connect(lambda _checked=False: self.show())

    def show(self, old_id: str | None = None, new_id: str | None = None) -> EditionsWindow:
        if self.dialog is None:
            self.dialog = EditionsWindow(self.window, self.session)
            self.dialog.jump_requested.connect(self.jump_requested)
        else:
            self.dialog.fill()
        self.dialog.show()
        self.dialog.raise_()
        if old_id and new_id:
            self.dialog.run(old_id, new_id)
        return self.dialog
