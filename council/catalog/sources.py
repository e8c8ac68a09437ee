"""What the public sources say per model, read for `council catalog sync`.

Three sources, each into ``Offer`` values keyed by (our provider id, the provider's model id):

- genai-prices (the installed package): dated price rows with tiers, batch, service tiers and
  peak-hour rates; release dates from its comments; the context window; deprecation flags.
- LiteLLM's ``model_prices_and_context_window.json`` (a path): current rates, limits, shutdown
  (``deprecation_date``) dates.
- models.dev's ``api.json`` (a path): current rates, limits, release dates.

A malformed file, or a negative or absurd price in it, raises InvalidInput naming the file, the
model key and the field; nothing is read partially.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from council.catalog.schema import ABSURD_PRICE_PER_MTOK
from council.errors import InvalidInput

# Our provider id -> genai-prices provider id. New models are discovered for these providers
# (the first-party ones we carry, plus Meta and MiniMax); hosts of open models (Groq, Together,
# Fireworks) are only compared for the models already in the catalog.
GENAI_PROVIDERS: dict[str, str] = {
    "anthropic": "anthropic", "openai": "openai", "google": "google", "xai": "x-ai",
    "deepseek": "deepseek", "mistral": "mistral", "moonshotai": "moonshotai", "meta": "meta",
    "minimax": "minimax", "groq": "groq", "together": "together", "fireworks": "fireworks",
}
DISCOVER: frozenset[str] = frozenset({
    "anthropic", "openai", "google", "xai", "deepseek", "mistral", "moonshotai", "meta",
    "minimax",
})
# LiteLLM's `litellm_provider` per our provider (its keys may carry "<that>/" in front).
LITELLM_PROVIDERS: dict[str, str] = {
    "anthropic": "anthropic", "openai": "openai", "google": "gemini", "xai": "xai",
    "deepseek": "deepseek", "mistral": "mistral", "groq": "groq", "together": "together_ai",
    "moonshotai": "moonshot", "meta": "meta", "minimax": "minimax",
}
MODELSDEV_PROVIDERS: dict[str, str] = {
    "together": "togetherai", "meta": "llama", "xai": "xai",
}
# genai-prices entries that are not text chat models, or are variants of one we carry.
NOT_TEXT = re.compile(
    r"embed|tts|transcri|whisper|image|realtime|live|audio|speech|voice|moderation|search|"
    r"computer-use|ocr|voxtral|robotics|omni|deep-research|cyber|rosalind|:free|:extended|"
    r"^ft:|latest$|-contributor|davinci|babbage|curie|^ada$|instruct$|vision|gemma|"
    r"^claude-(?!.*(opus|sonnet|haiku|fable))|nano-banana|^zai-|^deepseek-v4-1|lyria",
    re.IGNORECASE,
)
_RELEASED = re.compile(r"[Rr]eleased (\d{4}-\d{2}-\d{2})")
RATE_NAMES = ("input", "output", "cache_read", "cache_write_5m", "cache_write_1h")


@dataclass(frozen=True)
class Offer:
    """What one source says about one model. ``rows`` only from genai-prices (dated)."""

    source: str  # label with version, e.g. "genai-prices 0.2.3"
    kind: str  # genai-prices | litellm | modelsdev
    file: str  # where it was read from, for messages
    provider: str  # our provider id
    model: str  # the provider's model id
    name: str | None = None
    rows: tuple[dict[str, Any], ...] = ()  # our Price fields, dated, oldest first
    rates: dict[str, float] = field(default_factory=dict)  # current rates (litellm, models.dev)
    facts: dict[str, Any] = field(default_factory=dict)  # context_window, max_output, ...
    text_model: bool = True
    deprecated: bool = False


def _check_rate(file: str, where: str, name: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise InvalidInput(f"{file}: {where}, field {name}: {value!r} is not a number")
    number = float(value)
    if number < 0:
        raise InvalidInput(f"{file}: {where}, field {name}: price {number:g} is negative")
    if number > ABSURD_PRICE_PER_MTOK:
        raise InvalidInput(f"{file}: {where}, field {name}: {number:g} per million tokens is "
                           "implausibly high")
    return number


# ---- genai-prices -------------------------------------------------------------------------
def _base_and_tiers(value: Any) -> tuple[float | None, dict[int, float]]:
    from genai_prices.types import TieredPrices

    if value is None:
        return None, {}
    if isinstance(value, TieredPrices):
        return float(value.base), {int(t.start): float(t.price) for t in value.tiers}
    return float(Decimal(value)), {}


def _row_from(prices: Any) -> dict[str, Any] | None:
    """Our price fields (rates and tiers) from a genai-prices ModelPrice, or None if unpriced."""
    rates: dict[str, Any] = {}
    tiers: dict[int, dict[str, float]] = {}
    for theirs, ours in (("input_mtok", "input"), ("output_mtok", "output"),
                         ("cache_read_mtok", "cache_read"), ("cache_write_mtok", "cache_write_5m"),
                         ("cache_write_1h_mtok", "cache_write_1h")):
        base, by_start = _base_and_tiers(getattr(prices, theirs, None))
        if base is None:
            continue
        rates[ours] = base
        for start, price in by_start.items():
            tiers.setdefault(start, {})[ours] = price
    if rates.get("input") is None or rates.get("output") is None:
        return None
    if tiers:
        rates["tiers"] = [{"threshold": start, **parts} for start, parts in sorted(tiers.items())
                          if "input" in parts and "output" in parts]
    return rates


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _release_date(info: Any) -> date | None:
    found = _RELEASED.search(info.price_comments or "")
    return date.fromisoformat(found.group(1)) if found else None


def _change_dates(info: Any) -> set[date]:
    """Every date on which genai-prices says a price of this model changes."""
    from genai_prices.types import StartDateConstraint

    dates = set()
    conditional = info.prices if isinstance(info.prices, list) else []
    for item in [*conditional, *(info.price_variants or [])]:
        if isinstance(item.constraint, StartDateConstraint):
            dates.add(item.constraint.start_date)
    return dates


def _peak(info: Any, day: date, base: dict[str, Any]) -> dict[str, Any] | None:
    """Peak-hour rates (TimeOfDateConstraint rows) as our PeakRates fields."""
    from genai_prices.types import TimeOfDateConstraint

    if not isinstance(info.prices, list):
        return None
    windows, peak_row = [], None
    for item in info.prices:
        if isinstance(item.constraint, TimeOfDateConstraint):
            start, end = item.constraint.start_time, item.constraint.end_time
            windows.append(f"{start:%H:%M}-{end:%H:%M}")
            peak_row = _row_from(info.get_prices(datetime.combine(day, start, tzinfo=UTC)))
    if not windows or peak_row is None or peak_row["input"] == base["input"]:
        return None
    return {"windows_utc": windows, "weekdays_only": "Monday to Friday" in (
        info.price_comments or ""), "input": peak_row["input"], "output": peak_row["output"],
        "cache_read": peak_row.get("cache_read")}


def _variant(info: Any, when: datetime, context: dict[str, str], base: dict[str, Any]
             ) -> dict[str, Any] | None:
    """The row under a price variant, or None when the variant is not offered then."""
    prices = info.get_prices(when, context)
    row = _row_from(prices)
    if row is None or (row["input"] == base["input"] and row["output"] == base["output"]):
        return None
    return row


def genai_rows(info: Any, release: date | None, label: str, file: str, where: str
               ) -> tuple[dict[str, Any], ...]:
    """Dated price rows of one genai-prices model, from its release date on."""
    dates = sorted(d for d in _change_dates(info) if release is None or d > release)
    # Without a release date, the first row's date is unknown (None): the editor gives it when
    # accepting the model; prices are read as of that row's first change date or today.
    rows: list[dict[str, Any]] = []
    days: list[date | None] = [release, *dates]
    for day in days:
        undated_on = (dates[0] - timedelta(days=1)) if dates else datetime.now(UTC).date()
        when = _noon(day or undated_on)
        base = _row_from(info.get_prices(when))
        if base is None:
            continue
        for name in RATE_NAMES:
            _check_rate(file, where, f"{name} ({day})", base.get(name))
        row: dict[str, Any] = {"effective_from": day.isoformat() if day else None, **base}
        batch = _variant(info, when, {"processing": "batch"}, base) if info.price_variants \
            else None
        if batch is not None and base["input"]:
            row["batch_discount"] = round(1 - batch["input"] / base["input"], 4)
            stacked = (base.get("cache_read") or 0) * (1 - row["batch_discount"])
            read = batch.get("cache_read", base.get("cache_read"))
            if read is not None and base.get("cache_read") is not None \
                    and abs(read - stacked) > 1e-9:
                row["batch_cache_read"] = read
                batch_tiers = {t["threshold"]: t for t in batch.get("tiers", [])}
                for tier in row.get("tiers", []):
                    theirs = batch_tiers.get(tier["threshold"], {}).get("cache_read")
                    scaled = read * tier["input"] / base["input"]
                    if theirs is not None and abs(theirs - scaled) > 1e-9:
                        tier["batch_cache_read"] = theirs
        tiers = {}
        for name in ("flex", "priority"):
            variant = (_variant(info, when, {"service_tier": name}, base)
                       if info.price_variants else None)
            if variant is not None and base["input"]:
                tiers[name] = round(variant["input"] / base["input"], 4)
        if tiers:
            row["service_tiers"] = tiers
        peak = _peak(info, day or when.date(), base)
        if peak is not None:
            row["peak"] = peak
        rows.append(row)
    return _backfill(rows)


BACKFILLED = ("batch_discount", "batch_cache_read", "service_tiers")


def _backfill(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Carry batch and service-tier rates back to earlier rows, then merge equal neighbours.

    genai-prices starts those variants on the date it verified them ("history before then is
    not modelled"), which is not the date the provider started selling them.
    """
    for name in BACKFILLED:
        later = next((r[name] for r in rows if r.get(name) is not None), None)
        for row in rows:
            if row.get(name) is not None:
                break
            if later is not None:
                row[name] = later
    merged: list[dict[str, Any]] = []
    for row in rows:
        if merged and {k: v for k, v in merged[-1].items() if k != "effective_from"} == \
                {k: v for k, v in row.items() if k != "effective_from"}:
            continue
        merged.append(row)
    return tuple(merged)


