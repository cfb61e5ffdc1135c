"""Command line: argument parsing over the services."""

from __future__ import annotations

import sys

from tracker import __version__


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        print(f"agreement-tracker {__version__}")
        return 0
    print("agreement-tracker: not yet implemented", file=sys.stderr)
    return 2
