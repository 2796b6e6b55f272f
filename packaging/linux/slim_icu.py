"""Make the bundle's ICU data library hold only what Qt uses (Linux; the PySide6 wheels carry ICU only there).

PySide6's Linux wheels ship ICU 73 with its full data: ``libicudata.so.73`` is 31 MB, a fifth of the bundle. Qt 6
calls ICU for five things only (the ``*_73`` symbols ``libQt6Core`` imports): case mapping (``u_strToUpper``),
collation (``ucol_*``: locale-aware sorting), text codecs (``ucnv_*``: ``QStringDecoder`` for non-UTF encodings), and
time zone ids and display names (``ucal_*``). It never asks ICU for break iterators, number spell-out,
transliteration, or the names of languages, regions, currencies and units — CLDR's display data for ~800 locales,
most of the file. So the data is repacked with ICU's own tool, ``icupkg``, keeping:

* every item that is not locale data (Unicode properties, case mapping, normalization, the converter alias table,
  supplemental data, time zone rules, the collation root table);
* the locale data of ``root``, English and Chinese (the app's languages) in every tree that remains;
* the converters for GB18030, GBK, GB2312 and Big5, the encodings of Chinese documents, and windows-1252 (UTF-8,
  UTF-16 and Latin-1 are built into ICU and Qt);

and the result is linked into a new ``libicudata.so.73`` that exports the same symbol (``icudt73_dat``), with GNU
``as`` and ``ld``: 32 MB become 5.4 MB. Nothing else in the bundle changes. ``gui --smoke`` checks Chinese
collation, locale case mapping, the Chinese codecs and a time zone's Chinese name in the frozen app.

Usage: python packaging/linux/slim_icu.py BUNDLE_DIR   (run by build.spec after PyInstaller's COLLECT)
Needs ``icupkg`` (Debian/Ubuntu: icu-devtools) and binutils; without them it says so and leaves the data whole.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LOCALE = re.compile(r"(root|en|en_001|en_US|en_GB|zh|zh_[A-Za-z_]+)")
LOCALE_ID = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")  # af, yue, es_419, zh_Hant_HK, de__PHONEBOOK …
NOT_LOCALES = {"res_index", "pool", "root"}  # names that look like a locale id but are tables every tree needs
UNUSED_TREES = {"brkitr", "rbnf", "translit"}  # break iterators, spell-out rules, transliterators
# GB18030; GBK (windows-936) and Big5 (windows-950), each with the IBM table it extends; GB2312 (EUC-CN); and
# windows-1252, the usual mislabelled "Latin-1".
KEPT_CONVERTERS = {
    "gb18030",
    "windows-936-2000",
    "ibm-1386_P100-2001",
    "windows-950-2000",
    "ibm-1373_P100-2002",
    "ibm-1383_P110-1999",
    "ibm-5348_P100-1997",
}


def dropped(item: str) -> bool:
    """Whether an item of the ICU data package (``coll/zh.res``, ``ibm-1390_P110-2003.cnv`` …) is left out."""
    tree, _, name = item.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return False
    if tree in UNUSED_TREES:
        return True
    if ext == "cnv":
        return stem not in KEPT_CONVERTERS
    if ext == "res" and LOCALE_ID.fullmatch(stem) and stem not in NOT_LOCALES:
        return not KEPT_LOCALE.fullmatch(stem)
    return False


def _run(*args: str, cwd: Path) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"slim_icu: {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def slim(lib: Path) -> tuple[int, int]:
    """Replace ``lib`` (``libicudata.so.NN``) with one holding only the kept items; returns (bytes before, after)."""
    major = lib.name.rsplit(".", 1)[-1]
    symbol = f"icudt{major}_dat"
    package = f"icudt{major}l.dat"  # icupkg wants the file named as the package (l: little-endian, as on x86-64/arm64)
    before = lib.stat().st_size
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as tmp:
        work = Path(tmp)
        (work / "slim").mkdir()
        _run("objcopy", "-O", "binary", "--only-section=.rodata", str(lib), package, cwd=work)
        if (work / package).read_bytes()[12:16] != b"CmnD":
            raise SystemExit(f"slim_icu: {lib} does not hold ICU common data where expected; left as it is")
        items = _run("icupkg", "-l", package, cwd=work).split()
        drop = [item for item in items if dropped(item)]
        (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
        _run("icupkg", "-r", "drop.txt", package, f"slim/{package}", cwd=work)
        kept = set(_run("icupkg", "-l", f"slim/{package}", cwd=work).split())
        if kept != set(items) - set(drop):
            raise SystemExit("slim_icu: icupkg did not write the items asked for; left as it is")
        (work / "data.s").write_text(
            f"""\t.section .rodata
\t.globl {symbol}
\t.type {symbol}, @object
\t.balign 16
{symbol}:
\t.incbin "slim/{package}"
\t.size {symbol}, . - {symbol}
\t.section .note.GNU-stack,"",@progbits
""",
            encoding="utf-8",
        )
        _run("as", "-o", "data.o", "data.s", cwd=work)
        _run("ld", "-shared", "-soname", lib.name, "-o", "out.so", "data.o", cwd=work)
        if symbol not in _run("nm", "-D", "--defined-only", "out.so", cwd=work):
            raise SystemExit(f"slim_icu: the new library does not export {symbol}; left as it is")
        shutil.copyfile(work / "out.so", lib)
    return before, lib.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    libs = sorted(p for p in Path(argv[0]).rglob("libicudata.so.*") if not p.is_symlink())  # PyInstaller links it
    if not libs:
        print("slim_icu: no ICU data library in the bundle (nothing to do)")
        return 0
    missing = [tool for tool in ("icupkg", "objcopy", "as", "ld", "nm") if shutil.which(tool) is None]
    if missing:
        print(f"slim_icu: {', '.join(missing)} not found (apt install icu-devtools binutils): ICU data left whole")
        return 0
    for lib in libs:
        before, after = slim(lib)
        print(f"slim_icu: {lib.name} {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
