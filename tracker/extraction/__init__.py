"""Agreement text -> provisions with their kinds, deadlines, zones, weapons and parties.

Qt-free and database-free: ``extract`` is the one entry point, used by the command line,
the GUI and the import service alike.
"""

from tracker.extraction.engine import extract

__all__ = ["extract"]
