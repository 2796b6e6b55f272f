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


def test_the_linux_icu_data_keeps_what_qt_asks_for() -> None:
    """packaging/linux/slim_icu.py: item names as ICU 73's data package lists them (icupkg -l). Qt 6 asks ICU for
    case mapping, collation, codecs and time zone names (the *_73 symbols libQt6Core imports); Chinese and English
    locale data stays, other locales' display names, break iterators, spell-out and transliteration go."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("slim_icu", ROOT / "packaging" / "linux" / "slim_icu.py")
    assert spec is not None and spec.loader is not None
    slim = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(slim)
    kept = [
        "uprops.icu", "ucase.icu", "nfkc.nrm", "cnvalias.icu", "coll/ucadata.icu", "coll/root.res", "coll/zh.res",
        "coll/zh_Hant.res", "coll/res_index.res", "zone/zh.res", "zone/en.res", "zone/root.res", "zone/pool.res",
        "zoneinfo64.res", "metaZones.res", "supplementalData.res", "likelySubtags.res", "res_index.res", "zh_CN.res",
        "en.res", "gb18030.cnv", "windows-936-2000.cnv", "ibm-1386_P100-2001.cnv", "windows-950-2000.cnv",
        "ibm-1373_P100-2002.cnv", "ibm-1383_P110-1999.cnv", "ibm-5348_P100-1997.cnv", "curr/zh_Hant_HK.res",
    ]  # fmt: skip
    dropped = [
        "coll/de.res", "coll/de_.res", "coll/de__PHONEBOOK.res", "coll/es__TRADITIONAL.res", "lang/fr.res",
        "region/yue.res", "unit/es_419.res", "af.res", "brkitr/cjdict.dict", "brkitr/root.res", "rbnf/zh.res",
        "translit/root.res", "ibm-1390_P110-2003.cnv", "euc-tw-2014.cnv",
    ]  # fmt: skip
    assert [item for item in kept if slim.dropped(item)] == []
    assert [item for item in dropped if not slim.dropped(item)] == []
