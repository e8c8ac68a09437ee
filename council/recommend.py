"""Selection: the least expected cost among models that meet every hard constraint.

Rules (docs/recommendation.md):
- Hard constraints: status active or preview (deprecated and retired models are not
  recommended; the reason names a deprecated model's shutdown date), not past its shutdown
  date (a note warns within 30 days of it; see council.catalog.availability), a prompt
  within any input limit, allowed providers, required capabilities, the minimum context,
  and the workload fitting the window (largest call's input + history + output +
  reasoning) and the max output.
- Going away: a model that shuts down within 30 days stays listed and priced but is not
  picked, nor offered as an alternative or a cascade stage, when a model that stays
  available clears the same floor; only when none does is it picked, with the date, the
  successor the catalog names and the reason in its notes.
- The pick: among models meeting every constraint whose P(adequate) clears the floor (the
  quality bar; "none" has none), the least expected cost per month, price + P(failure) x the
  cost of a failure (council.decision); ties go to the cheaper, the more adequate, the id.
  With a failure cost of 0 that is the cheapest model over the bar, the rule before it.
- No dead end: when no candidate clears the floor, the most adequate one is recommended with
  its honest P, `no_fit` says the floor is not met, and `decision.best_action` adds a cascade
  with verification and the advice to split the task.
- A monthly budget picks the model, or the mix of two, with the most expected successes.
- Pareto frontier: candidates no other candidate beats on both cost and adequacy.
- Alternatives: the frontier point just below the pick (cheaper, riskier) and just above it
  (dearer, safer).
- Cascade: try a cheaper model first, check its answer (at the detection cost) and escalate
  to the pick on a failure, which happens with probability 1 - P(cheap adequate); the cheap
  model minimising expected cost is chosen.
- No pick: say why (no model fits the constraints, or none reaches the bar) and list the
  closest options.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from council.adequacy import Adequacy
from council.catalog.availability import (
    availability_problems,
    catalog_notes,
    leaving_soon,
    leaving_words,
    successor_words,
)
from council.costing import Cost, chosen_cost, variants, why_not_cached
from council.decision import (
    CEILING_RULE,
    BestAction,
    BudgetPlan,
    Decision,
    Option,
    arithmetic_lines,
    budget_for_rate,
    budget_plan,
    expected_cost,
    failure_share,
    least_expected,
    under_limit,
    within_ceiling,
)
from council.failure_cost import FailureCost
from council.format import money, money_apart, percent_against, percent_beside, percents_apart
from council.task import TaskSpec
from council.workload import Workload, fits, period_words

if TYPE_CHECKING:
    from council.catalog.model import Catalog
    from council.catalog.schema import ModelEntry

RECOMMENDABLE_STATUS = frozenset({"active", "preview"})


@dataclass
class Candidate:
    """One model priced on the workload, with its adequacy and where that came from."""

    model_id: str
    name: str
    provider: str
    p_adequate: float
    adequacy_source: str
    cost: Cost
    meets_bar: bool = False
    pareto: bool = False
    notes: list[str] = field(default_factory=list)
    variants: dict[str, Cost] = field(default_factory=dict)
    expected_per_task: float | None = None  # price + P(failure) x failure cost
    expected_per_month: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cost"] = self.cost.to_dict()
        data["variants"] = {k: v.to_dict() for k, v in self.variants.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidate:
        fields = dict(data)
        fields["cost"] = Cost.from_dict(fields["cost"])
        fields["variants"] = {k: Cost.from_dict(v) for k, v in fields.get("variants", {}).items()}
        return cls(**fields)


@dataclass
class Excluded:
    """A model that fails a hard constraint, and every reason it does."""

    model_id: str
    provider: str
    reasons: list[str]
    p_adequate: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Alternative:
    role: str  # "cheaper_riskier" | "safer_dearer" | "closest"
    model_id: str
    p_adequate: float
    cost: Cost
    why: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cost"] = self.cost.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alternative:
        return cls(**{**data, "cost": Cost.from_dict(data["cost"])})


@dataclass
class Cascade:
    """Cheap model first, escalate to the strong one when the cheap answer is not adequate."""

    cheap: str
    strong: str
    p_cheap: float
    escalation_rate: float
    expected_per_task: float
    expected_per_month: float
    strong_only_per_month: float
    saving_per_month: float
    worth_it: bool
    note: str
    detection_cost_per_task: float = 0.0
    p_success: float | None = None  # the cascade's: the strong model's, failures nested
    expected_cost_per_task: float | None = None  # spend + P(failure) x failure cost
    arithmetic: str = ""  # the per-task sum: cheap + check + P(escalate) x strong + failures

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Selection:
    recommended: Candidate | None
    candidates: list[Candidate]
    excluded: list[Excluded]
    alternatives: list[Alternative]
    default: Candidate
    cascade: Cascade | None
    no_fit: str | None
    decision: Decision | None = None


def constraint_problems(model: ModelEntry, spec: TaskSpec, workload: Workload) -> list[str]:
    """Every hard constraint the model fails, in words."""
    problems: list[str] = []
    if model.status not in RECOMMENDABLE_STATUS:
        when = (f" (shutdown date {model.shutdown_date.isoformat()}; {successor_words(model)})"
                if model.status == "deprecated" and model.shutdown_date is not None else "")
        problems.append(f"{model.status}: not recommended for new work{when}")
    if spec.providers and model.provider not in spec.providers:
        problems.append(f"provider {model.provider} is not among yours "
                        f"({', '.join(spec.providers)})")
    for need in sorted(spec.needs):
        if not model.has(need):
            problems.append(f"no {need.replace('_', ' ')} support")
    if spec.min_context is not None and model.context_window < spec.min_context:
        problems.append(f"context window {model.context_window:,} is below the required "
                        f"{spec.min_context:,}")
    problems.extend(fits(model, workload))
    return problems


def price_candidate(model: ModelEntry, adequacy: Adequacy, workload: Workload, *, batch: bool,
                    bar: float, today: date | None = None) -> Candidate:
    today = today or date.today()
    cost, notes = chosen_cost(model, workload, batch=batch, on=today)
    notes.extend(model_notes(model, today))
    return Candidate(model_id=model.id, name=model.name, provider=model.provider,
                     p_adequate=adequacy.p, adequacy_source=adequacy.source, cost=cost,
                     meets_bar=adequacy.p >= bar, notes=notes)


def _price_modes(pick: Candidate, model: ModelEntry, workload: Workload, today: date) -> None:
    """The pick priced in each mode it can use, with a note when caching does not apply."""
    pick.variants = variants(model, workload, on=today)
    reason = why_not_cached(model, workload)
    if reason is not None:
        pick.notes.append(f"no cached-prefix price: {reason}")


# model id -> (the entry, the day, its notes): a recommendation notes every candidate, and the
# notes depend on the entry and the day alone. A new catalog version (another entry object)
# or another day replaces the kept notes.
_NOTES: dict[str, tuple[ModelEntry, date, tuple[str, ...]]] = {}


def model_notes(model: ModelEntry, today: date) -> tuple[str, ...]:
    """A candidate's notes that do not depend on the task: a stale price, a near shutdown,
    peak-hour rates."""
    kept = _NOTES.get(model.id)
    if kept is not None and kept[0] is model and kept[1] == today:
        return kept[2]
    notes = (*stale_price_notes(model, today), *price_change_notes(model, today),
             *catalog_notes(model, today))
    _NOTES[model.id] = (model, today, notes)
    return notes


def stale_price_notes(model: ModelEntry, today: date) -> list[str]:
    """A note when the price in force was verified more than STALE_AFTER_DAYS before today."""
    from council.catalog.schema import STALE_AFTER_DAYS

    if not model.is_stale(today):
        return []
    verified = model.price_in_force(today).verified
    return [f"{model.id}'s price was last verified {verified.isoformat()} "
            f"({(today - verified).days} days ago; stale after {STALE_AFTER_DAYS}): check it "
            "before relying on the cost"]


def price_change_notes(model: ModelEntry, today: date) -> list[str]:
    """A note when a dated price row starts after today: the cost is priced at today's row,
    and the change is the provider's announcement, not yet in force."""
    nxt = model.next_price(today)
    if nxt is None:
        return []
    now = model.price_in_force(today)
    return [f"{model.id}'s price changes on {nxt.effective_from.isoformat()} to "
            f"{money(nxt.input)} / {money(nxt.output)} per million input / output tokens "
            f"(today {money(now.input)} / {money(now.output)}): the cost shown is today's, "
            "and holds until then"]


