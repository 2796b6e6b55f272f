"""Message boxes shared by the window and its features."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def show_warning(parent: QWidget, title: str, message: str) -> None:
    """A warning the user must see; modal on a desktop, never blocking a headless run (tests inspect it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    if QApplication.platformName() == "offscreen":
        box.setModal(False)
        box.show()
        return
    box.exec()
