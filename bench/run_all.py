"""Run every benchmark in this folder in turn and print their figures (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    quick = "--quick" in sys.argv
    failed = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name in ("run_all.py", "common.py"):
            continue
        print(f"\n=== {script.name} ===", flush=True)
        args = [sys.executable, str(script)] + (["--quick"] if quick else [])
        failed |= subprocess.call(args) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
