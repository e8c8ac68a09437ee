"""The decision rule: the least expected cost of getting the task done.

    expected cost per task = price of the calls + P(failure) x cost of a failure

- The pick is the candidate with the least expected cost among those whose P clears the
  floor (the quality bar, optional); ties go to the cheaper, then the more adequate, then
  the id. With a failure cost of 0 this is exactly the cheapest model that clears the bar.
- No dead end: when no candidate clears the floor the answer says so and still acts: the
  most likely model with its honest P, a cascade with verification in front of it, and
  advice to split the task (``BestAction``).
- A cascade (cheap first, a check on its answer, escalate on a detected failure) is priced
  by the same expectation: cheap price + detection + P(cheap fails) x strong price +
  P(strong fails) x failure cost. Failures are assumed nested (a task the strong model
  fails, the cheap one fails too, as one shared difficulty implies), so the cascade
  succeeds exactly as often as the strong model alone.
- A monthly budget instead maximises expected successes within it: the best single model,
  or a mix of the two models on the upper hull of (price, P) that spends the budget
  (``budget_plan``).
- A monthly ceiling ("at most $800 a month") is a limit, not a sum to spend: the same least
  expected cost, among the models whose month fits under it (``within_ceiling``).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from council.errors import BudgetTooLow, InvalidInput
from council.format import at_least, money, shares

MAX_BUDGET_USD = 1_000_000_000.0
CEILING_RULE = "least expected cost under a monthly ceiling"


def expected_cost(price: float, p_success: float, failure_usd: float) -> float:
    """Price plus the chance of failure times what a failure costs."""
    return price + (1.0 - p_success) * failure_usd


def failure_share(p_success: float) -> str:
    """1 - P as a percentage, with a decimal under 10% so that the sum reads true: a 0.4%
    failure times $5 is not '0% x $5.00'."""
    q = 1.0 - p_success
    return f"{q:.1%}" if 0 < q < 0.095 else f"{q:.0%}"


def arithmetic(model_id: str, price: float, p_success: float, failure_usd: float) -> str:
    """'model: $price + 12% x $0.50 = $0.062 expected' (per task)."""
    return (f"{model_id}: {money(price)} + {failure_share(p_success)} x {money(failure_usd)} "
            f"= {money(expected_cost(price, p_success, failure_usd))} expected")


def check_budget(value: float, what: str = "budget") -> float:
    """A finite, positive, not absurd budget in dollars, or InvalidInput naming it."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(f"{what} must be a finite number of dollars, got {value!r}")
    if value <= 0:
        raise InvalidInput(f"{what} {money(value)} must be more than $0")
    if value > MAX_BUDGET_USD:
        raise InvalidInput(f"{what} ${value:,.0f} is more than the ${MAX_BUDGET_USD:,.0f} this "
                           "accepts")
    return float(value)


@dataclass(frozen=True)
class Option:
    """What the rule needs to know of a candidate: its price per task and its P."""

    model_id: str
    price: float
    p: float


def least_expected(options: list[Option], failure_usd: float,
                   floor: float | None) -> Option | None:
    """The rule: least expected cost among the options whose P clears the floor."""
    ok = [o for o in options if floor is None or o.p >= floor]
    if not ok:
        return None
    return min(ok, key=lambda o: (expected_cost(o.price, o.p, failure_usd), o.price, -o.p,
                                  o.model_id))


@dataclass
class MixPart:
    model_id: str
    share: float  # of the month's tasks
    tasks_per_month: float
    cost_per_month: float
    p_adequate: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BudgetPlan:
    """The best expected successes a monthly budget buys: one model or a mix of two."""

    budget_per_month: float
    runs_per_month: float
    parts: list[MixPart]
    spend_per_month: float
    expected_successes_per_month: float
    expected_success_rate: float
    note: str  # a noun phrase: it follows "come from" and "Budget $X a month:"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "parts": [p.to_dict() for p in self.parts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BudgetPlan:
        return cls(**{**data, "parts": [MixPart(**p) for p in data["parts"]]})


