"""Shared fixtures. Core tests must pass without PySide6 installed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder; POLICY_READER_HOME points at it so nothing touches the real one."""
    d = tmp_path / "data"
    monkeypatch.setenv("POLICY_READER_HOME", str(d))
    return d


@pytest.fixture(scope="session")
def seed_doc():  # type: ignore[no-untyped-def]
    from reader.library import Library
    from reader.paths import resources_dir

    lib = Library(Path("/nonexistent-never-written"), resources_dir())
    return lib.open("dongguan-14th-fyp")
