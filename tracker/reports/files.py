"""Writing a finished report to disk without ever leaving half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tracker.errors import InvalidInput


def write_file(path: Path, content: bytes) -> None:
    """Writes all of ``content`` or nothing: a failed write leaves any existing file as it was.

    Raises ``InvalidInput`` with a one-line reason when the path cannot be written.
    """
    if path.is_dir():
        raise InvalidInput(f"Cannot write {path}: it is a folder.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        # mkstemp makes the file private; give it the permissions a plain new file would get.
        os.chmod(temporary, _permissions_for(path))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None


def _permissions_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