def mark_pareto(candidates: list[Candidate]) -> list[Candidate]:
    """Flag the frontier: sorted by cost, each point more adequate than everything cheaper."""
    best = -1.0
    frontier = []
    for c in sorted(candidates, key=lambda c: (c.cost.per_month, -c.p_adequate, c.model_id)):
        c.pareto = c.p_adequate > best
        if c.pareto:
            best = c.p_adequate
            frontier.append(c)
    return frontier


def best_cascade(candidates: list[Candidate], strong: Candidate,
                 failure: FailureCost | None = None) -> Cascade | None:
    """The cheap first stage minimising expected cost per task in front of ``strong``.

    Spend per task: cheap price + the check on its answer + P(cheap fails) x strong price.
    Failures are taken as nested (the strong model fails only tasks the cheap one fails), so
    the cascade succeeds as often as ``strong`` and its expected cost adds
    P(strong fails) x the failure cost. None when the words say no check can catch a failure.
    """
    cheaper = [c for c in candidates if c.cost.per_task < strong.cost.per_task]
    if not cheaper or (failure is not None and failure.no_check):
        return None  # "nobody can tell a wrong answer": nothing to escalate on
    detect = failure.detection_usd if failure else 0.0
    f_usd = failure.failure_usd if failure else 0.0

    def spend(c: Candidate) -> float:
        return c.cost.per_task + detect + (1.0 - c.p_adequate) * strong.cost.per_task

    cheap = min(cheaper, key=lambda c: (spend(c), c.model_id))
    per_task = spend(cheap)
    runs = strong.cost.per_month / strong.cost.per_task if strong.cost.per_task else 0.0
    per_month = per_task * runs
    saving = strong.cost.per_month - per_month
    check = (f"a check on each cheap answer that costs {money(detect)} a task (tests, a "
             "validator, a person's glance) and catches its failures"
             if detect else "a failed answer is detected (tests, a validator, a schema check) "
                            "at no cost")
    expected = expected_cost(per_task, strong.p_adequate, f_usd)
    arithmetic = (f"{money(cheap.cost.per_task)} ({cheap.model_id}) + {money(detect)} check + "
                  f"{failure_share(cheap.p_adequate)} x {money(strong.cost.per_task)} "
                  f"({strong.model_id}) = {money(per_task)} a task"
                  + (f"; + {failure_share(strong.p_adequate)} x {money(f_usd)} failures = "
                     f"{money(expected)} expected" if f_usd else ""))
    return Cascade(
        cheap=cheap.model_id, strong=strong.model_id, p_cheap=cheap.p_adequate,
        escalation_rate=1.0 - cheap.p_adequate, expected_per_task=per_task,
        expected_per_month=per_month, strong_only_per_month=strong.cost.per_month,
        saving_per_month=saving, worth_it=saving > 0,
        note=(f"assumes {check}, the escalated share costs what the strong model costs on "
              "average, and the strong model fails only tasks the cheap one fails too"),
        detection_cost_per_task=detect, p_success=strong.p_adequate,
        expected_cost_per_task=expected, arithmetic=arithmetic,
    )


