"""Fuzz the importers with mutated files for a time budget (`make fuzz`, default 120 s).

Seeds are the bad-input corpus and the heading fixtures; each run mutates bytes (flips, cuts, splices) and feeds
the result to the importer for its extension. Any exception other than ImportFailed is a crash: the input is saved
to tests/fixtures/fuzz-crashes/ (turn it into a regression test) and the run exits 1.
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


def main() -> int:
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 120.0
    seeds = [p for p in (ROOT / "tests" / "fixtures" / "bad").iterdir() if p.is_file()]
    seeds += list((ROOT / "tests" / "data").glob("*.txt"))
    crashes = ROOT / "tests" / "fixtures" / "fuzz-crashes"
    rng = random.Random(int(time.time()))
    runs = clean_errors = imported = 0
    deadline = time.monotonic() + budget
    with tempfile.TemporaryDirectory() as tmp:
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
    print(f"{runs} mutated inputs in {budget:.0f} s: {imported} imported, {clean_errors} clear errors, 0 crashes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
