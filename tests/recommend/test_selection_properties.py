"""Property tests of the selection and cost rules on the real catalog."""

from __future__ import annotations

import itertools
import math
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from council.api import recommend_for
from council.catalog.availability import shutdown_problem
from council.categories import CATEGORY_KEYS
from council.costing import cost_of
from council.task import parse_task
from council.workload import build_workload, usages

from .conftest import assessment, real_catalog

CATALOG = real_catalog()

SETTINGS = settings(max_examples=40, deadline=None)

categories = st.sampled_from(CATEGORY_KEYS)
difficulties = st.floats(min_value=1.0, max_value=5.0)
sds = st.floats(min_value=0.0, max_value=1.5)


@st.composite
def workloads(draw: Any) -> dict[str, Any]:
    input_tokens = draw(st.integers(1, 300_000))
    return {
        "input_tokens": input_tokens,
        "output_tokens": draw(st.integers(1, 8000)),
        "cached_prefix_tokens": draw(st.integers(0, input_tokens)),
        "calls_per_task": draw(st.integers(1, 12)),
        "runs_per_month": draw(st.floats(min_value=0.5, max_value=1e6)),
        "summarise_history": draw(st.booleans()),
    }


failure_costs = st.one_of(st.just(0.0), st.floats(min_value=0.0, max_value=1000.0))


@SETTINGS
@given(categories, difficulties, sds, workloads(), st.booleans(), failure_costs)
def test_raising_the_bar_never_picks_a_cheaper_model(category, difficulty, sd,
                                                     work, batch, failure) -> None:
    a = assessment(category, difficulty, sd)
    costs = []
    for quality in ("none", "draft", "standard", "production"):
        spec = parse_task(description="task", quality=quality, batch=batch,
                          failure_cost_usd=failure, **work)
        rec = recommend_for(spec, a, catalog=CATALOG)
        met = rec.recommended is not None and rec.decision.floor_met
        costs.append(rec.recommended.cost.per_month if met else None)
    for lower, higher in itertools.pairwise(costs):
        if higher is not None:
            assert lower is not None and lower <= higher


@SETTINGS
@given(categories, difficulties, sds, workloads(), st.sampled_from(
    ["draft", "standard", "production"]))
def test_pick_is_the_cheapest_eligible_model_over_the_bar(category, difficulty, sd,
                                                          work, quality) -> None:
    """With a failure cost of 0 and a floor the rule is the cheapest adequate model."""
    spec = parse_task(description="task", quality=quality, needs=frozenset({"tools"}),
                      failure_cost_usd=0, **work)
    rec = recommend_for(spec, assessment(category, difficulty, sd), catalog=CATALOG)
    w = build_workload(spec, category, difficulty)
    ids = {c.model_id for c in rec.candidates}

    def own(tokens: int, ratio: float) -> int:
        return math.ceil(round(tokens * ratio, 6))

    for m in CATALOG.models:  # eligibility recomputed from the raw catalog fields
        out = own(w.output_tokens, m.token_ratio) + (
            own(w.reasoning_tokens, m.token_ratio) if m.reasoning else 0)
        window_ok = own(w.largest_prompt, m.token_ratio) + out <= m.context_window
        prompt = own(w.largest_prompt, m.token_ratio)
        eligible = (m.status in ("active", "preview") and m.tools and window_ok
                    and out <= m.max_output
                    and (m.shutdown_date is None or m.shutdown_date > date.today())
                    and (m.max_input is None or prompt <= m.max_input))
        assert eligible == (m.id in ids), m.id
    over = [c for c in rec.candidates if c.p_adequate >= spec.quality_bar]
    if not over:
        assert rec.no_fit
        if rec.candidates:  # no dead end: the most adequate, with the floor said unmet
            assert rec.recommended.p_adequate == max(c.p_adequate for c in rec.candidates)
            assert not rec.decision.floor_met
    else:
        assert rec.recommended.cost.per_month == min(c.cost.per_month for c in over)
        assert rec.recommended.pareto


