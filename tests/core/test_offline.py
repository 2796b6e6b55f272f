"""The offline guarantee is enforced for the whole test session (tests/conftest.py: no_network)."""

from __future__ import annotations

import socket

import pytest


def test_the_guard_is_active(no_network: list[str]) -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError, match="network access attempted"):
            s.connect(("127.0.0.1", 9))
    finally:
        s.close()
    no_network.clear()  # this attempt was the test's own


def test_core_has_no_network_imports() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "reader"
    offenders = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("import urllib.request", "import requests", "import http.client", "import socket", "QNetwork"):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []
