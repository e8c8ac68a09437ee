from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from council.adequacy import (
    CATALOG,
    CATALOG_ESTIMATE,
    ESTIMATE_SD,
    Adequacy,
    AdequacySource,
    CatalogAdequacy,
    adequacies,
    is_estimated,
    p_adequate,
    phi,
)
from council.categories import CATEGORY_KEYS, skill_for

from .conftest import assessment

finite = st.floats(min_value=1.0, max_value=5.0)
sds = st.floats(min_value=0.0, max_value=2.0)


def test_rubric_anchor_and_slope() -> None:
    assert p_adequate(3.0, 3.0, 0.0) == pytest.approx(0.5)
    assert p_adequate(4.0, 3.0, 0.0) == pytest.approx(0.8413, abs=1e-4)
    assert p_adequate(2.0, 3.0, 0.0) == pytest.approx(0.1587, abs=1e-4)


def test_closed_form_equals_the_integral_over_difficulty() -> None:
    skill, mu, sd = 4.2, 3.1, 0.7
    n = 4001
    lo, hi = mu - 8 * sd, mu + 8 * sd
    step = (hi - lo) / (n - 1)
    total = 0.0
    for i in range(n):
        d = lo + i * step
        density = math.exp(-0.5 * ((d - mu) / sd) ** 2) / (sd * math.sqrt(2 * math.pi))
        total += phi(skill - d) * density * step
    assert p_adequate(skill, mu, sd) == pytest.approx(total, abs=1e-4)


@given(finite, finite, sds, sds)
def test_uncertainty_pulls_toward_one_half(skill: float, mu: float, sd1: float,
                                           sd2: float) -> None:
    lo, hi = sorted((sd1, sd2))
    p_lo, p_hi = p_adequate(skill, mu, lo), p_adequate(skill, mu, hi)
    assert abs(p_hi - 0.5) <= abs(p_lo - 0.5) + 1e-12


@given(finite, finite, finite, sds)
def test_more_skill_never_less_adequate(s1: float, s2: float, mu: float, sd: float) -> None:
    lo, hi = sorted((s1, s2))
    assert p_adequate(lo, mu, sd) <= p_adequate(hi, mu, sd)


def test_non_finite_inputs_are_refused() -> None:
    with pytest.raises(ValueError):
        p_adequate(float("nan"), 3.0, 0.5)


class CoversOne:
    source = "outcomes"

    def p_success(self, description: str, model_ids: list[str], *,
                  prior: dict[str, float] | None = None) -> dict[str, float]:
        self.prior = prior
        return {"gpt-4.1": 0.42} if "gpt-4.1" in model_ids else {}


def test_outcome_source_wins_where_it_covers(catalog) -> None:
    assert isinstance(CoversOne(), AdequacySource)
    models = {m.id: m for m in catalog.models}
    source = CoversOne()
    result = adequacies("task", models, assessment("research_qa", 3.0), source)
    assert result["gpt-4.1"] == Adequacy(0.42, "outcomes")
    assert {a.source for m, a in result.items() if m != "gpt-4.1"} <= {CATALOG, CATALOG_ESTIMATE}
    assert set(result) == set(models)
    # the prior the source shrinks toward is the catalog's answer under the council's reading
    catalog_only = adequacies("task", models, assessment("research_qa", 3.0))
    assert source.prior == {m: a.p for m, a in catalog_only.items()}


def test_category_mixture_uses_each_categorys_skill(catalog) -> None:
    model = catalog.get("gpt-4.1-mini")  # coding 1.94, reasoning 3.13
    models = {model.id: model}
    coding = adequacies("t", models, assessment("code_generation", 3.0))[model.id].p
    mixed = adequacies("t", models, assessment(
        "code_generation", 3.0, category_p={"code_generation": 0.5, "math_reasoning": 0.5}))
    pure_math = adequacies("t", models, assessment("math_reasoning", 3.0))[model.id].p
    assert mixed[model.id].p == pytest.approx((coding + pure_math) / 2)


class Broken:
    def p_success(self, description: str, model_ids: list[str], *,
                  prior: dict[str, float] | None = None) -> dict[str, float]:
        return {"gpt-4.1": 1.7}


def test_out_of_range_probabilities_are_an_error(catalog) -> None:
    models = {m.id: m for m in catalog.models}
    with pytest.raises(ValueError, match="must be in"):
        adequacies("t", models, assessment("research_qa", 3.0), Broken())


def _skill_sd(model, skill: str) -> float:
    """0 for a measured level; an estimate's own sd (an index estimate's LOO RMS error) where it
    has one, else ESTIMATE_SD."""
    if not is_estimated(model, skill):
        return 0.0
    own = model.quality[skill].sd
    return ESTIMATE_SD if own is None else own


@settings(max_examples=200, deadline=None)
@given(difficulty=finite, sd=sds,
       mix=st.dictionaries(st.sampled_from(CATEGORY_KEYS), st.floats(0.0, 1.0), min_size=1,
                           max_size=4))
def test_catalog_p_is_the_weighted_p_adequate_to_the_last_bit(catalog, difficulty: float,
                                                              sd: float,
                                                              mix: dict[str, float]) -> None:
    """p_for works out the scales once per task; each model's P stays the sum, in the weights'
    order, of w x p_adequate(skill, d, sd, skill_sd) for its skill in each category."""
    assert any(q.sd is not None for m in catalog.models for q in m.quality.values())
    top = max(mix, key=mix.__getitem__)
    verdict = assessment(top, difficulty, sd, category_p=mix)
    models = {m.id: m for m in catalog.models}
    source = CatalogAdequacy(verdict, models)
    for model in catalog.models:
        want = sum(w * p_adequate(model.skill(skill_for(c)), difficulty, sd,
                                  skill_sd=_skill_sd(model, skill_for(c)))
                   for c, w in source.weights.items())
        assert source.p_for(model) == want


def test_a_non_finite_difficulty_is_refused_once_per_task(catalog) -> None:
    with pytest.raises(ValueError, match="finite"):
        CatalogAdequacy(assessment("extraction", float("nan"), 0.5), {})
    with pytest.raises(ValueError, match="sd >= 0"):
        CatalogAdequacy(assessment("extraction", 2.0, -0.1), {})
