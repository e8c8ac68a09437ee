"""The catalog's typed schema: one ModelEntry per model, strict (unknown fields are errors).

Prices are USD per million tokens. A price row is dated (``effective_from``); the newest row
that took effect on or before a date is the price on that date. Long-context tiers bill
cliff-style: once a request's prompt crosses a tier's threshold, all of its tokens (input,
cache, output) bill at that tier's rates.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_serializer,
    model_validator,
)

from council.categories import DIFFICULTY_MAX, DIFFICULTY_MIN, SKILLS

Status = Literal["active", "preview", "deprecated", "retired"]
ServiceTierName = Literal["flex", "priority"]
Modality = Literal["text", "image", "audio", "video", "pdf"]

# A model "has long_context" when its window holds at least this many tokens.
LONG_CONTEXT_MIN_TOKENS = 200_000
# Prices above this (USD per million tokens) are treated as a data-entry mistake.
ABSURD_PRICE_PER_MTOK = 1_000.0
# No model offers a window this large (the catalog's largest is 2,000,000): a value above it
# is a slipped finger (QA round 16 saved a context window of 10,000,000,000 tokens).
MAX_CONTEXT_TOKENS = 100_000_000
# Verified prices older than this are shown as stale.
STALE_AFTER_DAYS = 60

CAPABILITY_NAMES: tuple[str, ...] = ("tools", "vision", "json", "reasoning", "long_context")


class _Strict(BaseModel):
    # NaN and infinity are never a price, a limit or a skill (NaN also slips past every
    # comparison, and is written to JSON as null).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _check_price(value: float | None) -> float | None:
    if value is None:
        return value
    if value < 0:
        raise ValueError("price must not be negative")
    if value > ABSURD_PRICE_PER_MTOK:
        raise ValueError(f"price {value} per million tokens is implausibly high")
    return value


class Tier(_Strict):
    """Rates that apply to a whole request once its prompt exceeds ``threshold`` tokens.

    Cache rates left empty scale with the input rate (tier input / base input).
    """

    threshold: int = Field(gt=0)
    input: float
    output: float
    cache_read: float | None = None
    cache_write_5m: float | None = None
    cache_write_1h: float | None = None
    # Batch rate for cache reads in this tier, where it is not the row's scaled by input.
    batch_cache_read: float | None = None

    _price_ok = field_validator(
        "input", "output", "cache_read", "cache_write_5m", "cache_write_1h", "batch_cache_read"
    )(_check_price)


class PeakRates(_Strict):
    """Rates in force during a provider's peak windows (UTC), e.g. DeepSeek's daytime rates.

    The row's own rates are the off-peak (standard) ones. ``weekdays_only``: the windows apply
    Monday to Friday; weekends are off-peak all day.
    """

    windows_utc: tuple[str, ...] = Field(min_length=1)
    weekdays_only: bool = True
    input: float
    output: float
    cache_read: float | None = None

    _price_ok = field_validator("input", "output", "cache_read")(_check_price)

    @field_validator("windows_utc")
    @classmethod
    def _windows(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for window in value:
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d", window):
                raise ValueError(f"window {window!r} is not HH:MM-HH:MM (UTC)")
        return value

    def covers(self, when: datetime) -> bool:
        """Whether a moment (UTC; naive counts as UTC) falls in a peak window."""
        utc = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
        if self.weekdays_only and utc.weekday() >= 5:
            return False
        minute = utc.hour * 60 + utc.minute
        for window in self.windows_utc:
            start, end = (int(t[:2]) * 60 + int(t[3:]) for t in window.split("-"))
            if (start <= minute < end) if start <= end else (minute >= start or minute < end):
                return True
        return False


class Price(_Strict):
    """One dated price row. Empty cache rates mean the provider does not sell that item."""

    effective_from: date
    source: str = Field(min_length=1)
    verified: date
    input: float
    output: float
    cache_read: float | None = None
    cache_write_5m: float | None = None
    cache_write_1h: float | None = None
    batch_discount: float | None = Field(default=None, ge=0, lt=1)
    # Where a provider does not stack the batch discount on cache reads: the batch rate for them.
    batch_cache_read: float | None = None
    tiers: tuple[Tier, ...] = ()
    # Other service tiers as a factor on every rate of this row (OpenAI flex 0.5, priority 2.0).
    service_tiers: dict[ServiceTierName, float] = Field(default_factory=dict)
    peak: PeakRates | None = None
    notes: str | None = None

    _price_ok = field_validator(
        "input", "output", "cache_read", "cache_write_5m", "cache_write_1h", "batch_cache_read"
    )(_check_price)

    @model_validator(mode="after")
    def _consistent(self) -> Price:
        if self.cache_read is not None and self.cache_read > self.input:
            raise ValueError(f"cache_read {self.cache_read} is above input {self.input}")
        if self.batch_cache_read is not None:
            if self.batch_discount is None:
                raise ValueError("batch_cache_read given without batch_discount")
            ceiling = self.cache_read if self.cache_read is not None else self.input
            if self.batch_cache_read > ceiling:
                raise ValueError(f"batch_cache_read {self.batch_cache_read} is above the "
                                 f"real-time cache read {ceiling}")
        thresholds = [t.threshold for t in self.tiers]
        if thresholds != sorted(set(thresholds)):
            raise ValueError("tiers must have distinct thresholds in ascending order")
        for tier in self.tiers:
            if tier.cache_read is not None and tier.cache_read > tier.input:
                raise ValueError(f"tier {tier.threshold}: cache_read above input")
        for name, factor in self.service_tiers.items():
            if not 0 < factor <= 10:
                raise ValueError(f"service tier {name}: factor {factor} is outside (0, 10]")
        return self


class QualityScore(_Strict):
    """A skill on the 1-5 difficulty scale and the evidence it rests on."""

    skill: float = Field(ge=DIFFICULTY_MIN, le=DIFFICULTY_MAX)
    benchmark: str = Field(min_length=1)
    score: float | None = None
    source: str = Field(min_length=1)
    date: date
    estimated: bool = False
    # An estimate's own uncertainty (levels, an RMS error) where it was measured for that kind
    # of estimate; None takes council.adequacy.ESTIMATE_SD.
    sd: float | None = Field(default=None, gt=0, le=5)


DEFAULT_MIN_CACHE_PREFIX_TOKENS = 1024


class ModelEntry(_Strict):
    """Everything the product knows about one model offered by one provider."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    provider: str = Field(min_length=1)
    creator: str = Field(min_length=1)
    api_id: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    name: str = Field(min_length=1)
    status: Status = "active"
    release_date: date | None = None
    deprecation_date: date | None = None
    # The day the provider stops serving it; never recommended from then on.
    shutdown_date: date | None = None
    # The model the provider names as its replacement (a catalog id), shown beside the
    # shutdown date; empty where no source names one (models_catalog/SOURCES.md).
    successor: str | None = None
    context_window: int = Field(gt=0, le=MAX_CONTEXT_TOKENS)
    # Largest prompt accepted when below the window (OpenAI's 400k models: 272k input).
    max_input: int | None = Field(default=None, gt=0, le=MAX_CONTEXT_TOKENS)
    max_output: int = Field(gt=0, le=MAX_CONTEXT_TOKENS)
    input_modalities: tuple[Modality, ...] = ("text",)
    output_modalities: tuple[Modality, ...] = ("text",)
    tools: bool = False
    structured_output: bool = False
    reasoning: bool = False
    reasoning_efforts: tuple[str, ...] = ()
    prompt_caching: bool = False
    # The shortest prefix the provider caches, in the model's own tokens; below it a cache
    # marker is silently ignored. None where the provider documents none: the workload then
    # uses DEFAULT_MIN_CACHE_PREFIX_TOKENS (1,024, OpenAI's and the commonest floor).
    # models_catalog/SOURCES.md gives the source of each value.
    min_cache_prefix_tokens: int | None = Field(default=None, ge=0, le=1_000_000)
    batch_api: bool = False
    tokenizer: str = Field(min_length=1)
    token_ratio: float = Field(gt=0.3, lt=3.0)
    prices: tuple[Price, ...] = Field(min_length=1)
    quality: dict[str, QualityScore]
    notes: str | None = None

    @field_validator("quality")
    @classmethod
    def _known_skills(cls, value: dict[str, QualityScore]) -> dict[str, QualityScore]:
        unknown = set(value) - set(SKILLS)
        if unknown:
            raise ValueError(f"unknown skill(s) {sorted(unknown)}; known: {', '.join(SKILLS)}")
        missing = set(SKILLS) - set(value)
        if missing:
            raise ValueError(f"missing skill(s) {sorted(missing)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ModelEntry:
        if self.max_output > self.context_window:
            raise ValueError(f"max output {self.max_output:,} tokens is above the context "
                             f"window {self.context_window:,}")
        if self.reasoning_efforts and not self.reasoning:
            raise ValueError("reasoning_efforts given but reasoning is false")
        dates = [p.effective_from for p in self.prices]
        if len(set(dates)) != len(dates):
            raise ValueError("two price rows take effect on the same date")
        newest = max(self.prices, key=lambda p: p.effective_from)
        if self.batch_api != (newest.batch_discount is not None):
            raise ValueError("batch_api must be true exactly when the newest price has a "
                             "batch_discount")
        if self.prompt_caching != (newest.cache_read is not None):
            raise ValueError("prompt_caching must be true exactly when the newest price has a "
                             "cache_read rate")
        if self.status == "retired" and self.deprecation_date is None \
                and self.shutdown_date is None:
            raise ValueError("a retired model needs its deprecation_date or shutdown_date")
        if self.max_input is not None and self.max_input > self.context_window:
            raise ValueError(f"max input {self.max_input:,} tokens is above the context "
                             f"window {self.context_window:,}")
        return self

    @model_serializer(mode="wrap")
    def _without_unknown_cache_minimum(self, handler: Any) -> Any:
        """Leave an unknown minimum out of the dump, so catalogs stored before the field
        existed still hash to their version."""
        data = handler(self)
        if isinstance(data, dict) and data.get("min_cache_prefix_tokens") is None:
            data.pop("min_cache_prefix_tokens", None)
        return data

    @property
    def vision(self) -> bool:
        return "image" in self.input_modalities

    def has(self, capability: str) -> bool:
        """Whether the model offers a TaskSpec capability (tools, vision, json, reasoning, ...)."""
        if capability == "tools":
            return self.tools
        if capability == "vision":
            return self.vision
        if capability == "json":
            return self.structured_output
        if capability == "reasoning":
            return self.reasoning
        if capability == "long_context":
            return self.context_window >= LONG_CONTEXT_MIN_TOKENS
        raise KeyError(f"unknown capability {capability!r}; known: {', '.join(CAPABILITY_NAMES)}")

    def skill(self, skill_name: str) -> float:
        """The model's skill in one dimension, on the 1-5 difficulty scale."""
        try:
            return self.quality[skill_name].skill
        except KeyError:
            raise KeyError(
                f"unknown skill {skill_name!r}; known: {', '.join(SKILLS)}"
            ) from None

    def price_on(self, on: date | None = None) -> Price:
        """The price row in force on a date (default: the newest row)."""
        rows = sorted(self.prices, key=lambda p: p.effective_from)
        if on is None:
            return rows[-1]
        valid = [p for p in rows if p.effective_from <= on]
        if not valid:
            from council.errors import NotFound

            raise NotFound(
                f"{self.id} has no price on {on.isoformat()}; "
                f"earliest is {rows[0].effective_from.isoformat()}"
            )
        return valid[-1]

    def price_in_force(self, today: date) -> Price:
        """The price row in force today, or the newest one when none has started yet."""
        started = any(p.effective_from <= today for p in self.prices)
        return self.price_on(today if started else None)

    def next_price(self, today: date) -> Price | None:
        """The first row that starts after ``today`` while another is in force: a change the
        provider has announced (None when there is none, or when no row has started yet and
        the newest one stands in)."""
        later = [p for p in self.prices if p.effective_from > today]
        if not later or len(later) == len(self.prices):
            return None
        return min(later, key=lambda p: p.effective_from)

    def is_stale(self, today: date) -> bool:
        """True when the price in force today was verified more than STALE_AFTER_DAYS ago."""
        return (today - self.price_in_force(today).verified).days > STALE_AFTER_DAYS


def successor_problem(model_id: str, successor: str | None, ids: set[str]) -> str | None:
    """Why ``successor`` cannot be ``model_id``'s named replacement (it must be another
    catalog model, by id), or None; checked where the catalog loads and where it is edited."""
    if successor is None:
        return None
    if successor == model_id:
        return "is the model itself"
    return None if successor in ids else "is not a catalog model id"


# Fields added after catalog versions were first stored: left out of a model's canonical JSON
# while empty, so the content hash of every stored version still reproduces.
OPTIONAL_ENTRY_FIELDS: tuple[str, ...] = ("shutdown_date", "max_input", "successor")
OPTIONAL_PRICE_FIELDS: tuple[str, ...] = ("service_tiers", "peak")


def compact_dump(entry: ModelEntry) -> dict[str, Any]:
    """``entry.model_dump(mode="json")`` without the optional newer fields while they are empty."""
    data = entry.model_dump(mode="json")
    for name in OPTIONAL_ENTRY_FIELDS:
        if data.get(name) in (None, {}, []):
            data.pop(name, None)
    for row in data["prices"]:
        for name in OPTIONAL_PRICE_FIELDS:
            if row.get(name) in (None, {}, []):
                row.pop(name, None)
        for tier in row.get("tiers") or []:
            if tier.get("batch_cache_read") is None:
                tier.pop("batch_cache_read", None)
    for score in data["quality"].values():
        if score.get("sd") is None:
            score.pop("sd", None)
    return data


class ProviderFile(_Strict):
    """The content of one models_catalog/<provider>.yaml file."""

    provider: str = Field(min_length=1)
    name: str = Field(min_length=1)
    pricing_url: str | None = None
    models: tuple[ModelEntry, ...] = Field(min_length=1)


class CatalogMeta(_Strict):
    """models_catalog/catalog.yaml: settings for the catalog as a whole."""

    frontier_default: str = Field(min_length=1)
    reference_encoding: str = "o200k_base"
