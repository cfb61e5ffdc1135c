"""Splitter sizes and column widths survive a restart (through a real QSettings file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QSplitter, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tracker.gui.window_state import WindowState


def three_pane_splitter(qtbot: QtBot) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    for _ in range(3):
        splitter.addWidget(QWidget())
    qtbot.addWidget(splitter)
    splitter.resize(1200, 400)
    splitter.show()
    return splitter


def test_splitter_sizes_are_restored(qtbot: QtBot, tmp_path: Path) -> None:
    path = str(tmp_path / "window.ini")
    before = three_pane_splitter(qtbot)
    before.setSizes([200, 700, 300])
    sizes = before.sizes()
    WindowState(QSettings(path, QSettings.Format.IniFormat)).save_splitter(before)

    after = three_pane_splitter(qtbot)
    WindowState(QSettings(path, QSettings.Format.IniFormat)).restore_splitter(after)
    assert after.sizes() == sizes


def test_column_widths_are_restored(qtbot: QtBot, tmp_path: Path) -> None:
    path = str(tmp_path / "window.ini")
    model = QStandardItemModel(3, 4)
    before = QTableView()
    qtbot.addWidget(before)
    before.setModel(model)
    before.setColumnWidth(2, 333)
    WindowState(QSettings(path, QSettings.Format.IniFormat)).save_header(
        "provisions", before.horizontalHeader()
    )

    after = QTableView()
    qtbot.addWidget(after)
    after.setModel(model)
    assert WindowState(QSettings(path, QSettings.Format.IniFormat)).restore_header(
        "provisions", after.horizontalHeader()
    )
    assert after.columnWidth(2) == 333


def test_nothing_saved_restores_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    state = WindowState(QSettings(str(tmp_path / "empty.ini"), QSettings.Format.IniFormat))
    view = QTableView()
    qtbot.addWidget(view)
    assert not state.restore_header("provisions", view.horizontalHeader())
    assert state.agreement() is None
    assert state.filters() == {}
