"""Refit the per-category workload defaults from the team's own usage.

Only tasks linked to a stored recommendation are used: its assessment says which category the
task is. For each category the observed numbers are pooled over its tasks (tokens converted to
the catalog's reference encoding with each model's token ratio) and shrunk toward the
built-in default by how much data there is: ``value = w * observed + (1 - w) * default`` with
``w = n / (n + PRIOR_RUNS)``, ``n`` the runs seen (or calls / default calls per task where
runs are not known). Learned here:

- ``input_tokens`` per call, before history: the observed mean prompt minus the mean history
  a multi-call task re-sends, ``(k - 1) / 2 * (output + observation)`` (the workload model);
- ``output_tokens`` per call (visible; reasoning is fitted elsewhere from difficulty);
- ``calls_per_task``, where runs are known (traces, sessions);
- ``prefix_share``, from the cache hit rate on models that sell caching.

``LearnedDefaults`` is the lookup ``council.workload.build_workload`` takes; with it the
recommendation labels those numbers "your usage" instead of "category default".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from council.errors import CouncilError
from council.usage.store import task_links
from council.workload import DEFAULTS, Learned

PRIOR_RUNS = 20.0  # the built-in default counts as this many runs of evidence


@dataclass
class _Pool:
    tasks: set[str] = field(default_factory=set)
    calls: int = 0
    runs: int = 0
    runs_calls: int = 0  # calls of the tasks whose runs are known
    prompt_ref: float = 0.0
    output_ref: float = 0.0
    cached_prompt: int = 0  # prompt tokens on models that sell caching
    cache_read: int = 0


@dataclass(frozen=True)
class FittedValue:
    name: str
    observed: float
    default: float
    value: float
    weight: float  # of the observation against the default


@dataclass(frozen=True)
class LearnedCategory:
    category: str
    tasks: int
    runs: int
    calls: int
    values: dict[str, FittedValue]


class LearnedDefaults:
    """category -> learned values; callable as ``council.workload.DefaultsLookup``."""

    def __init__(self, categories: Mapping[str, LearnedCategory]) -> None:
        self.categories = dict(categories)

    def __call__(self, category: str) -> Mapping[str, Learned]:
        found = self.categories.get(category)
        if found is None:
            return {}
        weight_runs = max(found.runs, 1)
        return {name: Learned(v.value, weight_runs) for name, v in found.values.items()}

    def __bool__(self) -> bool:
        return bool(self.categories)

    def rows(self) -> list[dict[str, Any]]:
        """One row per category and learned number, for tables."""
        return [{"category": c.category, "number": v.name, "observed": v.observed,
                 "built-in default": v.default, "used": v.value, "weight": v.weight,
                 "tasks": c.tasks, "runs": c.runs, "calls": c.calls}
                for c in self.categories.values() for v in c.values.values()]


def _shrink(name: str, observed: float, default: float, n: float) -> FittedValue:
    w = n / (n + PRIOR_RUNS) if n > 0 else 0.0
    return FittedValue(name, observed, default, w * observed + (1 - w) * default, w)


def learned_defaults(db: sqlite_utils.Database, catalog: Any, *,
                     since: str | None = None) -> LearnedDefaults:
    """The defaults refitted from every linked task's records (since a day, if given)."""
    from council.store import load_recommendation

    categories: dict[str, str] = {}
    for task, share_id in task_links(db).items():
        try:
            category = load_recommendation(db, share_id).rec.assessment.category
        except CouncilError:
            continue
        if category in DEFAULTS:
            categories[task] = category
    if not categories:
        return LearnedDefaults({})
    ratios = {m.id: (m.token_ratio, bool(m.prompt_caching)) for m in catalog.models}
    where, args = ("AND day >= ?", [since]) if since else ("", [])
    pools: dict[str, _Pool] = {}
    for task, model_id, calls, prompt, output, read, all_prompt in db.execute(
            f"""SELECT task, model, SUM(calls), SUM(counted_prompt), SUM(counted_output),
                       SUM(cache_read_tokens),
                       SUM(input_tokens + cache_read_tokens + cache_write_tokens)
                FROM usage_daily WHERE task IS NOT NULL AND known {where}
                GROUP BY task, model""", args).fetchall():
        category = categories.get(task)
        if category is None or not calls:
            continue
        ratio, caching = ratios.get(model_id, (1.0, False))  # known: a catalog id
        pool = pools.setdefault(category, _Pool())
        pool.tasks.add(task)
        pool.calls += calls
        pool.prompt_ref += prompt / ratio
        pool.output_ref += output / ratio
        if caching:
            pool.cached_prompt += all_prompt
            pool.cache_read += read
    for task, runs, calls in db.execute(
            f"""SELECT task, SUM(runs), SUM(run_calls) FROM usage_daily_runs
                WHERE task IS NOT NULL {where} GROUP BY task""", args).fetchall():
        category = categories.get(task)
        if category in pools:
            pools[category].runs += runs
            pools[category].runs_calls += calls or 0
    return LearnedDefaults({c: _fit(c, p) for c, p in sorted(pools.items())})


def _fit(category: str, pool: _Pool) -> LearnedCategory:
    d = DEFAULTS[category]
    n = pool.runs if pool.runs else pool.calls / d.calls_per_task
    values: dict[str, FittedValue] = {}
    calls_per_task = float(d.calls_per_task)
    if pool.runs:
        values["calls_per_task"] = _shrink("calls_per_task", pool.runs_calls / pool.runs,
                                           d.calls_per_task, pool.runs)
        calls_per_task = values["calls_per_task"].value
    output = pool.output_ref / pool.calls
    values["output_tokens"] = _shrink("output_tokens", output, d.output_tokens, n)
    history = (max(calls_per_task, 1.0) - 1) / 2 * (output + d.observation_tokens)
    first_prompt = max(pool.prompt_ref / pool.calls - history, pool.prompt_ref / pool.calls / 4)
    values["input_tokens"] = _shrink("input_tokens", first_prompt, d.input_tokens, n)
    if pool.cached_prompt:
        values["prefix_share"] = _shrink("prefix_share", pool.cache_read / pool.cached_prompt,
                                         d.prefix_share, n)
    return LearnedCategory(category, len(pool.tasks), pool.runs, pool.calls, values)
