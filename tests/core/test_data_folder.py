"""The data folder under faults: interrupted backups, restores, read-only and full disks, concurrent first use.

Each test reproduces a failure found by attacking the app (issue #14) and checks what a user would see."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reader.annotations.store import AnnotationStore, check_backup, restore
from reader.cli import main
from reader.document.model import Document
from reader.errors import AnnotationStoreError, ReaderError
from reader.session import Session

from ..conftest import ROOT

CLI = [sys.executable, "-m", "reader"]

# The tests that start other processes, remount file systems or import whole documents are marked `integration`:
# they are left out of mutation runs (docs/testing.md), which need each test in well under a second. The others
# open the store in this process and run there too.


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


def _cannot_write(self: AnnotationStore) -> None:
    """In place of opening for writing: what SQLite says on a read-only disk."""
    raise sqlite3.OperationalError("attempt to write a readonly database")


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


def test_a_backup_is_good_only_for_a_schema_this_program_reads(tmp_path: Path, seed_doc: Document) -> None:
    # Found by mutation testing: the check accepted a notes file of version 0 (a database that was never set up as
    # one: restoring it would fail on first use) if the range started at 0, and one of a newer version (restoring it
    # would refuse to open) if it ended one later. A real backup, its version changed, and nothing else.
    from reader.annotations.schema import SCHEMA_VERSION

    store = AnnotationStore(tmp_path / "annotations.db")
    _notes(store, seed_doc, 2)
    made = store.backup()
    store.close()
    assert check_backup(made) == 2
    for version in (0, SCHEMA_VERSION + 1):
        copy = tmp_path / f"version-{version}.db"
        copy.write_bytes(made.read_bytes())
        con = sqlite3.connect(copy)
        con.execute(f"PRAGMA user_version = {version}")
        con.commit()
        con.close()
        assert check_backup(copy) is None, version


def test_a_backup_that_does_not_check_out_is_given_up_and_leaves_nothing(tmp_path: Path, seed_doc: Document) -> None:
    # The caller counted 5 notes, the copy holds 4 (a note written between the count and the copy): the copy is
    # not a good backup, so it is not offered; the one error says so, and no temporary file stays behind.
    from reader.annotations.files import make_backup

    store = AnnotationStore(tmp_path / "annotations.db")
    _notes(store, seed_doc, 4)
    good = store.backup()
    with pytest.raises(ReaderError, match="校验未通过"):
        make_backup(store.con, store.path, store.backup_dir, 5)
    assert sorted(p.name for p in store.backup_dir.iterdir()) == [good.name]
    assert store.latest_backup() == str(good)
    store.close()


@pytest.mark.integration
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


@pytest.mark.integration
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


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare")
def test_full_disk_keeps_notes_readable_and_says_the_disk_is_full() -> None:
    run = _in_tmpfs(
        """
        for i in 10 11 12; do $R --data-dir $D notes add --block $i --end 4 >/dev/null; done
        dd if=/dev/zero of=$D/fill bs=64k 2>/dev/null || true
        echo "== list"; $R --data-dir $D notes list | wc -l
        echo "== add"; $R --data-dir $D notes add --block 13 --end 4 2>&1 || echo "rc=$?"
        echo "== import"; $R --data-dir $D import {root}/tests/data/heldout/gwr_2026_dongguan.txt 2>&1 || echo "rc=$?"
        echo "== search"; $R --data-dir $D search 人才 2>&1 || echo "rc=$?"
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
    assert "rc=1" in parts["search"] and "磁盘已满" in _one_line(parts["search"])  # the index cannot be written
    assert parts["after"].split()[0] == "3"
    assert "corrupt" not in parts["after"] and ".tmp" not in parts["after"]


# ---------------------------------------------------------------- 7. concurrent first use
@pytest.mark.integration
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

    monkeypatch.setattr(AnnotationStore, "_open", _cannot_write)
    store = AnnotationStore(db)
    assert store.read_only and store.count() == 1
    with pytest.raises(ReaderError, match="无法写入"):
        store.add(seed_doc, "note", 3, 0, 4)
    store.close()
    assert db.read_bytes() == before
    assert not list((tmp_path / "backups").glob("*corrupt*"))


# ---------------------------------------------------------------- 6. one line, never a traceback
def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_a_symlink_loop_is_an_import_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    rc, _, err = _cli(capsys, "import", str(tmp_path / "a.txt"), "--data-dir", str(tmp_path / "d"))
    assert rc == 1 and "无法导入" in _one_line(err)


