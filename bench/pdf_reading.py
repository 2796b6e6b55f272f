"""How well PDFs are read into paragraphs: the importer (character positions) against the text layer alone (pypdf).

    python bench/pdf_reading.py

1. The corpus PDFs against their transcriptions (`shared/corpus/*.txt`, else `tests/data/corpus`, made from the
   published text, not by this program): how many of the transcription's paragraphs come out exactly (spaces
   ignored), and how many paragraphs the PDF gives that the transcription does not have.
2. The Chinese PDFs of other projects' test files (`tests/fixtures/pdf/`) and the corpus PDFs: paragraph pairs
   where a paragraph ends inside a Chinese sentence — at least 20 characters, ending on a Chinese character and
   followed by one, the next not a numbered heading. Headings followed by their first paragraph are flagged too:
   the pairs are printed so a reader can tell them apart.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.importers import pdf  # noqa: E402

HEADING = re.compile(r"^(第.{1,4}[章节篇条]|[一二三四五六七八九十]+、)")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def transcriptions() -> None:
    shared = ROOT.parent / "shared" / "corpus"
    folder = shared if shared.is_dir() else ROOT / "tests" / "data" / "corpus"
    print(f"{'corpus PDF':34} {'paragraphs':>10} {'text layer':>18} {'positions':>18}")
    for path in sorted(folder.glob("*.pdf")):
        lines = path.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
        expected = {squeeze(x) for x in lines if x.strip() and x.count("\t") < 2}
        cells = []
        for positions in (False, True):
            got = {squeeze(p.text) for p in pdf.read(path, positions=positions).paragraphs if not p.table_row}
            cells.append(f"{len(expected & got)} same, {len(got - expected)} other")
        print(f"{path.name[:34]:34} {len(expected):10d} {cells[0]:>18} {cells[1]:>18}")


def breaks() -> None:
    files = sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf")) + sorted(
        (ROOT / "tests" / "data" / "corpus").glob("*.pdf")
    )
    for positions in (False, True):
        flagged = []
        for path in files:
            try:
                paragraphs = [p.text for p in pdf.read(path, positions=positions).paragraphs if not p.table_row]
            except Exception:  # refused files have no paragraphs to judge
                continue
            if len(CHINESE.findall("".join(paragraphs))) < 200:
                continue
            for a, b in itertools.pairwise(paragraphs):
                if len(a) >= 20 and CHINESE.match(a[-1]) and CHINESE.match(b[0]) and not HEADING.match(b):
                    flagged.append(f"  {path.name}: …{a[-24:]} ‖ {b[:24]}…")
        print(f"\n{'positions' if positions else 'text layer'}: {len(flagged)} pairs flagged")
        print("\n".join(flagged))


if __name__ == "__main__":
    transcriptions()
    breaks()