def read_genai_prices(providers: tuple[str, ...] = tuple(GENAI_PROVIDERS),
                      only: dict[str, set[str]] | None = None) -> list[Offer]:
    """Offers for every model of the given providers (``only``: provider -> model ids)."""
    try:
        from genai_prices import __version__ as version
        from genai_prices import data
    except ImportError as exc:
        raise InvalidInput("genai-prices is not installed: pip install genai-prices") from exc
    label, file = f"genai-prices {version}", f"genai-prices {version} (genai_prices/data.py)"
    by_id = {p.id: p for p in data.providers}
    offers = []
    for ours in providers:
        provider = by_id.get(GENAI_PROVIDERS.get(ours, ours))
        if provider is None:
            continue
        for info in provider.models:
            if only is not None and info.id not in only.get(ours, set()):
                continue
            release = _release_date(info)
            rows = genai_rows(info, release, label, file, f"provider {provider.id} model "
                              f"{info.id}")
            facts: dict[str, Any] = {}
            if info.context_window:
                facts["context_window"] = int(info.context_window)
            if release is not None:
                facts["release_date"] = release.isoformat()
            text = (bool(rows) and not NOT_TEXT.search(info.id) and bool(info.context_window)
                    and (ours == "anthropic" or not info.id.startswith("claude")))
            offers.append(Offer(label, "genai-prices", file, ours, info.id, info.name, rows,
                                facts=facts, text_model=text, deprecated=bool(info.deprecated)))
    return offers


