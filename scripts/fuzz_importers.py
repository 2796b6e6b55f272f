"""Fuzz the importers, the query parser and the command line for a time budget (`make fuzz`, default 120 s).

Importers: seeds are the bad-input corpus, the heading fixtures and the real plans of the corpus (.txt/.docx/.pdf);
each run mutates bytes (flips, cuts, splices) and feeds the result to the importer for its extension. Any exception
other than ImportFailed is a crash: the input is saved to tests/fixtures/fuzz-crashes/ (turn it into a regression
test) and the run exits 1.
Queries: random mixes of Chinese words from the bundled plan, operators (OR, -, quotes), punctuation, lone
surrogates and undecodable bytes, searched in a real index; and the same strings as command-line arguments of
`search`, `outline`, `notes add` and `import`, where anything but exit 0, 1 or 2 (a traceback) is a crash.
Usage: python scripts/fuzz_importers.py [SECONDS]
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.importers import read_file  # noqa: E402
from reader.document.structure import build  # noqa: E402
from reader.errors import ImportFailed  # noqa: E402
from reader.targets.extract import extract  # noqa: E402


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        if not b:
            b = bytearray(rng.randbytes(rng.randint(1, 64)))
        elif op < 0.4:
            i = rng.randrange(len(b))
            b[i] = rng.randrange(256)
        elif op < 0.6:
            i = rng.randrange(len(b))
            del b[i : i + rng.randint(1, 64)]
        elif op < 0.8:
            i, j = rng.randrange(len(b)), rng.randrange(len(b))
            b[i:i] = b[j : j + rng.randint(1, 64)]
        else:
            b = b[: rng.randrange(len(b) + 1)]
    return bytes(b)


_PIECES = [
    "OR",
    "-",
    '"',
    "“",
    "”",
    " ",
    "　",
    "（",
    "）",
    "%",
    "*",
    "?",
    "\\",
    "\x00",
    "\n",
    "\t",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\udcbf\udcc6",
    "\U0001f600",
    "Ａ",
    "5G",
    "PM2.5",
    "1.3万亿元",
    "十四五",
]


def random_query(rng: random.Random, words: list[str]) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        parts.append(rng.choice(words) if rng.random() < 0.5 else rng.choice(_PIECES))
        if rng.random() < 0.1:
            parts.append("".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 4))))
    return "".join(parts) if rng.random() < 0.5 else " ".join(parts)


def fuzz_queries(deadline: float, rng: random.Random, tmp: str) -> tuple[int, str | None]:
    """Queries through the index and the CLI; returns the number run and a crash description (or None)."""
    import contextlib
    import io

    from reader.cli import main as cli
    from reader.session import Session

    session = Session(Path(tmp) / "data")
    doc = session.document()
    words = [b.text[i : i + rng.randint(2, 6)] for b in doc.blocks[:200] for i in range(0, len(b.text), 37)]
    runs = 0
    while time.monotonic() < deadline:
        q = random_query(rng, words)
        runs += 1
        try:
            session.search(q, limit=None)
        except Exception as exc:
            import traceback

            traceback.print_exc()
            return runs, f"search {q!r}: {type(exc).__name__}: {exc}"
        argv = rng.choice(
            [
                ["search", q],
                ["search", *q.split()],
                ["outline", "--doc", q],
                ["notes", "add", "--block", "3", "--end", "2", "--note", q, "--tag", q],
                ["import", q],
                ["text", "--doc", q],
            ]
        )
        argv += ["--data-dir", str(Path(tmp) / "data")]
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = cli(argv)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:
            return runs, f"policy-reader {argv!r}: {type(exc).__name__}: {exc}"
        if code not in (0, 1, 2):
            return runs, f"policy-reader {argv!r} exited {code}"
    return runs, None


def main() -> int:
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 120.0
    seeds = [p for p in (ROOT / "tests" / "fixtures" / "bad").iterdir() if p.is_file()]
    seeds += list((ROOT / "tests" / "data").glob("*.txt"))
    seeds += [p for p in (ROOT / "tests" / "data" / "corpus").iterdir() if p.suffix in (".txt", ".docx", ".pdf")]
    crashes = ROOT / "tests" / "fixtures" / "fuzz-crashes"
    rng = random.Random(int(time.time()))
    runs = clean_errors = imported = 0
    deadline = time.monotonic() + budget
    with tempfile.TemporaryDirectory() as tmp:
        queries, crash = fuzz_queries(time.monotonic() + budget / 3, rng, tmp)
        if crash:
            print(f"CRASH {crash}")
            return 1
        while time.monotonic() < deadline:
            seed = rng.choice(seeds)
            data = mutate(seed.read_bytes(), rng)
            path = Path(tmp) / f"fuzz{seed.suffix}"
            path.write_bytes(data)
            runs += 1
            try:
                doc = build(read_file(path), "fuzz")
                extract(doc)
                imported += 1
            except ImportFailed:
                clean_errors += 1
            except Exception as exc:  # a crash: keep the input
                crashes.mkdir(parents=True, exist_ok=True)
                name = hashlib.sha1(data).hexdigest()[:12] + seed.suffix
                (crashes / name).write_bytes(data)
                print(f"CRASH {type(exc).__name__}: {exc} (input saved as {crashes / name})")
                return 1
    print(
        f"{queries} queries and command lines, then {runs} mutated files, in {budget:.0f} s: "
        f"{imported} imported, {clean_errors} clear errors, 0 crashes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
