"""price_usage against genai-prices for every shared model, plus property tests of the rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from council.catalog.model import Catalog
from council.catalog.schema import ModelEntry
from council.errors import InvalidInput
from council.pricing import Usage, price_usage
from tests.catalog.genai_coverage import NOT_IN_GENAI_PRICES

genai_prices = pytest.importorskip("genai_prices")

PROVIDER_IDS = {"xai": "x-ai"}  # catalog provider -> genai-prices provider id
WHEN = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday noon UTC: off-peak at DeepSeek
TOLERANCE = 0.005

USAGES = {
    "small": Usage(input_tokens=1_200, output_tokens=350),
    "cached": Usage(input_tokens=8_000, cache_read_tokens=40_000, cache_write_5m_tokens=3_000,
                    cache_write_1h_tokens=1_000, output_tokens=2_000, reasoning_tokens=1_500),
    "long": Usage(input_tokens=150_000, cache_read_tokens=120_000, output_tokens=4_000),
    "very_long": Usage(input_tokens=600_000, output_tokens=8_000),
}

# Where we knowingly differ from genai-prices, and why. Key: (model id, usage, batch).
EXPECTED_DIFFERENCES: dict[tuple[str, str, bool], str] = {}
# These sell one cache-write rate and no 1-hour cache: the "cached" usage's 1,000 one-hour
# writes bill at the input rate here (an item not sold separately) and at the write rate in
# genai-prices (0.5-0.8% of the total).
for _model in ("gpt-6-astra", "gpt-6-luna", "gpt-6-sol", "gpt-6.1-sol", "gpt-6.1-terra"):
    for _batch in (False, True):
        EXPECTED_DIFFERENCES[(_model, "cached", _batch)] = (
            "one cache-write rate, no 1-hour cache: 1-hour writes billed at the input rate")
EXPECTED_DIFFERENCES[("minimax-m2.7", "cached", False)] = (
    "one cache-write rate, no 1-hour cache: 1-hour writes billed at the input rate")
# genai-prices only models Anthropic batch rates for models in Anthropic's batch price table as
# of 2026-10-14 and skips legacy ones, so it bills these at real-time rates in batch; Anthropic's
# 50% batch discount applies to all Claude models offered through the Message Batches API.
for _model in ("claude-opus-4-1", "claude-3-5-haiku"):
    for _usage in ("small", "cached"):
        EXPECTED_DIFFERENCES[(_model, _usage, True)] = (
            "genai-prices has no batch variant for this legacy Claude model"
        )
# genai-prices has no Google batch variant for Gemini 3.5 Flash; Google's Batch API halves the
# price (OpenRouter's data, inside the same genai-prices wheel, lists google/gemini-3.5-flash:batch
# at exactly 50%).
for _usage in USAGES:
    EXPECTED_DIFFERENCES[("gemini-3.5-flash", _usage, True)] = (
        "genai-prices has no batch variant for gemini-3.5-flash; Google batch is 50% off"
    )


def _genai_total(model: ModelEntry, usage: Usage, batch: bool) -> float:
    gp_usage = genai_prices.Usage(
        input_tokens=usage.prompt_tokens,
        cache_read_tokens=usage.cache_read_tokens,
        cache_write_tokens=usage.cache_write_5m_tokens + usage.cache_write_1h_tokens,
        cache_write_1h_tokens=usage.cache_write_1h_tokens,
        output_tokens=usage.output_tokens + usage.reasoning_tokens,
    )
    result = genai_prices.calc_price(
        gp_usage, model.api_id, provider_id=PROVIDER_IDS.get(model.provider, model.provider),
        genai_request_timestamp=WHEN,
        price_context={"processing": "batch"} if batch else None,
    )
    return float(result.total_price)


def _cases(catalog: Catalog) -> list[tuple[ModelEntry, str, bool]]:
    cases = []
    for model in catalog.models:
        if model.id in NOT_IN_GENAI_PRICES:
            continue
        for name, usage in USAGES.items():
            if usage.prompt_tokens > model.context_window:
                continue
            cases.append((model, name, False))
            if model.batch_api:
                cases.append((model, name, True))
    return cases


def test_agrees_with_genai_prices_within_half_a_percent(catalog: Catalog) -> None:
    checked, disagreements, long_tier_seen = 0, [], False
    cases = _cases(catalog)
    unused = set(EXPECTED_DIFFERENCES) - {(m.id, u, b) for m, u, b in cases}
    assert not unused, f"EXPECTED_DIFFERENCES names cases that are never priced: {unused}"
    for model, usage_name, batch in cases:
        usage = USAGES[usage_name]
        ours = price_usage(model, usage, batch=batch, on=WHEN.date())
        long_tier_seen |= ours.tier_threshold is not None
        theirs = _genai_total(model, usage, batch)
        checked += 1
        agree = abs(ours.total - theirs) <= TOLERANCE * max(theirs, 1e-12)
        key = (model.id, usage_name, batch)
        if key in EXPECTED_DIFFERENCES:
            assert not agree, f"{key} now agrees; drop it from EXPECTED_DIFFERENCES"
        elif not agree:
            disagreements.append(f"{key}: ours {ours.total:.6f} vs genai-prices {theirs:.6f}")
    assert not disagreements, "\n".join(disagreements)
    assert checked >= 150
    assert long_tier_seen, "no usage crossed a long-context threshold"


def test_long_context_tier_is_a_cliff(catalog: Catalog) -> None:
    model = catalog.get("gemini-2.5-pro")  # 200k threshold: 1.25 -> 2.50 input, 10 -> 15 output
    below = price_usage(model, Usage(input_tokens=200_000, output_tokens=1_000))
    above = price_usage(model, Usage(input_tokens=200_001, output_tokens=1_000))
    assert below.tier_threshold is None and above.tier_threshold == 200_000
    assert below.input == pytest.approx(0.25) and below.output == pytest.approx(0.010)
    assert above.input == pytest.approx(200_001 * 2.5 / 1e6)
    assert above.output == pytest.approx(0.015)


def test_cache_tokens_count_towards_the_threshold(catalog: Catalog) -> None:
    model = catalog.get("gemini-2.5-pro")
    usage = Usage(input_tokens=50_000, cache_read_tokens=160_000, output_tokens=100)
    priced = price_usage(model, usage)
    assert priced.tier_threshold == 200_000
    assert priced.rates["cache_read"] == pytest.approx(0.25)


def test_breakdown_parts_sum_to_total_and_reasoning_bills_as_output(catalog: Catalog) -> None:
    model = catalog.get("claude-opus-4-7")
    priced = price_usage(model, USAGES["cached"])
    parts = (priced.input + priced.cache_read + priced.cache_write_5m + priced.cache_write_1h
             + priced.output + priced.reasoning)
    assert priced.total == pytest.approx(parts)
    assert priced.rates["reasoning"] == priced.rates["output"] == 25.0
    assert priced.reasoning == pytest.approx(1_500 * 25 / 1e6)
    assert priced.cache_write_1h == pytest.approx(1_000 * 10 / 1e6)


def test_dated_price_is_used(catalog: Catalog) -> None:
    model = catalog.get("o3")  # 10/40 until 2025-06-10, then 2/8
    usage = Usage(input_tokens=1_000_000)
    assert price_usage(model, usage, on=date(2025, 5, 1)).total == pytest.approx(10.0)
    later = price_usage(model, usage, on=date(2025, 7, 1))
    assert later.total == pytest.approx(2.0)
    assert later.price_effective_from == date(2025, 6, 10)


def test_batch_on_a_model_without_batch_is_refused(catalog: Catalog) -> None:
    model = catalog.get("llama-3.3-70b-groq")
    with pytest.raises(InvalidInput, match="no batch"):
        price_usage(model, USAGES["small"], batch=True)


def test_usage_rejects_negative_counts() -> None:
    with pytest.raises(InvalidInput, match="output_tokens"):
        Usage(input_tokens=1, output_tokens=-5)


token_counts = st.integers(min_value=0, max_value=1_200_000)
usages = st.builds(Usage, token_counts, token_counts, token_counts, token_counts,
                   token_counts, token_counts)


@pytest.fixture(scope="module")
def model_ids(catalog: Catalog) -> list[str]:
    return [m.id for m in catalog.models]


@settings(max_examples=300, deadline=None)
@given(data=st.data(), usage=usages)
def test_batch_never_costs_more_than_real_time(catalog: Catalog, data: st.DataObject,
                                                usage: Usage) -> None:
    model = data.draw(st.sampled_from([m for m in catalog.models if m.batch_api]))
    assert price_usage(model, usage, batch=True).total <= price_usage(model, usage).total


@settings(max_examples=300, deadline=None)
@given(data=st.data(), usage=usages,
       part=st.sampled_from(["input_tokens", "cache_read_tokens", "cache_write_5m_tokens",
                             "cache_write_1h_tokens", "output_tokens", "reasoning_tokens"]),
       extra=st.integers(min_value=1, max_value=500_000))
def test_more_tokens_never_cost_less(catalog: Catalog, data: st.DataObject, usage: Usage,
                                     part: str, extra: int) -> None:
    model = data.draw(st.sampled_from(catalog.models))
    more = Usage(**{**usage.__dict__, part: getattr(usage, part) + extra})
    assert price_usage(model, more).total >= price_usage(model, usage).total


@settings(max_examples=200, deadline=None)
@given(data=st.data(), prompt=st.integers(min_value=0, max_value=2_000_000))
def test_cache_read_never_above_input(catalog: Catalog, data: st.DataObject, prompt: int) -> None:
    model = data.draw(st.sampled_from(catalog.models))
    for price in model.prices:
        rates = price_usage(model, Usage(input_tokens=prompt), on=price.effective_from).rates
        assert rates["cache_read"] <= rates["input"]


def test_batch_cache_read_override_for_providers_that_do_not_stack(catalog: Catalog) -> None:
    model = catalog.get("gpt-oss-120b-groq")  # Groq: batch halves input/output, not cache reads
    rates = price_usage(model, USAGES["cached"], batch=True).rates
    assert rates["input"] == pytest.approx(0.075) and rates["cache_read"] == pytest.approx(0.075)
    price = model.price_on()
    with pytest.raises(ValueError, match="batch_cache_read"):
        type(price).model_validate({**price.model_dump(), "batch_cache_read": 1.0})


def _genai_variant(model: ModelEntry, usage: Usage, when: datetime,
                   context: dict[str, str] | None) -> float:
    gp_usage = genai_prices.Usage(
        input_tokens=usage.prompt_tokens, cache_read_tokens=usage.cache_read_tokens,
        output_tokens=usage.output_tokens + usage.reasoning_tokens)
    result = genai_prices.calc_price(
        gp_usage, model.api_id, provider_id=PROVIDER_IDS.get(model.provider, model.provider),
        genai_request_timestamp=when, price_context=context)
    return float(result.total_price)


def test_service_tiers_and_peak_hours_agree_with_genai_prices(catalog: Catalog) -> None:
    """Flex/priority and DeepSeek's peak rates, priced by price_usage, against genai-prices."""
    usage = Usage(input_tokens=20_000, cache_read_tokens=30_000, output_tokens=2_000)
    checked = 0
    for model in catalog.models:
        if model.id in NOT_IN_GENAI_PRICES:
            continue
        price = model.price_on(WHEN.date()) if any(
            p.effective_from <= WHEN.date() for p in model.prices) else None
        if price is None:
            continue
        for tier in price.service_tiers:
            ours = price_usage(model, usage, on=WHEN.date(), service_tier=tier).total
            theirs = _genai_variant(model, usage, WHEN, {"service_tier": tier})
            assert ours == pytest.approx(theirs, rel=TOLERANCE), (model.id, tier)
            checked += 1
        if price.peak is not None:
            peak = datetime(2026, 11, 30, 2, 30, tzinfo=UTC)  # Monday, in 01:00-04:00
            ours_peak = price_usage(model, usage, at=peak)
            assert ours_peak.peak
            assert ours_peak.total == pytest.approx(_genai_variant(model, usage, peak, None),
                                                    rel=TOLERANCE), model.id
            assert ours_peak.total > price_usage(model, usage, at=WHEN).total
            checked += 1
    assert checked >= 20


