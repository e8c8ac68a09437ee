"""The answer in plain words: why this model, why not the cheaper one, which assumptions matter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from council.assessment import Assessment
from council.categories import BY_KEY
from council.costing import cost_of
from council.format import money
from council.recommend import Selection
from council.workload import Workload

if TYPE_CHECKING:
    from council.catalog.model import Catalog
    from council.catalog.schema import ModelEntry


def sensitivities(model: ModelEntry, workload: Workload, batch: bool) -> list[tuple[str, float]]:
    """How much the monthly cost moves when each workload number doubles, largest first."""
    base = cost_of(model, workload, batch=batch).per_month
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
        after = cost_of(model, doubled, batch=batch).per_month
        out.append((name, after - base))
    return sorted(out, key=lambda t: -t[1])


def explain(selection: Selection, assessment: Assessment, workload: Workload, bar: float,
            catalog: Catalog) -> list[str]:
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
    lines.append(
        f"{pick.model_id} is the cheapest of {len(selection.candidates)} models that meet your "
        f"constraints with P(adequate) {pick.p_adequate:.0%} >= the {bar:.0%} bar "
        f"({_source_words(pick.adequacy_source)}): {money(pick.cost.per_month)} a month, "
        f"{money(pick.cost.per_call)} a call.")
    cheaper = next((x for x in selection.alternatives if x.role == "cheaper_riskier"), None)
    if cheaper is not None:
        lines.append(f"Not {cheaper.model_id}: it costs {money(cheaper.cost.per_month)} a "
                     f"month but its P(adequate) is {cheaper.p_adequate:.0%}, under the bar.")
    elif min(c.cost.per_month for c in selection.candidates) >= pick.cost.per_month:
        lines.append("No model that meets your constraints is cheaper.")
    d = selection.default
    if d.model_id != pick.model_id:
        lines.append(f"Against the default {d.model_id} ({money(d.cost.per_month)} a month) "
                     f"this saves {money(d.cost.per_month - pick.cost.per_month)} a month.")
    if selection.cascade is not None and selection.cascade.worth_it:
        c = selection.cascade
        lines.append(f"A cascade ({c.cheap} first, {c.strong} on the {c.escalation_rate:.0%} "
                     f"that fail) would expect {money(c.expected_per_month)} a month.")
    sens = sensitivities(catalog.get(pick.model_id), workload, pick.cost.batch)
    if sens:
        source = {a.name: "your words" if a.source == "text" else a.source
                  for a in workload.assumptions}
        top = ", ".join(f"{n.replace('_', ' ')} (+{money(v)}, {source.get(n, 'derived')})"
                        for n, v in sens[:3])
        lines.append(f"The numbers that move the bill most (extra cost per month if doubled): "
                     f"{top}. Replace category defaults with your own to sharpen the estimate.")
    if pick.cost.tiers_applied:
        lines.append(f"Some calls cross the long-context price tier at "
                     f"{pick.cost.tiers_applied[0]:,} tokens; every token of those calls bills "
                     f"at the higher rate.")
    return lines


def _source_words(source: str) -> str:
    """Where a P(adequate) came from, in words."""
    if source == "catalog-estimate":
        return "catalog, estimated: no public measurement"
    return f"{source} estimate"
