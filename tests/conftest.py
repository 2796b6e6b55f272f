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


@pytest.fixture(autouse=True, scope="session")
def no_network() -> object:
    """The app never touches the network: any attempt to open an internet socket fails the test run."""
    import socket

    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guard(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(repr(address))
            raise OSError(f"network access attempted during tests: {address!r}")

    def connect(self: socket.socket, address: object) -> None:
        guard(self, address)
        real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        guard(self, address)
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        attempts.append(f"getaddrinfo {host!r}")
        raise OSError(f"name lookup attempted during tests: {host!r}")

    saved = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    yield attempts
    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = saved  # type: ignore[method-assign]
    assert not attempts, f"code tried to use the network: {attempts}"
