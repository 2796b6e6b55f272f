"""Draw the app icon and write resources/icons/app.{png,ico,icns} (run after changing the design).

Each standard size is drawn at that size (not scaled down from one large image), so title bars, the taskbar,
Explorer and Finder lists get a crisp icon: the .ico holds 16–256 px, the .icns 16–1024 px.

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
    small = size <= 32  # at list and title-bar sizes the inner frame would blur the character: leave it out
    inner = QRectF(size * 0.16, size * 0.16, size * 0.68, size * 0.68)
    if not small:
        p.setPen(QPen(QColor("#f6efe3"), max(1.0, size * 0.02)))
        p.drawRoundedRect(inner, size * 0.08, size * 0.08)
    else:
        inner = QRectF(m, m, size - 2 * m, size - 2 * m)
    font = QFont(pick_cjk_family() or "Sans")
    font.setPixelSize(int(size * (0.72 if small else 0.5)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#f6efe3"))
    p.drawText(inner, Qt.AlignmentFlag.AlignCenter, "策")
    p.end()
    return img


ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # Windows: small icons at 100–250 % scaling, tiles
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # macOS: 1x and 2x of 16, 32, 128, 256, 512


def _pil(img):  # type: ignore[no-untyped-def]
    """A QImage as a Pillow image (through PNG bytes)."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(buf.data()))).convert("RGBA")


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    out = Path(__file__).resolve().parent.parent / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(512).save(str(out / "app.png"))
    ico = [_pil(draw(n)) for n in ICO_SIZES]
    ico[-1].save(out / "app.ico", format="ICO", sizes=[(n, n) for n in ICO_SIZES], append_images=ico[:-1])
    icns = [_pil(draw(n)) for n in ICNS_SIZES]
    icns[-1].save(out / "app.icns", format="ICNS", append_images=icns[:-1])
    for name in ("app.png", "app.ico", "app.icns"):
        print(out / name, (out / name).stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
