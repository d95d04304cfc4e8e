"""The real-article corpus beside the checkout, held to the extraction quality targets.

The corpus (`../shared/corpus`, thirty published articles with gold annotations) is measured, not
tuned on here: these are the floors a change to the rules may not break. A story's numbers can
move; the totals over all thirty may not fall below the targets, and no quote may go to the wrong
speaker. Skipped where the corpus is not beside the project.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "score.py").is_file(), reason="no corpus beside the project")

TARGETS = {
    "quotes": 0.85,
    "orgs": 0.85,
    "precision": 0.95,
    "roles": 0.85,
    "figures": 0.97,
    "events": 0.95,
    "terms": 0.85,
}


def _evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_eval", ROOT / "scripts" / "corpus_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def totals() -> dict[str, float]:
    ev = _evaluator()
    result: dict[str, float] = ev.score_all(sorted(CORPUS.glob("*.txt")), CORPUS)
    return result


def test_no_quote_goes_to_the_wrong_speaker(totals: dict[str, float]) -> None:
    assert totals["wrong_speakers"] == 0


def test_no_junk_figures(totals: dict[str, float]) -> None:
    assert totals["junk"] == 0


@pytest.mark.parametrize(("measure", "floor"), sorted(TARGETS.items()))
def test_quality_targets(totals: dict[str, float], measure: str, floor: float) -> None:
    assert totals[measure] >= floor, f"{measure}: {totals[measure]:.3f} < {floor}"
