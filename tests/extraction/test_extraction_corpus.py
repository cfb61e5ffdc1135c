"""Quality on gold-annotated agreements, measured with the project's scoring rules.

The shared corpus (real agreements) and the scoring script live outside the repository;
the tests skip when they are absent. The development corpus ships in tests/extraction.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from tracker.extraction import extract

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
CORPORA = {
    "shared": SHARED / "corpus",
    "development": HERE / "dev_corpus",
}


def load_scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("the scoring script is not available")
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(corpus: Path, *, with_signing_date: bool) -> dict:
    if not corpus.is_dir() or not any(corpus.glob("*.json")):
        pytest.skip(f"{corpus} is not available")
    scorer = load_scorer()
    total: Counter = Counter()
    for gold_path in sorted(corpus.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = scorer.read_text(gold_path.with_suffix(".txt"))
        signed = (
            date.fromisoformat(gold["signed_on"]) if with_signing_date and gold.get("signed_on") else None
        )
        predicted = extract(text, signed).to_json()
        total += scorer.score_doc(text, gold, predicted, gold_path.stem)
    figures: dict = scorer.figures(total)
    return figures


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_quality_with_the_signing_date(name: str) -> None:
    figures = score(CORPORA[name], with_signing_date=True)
    assert figures["bad_spans"] == 0
    assert figures["all"]["f1"] >= 0.95, figures
    for facet in ("deadline", "zone_width_km", "weapons", "patrol_parties"):
        assert figures[facet]["f1"] >= 0.90, (facet, figures[facet])
    assert figures["separation"] >= 0.90, figures
    assert figures["coverage"] >= 0.95, figures


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_quality_with_an_inferred_signing_date(name: str) -> None:
    figures = score(CORPORA[name], with_signing_date=False)
    # Some texts give no year at all; their partial dates then stay unresolved, never guessed.
    assert figures["all"]["f1"] >= 0.80, figures
    assert figures["deadline"]["precision"] >= 0.90, figures["deadline"]
