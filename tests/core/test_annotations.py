"""Annotations: the SQLite store, re-anchoring after edits, exports, merge, and durability under SIGKILL."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from reader.annotations.anchor import locate
from reader.annotations.export import md_escape, to_markdown
from reader.annotations.store import SCHEMA_VERSION, AnnotationStore
from reader.cli import main
from reader.document.model import Block, Document, block_ids
from reader.errors import AnnotationStoreError, ReaderError

from ..conftest import ROOT


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    return AnnotationStore(tmp_path / "annotations.db")


def test_pragmas_and_schema_version(store: AnnotationStore) -> None:
    assert store.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_add_update_tags_soft_delete_and_undo(store: AnnotationStore, seed_doc: Document) -> None:
    a = store.add(seed_doc, "highlight", 38, 5, 20, color="green", tags=["GDP", "2025"])
    assert a.quote == seed_doc.blocks[38].text[5:20]
    assert store.get(a.id).tags == ["2025", "GDP"]
    store.update(a.id, note="核心目标", tags=["目标"])
    assert store.get(a.id).note == "核心目标" and store.get(a.id).tags == ["目标"]
    store.delete(a.id)
    assert store.list(seed_doc.id) == []
    assert store.count(include_deleted=True) == 1
    store.undelete(a.id)
    assert [x.id for x in store.list(seed_doc.id)] == [a.id]


def test_data_version_changes_when_another_connection_commits(tmp_path: Path, seed_doc: Document) -> None:
    # The window polls this to notice notes added from the CLI or a second window; its own writes do not count.
    mine = AnnotationStore(tmp_path / "a.db")
    other = AnnotationStore(tmp_path / "a.db")
    before = mine.data_version()
    mine.add(seed_doc, "note", 10, 0, 4)
    assert mine.data_version() == before
    other.add(seed_doc, "note", 11, 0, 4)
    after = mine.data_version()
    assert after != before and mine.data_version() == after
    mine.close()
    other.close()


def test_chapter_note_and_bookmark(store: AnnotationStore, seed_doc: Document) -> None:
    node = seed_doc.blocks[40].node
    note = store.add(seed_doc, "note", 40, note="本章要点", node=node)
    assert note.node == node
    mark = store.add(seed_doc, "bookmark", 40, name="目标")
    assert mark.quote == seed_doc.blocks[40].text[:24]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "stamp", "block": 1}, "类型"),
        ({"kind": "highlight", "block": 10_000}, "没有第"),
        ({"kind": "highlight", "block": 1, "start": 5, "end": 1}, "起始位置 5 在结束位置 1 之后"),
        ({"kind": "highlight", "block": 1, "start": 0, "end": 100_000}, "超出"),
        ({"kind": "highlight", "block": 1, "start": 3, "end": 3}, "至少"),
        ({"kind": "highlight", "block": 1, "start": 0, "end": 3, "color": "red"}, "颜色"),
    ],
)
def test_bad_requests_are_clear_errors(store: AnnotationStore, seed_doc: Document, kwargs: dict, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        store.add(seed_doc, **kwargs)


def test_newer_database_is_refused_untouched_and_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "annotations.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE future (x)")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(AnnotationStoreError, match="更新版本") as info:
        AnnotationStore(path)
    assert path.read_bytes() == before
    assert info.value.backup and Path(info.value.backup).read_bytes() == before


def test_corrupt_database_is_detected_backed_up_and_left_alone(tmp_path: Path, seed_doc: Document) -> None:
    path = tmp_path / "annotations.db"
    store = AnnotationStore(path)
    for i in range(200):
        store.add(seed_doc, "note", i % 100, 0, 3, note="x" * 300)
    store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    for i in range(4096 * 3, len(data) - 100, 997):  # scribble over the b-tree pages
        data[i : i + 50] = os.urandom(50)
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()
    with pytest.raises(AnnotationStoreError, match="损坏") as info:
        AnnotationStore(path)
    assert path.read_bytes() == damaged
    assert Path(info.value.backup).exists()
    # no good backup to offer yet (the store was new when these notes were written): the way out named is
    # SQLite's own recovery, never a restore command without a file
    assert ".recover" in str(info.value) and "notes restore" not in str(info.value)


def test_a_corrupt_database_offers_the_latest_good_backup(tmp_path: Path, seed_doc: Document) -> None:
    path = tmp_path / "annotations.db"
    store = AnnotationStore(path)
    store.add(seed_doc, "note", 10, 0, 4)
    store.close()
    again = AnnotationStore(path)  # a start with notes makes the daily backup
    backup = again.latest_backup()
    again.close()
    assert backup is not None
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    with pytest.raises(AnnotationStoreError, match="损坏") as info:
        AnnotationStore(path)
    assert f"policy-reader notes restore {backup}" in str(info.value)


def test_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "annotations.db"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(AnnotationStoreError, match="损坏"):
        AnnotationStore(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_daily_backup_rotates(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "annotations.db")
    store.add(seed_doc, "highlight", 1, 0, 4)
    for n in range(10):
        store.backup()
        # Backups are named by the second; age the newest so the next one gets its own name.
        newest = max((tmp_path / "backups").glob("annotations-daily-*.db"))
        newest.rename(newest.with_name(f"annotations-daily-2000010{n}-000000.db"))
    backups = list((tmp_path / "backups").glob("annotations-daily-*.db"))
    assert 1 <= len(backups) <= 7
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1


# ---------------------------------------------------------------- re-anchoring
def _edited(doc: Document, edits: dict[int, str], insert_at: int | None = None) -> Document:
    texts = [b.text for b in doc.blocks]
    for i, t in edits.items():
        texts[i] = t
    if insert_at is not None:
        texts.insert(insert_at, "新插入的一段文字，用来打乱段落编号。")
    ids = block_ids(texts)
    kinds = [b.kind for b in doc.blocks]
    nodes = [b.node for b in doc.blocks]
    if insert_at is not None:
        kinds.insert(insert_at, kinds[insert_at])
        nodes.insert(insert_at, nodes[insert_at])
    blocks = tuple(Block(index=i, id=ids[i], kind=kinds[i], text=t, node=nodes[i]) for i, t in enumerate(texts))
    return replace(doc, blocks=blocks)


def test_reanchor_exact_moved_fuzzy_orphaned(store: AnnotationStore, seed_doc: Document) -> None:
    t38 = seed_doc.blocks[38].text
    i = t38.index("到2025年GDP达到1.3万亿元左右")
    exact = store.add(seed_doc, "highlight", 50, 0, 10)
    moved = store.add(seed_doc, "highlight", 38, i, i + 18)
    fuzzy = store.add(seed_doc, "note", 60, 5, 40, note="会被改写")
    gone = store.add(seed_doc, "note", 70, 0, 30, note="整段删除")
    t60 = seed_doc.blocks[60].text
    edits = {
        38: "新增的开头。" + t38,  # the quote moves inside its paragraph
        60: t60[:20] + "之乎" + t60[21:],  # a small edit inside the quote
        70: "这一段被整个改写了，原来的文字一个也不剩。",
    }
    new = _edited(seed_doc, edits, insert_at=10)  # and every later paragraph shifts by one
    counts = store.reanchor(new)
    assert counts == {"exact": 1, "moved": 1, "fuzzy": 1, "orphaned": 1}
    e, m, f, g = (store.get(x.id) for x in (exact, moved, fuzzy, gone))
    assert new.blocks[e.block].text[e.start : e.end] == exact.quote and e.block == 51
    assert new.blocks[m.block].text[m.start : m.end] == moved.quote and m.status == "moved"
    assert f.status == "fuzzy" and f.block == 61
    assert g.status == "orphaned" and g.note == "整段删除"  # kept, never dropped
    # and listed under the chapter it was written in, not the one whose paragraph now stands at its old index
    assert g.node == gone.node != new.blocks[70].node
    assert len(store.list(seed_doc.id)) == 4


def test_quote_repeated_in_text_uses_context(seed_doc: Document) -> None:
    text = "甲方案：发展目标。乙方案：发展目标。"
    doc = replace(seed_doc, blocks=(Block(0, "x", seed_doc.blocks[0].kind, text, seed_doc.blocks[0].node),))
    anchor = locate(doc, "old", 0, 99, 103, "发展目标", "乙方案：", "。")
    assert (anchor.start, anchor.status) == (text.rindex("发展目标"), "moved")


def test_reimport_through_the_session_keeps_notes(tmp_path: Path) -> None:
    from reader.session import Session

    session = Session(tmp_path / "d")
    src = tmp_path / "plan.txt"
    original = (ROOT / "tests" / "data" / "plan_with_headings.txt").read_text(encoding="utf-8")
    src.write_text(original, encoding="utf-8")
    doc, _, _ = session.import_file(src, index=False)
    body = next(b for b in doc.blocks if len(b.text) > 40)
    a = session.annotations.add(doc, "note", body.index, 2, 12, note="重要")
    src.write_text("前言：新版本在开头加了一段。\n" + original, encoding="utf-8")
    new, replaced, counts = session.import_file(src, index=False)
    assert replaced and new.id == doc.id
    got = session.annotations.get(a.id)
    assert got.status in ("exact", "moved") and counts.get("orphaned", 0) == 0
    assert new.blocks[got.block].text[got.start : got.end] == a.quote


# ---------------------------------------------------------------- exports
def test_json_round_trip_and_merge_without_duplicates(tmp_path: Path, seed_doc: Document) -> None:
    one = AnnotationStore(tmp_path / "one.db")
    a = one.add(seed_doc, "note", 38, 0, 10, note="第一版", tags=["x"])
    one.add(seed_doc, "highlight", 39, 0, 5)
    data = json.loads(one.dumps())
    two = AnnotationStore(tmp_path / "two.db")
    assert two.import_json(data) == {"added": 2, "updated": 0, "skipped": 0}
    assert two.import_json(data) == {"added": 0, "updated": 0, "skipped": 2}
    assert [x.to_json() for x in two.list()] == [x.to_json() for x in one.list()]
    time.sleep(0.01)
    one.update(a.id, note="第二版")
    assert two.import_json(json.loads(one.dumps())) == {"added": 0, "updated": 1, "skipped": 1}
    assert two.get(a.id).note == "第二版"


def test_an_export_of_one_document_holds_its_notes_only_readably(tmp_path: Path, seed_doc: Document) -> None:
    from reader.document.importers import read_file
    from reader.document.structure import build

    other = build(read_file(ROOT / "tests" / "data" / "corpus" / "nanjing_2026_gwr_p2-3.txt"), "nanjing")
    store = AnnotationStore(tmp_path / "a.db")
    mine = store.add(seed_doc, "note", 38, 0, 10, note="东莞的批注")
    store.add(other, "note", 3, 0, 4, note="南京的批注")
    text = store.dumps(seed_doc.id, {seed_doc.id: {"title": seed_doc.title}})
    assert "东莞的批注" in text and "南京的批注" not in text  # Chinese as written, not \\u escapes
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("policy-reader-annotations", SCHEMA_VERSION)
    assert [a["id"] for a in data["annotations"]] == [mine.id]
    assert data["documents"] == {seed_doc.id: {"title": seed_doc.title}}
    assert len(json.loads(store.dumps())["annotations"]) == 2
    store.close()


def test_a_backup_counts_deleted_notes_too(tmp_path: Path, seed_doc: Document) -> None:
    # A deleted note stays in the database until it is purged (so that it can be undone): the backup holds it,
    # and the check that the copy is complete must count it.
    store = AnnotationStore(tmp_path / "a.db")
    notes = [store.add(seed_doc, "note", 10 + i, 0, 4) for i in range(3)]
    store.delete(notes[0].id)
    made = store.backup()
    con = sqlite3.connect(made)
    assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == 3
    con.close()
    store.close()


@pytest.mark.parametrize("bad", [{}, {"format": "other"}, {"format": "policy-reader-annotations", "annotations": [{}]}])
def test_bad_json_import_is_a_clear_error(store: AnnotationStore, bad: dict) -> None:
    with pytest.raises(ReaderError):
        store.import_json(bad)
    assert store.count(include_deleted=True) == 0


def test_markdown_groups_by_chapter_and_escapes(store: AnnotationStore, seed_doc: Document) -> None:
    store.add(seed_doc, "note", 38, 0, 10, note="<script>alert(1)</script> [链接](http://x) ![i](http://x/a.png)")
    store.add(seed_doc, "highlight", 60, 0, 8)
    md = to_markdown(seed_doc, store.list(seed_doc.id))
    assert md.count("\n## ") == 2
    assert "<script>" not in md
    assert re.search(r"(?<!\\)\]\(http", md) is None  # no live link or image syntax
    assert "> " + md_escape(seed_doc.blocks[38].text[:10]) in md


def test_notes_cli_add_list_export_import(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["notes", "add", "--block", "38", "--start", "0", "--end", "10", "--note", "=cmd()", "--tag", "GDP"]) == 0
    )
    note_id = capsys.readouterr().out.strip()
    assert main(["notes", "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items[0]["id"] == note_id and items[0]["tags"] == ["GDP"]
    out = tmp_path / "notes.csv"
    assert main(["notes", "export", "--format", "csv", "-o", str(out)]) == 0
    raw = out.read_bytes().decode("utf-8-sig")
    assert "'=cmd()" in raw
    js = tmp_path / "notes.json"
    assert main(["notes", "export", "--format", "json", "-o", str(js)]) == 0
    assert main(["notes", "import", str(js), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"added": 0, "updated": 0, "skipped": 1}
    assert main(["notes", "add", "--block", "99999"]) == 1
    assert "没有第" in capsys.readouterr().err


# ---------------------------------------------------------------- durability
def _run_writer(db: Path, start: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "core" / "annotation_writer.py"), str(db), str(start)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.integration
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_mid_burst_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    rng = random.Random(7)
    acked: list[int] = []
    kills = 6
    next_n = 0
    for _ in range(kills):
        proc = _run_writer(db, next_n)
        assert proc.stdout is not None
        target = rng.randint(5, 60)
        seen = 0
        for line in proc.stdout:
            acked.append(int(line.split()[1]))
            seen += 1
            if seen >= target:
                break
        time.sleep(rng.random() * 0.02)  # kill at a random moment inside the next write
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        next_n = max(acked) + 1000  # acks printed after the kill point are not counted
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notes = {int(r[0].split("-")[1]) for r in con.execute("SELECT note FROM annotations")}
    missing = set(acked) - notes
    assert not missing, f"acknowledged writes lost: {sorted(missing)[:10]}"
    assert len(acked) >= kills * 5


@pytest.mark.integration
def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    AnnotationStore(db).close()
    procs = [_run_writer(db, k * 100_000) for k in range(2)]
    acked: list[int] = []
    for proc in procs:
        assert proc.stdout is not None
        for _ in range(40):
            acked.append(int(proc.stdout.readline().split()[1]))
    for proc in procs:
        proc.kill()
        proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notes = {int(r[0].split("-")[1]) for r in con.execute("SELECT note FROM annotations")}
    assert set(acked) <= notes


def test_notes_are_searchable_in_the_index(tmp_path: Path) -> None:
    from reader.session import Session

    session = Session(tmp_path / "d")
    doc = session.document()
    a = session.annotations.add(doc, "note", 38, 0, 10, note="值得跟踪的独特批注词", tags=["关注"])
    result = session.search("独特批注词", limit=None)
    assert [(h.kind, h.block_id) for h in result.hits] == [("annotation", a.id)]
    hit = result.hits[0]
    # the hit leads to the note's paragraph and says where it is, as "批注 · " and the chapter path
    path = " › ".join(n.label for n in doc.node_path(doc.blocks[38].node))
    assert (hit.block, hit.node, hit.path) == (38, doc.blocks[38].node, "批注 · " + path) and path
    assert [h.block_id for h in session.search("#关注", limit=None).hits if h.kind == "annotation"] == [a.id]
    # an edited note is found by its new words only; a highlight without note or tag has no entry of its own
    session.annotations.update(a.id, note="改写后的另一段批注")
    session.annotations.add(doc, "highlight", 39, 0, 6)
    assert session.search("独特批注词").total == 0
    assert [(h.block_id, h.text) for h in session.search("改写后的另一段批注", limit=None).hits] == [
        (a.id, "改写后的另一段批注\n#关注")  # the note, then its tags on a line of their own
    ]
    plain = session.annotations.add(doc, "note", 40, 0, 4, note="没有标签的批注")
    assert [(h.block_id, h.text) for h in session.search("没有标签的批注", limit=None).hits] == [
        (plain.id, "没有标签的批注")
    ]
    assert session.sync_notes_index() is False  # nothing changed since: the entries are not written again
    quoted = session.search(doc.blocks[39].text[:6], limit=None).hits
    assert 39 in {h.block for h in quoted} and "annotation" not in {h.kind for h in quoted}
    session.annotations.delete(a.id)
    assert session.search("改写后的另一段批注").total == 0


def test_disk_full_is_a_clear_error_and_loses_nothing(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "annotations.db")
    kept = [store.add(seed_doc, "note", i, 0, 4, note="保存好的") for i in range(5)]
    pages = store.con.execute("PRAGMA page_count").fetchone()[0]
    store.con.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full for this database
    with pytest.raises(ReaderError, match="磁盘已满"):
        for i in range(500):
            store.add(seed_doc, "note", i % 100, 0, 4, note="x" * 2000)
    store.con.execute("PRAGMA max_page_count = 1073741823")
    assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {a.id for a in kept} <= {a.id for a in store.list()}


def test_disk_full_while_importing_keeps_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from reader import fileio
    from reader.session import Session

    session = Session(tmp_path / "d")
    src = tmp_path / "plan.txt"
    src.write_text("第一章 总则\n正文。\n", encoding="utf-8")
    doc, _, _ = session.import_file(src, index=False)
    before = (session.data_dir / "library" / "catalog.json").read_bytes()

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full)
    src2 = tmp_path / "plan2.txt"
    src2.write_text("第一章 总则\n另一份。\n", encoding="utf-8")
    with pytest.raises(ReaderError) as info:
        session.import_file(src2, index=False)
    assert "磁盘已满" in str(info.value)
    monkeypatch.undo()
    assert (session.data_dir / "library" / "catalog.json").read_bytes() == before
    assert [e.id for e in Session(session.data_dir).library.entries()] == ["dongguan-14th-fyp", doc.id]
    assert not list((session.data_dir / "library").rglob("*.tmp"))


def test_markdown_export_keeps_an_ampersand_as_written() -> None:
    # 「R&D占比达3.06%左右」 (the bundled plan): R&D must read R&D in a report, not R&amp;D.
    assert md_escape("R&D占比达3.06%左右") == "R&D占比达3.06%左右"
    assert md_escape("&lt;script&gt;") == "&amp;lt;script&amp;gt;"  # what would be an entity still shows as typed
