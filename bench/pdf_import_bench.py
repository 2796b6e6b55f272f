"""PDF import time: the importer (character positions + ruled tables) against the text layer alone (pypdf, what
the importer read before), in the same process.

    python bench/pdf_import_bench.py                 # the corpus PDFs (shared/corpus, else tests/data/corpus)
    python bench/pdf_import_bench.py DIR_OR_PDF ...  # other PDFs, e.g. pdfplumber's or pdf.js's test files

Per file: pages, median time (3 runs) of reading the file with the text layer alone (pypdf, no tables: the
importer before tables were read, the baseline), with the text layer and ruled tables (the importer before PDFs
were read by position), and with the importer as the app runs it (positions and tables), the ratio of the last to
the baseline, the same for the whole import into a library (reading, structure, targets, saving, search
index), and the table rows found; then the whole `policy-reader import` as a user runs it (a new process: start-up,
import, exit; median of 5) in both ways. Files that do not import are listed with the reason.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.importers import pdf  # noqa: E402
from reader.errors import ReaderError  # noqa: E402


def timed(path: Path, app: bool, tables: bool | None = None) -> tuple[float, int]:
    runs = []
    rows = 0
    for _ in range(3):
        t0 = time.perf_counter()
        raw = pdf.read(path, tables=app if tables is None else tables, positions=app)
        runs.append((time.perf_counter() - t0) * 1000)
        rows = sum(1 for p in raw.paragraphs if p.table_row)
    return statistics.median(runs), rows


def imported(path: Path, app: bool) -> float:
    """Median time of a whole library import of ``path`` (a fresh data folder each run)."""
    import functools
    import tempfile

    from reader.library import Library

    original = pdf.read
    pdf.read = functools.partial(original, tables=app, positions=app)  # type: ignore[assignment]
    runs = []
    try:
        for _ in range(3):
            with tempfile.TemporaryDirectory() as data:
                library = Library(Path(data), ROOT / "resources")
                t0 = time.perf_counter()
                library.import_file(path)
                runs.append((time.perf_counter() - t0) * 1000)
    finally:
        pdf.read = original  # type: ignore[assignment]
    return statistics.median(runs)


_CLI = """
import functools, sys
from reader.document.importers import pdf
if sys.argv.pop(1) == "text":
    pdf.read = functools.partial(pdf.read, tables=False, positions=False)
from reader.cli import main
sys.exit(main())
"""


def cli(path: Path, app: bool) -> float:
    """Median wall time of `policy-reader import PATH` in a new process with a fresh data folder."""
    import subprocess
    import tempfile

    runs = []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as data:
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", _CLI, "app" if app else "text", "--data-dir", data, "import", str(path)],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    shared = ROOT.parent / "shared" / "corpus"
    args = [Path(a) for a in sys.argv[1:]] or [shared if shared.is_dir() else ROOT / "tests" / "data" / "corpus"]
    files = sorted(f for a in args for f in ([a] if a.is_file() else a.glob("*.pdf")))
    from pypdf import PdfReader

    print(
        f"{'file':44} {'pages':>5} {'text ms':>8} {'+tables':>8} {'app ms':>9} {'ratio':>6}"
        f" {'import text':>11} {'import app':>10} {'ratio':>6} {'rows':>5}"
    )
    base_total = new_total = whole_base = whole_new = 0.0
    for f in files:
        try:
            pages = len(PdfReader(str(f)).pages)
            base, _ = timed(f, app=False)
            before, _ = timed(f, app=False, tables=True)
            new, rows = timed(f, app=True)
            whole_before, whole_after = imported(f, app=False), imported(f, app=True)
        except (ReaderError, Exception) as exc:  # a file either importer refuses is reported, not timed
            print(f"{f.name[:44]:44} refused: {str(exc)[:60]}")
            continue
        base_total += base
        new_total += new
        whole_base += whole_before
        whole_new += whole_after
        print(
            f"{f.name[:44]:44} {pages:5d} {base:8.1f} {before:8.1f} {new:9.1f} {new / base:6.2f}"
            f" {whole_before:11.1f} {whole_after:10.1f} {whole_after / whole_before:6.2f} {rows:5d}"
        )
    if base_total:
        print(
            f"{'all':44} {'':5} {base_total:8.1f} {'':8} {new_total:9.1f} {new_total / base_total:6.2f}"
            f" {whole_base:11.1f} {whole_new:10.1f} {whole_new / whole_base:6.2f}"
        )
    print(f"\n{'policy-reader import (new process)':44} {'text ms':>8} {'app ms':>9} {'ratio':>6}")
    for f in files[:4]:
        try:
            before, after = cli(f, app=False), cli(f, app=True)
        except Exception as exc:  # a refused file was listed above
            print(f"{f.name[:44]:44} refused: {str(exc)[:60]}")
            continue
        print(f"{f.name[:44]:44} {before:8.1f} {after:9.1f} {after / before:6.2f}")


if __name__ == "__main__":
    main()
