"""The answer in plain words: why this model, why not the cheaper one, which assumptions matter."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from council.assessment import Assessment
from council.categories import BY_KEY
from council.costing import cost_of
from council.decision import Option, best_cheaper, break_even, expected_cost
from council.format import money, money_apart, percent_against, saves
from council.recommend import Candidate, Selection, expected_against_pick, monthly_spend
from council.workload import Workload, period_words

if TYPE_CHECKING:
    from council.catalog.model import Catalog
    from council.catalog.schema import ModelEntry


def sensitivities(model: ModelEntry, workload: Workload, batch: bool,
                  today: date | None = None) -> list[tuple[str, float]]:
    """How much the monthly cost moves when each workload number doubles, largest first."""
    base = cost_of(model, workload, batch=batch, on=today).per_month
    out: list[tuple[str, float]] = []
    for name in ("input_tokens", "output_tokens", "calls_per_task", "runs_per_month",
                 "reasoning_tokens"):
        value = getattr(workload, name)
        if not value:
            continue
        doubled = workload.replace(**{name: type(value)(value * 2)})
        if name == "input_tokens":
            doubled = doubled.replace(cached_prefix_tokens=workload.cached_prefix_tokens)
        if name == "reasoning_tokens" and not model.reasoning:
            continue
        after = cost_of(model, doubled, batch=batch, on=today).per_month
        out.append((name, after - base))
    return sorted(out, key=lambda t: -t[1])


def explain(selection: Selection, assessment: Assessment, workload: Workload, bar: float,
            catalog: Catalog, today: date | None = None) -> list[str]:
    """A few sentences; each one carries a number the user can check."""
    a = assessment
    label = BY_KEY[a.category].label
    lines = [f"The council reads this as {label} of difficulty {a.difficulty:.1f} "
             f"(± {a.difficulty_sd:.1f}) on the 1-5 scale"
             + (", with low confidence." if a.low_confidence else ".")]
    if workload.mix_note:
        lines.append(workload.mix_note)
    pick = selection.recommended
    if pick is None:
        lines.append(selection.no_fit or "No model fits.")
        return lines
    dec = selection.decision
    f_usd = dec.failure_cost_usd if dec else 0.0
    period = period_words(workload.assumptions)  # "a month", or "for this task" for a one-off
    if dec is not None:
        source = dec.failure_cost_source
        lines.append(f"A bad answer is taken to cost {money(f_usd)} a task ("
                     + ("your figure); give your own to sharpen the pick." if source == "you"
                        else f"read {dec.failure_cost_why}); your own figure replaces it."
                        if source == "text"
                        else f"assumed, category default: {dec.failure_cost_why}); give your "
                        "own to sharpen the pick."))
    if dec is not None and dec.budget is not None:
        b = dec.budget
        lines.append(f"For {money(b.budget_per_month)} a month ({b.runs_per_month:,.0f} tasks) "
                     f"the most expected successes ({b.expected_successes_per_month:,.0f} a "
                     f"month, {b.expected_success_rate:.0%}) come from {b.note}, spending "
                     f"{money(b.spend_per_month)}.")
    elif dec is not None and not dec.floor_met:
        lines.append(selection.no_fit or "No model clears the floor.")
    else:
        floor = (f"clear the {bar:.0%} floor" if bar > 0 else "can do it (no floor set)")
        ceiling = dec.ceiling_usd_per_month if dec is not None else None
        under = ("" if ceiling is None else
                 f" and cost at most your {money(ceiling)} a month")
        meeting = [c for c in selection.candidates if c.meets_bar and not (
            dec is not None and dec.exceeds_ceiling(c.cost.per_month))]
        lines.append(
            f"{pick.model_id} has the least expected cost of the "
            f"{len(meeting)} models that meet your "
            f"constraints{under} and {floor}: P(adequate) {pick.p_adequate:.0%} "
            f"({_source_words(pick.adequacy_source)}), {money(pick.cost.per_month)} {period}, "
            f"{money(pick.cost.per_call)} a call.")
        cheaper = next((x for x in selection.alternatives if x.role == "cheaper_riskier"), None)
        if cheaper is not None and cheaper.p_adequate < bar:
            lines.append(f"Not {cheaper.model_id}: it costs {money(cheaper.cost.per_month)} "
                         f"{period} but its P(adequate) is {cheaper.p_adequate:.0%}, under the "
                         "bar.")
        elif cheaper is not None:
            rival = next((c for c in selection.candidates if c.model_id == cheaper.model_id),
                         None)
            if rival is not None and rival.expected_per_task is not None \
                    and pick.expected_per_task is not None:
                lines.append(f"Not {cheaper.model_id}: it costs "
                             f"{money(cheaper.cost.per_month)} {period}, but at P(adequate) "
                             f"{percent_against(cheaper.p_adequate, pick.p_adequate, bar)} "
                             "its failures make it "
                             + expected_against_pick(rival.expected_per_task,
                                                     pick.expected_per_task)
                                 .removesuffix(" once failures are counted") + ".")
        elif min(c.cost.per_month for c in selection.candidates) >= \
                pick.cost.per_month:
            lines.append("No model that meets your constraints is cheaper.")
        lines += _break_even(pick, selection.candidates, bar, f_usd)
    if dec is not None and dec.arithmetic:
        lines.append("Expected cost a task, price + P(failure) x failure cost: "
                     + "; ".join(dec.arithmetic) + ".")
    d = selection.default
    if d.model_id != pick.model_id:
        spend = monthly_spend(pick, dec)
        lines.append(f"Against the default {d.model_id} ({money(d.cost.per_month)} {period}) "
                     f"this {saves(d.cost.per_month - spend)} {period}"
                     + (" (the budget's plan)." if dec is not None and dec.budget is not None
                        else "."))
    if selection.cascade is not None and selection.cascade.worth_it:
        c = selection.cascade
        lines.append(f"A cascade ({c.cheap} first, a {money(c.detection_cost_per_task)} check "
                     f"on each answer, {c.strong} on the {c.escalation_rate:.0%} that fail) "
                     f"would expect {money(c.expected_per_month)} {period}"
                     + (f", {money(c.expected_cost_per_task)} a task with failures counted"
                        if c.expected_cost_per_task is not None else "") + ".")
    sens = sensitivities(catalog.get(pick.model_id), workload, pick.cost.batch, today)
    if sens:
        source = {a.name: "your words" if a.source == "text" else a.source
                  for a in workload.assumptions}
        # a one-off's volume is its number of tasks, not "runs per month"
        named = {"runs_per_month": "number of tasks"} if period != "a month" else {}
        top = ", ".join(f"{named.get(n, n.replace('_', ' '))} (+{money(v)}, "
                        f"{source.get(n, 'derived')})"
                        for n, v in sens[:3])
        extra = "per month" if period == "a month" else period  # "for this task"
        lines.append(f"The numbers that move the bill most (extra cost {extra} if doubled): "
                     f"{top}. Replace category defaults with your own to sharpen the estimate.")
    if pick.cost.tiers_applied:
        lines.append(f"Some calls cross the long-context price tier at "
                     f"{pick.cost.tiers_applied[0]:,} tokens; every token of those calls bills "
                     f"at the higher rate.")
    return lines


def _break_even(pick: Candidate, candidates: list[Candidate], bar: float,
                f_usd: float) -> list[str]:
    """Against the best cheaper model over the floor: what the pick's extra price buys and
    the failure cost below which that model would be the pick, so a pick resting on a small
    gap in P says so."""
    if f_usd <= 0:
        return []
    mine = Option(pick.model_id, pick.cost.per_task, pick.p_adequate)
    over = [Option(c.model_id, c.cost.per_task, c.p_adequate) for c in candidates
            if c.p_adequate >= bar]
    rival = best_cheaper(over, mine, f_usd)
    point = break_even(mine, rival) if rival is not None else None
    if rival is None or point is None:
        return []
    lines = [f"The best cheaper option is {rival.model_id} ({money(rival.price)} a task, "
             f"P(adequate) {rival.p:.1%}): {pick.model_id}'s edge is "
             f"{(mine.p - rival.p) * 100:.1f} points of P for {money(mine.price - rival.price)} "
             f"more a task, worth it while a failure costs more than {money(point)} a task "
             f"(taken as {money(f_usd)})."]
    thin = _thin_edge(mine, rival, f_usd, point)
    return [thin, *lines] if thin else lines


# A pick "far dearer for a thin edge": at least FAR_PRICIER times the best cheaper option's
# price for under SMALL_GAP of P. The rule still picks it when the failure cost says so; the
# answer says in numbers that the failure cost is what carries it.
FAR_PRICIER = 2.0
SMALL_GAP = 0.02


def _thin_edge(mine: Option, rival: Option, f_usd: float, point: float) -> str | None:
    """"X: +0.4 points of P for 7.2x the price; the expected cost is lower because a failure
    costs $22.50 ...", when the pick is far dearer than the best cheaper option for a small
    gain in P; else None."""
    gap = mine.p - rival.p
    ratio = mine.price / rival.price if rival.price > 0 else float("inf")
    if ratio < FAR_PRICIER or gap >= SMALL_GAP:
        return None
    times = f"{ratio:.1f}x" if ratio < 10 else f"{ratio:,.0f}x"
    price = money_apart(mine.price, rival.price)
    expected = money_apart(expected_cost(mine.price, mine.p, f_usd),
                           expected_cost(rival.price, rival.p, f_usd))
    return (f"{mine.model_id}: +{gap * 100:.1f} points of P for {times} the price of "
            f"{rival.model_id} ({price[0]} against {price[1]} a task); the "
            f"expected cost is lower ({expected[0]} against {expected[1]}) only because a "
            f"failure is taken to cost {money(f_usd)} a task. Below {money(point)} a failure, "
            f"or if that gap in P is not real, {rival.model_id} is the better buy.")


def _source_words(source: str) -> str:
    """Where a P(adequate) came from, in words."""
    if source == "catalog-estimate":
        return "catalog, estimated: no public measurement"
    return f"{source} estimate"
