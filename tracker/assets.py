"""Where the files shipped with the app (vocabularies, icons, styles, the sample) are found.

They live in the ``tracker.resources`` and ``tracker.seeds`` packages (the top-level
``resources/`` and ``seeds/`` folders, mapped in pyproject.toml), so the same lookup
works from a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder under resources/, e.g. ``resource("vocabularies", "weapons.json")``."""
    node = files("tracker.resources")
    for part in parts:
        node = node / part
    return node


def seed(*parts: str) -> Traversable:
    """A file or folder under seeds/."""
    node = files("tracker.seeds")
    for part in parts:
        node = node / part
    return node
