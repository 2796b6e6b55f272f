"""Keep mutmut's verdicts in the repository, so that a full `make mutation` can be finished over several sittings.

A full run over every mutant of the core takes longer than a working session on a 2-core machine, and `mutants/`
(mutmut's working folder, with a verdict file per source file) is not in git. `save` packs the verdict files into
`docs/mutation/results.json.gz`; `restore` puts them back into an empty `mutants/` before a run. mutmut itself then
keeps a restored verdict only for functions whose source is unchanged (it compares a hash of each function) and runs
every other mutant again, so a restored result is never about code that has changed since.

What a restored verdict does not see: tests added since. A mutant that survived then may be killed now; it counts as
a survivor until it is run again (`mutmut run NAME`, after removing `mutants/mutmut-stats.json` so that mutmut
records which tests reach it). The figure is therefore, if anything, too low.

Usage: python scripts/mutation_results.py save|restore
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
ARCHIVE = ROOT / "docs" / "mutation" / "results.json.gz"
KEYS = ("exit_code_by_key", "hash_by_function_name", "type_check_error_by_key", "durations_by_key")


def save() -> int:
    """Pack every verdict file under mutants/ (decided mutants only) into the archive."""
    files = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        data = json.loads(meta.read_text("utf-8"))
        decided = {k: v for k, v in data.get("exit_code_by_key", {}).items() if v is not None}
        if not decided:
            continue
        durations = data.get("durations_by_key", {})
        files[str(meta.relative_to(MUTANTS))] = {
            "exit_code_by_key": decided,
            "hash_by_function_name": data.get("hash_by_function_name", {}),
            "type_check_error_by_key": data.get("type_check_error_by_key", {}),
            "durations_by_key": {k: round(durations[k], 2) for k in decided if k in durations},
        }
    if not files:
        print("mutants/ holds no verdicts: nothing saved", file=sys.stderr)
        return 1
    ARCHIVE.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(files, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    ARCHIVE.write_bytes(gzip.compress(payload, mtime=0))
    count = sum(len(f["exit_code_by_key"]) for f in files.values())
    print(f"saved {count} verdicts of {len(files)} files to {ARCHIVE.relative_to(ROOT)}")
    return 0


def restore() -> int:
    """Write the archived verdict files into mutants/, leaving any verdict file already there as it is."""
    if not ARCHIVE.exists():
        print(f"{ARCHIVE.relative_to(ROOT)} does not exist: nothing restored")
        return 0
    files = json.loads(gzip.decompress(ARCHIVE.read_bytes()))
    restored = 0
    for name, data in files.items():
        meta = MUTANTS / name
        if meta.exists():
            continue
        meta.parent.mkdir(parents=True, exist_ok=True)
        record = {key: data.get(key, {}) for key in KEYS}
        record["estimated_durations_by_key"] = {}
        meta.write_text(json.dumps(record, indent=4), "utf-8")
        restored += 1
    print(f"restored the verdicts of {restored} files into mutants/ (mutmut reruns the functions that changed)")
    return 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["save"]:
        return save()
    if argv[1:] == ["restore"]:
        return restore()
    print(__doc__.strip().splitlines()[-1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