def upper_hull(options: list[Option]) -> list[Option]:
    """The options on the upper concave hull of (price, P), by increasing price: the only
    ones a budget-maximising mix ever uses."""
    pts: list[Option] = []
    for o in sorted(options, key=lambda o: (o.price, -o.p, o.model_id)):
        if pts and o.p <= pts[-1].p:
            continue  # dearer and no better
        while len(pts) >= 2:
            a, b = pts[-2], pts[-1]
            # drop b when it lies on or under the segment a-o
            if (b.p - a.p) * (o.price - a.price) <= (o.p - a.p) * (b.price - a.price):
                pts.pop()
            else:
                break
        pts.append(o)
    return pts


def budget_plan(options: list[Option], budget_per_month: float,
                runs_per_month: float) -> BudgetPlan:
    """Maximise expected successes a month with every task done, spending at most the budget.

    Per task the budget allows ``b = budget / runs``. If the most adequate model fits, it
    alone; else the two neighbouring hull points around ``b``, the dearer one on the share
    of tasks the budget pays for. A budget below the cheapest model's cost is InvalidInput.
    """
    budget_per_month = check_budget(budget_per_month, "monthly budget")
    per_task = budget_per_month / runs_per_month
    hull = upper_hull(options) if options else []
    low = _affordable(hull, budget_per_month, runs_per_month, "monthly budget")[-1]
    mix: list[tuple[Option, float]] = [(low, 1.0)]
    if low is not hull[-1]:
        high = hull[hull.index(low) + 1]
        share = (per_task - low.price) / (high.price - low.price)
        if share > 1e-9:
            mix = [(low, 1.0 - share), (high, share)]
    parts = [MixPart(o.model_id, s, s * runs_per_month, s * runs_per_month * o.price, o.p)
             for o, s in mix]
    successes = sum(p.tasks_per_month * p.p_adequate for p in parts)
    # a two-model mix spends the budget exactly; its float sum can land 1e-14 over it
    spend = min(sum(p.cost_per_month for p in parts), budget_per_month)
    if len(parts) == 2:
        note = (f"sending {shares([p.share for p in parts])[1]} of the tasks to "
                f"{parts[1].model_id} and the rest "
                f"to {parts[0].model_id}, more than any single model the budget affords")
    elif low is hull[-1]:
        note = f"{low.model_id} alone, the most adequate model, which fits within the budget"
    else:
        note = f"{low.model_id} alone, the most adequate model the budget affords"
    return BudgetPlan(budget_per_month, runs_per_month, parts, spend, successes,
                      successes / runs_per_month, note)


def budget_for_rate(options: list[Option], rate: float, runs_per_month: float) -> float | None:
    """The least monthly budget whose plan (``budget_plan``) expects a success rate of at
    least ``rate``, rounded up to the figure shown so that typing it back works; None when
    even the most adequate model is under it (no budget reaches it)."""
    hull = upper_hull(options) if options else []
    i = next((i for i, o in enumerate(hull) if o.p >= rate), None)
    if i is None:
        return None
    per_task = hull[0].price
    if i > 0:
        lo, hi = hull[i - 1], hull[i]
        per_task = lo.price + (rate - lo.p) / (hi.p - lo.p) * (hi.price - lo.price)
    return at_least(per_task * runs_per_month)


def within_ceiling(options: list[Option], ceiling_per_month: float,
                   runs_per_month: float) -> list[Option]:
    """The options whose month of tasks costs at most the ceiling; BudgetTooLow when none."""
    ceiling_per_month = check_budget(ceiling_per_month, "monthly ceiling")
    return _affordable(options, ceiling_per_month, runs_per_month, "monthly ceiling")


def under_limit(per_month: float, limit_per_month: float) -> bool:
    """Whether a month of tasks fits under a budget or ceiling (a float hair over still fits:
    a plan that spends the budget exactly can sum to 1e-14 over it)."""
    return per_month <= limit_per_month * (1 + 1e-12)


def _affordable(options: list[Option], limit_per_month: float, runs_per_month: float,
                what: str) -> list[Option]:
    """The options (in their order) whose month fits under the limit; BudgetTooLow naming
    the least that works when none does."""
    if not options:
        raise InvalidInput("no model meets the task's constraints, so no budget can buy it")
    fits = [o for o in options if under_limit(o.price * runs_per_month, limit_per_month)]
    if not fits:
        cheapest = min(options, key=lambda o: (o.price, o.model_id))
        raise BudgetTooLow(
            what, limit_per_month, cheapest.price * runs_per_month,
            f"for this workload ({cheapest.model_id}, {runs_per_month:,.0f} tasks a month; "
            "or lower the volume)", unit=" a month")
    return fits


