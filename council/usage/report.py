"""Estimate against actual, per task and per model, over a window of imported usage.

Actual figures come from the stored, priced records. A task's estimate comes from the stored
recommendation it is linked to (``council usage link`` or the ``council.recommendation_id``
its calls carry): the recommended model's cost per call and per task and the workload it
assumed. ``estimate_usd`` is that estimate for the traffic seen: cost per task x runs for
the calls made in known runs (a trace, a session), cost per call x calls for the rest;
``ratio`` is actual over estimate, and a task whose ratio exceeds the chosen factor is
flagged (one whose estimate exceeds the spend by the factor is listed as overestimated).
Cost per month scales the window's spend to 30 days.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import sqlite_utils

from council.errors import CouncilError, InvalidInput
from council.usage.store import ensure_priced, task_links

if TYPE_CHECKING:
    from council.api import Recommendation

DEFAULT_FLAG_FACTOR = 1.5
TOP_TASKS = 10
UNATTRIBUTED = "(unattributed)"


@dataclass
class Totals:
    """Sums over a set of records, and the per-call figures derived from them."""

    records: int = 0
    calls: int = 0  # counted calls (Anthropic's report counts none)
    runs: int = 0  # distinct run ids (traces, sessions)
    run_calls: int = 0  # the calls made inside those runs
    input_tokens: int = 0  # fresh
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    output_tokens: int = 0
    reasoning_tokens: int = 0
    usd: float = 0.0
    unpriced_records: int = 0
    counted_prompt: int = 0  # tokens of the records whose calls are counted, for per-call means
    counted_output: int = 0
    counted_reasoning: int = 0

    def add(self, other: Totals) -> None:
        for name in ("records", "calls", "input_tokens", "cache_read_tokens",
                     "cache_write_tokens", "output_tokens", "reasoning_tokens", "usd",
                     "unpriced_records", "counted_prompt", "counted_output",
                     "counted_reasoning"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def prompt_tokens(self) -> int:
        return self.input_tokens + self.cache_read_tokens + self.cache_write_tokens

    @property
    def input_per_call(self) -> float | None:
        return self.counted_prompt / self.calls if self.calls else None

    @property
    def output_per_call(self) -> float | None:
        return self.counted_output / self.calls if self.calls else None

    @property
    def reasoning_per_call(self) -> float | None:
        return self.counted_reasoning / self.calls if self.calls else None

    @property
    def cache_hit_rate(self) -> float | None:
        return self.cache_read_tokens / self.prompt_tokens if self.prompt_tokens else None

    @property
    def calls_per_run(self) -> float | None:
        return self.calls / self.runs if self.runs and self.calls else None

    @property
    def usd_per_run(self) -> float | None:
        return self.usd / self.runs if self.runs else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("counted_prompt", "counted_output", "counted_reasoning", "run_calls"):
            data.pop(name)
        data.update(prompt_tokens=self.prompt_tokens, input_per_call=self.input_per_call,
                    output_per_call=self.output_per_call,
                    reasoning_per_call=self.reasoning_per_call,
                    cache_hit_rate=self.cache_hit_rate, calls_per_run=self.calls_per_run,
                    usd_per_run=self.usd_per_run)
        return data


@dataclass(frozen=True)
class Estimate:
    """What the linked recommendation expected of one run of the task."""

    share_id: str
    model_id: str | None
    category: str | None
    per_call: float | None
    per_task: float | None
    per_month: float | None
    input_tokens: float | None
    output_tokens: float | None
    calls_per_task: float | None
    cache_hit_rate: float | None
    reasoning_tokens: float | None
    runs_per_month: float | None

    @classmethod
    def from_rec(cls, share_id: str, rec: Recommendation) -> Estimate:
        pick = rec.recommended
        cost = pick.cost if pick is not None else None
        a = rec.assumptions
        prefix, inp = _num(a.get("cached_prefix_tokens")), _num(a.get("input_tokens"))
        return cls(
            share_id=share_id, model_id=pick.model_id if pick is not None else None,
            category=rec.assessment.category,
            per_call=cost.per_call if cost else None, per_task=cost.per_task if cost else None,
            per_month=cost.per_month if cost else None, input_tokens=inp,
            output_tokens=_num(a.get("output_tokens")),
            calls_per_task=_num(a.get("calls_per_task")),
            cache_hit_rate=(prefix / inp if prefix is not None and inp else None),
            reasoning_tokens=_num(a.get("reasoning_tokens")),
            runs_per_month=_num(a.get("runs_per_month")))


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


@dataclass
class ModelRow:
    model: str  # the catalog id, or the name as imported when the catalog does not know it
    known: bool
    totals: Totals = field(default_factory=Totals)


@dataclass
class TaskRow:
    task: str
    totals: Totals = field(default_factory=Totals)
    models: dict[str, Totals] = field(default_factory=dict)
    estimate: Estimate | None = None
    estimate_note: str | None = None
    per_month: float = 0.0

    @property
    def estimate_usd(self) -> float | None:
        """The estimate for the traffic seen: per task x runs for the calls made in known runs,
        per call x calls for the others."""
        e, t = self.estimate, self.totals
        if e is None or e.per_task is None or e.per_call is None:
            return None
        loose = max(t.calls - t.run_calls, 0)
        if not t.runs and not loose:
            return None
        return e.per_task * t.runs + e.per_call * loose

    @property
    def ratio(self) -> float | None:
        est = self.estimate_usd
        return self.totals.usd / est if est else None

    def off_by(self, factor: float) -> str | None:
        """"over" when the spend exceeds the estimate by more than ``factor``, "under" when
        the estimate exceeds the spend by as much (a budget held for nothing), else None."""
        if self.ratio is None:
            return None
        return "over" if self.ratio > factor else "under" if self.ratio < 1 / factor else None

    @property
    def ran_on(self) -> list[str]:
        """The models the task's calls ran on, the costliest first."""
        return [m for m, _t in sorted(self.models.items(), key=lambda kv: (-kv[1].usd, kv[0]))]

    def models_apart(self) -> str | None:
        """When the estimate priced another model than the calls used, which each was: an
        estimate for one model set against the bill of another is not a wrong estimate."""
        pick = self.estimate.model_id if self.estimate else None
        if pick is None or self.ran_on == [pick]:
            return None
        return f"the estimate priced {pick}; the calls ran on {', '.join(self.ran_on)}"


