"""Appearance: text size, colour theme and interface language — their actions, their part of the View menu, and
their values in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from reader.ui import theme
from reader.ui.views.document_view import DocumentView


class Appearance(QObject):
    theme_changed = Signal(bool)  # True when the theme now in use is dark

    def __init__(self, window: QWidget, view: DocumentView, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.settings = settings

        def action(text: str, slot, shortcut: QKeySequence) -> QAction:  # type: ignore[no-untyped-def]
            act = QAction(text, window)
            act.setShortcut(shortcut)
            act.triggered.connect(slot)
            window.addAction(act)  # the shortcut works wherever the focus is
            return act

        self.zoom_in = action(self.tr("放大"), lambda: self.zoom(+1), QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out = action(self.tr("缩小"), lambda: self.zoom(-1), QKeySequence("Ctrl+-"))
        self.zoom_reset = action(self.tr("实际大小"), lambda: self.zoom(None), QKeySequence("Ctrl+0"))
        self.theme_group = QActionGroup(self)
        self.themes: dict[str, QAction] = {}
        for key, label in (("system", self.tr("跟随系统")), ("light", self.tr("浅色")), ("dark", self.tr("深色"))):
            act = QAction(label, window, checkable=True)
            act.triggered.connect(lambda _c=False, k=key: self.set_theme(k))
            self.theme_group.addAction(act)
            self.themes[key] = act
        self.lang_group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        for key, label in (("zh", "中文"), ("en", "English")):  # each language in its own name
            act = QAction(label, window, checkable=True)
            act.triggered.connect(lambda _c=False, k=key: self.set_language(k))
            self.lang_group.addAction(act)
            self.languages[key] = act

    def add_to_menu(self, menu: QMenu) -> None:
        """The zoom actions, then the Theme and Language submenus."""
        menu.addAction(self.zoom_in)
        menu.addAction(self.zoom_out)
        menu.addAction(self.zoom_reset)
        menu.addSeparator()
        themes = menu.addMenu(self.tr("主题"))
        for act in self.themes.values():
            themes.addAction(act)
        languages = menu.addMenu(self.tr("界面语言"))
        for act in self.languages.values():
            languages.addAction(act)

    def restore(self) -> None:
        """Text size, theme and language as the user left them."""
        try:
            zoom = int(self.settings.value("zoom", 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            zoom = 0
        self.view.set_zoom(zoom)
        key = str(self.settings.value("theme", "system"))
        self.set_theme(key if key in self.themes else "system")
        self.languages.get(str(self.settings.value("language", "zh")), self.languages["zh"]).setChecked(True)

    def zoom(self, step: int | None) -> None:
        """One step larger (+1) or smaller (-1), or back to the default size (None)."""
        steps = 0 if step is None else self.view.zoom_steps + step
        self.view.set_zoom(steps)
        self.settings.setValue("zoom", self.view.zoom_steps)

    def set_theme(self, key: str) -> None:
        self.settings.setValue("theme", key)
        self.themes[key].setChecked(True)
        dark = theme.apply(QApplication.instance(), key)  # type: ignore[arg-type]
        self.view.set_dark(dark)
        self.theme_changed.emit(dark)

    def set_language(self, key: str) -> None:
        if self.settings.value("language", "zh") == key:
            return
        self.settings.setValue("language", key)
        QMessageBox.information(
            self.window,
            self.tr("界面语言"),
            self.tr("界面语言将在下次启动时切换。") + "\nThe interface language changes the next time the app starts.",
        )
