from __future__ import annotations

import json

import pytest

from council.adequacy import CATALOG, CATALOG_ESTIMATE
from council.api import SCHEMA_VERSION, Recommendation, recommend, recommend_for
from council.errors import InvalidInput
from council.task import parse_task

from .conftest import FixedVoteClassifier, assessment


def test_recommend_runs_the_council_then_selects(catalog) -> None:
    clf = FixedVoteClassifier("extraction", 2.0)
    seen = []
    rec = recommend({"description": "pull invoice totals out of PDFs", "runs_per_month": 5000},
                    catalog=catalog, classifier=clf, on_vote=seen.append)
    assert clf.seen == ["pull invoice totals out of PDFs"] and len(seen) == 1
    assert rec.assessment.category == "extraction"
    assert rec.catalog_version == catalog.version
    assert rec.recommended is not None and rec.recommended.meets_bar
    assert rec.recommended.adequacy_source == "catalog"
    assert rec.assumptions["runs_per_month"] == 5000


def test_json_round_trip_and_documented_keys(catalog) -> None:
    spec = parse_task(description="agent that fixes failing tests", calls_per_task=8)
    rec = recommend_for(spec, assessment("debugging", 3.0, 0.6), catalog=catalog)
    data = json.loads(json.dumps(rec.to_dict()))
    assert data["schema_version"] == SCHEMA_VERSION
    for key in ("catalog_version", "spec", "assessment", "quality_bar", "assumptions",
                "recommended", "default", "saving_per_month", "alternatives", "candidates",
                "excluded", "cascade", "advice", "explanation", "no_fit"):
        assert key in data
    assert Recommendation.from_dict(data).to_dict() == data


def test_the_answer_reads_back_typed(catalog) -> None:
    spec = parse_task(description="summarise support threads", runs_per_month=2000)
    rec = recommend_for(spec, assessment("summarisation", 2.0), catalog=catalog)
    back = Recommendation.from_dict(json.loads(json.dumps(rec.to_dict())))
    assert back.spec == spec and back.quality_bar == rec.quality_bar
    assert back.recommended == rec.recommended and back.default == rec.default
    assert back.saving_per_month == pytest.approx(rec.saving_per_month)
    assert back.assumptions == rec.assumptions
    assert back.option(rec.default.model_id) == rec.default


@pytest.mark.parametrize("change, needle", [
    ({"schema_version": None}, "no schema_version"),
    ({"schema_version": 99}, "newer than"),
    ({"schema_version": 0}, "no upgrade"),
    ({"default": None}, "does not read"),
])
def test_a_bad_stored_answer_is_named(catalog, change, needle) -> None:
    spec = parse_task(description="summarise support threads")
    data = recommend_for(spec, assessment("summarisation", 2.0), catalog=catalog).to_dict()
    with pytest.raises(InvalidInput, match=needle):
        Recommendation.from_dict({**data, **change})
    del data["candidates"]
    with pytest.raises(InvalidInput, match="lacks the field 'candidates'"):
        Recommendation.from_dict(data)


def test_saving_is_against_the_catalog_default(catalog) -> None:
    spec = parse_task(description="tag tickets", runs_per_month=10_000)
    rec = recommend_for(spec, assessment("classification", 1.5), catalog=catalog)
    assert rec.default.model_id == catalog.frontier_default.id
    assert rec.saving_per_month == pytest.approx(
        rec.default.cost.per_month - rec.recommended.cost.per_month)
    assert rec.saving_per_month > 0


def test_alternatives_bracket_the_pick(catalog) -> None:
    spec = parse_task(description="write a REST endpoint", runs_per_month=1000)
    rec = recommend_for(spec, assessment("code_generation", 3.0, 0.5), catalog=catalog)
    pick = rec.recommended
    roles = {a.role: a for a in rec.alternatives}
    if "cheaper_riskier" in roles:
        a = roles["cheaper_riskier"]
        rival = next(c for c in rec.candidates if c.model_id == a.model_id)
        assert a.cost.per_month < pick.cost.per_month
        # under the bar, or over it but dearer once failures are counted
        assert (a.p_adequate < rec.quality_bar
                or rival.expected_per_task >= pick.expected_per_task)
    if "safer_dearer" in roles:
        a = roles["safer_dearer"]
        assert a.cost.per_month > pick.cost.per_month and a.p_adequate > pick.p_adequate
    assert roles, "a mid-difficulty coding task has models on both sides of the bar"


def test_providers_and_needs_restrict_candidates(catalog) -> None:
    spec = parse_task(description="x", providers=("anthropic",),
                      needs=frozenset({"tools", "json"}))
    rec = recommend_for(spec, assessment("agentic", 2.5), catalog=catalog)
    assert rec.candidates and all(c.provider == "anthropic" for c in rec.candidates)
    assert all(catalog.get(c.model_id).tools for c in rec.candidates)