@SETTINGS
@given(categories, difficulties, sds, workloads())
def test_requiring_vision_never_returns_a_text_only_model(category, difficulty, sd,
                                                          work) -> None:
    spec = parse_task(description="read the screenshot", needs=frozenset({"vision"}), **work)
    rec = recommend_for(spec, assessment(category, difficulty, sd), catalog=CATALOG)
    assert all(CATALOG.get(c.model_id).vision for c in rec.candidates)
    if rec.recommended is not None:
        assert "image" in CATALOG.get(rec.recommended.model_id).input_modalities
    for e in rec.excluded:
        if not CATALOG.get(e.model_id).vision:
            assert "no vision support" in e.reasons


@SETTINGS
@given(categories, st.integers(1, 8_000_000))
def test_a_context_larger_than_every_window_fits_no_model(category, extra) -> None:
    largest = max(m.context_window for m in CATALOG.models)
    spec = parse_task(description="read everything", input_tokens=largest + extra,
                      output_tokens=100, calls_per_task=1)
    rec = recommend_for(spec, assessment(category, 3.0), catalog=CATALOG)
    assert rec.recommended is None and rec.candidates == []
    assert "No model meets every hard constraint" in rec.no_fit
    assert "context window" in rec.no_fit
    assert all(any("context window" in r for r in e.reasons) for e in rec.excluded)
    d = rec.to_dict()
    assert d["recommended"] is None and d["no_fit"] == rec.no_fit


def test_min_context_above_every_window_says_so() -> None:
    largest = max(m.context_window for m in CATALOG.models)
    spec = parse_task(description="read everything", min_context=largest + 1)
    rec = recommend_for(spec, assessment("long_document", 3.0), catalog=CATALOG)
    assert rec.recommended is None and "below the required" in rec.no_fit
    assert rec.alternatives and all(a.role == "closest" for a in rec.alternatives)


@SETTINGS
@given(categories, difficulties, workloads(), st.booleans())
def test_monthly_cost_is_per_task_cost_times_runs(category, difficulty, work,
                                                  batch) -> None:
    spec = parse_task(description="task", batch=batch, **work)
    rec = recommend_for(spec, assessment(category, difficulty), catalog=CATALOG)
    for c in [*rec.candidates, rec.default]:
        assert c.cost.per_month == pytest.approx(c.cost.per_task * spec.runs_per_month,
                                                 rel=1e-12)
        assert c.cost.per_call * spec.calls_per_task == pytest.approx(c.cost.per_task)
        assert sum(c.cost.parts_per_month.values()) == pytest.approx(c.cost.per_month)


batch_models = st.sampled_from([
    "claude-sonnet-4-6", "claude-opus-4-7", "gpt-5.4", "gemini-2.5-pro", "gemini-3.1-pro",
    "gpt-4.1-mini", "mistral-large-3", "gpt-oss-120b-groq", "grok-4.3",
])


@SETTINGS
@given(batch_models, categories, workloads(), st.booleans())
def test_batch_never_costs_more_than_real_time(model_id, category, work,
                                               caching) -> None:
    model = CATALOG.get(model_id)
    assert model.batch_api
    w = build_workload(parse_task(description="t", **work), category, 3.0)
    assert (cost_of(model, w, batch=True, caching=caching).per_task
            <= cost_of(model, w, batch=False, caching=caching).per_task + 1e-12)


@SETTINGS
@given(st.sampled_from([m for m in ("claude-sonnet-4-6", "claude-haiku-4-5", "gpt-5.4",
                                    "gemini-2.5-pro", "deepseek-v4-pro", "kimi-k3",
                                    "grok-4.3")]),
       categories, workloads(), st.booleans())