def test_service_tier_rules() -> None:
    from council.catalog.schema import PeakRates

    peak = PeakRates(windows_utc=("22:00-02:00",), input=2.0, output=4.0)
    assert peak.covers(datetime(2026, 12, 1, 23, 0, tzinfo=UTC))  # wraps past midnight
    assert not peak.covers(datetime(2026, 12, 5, 23, 0, tzinfo=UTC))  # a Saturday
    assert not peak.covers(datetime(2026, 12, 1, 12, 0, tzinfo=UTC))


def test_unknown_service_tier_and_batch_with_tier_are_refused(catalog: Catalog) -> None:
    model = catalog.get("gpt-6.1-sol")
    with pytest.raises(InvalidInput, match=r"no priority|no flex|combine"):
        price_usage(model, USAGES["small"], batch=True, service_tier="flex")
    with pytest.raises(InvalidInput, match="no flex service tier"):
        price_usage(catalog.get("claude-opus-5-5"), USAGES["small"], service_tier="flex")


@settings(max_examples=200, deadline=None)
@given(data=st.data(), usage=usages)
def test_flex_never_costs_more_and_priority_never_less(catalog: Catalog, data: st.DataObject,
                                                       usage: Usage) -> None:
    model = data.draw(st.sampled_from([m for m in catalog.models
                                       if m.price_on().service_tiers]))
    base = price_usage(model, usage).total
    tiers = model.price_on().service_tiers
    if "flex" in tiers:
        assert price_usage(model, usage, service_tier="flex").total <= base
    if "priority" in tiers:
        assert price_usage(model, usage, service_tier="priority").total >= base


def test_gpt_5_4_batch_cache_read_above_272k_is_025(catalog: Catalog) -> None:
    model = catalog.get("gpt-5.4")
    usage = Usage(input_tokens=200_000, cache_read_tokens=100_000)
    assert price_usage(model, usage, batch=True).rates["cache_read"] == pytest.approx(0.25)
