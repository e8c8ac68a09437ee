"""Price one usage of one model. The only place in the product that turns tokens into dollars.

Conventions (documented in docs/catalog.md):
- Token counts are in the model's own tokens (convert with the tokenizer ratio first).
- ``input_tokens`` are fresh prompt tokens; cache reads and writes are counted separately.
- ``reasoning_tokens`` are in addition to ``output_tokens`` and bill at the output rate.
- Long-context tiers are cliff-style: when the whole prompt (input + cache reads + cache
  writes) exceeds a tier's threshold, every token of the request bills at the tier's rates.
- A cache item the provider does not price separately bills at the input rate.
- Batch applies the price row's ``batch_discount`` to every part (it stacks with caching),
  except cache reads when the row gives ``batch_cache_read`` (providers that do not stack).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from council.catalog.schema import ModelEntry, Price, Tier
from council.errors import InvalidInput

PER = Decimal(1_000_000)
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
        for f in fields(self):  # not asdict(): it deep-copies, and this runs per priced call
            name, value = f.name, getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise InvalidInput(f"{name} must be a whole number >= 0, got {value!r}")

    @property
    def prompt_tokens(self) -> int:
        """Every token the provider counts as prompt; decides the long-context tier."""
        return (self.input_tokens + self.cache_read_tokens
                + self.cache_write_5m_tokens + self.cache_write_1h_tokens)


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


def rates_for(price: Price, prompt_tokens: int, *, batch: bool) -> tuple[dict[str, Decimal],
                                                                           Tier | None]:
    """Per-million-token rates for each part of a request with this many prompt tokens."""
    base_input = _d(price.input)
    rates: dict[str, Decimal] = {
        "input": base_input,
        "output": _d(price.output),
        "cache_read": _d(price.cache_read) if price.cache_read is not None else base_input,
        "cache_write_5m": (_d(price.cache_write_5m) if price.cache_write_5m is not None
                           else base_input),
        "cache_write_1h": (_d(price.cache_write_1h) if price.cache_write_1h is not None
                           else base_input),
    }
    tier = _tier_for(price, prompt_tokens)
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
    if batch:
        factor = Decimal(1) - _d(price.batch_discount or 0.0)
        discounted = {part: rate * factor for part, rate in rates.items()}
        if price.batch_cache_read is not None:
            scale = _d(tier.input) / base_input if tier is not None and base_input else Decimal(1)
            discounted["cache_read"] = _d(price.batch_cache_read) * scale
        rates = discounted
    return rates, tier


def price_usage(
    model: ModelEntry, usage: Usage, *, batch: bool = False, on: date | None = None
) -> PriceBreakdown:
    """Cost of one usage of ``model`` on date ``on`` (default: newest price), real-time or batch."""
    price = model.price_on(on)
    if batch and (not model.batch_api or price.batch_discount is None):
        raise InvalidInput(f"{model.id} has no batch API price; price it real-time instead")
    rates, tier = rates_for(price, usage.prompt_tokens, batch=batch)
    counts = {
        "input": usage.input_tokens,
        "cache_read": usage.cache_read_tokens,
        "cache_write_5m": usage.cache_write_5m_tokens,
        "cache_write_1h": usage.cache_write_1h_tokens,
        "output": usage.output_tokens,
        "reasoning": usage.reasoning_tokens,
    }
    parts = {part: rates[part] * counts[part] / PER for part in PARTS}
    total = sum(parts.values(), Decimal(0))
    return PriceBreakdown(
        model_id=model.id,
        **{part: float(value) for part, value in parts.items()},
        total=float(total),
        rates={part: float(rates[part]) for part in PARTS},
        tier_threshold=tier.threshold if tier else None,
        price_effective_from=price.effective_from,
        price_verified=price.verified,
        price_source=price.source,
        batch=batch,
    )
