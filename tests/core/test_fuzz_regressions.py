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
    try:
        read_file(path)
    except ImportFailed as exc:
        assert path.name in str(exc)


def test_there_are_regressions_to_check() -> None:
    assert CRASHES, "keep the inputs fuzzing found"