def test_nothing_reaches_the_bar(catalog) -> None:
    spec = parse_task(description="prove a new theorem", quality="production")
    rec = recommend_for(spec, assessment("math_reasoning", 5.0, 0.3), catalog=catalog)
    # no dead end: the most adequate model, its honest P, and the floor not met, said so
    best = max(rec.candidates, key=lambda c: c.p_adequate)
    assert rec.recommended is not None and rec.recommended.p_adequate == best.p_adequate
    tied = [c for c in rec.candidates if c.p_adequate == best.p_adequate]
    assert rec.recommended.cost.per_task == min(c.cost.per_task for c in tied)
    assert not rec.recommended.meets_bar and not rec.decision.floor_met
    assert "reaches P(adequate)" in rec.no_fit and "Best action" in rec.no_fit
    assert rec.decision.best_action.model_id == rec.recommended.model_id
    assert rec.alternatives and rec.alternatives[0].role == "closest"
    # "among those that fit" read as if they cleared the bar (the QA round): say they do not
    assert all(f"none reaches the {rec.quality_bar:.0%} bar" in a.why for a in rec.alternatives)


def test_itemised_modes_on_the_pick(catalog) -> None:
    spec = parse_task(description="review pull requests", input_tokens=20_000,
                      cached_prefix_tokens=6000, calls_per_task=3, runs_per_month=3000)
    rec = recommend_for(spec, assessment("code_review", 2.5), catalog=catalog)
    v = rec.recommended.variants
    assert {"realtime", "realtime_cached"} <= set(v)
    if "batch" in v:
        assert v["batch"].per_month <= v["realtime"].per_month
    parts = rec.recommended.cost.parts_per_month
    assert set(parts) == {"input", "cache_read", "cache_write_5m", "cache_write_1h", "output",
                          "reasoning"}


@pytest.mark.parametrize("fields, needle", [
    ({"description": "x", "runs_per_month": -1}, "runs_per_month"),
    ({"description": "x", "runs_per_month": 0}, "runs_per_month"),
    ({"description": "x", "runs_per_month": 10**15}, "runs_per_month"),
    ({"description": "x", "runs_per_month": float("nan")}, "finite"),
    ({"description": "x", "input_tokens": 0}, "input_tokens"),
    ({"description": "x", "output_tokens": -3}, "output_tokens"),
    ({"description": "x", "calls_per_task": 10**9}, "calls_per_task"),
    ({"description": ""}, "description"),
    ({"description": "   \n\t "}, "describe the task"),
    ({"description": "word " * 200_000}, "description"),
    ({"description": "x", "input_tokens": 10, "cached_prefix_tokens": 20}, "prefix"),
    ({"description": "x", "quality": "perfect"}, "quality"),
])
def test_absurd_inputs_are_invalid_input(catalog, fields, needle) -> None:
    with pytest.raises(InvalidInput, match=needle):
        recommend(fields, catalog=catalog, classifier=FixedVoteClassifier())


def test_stored_and_reloaded_through_the_store(catalog, db_path) -> None:
    from council import store
    from council.db import open_db

    db = open_db(db_path)
    spec = parse_task(description="classify emails", runs_per_month=1000)
    rec = recommend_for(spec, assessment("classification", 2.0), catalog=catalog)
    share = store.save_recommendation(db, rec)
    loaded = store.load_recommendation(db, share)
    assert loaded.rec.to_dict() == rec.to_dict() and loaded.spec == spec


class CoversHaiku:
    """An adequacy source that knows one catalog model (as outcome data would)."""

    source = "outcomes"

    def p_success(self, description: str, model_ids: list[str], *,
                  prior: dict[str, float] | None = None) -> dict[str, float]:
        return {m: 0.99 for m in model_ids if m == "claude-haiku-4-5"}


def test_candidates_record_their_adequacy_source(catalog) -> None:
    spec = parse_task(description="answer billing questions", providers=("anthropic",))
    rec = recommend_for(spec, assessment("customer_support", 3.5), catalog=catalog,
                        success_model=CoversHaiku())
    sources = {c.model_id: c.adequacy_source for c in rec.candidates}
    assert sources.pop("claude-haiku-4-5") == "outcomes"
    # the rest from the catalog: measured skills, or estimated where none is published
    assert set(sources.values()) <= {CATALOG, CATALOG_ESTIMATE} and CATALOG in sources.values()
    # the outcome estimate changes the answer: haiku is now adequate and cheapest
    assert rec.recommended.model_id == "claude-haiku-4-5"
    assert rec.to_dict()["recommended"]["adequacy_source"] == "outcomes"


def test_needs_are_written_in_the_same_order_in_every_process() -> None:
    """A set's order follows the per-process string hash: the JSON of one answer (a share
    link's export) must not change with it."""
    import os
    import subprocess
    import sys

    from council.config import PROJECT_ROOT
    code = ("import json; from council.task import parse_task; "
            "s = parse_task(description='t', needs=frozenset({'tools','vision','json'}), "
            "not_needed=frozenset({'reasoning','long_context'})); "
            "print(json.dumps(s.model_dump(mode='json')))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, cwd=PROJECT_ROOT,
                           env={**os.environ, "PYTHONHASHSEED": str(seed),
                                "PYTHONPATH": str(PROJECT_ROOT)}).stdout
            for seed in range(6)}
    assert len(outs) == 1, outs
    import json
    spec = json.loads(outs.pop())
    assert spec["needs"] == ["json", "tools", "vision"]
    assert spec["not_needed"] == ["long_context", "reasoning"]
