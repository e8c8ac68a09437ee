from __future__ import annotations

import pytest

from council.api import recommend, recommend_for
from council.config import PROJECT_ROOT
from council.task import parse_task

from .conftest import assessment


def test_explanation_names_pick_bar_cheaper_option_and_key_assumptions(catalog) -> None:
    spec = parse_task(description="write a REST endpoint", runs_per_month=1000)
    # difficulty 3.5: the cheapest model (ministral-8b, coding level from evidence) misses the bar
    rec = recommend_for(spec, assessment("code_generation", 3.5, 0.5), catalog=catalog)
    text = "\n".join(rec.explanation)
    assert rec.recommended.model_id in text and "75% floor" in text
    assert "price + P(failure) x failure cost" in text  # the arithmetic is shown
    cheaper = next(a for a in rec.alternatives if a.role == "cheaper_riskier")
    assert f"Not {cheaper.model_id}" in text
    assert "move the bill most" in text and "category default" in text
    assert "(you)" not in text or "runs per month" in text


def test_no_fit_explanation_says_why(catalog) -> None:
    spec = parse_task(description="x", needs=frozenset({"vision"}), providers=("groq",))
    rec = recommend_for(spec, assessment("extraction", 2.0), catalog=catalog)
    assert rec.recommended is None
    assert any("No model meets every hard constraint" in line for line in rec.explanation)
    assert "vision" in rec.no_fit


@pytest.mark.slow
def test_end_to_end_with_the_real_local_classifier(catalog, monkeypatch) -> None:
    artifact = PROJECT_ROOT / "var" / "models" / "classifier"
    if not (artifact / "metadata.json").exists():
        pytest.skip("classifier artifact not built (run `council init`)")
    from council.assess.loader import ensure_classifier

    rec = recommend({"description": "Translate our product FAQ from English into Spanish",
                     "runs_per_month": 200}, catalog=catalog,
                    classifier=ensure_classifier(artifact))
    assert rec.assessment.votes and rec.assessment.votes[0].kind == "local"
    assert rec.assessment.category in rec.assessment.category_p
    assert rec.recommended is not None or rec.no_fit
