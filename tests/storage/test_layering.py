"""Only the services and the composition root see the database layer; everything else gets records."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tracker"
ALLOWED = {"tracker/services.py", "tracker/bootstrap.py"}
DATABASE_MODULES = ("sqlalchemy", "alembic", "tracker.storage")


def imports_database_layer(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(name == m or name.startswith(m + ".") for name in names for m in DATABASE_MODULES):
            return True
    return False


def test_only_services_and_bootstrap_import_the_database_layer() -> None:
    offenders = [
        relative
        for path in sorted(PACKAGE.rglob("*.py"))
        if not (relative := path.relative_to(ROOT).as_posix()).startswith("tracker/storage/")
        and relative not in ALLOWED
        and imports_database_layer(path)
    ]
    assert offenders == []