def genai_model_id(provider: str, api_id: str) -> str | None:
    """The genai-prices model id that prices our (provider, api_id), or None."""
    from genai_prices import data

    found = next((p for p in data.providers if p.id == GENAI_PROVIDERS.get(provider, provider)),
                 None)
    info = found.find_model(api_id) if found is not None else None
    return info.id if info is not None else None


# ---- LiteLLM ------------------------------------------------------------------------------
def _load_json(path: Path, what: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read the {what}: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}: not valid JSON (truncated or malformed) at line "
                           f"{exc.lineno} column {exc.colno}: {exc.msg}") from exc


def _per_million(file: str, where: str, name: str, value: Any) -> float | None:
    if value is None:
        return None
    number = _check_rate(file, where, name, value)
    return None if number is None else round(number * 1_000_000, 9)


def read_litellm(path: Path | str) -> list[Offer]:
    """Offers from LiteLLM's price file, for our providers' chat models."""
    path = Path(path)
    data = _load_json(path, "LiteLLM price file")
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: expected a JSON object of models, got {type(data).__name__}")
    label, file = f"litellm ({path.name})", str(path)
    ours_by_litellm = {v: k for k, v in LITELLM_PROVIDERS.items()}
    found: dict[tuple[str, str], Offer] = {}
    for key, row in data.items():
        if not isinstance(row, dict) or row.get("mode", "chat") != "chat":
            continue
        ours = ours_by_litellm.get(str(row.get("litellm_provider")))
        if ours is None:
            continue
        prefix = f"{LITELLM_PROVIDERS[ours]}/"
        model = key[len(prefix):] if key.startswith(prefix) else key
        if "/" in model:
            continue
        where = f"model {key}"
        rates: dict[str, float] = {}
        for theirs, name in (("input_cost_per_token", "input"),
                             ("output_cost_per_token", "output"),
                             ("cache_read_input_token_cost", "cache_read")):
            value = _per_million(file, where, theirs, row.get(theirs))
            if value is not None:
                rates[name] = value
        facts: dict[str, Any] = {}
        for theirs, name in (("max_input_tokens", "max_input"),
                             ("max_output_tokens", "max_output")):
            value = row.get(theirs)
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise InvalidInput(f"{file}: {where}, field {theirs}: {value!r} is not "
                                       "a whole number >= 0")
                if value:  # 0 means unknown there
                    facts[name] = value
        if row.get("deprecation_date") is not None:
            try:
                facts["shutdown_date"] = date.fromisoformat(
                    str(row["deprecation_date"])).isoformat()
            except ValueError:
                raise InvalidInput(f"{file}: {where}, field deprecation_date: "
                                   f"{row['deprecation_date']!r} is not a date") from None
        if (ours, model) not in found or key.startswith(prefix):
            found[(ours, model)] = Offer(label, "litellm", file, ours, model, None,
                                         rates=rates, facts=facts)
    return list(found.values())


