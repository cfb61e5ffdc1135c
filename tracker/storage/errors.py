"""Turn driver errors into one line a user can act on."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

# Driver wording -> what the user should hear. Checked in order, by substring.
KNOWN_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("database is locked", "the database is busy in another program; try again in a moment"),
    ("readonly database", "the database file is read-only"),
    ("unable to open database file", "the database file cannot be opened (missing folder or no permission)"),
    ("file is not a database", "the file is not an SQLite database"),
    ("malformed", "the database file is damaged"),
    ("disk i/o error", "the disk reported an input/output error"),
    ("database or disk is full", "the disk is full"),
)


def describe_database_error(error: SQLAlchemyError) -> str:
    detail = str(error.orig) if isinstance(error, DBAPIError) else str(error)
    lowered = detail.lower()
    for marker, message in KNOWN_PROBLEMS:
        if marker in lowered:
            return message
    first_line = detail.strip().splitlines()[0] if detail.strip() else type(error).__name__
    return first_line
