"""Start the Qt application: translations, theme, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import APP_ID, APP_NAME, __version__
from reader.errors import ReaderError
from reader.paths import resources_dir


class ReaderApplication(QApplication):
    """The application, which also receives the files the OS asks it to open (macOS: Finder's Open With, a file
    dropped on the Dock icon). Files that arrive before the window listens are kept and handed over then."""

    file_opened = Signal(str)

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.pending: list[str] = []
        self.listening = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            if self.listening:
                self.file_opened.emit(event.file())
            else:
                self.pending.append(event.file())
            return True
        return super().event(event)

    def listen(self, slot) -> None:  # type: ignore[no-untyped-def]
        self.file_opened.connect(slot)
        self.listening = True
        for path in self.pending:
            slot(path)
        self.pending.clear()


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Chinese is the source language; English comes from resources/i18n/policy_reader_en.qm."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_locale = "zh_CN" if lang == "zh" else "en"
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{qt_locale}", qt_dir):
        app.installTranslator(qt_tr)
        translators.append(qt_tr)
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "i18n" / "policy_reader_en.qm")):
            app.installTranslator(ours)
            translators.append(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English))
    return translators


def open_settings(data_dir: Path) -> QSettings:
    """Window state and preferences live in the data folder like everything else."""
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def create_window(data_dir: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """Build the application and the main window without entering the event loop."""
    from reader.session import Session
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or ReaderApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    session = Session(data_dir)
    settings = open_settings(session.data_dir)
    chosen = lang or str(settings.value("language", "zh"))
    app._translators = install_translators(app, chosen)  # type: ignore[attr-defined]
    # Qt appends the display name to window titles: in English it must be the English name.
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "政策阅读器"))
    window = MainWindow(session, settings)
    return app, window


def smoke(data_dir: str | None = None, file: str | None = None, screenshot: str | None = None) -> int:
    """Open the bundled plan (or import and open ``file``, as `PolicyReader FILE` does), wait for the first paint,
    print what was shown, save the window to ``screenshot`` (PNG) if given, and quit (frozen-app check)."""
    import time
    from pathlib import Path

    from PySide6.QtCore import QEvent, QObject

    started = time.perf_counter()
    app, window = create_window(data_dir, "zh")
    window.resize(1200, 800)
    window.show()
    window.open_default()
    if file:
        failed: list[str] = []
        window.import_failed.connect(failed.append)
        window.importer.import_file(file)
        deadline = time.perf_counter() + 60
        while not failed and time.perf_counter() < deadline:
            if window.doc is not None and window.doc.meta.source == Path(file).name:
                break
            app.processEvents()
            time.sleep(0.01)
        if window.doc is None or window.doc.meta.source != Path(file).name:
            print(f"smoke: {file} was not opened {failed[:1]}")
            window.close()
            return 1
    painted: list[float] = []

    class Spy(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    spy = Spy()
    window.view.viewport().installEventFilter(spy)
    window.view.viewport().update()
    deadline = time.perf_counter() + 30
    while not painted and time.perf_counter() < deadline:
        app.processEvents()
    ok = bool(painted) and window.doc is not None and window.nav.outline.rowCount() > 0
    shown = window.doc.title if window.doc else "-"
    print(
        f"smoke: painted={bool(painted)} doc={shown} nodes={window.nav.outline.rowCount()} "
        f"targets={len(window.targets_feature.targets)} seconds={(painted[0] if painted else time.perf_counter()) - started:.2f}"
    )
    icu = icu_check()
    print(f"smoke: icu={icu}")
    saved = True
    if screenshot:
        saved = window.grab().save(screenshot, "PNG")
        print(f"smoke: screenshot={'saved' if saved else 'FAILED'} {screenshot}")
    window.close()
    return 0 if ok and icu in ("ok", "n/a") and saved else 1


def icu_check() -> str:
    """What Qt asks ICU for, with answers only ICU's data gives: "ok", or what failed; "n/a" where Qt does not use
    ICU (Windows, macOS). The Linux bundle carries ICU data cut down to what Qt uses (packaging/linux/slim_icu.py);
    this is how the frozen app shows it is enough."""
    import sys

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

    if not sys.platform.startswith("linux"):
        return "n/a"
    zh = QLocale("zh_CN")
    failed = []
    # Pinyin puts 北京 (bei) before 上海 (shang); without Chinese collation data they sort by code point.
    beijing, shanghai, china_standard_time = "北京", "上海", "中国标准时间"  # data, not UI text
    if QCollator(zh).compare(beijing, shanghai) >= 0:
        failed.append("collation")
    if QLocale("tr_TR").toUpper("istanbul") != "İSTANBUL":
        failed.append("case mapping")
    failed += [name for name in ("GB18030", "GBK", "GB2312", "Big5") if not QStringDecoder(name).isValid()]
    zone = QTimeZone(b"Asia/Shanghai")
    name = zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, zh)
    if zone.isValid() and name != china_standard_time:
        failed.append(f"time zone name {name!r}")
    return "ok" if not failed else "failed: " + ", ".join(failed)


def run(data_dir: str | None = None, file: str | None = None, lang: str | None = None) -> int:
    try:
        app, window = create_window(data_dir, lang)
    except ReaderError as exc:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    sys.excepthook = _report_to(window)
    window.show()
    window.open_default()
    if file:
        window.importer.import_file(file)
    if isinstance(app, ReaderApplication):
        app.listen(window.importer.import_file)
    return app.exec()


def _report_to(window: object):  # type: ignore[no-untyped-def]
    """An exception that escapes a slot is shown to the user in one message (a file-system error says which file
    and what to do) instead of only printing a traceback the user never sees; the app keeps running."""
    import traceback

    from PySide6.QtCore import QCoreApplication

    from reader import crashlog
    from reader.errors import os_error_message

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        if isinstance(exc, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)  # type: ignore[arg-type]
            return
        traceback.print_exception(kind, exc, tb)  # type: ignore[arg-type]  # for a bug report from a terminal
        if isinstance(exc, OSError):
            message = os_error_message(exc)
        elif isinstance(exc, ReaderError):
            message = str(exc)
        else:
            message = QCoreApplication.translate("App", "内部错误：{0}").format(f"{type(exc).__name__}: {exc}")
            log = crashlog.write(window.session.data_dir, exc, tb)  # type: ignore[attr-defined]
            if log is not None:
                where = QCoreApplication.translate("App", "经过已记入 {0}。报告问题时可附上这个文件：其中没有文档和批注的文字。")  # fmt: skip
                message += "\n\n" + where.format(log)
        window.show_error(message)  # type: ignore[attr-defined]

    return hook
