"""Guards against Qt binding bugs we have hit, so a dependency upgrade cannot bring them back silently."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSettings, Qt


class _EmptyModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


def test_returning_none_from_an_item_model_keeps_refcounts(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 lost a reference to None on every such call and aborted the app after a while.
    model = _EmptyModel()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(500):
        index.data(Qt.ItemDataRole.DecorationRole)
    assert sys.getrefcount(None) >= before - 50


def test_missing_settings_keys_keep_refcounts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    before = sys.getrefcount(None)
    for _ in range(500):
        settings.value("missing")
    assert sys.getrefcount(None) >= before - 50
