"""A workload's cost on one model, per call, per task and per month, itemised.

Every dollar comes from ``council.pricing.price_usage``, called once per call of a task so
that long-context tiers apply to each request on its own. Per task is the sum over the
task's calls, per call is that sum divided by the number of calls, and per month is per
task times runs per month.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from council.pricing import PARTS, price_usage
from council.tokens import for_model
from council.workload import (
    CallTokens,
    Workload,
    caches,
    caches_history,
    call_tokens,
    min_cache_prefix,
)

if TYPE_CHECKING:
    from council.catalog.schema import ModelEntry

MODES: tuple[str, ...] = ("realtime", "realtime_cached", "batch", "batch_cached")


@dataclass(frozen=True)
class Cost:
    """What one model costs on one workload in one mode (batch or not, caching or not)."""

    per_call: float
    per_task: float
    per_month: float
    parts_per_task: dict[str, float]  # input, cache_read, cache_write_5m, cache_write_1h, ...
    parts_per_month: dict[str, float]
    batch: bool
    caching: bool
    tiers_applied: list[int] = field(default_factory=list)  # long-context thresholds crossed
    price_effective_from: str = ""
    price_source: str = ""
    price_verified: str = ""  # when the price in force was last checked against its source

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cost:
        return cls(**data)


def cost_of(model: ModelEntry, workload: Workload, *, batch: bool = False,
            caching: bool = True) -> Cost:
    """Price every call of one task on ``model`` (tiered prices call by call).

    Batch must be offered by the model.
    """
    use_cache = caching and (caches(model, workload) or caches_history(model, workload))
    parts = dict.fromkeys(PARTS, 0.0)
    tiers: set[int] = set()
    per_task = 0.0
    breakdown = None
    calls = call_tokens(model, workload, caching=use_cache)
    if len(calls) > 1 and not model.price_on(None).tiers:
        # Untiered prices are linear in tokens: one Usage for the whole task prices the same.
        calls = [CallTokens.total(calls)]
    for usage in (c.usage() for c in calls):
        breakdown = price_usage(model, usage, batch=batch)
        per_task += breakdown.total
        for part in PARTS:
            parts[part] += getattr(breakdown, part)
        if breakdown.tier_threshold is not None:
            tiers.add(breakdown.tier_threshold)
    runs = workload.runs_per_month
    assert breakdown is not None  # calls_per_task >= 1
    return Cost(
        per_call=per_task / workload.calls_per_task,
        per_task=per_task,
        per_month=per_task * runs,
        parts_per_task=parts,
        parts_per_month={p: v * runs for p, v in parts.items()},
        batch=batch,
        caching=use_cache,
        tiers_applied=sorted(tiers),
        price_effective_from=breakdown.price_effective_from.isoformat(),
        price_source=breakdown.price_source,
        price_verified=breakdown.price_verified.isoformat(),
    )


def chosen_cost(model: ModelEntry, workload: Workload, *, batch: bool) -> tuple[Cost, list[str]]:
    """The cost in the mode the user asked for, falling back to real-time without a batch API."""
    notes: list[str] = []
    use_batch = batch and bool(model.batch_api)
    if batch and not use_batch:
        notes.append(f"{model.id} has no batch API: priced real-time")
    return cost_of(model, workload, batch=use_batch, caching=True), notes


def why_not_cached(model: ModelEntry, workload: Workload) -> str | None:
    """Why caching changes nothing on this workload, in words; None when something is cached."""
    if caches(model, workload) or caches_history(model, workload):
        return None
    if not model.prompt_caching:
        return f"{model.id} sells no prompt caching"
    prefix = for_model(workload.cached_prefix_tokens, model.token_ratio)
    if not prefix:
        return "no fixed prefix to cache"
    return (f"the fixed prefix ({prefix:,} of {model.id}'s tokens) is under its "
            f"{min_cache_prefix(model):,}-token minimum for caching")


def variants(model: ModelEntry, workload: Workload) -> dict[str, Cost]:
    """The same workload real-time and batch (where offered), with and without caching where
    caching applies: a "cached" price equal to the uncached one would read as a saving of 0
    on an option the provider does not give this prompt (``why_not_cached`` says why)."""
    cached = why_not_cached(model, workload) is None
    out = {"realtime": cost_of(model, workload, caching=False)}
    if cached:
        out["realtime_cached"] = cost_of(model, workload, caching=True)
    if model.batch_api:
        out["batch"] = cost_of(model, workload, batch=True, caching=False)
        if cached:
            out["batch_cached"] = cost_of(model, workload, batch=True, caching=True)
    return out
