"""Cold start to a painted window on the bundled plan (tree, text, highlights), in fresh processes.

Each run is a new Python process with a new data folder (offscreen Qt), timed from interpreter
start to the first paint of the text view. Also reports whether jieba was imported on that path
(it must not be), and the time to open a ~1 MB plan with headings (import excluded) to first paint.
Baseline in the same run: the bare cost of `import PySide6.QtWidgets` + an empty QMainWindow paint.
Usage: python bench/startup_bench.py [--quick]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import run_offscreen  # noqa: E402

CHILD = r"""
import time, sys, json
t0 = time.perf_counter()
mode = sys.argv[1]
from PySide6.QtWidgets import QApplication, QMainWindow
if mode == "baseline":
    app = QApplication([])
    w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents(); w.grab()
    print(json.dumps({"seconds": time.perf_counter() - t0 + START_OFFSET}))
    sys.exit(0)
from reader.ui.app import create_window
app, win = create_window(sys.argv[2], lang="zh")
win.resize(1200, 800)
win.show()
if mode == "big":
    t_open = time.perf_counter()
    win.open_document(sys.argv[3])
else:
    win.open_default()
from PySide6.QtCore import QEvent, QObject
painted = []
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            painted.append(time.perf_counter())
        return False
spy = Spy()
win.view.viewport().installEventFilter(spy)
win.view.viewport().update()
deadline = time.perf_counter() + 30
while not painted and time.perf_counter() < deadline:
    app.processEvents()
if not painted:
    win.view.viewport().grab()
    painted.append(time.perf_counter())
t = painted[0] - (t_open if mode == "big" else t0) + (0 if mode == "big" else START_OFFSET)
stalls = []
scrolls = []
if mode == "big":
    # The rest is typeset between events: how long does one turn of the event loop take meanwhile?
    while not win.view.loaded or not win.targets_feature.targets:
        s0 = time.perf_counter(); app.processEvents(); stalls.append(time.perf_counter() - s0)
    bar = win.view.verticalScrollBar()
    bar.setValue(0)
    step = max(1, bar.maximum() // 150)
    for _ in range(150):
        s0 = time.perf_counter()
        bar.setValue(bar.value() + step)
        win.view.viewport().repaint()
        app.processEvents()
        scrolls.append(time.perf_counter() - s0)
print(json.dumps({"seconds": t, "jieba": "jieba" in sys.modules, "targets": len(win.targets_feature.targets),
                  "nodes": win.nav.outline.rowCount(), "stall_max": max(stalls, default=0),
                  "scroll_max": max(scrolls, default=0), "scroll_p95": sorted(scrolls)[int(0.95 * len(scrolls))] if scrolls else 0}))
"""


def run(mode: str, data: str, extra: list[str] | None = None) -> dict:
    # Interpreter start-up before our first line is measured separately and added in.
    code = CHILD.replace("START_OFFSET", "float(sys.argv[-1])")
    import time

    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    interp = time.perf_counter() - t
    return run_offscreen(code, mode, data, *(extra or []), str(interp))


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 7
    base = [run("baseline", "")["seconds"] for _ in range(runs)]
    cold = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            cold.append(run("cold", data))
    print(f"runs: {runs}")
    print(f"baseline (empty Qt window painted):   median {statistics.median(base):.3f} s")
    secs = [c["seconds"] for c in cold]
    print(
        f"cold start, bundled plan painted:     median {statistics.median(secs):.3f} s, max {max(secs):.3f} s"
        f"  ({statistics.median(secs) / statistics.median(base):.1f}x baseline)"
    )
    print(f"jieba loaded on the start path:       {any(c['jieba'] for c in cold)}")
    print(f"targets highlighted: {cold[0]['targets']}, top-level tree nodes: {cold[0]['nodes']}")
    # A ~1 MB plan with official headings, imported once, then opened and painted.
    from reader.session import Session

    with tempfile.TemporaryDirectory() as data:
        src = Path(data) / "big-plan.txt"
        unit = (ROOT / "tests" / "data" / "plan_with_headings.txt").read_text(encoding="utf-8")
        seed = (ROOT / "resources" / "dongguan-14th-fyp.txt").read_text(encoding="utf-8")
        parts, n = [], 0
        while sum(len(p) for p in parts) < 1_000_000:
            n += 1
            parts.append(unit.replace("第一篇", f"第{n}篇 ") + "\n" + seed)
        src.write_text("\n".join(parts), encoding="utf-8")
        doc, _, _ = Session(data).import_file(src, index=False)
        big = [run("big", data, [doc.id]) for _ in range(max(3, runs // 2))]
        print(
            f"1 MB plan ({doc.char_count:,} chars, {len(doc.blocks)} blocks): open to first paint median"
            f" {statistics.median(b['seconds'] for b in big):.3f} s"
        )
        print(
            f"  while the rest is typeset and targets found: longest event-loop turn"
            f" {max(b['stall_max'] for b in big) * 1000:.0f} ms"
        )
        print(
            f"  scrolling through it (150 steps, repaint each): p95 {statistics.median(b['scroll_p95'] for b in big) * 1000:.0f} ms,"
            f" max {max(b['scroll_max'] for b in big) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