@pytest.mark.parametrize(
    ("catalog", "listed"),
    [
        ('[{"id": "doc-1"}]', None),  # a list, not our format: refused with one line
        ('{"version": 2, "docs": [{"id": "doc-1", "title": "缺字段的条目"}]}', "缺字段的条目"),
        (
            '{"version": 2, "docs": [{"id": "doc-1", "title": "多一个字段", "region": "广东", "chars": "x"}]}',
            "多一个字段",
        ),
        ('{"version": 2, "docs": [{"title": "没有 id"}, 7]}', ""),
    ],
)
def test_catalog_written_by_another_version_or_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: str, listed: str | None
) -> None:
    (tmp_path / "library").mkdir(parents=True)
    (tmp_path / "library" / "catalog.json").write_text(catalog, encoding="utf-8")
    rc, out, err = _cli(capsys, "list", "--data-dir", str(tmp_path))
    if listed is None:
        assert rc == 1 and "不是政策阅读器的格式" in _one_line(err)
    else:
        assert rc == 0 and "Traceback" not in err
        assert (listed in out) if listed else len(out.splitlines()) == 1  # only the bundled plan


def test_notes_import_checks_every_field_and_imports_nothing_from_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_doc: Document
) -> None:
    data = str(tmp_path / "d")
    good = {"id": "a1", "doc": seed_doc.id, "kind": "note", "block": 12, "start": 0, "end": 4, "note": "好的"}
    items = [
        good,
        {**good, "id": "a2", "block": "第5段"},
        {**good, "id": "a3", "end": None},
        {**good, "id": "a4", "tags": "关注"},
        {**good, "id": "a5", "start": 9, "end": 2},
    ]
    src = tmp_path / "notes.json"
    src.write_text(json.dumps({"format": "policy-reader-annotations", "annotations": items}), encoding="utf-8")
    rc, _, err = _cli(capsys, "notes", "import", str(src), "--data-dir", data)
    line = _one_line(err)
    assert rc == 1 and "4 项无效" in line and "第 2 项字段 block" in line and "第 3 项字段 end" in line
    assert _cli(capsys, "notes", "list", "--data-dir", data)[1] == ""
    src.write_text(json.dumps({"format": "policy-reader-annotations", "annotations": [good]}), encoding="utf-8")
    assert _cli(capsys, "notes", "import", str(src), "--data-dir", data)[0] == 0


def test_a_bad_row_left_by_an_older_version_is_listed_unplaced(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "annotations.db")
    a = store.add(seed_doc, "note", 12, 0, 4, note="旧版本写入")
    store.con.execute("UPDATE annotations SET block = '第5段' WHERE id = ?", (a.id,))
    (got,) = store.list()
    assert got.orphaned and got.block == 0 and got.note == "旧版本写入"


def test_csv_export_with_a_note_on_a_document_not_in_this_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_doc: Document
) -> None:
    data = str(tmp_path / "d")
    elsewhere = {"id": "b1", "doc": "doc-0123456789", "kind": "note", "quote": "别处的文档", "note": "合并来的"}
    here = {"id": "b2", "doc": seed_doc.id, "kind": "note", "block": 12, "end": 4, "note": "本地的"}
    src = tmp_path / "notes.json"
    src.write_text(json.dumps({"format": "policy-reader-annotations", "annotations": [elsewhere, here]}), "utf-8")
    assert _cli(capsys, "notes", "import", str(src), "--data-dir", data)[0] == 0
    rc, out, _ = _cli(capsys, "notes", "export", "--format", "csv", "--data-dir", data)
    assert rc == 0 and "合并来的" in out and "本地的" in out


