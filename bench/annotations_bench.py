"""Annotations: durable add latency, and opening a document that carries 10,000 annotations.

Baseline in the same run: a bare SQLite INSERT with the same durability settings (WAL,
synchronous=FULL, one transaction per write), so the store's own overhead is visible.
Usage: python bench/annotations_bench.py [--quick]
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.annotations.store import AnnotationStore  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.paths import resources_dir  # noqa: E402


def main() -> None:
    n_adds = 200 if "--quick" in sys.argv else 1000
    doc = Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp")
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as data:
        con = sqlite3.connect(str(Path(data) / "bare.db"), isolation_level=None)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("CREATE TABLE t (id TEXT PRIMARY KEY, doc TEXT, block INT, note TEXT)")
        bare = []
        for i in range(n_adds):
            t0 = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO t VALUES (?, ?, ?, ?)", (str(i), doc.id, i % 100, "x"))
            con.execute("COMMIT")
            bare.append((time.perf_counter() - t0) * 1000)
        store = AnnotationStore(Path(data) / "annotations.db")
        adds = []
        for i in range(n_adds):
            b = doc.blocks[rng.randrange(len(doc.blocks))]
            start = rng.randrange(max(1, len(b.text) - 10))
            t0 = time.perf_counter()
            store.add(doc, "note", b.index, start, start + 8, note=f"批注 {i}", tags=["t"])
            adds.append((time.perf_counter() - t0) * 1000)
        print(f"durable add (WAL, synchronous=FULL, own transaction), {n_adds} adds:")
        print(f"  store.add   median {statistics.median(adds):.2f} ms  p95 {sorted(adds)[int(0.95 * n_adds)]:.2f} ms")
        print(
            f"  bare INSERT median {statistics.median(bare):.2f} ms  ({statistics.median(adds) / statistics.median(bare):.1f}x)"
        )
        # Fill to 10,000 annotations on the bundled plan, then open it in the window.
        kinds = ["highlight", "note", "bookmark"]
        with store.transaction() as cur:
            from reader.annotations.store import Annotation

            for i in range(10_000 - store.count()):
                b = doc.blocks[rng.randrange(len(doc.blocks))]
                start = rng.randrange(max(1, len(b.text) - 10))
                kind = kinds[i % 3]
                a = Annotation(
                    id=f"bulk{i:06d}", doc=doc.id, kind=kind, block=b.index, block_id=b.id, start=start,
                    end=start + 6, node=b.node, quote=b.text[start : start + 6], prefix="", suffix="",
                    color="yellow" if kind == "highlight" else "", note="批注" if kind == "note" else "",
                    name="", status="exact", created=time.time(), updated=time.time(), tags=[],
                )  # fmt: skip
                store._insert(cur, a)
        store.close()
        print(f"annotations in the database: {AnnotationStore(Path(data) / 'annotations.db').count()}")
        from PySide6.QtWidgets import QApplication

        from reader.ui.app import create_window

        app, win = create_window(data, lang="zh")
        win.resize(1200, 800)
        win.show()
        app.processEvents()
        times = []
        for _ in range(3):
            win.doc = None
            t0 = time.perf_counter()
            win.open_document(doc.id)
            win.view.viewport().grab()
            times.append(time.perf_counter() - t0)
        base = []
        win.annotating.notes = []
        for _ in range(3):
            t0 = time.perf_counter()
            win.view.set_document(doc, [])
            win.view.viewport().grab()
            base.append(time.perf_counter() - t0)
        print(f"open the plan with 10,000 annotations to painted text: median {statistics.median(times):.3f} s")
        print(f"  baseline, same plan with no spans:                    median {statistics.median(base):.3f} s")
        win.close()
        QApplication.processEvents()


if __name__ == "__main__":
    main()
