"""The data folder under faults: interrupted backups, restores, read-only and full disks, concurrent first use.

Each test reproduces a failure found by attacking the app (issue #14) and checks what a user would see."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.annotations.store import AnnotationStore, check_backup, restore
from reader.cli import main
from reader.document.model import Document
from reader.errors import AnnotationStoreError, ReaderError

from ..conftest import ROOT

CLI = [sys.executable, "-m", "reader"]


def _count(db: Path) -> int:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        con.close()


def _age(folder: Path, days: int = 3) -> None:
    past = time.time() - days * 86400
    for p in folder.iterdir():
        os.utime(p, (past, past))


def _notes(store: AnnotationStore, doc: Document, n: int) -> None:
    for i in range(n):
        store.add(doc, "note", 10 + i, 0, 4, note=f"批注{i}")


# ---------------------------------------------------------------- 1. interrupted backups
def test_what_an_interrupted_backup_left_is_never_offered_and_the_next_start_backs_up(
    tmp_path: Path, seed_doc: Document
) -> None:
    db, backups = tmp_path / "annotations.db", tmp_path / "backups"
    store = AnnotationStore(db)
    _notes(store, seed_doc, 3)
    store.close()
    AnnotationStore(db).close()  # a start with notes makes the first daily backup
    _age(backups)
    # What a crash inside the old backup left: an empty "newest backup", and a temporary file with a hot journal.
    (backups / "annotations-daily-29990101-000000.db").write_bytes(b"")
    (backups / ".annotations-daily-29990101-000001.db.tmp").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    (backups / ".annotations-daily-29990101-000001.db.tmp-journal").write_bytes(b"\x00" * 512)
    store = AnnotationStore(db)
    names = sorted(p.name for p in backups.iterdir())
    assert not [n for n in names if n.startswith(".")], names
    assert "annotations-daily-29990101-000000.db" not in names
    latest = store.latest_backup()
    assert latest is not None and check_backup(Path(latest)) == 3
    assert Path(latest).stat().st_mtime > time.time() - 60  # a fresh backup, not the aged one


def test_a_backup_is_one_checked_self_contained_file(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "annotations.db")
    _notes(store, seed_doc, 4)
    made = store.backup()
    assert check_backup(made) == 4
    assert not Path(str(made) + "-wal").exists()
    con = sqlite3.connect(made)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to kill the process inside the backup")
def test_killed_inside_the_daily_backup_then_next_start_recovers(tmp_path: Path, seed_doc: Document) -> None:
    data = tmp_path / "data"
    for i in range(3):
        assert main(["notes", "add", "--data-dir", str(data), "--block", str(10 + i), "--end", "4", "--note", "n"]) == 0
    _age(data / "backups")
    killed = subprocess.run(
        [
            "strace",
            "-f",
            "-o",
            os.devnull,
            "-e",
            "trace=fdatasync,fsync",
            "-e",
            "inject=fdatasync:signal=KILL:when=1",
            *CLI,
            "notes",
            "list",
            "--data-dir",
            str(data),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert killed.returncode != 0  # it was killed
    for daily in (data / "backups").glob("annotations-daily-*.db"):
        assert check_backup(daily) is not None, f"{daily.name} is not a good backup but has a backup's name"
    done = subprocess.run([*CLI, "notes", "list", "--data-dir", str(data)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 3
    assert not [p for p in (data / "backups").iterdir() if p.name.startswith(".")]
    fresh = max((data / "backups").glob("annotations-daily-*.db"))
    assert check_backup(fresh) == 3 and fresh.stat().st_mtime > time.time() - 120


# ---------------------------------------------------------------- 2. the database file alone, and restoring
def test_closing_leaves_every_note_in_the_database_file(tmp_path: Path, seed_doc: Document) -> None:
    from reader.session import Session

    session = Session(tmp_path / "data")
    _notes(session.annotations, seed_doc, 5)
    reader = sqlite3.connect(tmp_path / "data" / "annotations.db")  # another reader keeps the log alive
    reader.execute("SELECT count(*) FROM annotations").fetchone()
    session.close()
    copy = tmp_path / "copy.db"
    shutil.copyfile(tmp_path / "data" / "annotations.db", copy)  # what the README calls a backup
    reader.close()
    assert _count(copy) == 5


def test_restore_keeps_the_current_database_and_ignores_its_log(tmp_path: Path, seed_doc: Document) -> None:
    db = tmp_path / "annotations.db"
    store = AnnotationStore(db)
    _notes(store, seed_doc, 3)
    good = store.backup()
    _notes(store, seed_doc, 2)  # 5 now; the last ones only in annotations.db-wal while the store is open
    assert Path(str(db) + "-wal").stat().st_size > 0
    store.con.close()  # the app "crashed" without a checkpoint: -wal stays beside the file
    notes, kept = restore(db, good)
    assert notes == 3 and kept is not None
    assert not Path(str(db) + "-wal").exists()
    assert AnnotationStore(db).count() == 3  # a stale log replayed over the restored file would give 5
    assert check_backup(kept) == 5  # the replaced database is kept whole, its log folded in


def test_notes_restore_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    for i in range(2):
        assert main(["notes", "add", "--data-dir", data, "--block", str(10 + i), "--end", "4"]) == 0
    assert main(["notes", "backup", "--data-dir", data]) == 0
    assert "2 条批注" in capsys.readouterr().err
    assert main(["notes", "restore", "--data-dir", data]) == 0
    listed = capsys.readouterr().out
    assert "annotations-daily-" in listed and "2 条批注" in listed
    assert main(["notes", "add", "--data-dir", data, "--block", "30", "--end", "4"]) == 0
    assert main(["notes", "restore", "latest", "--data-dir", data]) == 0
    assert "已换回备份" in capsys.readouterr().err
    assert main(["notes", "list", "--data-dir", data]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    bad = tmp_path / "not-a-backup.db"
    bad.write_bytes(b"")
    assert main(["notes", "restore", str(bad), "--data-dir", data]) == 1
    assert "不是可用的批注备份" in capsys.readouterr().err


# ---------------------------------------------------------------- 3. corrupt, read-only, full
def test_a_corrupt_database_is_copied_aside_once(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    for _ in range(4):
        with pytest.raises(AnnotationStoreError, match="损坏"):
            AnnotationStore(db)
    assert len(list((tmp_path / "backups").glob("annotations-corrupt-*.db"))) == 1


def test_a_folder_where_the_database_should_be_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "annotations.db").mkdir()
    with pytest.raises(AnnotationStoreError, match="是一个文件夹"):
        AnnotationStore(tmp_path / "annotations.db")
    assert not (tmp_path / "backups").exists()


def _in_tmpfs(script: str, size: str = "4m") -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) with $D a fresh tmpfs, in a private mount namespace (no root needed); skip if the
    machine does not allow it."""
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here (unshare -rm + tmpfs)")
    full = f"set -e; D=$(mktemp -d); mount -t tmpfs -o size={size} none $D; cd {ROOT}; R='{sys.executable} -m reader'\n"
    return subprocess.run(["unshare", "-rm", "sh", "-c", full + script], capture_output=True, text=True, timeout=300)


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.startswith("错误：")]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare")
def test_read_only_data_folder_reads_notes_and_refuses_changes_in_one_line() -> None:
    run = _in_tmpfs(
        """
        $R --data-dir $D notes add --block 10 --end 4 --note 保存好的 >/dev/null
        sha=$(sha256sum $D/annotations.db)
        mount -o remount,ro $D
        echo "== list"; $R --data-dir $D notes list || echo "rc=$?"
        echo "== add"; $R --data-dir $D notes add --block 11 --end 4 2>&1 || echo "rc=$?"
        echo "== search"; $R --data-dir $D search 人才 2>&1 || echo "rc=$?"
        echo "== same"; echo "$sha" | sha256sum -c --quiet && echo unchanged
        ls -a $D
        """
    )
    assert run.returncode == 0, run.stderr
    parts = dict(p.split("\n", 1) for p in run.stdout.split("== ")[1:])
    assert "保存好的" in parts["list"]
    assert "rc=1" in parts["add"] and "无法写入" in _one_line(parts["add"]) and "只读" in parts["add"]
    assert "rc=1" in parts["search"] and "只读" in _one_line(parts["search"])
    assert "unchanged" in parts["same"] and "corrupt" not in parts["same"]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare")
