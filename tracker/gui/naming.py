"""Object names for widgets and actions (tests and style sheets find them by name)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Named = TypeVar("Named", bound=QObject)


def named(name: str, thing: Named) -> Named:
    thing.setObjectName(name)
    return thing