@dataclass(frozen=True)
class UnknownModel:
    name: str
    records: int
    calls: int
    tokens: int


@dataclass
class Report:
    since: date | None
    first_day: date | None
    last_day: date | None
    days: int
    flag_factor: float
    catalog_version: str
    total: Totals
    by_model: dict[str, ModelRow]
    by_task: dict[str, TaskRow]
    unattributed: Totals
    unknown_models: list[UnknownModel]
    daily: list[tuple[str, str, float]]  # (day, model, usd)
    repriced: int = 0

    @property
    def total_usd(self) -> float:
        return self.total.usd

    @property
    def per_month(self) -> float:
        return self.total.usd * 30 / self.days if self.days else 0.0

    @property
    def costliest(self) -> list[TaskRow]:
        rows = sorted(self.by_task.values(), key=lambda r: (-r.totals.usd, r.task))
        return rows[:TOP_TASKS]

    @property
    def flagged(self) -> list[TaskRow]:
        return [r for r in self.costliest_all if r.off_by(self.flag_factor) == "over"]

    @property
    def overestimated(self) -> list[TaskRow]:
        """Tasks whose estimate exceeds the spend by more than the factor: unflagged until QA
        round 16 (an estimate 6.5 times the spend said nothing)."""
        return [r for r in self.costliest_all if r.off_by(self.flag_factor) == "under"]

    @property
    def costliest_all(self) -> list[TaskRow]:
        return sorted(self.by_task.values(), key=lambda r: (-r.totals.usd, r.task))

    def to_dict(self) -> dict[str, Any]:
        def model_entry(row: ModelRow) -> dict[str, Any]:
            t = row.totals
            return {"calls": t.calls, "input_tokens": t.input_tokens,
                    "output_tokens": t.output_tokens, "cache_read_tokens": t.cache_read_tokens,
                    "cache_write_tokens": t.cache_write_tokens,
                    "reasoning_tokens": t.reasoning_tokens, "usd": t.usd, "known": row.known,
                    "records": t.records, "cache_hit_rate": t.cache_hit_rate,
                    "input_per_call": t.input_per_call, "output_per_call": t.output_per_call}

        def task_entry(row: TaskRow) -> dict[str, Any]:
            t, e = row.totals, row.estimate
            return {"calls": t.calls, "usd": t.usd, "estimate_usd": row.estimate_usd,
                    "ratio": row.ratio,
                    "flagged": row.off_by(self.flag_factor) == "over",
                    "off_by": row.off_by(self.flag_factor), "ran_on": row.ran_on,
                    "runs": t.runs, "usd_per_run": t.usd_per_run, "per_month": row.per_month,
                    "actual": t.to_dict(), "estimate": asdict(e) if e else None,
                    "estimate_note": row.estimate_note,
                    "models": {m: tt.usd for m, tt in sorted(row.models.items())}}

        return {
            "since": self.since.isoformat() if self.since else None,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "days": self.days, "catalog_version": self.catalog_version,
            "total_usd": self.total.usd, "per_month_usd": self.per_month,
            "total": self.total.to_dict(),
            "by_model": {k: model_entry(v) for k, v in sorted(self.by_model.items())},
            "by_task": {k: task_entry(v) for k, v in sorted(self.by_task.items())},
            "unattributed": self.unattributed.to_dict(),
            "costliest_tasks": [r.task for r in self.costliest],
            "flag_factor": self.flag_factor,
            "flagged_tasks": [r.task for r in self.flagged],
            "overestimated_tasks": [r.task for r in self.overestimated],
            "unknown_models": [asdict(u) for u in self.unknown_models],
            "daily": [{"day": d, "model": m, "usd": u} for d, m, u in self.daily],
        }


