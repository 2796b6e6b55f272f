"""The error log in the data folder: frames of the program, never the user's text; rotated, never in the way."""

from __future__ import annotations

from pathlib import Path

from reader import crashlog
from reader.document.model import Document
from reader.targets.extract import extract


def _error_inside_the_program(doc: Document) -> BaseException:
    broken = Document(id=doc.id, meta=doc.meta, blocks=None, outline=doc.outline)  # type: ignore[arg-type]
    try:
        extract(broken)
    except TypeError as exc:
        return exc
    raise AssertionError("extract should fail on a document without blocks")


def test_an_entry_names_our_frames_with_their_source_lines_and_not_the_message(seed_doc: Document) -> None:
    exc = _error_inside_the_program(seed_doc)
    text = crashlog.entry(exc, exc.__traceback__)
    assert "builtins.TypeError" in text
    assert "reader/targets/extract.py:" in text  # where in the program
    assert str(exc) not in text  # the message may hold a plan's text
    frames = [line.strip() for line in text.splitlines() if " in " in line and line.startswith("    ")]
    assert frames and not any(f.startswith(("/", "\\")) or ":\\" in f.split(" in ")[0] for f in frames)  # no home paths


def test_the_log_is_rotated_and_keeps_three_files(tmp_path: Path, seed_doc: Document, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(crashlog, "MAX_BYTES", 2000)
    exc = _error_inside_the_program(seed_doc)
    for _ in range(30):
        path = crashlog.write(tmp_path, exc, exc.__traceback__)
    assert path == tmp_path / "logs" / "errors.log"
    names = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert names == ["errors.log", "errors.log.1", "errors.log.2"]
    assert all(p.stat().st_size <= 2000 for p in (tmp_path / "logs").iterdir())


def test_a_log_that_cannot_be_written_is_no_second_error(tmp_path: Path, seed_doc: Document) -> None:
    (tmp_path / "logs").write_text("a file where the folder should be")
    exc = _error_inside_the_program(seed_doc)
    assert crashlog.write(tmp_path, exc, exc.__traceback__) is None