def _no_fit_reason(excluded: list[Excluded], total: int) -> str:
    """The constraints that ruled the current models out, most common first.

    Deprecated and retired models are never recommended whatever the task, so they are
    counted apart: listing "deprecated" first would hide the user's own constraint.
    """
    def retired(e: Excluded) -> bool:
        return any(r.startswith(("deprecated", "retired")) for r in e.reasons)

    current = [e for e in excluded if not retired(e)]
    counts = Counter("workload too large for the context window"
                     if "context window" in r and "largest call" in r
                     else "provider not among yours" if r.startswith("provider ")
                     else r
                     for e in current for r in e.reasons)
    n_current = total - (len(excluded) - len(current))
    common = "; ".join(f"{reason} ({n} of {n_current})" for reason, n in counts.most_common(4))
    text = "No model meets every hard constraint."
    if common:
        text += f" Among the {n_current} current models: {common}."
    if len(current) < len(excluded):
        text += (f" ({len(excluded) - len(current)} deprecated or retired models are never "
                 "recommended.)")
    return text


def _option(c: Candidate) -> Option:
    return Option(c.model_id, c.cost.per_task, c.p_adequate)


def _choose(candidates: list[Candidate], failure: FailureCost, floor: float | None,
            spec: TaskSpec, workload: Workload) -> tuple[Candidate | None, Decision]:
    """The pick by least expected cost over the floor (or by the monthly budget), and how."""
    by_id = {c.model_id: c for c in candidates}
    options = [_option(c) for c in candidates]
    decision = Decision(rule="least expected cost", failure_cost_usd=failure.failure_usd,
                        failure_cost_source=failure.source, failure_cost_why=failure.why,
                        detection_cost_usd=failure.detection_usd, floor=floor, floor_met=False)
    if not candidates:
        return None, decision
    if spec.budget_usd_per_month is not None and spec.budget_ceiling:
        fits = within_ceiling(options, spec.budget_usd_per_month, workload.runs_per_month)
        decision.rule, decision.ceiling_usd_per_month = CEILING_RULE, spec.budget_usd_per_month
        decision.over_ceiling = len(options) - len(fits)
        options = fits
    elif spec.budget_usd_per_month is not None:
        plan = budget_plan(options, spec.budget_usd_per_month, workload.runs_per_month)
        decision.rule, decision.budget = "monthly budget", plan
        main = max(plan.parts, key=lambda p: (p.share, p.p_adequate))
        decision.floor_met = floor is None or plan.expected_success_rate >= floor
        return by_id[main.model_id], decision
    chosen = least_expected(options, failure.failure_usd, floor)
    if chosen is None:
        chosen = max(options, key=lambda o: (o.p, -o.price, o.model_id))
    else:
        decision.floor_met = True
    decision.arithmetic = arithmetic_lines(options, chosen, failure.failure_usd, floor=floor)
    return by_id[chosen.model_id], decision