# ---------------------------------------------------------------- 10. one damaged document
def test_a_damaged_document_file_is_skipped_by_search_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "d")
    corpus = ROOT / "tests" / "data" / "corpus"
    for name in ("nanjing_2026_gwr_p2-3.txt", "cn15_fyp_outline_p1-2.txt"):
        assert _cli(capsys, "import", str(corpus / name), "--data-dir", data)[0] == 0
    damaged = tmp_path / "d" / "library" / "docs" / (Library_id(corpus / "nanjing_2026_gwr_p2-3.txt") + ".json")
    damaged.write_text("{not json", encoding="utf-8")
    # the catalog says the document changed, so the index must read it again
    catalog = tmp_path / "d" / "library" / "catalog.json"
    raw = json.loads(catalog.read_text("utf-8"))
    for e in raw["docs"]:
        e["updated_at"] += 1
    catalog.write_text(json.dumps(raw), "utf-8")
    rc, out, err = _cli(capsys, "search", "科技创新", "--all", "--data-dir", data)
    assert rc == 0 and "Traceback" not in err
    assert f"未检索已损坏的文档：文档 {damaged.stem} 的数据文件 {damaged} 已损坏" in err
    cn15 = Library_id(corpus / "cn15_fyp_outline_p1-2.txt")
    assert f"[{cn15} #" in out and "[dongguan-14th-fyp #" in out  # the other documents are still searched
    # a second damaged document is counted, not listed
    (tmp_path / "d" / "library" / "docs" / f"{cn15}.json").write_text("", encoding="utf-8")
    for e in raw["docs"]:
        e["updated_at"] += 1
    catalog.write_text(json.dumps(raw), "utf-8")
    rc, out, err = _cli(capsys, "search", "科技创新", "--all", "--data-dir", data)
    assert rc == 0 and "未检索已损坏的文档（另有 1 个）：" in err and "[dongguan-14th-fyp #" in out


def test_when_every_document_to_index_is_damaged_search_still_answers(tmp_path: Path) -> None:
    # The one document waiting to be indexed cannot be read: nothing is written, the bundled plan is searched.
    session = Session(tmp_path / "d")
    doc, _, _ = session.import_file(ROOT / "tests" / "data" / "corpus" / "nanjing_2026_gwr_p2-3.txt", index=False)
    (tmp_path / "d" / "library" / "docs" / f"{doc.id}.json").write_text("{not json", encoding="utf-8")
    result = Session(tmp_path / "d").search("科技创新", limit=None)  # a new start: nothing held in memory
    assert result.total > 0 and {h.doc for h in result.hits} == {"dongguan-14th-fyp"}
    assert f"未检索已损坏的文档：文档 {doc.id} 的数据文件" in result.message


def Library_id(path: Path) -> str:
    from reader.library import Library

    return Library._id_for_path(path)


@pytest.mark.integration
@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux")
def test_gbk_file_name_and_gbk_query_from_a_utf8_system(tmp_path: Path) -> None:
    """A file from a Chinese zip keeps its GBK-encoded name; a GBK terminal sends GBK bytes as the query."""
    folder = tmp_path.as_posix().encode()
    name = "政策文件.txt".encode("gbk")
    (Path(os.fsdecode(folder + b"/" + name))).write_text(
        "第一章 总则\n加快发展科技创新，到2025年研发投入强度达到3%。\n"
    )
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    data = (folder + b"/d").decode()
    run = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"reader", b"import", folder + b"/" + name, b"--data-dir", data.encode()],
        cwd=ROOT, capture_output=True, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode()
    assert "已导入：政策文件" in run.stderr.decode()
    query = "研发投入".encode("gbk")
    run = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"reader", b"search", query, b"--data-dir", data.encode()],
        cwd=ROOT, capture_output=True, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode()
    assert "【研发投入】" in run.stdout.decode()


# ---------------------------------------------------------------- 11. the data folder does not grow by itself
def test_temporary_files_of_killed_writes_are_removed_at_start(tmp_path: Path) -> None:
    from reader.session import Session

    data = tmp_path / "d"
    docs = data / "library" / "docs"
    docs.mkdir(parents=True)
    old = [docs / ".doc-1.json.k2j3.tmp", data / "library" / ".catalog.json.x9.tmp", data / ".synonyms.txt.a.tmp"]
    for p in old:
        p.write_text("half written", encoding="utf-8")
        os.utime(p, (time.time() - 7200, time.time() - 7200))
    fresh = docs / ".doc-2.json.zz.tmp"  # another window is writing it right now
    fresh.write_text("being written", encoding="utf-8")
    Session(data)
    assert not [p for p in old if p.exists()]
    assert fresh.exists()


@pytest.mark.integration
def test_reimporting_an_edited_document_does_not_grow_the_index(tmp_path: Path) -> None:
    from reader.session import Session

    source = tmp_path / "plan.txt"
    text = (ROOT / "tests" / "data" / "corpus" / "cn14_fyp_outline_p1-2.txt").read_text("utf-8")
    source.write_text(text, encoding="utf-8")
    session = Session(tmp_path / "d")
    session.import_file(source)
    session.search("科技")

    def size() -> int:
        return sum(p.stat().st_size for p in (tmp_path / "d" / "index").iterdir())

    first = size()
    for i in range(10):
        text += f"\n新增的第{i}段。"
        source.write_text(text, encoding="utf-8")
        session.import_file(source)
    assert session.search("新增的第9段").total == 1
    assert size() < 1.5 * first, f"index grew from {first} to {size()} bytes"


