"""The notes database as files: restoring a backup, keeping what it replaces, copies kept aside once."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from reader.annotations.files import check_backup, copy_aside, is_corrupt, restore
from reader.annotations.store import AnnotationStore
from reader.document.model import Document
from reader.errors import ReaderError


def _db_with(path: Path, doc: Document, notes: int) -> AnnotationStore:
    store = AnnotationStore(path)
    for i in range(notes):
        store.add(doc, "note", 38, i, i + 4, note=f"第{i}条")
    return store


def test_restore_puts_the_backup_in_place_and_keeps_the_old_database_with_its_log(
    tmp_path: Path, seed_doc: Document
) -> None:
    backup = tmp_path / "elsewhere" / "good.db"
    backup.parent.mkdir()
    _db_with(backup, seed_doc, 2).close()
    db = tmp_path / "annotations.db"
    live = _db_with(db, seed_doc, 5)  # still open: its log holds the notes
    assert Path(f"{db}-wal").exists()
    notes, kept = restore(db, backup)
    live.con.close()
    assert notes == 2 and kept is not None
    assert kept.parent == tmp_path / "backups"
    assert re.fullmatch(r"annotations-replaced-\d{8}-\d{6}\.db", kept.name)
    assert check_backup(db) == 2  # the backup, and no stale log replayed over it
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    # The replaced database is whole: its log was folded in (or kept beside it).
    con = sqlite3.connect(kept)
    assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == 5
    con.close()


def test_restore_into_an_empty_data_folder_keeps_nothing(tmp_path: Path, seed_doc: Document) -> None:
    backup = tmp_path / "good.db"
    _db_with(backup, seed_doc, 3).close()
    db = tmp_path / "data" / "annotations.db"
    db.parent.mkdir()
    assert restore(db, backup, tmp_path / "kept") == (3, None)
    assert check_backup(db) == 3 and not (tmp_path / "kept").exists()


def test_a_log_left_without_its_database_is_moved_aside(tmp_path: Path, seed_doc: Document) -> None:
    backup = tmp_path / "good.db"
    _db_with(backup, seed_doc, 1).close()
    db = tmp_path / "annotations.db"
    Path(f"{db}-wal").write_bytes(b"stale log")
    Path(f"{db}-shm").write_bytes(b"stale shm")
    notes, kept = restore(db, backup, tmp_path / "kept")
    assert notes == 1 and kept is not None and kept.parent == tmp_path / "kept"
    assert Path(f"{kept}-wal").read_bytes() == b"stale log"
    assert Path(f"{kept}-shm").read_bytes() == b"stale shm"
    assert not kept.exists() and check_backup(db) == 1


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_bad_backup_is_refused_and_nothing_changes(tmp_path: Path, seed_doc: Document, content: bytes) -> None:
    db = tmp_path / "annotations.db"
    _db_with(db, seed_doc, 2).close()
    before = db.read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(ReaderError) as err:
        restore(db, bad)
    assert str(err.value) == (
        f"{bad} 不是可用的批注备份（不是完整的批注数据库，或来自更新版本）。用 policy-reader notes restore 列出可用的备份。"
    )
    assert db.read_bytes() == before and not (tmp_path / "backups").exists()


def test_a_backup_from_a_newer_version_is_not_good(tmp_path: Path, seed_doc: Document) -> None:
    newer = tmp_path / "newer.db"
    _db_with(newer, seed_doc, 1).close()
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 999")
    con.close()
    assert check_backup(newer) is None
    assert check_backup(tmp_path / "missing.db") is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_restore_that_cannot_write_says_the_old_database_is_untouched(tmp_path: Path, seed_doc: Document) -> None:
    backup = tmp_path / "good.db"
    _db_with(backup, seed_doc, 1).close()
    db = tmp_path / "data" / "annotations.db"
    db.parent.mkdir()
    _db_with(db, seed_doc, 2).close()
    db.parent.chmod(0o500)
    try:
        with pytest.raises(ReaderError, match=r"原来的数据库未改动。$"):
            restore(db, backup, tmp_path / "kept")
    finally:
        db.parent.chmod(0o700)
    assert check_backup(db) == 2


def test_a_restore_whose_kept_folder_is_a_file_says_the_old_database_is_untouched(
    tmp_path: Path, seed_doc: Document
) -> None:
    backup = tmp_path / "good.db"
    _db_with(backup, seed_doc, 1).close()
    db = tmp_path / "annotations.db"
    _db_with(db, seed_doc, 2).close()
    (tmp_path / "kept").write_text("a file where the folder should be")
    with pytest.raises(ReaderError) as err:
        restore(db, backup, tmp_path / "kept")
    assert str(err.value).startswith("无法换回备份：") and str(err.value).endswith("原来的数据库未改动。")
    assert check_backup(db) == 2


def test_a_copy_aside_is_made_once_per_content_with_its_log(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    db.write_bytes(b"damaged content")
    Path(f"{db}-wal").write_bytes(b"its log")
    first = copy_aside(db, tmp_path / "backups", "corrupt")
    assert first is not None and re.fullmatch(r"annotations-corrupt-\d{8}-\d{6}\.db", Path(first).name)
    assert Path(first).read_bytes() == b"damaged content"
    assert Path(first + "-wal").read_bytes() == b"its log"
    assert copy_aside(db, tmp_path / "backups", "corrupt") == first  # the same content: the same copy
    # … also when that copy was made on an earlier day (another name), and a change of content is a new copy
    earlier = tmp_path / "backups" / "annotations-corrupt-20260101-000000.db"
    Path(first).rename(earlier)
    Path(first + "-wal").rename(f"{earlier}-wal")
    assert copy_aside(db, tmp_path / "backups", "corrupt") == str(earlier)
    assert len(list((tmp_path / "backups").iterdir())) == 2
    db.write_bytes(b"damaged CONTENT")  # same size, other bytes
    changed = copy_aside(db, tmp_path / "backups", "corrupt")
    assert changed not in (None, str(earlier)) and Path(changed).read_bytes() == b"damaged CONTENT"
    assert copy_aside(db, tmp_path / "backups", "other") != first  # another reason: its own copy
    (tmp_path / "blocked").write_text("a file")
    assert copy_aside(db, tmp_path / "blocked", "corrupt") is None


def test_damage_is_told_apart_from_a_file_that_cannot_be_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"x" * 4096)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(bad).execute("SELECT * FROM sqlite_master").fetchall()
    assert is_corrupt(damaged.value)
    assert not is_corrupt(sqlite3.OperationalError("attempt to write a readonly database"))
    assert is_corrupt(sqlite3.DatabaseError("database disk image is malformed"))
    assert not is_corrupt(sqlite3.OperationalError("database or disk is full"))


def test_an_update_changes_only_what_it_is_given(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "a.db")
    a = store.add(seed_doc, "bookmark", 38, 0, 6, color="green", name="远景", note="原批注", tags=["甲", "乙"])
    b = store.update(a.id, note="新批注")
    assert (b.note, b.color, b.name, b.tags) == ("新批注", "green", "远景", ["乙", "甲"])
    assert b.updated >= a.updated and b.created == a.created
    c = store.update(a.id, color="pink", name="", tags=[" 丙 ", "", "丙"])
    assert (c.note, c.color, c.name, c.tags) == ("新批注", "pink", "", ["丙"])
    d = store.update(a.id, tags=[])
    assert (d.tags, d.color) == ([], "pink")
    with pytest.raises(ReaderError) as err:
        store.update(a.id, color="red")
    assert str(err.value) == "未知的颜色“red”，可用：yellow、green、blue、pink。"
    with pytest.raises(ReaderError) as err:
        store.update("no-such-id", note="x")
    assert str(err.value) == "没有编号为 no-such-id 的批注。"
    assert store.get(a.id).color == "pink"  # nothing changed by the refused updates


def test_a_merge_adds_new_notes_takes_newer_edits_and_refuses_a_file_with_bad_items(
    tmp_path: Path, seed_doc: Document
) -> None:
    import json

    mine = AnnotationStore(tmp_path / "mine.db")
    theirs = AnnotationStore(tmp_path / "theirs.db")
    shared = mine.add(seed_doc, "note", 38, 0, 6, note="我的版本", tags=["甲"])
    theirs.import_json(json.loads(mine.dumps()))
    newer = theirs.update(shared.id, note="对方改过", tags=["乙"])
    theirs.add(seed_doc, "highlight", 40, 0, 4)
    data = json.loads(theirs.dumps())
    assert mine.import_json(data) == {"added": 1, "updated": 1, "skipped": 0}
    merged = mine.get(shared.id)
    assert (merged.note, merged.tags, merged.updated) == ("对方改过", ["乙"], newer.updated)
    older = dict(data, annotations=[dict(item, note="旧的", updated=0.0) for item in data["annotations"]])
    assert mine.import_json(older) == {"added": 0, "updated": 0, "skipped": 2}
    assert mine.get(shared.id).note == "对方改过"  # an older edit never wins
    bad = dict(data, annotations=[*data["annotations"], {"id": "x"}, [], *([{"id": "y", "doc": "d"}] * 5)])
    with pytest.raises(ReaderError) as err:
        mine.import_json(bad)
    assert str(err.value) == (
        "批注 JSON 中有 7 项无效，未导入任何批注：第 3 项缺少字段 doc, kind；第 4 项不是一个对象；"
        "第 5 项缺少字段 kind；第 6 项缺少字段 kind；第 7 项缺少字段 kind；另有 2 项。"
    )
    with pytest.raises(ReaderError, match="缺少 format 字段"):
        mine.import_json({"annotations": []})
    with pytest.raises(ReaderError, match="没有 annotations 列表"):
        mine.import_json({"format": "policy-reader-annotations", "annotations": {}})
    assert len(mine.list()) == 2


def test_adding_checks_the_place_and_sets_the_defaults(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "a.db")
    last = len(seed_doc.blocks) - 1
    end = len(seed_doc.blocks[last].text)
    h = store.add(seed_doc, "highlight", last, end - 4, end)  # up to the last character of the document
    assert (h.color, h.quote, h.suffix, h.note, h.name) == ("yellow", seed_doc.blocks[last].text[-4:], "", "", "")
    n = store.add(seed_doc, "note", 38, 0, 0, note="整段")
    assert (n.color, n.quote) == ("", "")
    b = store.add(seed_doc, "bookmark", 38)
    assert (b.start, b.end, b.color) == (0, 24, "")  # a bookmark marks the paragraph's opening
    other = store.add(seed_doc, "note", 38, 2, 6, node=seed_doc.outline[0].id)
    assert other.node == seed_doc.outline[0].id and h.node == seed_doc.blocks[last].node
    for kw, message in [
        ({"kind": "comment", "block": 38}, "未知的批注类型“comment”，可用：highlight、note、bookmark。"),
        ({"kind": "note", "block": 38, "color": "red"}, "未知的颜色“red”，可用：yellow、green、blue、pink。"),
        ({"kind": "note", "block": last + 1}, f"文档 {seed_doc.id} 没有第 {last + 1} 段（共 {last + 1} 段）。"),
        ({"kind": "note", "block": -1}, f"文档 {seed_doc.id} 没有第 -1 段（共 {last + 1} 段）。"),
        ({"kind": "note", "block": 38, "start": 5, "end": 4}, "起始位置 5 在结束位置 4 之后：--start 应不大于 --end。"),
        (
            {"kind": "note", "block": last, "start": 0, "end": end + 1},
            f"位置 0–{end + 1} 超出第 {last} 段的长度（{end} 字）。",
        ),
        ({"kind": "highlight", "block": 38, "start": 3, "end": 3}, "高亮需要选中至少一个字。"),
    ]:
        with pytest.raises(ReaderError) as err:
            store.add(seed_doc, **kw)  # type: ignore[arg-type]
        assert str(err.value) == message
    assert len(store.list(seed_doc.id)) == 4


def test_a_row_with_a_position_that_is_not_a_number_is_listed_as_unplaced(tmp_path: Path, seed_doc: Document) -> None:
    store = AnnotationStore(tmp_path / "a.db")
    a = store.add(seed_doc, "note", 38, 2, 6, note="旧版本写入的行")
    store.con.execute("UPDATE annotations SET block = '第5段', start = 2, \"end\" = 6 WHERE id = ?", (a.id,))
    got = store.get(a.id)
    assert (got.block, got.start, got.end, got.status, got.note) == (0, 0, 0, "orphaned", "旧版本写入的行")


def test_reanchoring_moves_deleted_notes_too_and_gives_a_moved_note_its_new_chapter(
    tmp_path: Path, seed_doc: Document
) -> None:
    from dataclasses import replace

    from reader.document.model import Block, block_ids

    store = AnnotationStore(tmp_path / "a.db")
    quote_block = 38
    kept = store.add(seed_doc, "note", quote_block, 0, 10, note="留着")
    gone = store.add(seed_doc, "note", quote_block, 0, 10, note="删掉后撤销")
    store.delete(gone.id)
    # The paragraph moves to the end of the plan, into its last chapter.
    texts = [b.text for b in seed_doc.blocks]
    moved = texts.pop(quote_block)
    texts.append(moved)
    ids = block_ids(texts)
    nodes = [b.node for i, b in enumerate(seed_doc.blocks) if i != quote_block] + [seed_doc.blocks[-1].node]
    kinds = [b.kind for i, b in enumerate(seed_doc.blocks) if i != quote_block] + [seed_doc.blocks[quote_block].kind]
    new = replace(
        seed_doc,
        blocks=tuple(Block(index=i, id=ids[i], kind=kinds[i], text=t, node=nodes[i]) for i, t in enumerate(texts)),
    )
    assert store.reanchor(new) == {"exact": 2}  # the same paragraph (same id) at another index
    store.undelete(gone.id)
    for a in (store.get(kept.id), store.get(gone.id)):
        assert (a.block, a.start, a.end, a.status) == (len(texts) - 1, 0, 10, "exact")
        assert a.node == seed_doc.blocks[-1].node != seed_doc.blocks[quote_block].node
