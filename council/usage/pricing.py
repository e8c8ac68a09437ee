"""Price usage records with the catalog: the price in force on each record's date.

Every rate comes from ``council.pricing.price_usage`` (the one function that prices); the
rates it applied are cached per (model, price row, long-context tier, batch), so a million
records price in seconds and still agree with ``price_usage`` to the last cent (tested).
A bucket of many calls picks its long-context tier from its mean call. A model the catalog
does not know is kept and named, with no price, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from council.catalog.names import Resolved, resolve
from council.catalog.schema import ModelEntry, Price
from council.errors import NotFound
from council.pricing import PARTS, Usage, price_usage

PER = 1_000_000.0
# Anthropic's context_window bucket names the tier of every request in it.
_LONG_CONTEXT = {"200k-1M": 200_001}


@dataclass(frozen=True, slots=True)
class Priced:
    model_id: str | None  # None: the catalog does not know the model
    usd: float | None
    note: str | None = None


class RecordPricer:
    """Prices records against one catalog snapshot, caching names, price rows and rates."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog
        self.version: str = catalog.version
        self._models: dict[str, Resolved | None] = {}
        self._rows: dict[tuple[str, date], tuple[Price, str | None]] = {}
        self._rates: dict[tuple[str, date, int | None, bool, str | None],
                          dict[str, float]] = {}

    def resolve(self, name: str) -> ModelEntry | None:
        """The catalog entry for a model name (council.catalog.names: id, API id, alias,
        provider prefix, dated snapshot, moving alias)."""
        found = self.resolved(name)
        return found.model if found is not None else None

    def resolved(self, name: str) -> Resolved | None:
        if name not in self._models:
            self._models[name] = resolve(self.catalog, name)
        return self._models[name]

    def price_row(self, model: ModelEntry, day: date) -> tuple[Price, str | None]:
        key = (model.id, day)
        if key not in self._rows:
            try:
                self._rows[key] = (model.price_on(day), None)
            except NotFound:  # older than the catalog's first price for this model
                first = min(model.prices, key=lambda p: p.effective_from)
                self._rows[key] = (first, f"before {model.id}'s first catalog price; priced at "
                                          f"that of {first.effective_from.isoformat()}")
        return self._rows[key]

    def rates(self, model: ModelEntry, day: date, per_call_prompt: int,
              batch: bool, service_tier: str | None = None) -> tuple[dict[str, float], str | None]:
        """USD per million tokens per part, as price_usage applies them on that day."""
        price, note = self.price_row(model, day)
        if batch:
            service_tier = None  # a batch call has the batch price; tiers do not combine with it
        if service_tier is not None and service_tier not in price.service_tiers:
            note = "; ".join(filter(None, [note, f"no {service_tier} price in the catalog: "
                                                 "priced at standard"]))
            service_tier = None
        if batch and (not model.batch_api or price.batch_discount is None):
            batch = False
            note = "; ".join(filter(None, [note, "no batch price in the catalog: priced "
                                                 "real-time"]))
        tier = None
        for t in price.tiers:
            if per_call_prompt > t.threshold:
                tier = t.threshold
        key = (model.id, price.effective_from, tier, batch, service_tier)
        rates = self._rates.get(key)
        if rates is None:
            probe = Usage(input_tokens=max(per_call_prompt, 0))
            rates = price_usage(model, probe, batch=batch, on=price.effective_from,
                                service_tier=service_tier).rates
            self._rates[key] = rates
        return rates, note

    def price(self, model_name: str, day: date, counts: tuple[int, ...], *,
              calls: int | None, batch: bool, context_window: str | None = None,
              service_tier: str | None = None) -> Priced:
        """Price token counts (in ``council.pricing.PARTS`` order) of one record."""
        found = self.resolved(model_name)
        if found is None:
            return Priced(None, None, "model not in the catalog")
        model = found.model
        prompt = counts[0] + counts[1] + counts[2] + counts[3]
        per_call = prompt // calls if calls else _LONG_CONTEXT.get(context_window or "", 0)
        rates, note = self.rates(model, day, per_call, batch, service_tier)
        usd = sum(rates[part] * n for part, n in zip(PARTS, counts, strict=True)) / PER
        return Priced(model.id, usd, "; ".join(filter(None, [found.note(), note])) or None)
