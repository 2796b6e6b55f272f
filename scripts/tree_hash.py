"""One hash of every file's path and content under a folder (the frozen-app check that nothing was written into
the bundle), the same on Windows, macOS and Linux: python scripts/tree_hash.py DIR"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


if __name__ == "__main__":
    print(tree_hash(Path(sys.argv[1])))
