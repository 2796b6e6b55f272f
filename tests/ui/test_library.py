"""The library panel and folder import in the window (issue #18), on real documents of the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from reader import BUNDLED_DOC_ID
from reader.session import Session
from tests.conftest import DATA

AGRI = "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见"
CN15 = "中华人民共和国国民经济和社会发展第十五个五年规划纲要"


@pytest.fixture
def library(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The library panel alone on a bare window, over a data folder holding the bundled plan and two imports."""
    from reader.ui.features.library import LibraryFeature

    session = Session(tmp_path / "data")
    for name in ("agri_mechanization_opinion_2018.txt", "cn15_fyp_outline_p1-2.txt"):
        shutil.copy(DATA / "corpus" / name, tmp_path / name)
        session.import_file(tmp_path / name, index=False)
    window = QMainWindow()
    feature = LibraryFeature(window, session)
    window.setCentralWidget(feature.panel)
    qtbot.addWidget(window)
    window.resize(1000, 500)
    window.show()
    feature.refresh()
    yield feature, session, tmp_path
    session.close()


def _rows(feature) -> list[list[str]]:  # type: ignore[no-untyped-def]
    proxy = feature.proxy
    return [[str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def test_the_table_shows_what_each_document_states_and_sorts_and_filters(library) -> None:  # type: ignore[no-untyped-def]
    feature, _session, _tmp = library
    rows = _rows(feature)
    assert len(rows) == 3 and feature.count_label.text() == "共 3 个文档"
    agri = next(r for r in rows if r[0] == AGRI)
    assert agri[1:7] == ["意见", "国务院", "国发〔2018〕42号", "2018-12-21", "全国", ""]
    cn15 = next(r for r in rows if r[0] == CN15)
    assert cn15[1] == "纲要" and cn15[6] == "2026—2030"
    feature.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by date, newest first
    assert _rows(feature)[0][0] == AGRI
    feature.filter_box.setText("国发")
    assert [r[0] for r in _rows(feature)] == [AGRI] and feature.count_label.text() == "1 / 3 个文档"
    feature.filter_box.setText("")
    # An inferred value is set lighter than one the reader confirmed.
    model = feature.model
    row = next(i for i, e in enumerate(model.entries) if e.title == AGRI)
    assert model.index(row, 2).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable  # the bundled plan's are not editable


def test_a_corrected_value_is_kept_and_clearing_it_restores_the_inferred_one(library) -> None:  # type: ignore[no-untyped-def]
    feature, session, _tmp = library
    model = feature.model
    row = next(i for i, e in enumerate(model.entries) if e.title == CN15)
    assert model.setData(model.index(row, 2), "全国人民代表大会")  # 发文机关
    row = next(i for i, e in enumerate(model.entries) if e.title == CN15)
    assert model.index(row, 2).data() == "全国人民代表大会"
    assert model.index(row, 2).data(Qt.ItemDataRole.ForegroundRole) is None  # the reader's own value
    entry = next(e for e in session.library.entries() if e.title == CN15)
    assert entry.info_user == {"issuer": "全国人民代表大会"}
    model.setData(model.index(row, 5), "")  # 地区 cleared: back to what the document says
    row = next(i for i, e in enumerate(model.entries) if e.title == CN15)
    assert model.index(row, 5).data() == "全国"


def test_removing_a_document_can_keep_its_notes_for_a_reimport(library) -> None:  # type: ignore[no-untyped-def]
    feature, session, tmp = library
    doc = session.document(next(e.id for e in session.library.entries() if e.title == AGRI))
    block = next(b for b in doc.blocks if "农机装备" in b.text)
    session.annotations.add(doc, "note", block.index, 0, 4, note="对照省里的实施意见")
    feature.refresh()
    row = next(i for i, e in enumerate(feature.model.entries) if e.id == doc.id)
    assert feature.model.index(row, 8).data() == "1"  # its notes are counted
    opened: list[str] = []
    feature.open_requested.connect(opened.append)
    feature.current = doc.id
    assert feature.remove(doc.id, choice="keep")
    assert AGRI not in [r[0] for r in _rows(feature)]
    assert opened == [BUNDLED_DOC_ID]  # the open document went: the bundled plan is shown
    assert [a.note for a in session.annotations.list(doc.id)] == ["对照省里的实施意见"]
    session.import_file(tmp / "agri_mechanization_opinion_2018.txt", index=False)
    assert [a.status for a in session.annotations.list(doc.id)] != []
    assert not feature.remove(BUNDLED_DOC_ID, choice="keep")  # the bundled plan stays


def test_removing_with_export_writes_the_notes_first_and_delete_drops_them(library) -> None:  # type: ignore[no-untyped-def]
    feature, session, tmp = library
    ids = {e.title: e.id for e in session.library.entries()}
    for title in (AGRI, CN15):
        doc = session.document(ids[title])
        session.annotations.add(doc, "highlight", 1, 0, 2, color="yellow")
    feature.refresh()
    target = tmp / "notes.json"
    assert feature.remove(ids[AGRI], choice="export", export_path=str(target))
    assert '"highlight"' in target.read_text(encoding="utf-8")
    assert feature.remove(ids[CN15], choice="delete")
    assert session.annotations.list(ids[CN15]) == []


def test_folder_import_in_the_window_lists_duplicates_and_opens_from_the_panel(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "outlines"
    folder.mkdir()
    for name in ("cn15_fyp_outline_p1-2.docx", "cn15_fyp_outline_p1-2.pdf", "agri_mechanization_opinion_2018.txt"):
        shutil.copy(DATA / "corpus" / name, folder / name)
    with qtbot.waitSignal(window.importer.imported_many, timeout=60000) as signal:
        window.importer.import_many([str(folder)])
    report = signal.args[0]
    assert [Path(p).name for p, _t in report.duplicates] == ["cn15_fyp_outline_p1-2.pdf"]
    assert "跳过（与《" + CN15 + "》内容相同）" in window.last_error  # the reader is told which file was left out
    window.panels.toggle(window.library_dock)
    qtbot.waitUntil(lambda: window.library.proxy.rowCount() == 3)
    index = next(
        window.library.proxy.index(r, 0)
        for r in range(window.library.proxy.rowCount())
        if window.library.proxy.index(r, 0).data() == AGRI
    )
    window.library.view.activated.emit(index)
    assert window.doc is not None and window.doc.title == AGRI


def test_tags_make_collections_to_search_in(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = []
    for name in ("cn14_fyp_outline_p1-2.txt", "cn15_fyp_outline_p1-2.txt", "agri_mechanization_opinion_2018.txt"):
        shutil.copy(DATA / "corpus" / name, tmp_path / name)
        ids.append(window.session.import_file(tmp_path / name, index=False)[0].id)
    window.library.refresh()
    model = window.library.model
    for doc_id in ids[:2]:
        row = next(i for i, e in enumerate(model.entries) if e.id == doc_id)
        assert model.setData(model.index(row, 7), "国家五年规划，规划纲要")  # typed with a full-width comma
    row = next(i for i, e in enumerate(model.entries) if e.id == ids[0])
    assert model.index(row, 7).data() == "#国家五年规划 #规划纲要"
    # The search panel offers the collection as a scope, and searching in it leaves the other documents out.
    box = window.search_panel.scope_box
    index = box.findData("tag:国家五年规划")
    assert index > 0 and box.itemText(index) == "标签 #国家五年规划"
    box.setCurrentIndex(index)
    window.indexer.ready = False
    window.indexer.start()
    qtbot.waitUntil(lambda: window.indexer.ready, timeout=60000)
    window.search_panel.query_box.setText("农业")
    window.search_panel.search_now()
    qtbot.waitUntil(
        lambda: window.searching.last_result is not None and window.searching.last_result.query == "农业", timeout=10000
    )
    assert set(window.searching.last_result.by_doc) <= set(ids[:2]) and window.searching.last_result.total > 0


@pytest.mark.integration
def test_the_window_indexes_a_batch_with_worker_processes_and_stays_responsive(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from reader.search import workers

    monkeypatch.setattr(workers, "PARALLEL_MIN_CHARS", 0)  # the corpus is small: share it out anyway
    monkeypatch.setenv("POLICY_READER_INDEX_WORKERS", "2")
    names = ("cn14_fyp_outline_p1-2.txt", "cn15_fyp_outline_p1-2.txt", "agri_mechanization_opinion_2018.txt")
    for name in names:
        shutil.copy(DATA / "corpus" / name, tmp_path / name)
        window.session.import_file(tmp_path / name, index=False)
    window.library.refresh()
    seen: list[int] = []
    window.indexer.bar.valueChanged.connect(seen.append)
    ticks = []
    window.indexer.ready = False
    window.indexer.start(rebuild=True)
    while not window.indexer.ready:  # the event loop keeps turning while the workers index
        ticks.append(1)
        qtbot.wait(50)
        assert len(ticks) < 1200, "indexing did not finish within a minute"
    assert len(ticks) > 3 and seen and max(seen) <= 100
    segments = list((window.session.data_dir / "index").glob("*.seg"))
    assert len(segments) >= 2  # written by two worker processes
    window.search_panel.query_box.setText("农业机械化")
    window.search_panel.search_now()
    qtbot.waitUntil(
        lambda: window.searching.last_result is not None and window.searching.last_result.query == "农业机械化",
        timeout=10000,
    )
    assert window.searching.last_result.total > 0
