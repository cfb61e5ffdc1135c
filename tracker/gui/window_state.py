"""Window geometry, splitter sizes, column widths and filters, remembered in QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

_GEOMETRY = "window/geometry"
_WINDOW_STATE = "window/state"
_SPLITTER = "splitters/{}"
_HEADER = "headers/{}"
_FILTER = "filters/{}"
_AGREEMENT = "selection/agreement"


class WindowState:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def save_window(self, window: QMainWindow) -> None:
        self._settings.setValue(_GEOMETRY, window.saveGeometry())
        self._settings.setValue(_WINDOW_STATE, window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        geometry = self._settings.value(_GEOMETRY)
        if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
            return False
        state = self._settings.value(_WINDOW_STATE)
        if isinstance(state, QByteArray):
            window.restoreState(state)
        return True

    def save_splitter(self, splitter: QSplitter) -> None:
        self._settings.setValue(_SPLITTER.format(splitter.objectName()), splitter.saveState())

    def restore_splitter(self, splitter: QSplitter) -> None:
        state = self._settings.value(_SPLITTER.format(splitter.objectName()))
        if isinstance(state, QByteArray):
            splitter.restoreState(state)

    def save_header(self, name: str, header: QHeaderView) -> None:
        self._settings.setValue(_HEADER.format(name), header.saveState())

    def restore_header(self, name: str, header: QHeaderView) -> bool:
        state = self._settings.value(_HEADER.format(name))
        return isinstance(state, QByteArray) and header.restoreState(state)

    def save_filters(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self._settings.setValue(_FILTER.format(key), value)

    def filters(self) -> dict[str, Any]:
        self._settings.beginGroup("filters")
        try:
            return {key: self._settings.value(key) for key in self._settings.childKeys()}
        finally:
            self._settings.endGroup()

    def save_agreement(self, agreement_id: int | None) -> None:
        self._settings.setValue(_AGREEMENT, agreement_id or 0)

    def agreement(self) -> int | None:
        try:
            value = int(self._settings.value(_AGREEMENT, 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return None
        return value or None

    def sync(self) -> None:
        self._settings.sync()