# ---------------------------------------------------------------- 6. permissions (as an ordinary user)
def _as_nobody() -> list[str]:
    """Run as an unprivileged user (the tests run as root in CI, and root ignores permissions)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an ordinary user")
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "reader"]
    probe = subprocess.run([*cmd, "--version"], cwd=ROOT, capture_output=True)
    if probe.returncode != 0:
        pytest.skip("the Python in use cannot be run by an ordinary user here")
    return cmd


@pytest.fixture
def open_tmp() -> Any:
    """A temporary folder an ordinary user may enter (pytest's own are private to root)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="policy-reader-perm-"))
    folder.chmod(0o777)
    yield folder
    for p in folder.rglob("*"):
        p.chmod(0o777) if p.is_dir() else None
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.integration
def test_unreadable_folders_and_files_are_one_line_each(open_tmp: Path) -> None:
    cmd = _as_nobody()
    tmp_path = open_tmp
    data = tmp_path / "d"
    env = {**os.environ, "HOME": str(tmp_path)}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cmd, *argv, "--data-dir", str(data)], cwd=ROOT, capture_output=True, text=True, env=env)

    plan = ROOT / "tests" / "data" / "corpus" / "nanjing_2026_gwr_p2-3.txt"
    assert run("notes", "add", "--block", "10", "--end", "4", "--note", "保存好的").returncode == 0
    assert run("import", str(plan)).returncode == 0
    secret = tmp_path / "secret"
    secret.mkdir(mode=0o700)
    shutil.copy(plan, secret / plan.name)
    cases = [
        (data / "library", 0o000, ("list",), "没有权限"),
        (data / "library" / "catalog.json", 0o000, ("list",), "没有权限"),
        (data / "library", 0o000, ("search", "人才"), "没有权限"),
        (data, 0o000, ("notes", "list"), "没有权限"),
        (data / "annotations.db", 0o000, ("notes", "list"), "权限"),
        (secret, 0o700, ("import", str(secret / plan.name)), "权限"),
        (data, 0o555, ("notes", "add", "--block", "11", "--end", "4"), "无法写入"),
    ]
    for target, mode, argv, words in cases:
        old = target.stat().st_mode & 0o777
        target.chmod(mode)
        try:
            done = run(*argv)
        finally:
            target.chmod(old)
        assert done.returncode == 1 and words in _one_line(done.stderr), (target, argv, done.stderr)
    listed = run("notes", "list")
    assert listed.returncode == 0 and "保存好的" in listed.stdout


@pytest.mark.integration
def test_a_file_where_cache_or_backups_should_be(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "cache").write_text("", encoding="utf-8")
    (data / "backups").write_text("", encoding="utf-8")
    rc, out, err = _cli(capsys, "search", "人才", "--data-dir", str(data))
    assert rc == 0 and "【人才】" in out and "Traceback" not in err  # the cache is only a cache
    for block in ("10", "11"):
        assert _cli(capsys, "notes", "add", "--block", block, "--end", "4", "--data-dir", str(data))[0] == 0
    rc, _, err = _cli(capsys, "notes", "backup", "--data-dir", str(data))
    assert rc == 1 and "backups" in _one_line(err) and "移走或改名" in err


def test_a_read_only_store_reads_the_notes_still_in_the_write_ahead_log(
    tmp_path: Path, seed_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A data folder copied (or left read-only) while the app had it open: the last notes are committed to the -wal
    # file, not yet to the database file. Reading it read-only must show them, not the older main file alone.
    live = AnnotationStore(tmp_path / "live" / "annotations.db")
    _notes(live, seed_doc, 3)
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(str(live.path) + suffix, frozen / ("annotations.db" + suffix))
    live.close()
    assert (frozen / "annotations.db-wal").stat().st_size > 0

    monkeypatch.setattr(AnnotationStore, "_open", _cannot_write)
    store = AnnotationStore(frozen / "annotations.db")
    assert store.read_only and store.count() == 3
    assert str(frozen / "annotations.db") in store.read_only_reason and "只读" in store.read_only_reason
    store.close()


def test_an_empty_database_file_that_cannot_be_written_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.db"
    db.write_bytes(b"")

    monkeypatch.setattr(AnnotationStore, "_open", _cannot_write)
    with pytest.raises(AnnotationStoreError, match="无法写入"):
        AnnotationStore(db)
    assert db.read_bytes() == b""
