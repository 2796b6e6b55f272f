"""Packaging files that are not run by the suite otherwise: the Windows version resource carries reader.__version__."""

from __future__ import annotations

import ast
import re

import reader
from tests.conftest import ROOT


def test_the_windows_version_resource_is_filled_from_the_package_version() -> None:
    template = (ROOT / "packaging" / "windows_version_info.template").read_text(encoding="utf-8")
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "windows_version_info.template" in spec and "reader.__version__" in spec
    assert "0.1.0" not in template and "{VERSION}" in template and "{VERSION_TUPLE}" in template
    parts = [int(p) for p in reader.__version__.split(".")[:4] if p.isdigit()]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    text = template.replace("{VERSION_TUPLE}", repr(numbers)).replace("{VERSION}", reader.__version__)
    ast.parse("\n".join(line for line in text.splitlines() if not line.startswith("#")))  # valid for PyInstaller
    assert re.findall(r"'(?:File|Product)Version', '([^']+)'", text) == [reader.__version__] * 2
    assert f"filevers={numbers!r}" in text


def test_the_icons_carry_every_standard_size() -> None:
    # Windows scales a single 256 px image down for title bars and lists, blurring it; each size is drawn.
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    ico = Image.open(icons / "app.ico")
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    icns = Image.open(icons / "app.icns")
    assert {(16, 16, 2), (32, 32, 2), (128, 128, 1), (256, 256, 1), (512, 512, 1), (512, 512, 2)} <= set(
        icns.info["sizes"]
    )
