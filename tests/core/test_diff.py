"""Edition diff (issue #17) on a real plan, the 十五 plan of 2001, against a copy edited in known ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.document.diff import diff, word_changes
from reader.document.importers import read_file
from reader.document.structure import build
from tests.conftest import DATA

LINES = (DATA / "plan_toc_preface.txt").read_text(encoding="utf-8").splitlines()


def _doc(lines: list[str], tmp: Path, name: str):  # type: ignore[no-untyped-def]
    path = tmp / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build(read_file(path), name)


def _edited() -> tuple[list[str], dict[str, object]]:
    """The plan with one paragraph moved, one inserted, one deleted and words changed in one."""
    lines = list(LINES)
    preface = lines.index("序言")
    moved = lines.pop(preface + 2)  # the preface's second paragraph …
    body = lines.index("序言")  # headings before it are the contents list
    chapter_one = next(i for i, t in enumerate(lines) if i > body and t.startswith("第一章"))
    lines.insert(chapter_one + 2, moved)  # … goes after the first paragraph of 第一章
    inserted = "这是新增加的一段文字，用来检验差异比较能否找到插入的段落。"
    chapter_two = next(i for i, t in enumerate(lines) if i > body and t.startswith("第二章"))
    lines.insert(chapter_two + 1, inserted)
    deleted_at = next(i for i, t in enumerate(lines) if i > body and t.startswith("第十章")) + 1
    deleted = lines.pop(deleted_at)
    changed_at = next(i for i, t in enumerate(lines) if "2005年" in t and len(t) > 60)
    before = lines[changed_at]
    lines[changed_at] = before.replace("2005年", "2006年", 1)
    return lines, {
        "moved": moved,
        "inserted": inserted,
        "deleted": deleted,
        "before": before,
        "after": lines[changed_at],
    }


def test_every_edit_is_found_and_nothing_else(tmp_path: Path) -> None:
    lines, edits = _edited()
    old, new = _doc(LINES, tmp_path, "old.txt"), _doc(lines, tmp_path, "new.txt")
    result = diff(old, new)
    kinds = sorted(c.kind for c in result.changes)
    assert kinds == ["added", "changed", "moved", "removed"], [
        (c.kind, c.old_block, c.new_block) for c in result.changes
    ]
    by_kind = {c.kind: c for c in result.changes}
    assert new.blocks[by_kind["added"].new_block].text == edits["inserted"]  # type: ignore[index]
    assert old.blocks[by_kind["removed"].old_block].text == edits["deleted"]  # type: ignore[index]
    moved = by_kind["moved"]
    assert old.blocks[moved.old_block].text == edits["moved"] == new.blocks[moved.new_block].text  # type: ignore[index]
    assert new.chapter_path(moved.new_block).startswith("第一篇")  # type: ignore[arg-type]
    changed = by_kind["changed"]
    after = new.blocks[changed.new_block].text  # type: ignore[index]
    assert after == edits["after"]
    assert [after[a:b] for a, b in changed.new_spans] == ["2006"]  # the year whole, not one digit
    assert sum(sum(c.values()) for c in result.summary().values()) == 4


def test_words_compared_the_chinese_way() -> None:
    old, new = word_changes("到2025年常住人口城镇化率提高到65%", "到2030年常住人口城镇化率提升到71%")
    # 2025 → 2030 whole, 提高 → 提升 by its changed character, 65% → 71% whole.
    assert old == [(1, 5), (15, 16), (17, 20)] and new == [(1, 5), (15, 16), (17, 20)]


def test_identical_editions_have_no_changes(tmp_path: Path) -> None:
    doc = _doc(LINES, tmp_path, "a.txt")
    assert diff(doc, _doc(LINES, tmp_path, "b.txt")).changes == []


@pytest.mark.integration
def test_cli_diff(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lines, _edits = _edited()
    (tmp_path / "old.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")]) == 0
    old_id, new_id = capsys.readouterr()[0].split()
    assert main(["--data-dir", data, "diff", old_id, new_id]) == 0
    out = capsys.readouterr()[0]
    assert "新增 1 段，删除 1 段，修改 1 段，移动 1 段" in out and "[2006]" in out
    assert main(["--data-dir", data, "diff", old_id, new_id, "--json"]) == 0
    assert '"kind": "moved"' in capsys.readouterr()[0]
