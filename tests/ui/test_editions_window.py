"""The edition diff window (issue #17) on the 十五 plan of 2001 and a copy of it edited in known ways."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from tests.conftest import DATA


def test_changes_are_listed_marked_and_open_in_place(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = (DATA / "plan_toc_preface.txt").read_text(encoding="utf-8").splitlines()
    body = lines.index("序言")
    edited = list(lines)
    changed = next(i for i, t in enumerate(edited) if i > body and "2005年" in t and len(t) > 60)
    edited[changed] = edited[changed].replace("2005年", "2006年", 1)
    del edited[body + 2]
    (tmp_path / "old.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n".join(edited) + "\n", encoding="utf-8")
    old, _, _ = window.session.import_file(tmp_path / "old.txt", index=False)
    new, _, _ = window.session.import_file(tmp_path / "new.txt", index=False)
    old_doc = window.session.document(old.id)
    kept = next(b for b in old_doc.blocks if b.text.startswith("“九五”期间"))
    window.session.annotations.add(old_doc, "note", kept.index, 0, 6, note="对照“九五”成就")
    gone = old_doc.blocks[body + 2]  # the paragraph deleted in the new edition
    window.session.annotations.add(old_doc, "note", gone.index, 0, 4, note="这段被删了")
    dialog = window.editions.show(old.id, new.id)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("新增 0 段，删除 1 段，修改 1 段，移动 0 段")
    page = dialog.view.toHtml()
    assert "旧版本的 2 条批注：1 条在新版本中找到原处。" in page and "原文在新版本中已删改" in page
    assert "2006" in page and "background-color:#cdeccf" in page  # the changed year marked in the new text
    dialog.step(+1)
    dialog.step(+1)
    assert dialog.current == 1
    block = next(c.new_block for c in dialog.result.changes if c.kind == "changed")
    dialog.view.anchorClicked.emit(QUrl(f"new:{block}"))
    assert window.doc.id == new.id and window._current_span.block == block
