"""Price one usage of one model. The only place in the product that turns tokens into dollars.

Conventions (documented in docs/catalog.md):
- Token counts are in the model's own tokens (convert with the tokenizer ratio first).
- ``input_tokens`` are fresh prompt tokens; cache reads and writes are counted separately.
- ``reasoning_tokens`` are in addition to ``output_tokens`` and bill at the output rate.
- Long-context tiers are cliff-style: when the whole prompt (input + cache reads + cache
  writes) exceeds a tier's threshold, every token of the request bills at the tier's rates.
- A cache item the provider does not price separately bills at the input rate.
- Batch applies the price row's ``batch_discount`` to every part (it stacks with caching),
  except cache reads when the row gives ``batch_cache_read`` (each provider's own batch rate).
- A service tier (``flex``, ``priority``) multiplies every rate by the row's factor for it; it
  does not combine with batch.
- Time of day: when ``at`` falls in the row's peak windows (DeepSeek), the peak rates replace
  the standard ones; without ``at`` the standard (off-peak) rates apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from council.catalog.schema import ModelEntry, Price, Tier
from council.errors import InvalidInput

PER = Decimal(1_000_000)
_ZERO = Decimal(0)
PARTS: tuple[str, ...] = (
    "input", "cache_read", "cache_write_5m", "cache_write_1h", "output", "reasoning",
)


@dataclass(frozen=True)
class Usage:
    """Token counts of one request (or of a whole workload, if untiered)."""

    input_tokens: int
    cache_read_tokens: int = 0
    cache_write_5m_tokens: int = 0
    cache_write_1h_tokens: int = 0
    output_tokens: int = 0
    reasoning_tokens: int = 0

    def __post_init__(self) -> None:
        for name in _USAGE_FIELDS:  # runs per priced call: names read once, not fields()
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise InvalidInput(f"{name} must be a whole number >= 0, got {value!r}")

    @property
    def prompt_tokens(self) -> int:
        """Every token the provider counts as prompt; decides the long-context tier."""
        return (self.input_tokens + self.cache_read_tokens
                + self.cache_write_5m_tokens + self.cache_write_1h_tokens)


_USAGE_FIELDS = tuple(f.name for f in fields(Usage))


@dataclass(frozen=True)
class PriceBreakdown:
    """Itemised cost in USD, with the rates and the dated price row that produced it."""

    model_id: str
    input: float
    cache_read: float
    cache_write_5m: float
    cache_write_1h: float
    output: float
    reasoning: float
    total: float
    rates: dict[str, float]  # USD per million tokens actually applied, per part
    tier_threshold: int | None  # the long-context tier applied, None for base rates
    price_effective_from: date
    price_verified: date
    price_source: str
    batch: bool
    service_tier: str = "standard"
    peak: bool = False  # the peak (time-of-day) rates applied

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["price_effective_from"] = self.price_effective_from.isoformat()
        data["price_verified"] = self.price_verified.isoformat()
        return data


def _d(value: float) -> Decimal:
    return Decimal(str(value))


def _tier_for(price: Price, prompt_tokens: int) -> Tier | None:
    applied = None
    for tier in price.tiers:  # ascending thresholds
        if prompt_tokens > tier.threshold:
            applied = tier
    return applied


def rates_for(price: Price, prompt_tokens: int, *, batch: bool, service_tier: str | None = None,
              peak: bool = False) -> tuple[dict[str, Decimal], Tier | None]:
    """Per-million-token rates for each part of a request with this many prompt tokens."""
    tier = _tier_for(price, prompt_tokens)
    return dict(zip(PARTS, _rates(price, tier, batch, service_tier, peak), strict=True)), tier


def _tier_rates(price: Price, tier: Tier | None, batch: bool, service_tier: str | None,
                peak: bool) -> dict[str, Decimal]:
    """The rates of ``rates_for`` once the tier is known (it depends on nothing else)."""
    base_input = _d(price.input)
    cache_read = _d(price.cache_read) if price.cache_read is not None else base_input
    output = _d(price.output)
    if peak and price.peak is not None:
        scale_peak = _d(price.peak.input) / base_input if base_input else Decimal(1)
        cache_read = (_d(price.peak.cache_read) if price.peak.cache_read is not None
                      else cache_read * scale_peak)
        base_input, output = _d(price.peak.input), _d(price.peak.output)
    rates: dict[str, Decimal] = {
        "input": base_input,
        "output": output,
        "cache_read": cache_read,
        "cache_write_5m": (_d(price.cache_write_5m) if price.cache_write_5m is not None
                           else base_input),
        "cache_write_1h": (_d(price.cache_write_1h) if price.cache_write_1h is not None
                           else base_input),
    }
    if tier is not None:
        scale = _d(tier.input) / base_input if base_input else Decimal(1)
        explicit = {
            "cache_read": tier.cache_read,
            "cache_write_5m": tier.cache_write_5m,
            "cache_write_1h": tier.cache_write_1h,
        }
        for part, value in explicit.items():
            rates[part] = _d(value) if value is not None else rates[part] * scale
        rates["input"] = _d(tier.input)
        rates["output"] = _d(tier.output)
    rates["reasoning"] = rates["output"]
    if service_tier is not None:
        factor = _d(price.service_tiers[service_tier])  # checked by price_usage
        rates = {part: rate * factor for part, rate in rates.items()}
    if batch:
        factor = Decimal(1) - _d(price.batch_discount or 0.0)
        discounted = {part: rate * factor for part, rate in rates.items()}
        if tier is not None and tier.batch_cache_read is not None:
            discounted["cache_read"] = _d(tier.batch_cache_read)
        elif price.batch_cache_read is not None:
            scale = _d(tier.input) / base_input if tier is not None and base_input else Decimal(1)
            discounted["cache_read"] = _d(price.batch_cache_read) * scale
        rates = discounted
    return rates


# Rates per (price row, tier, batch, service tier, peak), in PARTS order. A catalog's rows are
# immutable, and the entry keeps its row alive so that its id is not reused; a new catalog
# version brings new rows, and the dict is emptied when it grows past RATES_KEPT.
_RATES: dict[tuple[int, int | None, bool, str | None, bool],
             tuple[Price, tuple[Decimal, ...]]] = {}
RATES_KEPT = 4096


def _rates(price: Price, tier: Tier | None, batch: bool, service_tier: str | None,
           peak: bool) -> tuple[Decimal, ...]:
    """``_tier_rates`` in PARTS order, worked out once per row, tier and mode."""
    key = (id(price), tier.threshold if tier is not None else None, batch, service_tier, peak)
    kept = _RATES.get(key)
    if kept is not None and kept[0] is price:
        return kept[1]
    rates = _tier_rates(price, tier, batch, service_tier, peak)
    ordered = tuple(rates[part] for part in PARTS)
    if len(_RATES) >= RATES_KEPT:
        _RATES.clear()
    _RATES[key] = (price, ordered)
    return ordered


def _parts(rates: tuple[Decimal, ...], counts: Sequence[int]) -> list[Decimal]:
    """USD of each part, in PARTS order: rate x tokens / 1M, exactly (a part with no tokens is
    0 without the arithmetic; it adds nothing to the sum)."""
    return [rate * n / PER if n else _ZERO for rate, n in zip(rates, counts, strict=True)]



def price_usage(
    model: ModelEntry, usage: Usage, *, batch: bool = False, on: date | None = None,
    service_tier: str | None = None, at: datetime | None = None,
) -> PriceBreakdown:
    """Cost of one usage of ``model`` on date ``on`` (default: the price in force today; the
    newest row when none has started), real-time or batch.

    ``service_tier``: ``flex`` or ``priority`` where the provider sells them (None: standard).
    ``at``: the moment of the request, for providers with peak-hour rates; it also picks the
    price row when ``on`` is not given.
    """
    if on is None and at is not None:
        on = at.date()
    price = model.price_on(on) if on is not None else model.price_in_force(date.today())
    _check_batch(model, price, batch)
    tier_name = None if service_tier in (None, "standard") else service_tier
    if tier_name is not None:
        if tier_name not in price.service_tiers:
            offered = ", ".join(sorted(price.service_tiers)) or "none"
            raise InvalidInput(f"{model.id} has no {tier_name} service tier (offered: {offered})")
        if batch:
            raise InvalidInput("a service tier and batch do not combine; pick one")
    peak = bool(at is not None and price.peak is not None and price.peak.covers(at))
    tier = _tier_for(price, usage.prompt_tokens)
    rates = _rates(price, tier, batch, tier_name, peak)
    parts = _parts(rates, (usage.input_tokens, usage.cache_read_tokens,
                           usage.cache_write_5m_tokens, usage.cache_write_1h_tokens,
                           usage.output_tokens, usage.reasoning_tokens))
    return PriceBreakdown(
        model_id=model.id,
        **{part: float(value) for part, value in zip(PARTS, parts, strict=True)},
        total=float(sum(parts, _ZERO)),
        rates={part: float(rate) for part, rate in zip(PARTS, rates, strict=True)},
        tier_threshold=tier.threshold if tier else None,
        price_effective_from=price.effective_from,
        price_verified=price.verified,
        price_source=price.source,
        batch=batch,
        service_tier=tier_name or "standard",
        peak=peak,
    )


def _check_batch(model: ModelEntry, price: Price, batch: bool) -> None:
    if batch and (not model.batch_api or price.batch_discount is None):
        raise InvalidInput(f"{model.id} has no batch API price; price it real-time instead")


@dataclass(frozen=True)
class CallsPrice:
    """A task's calls priced one by one and added up in call order, in USD."""

    total: float
    parts: dict[str, float]  # per part, in PARTS order
    tiers_applied: tuple[int, ...]  # the long-context thresholds crossed, ascending
    price: Price  # the row that priced every call (the one in force on the day asked)


