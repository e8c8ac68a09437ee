"""A workload's cost on one model, per call, per task and per month, itemised.

Every dollar comes from ``council.pricing``, which prices each call of a task on its own
(``price_calls``: what ``price_usage`` gives call by call) so that long-context tiers apply
to each request on its own. Per task is the sum over the task's calls, per call is that sum
divided by the number of calls, and per month is per task times runs per month.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from council.pricing import price_calls
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
            caching: bool = True, on: date | None = None) -> Cost:
    """Price every call of one task on ``model`` (tiered prices call by call) at the price
    in force on ``on`` (default today).

    Batch must be offered by the model.
    """
    use_cache = caching and (caches(model, workload) or caches_history(model, workload))
    calls = call_tokens(model, workload, caching=use_cache)
    price = model.price_in_force(on or date.today())  # once: the same row (and day) throughout
    if len(calls) > 1 and not price.tiers:
        # Untiered prices are linear in tokens: one Usage for the whole task prices the same.
        calls = [CallTokens.total(calls)]
    priced = price_calls(model, calls, batch=batch, price=price)
    per_task, runs = priced.total, workload.runs_per_month
    return Cost(
        per_call=per_task / workload.calls_per_task,
        per_task=per_task,
        per_month=per_task * runs,
        parts_per_task=priced.parts,
        parts_per_month={p: v * runs for p, v in priced.parts.items()},
        batch=batch,
        caching=use_cache,
        tiers_applied=list(priced.tiers_applied),
        price_effective_from=priced.price.effective_from.isoformat(),
        price_source=priced.price.source,
        price_verified=priced.price.verified.isoformat(),
    )


def chosen_cost(model: ModelEntry, workload: Workload, *, batch: bool,
                on: date | None = None) -> tuple[Cost, list[str]]:
    """The cost in the mode the user asked for, falling back to real-time without a batch API."""
    notes: list[str] = []
    use_batch = batch and bool(model.batch_api)
    if batch and not use_batch:
        notes.append(f"{model.id} has no batch API: priced real-time")
    return cost_of(model, workload, batch=use_batch, caching=True, on=on), notes


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


def variants(model: ModelEntry, workload: Workload, on: date | None = None) -> dict[str, Cost]:
    """The same workload real-time and batch (where offered), with and without caching where
    caching applies: a "cached" price equal to the uncached one would read as a saving of 0
    on an option the provider does not give this prompt (``why_not_cached`` says why)."""
    cached = why_not_cached(model, workload) is None
    out = {"realtime": cost_of(model, workload, caching=False, on=on)}
    if cached:
        out["realtime_cached"] = cost_of(model, workload, caching=True, on=on)
    if model.batch_api:
        out["batch"] = cost_of(model, workload, batch=True, caching=False, on=on)
        if cached:
            out["batch_cached"] = cost_of(model, workload, batch=True, caching=True, on=on)
    return out
