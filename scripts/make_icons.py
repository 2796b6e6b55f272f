"""Draw the app icon and write resources/icons/app.{png,ico,icns} (run after changing the design).

Usage: QT_QPA_PLATFORM=offscreen python scripts/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def draw(size: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    from reader.ui.views.typesetting import pick_cjk_family

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    m = size * 0.06
    p.setBrush(QColor("#8f2d2a"))  # a calm seal red
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(m, m, size - 2 * m, size - 2 * m), size * 0.18, size * 0.18)
    p.setPen(QPen(QColor("#f6efe3"), max(1.0, size * 0.02)))
    inner = QRectF(size * 0.16, size * 0.16, size * 0.68, size * 0.68)
    p.drawRoundedRect(inner, size * 0.08, size * 0.08)
    font = QFont(pick_cjk_family() or "Sans")
    font.setPixelSize(int(size * 0.5))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#f6efe3"))
    p.drawText(inner, Qt.AlignmentFlag.AlignCenter, "策")
    p.end()
    return img


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    out = Path(__file__).resolve().parent.parent / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(512).save(str(out / "app.png"))
    draw(256).save(str(out / "app.ico"))
    draw(512).save(str(out / "app.icns"))
    for name in ("app.png", "app.ico", "app.icns"):
        print(out / name, (out / name).stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