def _best_action(chosen: Candidate, candidates: list[Candidate], failure: FailureCost,
                 floor: float, decision: Decision) -> tuple[BestAction, Cascade | None]:
    """No model clears the floor: the most likely one, a cascade with a check, and a split.
    Under a ceiling every model the action names fits under it: the cheaper model is drawn
    from those that do (the pool holds every candidate, the ones over it too), and a cascade
    is offered only when its month fits (it spends less than the pick when it expects less,
    so it does today; the check keeps that true if the cascade's pricing changes)."""
    candidates = [c for c in candidates if not decision.exceeds_ceiling(c.cost.per_month)]
    cascade = best_cascade(candidates, chosen, failure)
    mine = expected_cost(chosen.cost.per_task, chosen.p_adequate, failure.failure_usd)
    text = (f"No model reaches the {floor:.0%} floor. Best action: {chosen.model_id}, the most "
            f"likely to succeed at P {percent_beside(chosen.p_adequate, floor)} ({money(mine)} "
            f"expected a task, "
            f"failures at {money(failure.failure_usd)})"
            # "nobody can tell a wrong answer": no check to put on every answer, no cascade
            + (f"; no check can catch its failures (your words: '{failure.check_words}'), so "
               "no cheap-first cascade either" if failure.no_check
               else ", with every answer checked"))
    use_cascade = cascade is not None and cascade.expected_cost_per_task is not None \
        and cascade.expected_cost_per_task < mine \
        and not decision.exceeds_ceiling(cascade.expected_per_month)
    if use_cascade:
        assert cascade is not None
        text += (f"; or try {cascade.cheap} first and escalate the "
                 f"{cascade.escalation_rate:.0%} it fails to {chosen.model_id} "
                 f"({money(cascade.expected_cost_per_task or 0)} expected a task with a "
                 f"{money(cascade.detection_cost_per_task)} check)")
    cheaper = min(candidates, key=lambda c: (c.expected_per_task or 0.0, c.cost.per_task,
                                             c.model_id))
    cheaper_expected = expected_cost(cheaper.cost.per_task, cheaper.p_adequate,
                                     failure.failure_usd)
    show_cheaper = cheaper is not chosen and cheaper_expected < mine
    if show_cheaper:
        its, ours = money_apart(cheaper.cost.per_task, chosen.cost.per_task)
        text += (f". Least expected cost of all: {cheaper.model_id} at P "
                 f"{percent_beside(cheaper.p_adequate, floor)} ({money(cheaper_expected)} "
                 f"expected a task: {its} against {ours} "
                 f"for {(chosen.p_adequate - cheaper.p_adequate) * 100:.1f} points less P)")
    text += (f". Splitting the task into smaller steps, each easier, is how to clear "
             f"{floor:.0%}: one model at {percent_beside(chosen.p_adequate, floor)} on the "
             f"whole task will fail "
             f"about {1 - chosen.p_adequate:.0%} of the time.")
    return BestAction(model_id=chosen.model_id, p_adequate=chosen.p_adequate,
                      expected_per_task=mine,
                      cascade_cheap=cascade.cheap if use_cascade and cascade else None,
                      cascade_expected_per_task=(cascade.expected_cost_per_task
                                                 if use_cascade and cascade else None),
                      text=text,
                      cheaper_model=cheaper.model_id if show_cheaper else None,
                      cheaper_expected_per_task=cheaper_expected if show_cheaper else None,
                      ), cascade


