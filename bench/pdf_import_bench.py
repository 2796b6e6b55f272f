"""PDF import time: the importer (character positions + ruled tables) against the text layer alone (pypdf, what
the importer read before), in the same process.

    python bench/pdf_import_bench.py                 # the corpus PDFs (shared/corpus, else tests/data/corpus)
    python bench/pdf_import_bench.py DIR_OR_PDF ...  # other PDFs, e.g. pdfplumber's or pdf.js's test files

Per file: pages, median import time (3 runs) of the text layer alone (pypdf, no tables: the baseline) and of the
importer as the app runs it (positions and tables), their ratio, and the table rows found. Files that do not import are listed with the reason.
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


def timed(path: Path, app: bool) -> tuple[float, int]:
    runs = []
    rows = 0
    for _ in range(3):
        t0 = time.perf_counter()
        raw = pdf.read(path, tables=app, positions=app)
        runs.append((time.perf_counter() - t0) * 1000)
        rows = sum(1 for p in raw.paragraphs if p.table_row)
    return statistics.median(runs), rows


def main() -> None:
    shared = ROOT.parent / "shared" / "corpus"
    args = [Path(a) for a in sys.argv[1:]] or [shared if shared.is_dir() else ROOT / "tests" / "data" / "corpus"]
    files = sorted(f for a in args for f in ([a] if a.is_file() else a.glob("*.pdf")))
    from pypdf import PdfReader

    print(f"{'file':44} {'pages':>5} {'text ms':>8} {'app ms':>9} {'ratio':>6} {'rows':>5}")
    base_total = new_total = 0.0
    for f in files:
        try:
            pages = len(PdfReader(str(f)).pages)
            base, _ = timed(f, app=False)
            new, rows = timed(f, app=True)
        except (ReaderError, Exception) as exc:  # a file either importer refuses is reported, not timed
            print(f"{f.name[:44]:44} refused: {str(exc)[:60]}")
            continue
        base_total += base
        new_total += new
        print(f"{f.name[:44]:44} {pages:5d} {base:8.1f} {new:9.1f} {new / base:6.2f} {rows:5d}")
    if base_total:
        print(f"{'all':44} {'':5} {base_total:8.1f} {new_total:9.1f} {new_total / base_total:6.2f}")


if __name__ == "__main__":
    main()