# ---- models.dev ---------------------------------------------------------------------------
def read_modelsdev(path: Path | str) -> list[Offer]:
    """Offers from models.dev's api.json (provider -> models), for our providers."""
    path = Path(path)
    data = _load_json(path, "models.dev api.json")
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: expected a JSON object of providers")
    label, file = "models.dev (api.json)", str(path)
    offers = []
    for ours in GENAI_PROVIDERS:
        theirs = MODELSDEV_PROVIDERS.get(ours, ours)
        provider = data.get(theirs)
        if provider is None:
            continue
        models = provider.get("models") if isinstance(provider, dict) else None
        if not isinstance(models, dict):
            raise InvalidInput(f"{file}: provider {theirs}, field models: expected an object")
        for model_id, row in models.items():
            where = f"provider {theirs} model {model_id}"
            if not isinstance(row, dict):
                raise InvalidInput(f"{file}: {where}: expected an object")
            cost = row.get("cost") or {}
            rates = {}
            for name in ("input", "output", "cache_read"):
                value = _check_rate(file, where, f"cost.{name}", cost.get(name))
                if value is not None:
                    rates[name] = value
            limit = row.get("limit") or {}
            facts: dict[str, Any] = {}
            for theirs_key, name in (("context", "context_window"), ("output", "max_output"),
                                     ("input", "max_input")):
                value = limit.get(theirs_key)
                if value is not None:
                    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                        raise InvalidInput(f"{file}: {where}, field limit.{theirs_key}: "
                                           f"{value!r} is not a whole number >= 0")
                    if value:  # 0 means unknown there
                        facts[name] = value
            if isinstance(row.get("release_date"), str):
                facts["release_date"] = row["release_date"]
            offers.append(Offer(label, "modelsdev", file, ours, str(model_id), row.get("name"),
                                rates=rates, facts=facts))
    return offers