def _budget_under_floor(plan: BudgetPlan, pool: list[Candidate], bar: float) -> str:
    """A budget whose plan's success rate is under the floor: the budget that would clear it,
    or, when no model reaches the floor at any price, that no budget will (it said "raise the
    budget to clear it" for the ledger at 90%, where the most adequate model is at 82%)."""
    said = (f"The budget buys an expected success rate of "
            f"{percent_beside(plan.expected_success_rate, bar)}, under the {bar:.0%} floor")
    need = budget_for_rate([_option(c) for c in pool], bar, plan.runs_per_month)
    if need is not None:
        return f"{said}: {money(need)} a month would clear it."
    top = max(pool, key=lambda c: (c.p_adequate, -c.cost.per_task, c.model_id))
    return (f"{said}, and no budget clears it: the most adequate model, {top.model_id}, is at "
            f"P {percent_beside(top.p_adequate, bar)} ({money(top.cost.per_month)} a month). "
            f"Splitting the task into smaller steps, each easier, is how to clear {bar:.0%}.")


def expected_against_pick(theirs: float, ours: float) -> str:
    """"$0.0112 expected a task against the pick's $0.0114 once failures are counted", with
    the digits that tell the two apart (``money_apart``), or "the same ... as the pick" when
    they are equal as shown (QA round 15: "$0.011 ... against the pick's $0.011")."""
    x, y = money_apart(theirs, ours)
    if x == y:
        return f"the same {y} expected a task as the pick once failures are counted"
    return f"{x} expected a task against the pick's {y} once failures are counted"


def monthly_spend(pick: Candidate, decision: Decision | None) -> float:
    """What the answer spends a month: under a budget the plan's mix, else the pick alone."""
    if decision is not None and decision.budget is not None:
        return decision.budget.spend_per_month
    return pick.cost.per_month


def _choose_staying(catalog: Catalog, candidates: list[Candidate], failure: FailureCost,
                    floor: float | None, spec: TaskSpec, workload: Workload, today: date,
                    ) -> tuple[list[Candidate], Candidate | None, Decision]:
    """The pick among the models that stay available past SHUTDOWN_WARNING_DAYS; among all
    candidates only when none of those clears the floor and one going away does. Returns the
    pool the pick came from (the frontier, alternatives and cascade are drawn from it) and
    notes on the pick naming what a shutdown date changed."""
    leaving = {c.model_id for c in candidates if leaving_soon(catalog.get(c.model_id), today)}
    staying = [c for c in candidates if c.model_id not in leaving]
    if not leaving or not staying:
        chosen, decision = _choose(candidates, failure, floor, spec, workload)
        if chosen is not None and chosen.model_id in leaving:
            chosen.notes.append(_leaving_note(catalog, chosen, today, "every candidate "
                                              "that meets your constraints shuts down soon"))
        return candidates, chosen, decision
    chosen, decision = _choose(staying, failure, floor, spec, workload)
    rival, rival_decision = _choose(candidates, failure, floor, spec, workload)
    if rival is None or rival.model_id not in leaving:
        return staying, chosen, decision
    if not decision.floor_met and rival_decision.floor_met:
        assert floor is not None  # without a floor every pick meets it
        rival.notes.append(_leaving_note(catalog, rival, today, "no model that stays "
                                         f"available clears the {floor:.0%} bar"))
        return candidates, rival, rival_decision
    if chosen is not None:
        chosen.notes.append(
            f"{rival.model_id} would be the pick ({money(rival.cost.per_month)} a month, P "
            f"{rival.p_adequate:.0%}) but {leaving_words(catalog.get(rival.model_id), today)}: "
            "not picked, so the monthly plan does not rest on a model that is going away")
    return staying, chosen, decision


