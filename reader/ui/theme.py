"""Light and dark palettes; 'system' follows the OS colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme and scheme() == Qt.ColorScheme.Dark)


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        window, base, text, muted, accent = "#252526", "#1e1e1e", "#d8d4cc", "#8d887f", "#6b8fc7"
        # White on the selection needs a deep blue (contrast 7:1); the light accent stays for links on dark.
        alt, button, selection = "#2b2b2b", "#2d2d2d", "#2c5a93"
    else:
        window, base, text, muted, accent = "#f3f1ec", "#fbfaf7", "#2b2b2b", "#8a857c", "#3b6ea8"
        alt, button, selection = "#f0ede6", "#f6f4ef", accent
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, alt),
        (QPalette.ColorRole.Button, button),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, muted),
        (QPalette.ColorRole.Highlight, selection),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, accent),
    ):
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(muted))
    return p


def apply(app: QApplication, key: str) -> bool:
    """Apply 'light', 'dark' or 'system'; returns whether the result is dark."""
    dark = system_is_dark() if key == "system" else key == "dark"
    app.setPalette(_palette(dark))
    return dark
