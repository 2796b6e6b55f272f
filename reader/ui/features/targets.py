"""Targets and past figures: found when a document opens (a long one in event-loop batches, text first), typeset
into the text, listed in the 目标与数据 panel, explained in a tooltip, exported to CSV, with the colour legend."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from reader.document.model import Document
from reader.session import Session
from reader.targets.extract import Target
from reader.ui.panels.targets_panel import TargetsPanel
from reader.ui.views.document_view import Span

TARGETS_IN_BACKGROUND_CHARS = 150_000  # longer documents get their targets after the text is shown


def target_spans(targets: list[Target]) -> list[Span]:
    """Each target as a coloured span with its numbers in bold; a past figure colours only its numbers, so that a
    review chapter, where nearly every clause holds one, does not turn one colour."""
    spans: list[Span] = []
    for t in targets:
        if t.kind == "target":
            spans.extend(Span(t.block, a, b, t.kind) for a, b in t.marks)
        else:
            spans.extend(Span(t.block, q.start, q.end, t.kind) for q in t.quantities)
        spans.extend(Span(t.block, q.start, q.end, "num") for q in t.quantities)
    return spans


class TargetsFeature(QObject):
    spans_changed = Signal()  # highlighting was switched on or off: the window re-typesets its spans
    spans_found = Signal(list)  # spans of a batch found in the background, to add to the text
    jump_requested = Signal(int, int, int)  # block, start, end
    status = Signal(str, int)
    error = Signal(str)

    def __init__(self, window: QWidget, session: Session, closing: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._closing = closing
        self.doc: Document | None = None
        self.targets: list[Target] = []
        self.panel = TargetsPanel()
        self.panel.jump_requested.connect(self.jump_requested)
        self.panel.export_requested.connect(self.export_csv)
        self.highlight = QAction(self.tr("突出显示目标与既往数据"), window)
        self.highlight.setShortcut("Ctrl+Shift+H")
        self.highlight.setCheckable(True)
        self.highlight.setChecked(True)
        self.highlight.triggered.connect(self.spans_changed)
        window.addAction(self.highlight)
        self.export_action = QAction(self.tr("导出目标与数据为 CSV…"), window)
        self.export_action.triggered.connect(lambda _checked=False: self.export_csv())
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)

    def document_opened(self, doc: Document) -> None:
        """Targets of a short (or already read) document at once; of a long one in the background, after this."""
        self.doc = doc
        later = doc.char_count > TARGETS_IN_BACKGROUND_CHARS and not self.session.has_targets(doc)
        self.targets = [] if later else self.session.targets(doc)
        self.panel.set_targets(doc, self.targets)
        if later:
            self._find_later(doc)

    def spans(self) -> list[Span]:
        return target_spans(self.targets) if self.highlight.isChecked() else []

    def _find_later(self, doc: Document) -> None:
        """A batch of paragraphs per event-loop turn, highlighting as it goes (no thread: a Python thread would make
        every Qt call wait for the interpreter lock)."""
        from reader.targets.extract import extract_iter

        self.panel.count_label.setText(self.tr("正在识别目标…"))
        batches = extract_iter(doc, batch_chars=15_000)
        found: list[Target] = []

        def step() -> None:
            if self._closing() or self.doc is not doc:
                return
            batch = next(batches, None)
            if batch is None:
                self.targets = found
                self.session.remember_targets(doc, found)
                self.panel.set_targets(doc, found)
                return
            found.extend(batch)
            if self.highlight.isChecked():
                self.spans_found.emit(target_spans(batch))
            QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    def tooltip(self, block: int, offset: int) -> str | None:
        """What a marked sentence is and why it was read so."""
        for t in self.targets:
            if t.block == block and any(a <= offset < b for a, b in t.marks):
                parts = [self.tr("规划目标") if t.kind == "target" else self.tr("既往数据")]
                if t.indicator:
                    parts.append(t.indicator)
                if t.year:
                    parts.append(self.tr("{0}（按规划期末计）").format(t.year) if t.year_implied else t.year)
                if t.base_year:
                    parts.append(self.tr("比{0}年").format(t.base_year))
                if t.attribute:
                    parts.append(t.attribute)
                cues = {"section": self.tr("所在章节"), "plan": self.tr("规划正文（不在回顾部分）")}
                cue = cues.get(t.reason, t.reason)  # the core's own tokens; other reasons are words of the text
                return " · ".join(parts) + "\n" + self.tr("判断依据：{0}").format(cue)
        return None

    def update_legend(self, colors: dict[str, QColor]) -> None:
        chip = '<span style="background:{bg}; color:{fg};">&nbsp;{text}&nbsp;</span>'
        parts = [
            chip.format(bg=colors["target_bg"].name(), fg=colors["target_fg"].name(), text=self.tr("规划目标")),
            chip.format(bg=colors["actual_bg"].name(), fg=colors["actual_fg"].name(), text=self.tr("既往数据")),
        ]
        self.legend.setText("&nbsp;".join(parts) if self.highlight.isChecked() else "")
        self.panel.set_colors(colors)

    def export_csv(self, path: str | None = None) -> str | None:
        from reader.exporting import safe_filename, write_csv
        from reader.targets.export import CSV_HEADER, csv_rows

        if self.doc is None:
            return None
        if not path:
            name = safe_filename(self.tr("{0}-目标与数据").format(self.doc.title)) + ".csv"
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出为 CSV"), name, "CSV (*.csv)")
            if not path:
                return None
        try:
            write_csv(path, CSV_HEADER, csv_rows(self.doc, self.targets))
        except OSError as exc:
            self.error.emit(self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc))
            return None
        self.status.emit(self.tr("已导出：{0}").format(path), 5000)
        return path
