"""Selection: the cheapest model that clears the quality bar and every hard constraint.

Rules (docs/recommendation.md):
- Hard constraints: status active or preview (deprecated and retired models are not
  recommended), not past its shutdown date (a note warns within 30 days of it; see
  council.catalog.availability), a prompt within any input limit, allowed providers,
  required capabilities, the minimum context, and the workload fitting the window (largest
  call's input + history + output + reasoning) and the max output.
- The pick: among models meeting every constraint, the cheapest per month whose
  P(adequate) >= the bar; ties go to the more adequate, then the id.
- Pareto frontier: candidates no other candidate beats on both cost and adequacy.
- Alternatives: the frontier point just below the pick (cheaper, riskier) and just above it
  (dearer, safer).
- Cascade: try a cheaper model first and escalate to the pick on failure, which happens with
  probability 1 - P(cheap adequate); the cheap model minimising expected cost is chosen.
- No pick: say why (no model fits the constraints, or none reaches the bar) and list the
  closest options.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from council.adequacy import Adequacy
from council.catalog.availability import availability_problems, catalog_notes
from council.costing import Cost, chosen_cost, variants
from council.task import TaskSpec
from council.workload import Workload, fits

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


def constraint_problems(model: ModelEntry, spec: TaskSpec, workload: Workload) -> list[str]:
    """Every hard constraint the model fails, in words."""
    problems: list[str] = []
    if model.status not in RECOMMENDABLE_STATUS:
        problems.append(f"{model.status}: not recommended for new work")
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
    cost, notes = chosen_cost(model, workload, batch=batch)
    notes.extend(stale_price_notes(model, today or date.today()))
    notes.extend(catalog_notes(model, today or date.today()))
    return Candidate(model_id=model.id, name=model.name, provider=model.provider,
                     p_adequate=adequacy.p, adequacy_source=adequacy.source, cost=cost,
                     meets_bar=adequacy.p >= bar, notes=notes)


def stale_price_notes(model: ModelEntry, today: date) -> list[str]:
    """A note when the price in force was verified more than STALE_AFTER_DAYS before today."""
    from council.catalog.schema import STALE_AFTER_DAYS

    if not model.is_stale(today):
        return []
    verified = model.price_in_force(today).verified
    return [f"{model.id}'s price was last verified {verified.isoformat()} "
            f"({(today - verified).days} days ago; stale after {STALE_AFTER_DAYS}): check it "
            "before relying on the cost"]


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


def pick(candidates: list[Candidate]) -> Candidate | None:
    """Cheapest candidate that meets the bar; ties to the more adequate, then the id."""
    ok = [c for c in candidates if c.meets_bar]
    if not ok:
        return None
    return min(ok, key=lambda c: (c.cost.per_month, -c.p_adequate, c.model_id))


def best_cascade(candidates: list[Candidate], strong: Candidate) -> Cascade | None:
    """The cheap first stage minimising expected cost per task in front of ``strong``."""
    cheaper = [c for c in candidates if c.cost.per_task < strong.cost.per_task]
    if not cheaper:
        return None

    def expected(c: Candidate) -> float:
        return c.cost.per_task + (1.0 - c.p_adequate) * strong.cost.per_task

    cheap = min(cheaper, key=lambda c: (expected(c), c.model_id))
    per_task = expected(cheap)
    runs = strong.cost.per_month / strong.cost.per_task if strong.cost.per_task else 0.0
    per_month = per_task * runs
    saving = strong.cost.per_month - per_month
    return Cascade(
        cheap=cheap.model_id, strong=strong.model_id, p_cheap=cheap.p_adequate,
        escalation_rate=1.0 - cheap.p_adequate, expected_per_task=per_task,
        expected_per_month=per_month, strong_only_per_month=strong.cost.per_month,
        saving_per_month=saving, worth_it=saving > 0,
        note=("assumes a failed answer is detected (tests, a validator, a schema check) at no "
              "cost, and the escalated share costs what the strong model costs on average"),
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


def select(catalog: Catalog, spec: TaskSpec, workload: Workload,
           adequacy: dict[str, Adequacy], today: date | None = None) -> Selection:
    """Apply the rules in the module docstring to every catalog model (`today` decides which
    prices count as stale; default the real date)."""
    bar = spec.quality_bar
    candidates: list[Candidate] = []
    excluded: list[Excluded] = []
    for model in catalog.models:
        problems = constraint_problems(model, spec, workload) + availability_problems(
            model, workload, today or date.today())
        if problems:
            excluded.append(Excluded(model.id, model.provider, problems, adequacy[model.id].p))
        else:
            candidates.append(price_candidate(model, adequacy[model.id], workload,
                                              batch=spec.batch, bar=bar, today=today))
    frontier = mark_pareto(candidates)
    chosen = pick(candidates)
    default_model = catalog.frontier_default
    default = next((c for c in candidates if c.model_id == default_model.id), None)
    if default is None:
        default = price_candidate(default_model, adequacy[default_model.id], workload,
                                  batch=spec.batch, bar=bar, today=today)
        default.notes.append("the default model does not meet this task's hard constraints")

    alternatives: list[Alternative] = []
    no_fit: str | None = None
    cascade: Cascade | None = None
    if chosen is not None:
        chosen.variants = variants(catalog.get(chosen.model_id), workload)
        i = frontier.index(chosen)
        if i > 0:
            c = frontier[i - 1]
            alternatives.append(Alternative(
                "cheaper_riskier", c.model_id, c.p_adequate, c.cost,
                f"{c.cost.per_month / chosen.cost.per_month:.0%} of the pick's cost but "
                f"P(adequate) {c.p_adequate:.0%}, below the {bar:.0%} bar"
                if chosen.cost.per_month else f"P(adequate) {c.p_adequate:.0%}"))
        if i + 1 < len(frontier):
            c = frontier[i + 1]
            alternatives.append(Alternative(
                "safer_dearer", c.model_id, c.p_adequate, c.cost,
                f"P(adequate) {c.p_adequate:.0%} against the pick's {chosen.p_adequate:.0%}, "
                f"for ${c.cost.per_month - chosen.cost.per_month:,.2f} more a month"))
        cascade = best_cascade(candidates, chosen)
    elif candidates:
        best = max(candidates, key=lambda c: (c.p_adequate, -c.cost.per_month))
        no_fit = (f"No model that meets the constraints reaches P(adequate) >= {bar:.0%} "
                  f"for this task; the most adequate is {best.model_id} at "
                  f"{best.p_adequate:.0%}. Lower the quality bar, split the task, or expect "
                  f"to review its answers.")
        for c in sorted(frontier, key=lambda c: -c.p_adequate)[:3]:
            alternatives.append(Alternative("closest", c.model_id, c.p_adequate, c.cost,
                                            "most adequate per dollar among those that fit"))
    else:
        no_fit = _no_fit_reason(excluded, len(catalog.models))
        fewest = min(len(e.reasons) for e in excluded)
        near = sorted((e for e in excluded if len(e.reasons) == fewest),
                      key=lambda e: -e.p_adequate)[:3]
        for e in near:
            model = catalog.get(e.model_id)
            cost, _ = chosen_cost(model, workload, batch=spec.batch)
            alternatives.append(Alternative("closest", e.model_id, e.p_adequate, cost,
                                            "fails only: " + "; ".join(e.reasons)))
    return Selection(recommended=chosen, candidates=candidates, excluded=excluded,
                     alternatives=alternatives, default=default, cascade=cascade, no_fit=no_fit)
