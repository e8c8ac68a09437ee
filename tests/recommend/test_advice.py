from __future__ import annotations

import pytest

from council.advice import Advice, advise, for_floor
from council.costing import cost_of
from council.task import parse_task
from council.workload import build_workload


def _priced(catalog, model_id: str, category: str, **fields):
    model = catalog.get(model_id)
    w = build_workload(parse_task(description="t", **fields), category, 3.0)
    return model, w, cost_of(model, w)


def test_each_item_is_the_price_difference(catalog) -> None:
    model, w, now = _priced(catalog, "claude-sonnet-4-6", "agentic", input_tokens=6000,
                            cached_prefix_tokens=0, calls_per_task=10, runs_per_month=500)
    items = {a.key: a for a in advise(model, w, now)}
    assert {"cache_prefix", "cap_output", "reasoning_effort", "summarise_history",
            "cache_history"} <= set(items)
    assert "batch" not in items  # ten calls, each waiting on the last: no batch API
    hist = cost_of(model, w.replace(cache_history=True))
    assert items["cache_history"].saving_per_task == pytest.approx(now.per_task - hist.per_task)
    one, w1, now1 = _priced(catalog, "claude-sonnet-4-6", "extraction", calls_per_task=1)
    batch = cost_of(one, w1, batch=True)
    item = {a.key: a for a in advise(one, w1, now1)}["batch"]
    assert item.saving_per_month == pytest.approx(now1.per_month - batch.per_month)
    summ = cost_of(model, w.replace(summarise_history=True))
    assert items["summarise_history"].saving_per_task == pytest.approx(
        now.per_task - summ.per_task)
    savings = [a.saving_per_task for a in items.values()]
    assert all(s > 0 for s in savings)
    assert [a.saving_per_task for a in advise(model, w, now)] == sorted(savings, reverse=True)


def test_no_batch_advice_when_already_batch_or_unavailable(catalog) -> None:
    model, w, _ = _priced(catalog, "gpt-5.4", "extraction")
    now = cost_of(model, w, batch=True)
    assert "batch" not in {a.key for a in advise(model, w, now)}
    model, w, now = _priced(catalog, "kimi-k3", "extraction")
    assert not model.batch_api
    assert "batch" not in {a.key for a in advise(model, w, now)}


def test_split_stage_priced_with_both_models(catalog) -> None:
    model, w, now = _priced(catalog, "claude-opus-4-7", "long_document",
                            input_tokens=150_000, output_tokens=1500, runs_per_month=100)
    cheap = catalog.get("gemini-2.5-flash-lite")
    items = {a.key: a for a in advise(model, w, now, cheap_model=cheap)}
    assert "split_stages" in items
    assert cheap.id in items["split_stages"].title
    assert items["split_stages"].saving_per_month < now.per_month


def _keys(model, w, now) -> set[str]:
    return {a.key for a in advise(model, w, now)}


def test_no_batch_advice_when_steps_wait_on_each_other(catalog) -> None:
    model, single, now = _priced(catalog, "gpt-5.4", "extraction", calls_per_task=1)
    assert model.batch_api and "batch" in _keys(model, single, now)
    model, loop, now = _priced(catalog, "gpt-5.4", "extraction", calls_per_task=3)
    assert loop.dependent_steps and "batch" not in _keys(model, loop, now)


def test_no_batch_advice_when_someone_waits(catalog) -> None:
    model = catalog.get("gpt-5.4")
    for text, offered in (("Classify comments in real time as users post them", False),
                          ("Classify comments, results can wait until morning", True),
                          ("Classify comments", True)):
        w = build_workload(parse_task(description=text), "classification", 1.5)
        assert ("batch" in _keys(model, w, cost_of(model, w))) is offered, text
        assert w.user_waits is not offered


def test_support_chat_waits_by_default(catalog) -> None:
    model = catalog.get("gpt-5.4")
    w = build_workload(parse_task(description="t", calls_per_task=1), "customer_support", 2.0)
    assert w.user_waits and "batch" not in _keys(model, w, cost_of(model, w))


def test_no_cache_advice_below_the_models_minimum_prefix(catalog) -> None:
    # 4,000 input tokens: the suggested half (2,000) clears Sonnet 4.5's 1,024 but not
    # Haiku 4.5's 4,096, in each model's own tokens
    sonnet, haiku = catalog.get("claude-sonnet-4-5"), catalog.get("claude-haiku-4-5")
    assert (sonnet.min_cache_prefix_tokens, haiku.min_cache_prefix_tokens) == (1024, 4096)
    for model, offered in ((sonnet, True), (haiku, False)):
        w = build_workload(parse_task(description="t", input_tokens=4000, cached_prefix_tokens=0,
                                      calls_per_task=1), "extraction", 2.0)
        assert ("cache_prefix" in _keys(model, w, cost_of(model, w))) is offered, model.id


def test_a_prefix_below_the_minimum_is_not_priced_as_cached(catalog) -> None:
    from council.workload import caches

    w = build_workload(parse_task(description="t", input_tokens=6000, cached_prefix_tokens=2500,
                                  calls_per_task=1), "extraction", 2.0)
    sonnet, haiku = catalog.get("claude-sonnet-4-5"), catalog.get("claude-haiku-4-5")
    assert caches(sonnet, w) and not caches(haiku, w)
    assert cost_of(haiku, w).parts_per_task.get("cache_read", 0) == 0
    assert "cache_prefix" not in _keys(haiku, w, cost_of(haiku, w))
    # the history: a loop whose first prompt is under Haiku's minimum gets no history caching
    w = build_workload(parse_task(description="t", input_tokens=3000, cached_prefix_tokens=0,
                                  calls_per_task=6), "agentic", 2.0)
    assert "cache_history" in _keys(sonnet, w, cost_of(sonnet, w))
    assert "cache_history" not in _keys(haiku, w, cost_of(haiku, w))


def test_no_quality_lowering_advice_when_the_pick_misses_the_floor() -> None:
    """QA: the ledger design at the production bar (no model reaches 90%) was told to lower
    the reasoning effort. Advice that lowers quality is dropped there, and a note says why."""
    from council.api import recommend_for

    from .conftest import assessment, real_catalog
    ledger = ("Design the architecture of a multi-region, strongly consistent payments ledger "
              "with failover and audits")
    a = assessment("architecture", 4.6, 0.3)
    prod = recommend_for(parse_task(description=ledger, quality="production"), a,
                         catalog=real_catalog())
    pick = prod.recommended
    assert pick.p_adequate < prod.quality_bar  # the floor is missed
    assert {x.key for x in prod.advice}.isdisjoint({"reasoning_effort", "split_stages",
                                                    "summarise_history"})
    assert any("Lower the reasoning effort" in n and "under the 90% floor" in n
               for n in pick.notes), pick.notes
    over = for_floor([*prod.advice, Advice("reasoning_effort", "t", "", 1.0, 0.1)], 0.95, 0.9)
    assert over.note is None and "reasoning_effort" in {x.key for x in over.advice}
