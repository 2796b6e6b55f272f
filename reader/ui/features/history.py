"""Back and forward through the places jumped to, like a browser: the actions, their shortcuts and the trail."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction


class History(QObject):
    """A trail of block numbers. A jump adds a place (dropping any forward places); Back first remembers where the
    reader scrolled to, so Forward returns there."""

    jump_requested = Signal(int)  # the block to show (not recorded again)

    def __init__(self, parent: QObject, reading_position: Callable[[], int]) -> None:
        super().__init__(parent)
        self.places: list[int] = []
        self.pos = -1
        self._reading_position = reading_position
        self.back = QAction(self.tr("后退"), parent)
        self.back.setShortcut("Alt+Left")
        self.back.triggered.connect(self.go_back)
        self.forward = QAction(self.tr("前进"), parent)
        self.forward.setShortcut("Alt+Right")
        self.forward.triggered.connect(self.go_forward)
        self._update()

    def reset(self) -> None:
        self.places, self.pos = [], -1
        self._update()

    def push(self, block: int, replace_current: bool = False) -> None:
        if replace_current and 0 <= self.pos < len(self.places):
            self.places[self.pos] = block
        elif not self.places or self.places[self.pos] != block:
            del self.places[self.pos + 1 :]
            self.places.append(block)
            self.pos = len(self.places) - 1
        self._update()

    def go_back(self) -> None:
        if self.pos > 0:
            self.places[self.pos] = self._reading_position()
            self.pos -= 1
            self.jump_requested.emit(self.places[self.pos])
            self._update()

    def go_forward(self) -> None:
        if self.pos < len(self.places) - 1:
            self.pos += 1
            self.jump_requested.emit(self.places[self.pos])
            self._update()

    def _update(self) -> None:
        self.back.setEnabled(self.pos > 0)
        self.forward.setEnabled(0 <= self.pos < len(self.places) - 1)