def _leaving_note(catalog: Catalog, pick: Candidate, today: date, why: str) -> str:
    return (f"picked although it {leaving_words(catalog.get(pick.model_id), today)}: {why}; "
            "its monthly cost holds only until that day")


def select(catalog: Catalog, spec: TaskSpec, workload: Workload,
           adequacy: dict[str, Adequacy], today: date | None = None,
           failure: FailureCost | None = None) -> Selection:
    """Apply the rules in the module docstring to every catalog model (`today` decides which
    prices count as stale; default the real date; `failure` is the cost of a bad answer,
    default none: the cheapest model over the bar)."""
    failure = failure or FailureCost(0.0, 0.0, "you", "no failure cost given")
    today = today or date.today()  # once, not per model
    bar = spec.quality_bar
    floor = bar if bar > 0 else None
    candidates: list[Candidate] = []
    excluded: list[Excluded] = []
    for model in catalog.models:
        problems = constraint_problems(model, spec, workload) + availability_problems(
            model, workload, today)
        if problems:
            excluded.append(Excluded(model.id, model.provider, problems, adequacy[model.id].p))
        else:
            candidates.append(price_candidate(model, adequacy[model.id], workload,
                                              batch=spec.batch, bar=bar, today=today))
    for c in candidates:
        c.expected_per_task = expected_cost(c.cost.per_task, c.p_adequate, failure.failure_usd)
        c.expected_per_month = expected_cost(c.cost.per_month, c.p_adequate,
                                             failure.failure_usd * workload.runs_per_month)
    pool, chosen, decision = _choose_staying(catalog, candidates, failure, floor, spec,
                                             workload, today)
    frontier = mark_pareto(pool)
    default_model = catalog.frontier_default
    default = next((c for c in candidates if c.model_id == default_model.id), None)
    if default is None:
        default = price_candidate(default_model, adequacy[default_model.id], workload,
                                  batch=spec.batch, bar=bar, today=today)
        default.notes.append("the default model does not meet this task's hard constraints")
    if chosen is not None and default is not chosen and leaving_soon(default_model, today):
        assert default_model.shutdown_date is not None
        chosen.notes.append(f"the default it is compared against, {default_model.id}, shuts "
                            f"down on {default_model.shutdown_date.isoformat()} "
                            f"({successor_words(default_model)})")

    alternatives: list[Alternative] = []
    no_fit: str | None = None
    cascade: Cascade | None = None
    if chosen is not None and (decision.floor_met or decision.budget is not None):
        if not decision.floor_met and decision.budget is not None:
            no_fit = _budget_under_floor(decision.budget, pool, bar)
        _price_modes(chosen, catalog.get(chosen.model_id), workload, today)
        i = frontier.index(chosen) if chosen in frontier else None
        below = ([c for c in frontier if c.cost.per_month < chosen.cost.per_month]
                 if i is None else frontier[:i])
        above = ([c for c in frontier if c.cost.per_month > chosen.cost.per_month
                  and c.p_adequate > chosen.p_adequate] if i is None else frontier[i + 1:])
        if below:
            c = below[-1]
            # a riskier model never reads "P(adequate) 100%" beside a 99.8% pick
            theirs = percent_against(c.p_adequate, chosen.p_adequate, floor)
            why = (f"{c.cost.per_month / chosen.cost.per_month:.0%} of the pick's cost but "
                   f"P(adequate) {theirs}" if chosen.cost.per_month else f"P(adequate) {theirs}")
            if floor is not None and c.p_adequate < floor:
                why += f", below the {floor:.0%} bar"
            elif decision.budget is not None:
                # under a budget the plan maximises expected successes: an expected cost a
                # task would judge the alternative by a rule the answer did not use
                part = next((p for p in decision.budget.parts if p.model_id == c.model_id),
                            None)
                why += (f"; the budget's plan sends it {part.share:.0%} of the tasks"
                        if part is not None else
                        "; within the budget it buys fewer expected successes than the plan")
            elif c.expected_per_task is not None and chosen.expected_per_task is not None:
                why += ": " + expected_against_pick(c.expected_per_task,
                                                    chosen.expected_per_task)
            alternatives.append(Alternative("cheaper_riskier", c.model_id, c.p_adequate,
                                            c.cost, why))
        if above:
            c = above[0]
            over = (f", over your {money(decision.ceiling_usd_per_month or 0.0)} ceiling"
                    if decision.exceeds_ceiling(c.cost.per_month) else "")
            theirs, ours = percents_apart(c.p_adequate, chosen.p_adequate)
            alternatives.append(Alternative(
                "safer_dearer", c.model_id, c.p_adequate, c.cost,
                f"P(adequate) {theirs} against the pick's {ours}, "
                f"for ${c.cost.per_month - chosen.cost.per_month:,.2f} more "
                f"{period_words(workload.assumptions)}{over}"))
        cascade = best_cascade(pool, chosen, failure)
    elif chosen is not None:
        _price_modes(chosen, catalog.get(chosen.model_id), workload, today)
        decision.best_action, cascade = _best_action(chosen, pool, failure, bar, decision)
        no_fit = (f"No model that meets the constraints reaches P(adequate) >= {bar:.0%} "
                  f"for this task; the most adequate is {chosen.model_id} at "
                  f"{percent_beside(chosen.p_adequate, bar)}. "
                  + decision.best_action.text.removeprefix(
                      f"No model reaches the {bar:.0%} floor. "))
        for c in sorted(frontier, key=lambda c: -c.p_adequate)[:3]:
            over = (f"; over your {money(decision.ceiling_usd_per_month or 0.0)} ceiling"
                    if decision.exceeds_ceiling(c.cost.per_month) else "")
            alternatives.append(Alternative("closest", c.model_id, c.p_adequate, c.cost,
                                            f"among the most adequate that meet your "
                                            f"constraints; none reaches the {bar:.0%} bar"
                                            + over))
    else:
        no_fit = _no_fit_reason(excluded, len(catalog.models))
        fewest = min(len(e.reasons) for e in excluded)
        near = sorted((e for e in excluded if len(e.reasons) == fewest),
                      key=lambda e: -e.p_adequate)[:3]
        # the budget is no hard constraint, so no model's reasons name it: each closest model
        # over it says so (QA 12: vision + 1M context + a $1 ceiling read "fails only: context
        # window" beside $1,173 a month, the ceiling never named)
        limit = spec.budget_usd_per_month
        kind = "ceiling" if spec.budget_ceiling else "monthly budget"
        over_limit = 0
        for e in near:
            model = catalog.get(e.model_id)
            cost, _ = chosen_cost(model, workload, batch=spec.batch, on=today)
            over = limit is not None and not under_limit(cost.per_month, limit)
            over_limit += over
            alternatives.append(Alternative(
                "closest", e.model_id, e.p_adequate, cost,
                ("fails: " if over else "fails only: ") + "; ".join(e.reasons)
                + (f"; and at {money(cost.per_month)} a month it is over your "
                   f"{money(limit or 0.0)} {kind}" if over else "")))
        if over_limit:
            no_fit += (f" Your {money(limit or 0.0)} {kind} rules out "
                       f"{'every one' if over_limit == len(near) else over_limit} of the "
                       f"closest models too.")
    if cascade is not None and decision.exceeds_ceiling(cascade.expected_per_month):
        cascade.worth_it = False  # a cascade over the ceiling is never the suggestion
    return Selection(recommended=chosen, candidates=candidates, excluded=excluded,
                     alternatives=alternatives, default=default, cascade=cascade, no_fit=no_fit,
                     decision=decision)
