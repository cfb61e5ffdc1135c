"""Agreement metadata kept in a JSON file beside the text (``memo.txt`` -> ``memo.json``).

Keys, all optional: title, parties (list of names), signed_on (YYYY-MM-DD), place, source,
language. The sample in seeds/ ships this way, and analysts can do the same for their files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.errors import DocumentError


@dataclass(frozen=True)
class AgreementMetadata:
    title: str = ""
    parties: tuple[str, ...] = ()
    signed_on: date | None = None
    place: str = ""
    source: str = ""
    language: str = ""


def sidecar_path(path: Path) -> Path | None:
    """The metadata file for ``path``, or None when ``path`` is itself JSON."""
    return None if path.suffix.lower() == ".json" else path.with_suffix(".json")


def read_sidecar_metadata(path: Path) -> AgreementMetadata:
    sidecar = sidecar_path(path)
    if sidecar is None or not sidecar.is_file():
        return AgreementMetadata()
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DocumentError(f"cannot read the metadata file {sidecar.name}: {error}") from None
    if not isinstance(data, dict):
        raise DocumentError(f"the metadata file {sidecar.name} must hold a JSON object")
    return parse_metadata(data, sidecar.name)


def parse_metadata(data: dict[str, Any], name: str) -> AgreementMetadata:
    def text(key: str) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise DocumentError(f"{key} in {name} must be text")
        return value.strip()

    parties = data.get("parties", [])
    if not isinstance(parties, list) or not all(isinstance(p, str) for p in parties):
        raise DocumentError(f"parties in {name} must be a list of names")
    signed_text = text("signed_on")
    try:
        signed_on = date.fromisoformat(signed_text) if signed_text else None
    except ValueError:
        raise DocumentError(f"signed_on in {name} is not a date (use YYYY-MM-DD): {signed_text!r}") from None
    return AgreementMetadata(
        title=text("title"),
        parties=tuple(p.strip() for p in parties if p.strip()),
        signed_on=signed_on,
        place=text("place"),
        source=text("source"),
        language=text("language"),
    )