def test_full_disk_keeps_notes_readable_and_says_the_disk_is_full() -> None:
    run = _in_tmpfs(
        """
        for i in 10 11 12; do $R --data-dir $D notes add --block $i --end 4 >/dev/null; done
        dd if=/dev/zero of=$D/fill bs=64k 2>/dev/null || true
        echo "== list"; $R --data-dir $D notes list | wc -l
        echo "== add"; $R --data-dir $D notes add --block 13 --end 4 2>&1 || echo "rc=$?"
        echo "== import"; $R --data-dir $D import {root}/tests/data/heldout/gwr_2026_dongguan.txt 2>&1 || echo "rc=$?"
        rm $D/fill
        echo "== after"; $R --data-dir $D notes list | wc -l
        ls -a $D $D/backups
        """.replace("{root}", str(ROOT)),
        size="3m",
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr
    parts = dict(p.split("\n", 1) for p in out.split("== ")[1:])
    assert parts["list"].strip() == "3"
    assert "rc=1" in parts["add"] and "磁盘已满" in _one_line(parts["add"])
    assert "rc=1" in parts["import"] and "磁盘已满" in _one_line(parts["import"])
    assert parts["after"].split()[0] == "3"
    assert "corrupt" not in parts["after"] and ".tmp" not in parts["after"]


# ---------------------------------------------------------------- 7. concurrent first use
def test_four_processes_creating_the_database_at_once_all_succeed(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from reader.annotations.store import AnnotationStore;"
        "from reader.library import Library; from reader.paths import resources_dir;"
        "doc = Library(Path('/nonexistent'), resources_dir()).open('dongguan-14th-fyp');"
        "s = AnnotationStore(Path(sys.argv[1])); s.add(doc, 'note', int(sys.argv[2]), 0, 4); s.close()"
    )
    for attempt in range(6):
        db = tmp_path / f"try{attempt}" / "annotations.db"
        procs = [
            subprocess.Popen([sys.executable, "-c", code, str(db), str(10 + k)], cwd=ROOT, stderr=subprocess.PIPE)
            for k in range(4)
        ]
        errors = [p.communicate()[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, errors
        assert _count(db) == 4


def test_a_read_only_store_refuses_writes_with_the_reason(
    tmp_path: Path, seed_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.db"
    store = AnnotationStore(db)
    _notes(store, seed_doc, 1)
    store.close()
    before = db.read_bytes()

    def cannot_write(self: AnnotationStore) -> None:  # what SQLite says on a read-only disk
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(AnnotationStore, "_open", cannot_write)
    store = AnnotationStore(db)
    assert store.read_only and store.count() == 1
    with pytest.raises(ReaderError, match="无法写入"):
        store.add(seed_doc, "note", 3, 0, 4)
    store.close()
    assert db.read_bytes() == before
    assert not list((tmp_path / "backups").glob("*corrupt*"))