def price_calls(model: ModelEntry, calls: Sequence[Sequence[int]], *,
                batch: bool = False, on: date | None = None,
                price: Price | None = None) -> CallsPrice:
    """Every call of one task at the price in force on ``on`` (default today; the newest row
    when none has started yet): for each call the figures ``price_usage`` gives, its total
    and parts added up as floats in call order. A row dated later (a price the provider has
    announced) is not today's price.

    A call is its token counts in PARTS order (``council.workload.CallTokens``). The batch
    check runs once per task and no PriceBreakdown is built per call: a 20-call agent loop on
    a tiered model is 20 prices, and a recommendation prices every candidate. ``price``: the
    row in force, when the caller has already looked it up (``on`` is then not read).
    """
    if not calls:
        raise InvalidInput("a task has at least one call to price")
    price = price or model.price_in_force(on or date.today())
    _check_batch(model, price, batch)
    total = 0.0
    parts = [0.0] * len(PARTS)
    tiers: set[int] = set()
    for counts in calls:
        if min(counts) < 0:
            raise InvalidInput(f"token counts must be >= 0, got {tuple(counts)}")
        tier = _tier_for(price, counts[0] + counts[1] + counts[2] + counts[3])
        values = _parts(_rates(price, tier, batch, None, False), counts)
        total += float(sum(values, _ZERO))
        for i, value in enumerate(values):
            if value:
                parts[i] += float(value)
        if tier is not None:
            tiers.add(tier.threshold)
    return CallsPrice(total=total, parts=dict(zip(PARTS, parts, strict=True)),
                      tiers_applied=tuple(sorted(tiers)), price=price)
