"""Subprocess for the kill test: add annotations in a loop, print "ack N" after each durable write."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.annotations.store import AnnotationStore
from reader.library import Library
from reader.paths import resources_dir


def main() -> None:
    db = Path(sys.argv[1])
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    doc = Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp")
    store = AnnotationStore(db)
    n = start
    while True:
        block = n % len(doc.blocks)
        length = len(doc.blocks[block].text)
        store.add(doc, "note", block, 0, min(5, length), note=f"write-{n}", tags=[f"t{n % 7}"])
        sys.stdout.write(f"ack {n}\n")
        sys.stdout.flush()
        n += 1


if __name__ == "__main__":
    main()
