"""Edition diff speed on a real plan: the 十五 plan of 2001 (tests/data/plan_toc_preface.txt) against copies of it
edited in two ways — a few edits (a paragraph moved, one inserted, one deleted, a year changed) and every tenth
paragraph rewritten in part — with a linear baseline: difflib over the whole texts line by line.

Usage: python bench/diff_bench.py
"""

from __future__ import annotations

import difflib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.diff import diff  # noqa: E402
from reader.document.importers import read_file  # noqa: E402
from reader.document.structure import build  # noqa: E402

SOURCE = ROOT / "tests" / "data" / "plan_toc_preface.txt"


def _doc(lines: list[str], folder: Path, name: str):  # type: ignore[no-untyped-def]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build(read_file(path), name)


def main() -> int:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    few = list(lines)
    few.insert(120, few.pop(60))
    few.insert(90, "这是新增加的一段文字。")
    del few[200]
    few[150] = few[150].replace("发展", "推进", 1)
    many = [
        t[: len(t) // 2] + "（此处有修改）" + t[len(t) // 2 :] if i % 10 == 5 and len(t) > 40 else t
        for i, t in enumerate(lines)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old = _doc(lines, folder, "old.txt")
        print(f"{old.char_count:,} characters, {len(old.blocks)} paragraphs")
        print(f"{'edits':22} {'changes':>7} {'diff ms':>8} {'baseline ms':>12}")
        for label, edited in (("few (4 edits)", few), ("every 10th paragraph", many)):
            new = _doc(edited, folder, "new.txt")
            times, base = [], []
            for _ in range(5):
                started = time.perf_counter()
                result = diff(old, new)
                times.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                list(difflib.unified_diff(lines, edited, lineterm=""))
                base.append((time.perf_counter() - started) * 1000)
            print(f"{label:22} {len(result.changes):7} {statistics.median(times):8.1f} {statistics.median(base):12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