_SUMS = """
    SUM(records), SUM(calls), SUM(input_tokens), SUM(cache_read_tokens),
    SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(usd),
    SUM(unpriced), SUM(counted_prompt), SUM(counted_output), SUM(counted_reasoning)
"""


def _totals(values: tuple[Any, ...]) -> Totals:
    (records, calls, fresh, read, write, out, reasoning, usd, unpriced, c_prompt, c_out,
     c_reason) = values
    return Totals(records=records, calls=calls, input_tokens=fresh, cache_read_tokens=read,
                  cache_write_tokens=write, output_tokens=out, reasoning_tokens=reasoning,
                  usd=float(usd), unpriced_records=int(unpriced or 0), counted_prompt=c_prompt,
                  counted_output=c_out, counted_reasoning=c_reason)


def parse_since(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"--since {value!r} is not a date like 2026-11-01") from None


def build_report(db: sqlite_utils.Database, catalog: Any, *, since: str | date | None = None,
                 flag_factor: float = DEFAULT_FLAG_FACTOR) -> Report:
    """Everything the Usage page and ``council usage report`` show, for records since a date."""
    since = parse_since(since)
    if not flag_factor > 0:
        raise InvalidInput("the flag factor must be a number above 0, e.g. 1.5")
    repriced = ensure_priced(db, catalog)
    where, args = ("WHERE day >= ?", [since.isoformat()]) if since else ("", [])
    rows = db.execute(f"SELECT task, model, known, {_SUMS} FROM usage_daily {where} "
                      "GROUP BY task, model, known", args).fetchall()
    total, unattributed = Totals(), Totals()
    by_model: dict[str, ModelRow] = {}
    by_task: dict[str, TaskRow] = {}
    for task, model, known, *sums in rows:
        t = _totals(tuple(sums))
        total.add(t)
        by_model.setdefault(model, ModelRow(model, bool(known))).totals.add(t)
        if task is None:
            unattributed.add(t)
            continue
        row = by_task.setdefault(task, TaskRow(task))
        row.totals.add(t)
        row.models.setdefault(model, Totals()).add(t)
    for task, runs, run_calls in db.execute(
            f"SELECT task, SUM(runs), SUM(run_calls) FROM usage_daily_runs {where} "
            "GROUP BY task", args).fetchall():
        target = by_task[task].totals if task in by_task else unattributed
        target.runs, target.run_calls = runs, run_calls
    total.runs = sum(r.totals.runs for r in by_task.values()) + unattributed.runs
    first, last = db.execute(f"SELECT MIN(day), MAX(day) FROM usage_daily {where}",
                             args).fetchone()
    first_day = date.fromisoformat(first) if first else None
    last_day = date.fromisoformat(last) if last else None
    start = since or first_day
    days = (last_day - start).days + 1 if start and last_day and last_day >= start else 0
    for row in by_task.values():
        row.per_month = row.totals.usd * 30 / days if days else 0.0
    _attach_estimates(db, by_task)
    unknown = [UnknownModel(name, n, calls or 0, tokens or 0) for name, n, calls, tokens in
               db.execute(
                   f"SELECT model, SUM(records), SUM(calls), SUM(input_tokens + "
                   f"cache_read_tokens + cache_write_tokens + output_tokens + reasoning_tokens) "
                   f"FROM usage_daily {where} {'AND' if where else 'WHERE'} NOT known "
                   "GROUP BY model ORDER BY SUM(records) DESC, model", args).fetchall()]
    daily = [(d, m, float(u or 0)) for d, m, u in db.execute(
        f"SELECT day, model, SUM(usd) FROM usage_daily {where} GROUP BY day, model "
        "ORDER BY day, model", args).fetchall()]
    return Report(since=since, first_day=first_day, last_day=last_day, days=days,
                  flag_factor=flag_factor, catalog_version=catalog.version, total=total,
                  by_model=by_model, by_task=by_task, unattributed=unattributed,
                  unknown_models=unknown, daily=daily, repriced=repriced)