@dataclass
class BestAction:
    """What to do when no model clears the floor: never an empty answer."""

    model_id: str
    p_adequate: float
    expected_per_task: float
    cascade_cheap: str | None
    cascade_expected_per_task: float | None
    text: str
    # the least expected cost of all, when it is not the most likely model
    cheaper_model: str | None = None
    cheaper_expected_per_task: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Decision:
    """How the pick was made: the rule, the failure cost it used and the arithmetic."""

    rule: str  # "least expected cost" | "monthly budget" | CEILING_RULE
    failure_cost_usd: float
    failure_cost_source: str
    failure_cost_why: str
    detection_cost_usd: float
    floor: float | None
    floor_met: bool
    arithmetic: list[str] = field(default_factory=list)
    best_action: BestAction | None = None
    budget: BudgetPlan | None = None
    # "at most $X a month": the pick is the least expected cost among the models under it
    ceiling_usd_per_month: float | None = None
    over_ceiling: int = 0  # models that met the constraints but cost more than the ceiling

    def exceeds_ceiling(self, per_month: float) -> bool:
        """Whether a month at ``per_month`` is over this decision's ceiling (never, without
        one): the one test the pick, its alternatives and a cascade are held to."""
        return (self.ceiling_usd_per_month is not None
                and not under_limit(per_month, self.ceiling_usd_per_month))

    def to_dict(self) -> dict[str, Any]:
        data = {**asdict(self),
                "best_action": self.best_action.to_dict() if self.best_action else None,
                "budget": self.budget.to_dict() if self.budget else None}
        if self.ceiling_usd_per_month is None:  # an answer with no ceiling keeps its bytes
            del data["ceiling_usd_per_month"], data["over_ceiling"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        best, budget = data.get("best_action"), data.get("budget")
        return cls(**{**data, "best_action": BestAction(**best) if best else None,
                      "budget": BudgetPlan.from_dict(budget) if budget else None})


def arithmetic_lines(options: list[Option], chosen: Option, failure_usd: float,
                     limit: int = 4, floor: float | None = None) -> list[str]:
    """The pick's expected-cost sum beside the rivals a user would weigh it against, by
    price: the cheapest over the floor (the pick with no failure cost), the best cheaper one
    (``best_cheaper``), the most adequate, the runner-up. A rival under the floor says so,
    since it could not be picked whatever it costs. When none clears the floor all are
    eligible, and every line under it says so, the pick's too."""
    eligible = [o for o in options if floor is None or o.p >= floor] or options

    def key(o: Option) -> tuple[float, float, float, str]:
        return (expected_cost(o.price, o.p, failure_usd), o.price, -o.p, o.model_id)

    rivals = [
        min(eligible, key=lambda o: (o.price, -o.p, o.model_id)),
        best_cheaper(eligible, chosen, failure_usd) or chosen,
        max(options, key=lambda o: (o.p, -o.price, o.model_id)),
        min((o for o in eligible if o is not chosen), key=key, default=chosen),
    ]
    shown = [chosen, *(o for o in dict.fromkeys(rivals) if o is not chosen)][:limit]
    shown.sort(key=lambda o: (o.price, o.model_id))
    none_clear = floor is not None and not any(o.p >= floor for o in options)
    return [arithmetic(o.model_id, o.price, o.p, failure_usd)
            + (f" (under the {floor:.0%} floor)" if floor is not None and o.p < floor
               and (o is not chosen or none_clear) else "") for o in shown]


def best_cheaper(options: list[Option], chosen: Option, failure_usd: float) -> Option | None:
    """The cheaper option with the least expected cost: what a dearer pick is weighed
    against (``break_even``)."""
    cheaper = [o for o in options if o.price < chosen.price]
    return min(cheaper, key=lambda o: (expected_cost(o.price, o.p, failure_usd), o.price,
                                       o.model_id), default=None)


def break_even(chosen: Option, rival: Option) -> float | None:
    """The failure cost at which ``chosen`` and the cheaper, less adequate ``rival`` expect
    the same: the extra price over the failures it avoids (None unless dearer and better)."""
    gap, extra = chosen.p - rival.p, chosen.price - rival.price
    return extra / gap if gap > 0 and extra > 0 else None
