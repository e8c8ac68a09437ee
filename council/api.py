"""`recommend(spec, ...)`: assessment, workload, adequacy, selection, advice, explanation.

The one call the CLI, the app and the benchmark make (through ``council.assembly``).
``Recommendation.to_dict()`` is the JSON schema documented in docs/recommendation.md;
``Recommendation.from_dict()`` reads it back, checking ``schema_version`` and bringing an
older answer forward through ``UPGRADES`` first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from council.adequacy import Adequacy, AdequacySource, adequacies
from council.advice import Advice, advise, for_floor
from council.assessment import Assessment, Vote
from council.benchmark_floor_words import benchmark_floor_note, read_benchmark_floor
from council.check_words import read_check
from council.current_model_words import CurrentModel, Priced, current_model_note, read_current_model
from council.decision import Decision
from council.errors import BudgetTooLow, InvalidInput
from council.explain import explain
from council.failure_cost import (
    FailureCost,
    TaskSize,
    conversation_mix,
    failure_cost,
    with_check,
)
from council.floor_words import (
    budget_floor_note,
    floor_note,
    high_bar_note,
    high_bar_words,
    read_floor,
)
from council.format import money
from council.model_floor_words import ModelFloorRead, Rival, model_floor_note, read_model_floor
from council.money_words import BudgetRead, MoneyWords, read_money
from council.needs import required
from council.privacy_words import privacy_note, read_privacy
from council.provider_words import provider_note, read_provider
from council.recommend import (
    Alternative,
    Candidate,
    Cascade,
    Excluded,
    Selection,
    monthly_spend,
    select,
)
from council.task import TaskSpec, parse_task
from council.task_mix import read_task
from council.two_tasks_words import tasks_said, two_tasks_note
from council.workload import (
    Assumption,
    DefaultsLookup,
    Workload,
    build_workload,
    task_defaults_mix,
)
from council.workload_words.native_numerals import unread_numerals

if TYPE_CHECKING:
    from council.assess.council import Classifier
    from council.assess.voters.base import Voter
    from council.catalog.model import Catalog
    from council.catalog.schema import ModelEntry
    from council.workload_words import WorkloadWords

SCHEMA_VERSION = 1

# UPGRADES[n] turns a stored answer of schema n into schema n + 1. Schema 1 is the first; an
# answer written before a defaulted field was added (a Cost's price_verified, a Candidate's
# notes or variants, the answer's notes) loads with that field's default.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass
class Recommendation:
    """The whole answer, JSON-safe through to_dict/from_dict."""

    catalog_version: str
    spec: TaskSpec
    assessment: Assessment
    quality_bar: float  # stored as answered: the bars may be retuned later
    assumption_notes: list[Assumption]
    recommended: Candidate | None
    default: Candidate
    alternatives: list[Alternative]
    candidates: list[Candidate]
    excluded: list[Excluded]
    cascade: Cascade | None
    advice: list[Advice]
    explanation: list[str]
    no_fit: str | None = None
    notes: list[str] = field(default_factory=list)
    decision: Decision | None = None  # the rule, the failure cost used, the arithmetic
    # category -> weight the task was judged and priced as (council.task_mix: the council's
    # distribution, agentic lifted to half when the words describe an agent loop). None in an
    # answer stored before it was kept: present then reads the words again (see priced_mix).
    priced_mix: dict[str, float] | None = None

    @property
    def assumptions(self) -> dict[str, float | int | bool | str]:
        """name -> value of every workload number the answer used."""
        return {a.name: a.value for a in self.assumption_notes}

    @property
    def spend_per_month(self) -> float | None:
        """What the answer spends a month: under a budget the plan's mix, else the pick alone
        (None when nothing is recommended)."""
        return (None if self.recommended is None
                else monthly_spend(self.recommended, self.decision))

    @property
    def saving_per_month(self) -> float | None:
        """Against the catalog's frontier default model, of what the answer spends (negative
        when the answer costs more; None when nothing is recommended)."""
        spend = self.spend_per_month
        return None if spend is None else self.default.cost.per_month - spend

    def option(self, model_id: str) -> Candidate | Excluded | None:
        """The pick, the default, a candidate or an excluded model, by id (None if absent)."""
        options: list[Candidate | Excluded] = [
            *([self.recommended] if self.recommended else []), self.default,
            *self.candidates, *self.excluded]
        return next((o for o in options if o.model_id == model_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "catalog_version": self.catalog_version,
            "spec": self.spec.model_dump(mode="json"),
            "assessment": self.assessment.to_dict(),
            "priced_mix": self.priced_mix,
            "quality_bar": self.quality_bar,
            "assumptions": self.assumptions,
            "assumption_notes": [{"name": a.name, "value": a.value, "source": a.source,
                                  "why": a.why} for a in self.assumption_notes],
            "recommended": self.recommended.to_dict() if self.recommended else None,
            "default": self.default.to_dict(),
            "saving_per_month": self.saving_per_month,
            "alternatives": [a.to_dict() for a in self.alternatives],
            "candidates": [c.to_dict() for c in self.candidates],
            "excluded": [e.to_dict() for e in self.excluded],
            "cascade": self.cascade.to_dict() if self.cascade else None,
            "advice": [a.to_dict() for a in self.advice],
            "explanation": self.explanation,
            "no_fit": self.no_fit,
            "notes": self.notes,
            "decision": self.decision.to_dict() if self.decision else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recommendation:
        """Read a stored answer back; InvalidInput names what is wrong with a bad one."""
        data = upgrade(data)
        try:
            rec = data.get("recommended")
            return cls(
                catalog_version=data["catalog_version"],
                spec=parse_task(**_spec_fields(data["spec"])),
                assessment=Assessment.from_dict(data["assessment"]),
                quality_bar=float(data["quality_bar"]),
                assumption_notes=[Assumption(**a) for a in data["assumption_notes"]],
                recommended=Candidate.from_dict(rec) if rec else None,
                default=Candidate.from_dict(data["default"]),
                alternatives=[Alternative.from_dict(a) for a in data["alternatives"]],
                candidates=[Candidate.from_dict(c) for c in data["candidates"]],
                excluded=[Excluded(**e) for e in data["excluded"]],
                cascade=Cascade(**data["cascade"]) if data.get("cascade") else None,
                advice=[Advice(**a) for a in data["advice"]],
                explanation=list(data["explanation"]),
                no_fit=data.get("no_fit"),
                notes=list(data.get("notes", [])),
                decision=Decision.from_dict(data["decision"]) if data.get("decision") else None,
                priced_mix=_mix_from(data.get("priced_mix")),
            )
        except KeyError as exc:
            raise InvalidInput(f"stored recommendation lacks the field {exc}") from None
        except (TypeError, AttributeError) as exc:
            raise InvalidInput(f"stored recommendation does not read as schema "
                               f"{SCHEMA_VERSION}: {exc}") from None


def upgrade(data: object) -> dict[str, Any]:
    """A stored answer brought to SCHEMA_VERSION (InvalidInput when it cannot be)."""
    if not isinstance(data, dict):
        raise InvalidInput("a stored recommendation is a JSON object")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput(f"stored recommendation has no schema_version (got {version!r})")
    if version > SCHEMA_VERSION:
        raise InvalidInput(f"stored recommendation has schema_version {version}, newer than "
                           f"the {SCHEMA_VERSION} this version reads: upgrade council")
    while version < SCHEMA_VERSION:
        if version not in UPGRADES:
            raise InvalidInput(f"stored recommendation has schema_version {version}: no "
                               "upgrade from it is known")
        data = UPGRADES[version](data)
        version = data["schema_version"]
    return data


def _mix_from(data: object) -> dict[str, float] | None:
    """A stored answer's priced mix (None when it predates the field); InvalidInput when it
    is not category -> weight."""
    if data is None:
        return None
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
            and 0.0 <= v <= 1.0 for k, v in data.items()):
        raise InvalidInput("stored recommendation's priced_mix is not category -> weight "
                           f"(0 to 1): {data!r:.120}")
    return {k: float(v) for k, v in data.items()}


def _spec_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = dict(data)
    for name in ("needs", "not_needed"):
        if name in fields:
            fields[name] = frozenset(fields[name])
    if "providers" in fields:
        fields["providers"] = tuple(fields["providers"])
    return fields


def _assess(description: str, classifier: Classifier, voters: Sequence[Voter],
            on_vote: Callable[[Vote], None] | None) -> Assessment:
    from council.assess.council import assess

    return assess(description, classifier=classifier, voters=voters, on_vote=on_vote)


def recommend_for(spec: TaskSpec, assessment: Assessment, *, catalog: Catalog,
                  success_model: AdequacySource | None = None,
                  learned: DefaultsLookup | None = None,
                  today: date | None = None) -> Recommendation:
    """Everything after the council: workload, adequacy, selection, advice, explanation.

    ``learned``: the workload defaults refitted from the team's usage
    (``council.usage.learn.learned_defaults``), else the built-in category defaults.
    ``today``: the date that decides the price in force, stale prices and shutdown notes
    (default: the real one)."""
    # the words read once: the one mix the adequacy, the workload defaults, the failure cost
    # and the stored answer share (agentic lifted for an agent loop)
    reading = read_task(spec.description, assessment.category, assessment.category_p)
    workload: Workload = build_workload(spec, assessment.category, assessment.difficulty,
                                        assessment.category_p, learned,
                                        voted=assessment.council_values, reading=reading)
    needs = required(spec, assessment)  # the user's needs plus those the council agrees on
    # "it must be Claude": the words' provider, as the form's filter, unless the form has one
    said_provider = read_provider(spec.description)
    if said_provider is not None and not spec.providers:
        needs = replace(needs, spec=needs.spec.model_copy(
            update={"providers": (said_provider.provider,)}))
    models = {m.id: m for m in catalog.models}
    adequacy = adequacies(spec.description, models, assessment, success_model,
                          mix=reading.mix)
    size = TaskSize(content_tokens=workload.input_tokens - workload.cached_prefix_tokens,
                    output_tokens=workload.output_tokens, calls_per_task=workload.calls_per_task)
    heard = read_money(spec.description)  # a failure cost, a budget in the words; yours win
    # the same mix of categories as the workload's defaults
    mix = task_defaults_mix(assessment.category, reading)
    # the check the words describe: "caught automatically at no cost", "nobody can tell"
    # a chat someone waits on is no agent run: its failures are not priced as one's
    loop = reading.words.loop
    failure_mix, left_out = conversation_mix(
        mix, loop.words if loop is not None and loop.value == "multi_turn" else None)
    failure = with_check(failure_cost(spec.failure_cost_usd, failure_mix, size, heard.failure,
                                      left_out), read_check(spec.description))
    # "under a cent a call": a month's ceiling at this workload's calls and runs
    words_budget = heard.budget or (heard.unit_budget.monthly(
        workload.runs_per_month, workload.calls_per_task) if heard.unit_budget else None)
    budget_read = words_budget if spec.budget_usd_per_month is None else None
    # a ceiling said in the words ("at most $800 a month") or chosen beside the budget
    ceiling = spec.budget_ceiling or (budget_read is not None and budget_read.ceiling)
    asked = needs.spec if budget_read is None else needs.spec.model_copy(
        update={"budget_usd_per_month": budget_read.usd_per_month, "budget_ceiling": ceiling})
    # figures in a currency not converted, counts in numerals not read, and why
    unread: list[str] = [*heard.unread, *unread_numerals(spec.description),
                         *_set_aside(spec, heard, words_budget, mix, size),
                         *_workload_set_aside(spec, reading.words)]
    floor_said = floor_note(spec.description, spec.quality_bar)  # "never below P 0.9"
    if floor_said is not None:
        unread.append(floor_said)
    bench = read_benchmark_floor(spec.description)  # "at least 80% on SWE-bench Verified"
    if bench is not None:
        unread.append(benchmark_floor_note(bench, spec.quality_bar))
    # "the data must stay in the EU", "no training on our data": read, not checkable, said
    unread += [privacy_note(read) for read in read_privacy(spec.description)]
    if said_provider is not None:
        unread.append(provider_note(said_provider, used=not spec.providers))
    tasks = tasks_said(spec.description)  # "Two things: ... and ..."
    if tasks is not None and not any("describe each task on its own" in u for u in unread):
        unread.append(two_tasks_note(tasks))
    if spec.budget_ceiling and asked.budget_usd_per_month is None:
        unread.append("You chose a ceiling but gave no monthly budget, and the description "
                      "names none: the pick is the least expected cost, with no limit.")
    def at_one_call() -> float:
        """The cheapest month with one call a task, the rest of the workload as it is."""
        one = needs.spec.model_copy(update={"calls_per_task": 1, "budget_usd_per_month": None,
                                            "budget_ceiling": False})
        work = build_workload(one, assessment.category, assessment.difficulty,
                              assessment.category_p, learned,
                              voted=assessment.council_values, reading=reading)
        priced = select(catalog, one, work, adequacy, today=today, failure=failure)
        return min(c.cost.per_month for c in priced.candidates)

    try:
        sel = select(catalog, asked, workload, adequacy, today=today, failure=failure)
    except BudgetTooLow as too_low:
        too_low = too_low.hinting(calls_hint(workload, too_low.given, at_one_call))
        if budget_read is None:
            raise too_low from None
        # a figure the user did not type must not stop the answer: say so, answer without it
        how = f", {budget_read.how}" if budget_read.how else ""  # the rate, for R$ or €
        unread.append(f"The monthly budget read from your words ('{budget_read.words}'{how}) "
                      f"is not used: {too_low}")
        budget_read = None
        sel = select(catalog, needs.spec, workload, adequacy, today=today, failure=failure)
    plan = sel.decision.budget if sel.decision is not None else None
    floor_read = read_floor(spec.description)  # "must be right 99%" beside a budget
    if plan is not None and floor_read is not None and sel.candidates:
        likeliest = max(sel.candidates, key=lambda c: c.p_adequate)
        out_of_reach = budget_floor_note(floor_read, plan.budget_per_month,
                                         plan.expected_success_rate, likeliest.model_id,
                                         likeliest.p_adequate, likeliest.cost.per_month)
        if out_of_reach is not None:
            unread.append(out_of_reach)
    high = high_bar_words(spec.description)  # "money is no object, the most reliable model"
    pick = sel.recommended
    if high is not None and pick is not None and sel.candidates:
        best = max(sel.candidates, key=lambda c: c.p_adequate)
        if best.p_adequate > pick.p_adequate:
            unread.append(high_bar_note(
                high, pick_model=pick.model_id, pick_p=pick.p_adequate,
                likeliest_model=best.model_id, likeliest_p=best.p_adequate,
                likeliest_month=best.cost.per_month, floor=spec.quality_bar))
    named = read_model_floor(spec.description, models)  # "as good as GPT-4.1"
    if named is not None:
        unread.append(_model_floor(named, adequacy, sel, spec.quality_bar))
    current = read_current_model(spec.description, models)  # "we use GPT-4o now"
    if current is not None:
        unread.append(_current_model(current, sel))
    advice: list[Advice] = []
    if sel.recommended is not None:
        pick_model = catalog.get(sel.recommended.model_id)
        cheap = _cheapest_extractor(sel.candidates, catalog)
        checked = for_floor(advise(pick_model, workload, sel.recommended.cost,
                                   cheap_model=cheap, today=today),
                            sel.recommended.p_adequate, spec.quality_bar)
        advice = checked.advice
        if checked.note:
            sel.recommended.notes.append(checked.note)
        speed = _speed_note(workload)
        if speed:
            sel.recommended.notes.append(speed)
    return Recommendation(
        catalog_version=catalog.version,
        spec=spec,
        assessment=assessment,
        quality_bar=spec.quality_bar,
        assumption_notes=[*workload.assumptions, *needs.assumptions,
                          *_failure_assumptions(failure),
                          *_budget_assumption(budget_read, ceiling)],
        recommended=sel.recommended,
        default=sel.default,
        alternatives=sel.alternatives,
        candidates=sel.candidates,
        excluded=sel.excluded,
        cascade=sel.cascade,
        advice=advice,
        explanation=explain(sel, assessment, workload, spec.quality_bar, catalog, today),
        no_fit=sel.no_fit,
        notes=[*assessment.notes, *unread],
        decision=sel.decision,
        priced_mix=dict(reading.mix),
    )


def calls_hint(workload: Workload, budget: float, at_one_call: Callable[[], float]) -> str:
    """What a refused budget rests on when the user did not give it: the calls a task guessed
    from the category or read from the words (decision QA 14's case 04, "Moderate 100,000
    forum posts a month, with a hard cap of $1.50 per thousand posts", was refused at 10 to 15
    calls a post, the agentic category's guess, and the answer said only "lower the volume").
    Empty when the user typed the calls, or one call a task is already assumed."""
    calls = next((a for a in workload.assumptions if a.name == "calls_per_task"), None)
    if calls is None or calls.source == "you" or workload.calls_per_task <= 1:
        return ""
    least = at_one_call()
    fits = "under" if least <= budget else "still over"
    return (f"That cost rests on {workload.calls_per_task:g} calls a task ({calls.source}: "
            f"{calls.why}); if one call does a task, set calls a task to 1 ('Calls / task', "
            f"--calls-per-task 1): the cheapest is then {money(least)} a month, {fits} your "
            f"{money(budget)}")


def _set_aside(spec: TaskSpec, heard: MoneyWords, said: BudgetRead | None,
               mix: Mapping[str, float], size: TaskSize) -> list[str]:
    """A note for each figure the form gave that replaces a different one the words state
    (decision QA 12: a $10 budget on the form beside "budget $100 a month" in the words, or
    a $5 failure cost beside "a wrong answer costs us $50", set the words aside in silence)."""
    notes: list[str] = []
    given = spec.budget_usd_per_month
    if given is not None and said is not None and abs(said.usd_per_month - given) >= 0.005:
        how = f", {said.how}" if said.how else ""
        notes.append(f"Your monthly budget, {money(given)}, is used; your words say "
                     f"'{said.words}' ({money(said.usd_per_month)} a month{how}), set aside")
    fail = spec.failure_cost_usd
    if fail is None or heard.failure is None:
        return notes
    words_failure = failure_cost(None, mix, size, heard.failure)  # minutes at their rate
    if abs(words_failure.failure_usd - fail) >= 0.005:
        notes.append(f"Your failure cost, {money(fail)} a task, is used; your words say "
                     f"'{heard.failure.words}' ({money(words_failure.failure_usd)} a task), "
                     "set aside")
    return notes


def _model_floor(named: ModelFloorRead, adequacy: Mapping[str, Adequacy], sel: Selection,
                 bar: float) -> str:
    """The note on a floor said as a model: its P here, and whether the pick clears it."""
    def rival(c: Candidate) -> Rival:
        return Rival(c.model_id, c.p_adequate, c.expected_per_task)

    return model_floor_note(named, {k: a.p for k, a in adequacy.items()},
                            rival(sel.recommended) if sel.recommended else None,
                            [rival(c) for c in sel.candidates], bar)


def _current_model(read: CurrentModel, sel: Selection) -> str:
    """The note on the model used today: compared with the pick, or said unknown."""
    def priced(c: Candidate | None) -> Priced | None:
        return None if c is None else Priced(c.model_id, c.p_adequate, c.cost.per_month,
                                             c.expected_per_month)

    now = next((c for c in sel.candidates if c.model_id == read.model_id), None)
    out = next((e for e in sel.excluded if e.model_id == read.model_id), None)
    return current_model_note(read, priced(now), priced(sel.recommended),
                              "; ".join(out.reasons) if out is not None else None)


def _workload_set_aside(spec: TaskSpec, words: WorkloadWords) -> list[str]:
    """A note for each workload figure the form gave over a different one the words state
    (decision QA 14: the form's 20,000 tasks a month beside "about 5,000 a month", and the
    batch API chosen beside "each customer waits on the reply", set the words aside in
    silence)."""
    notes: list[str] = []
    for given, read, unit in ((spec.runs_per_month, words.runs_per_month, "tasks a month"),
                              (spec.calls_per_task, words.calls_per_task, "calls a task")):
        if given is None or read is None or not isinstance(read.value, int | float):
            continue
        if abs(float(read.value) - given) > 0.005 * max(given, 1):
            notes.append(f"Your {given:,.0f} {unit} is used; your words say '{read.words}' "
                         f"({float(read.value):,.0f} {unit}), set aside")
    said = words.latency or words.loop
    if spec.batch and words.user_waits and said is not None:
        notes.append(f"You chose the batch API (results within 24 hours); your words say "
                     f"someone waits for each answer ('{said.words}'): priced as batch, as you "
                     "chose; turn it off if they cannot wait a day")
    return notes


def _budget_assumption(read: BudgetRead | None, ceiling: bool) -> list[Assumption]:
    """A monthly budget read from the words (the form's figure, when given, replaces it);
    ``ceiling``: the words or the user's choice make it a limit."""
    if read is None:
        return []
    how = f" ({read.how})" if read.how else ""
    kind = ("; a ceiling: the least expected cost among the models under it, not a sum to "
            "spend" if ceiling else "")
    return [Assumption("budget_usd_per_month", read.usd_per_month, "text",
                       f"from your words: '{read.words}'{how}{kind}; your own figure replaces "
                       "it")]


def _speed_note(workload: Workload) -> str | None:
    """Someone waits, by the user's words: the pick was not chosen for speed, which the
    catalog has no figures for (a wait only rules out the batch API); say so."""
    said = next((a for a in workload.assumptions if a.name == "user_waits"), None)
    if not workload.user_waits or said is None or said.source != "text":
        return None
    words = said.why.split(" (", 1)[0].removeprefix("from your words: ")
    return (f"Someone waits for each answer ({words}): the pick is not chosen for speed, "
            "the catalog has no latency figures; check its response time before relying on "
            "it")


def _failure_assumptions(failure: FailureCost) -> list[Assumption]:
    """The failure and detection costs as stated assumptions, per task like the price."""
    # The check's cost is always the category's: never "your words" because the failure cost
    # was read from them (QA round 9), nor shrunk to a failure cost given (QA round 11).
    given = {"you": "your failure cost",
             "text": "the failure cost read from your words"}.get(failure.source)
    said = "what noticing a failure costs, per task (a cascade's check)"
    if failure.no_check:  # "nobody can tell a wrong answer": a cascade has nothing to check
        check = Assumption("detection_cost_usd", failure.detection_usd, "text",
                           f"{said}: no check can catch a failure, from your words: "
                           f"'{failure.check_words}', so no cheap-first cascade is offered")
    elif failure.check_words:  # "caught automatically at almost no cost"
        check = Assumption("detection_cost_usd", failure.detection_usd, "text",
                           f"{said}: from your words: '{failure.check_words}'")
    else:
        check = Assumption("detection_cost_usd", failure.detection_usd,
                           "category default" if given else failure.source,
                           said + (f": the category's, whatever {given}: a cascade pays it "
                                   "on every task" if given else ""))
    return [Assumption("failure_cost_usd", failure.failure_usd, failure.source,
                       "what a bad answer costs, per task: " + failure.why), check]


def _cheapest_extractor(candidates: list[Candidate], catalog: Catalog) -> ModelEntry | None:
    """The cheapest candidate whose extraction skill is at least 3 (for the split advice)."""
    able = [c for c in candidates if catalog.get(c.model_id).skill("extraction") >= 3.0]
    if not able:
        return None
    return catalog.get(min(able, key=lambda c: (c.cost.per_month, c.model_id)).model_id)


def recommend(spec: TaskSpec | dict[str, Any], *, catalog: Catalog, classifier: Classifier,
              voters: Sequence[Voter] = (), success_model: AdequacySource | None = None,
              on_vote: Callable[[Vote], None] | None = None,
              learned: DefaultsLookup | None = None) -> Recommendation:
    """Assess the task with the council, then pick and price the model."""
    if not isinstance(spec, TaskSpec):
        spec = parse_task(**spec)
    assessment = _assess(spec.description, classifier, voters, on_vote)
    return recommend_for(spec, assessment, catalog=catalog, success_model=success_model,
                         learned=learned)
