"""The typed readings: a monthly budget, a limit a call or a task, and the whole money reading."""

from __future__ import annotations

from dataclasses import dataclass

from council.failure_cost import FailureRead
from council.format import money


@dataclass(frozen=True)
class BudgetRead:
    """A monthly budget the words name."""

    usd_per_month: float
    words: str
    how: str = ""  # how a yearly or foreign figure became dollars a month
    # "at most $800 a month", "höchstens 800 €": a limit to stay under, not a sum to spend
    ceiling: bool = False


@dataclass(frozen=True)
class UnitBudgetRead:
    """A limit a call or a task ("under a cent a call", "$2 per 1,000 tickets"): a month's
    ceiling once the workload's calls and runs are known (``monthly``)."""

    usd: float  # dollars a call or a task
    per_call: bool  # a model call ("a call", "per request"), else a task ("per ticket")
    words: str
    how: str = ""  # a currency conversion, "per 1,000"

    def monthly(self, runs_per_month: float, calls_per_task: int) -> BudgetRead:
        """The month's ceiling: the figure a task (a call's x the calls a task) x the runs."""
        calls = calls_per_task if self.per_call else 1
        usd = self.usd * calls * runs_per_month
        per = "a call" if self.per_call else "a task"
        sums = f"{money(self.usd)} {per}" + (f" x {calls:,} calls a task" if calls > 1 else "")
        how = "; ".join(filter(None, (self.how, f"{sums} x {runs_per_month:,.0f} tasks a month "
                                                f"= {money(usd)} a month")))
        return BudgetRead(round(usd, 2) if usd >= 0.005 else usd, self.words, how, ceiling=True)


@dataclass(frozen=True)
class MoneyWords:
    failure: FailureRead | None = None
    budget: BudgetRead | None = None
    unread: tuple[str, ...] = ()  # figures not read, and why ("kr" is several currencies)
    unit_budget: UnitBudgetRead | None = None  # a limit a call or a task, when no month's
