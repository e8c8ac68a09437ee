"""price_calls (a task's calls priced at once) gives exactly what price_usage gives call by call,
and the rates kept per price row never outlive the row they came from."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from council.catalog.model import Catalog
from council.errors import InvalidInput
from council.pricing import PARTS, Usage, _tier_rates, price_calls, price_usage, rates_for
from council.workload import CallTokens

counts = st.integers(min_value=0, max_value=1_500_000)
calls = st.lists(st.tuples(counts, counts, counts, counts, counts, counts), min_size=1,
                 max_size=25)


def test_a_call_lists_its_counts_in_the_order_of_the_parts() -> None:
    assert CallTokens._fields == tuple(f"{part}_tokens" for part in PARTS)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), task=calls)
def test_the_same_floats_as_price_usage_call_by_call(catalog: Catalog, data: st.DataObject,
                                                     task: list[tuple[int, ...]]) -> None:
    """Equal, not approximately: per call the total and each part as price_usage rounds them,
    added in call order, so a recommendation's figures do not move by a bit."""
    model = data.draw(st.sampled_from(catalog.models))
    batch = bool(model.batch_api) and data.draw(st.booleans())
    priced = price_calls(model, task, batch=batch)
    total, parts, tiers = 0.0, dict.fromkeys(PARTS, 0.0), set()
    for counts_ in task:
        one = price_usage(model, Usage(*counts_), batch=batch)
        total += one.total
        for part in PARTS:
            parts[part] += getattr(one, part)
        if one.tier_threshold is not None:
            tiers.add(one.tier_threshold)
    assert priced.total == total
    assert priced.parts == parts and list(priced.parts) == list(PARTS)
    assert priced.tiers_applied == tuple(sorted(tiers))
    assert priced.price is model.price_in_force(date.today())  # both default to today's row


def test_a_tiered_model_crosses_its_threshold_call_by_call(catalog: Catalog) -> None:
    model = next(m for m in catalog.models if m.price_on(None).tiers)
    threshold = model.price_on(None).tiers[0].threshold
    below = (threshold, 0, 0, 0, 100, 0)
    above = (threshold + 1, 0, 0, 0, 100, 0)
    assert price_calls(model, [below, below]).tiers_applied == ()
    assert price_calls(model, [below, above]).tiers_applied == (threshold,)


def test_bad_calls_are_refused_in_words(catalog: Catalog) -> None:
    model = catalog.models[0]
    with pytest.raises(InvalidInput, match="at least one call"):
        price_calls(model, [])
    with pytest.raises(InvalidInput, match="must be >= 0"):
        price_calls(model, [(10, 0, 0, 0, -1, 0)])
    no_batch = next(m for m in catalog.models if not m.batch_api)
    with pytest.raises(InvalidInput, match="no batch API"):
        price_calls(no_batch, [(10, 0, 0, 0, 1, 0)], batch=True)


def test_kept_rates_belong_to_their_own_row(catalog: Catalog) -> None:
    """A row with other figures (a new catalog version) is priced at its own rates, never at
    the rates kept for the row it replaced."""
    model = catalog.get("claude-sonnet-4-5")
    usage = Usage(input_tokens=10_000, cache_read_tokens=5_000, output_tokens=1_000)
    before = price_usage(model, usage)
    row = model.price_on(None)
    dearer = row.model_copy(update={"input": row.input * 2, "cache_read": row.cache_read})
    repriced = model.model_copy(update={"prices": (dearer,)})
    after = price_usage(repriced, usage)
    assert after.rates["input"] == pytest.approx(2 * before.rates["input"])
    assert after.input == pytest.approx(2 * before.input)
    assert price_usage(model, usage) == before
    for price in (row, dearer):
        for tokens in (1_000, 300_000):
            rates, tier = rates_for(price, tokens, batch=False)
            assert rates == _tier_rates(price, tier, False, None, False)


def test_a_row_at_the_address_of_a_dropped_one_gets_its_own_rates(catalog: Catalog) -> None:
    """Rows made and dropped one after another would often reuse one address (id), which keys
    the kept rates: the kept entry holds its row, so the address stays taken while it is kept,
    and each row is priced at its own figures."""
    model = catalog.get("claude-sonnet-4-5")
    row = model.price_on(None)
    usage = Usage(input_tokens=1_000_000)
    for factor in range(1, 40):
        copy = model.model_copy(update={"prices": (row.model_copy(
            update={"input": row.input * factor, "cache_read": None}),)})
        assert price_usage(copy, usage).total == pytest.approx(row.input * factor)
        del copy
