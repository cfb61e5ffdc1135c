"""Errors a user can act on. Each carries a one-line message fit to show as it is."""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error the command line prints as one line (exit status 2)."""


class DocumentError(TrackerError):
    """A file or pasted text that cannot be read as an agreement."""


class InvalidInput(TrackerError):
    """A bad status, date, id format or other argument."""


class NotFound(TrackerError):
    """An agreement or provision id that does not exist."""


class StaleEdit(TrackerError):
    """The record changed in the database since it was read; nothing was written."""


class StorageError(TrackerError):
    """The database cannot be opened, is not ours, is corrupt, locked or unwritable."""


class ExtractionCancelled(TrackerError):
    """The user cancelled a running extraction."""
