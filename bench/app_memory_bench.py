"""Memory and search latency of the running app (the real window, offscreen) with a large library.

Builds a data folder whose library holds N synthetic plans (the bundled plan's paragraphs shuffled and
edited, as in search_bench.py; written straight into the library's on-disk format, which is faster than
importing text files and parses to the same documents), indexes it with `policy-reader index` (reporting
time and the indexing process's peak RSS), then starts the app on it and types every benchmark query into
the Search panel, waiting for each result to be shown. Reports the app's RSS after the first paint, after
the index is open, and after all the searches, with its peak; the time from a query to its result on screen;
and, as a baseline in the same run, the RSS of an empty Qt window in the same kind of process.

Usage: python bench/app_memory_bench.py [--plans N] [--data-dir DIR] [--quick]
A --data-dir that already holds a library is reused as it is (index built only if needed).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import run_offscreen  # noqa: E402
from bench.search_bench import QUERIES, pct, synthetic  # noqa: E402
from reader.library import CATALOG_VERSION, Entry, Library  # noqa: E402
from reader.paths import resources_dir  # noqa: E402

CHILD = r"""
import json, sys, time
def rss(kind="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(kind + ":"):
            return int(line.split()[1]) / 1024
mode, data_dir, queries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
from PySide6.QtWidgets import QApplication, QMainWindow
if mode == "baseline":
    app = QApplication([])
    w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents(); w.grab()
    print(json.dumps({"rss": rss()}))
    sys.exit(0)
from reader.ui.app import create_window
app, win = create_window(data_dir, lang="zh")
win.resize(1200, 800); win.show(); win.open_default()
win.view.viewport().grab(); app.processEvents()
out = {"painted": rss()}
deadline = time.monotonic() + 3600
while not win.indexer.ready and time.monotonic() < deadline:
    app.processEvents(); time.sleep(0.005)
out["index_open"] = rss()
# Wait in Qt's event loop (as the app does; a polling loop would compete with the worker for the GIL)
# until the panel has shown the result.
from PySide6.QtCore import QEventLoop, QTimer
loop = QEventLoop()
shown = win.search_panel.show_result
def show_result(result, *args):
    shown(result, *args)
    loop.quit()
win.search_panel.show_result = show_result
times, index_times = [], []
for q in queries:
    t0 = time.perf_counter()
    win.search_panel.query_box.setText(q)
    win.search_panel.search_now()
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    times.append((time.perf_counter() - t0) * 1000)
    index_times.append(win.searching.last_result.seconds * 1000)
out["index_times"] = index_times
out["searched"] = rss()
out["searched_anon"] = rss("RssAnon")  # without the memory-mapped index files (clean file cache)
out["searched_file"] = rss("RssFile")
out["peak"] = rss("VmHWM")
out["times"] = times
out["docs"] = len(win.session.library.entries())
out["opened"] = len(win.session.library._cache)
print(json.dumps(out))
win.close()
"""


def make_library(data_dir: Path, n: int) -> None:
    """N synthetic plans in the library's own format (catalog + one JSON file per document)."""
    seed = Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp")
    docs_dir = data_dir / "library" / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    now = time.time()
    for i, doc in enumerate(synthetic(seed, n)[1:], 1):  # the first is the bundled plan itself
        doc = replace(doc, meta=replace(doc.meta, title=f"合成规划 {i:04d}"))
        (docs_dir / f"{doc.id}.json").write_text(json.dumps(doc.to_json(), ensure_ascii=False), encoding="utf-8")
        entry = Entry(
            id=doc.id,
            title=doc.title,
            format="txt",
            source_path=f"synthetic/{doc.id}.txt",
            sha256="",
            chars=doc.char_count,
            blocks=len(doc.blocks),
            imported_at=now + i,
            updated_at=now + i,
        )
        entries.append(entry.to_json())
    catalog = {"version": CATALOG_VERSION, "docs": entries}
    (data_dir / "library" / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")


def child(mode: str, data_dir: Path, queries: list[str]) -> dict[str, Any]:
    return run_offscreen(CHILD, mode, str(data_dir), json.dumps(queries, ensure_ascii=False))


def main() -> None:
    plans = 20 if "--quick" in sys.argv else 1000
    data_dir: Path | None = None
    for arg in sys.argv[1:]:
        if arg.startswith("--plans="):
            plans = int(arg.split("=", 1)[1])
        if arg.startswith("--data-dir="):
            data_dir = Path(arg.split("=", 1)[1])
    temporary = data_dir is None
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="bench-app-"))
    try:
        if not (data_dir / "library" / "catalog.json").exists():
            t0 = time.perf_counter()
            make_library(data_dir, plans)
            print(f"library: {plans} plans written in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        built = (data_dir / "index" / "manifest.json").exists()
        subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "index"],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        index_mb = sum(f.stat().st_size for f in (data_dir / "index").rglob("*") if f.is_file()) / 1e6
        print(
            f"index: {time.perf_counter() - t0:.1f} s, {index_mb:.0f} MB on disk, peak RSS of the indexing process "
            f"{peak / 1024:.0f} MB" + (" (the index was already built: only checked)" if built else ""),
            flush=True,
        )
        base = child("baseline", data_dir, [])
        app = child("app", data_dir, QUERIES)
        times = app["times"]
        print(f"documents in the library: {app['docs']}; documents the app opened: {app['opened']}")
        print(f"empty Qt window (baseline): RSS {base['rss']:.0f} MB")
        print(
            f"app RSS, MB: first paint {app['painted']:.0f}, index open {app['index_open']:.0f}, "
            f"after {len(QUERIES)} searches {app['searched']:.0f}, peak {app['peak']:.0f}; after the searches"
            f" {app['searched_anon']:.0f} of it the process's own memory, {app['searched_file']:.0f} mapped files"
            " (the index segments, program libraries: clean pages the system can drop)"
        )
        print(
            f"query typed to result shown (incl. panel), ms: median {statistics.median(times):.1f}, "
            f"p95 {pct(times, 95):.1f}, max {max(times):.1f}"
        )
        index_times = app["index_times"]
        print(
            f"of which the index search (worker thread, synonyms on, first page of 50 hits), ms: "
            f"median {statistics.median(index_times):.1f}, p95 {pct(index_times, 95):.1f}"
        )
    finally:
        if temporary:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
