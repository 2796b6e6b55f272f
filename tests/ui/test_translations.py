from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QTranslator

from reader.paths import resources_dir


def test_every_ui_string_has_an_english_translation() -> None:
    ts = (resources_dir() / "i18n" / "policy_reader_en.ts").read_text(encoding="utf-8")
    assert ts.count("<source>") > 40
    assert 'type="unfinished"' not in ts


def test_compiled_english_translation_loads_and_translates(qapp) -> None:  # type: ignore[no-untyped-def]
    tr = QTranslator()
    assert tr.load(str(resources_dir() / "i18n" / "policy_reader_en.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("History", "后退") == "Back"
        assert QCoreApplication.translate("MainWindow", "退出") == "Quit"
    finally:
        QCoreApplication.removeTranslator(tr)


def test_ui_code_has_no_untranslated_chinese_literals() -> None:
    """User-visible Chinese in reader/ui goes through tr(); literals outside tr() are a bug. A line that holds
    Chinese as data (what a check compares with, never shown) says so: ``# data, not UI text``."""
    root = resources_dir().parent / "reader" / "ui"
    offenders = []
    translated = re.compile(r'\btr\("[^"]*"\)|\btranslate\("[^"]*", "[^"]*"\)|\btr\(\'[^\']*\'\)')
    for path in root.rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.rstrip().endswith("# data, not UI text"):
                continue
            code = translated.sub("", line.split("#", 1)[0])
            for literal in re.findall(r'"([^"]*[\u4e00-\u9fff][^"]*)"', code):
                if literal != "中文":  # the language's own name is never translated
                    offenders.append(f"{path.name}:{n}: {literal}")
    assert offenders == []


def test_english_window_names_itself_and_its_panels_in_english(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import create_window

    app, win = create_window(str(data_dir), lang="en")
    qtbot.addWidget(win)
    try:
        win.open_default()
        assert app.applicationDisplayName() == "Policy Reader"
        assert "政策阅读器" not in win.windowTitle() and win.windowTitle().endswith("Policy Reader")
        # No & in a dock title: it would become a mnemonic and show as "Targets _Figures" in the tab.
        assert win.targets_dock.windowTitle() == "Targets and Figures"
    finally:
        win.close()
        for tr in getattr(app, "_translators", []):
            QApplication.removeTranslator(tr)
        app.setApplicationDisplayName("政策阅读器")
