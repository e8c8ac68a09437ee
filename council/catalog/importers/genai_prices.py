"""Facts from the installed genai-prices package (pydantic/genai-prices, MIT)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from council.catalog.importers import NewModel, SourceFacts, is_candidate, legacy_of
from council.catalog.model import Catalog
from council.errors import InvalidInput

PROVIDER_IDS = {"xai": "x-ai"}  # our provider id -> genai-prices provider id


def _rate(value: Any) -> tuple[float | None, Any]:
    """(base rate, first tier or None) of a genai-prices price value."""
    from genai_prices.types import TieredPrices

    if value is None:
        return None, None
    if isinstance(value, TieredPrices):
        return float(value.base), (value.tiers[0] if value.tiers else None)
    return float(Decimal(value)), None


def read(catalog: Catalog, path: Path | None = None, *,
         when: datetime | None = None) -> SourceFacts:
    """Current prices and context windows for every catalog model genai-prices knows."""
    if path is not None:
        raise InvalidInput("genai-prices is read from the installed package; drop --path")
    try:
        from genai_prices import __version__ as version
        from genai_prices import data
    except ImportError as exc:  # a dev dependency
        raise InvalidInput("genai-prices is not installed: pip install genai-prices") from exc
    # Noon UTC: outside the peak-hour windows some providers price separately.
    when = when or datetime.combine(datetime.now(UTC).date(), time(12), tzinfo=UTC)
    providers = {p.id: p for p in data.providers}
    facts: dict[str, dict[str, Any]] = {}
    missing = []
    used: set[tuple[str, str]] = set()
    for entry in catalog.models:
        provider = providers.get(PROVIDER_IDS.get(entry.provider, entry.provider))
        info = provider.find_model(entry.api_id) if provider else None
        if info is None:
            missing.append(entry.id)
            continue
        used.add((provider.id, info.id))
        facts[entry.id] = _facts(info, when)
    return SourceFacts(kind="genai-prices", source=f"genai-prices {version}", facts=facts,
                       not_found=tuple(missing),
                       new_models=_new_models(providers, catalog, used, when))


def _facts(info: Any, when: datetime) -> dict[str, Any]:
    prices = info.get_prices(when)
    batch = info.get_prices(when, {"processing": "batch"}) if info.price_variants else None
    found: dict[str, Any] = {}
    for key, ours in (("input_mtok", "input"), ("output_mtok", "output"),
                      ("cache_read_mtok", "cache_read"), ("cache_write_mtok", "cache_write_5m"),
                      ("cache_write_1h_mtok", "cache_write_1h")):
        base, tier = _rate(getattr(prices, key, None))
        if base is not None:
            found[f"price.{ours}"] = base
        if tier is not None and ours in ("input", "output"):
            found["price.tier_threshold"] = int(tier.start)
            found[f"price.tier_{ours}"] = float(tier.price)
    if batch is not None and batch is not prices and found.get("price.input"):
        batch_input, _ = _rate(getattr(batch, "input_mtok", None))
        if batch_input is not None and batch_input < found["price.input"]:
            found["price.batch_discount"] = round(1 - batch_input / found["price.input"], 4)
    if info.context_window:
        found["context_window"] = int(info.context_window)
    return found


def _new_models(providers: dict[str, Any], catalog: Catalog, used: set[tuple[str, str]],
                when: datetime) -> tuple[NewModel, ...]:
    """Models of the providers the sync discovers from, that genai-prices has and the catalog
    lacks (deprecated ones marked as legacy)."""
    from council.catalog.sources import DISCOVER

    known = catalog.names
    found = []
    for ours in sorted(DISCOVER):
        provider = providers.get(PROVIDER_IDS.get(ours, ours))
        for info in (provider.models if provider else []):
            if (provider.id, info.id) in used:
                continue
            if ours != "anthropic" and info.id.startswith("claude"):
                continue
            try:
                facts = _facts(info, when)
            except (ValueError, TypeError, ArithmeticError):
                continue  # a price this reader cannot read is not proposed
            if is_candidate(info.id, facts, known):
                found.append(NewModel(ours, info.id, info.name, facts, legacy_of(
                    info.id, facts, known, deprecated=bool(info.deprecated))))
    return tuple(found)
