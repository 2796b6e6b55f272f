"""Render the main window on the bundled plan, and the 主要指标 table of a PDF plan, to PNG files (light and dark).

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshot.py [OUT_DIR]
Needs a CJK font (Debian: fonts-noto-cjk), or Chinese renders as boxes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(data: str, lang: str):  # type: ignore[no-untyped-def]
    """The main window at the README's size on the bundled plan, in a fresh data folder."""
    from reader.ui.app import create_window

    app, win = create_window(data, lang=lang)
    win.resize(1280, 820)
    win.show()
    win.open_default()
    for _ in range(20):
        app.processEvents()
    return app, win


def _headline_target(doc) -> int:  # type: ignore[no-untyped-def]
    """The paragraph with the plan's headline target (到2025年GDP达到1.3万亿元左右)."""
    return next(b.index for b in doc.blocks if "到2025年" in b.text and "1.3万亿元" in b.text)


def _shoot(app, dialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    """A dialog at 1280×720, laid out, saved to ``path`` and closed."""
    dialog.resize(1280, 720)
    for _ in range(40):
        app.processEvents()
    dialog.grab().save(str(path))
    print(path)
    dialog.close()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/img")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        app, win = _window(data, "zh")
        target = _headline_target(win.doc)
        win.jump_to_block(target - 1)
        # Show the search panel with a real query, the way a reader would use it.
        while not win.indexer.ready:
            app.processEvents()
        win.search_panel.query_box.setText("散裂中子源")
        win.search_panel.search_now()
        for _ in range(200):
            app.processEvents()
            if win.searching.last_result is not None and win.searching.last_result.query == "散裂中子源":
                break
        win.targets_dock.raise_() if "--targets" in sys.argv else win.search_dock.raise_()
        for theme in ("light", "dark"):
            win.appearance.set_theme(theme)
            win.view.scroll_to_block(target - 1)
            for _ in range(20):
                app.processEvents()
            win.nav.text_scrolled(win.view.top_block())
            path = out / f"main-window-{theme}.png"
            win.grab().save(str(path))
            print(path)
        # The 主要指标 table of the national 十五五 outline, imported from its PDF, with the targets panel.
        root = Path(__file__).resolve().parent.parent
        pdf = root / "tests" / "data" / "corpus" / "cn15_fyp_outline_p1-2.pdf"
        doc, _replaced, _anchored = win.session.import_file(pdf, index=False)
        win.open_document(doc.id)
        win.resize(1280, 820)
        win.targets_dock.hide()  # the text column gets the room a table needs (the panel is in the other shots)
        win.search_dock.hide()
        win.notes_dock.hide()
        win.library_dock.hide()
        caption = next(b.index for b in win.doc.blocks if b.text.startswith("专栏1"))
        for theme in ("light", "dark"):
            win.appearance.set_theme(theme)
            for _ in range(20):
                app.processEvents()
            win.view.scroll_to_block(caption)
            for _ in range(20):
                app.processEvents()
            path = out / f"table-{theme}.png"
            win.grab().save(str(path))
            print(path)
        # The 十四五 and 十五五 outlines compared (文件 › 对比文档…).
        older, _replaced, _anchored = win.session.import_file(pdf.with_name("cn14_fyp_outline_p1-2.pdf"), index=False)
        win.appearance.set_theme("light")
        _shoot(app, win.comparing.show([older.id, doc.id]), out / "compare-light.png")
        # Two editions of the 十五 plan of 2001: the text, and a copy with a paragraph moved and words changed.
        source = root / "tests" / "data" / "plan_toc_preface.txt"
        lines = source.read_text(encoding="utf-8").splitlines()
        body = lines.index("序言")
        edited = list(lines)
        edited.insert(body + 12, edited.pop(body + 2))
        changed = next(i for i, t in enumerate(edited) if i > body and "2005年" in t and len(t) > 60)
        edited[changed] = edited[changed].replace("2005年", "2006年", 1).replace("发展", "推进", 1)
        edited.insert(changed + 1, "（新增段落）加强规划实施的监测评估，每年向社会公布主要指标的进展。")
        copy = Path(data) / "十五计划纲要（修改稿）.txt"
        copy.write_text("\n".join(edited) + "\n", encoding="utf-8")
        first, _r, _a = win.session.import_file(source, index=False)
        second, _r, _a = win.session.import_file(copy, title="十五计划纲要（修改稿）", index=False)
        _shoot(app, win.editions.show(first.id, second.id), out / "editions-light.png")
        win.close()
        QApplication.processEvents()
    # The English interface (Qt's translation) on the same plan, with the search panel's guide.
    with tempfile.TemporaryDirectory() as data:
        app, win = _window(data, "en")
        win.appearance.set_theme("light")
        win.search_dock.raise_()
        target = _headline_target(win.doc)
        win.view.scroll_to_block(target - 1)
        for _ in range(40):
            app.processEvents()
        win.nav.text_scrolled(win.view.top_block())
        path = out / "main-window-en.png"
        win.grab().save(str(path))
        print(path)
        win.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
