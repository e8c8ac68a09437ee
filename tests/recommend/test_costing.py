from __future__ import annotations

import pytest

from council.costing import chosen_cost, cost_of, variants
from council.pricing import price_usage
from council.task import parse_task
from council.workload import build_workload, usages


def _tiered(catalog):
    model = next(m for m in catalog.models
                 if m.status == "active" and m.price_on(None).tiers)
    return model, model.price_on(None).tiers[0].threshold


def test_long_context_tier_applies_per_call(catalog) -> None:
    model, threshold = _tiered(catalog)
    # first call under the threshold, later calls over it as the history grows
    start = int(threshold / model.token_ratio) - 3000
    spec = parse_task(description="t", input_tokens=start, output_tokens=2000,
                      cached_prefix_tokens=0, calls_per_task=4, runs_per_month=10)
    w = build_workload(spec, "long_document", 3.0)
    cost = cost_of(model, w)
    calls = usages(model, w)
    direct = [price_usage(model, u) for u in calls]
    assert direct[0].tier_threshold is None and direct[-1].tier_threshold == threshold
    assert cost.tiers_applied == [threshold]
    assert cost.per_task == pytest.approx(sum(b.total for b in direct))


def test_untiered_models_sum_calls_to_the_same_price(catalog) -> None:
    model = catalog.get("claude-sonnet-4-6")
    assert not model.price_on(None).tiers
    spec = parse_task(description="t", input_tokens=8000, cached_prefix_tokens=3000,
                      calls_per_task=7, runs_per_month=50)
    w = build_workload(spec, "agentic", 3.0)
    direct = sum(price_usage(model, u).total for u in usages(model, w))
    assert cost_of(model, w).per_task == pytest.approx(direct, rel=1e-12)


def test_batch_falls_back_to_real_time_with_a_note(catalog) -> None:
    model = catalog.get("kimi-k3")
    w = build_workload(parse_task(description="t"), "research_qa", 2.0)
    cost, notes = chosen_cost(model, w, batch=True)
    assert not cost.batch and notes and "no batch API" in notes[0]
    cached = build_workload(parse_task(description="t", cached_prefix_tokens=8000),
                            "research_qa", 2.0)
    assert set(variants(model, cached)) == {"realtime", "realtime_cached"}
    assert set(variants(catalog.get("gpt-5.4"), cached)) == {"realtime", "realtime_cached",
                                                            "batch", "batch_cached"}


def test_no_cached_price_where_caching_does_not_apply(catalog) -> None:
    """A 'cached prefix' price equal to the uncached one would show a saving of 0 on an option
    the provider does not give this prompt: it is left out, and the reason is said instead."""
    from council.costing import why_not_cached
    from council.workload import min_cache_prefix

    haiku = catalog.get("claude-haiku-4-5")
    assert min_cache_prefix(haiku) == 4096
    small = build_workload(parse_task(description="t", input_tokens=6000,
                                      cached_prefix_tokens=2000), "research_qa", 2.0)
    assert set(variants(haiku, small)) == {"realtime", "batch"}
    assert "under its 4,096-token minimum" in why_not_cached(haiku, small)
    big = build_workload(parse_task(description="t", input_tokens=12000,
                                    cached_prefix_tokens=6000), "research_qa", 2.0)
    assert why_not_cached(haiku, big) is None
    v = variants(haiku, big)
    assert v["realtime_cached"].parts_per_task["cache_write_5m"] > 0  # priced with caching
    none = build_workload(parse_task(description="t", cached_prefix_tokens=0), "research_qa", 2.0)
    assert why_not_cached(haiku, none) == "no fixed prefix to cache"
    llama = catalog.get("llama-3.3-70b-together")
    assert why_not_cached(llama, big) == "llama-3.3-70b-together sells no prompt caching"
    assert "realtime_cached" not in variants(llama, big)


def test_a_price_verified_over_60_days_ago_is_flagged_on_the_candidate(catalog) -> None:
    from datetime import timedelta

    from council.adequacy import Adequacy
    from council.recommend import price_candidate, stale_price_notes

    model = catalog.get("claude-haiku-4-5")
    verified = model.price_on(None).verified
    assert stale_price_notes(model, verified + timedelta(days=60)) == []
    late = verified + timedelta(days=75)
    notes = stale_price_notes(model, late)
    assert len(notes) == 1 and f"last verified {verified.isoformat()} (75 days ago" in notes[0]
    spec = parse_task(description="Summarise a meeting")
    workload = build_workload(spec, "summarisation", 2.0)
    fresh = price_candidate(model, Adequacy(0.9, "catalog"), workload, batch=False, bar=0.75,
                            today=verified)
    stale = price_candidate(model, Adequacy(0.9, "catalog"), workload, batch=False, bar=0.75,
                            today=late)
    assert fresh.notes == [] and stale.notes == notes
    assert stale.cost.price_verified == verified.isoformat()
    assert stale.cost == fresh.cost  # flagged, not repriced


def test_kept_notes_follow_the_day_and_the_catalog_entry(catalog) -> None:
    """A candidate's notes are kept per model, and only for the same entry on the same day."""
    from datetime import timedelta

    from council.catalog.availability import catalog_notes
    from council.recommend import model_notes, stale_price_notes

    model = catalog.get("claude-haiku-4-5")
    verified = model.price_on(None).verified
    fresh, late = verified, verified + timedelta(days=75)
    for today in (fresh, late, fresh, late):
        assert model_notes(model, today) == (*stale_price_notes(model, today),
                                             *catalog_notes(model, today))
    assert model_notes(model, fresh) == () and len(model_notes(model, late)) == 1
    reverified = model.model_copy(update={"prices": tuple(
        p.model_copy(update={"verified": late}) for p in model.prices)})
    assert model_notes(reverified, late) == ()  # the new entry's own notes
    assert len(model_notes(model, late)) == 1


@pytest.mark.parametrize("tiered", [True, False])
def test_cost_of_looks_the_price_row_up_once(catalog, monkeypatch, tiered: bool) -> None:
    """cost_of read the row in force once to choose call-by-call pricing and again (a second
    date.today()) to price: two lookups, and two days if midnight fell between them."""
    from council.catalog.schema import ModelEntry

    model = next(m for m in catalog.models if m.status == "active"
                 and bool(m.price_on(None).tiers) == tiered)
    seen: list[object] = []
    real = ModelEntry.price_in_force

    def counted(self: ModelEntry, today):  # the real lookup, counted
        seen.append(today)
        return real(self, today)

    monkeypatch.setattr(ModelEntry, "price_in_force", counted)
    spec = parse_task(description="t", input_tokens=2000, output_tokens=500,
                      cached_prefix_tokens=0, calls_per_task=4, runs_per_month=10)
    cost_of(model, build_workload(spec, "agentic", 3.0))
    assert len(seen) == 1, seen
