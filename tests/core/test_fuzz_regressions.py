"""Inputs that once crashed an importer (found by `make fuzz`): each must now be a clear error or an import."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document.importers import read_file
from reader.errors import ImportFailed

from ..conftest import ROOT

CRASHES = sorted((ROOT / "tests" / "fixtures" / "fuzz-crashes").glob("*"))


@pytest.mark.parametrize("path", CRASHES, ids=[p.name for p in CRASHES])
def test_former_crash_is_handled(path: Path) -> None:
    """Imported (and its structure, targets and JSON made) or refused with a clear error."""
    import json

    from reader.document.structure import build
    from reader.targets.extract import extract

    try:
        raw = read_file(path)
    except ImportFailed as exc:
        assert path.name in str(exc)
        return
    doc = build(raw, "fuzz")
    extract(doc)
    json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")


def test_there_are_regressions_to_check() -> None:
    assert CRASHES, "keep the inputs fuzzing found"