def test_caching_never_costs_more_once_the_prefix_is_reused(model_id, category,
                                                            work, batch) -> None:
    model = CATALOG.get(model_id)
    w = build_workload(parse_task(description="t", **work), category, 3.0)
    reused = w.calls_per_task > 1 or w.warm_cache
    if not reused:
        w = w.replace(calls_per_task=2)
    batch = batch and model.batch_api
    cached = cost_of(model, w, batch=batch, caching=True)
    plain = cost_of(model, w, batch=batch, caching=False)
    assert cached.per_task <= plain.per_task + 1e-12


@SETTINGS
@given(categories, difficulties, sds, workloads())
def test_pareto_frontier_and_cascade(category, difficulty, sd, work) -> None:
    spec = parse_task(description="task", **work)
    rec = recommend_for(spec, assessment(category, difficulty, sd), catalog=CATALOG)
    cs = rec.candidates
    for c in cs:
        dominated = any(o.cost.per_month <= c.cost.per_month and o.p_adequate >= c.p_adequate
                        and (o.cost.per_month < c.cost.per_month or o.p_adequate > c.p_adequate)
                        for o in cs)
        if c.pareto:
            assert not dominated
    if rec.cascade is not None:
        k = rec.cascade
        cheap = next(c for c in cs if c.model_id == k.cheap)
        strong = rec.recommended
        d = k.detection_cost_per_task
        assert d == rec.decision.detection_cost_usd
        assert k.expected_per_task == pytest.approx(
            cheap.cost.per_task + d + (1 - cheap.p_adequate) * strong.cost.per_task)
        assert k.worth_it == (k.expected_per_month < strong.cost.per_month)
        assert k.expected_per_task <= min(
            c.cost.per_task + d + (1 - c.p_adequate) * strong.cost.per_task
            for c in cs if c.cost.per_task < strong.cost.per_task) + 1e-15
        # priced by the same expectation: spend + P(strong fails) x the failure cost
        assert k.expected_cost_per_task == pytest.approx(
            k.expected_per_task + (1 - strong.p_adequate) * rec.decision.failure_cost_usd)


@SETTINGS
@given(st.sampled_from(["claude-sonnet-4-6", "claude-opus-4-7", "gpt-5.4", "gemini-2.5-pro",
                        "deepseek-v4-flash", "kimi-k3"]),
       categories, workloads(), st.booleans())
def test_caching_the_history_sends_the_same_tokens_and_never_costs_more(
        model_id, category, work, batch) -> None:
    model = CATALOG.get(model_id)
    w = build_workload(parse_task(description="t", **work), category, 3.0)
    w = w.replace(calls_per_task=max(2, w.calls_per_task), summarise_history=False)
    h = w.replace(cache_history=True)
    plain_calls, hist_calls = usages(model, w), usages(model, h)
    assert [u.prompt_tokens for u in plain_calls] == [u.prompt_tokens for u in hist_calls]
    batch = batch and model.batch_api
    assert (cost_of(model, h, batch=batch).per_task
            <= cost_of(model, w, batch=batch).per_task + 1e-12)


def test_no_fit_names_the_users_constraints_not_deprecation_first() -> None:
    vision_providers = {m.provider for m in CATALOG.models if m.vision}
    blind = sorted({m.provider for m in CATALOG.models} - vision_providers)
    assert blind, "the catalog needs a provider without vision for this test"
    spec = parse_task(description="Describe product photos", needs=["vision"],
                      providers=[blind[0]])
    rec = recommend_for(spec, assessment("extraction", 2.0), catalog=CATALOG)
    assert rec.recommended is None and rec.candidates == []
    # Current as the answer counts it: not deprecated or retired, and not past its shutdown
    # date today (the catalog holds dates that pass while it is in use).
    current = [m for m in CATALOG.models if m.status not in ("deprecated", "retired")
               and shutdown_problem(m, date.today()) is None]
    head = rec.no_fit.split("(", 1)[0]
    assert f"Among the {len(current)} current models: provider not among yours" in rec.no_fit
    assert "no vision support" in rec.no_fit and "deprecated" not in head
    retired = len(CATALOG.models) - len(current)
    assert f"({retired} deprecated or retired models are never recommended.)" in rec.no_fit