def _attach_estimates(db: sqlite_utils.Database, by_task: dict[str, TaskRow]) -> None:
    from council.store import load_recommendation

    links = task_links(db)
    for task, row in by_task.items():
        share_id = links.get(task)
        if share_id is None:
            continue
        try:
            stored = load_recommendation(db, share_id)
        except CouncilError as exc:
            row.estimate_note = f"linked recommendation {share_id}: {exc}"
            continue
        row.estimate = Estimate.from_rec(share_id, stored.rec)
        if row.estimate.per_task is None:
            row.estimate_note = f"recommendation {share_id} recommended no model"


def window(days: int, today: date | None = None) -> date:
    """The first day of the last ``days`` days."""
    return (today or date.today()) - timedelta(days=days - 1)


@dataclass(frozen=True)
class LinkedSpend:
    """What the tasks linked to recommendations really cost, beside what their answers
    estimated: History's saving is a sum of estimates (QA round 16, finding 14)."""

    tasks: tuple[str, ...]
    recommendations: tuple[str, ...]
    actual_usd: float
    days: int
    actual_per_month: float
    estimate_per_month: float | None  # None when no linked answer gives one
    models: tuple[str, ...]  # what the calls ran on, costliest first


def linked_spend(report: Report) -> LinkedSpend | None:
    """The linked tasks' actual spend, or None when no task is linked to a recommendation."""
    rows = sorted((r for r in report.by_task.values() if r.estimate is not None),
                  key=lambda r: (-r.totals.usd, r.task))
    if not rows:
        return None
    estimates = [r.estimate.per_month for r in rows
                 if r.estimate is not None and r.estimate.per_month is not None]
    spent: dict[str, float] = {}
    for r in rows:
        for model, totals in r.models.items():
            spent[model] = spent.get(model, 0.0) + totals.usd
    return LinkedSpend(
        tasks=tuple(r.task for r in rows),
        recommendations=tuple(dict.fromkeys(r.estimate.share_id for r in rows if r.estimate)),
        actual_usd=sum(r.totals.usd for r in rows), days=report.days,
        actual_per_month=sum(r.per_month for r in rows),
        estimate_per_month=sum(estimates) if estimates else None,
        models=tuple(m for m, _u in sorted(spent.items(), key=lambda kv: (-kv[1], kv[0]))))
