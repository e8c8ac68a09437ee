"""What the last days of one task would have cost on another model, with caching and batch.

The task's records are pooled per day and model, converted to the target model's tokens
(token ratios) and priced with ``council.pricing.price_usage`` at each day's price:

- ``as billed``: the records as imported, on the models they ran on;
- ``on MODEL``: the same traffic on the target, its cache reads kept if it sells caching
  (else billed as input), reasoning kept only if it is a reasoning model;
- ``+ caching``: the cacheable share of each prompt (the linked recommendation's prefix share,
  or ``prefix_share``) read from the cache, with one write of the prefix per day and model
  (a cache kept warm by the traffic, as the estimator assumes for busy tasks);
- ``+ caching + batch``: the same at the batch price, when the target has one.

This is the saving the advice promised, measured on the team's own traffic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import sqlite_utils

from council.errors import CouncilError, InvalidInput, NotFound
from council.pricing import Usage, price_usage
from council.usage.pricing import RecordPricer
from council.usage.store import ensure_priced, task_links

if TYPE_CHECKING:
    from council.api import Recommendation

DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Variant:
    name: str
    model_id: str
    usd: float
    per_month: float
    saving: float  # against as billed
    notes: tuple[str, ...] = ()


@dataclass
class WhatIf:
    task: str
    since: date
    until: date
    days: int
    records: int
    calls: int
    unpriced_records: int
    target: str
    prefix_share: float
    prefix_source: str
    variants: list[Variant] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"], data["until"] = self.since.isoformat(), self.until.isoformat()
        return data


@dataclass
class _Group:
    day: date
    model_id: str | None
    records: int = 0
    calls: int = 0
    fresh: int = 0
    read: int = 0
    write_5m: int = 0
    write_1h: int = 0
    output: int = 0
    reasoning: int = 0
    usd: float = 0.0


def what_if(db: sqlite_utils.Database, catalog: Any, task: str, *, model_id: str | None = None,
            days: int = DEFAULT_DAYS, prefix_share: float | None = None,
            today: date | None = None) -> WhatIf:
    """Re-price the last ``days`` days of ``task`` on ``model_id`` (default: the model its
    linked recommendation recommended)."""
    from council.store import load_recommendation

    if days < 1:
        raise InvalidInput("--days must be at least 1")
    if prefix_share is not None and not 0 <= prefix_share <= 1:
        raise InvalidInput("--prefix-share is a share of the prompt, between 0 and 1")
    ensure_priced(db, catalog)
    rec: Recommendation | None = None
    share_id = task_links(db).get(task)
    if share_id is not None:
        try:
            rec = load_recommendation(db, share_id).rec
        except CouncilError:
            rec = None
    if model_id is None:
        model_id = rec.recommended.model_id if rec and rec.recommended else None
        if model_id is None:
            raise InvalidInput(f"task {task!r} is linked to no recommendation with a pick: "
                               "name the model with --model")
    target = catalog.get(model_id)
    last = db.execute("SELECT MAX(day) FROM usage_records WHERE task = ?", [task]).fetchone()[0]
    if last is None:
        raise NotFound(f"no usage recorded for task {task!r}; `council usage report` lists "
                       "the tasks")
    until = today or date.fromisoformat(last)
    since = until - timedelta(days=days - 1)
    groups: dict[tuple[str, str | None], _Group] = {}
    for day, mid, calls, *counts, usd in db.execute(
            """SELECT day, model_id, calls, input_tokens, cache_read_tokens,
                      cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
                      reasoning_tokens, usd
               FROM usage_records WHERE task = ? AND day BETWEEN ? AND ?""",
            [task, since.isoformat(), until.isoformat()]):
        g = groups.setdefault((day, mid), _Group(date.fromisoformat(day), mid))
        g.records += 1
        g.calls += calls or 0
        g.fresh += counts[0]
        g.read += counts[1]
        g.write_5m += counts[2]
        g.write_1h += counts[3]
        g.output += counts[4]
        g.reasoning += counts[5]
        g.usd += usd or 0.0
    known = [g for g in groups.values() if g.model_id is not None]
    share, source = _prefix_share(prefix_share, rec, known)
    result = WhatIf(task=task, since=since, until=until, days=days,
                    records=sum(g.records for g in groups.values()),
                    calls=sum(g.calls for g in groups.values()),
                    unpriced_records=sum(g.records for g in groups.values()
                                         if g.model_id is None),
                    target=target.id, prefix_share=share, prefix_source=source)
    actual = sum(g.usd for g in known)
    scale = 30 / days

    def variant(name: str, usd: float, notes: list[str]) -> Variant:
        return Variant(name, target.id, usd, usd * scale, actual - usd, tuple(notes))

    result.variants.append(Variant("as billed", "(as used)", actual, actual * scale, 0.0))
    notes: list[str] = []
    result.variants.append(variant(f"on {target.id}", _price(catalog, target, known,
                                                             notes=notes), notes))
    if target.prompt_caching:
        notes = []
        result.variants.append(variant("+ caching", _price(catalog, target, known, share=share,
                                                           notes=notes), notes))
        if target.batch_api:
            notes = []
            result.variants.append(variant("+ caching + batch", _price(
                catalog, target, known, share=share, batch=True, notes=notes), notes))
    elif target.batch_api:
        notes = []
        result.variants.append(variant("+ batch", _price(catalog, target, known, batch=True,
                                                         notes=notes), notes))
    return result


def _prefix_share(given: float | None, rec: Recommendation | None, groups: list[_Group]
                  ) -> tuple[float, str]:
    if given is not None:
        return given, "you"
    a = rec.assumptions if rec is not None else {}
    prefix, inp = a.get("cached_prefix_tokens"), a.get("input_tokens")
    if isinstance(prefix, int | float) and isinstance(inp, int | float) and inp > 0:
        return min(prefix / inp, 1.0), "the linked recommendation"
    prompt = sum(g.fresh + g.read + g.write_5m + g.write_1h for g in groups)
    read = sum(g.read for g in groups)
    return (read / prompt if prompt else 0.0), "the cache hit rate observed"


def _price(catalog: Any, target: Any, groups: list[_Group], *, share: float = 0.0,
           batch: bool = False, notes: list[str]) -> float:
    pricer = RecordPricer(catalog)  # only for the price row in force on each day
    total = 0.0
    for g in groups:
        source = catalog.get(g.model_id)
        k = target.token_ratio / source.token_ratio

        def conv(n: int, k: float = k) -> int:
            return round(n * k)

        read, write_5m, write_1h = conv(g.read), conv(g.write_5m), conv(g.write_1h)
        fresh = conv(g.fresh)
        if not target.prompt_caching:
            fresh, read, write_5m, write_1h = fresh + read + write_5m + write_1h, 0, 0, 0
        prompt = fresh + read + write_5m + write_1h
        if share > 0 and target.prompt_caching:
            cacheable = round(prompt * share)
            prefix_write = round(cacheable / g.calls) if g.calls else 0
            want_read = max(read, cacheable - prefix_write)
            extra_write = 0 if write_5m + write_1h else min(prefix_write, prompt - want_read)
            fresh = max(prompt - want_read - write_5m - write_1h - extra_write, 0)
            read, write_5m = want_read, write_5m + extra_write
        reasoning = conv(g.reasoning) if target.reasoning else 0
        dropped = f"{target.id} does not reason: the reasoning tokens are dropped"
        if g.reasoning and not target.reasoning and dropped not in notes:
            notes.append(dropped)
        price, note = pricer.price_row(target, g.day)
        if note and note not in notes:
            notes.append(note)
        usage = Usage(input_tokens=fresh, cache_read_tokens=read, cache_write_5m_tokens=write_5m,
                      cache_write_1h_tokens=write_1h, output_tokens=conv(g.output),
                      reasoning_tokens=reasoning)
        if g.calls > 1 and price.tiers:  # tiers go by the mean call, not the day's sum
            per_call = Usage(*(round(v / g.calls) for v in (
                fresh, read, write_5m, write_1h, conv(g.output), reasoning)))
            total += price_usage(target, per_call, batch=batch, on=price.effective_from).total \
                * g.calls
        else:
            total += price_usage(target, usage, batch=batch, on=price.effective_from).total
    return total
