"""What the window shows around the text: the docked panels (视图 › 面板, each entry bringing its panel to the front),
full screen, and focus mode (only the text; Esc or the same key restores)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QWidget


class Panels(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.focus_mode = False
        self.chrome: list[QWidget] = []  # what focus mode hides besides the docks (tree pane, toolbar, status bar)
        self.menu = QMenu(self.tr("面板"), window)
        self.fullscreen_action = self._action(self.tr("全屏"), self.toggle_fullscreen, "F11")
        self.focus_action = self._action(self.tr("专注阅读"), self.toggle_focus_mode, "Ctrl+Shift+F")

    def _action(self, text: str, slot: object, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.window.addAction(action)
        return action

    def add(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        """A dock on the right holding ``widget``, with its entry in the panels menu (``dock.panel_action``)."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea)
        features = QDockWidget.DockWidgetFeature
        dock.setFeatures(features.DockWidgetClosable | features.DockWidgetMovable | features.DockWidgetFloatable)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        action = QAction(title, self.window)
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False, d=dock: self.toggle(d))
        dock.visibilityChanged.connect(lambda _visible, d=dock, a=action: a.setChecked(not d.isHidden()))
        dock.panel_action = action  # type: ignore[attr-defined]
        self.menu.addAction(action)
        return dock

    def toggle(self, dock: QDockWidget) -> None:
        """Show a panel and bring it to the front; hide it only when it is already in front."""
        in_front = dock.isVisible() and not dock.visibleRegion().isEmpty()
        if in_front:
            dock.hide()
        else:
            dock.show()
            dock.raise_()
        dock.panel_action.setChecked(not dock.isHidden())  # type: ignore[attr-defined]

    def toggle_fullscreen(self) -> None:
        if self.window.isFullScreen():
            self.window.showNormal()
        else:
            self.window.showFullScreen()
        self.fullscreen_action.setChecked(self.window.isFullScreen())

    def toggle_focus_mode(self) -> None:
        """Only the text: hide the tree, panels, toolbar and status bar."""
        self.focus_mode = not self.focus_mode
        for widget in self.chrome:
            widget.setVisible(not self.focus_mode)
        for dock in self.window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            dock.setVisible(not self.focus_mode and dock.property("wanted") is not False)
        self.focus_action.setChecked(self.focus_mode)
        self.settings.setValue("focus_mode", self.focus_mode)

    def escape(self) -> bool:
        """Leave focus mode and full screen; False when in neither (Esc means something else then)."""
        if not (self.focus_mode or self.window.isFullScreen()):
            return False
        if self.focus_mode:
            self.toggle_focus_mode()
        if self.window.isFullScreen():
            self.toggle_fullscreen()
        return True

    def restore(self, splitter: QSplitter, default_dock: QDockWidget) -> None:
        """The window's size, docks, tree width and focus mode as the reader left them (1280×820 at first)."""
        geometry, state = self.settings.value("geometry"), self.settings.value("window_state")
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1280, 820)
        if isinstance(state, QByteArray):
            self.window.restoreState(state)
        else:
            self.window.resizeDocks([default_dock], [400], Qt.Orientation.Horizontal)
        sizes = self.settings.value("splitter")
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
        if str(self.settings.value("focus_mode", "false")).lower() == "true":
            self.toggle_focus_mode()

    def save(self, splitter: QSplitter) -> None:
        self.settings.setValue("geometry", self.window.saveGeometry())
        self.settings.setValue("window_state", self.window.saveState())
        self.settings.setValue("splitter", splitter.saveState())
