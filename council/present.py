"""A Recommendation in words and tables: the one presenter of an answer.

The Recommend page, a share link, the CLI's text output, History and the Markdown export
all read an answer through here, so a number reads the same wherever it is shown (money and
probabilities through ``council.format``). No Streamlit: the page only lays these out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from council.assess.input_flags import NO_WORDS, input_flags
from council.categories import BY_KEY
from council.decision import failure_share
from council.format import (
    count,
    mix_shares,
    money,
    money_apart,
    percent,
    percent_against,
    percent_beside,
    saves,
    shares,
)
from council.task_mix import read_task, shown_mix
from council.workload import period_words, unread_said

if TYPE_CHECKING:
    from council.api import Recommendation
    from council.assessment import Assessment, CategoryReading, Vote
    from council.costing import Cost
    from council.recommend import Candidate

SOURCE_LABELS = {"outcomes": "outcome model", "catalog": "catalog skill (measured)",
                 "catalog-estimate": "estimated: no public measurement"}
ROLE_LABELS = {"cheaper_riskier": "cheaper, riskier", "safer_dearer": "safer, dearer",
               "closest": "closest"}
MODE_LABELS = {"realtime": "real-time", "realtime_cached": "real-time, cached prefix",
               "batch": "batch", "batch_cached": "batch, cached prefix"}


def source_label(source: str | None) -> str:
    return SOURCE_LABELS.get(source or "", source or "")


def source_caption(source: str | None) -> str:
    """One line under P(adequate): where the number came from."""
    if source == "outcomes":
        return ("From the outcome model: learnt from outcome data and the team's feedback, "
                "shrunk toward the catalog's estimate.")
    if source == "catalog":
        return ("From the catalog's per-category skill (from public measurements) against the "
                "council's difficulty.")
    if source == "catalog-estimate":
        return ("Estimated: no public measurement of this model's skill; the catalog's estimate "
                "carries a wider uncertainty.")
    return f"Source: {source}." if source else "Source not recorded."


def adequacy_sources(rec: Recommendation) -> dict[str, str]:
    """model id -> where its P(adequate) came from ("outcomes" or "catalog")."""
    out: dict[str, str] = {}
    for option in (rec.recommended, rec.default, *rec.candidates):
        if option is not None and option.adequacy_source:
            out.setdefault(option.model_id, option.adequacy_source)
    return out


def source_summary(rec: Recommendation) -> str:
    """How many candidates' adequacy came from each source (empty when none is recorded)."""
    sources = adequacy_sources(rec)
    if not sources or not rec.candidates:  # no model fits: the default alone is no summary
        return ""
    covered = sorted(m for m, s in sources.items() if s == "outcomes")
    rest = len(sources) - len(covered)
    if not covered:
        return (f"P(adequate) of {'the one model' if rest == 1 else f'all {rest} models'} "
                "comes from the catalog's per-category skill (no outcome model covers "
                f"{'it' if rest == 1 else 'them'}).")
    return (f"P(adequate) from the outcome model for {', '.join(covered)}; from the catalog's "
            f"per-category skill for the other {rest}.")


# ---------------------------------------------------------------- the headline


TASK_HEAD_CHARS = 600
TASK_HEAD_LINES = 8


def task_head(description: str) -> tuple[str, bool]:
    """The start of a long description for the answer's heading, and whether it was cut:
    at most TASK_HEAD_LINES lines and TASK_HEAD_CHARS characters, cut at a word."""
    lines = description.splitlines()
    head = "\n".join(lines[:TASK_HEAD_LINES])
    if len(head) > TASK_HEAD_CHARS:
        head = head[:TASK_HEAD_CHARS].rsplit(" ", 1)[0]
    if head == description:
        return description, False
    return head.rstrip() + " …", True


def no_fit_title(rec: Recommendation) -> str:
    """Why there is no pick: some models meet the constraints but none clears the bar, or
    none meets the constraints at all."""
    return "No model clears the quality bar" if rec.candidates else "No model fits"


@dataclass(frozen=True)
class Metric:
    label: str
    value: str


def headline_metrics(pick: Candidate, bar: float = 0.0,
                     month: str = "per month") -> list[Metric]:
    """The pick's three costs and its P(adequate), as the page's metrics show them; a P
    under the quality bar ``bar`` never reads as the bar itself; ``month`` heads the monthly
    figure (``month_heading``)."""
    return [Metric("Per call", money(pick.cost.per_call)),
            Metric("Per task", money(pick.cost.per_task)),
            Metric(month[:1].upper() + month[1:], money(pick.cost.per_month)),
            Metric("P(adequate)", percent_beside(pick.p_adequate, bar))]


def volume_caption(rec: Recommendation) -> str | None:
    """Under "Per month": the monthly volume it rests on and whose it is, so a one-off task
    priced at a category's typical team volume says so beside the figure."""
    note = next((a for a in rec.assumption_notes if a.name == "runs_per_month"), None)
    if note is None or not isinstance(note.value, int | float):
        return None
    tasks = "1 task" if note.value == 1 else f"{count(note.value)} tasks"  # not "1 tasks"
    at = f"At {tasks} a month"
    if note.source == "text" and "a one-off:" in str(note.why):
        return f"At {tasks} done once (a one-off, priced as one month), {note.why}."
    if note.source == "you":
        return f"{at} (yours)."
    if note.source == "text":
        return f"{at}, {note.why}."
    said = unread_said(str(note.why))
    if note.source == "category default" and said:
        # "classify each row of this spreadsheet": a one-off over rows it does not count
        once = period_words(rec.assumption_notes) != "a month"
        at = f"At {count(note.value)} tasks done once" if once else at
        return (f"{at}: a typical volume for this kind of task, not yours; {said}. Put it in "
                "'Tasks / month'.")
    if note.source == "category default":
        return (f"{at}: a typical volume for this kind of task, not yours. Give yours in "
                "'Tasks / month' (for a job done once: its number of items, 1 for a "
                "single document).")
    return f"{at} ({note.source}: {note.why})."


def pick_caption(pick: Candidate) -> str:
    return (f"Model id: {pick.model_id} · provider {pick.provider} · price from "
            f"{pick.cost.price_effective_from or 'n/a'}")


def month_heading(rec: Recommendation) -> str:
    """What heads a monthly figure in a metric, a table or a chart: "per month", or "for the
    job" for a task the words say runs once, whose "month" is the whole job (decision QA 16:
    a one-off's page read "Per month" beside "At 1 task done once")."""
    return "per month" if period(rec) == "a month" else "for the job"


def period(rec: Recommendation) -> str:
    """What the answer's monthly figures cover in a sentence: "a month", or "for this task"
    for a task the words say runs once (``workload.period_words``)."""
    return period_words(rec.assumption_notes)


def saving_line(rec: Recommendation) -> str | None:
    """The saving against the default frontier model, in one sentence (Markdown)."""
    if rec.recommended is None or rec.saving_per_month is None:
        return None
    if rec.recommended.model_id == rec.default.model_id and round(rec.saving_per_month, 2) == 0:
        # "this saves $0 a month" read as a failed search for savings (QA round 9)
        return (f"The pick is the default frontier model, **{rec.default.model_id}**, "
                "itself: nothing is saved against it.")
    return (f"Against the default frontier model **{rec.default.model_id}** "
            f"({money(rec.default.cost.per_month)} {period(rec)}) this "
            f"**{saves(rec.saving_per_month)} {period(rec)}**.")


def expected_line(rec: Recommendation) -> str | None:
    """The pick's expected cost a task as its sum (Markdown): price + P(failure) x failure
    cost, with where the failure cost came from. None without one, or under a budget."""
    pick, d = rec.recommended, rec.decision
    if pick is None or d is None or pick.expected_per_task is None or d.budget is not None:
        return None  # a budget's plan maximises successes: it is shown instead
    where = ("your figure" if d.failure_cost_source == "you"
             else f"read {d.failure_cost_why}; your own figure replaces it"
             if d.failure_cost_source == "text"
             else "the category's default: give your own in the form")
    # "with failures counted" first: a one-off's period ends in ", once" (user QA 18: "($66.89
    # for the 50,000 tasks, once with failures counted)")
    month = (f" (with failures counted, {money(pick.expected_per_month)} {period(rec)})"
             if pick.expected_per_month is not None else "")
    return (f"Expected cost a task: {money(pick.cost.per_task)} price + "
            f"{failure_share(pick.p_adequate)} chance of failure x "
            f"{money(d.failure_cost_usd)} a failure ({where}) = "
            f"**{money(pick.expected_per_task)}**{month}.")


@dataclass(frozen=True)
class BudgetView:
    """A monthly budget's plan as the page shows it: one sentence and a row per model."""

    headline: str
    rows: list[dict[str, str]]


def budget_view(rec: Recommendation) -> BudgetView | None:
    """The plan for "the best I can get for $X a month" (None without a budget)."""
    plan = rec.decision.budget if rec.decision is not None else None
    if plan is None:
        return None
    split_shares = shares([p.share for p in plan.parts])
    split = " and ".join(f"{s} of tasks to **{p.model_id}**"
                         for p, s in zip(plan.parts, split_shares, strict=True))
    headline = (f"**Your budget, {money(plan.budget_per_month)} a month** "
                f"({plan.runs_per_month:,.0f} tasks): send {split}. It spends "
                f"{money(plan.spend_per_month)} a month for "
                f"{plan.expected_successes_per_month:,.0f} expected successes "
                f"({percent(plan.expected_success_rate)}), more than any other model or mix "
                "the budget affords." + _pick_alone(rec, plan))
    rows = [{"model": p.model_id, "share of tasks": s,
             "tasks a month": f"{p.tasks_per_month:,.0f}",
             "cost a month": money(p.cost_per_month), "P(adequate)": percent(p.p_adequate)}
            for p, s in zip(plan.parts, split_shares, strict=True)]
    return BudgetView(headline, rows)


def _pick_alone(rec: Recommendation, plan: Any) -> str:
    """What the spend over the pick alone buys, when the pick fits the budget: QA round 15's
    "Our budget is $150 a month" spent $150.00 for 1,850 successes where the pick alone gave
    1,840 for $59.86, and the page never said the last $90 bought about 10."""
    pick = rec.recommended
    if pick is None or pick.cost.per_month > plan.budget_per_month:
        return ""
    extra_usd = plan.spend_per_month - pick.cost.per_month
    alone = pick.p_adequate * plan.runs_per_month
    more = plan.expected_successes_per_month - alone
    if extra_usd < 0.005 or more <= 0:
        return ""
    each = f" ({money(extra_usd / more)} each)" if more >= 1 else ""
    return (f" {pick.model_id} alone spends {money(pick.cost.per_month)} for {alone:,.0f} "
            f"expected successes; the other {money(extra_usd)} buys {more:,.0f} more{each}. "
            "To keep it instead, turn on 'A ceiling, not a sum to spend'.")


def ceiling_line(rec: Recommendation) -> str | None:
    """Under "at most $X a month": what the pick spends of the ceiling, and how many models
    the ceiling left out (None without a ceiling). A ceiling is kept, not spent."""
    d, pick = rec.decision, rec.recommended
    if d is None or d.ceiling_usd_per_month is None or pick is None:
        return None
    ceiling = d.ceiling_usd_per_month
    out = (f" {d.over_ceiling} model{'s' if d.over_ceiling != 1 else ''} over it "
           f"{'were' if d.over_ceiling != 1 else 'was'} left out." if d.over_ceiling else "")
    how = ("the least expected cost under it" if d.floor_met else
           "the most likely to succeed under it (none clears the floor)")
    return (f"Your ceiling, {money(ceiling)} a month, is a limit, not a sum to spend: the pick "
            f"is {how} and spends {money(pick.cost.per_month)} a "
            f"month ({percent(pick.cost.per_month / ceiling)} of it).{out}")


@dataclass(frozen=True)
class Doubts:
    """Why the reading of this description is doubtful, in plain words."""

    reasons: list[str]
    no_words: bool  # nothing in it says what the task is (a number, an emoji)


def doubts(rec: Recommendation) -> Doubts:
    """The local classifier's input checks on the task's words (council.assess.input_flags:
    the same checks the classifier runs, on the raw text, in microseconds)."""
    reasons = input_flags(rec.spec.description)
    return Doubts(reasons, bool(reasons) and reasons[0].startswith(NO_WORDS))


def doubts_sentence(rec: Recommendation) -> str | None:
    """The doubts as one plain sentence (the page, the export and the CLI say the same)."""
    d = doubts(rec)
    if not d.reasons:
        return None
    head = ("Nothing in this description says what the task is" if d.no_words
            else "This description is read with doubt")
    if all(r.startswith("written in ") for r in d.reasons):
        tail = "Check the category below; a sentence in English reads surest."
    elif all(r.startswith("a long text") for r in d.reasons):
        tail = ("Put what you want done in the first lines, and paste the document itself "
                "under 'Count input tokens from a sample'.")
    else:
        tail = ("The category and difficulty are a guess from what there is: say in a "
                "sentence what you want done to sharpen them.")
    return f"{head}: {'; '.join(d.reasons)}. {tail}"


# ---------------------------------------------------------------- the council


def difficulty(a: Assessment | Vote) -> str:
    """Difficulty on the 1-5 scale with its spread: "2.6 ± 0.7"."""
    if a.difficulty is None:
        return "n/a"
    sd = a.difficulty_sd
    return f"{a.difficulty:.1f}" + (f" ± {sd:.1f}" if sd is not None else "")


def category_label(key: str | None) -> str:
    category = BY_KEY.get(key or "")
    return category.label if category else (key or "n/a")


def priced_mix(rec: Recommendation) -> dict[str, float] | None:
    """The categories the answer was judged and priced as, when its words describe an agent
    loop (``council.task_mix``: agentic lifted to half), else None (the council's reading
    alone).

    The answer's stored mix (``Recommendation.priced_mix``), so a share link shows what the
    answer was priced with whatever the reader says today. An answer stored before the mix
    was kept has none: for it the words are read again with today's reader (what the page
    did then), which may differ from what it was priced with.
    """
    a = rec.assessment
    if a.category is None:
        return None
    mix = rec.priced_mix
    if mix is None:  # an older answer: today's reading of its words
        mix = dict(read_task(rec.spec.description, a.category, a.category_p).mix)
    return shown_mix(mix, a.category_p)


def mix_sentence(mix: Mapping[str, float] | None) -> str:
    """" Your words describe an agent loop, so it is judged and priced as ..." or "" (``mix``:
    ``priced_mix`` of the answer)."""
    if mix is None:
        return ""
    return (" Your words describe an agent loop, so it is judged and priced as "
            + " + ".join(f"**{category_label(k)}** {s}" if k else f"other categories {s}"
                         for k, s in mix_shares(mix)) + ".")


def council_line(a: Assessment, mix: Mapping[str, float] | None = None) -> str:
    """The verdict in one line; with an agent loop in the words, the mix it is judged as
    (``priced_mix`` of the answer)."""
    return (f"Category **{category_label(a.category)}**, difficulty **{difficulty(a)}** on the "
            f"1-5 scale.{mix_sentence(mix)} Council cost "
            f"{money(a.council_cost_usd)}.")


def encoder_label(name: str) -> str:
    """A short name for an encoder: "MiniLM", "MiniLM (fine-tuned)", "e5"; an unknown one as
    it is."""
    lower = name.lower()
    if "minilm" in lower:
        return "MiniLM (fine-tuned)" if "+tuned" in lower else "MiniLM"
    return "e5" if "e5" in lower else name


def reading_words(r: CategoryReading) -> str:
    """The local classifier's category reading in plain words, with its numbers."""
    first = encoder_label(r.first_encoder)
    if r.read_again:
        second = encoder_label(r.encoder)
        return (f"read twice: {first} was unsure ({r.first_top_p:.2f} on its top category, "
                f"under the {r.cut:.2f} cut), so {second} read the task again; the category "
                f"mixes the two readings, mostly {second}'s")
    if r.cut is None:
        return f"read by {first} only (this classifier has no second reading)"
    return (f"read by {first} only: sure enough ({r.first_top_p:.2f} on its top category, "
            f"at or above the {r.cut:.2f} cut for a second reading)")


def reading_line(a: Assessment) -> str | None:
    """"The local classifier's category: read by MiniLM only ...", or None without one."""
    r = a.category_reading
    return None if r is None else f"The local classifier's category: {reading_words(r)}."


def cached_note(v: Vote) -> str:
    """"cached (asked 2026-11-29, took 1.23 s)" for a vote from the vote cache, else ""."""
    if not v.cached:
        return ""
    when = f"asked {v.cached_at[:10]}" if v.cached_at else "asked earlier"
    took = (f", took {v.original_latency_s:.2f} s" if v.original_latency_s is not None
            else "")
    return f"cached ({when}{took})"


def vote_line(v: Vote) -> str:
    """One vote in words: what it said, or why it was dropped."""
    if v.error:
        return f"{v.voter} ({v.kind}): dropped: {v.error}"
    reason = f": {v.reason}" if v.reason else ""
    cached = f" [{cached_note(v)}]" if v.cached else ""
    return f"{v.voter} ({v.kind}): {v.category}, difficulty {difficulty(v)}{reason}{cached}"


def low_confidence_line(a: Assessment) -> str:
    """Why the verdict is unsure, for the one reader there is or the several that disagree."""
    answered = [v for v in a.votes if not v.error]
    if len(answered) <= 1:
        return ("Low confidence: the local classifier is unsure of this reading (its reason is "
                "in the table below). Treat the category and difficulty as a wide guess.")
    return ("Low confidence: the voters disagree, or the task is unlike anything the local "
            "classifier was trained on. Treat the category and difficulty as a wide guess.")


def vote_rows(a: Assessment) -> list[dict[str, str]]:
    """Who said what, why, how long it took and what it cost (a cached vote says so)."""
    return [{"voter": v.voter, "kind": v.kind, "model": v.model or "",
             "category": v.category or "", "difficulty": difficulty(v),
             "reason": v.error or v.reason or "", "seconds": f"{v.latency_s:.2f}",
             "cost": money(v.cost_usd),
             "status": "dropped" if v.error else ("counted, " + cached_note(v) if v.cached
                                                   else "counted")}
            for v in a.votes]


# ---------------------------------------------------------------- tables


def candidate_points(rec: Recommendation) -> list[dict[str, Any]]:
    """Every candidate as a point of the cost-adequacy chart (numbers, not text).

    ``labelled``: only the pick and its alternatives carry a name on the chart (the rest
    have tooltips), so the names stay legible on a phone instead of piling up along the
    frontier. ``label role`` ("pick", "safer_dearer", "cheaper_riskier", "closest") places each
    name on its own line: those points sit close together, often within a few percent.
    """
    pick = rec.recommended.model_id if rec.recommended else None
    named = {a.model_id: a.role for a in other_alternatives(rec)}
    if pick is not None:
        named[pick] = "pick"
    offsets = label_offsets(named)
    return [{"model": c.model_id, "cost per month": c.cost.per_month,
             "P(adequate)": c.p_adequate, "pareto": c.pareto, "recommended": c.model_id == pick,
             "labelled": c.model_id in named, "label role": named.get(c.model_id),
             "label dy": offsets.get(c.model_id),
             "meets bar": c.meets_bar, "adequacy from": source_label(c.adequacy_source)}
            for c in rec.candidates]


# Where each name sits against its point, in pixels: the pick's just above, the safer one's
# higher, the cheaper one's below; names that share a role take the next free line.
LABEL_LINES = {"pick": (-12,), "safer_dearer": (-26, -40, -54),
               "cheaper_riskier": (16, 30, 44), "closest": (16, 30, 44, -26, -40)}


def label_offsets(named: dict[str, str]) -> dict[str, int]:
    """model id -> a vertical offset for its name, no two names of one role on one line."""
    used: set[int] = set()
    out: dict[str, int] = {}
    for model_id, role in named.items():
        lines = LABEL_LINES.get(role, (16,))
        dy = next((y for y in lines if y not in used), lines[-1])
        used.add(dy)
        out[model_id] = dy
    return out


def other_alternatives(rec: Recommendation) -> list[Any]:
    """The alternatives other than the pick itself (with no model over the floor, the
    selection lists the closest models, and the pick is one of them)."""
    pick = rec.recommended.model_id if rec.recommended else None
    return [a for a in rec.alternatives if a.model_id != pick]


def alternative_rows(rec: Recommendation) -> list[dict[str, str]]:
    """The alternatives as table rows; each P as its "why" sets it against the pick's."""
    sources = adequacy_sources(rec)
    pick, bar = rec.recommended, rec.quality_bar or None

    def p(value: float) -> str:
        if pick is None:
            return percent_beside(value, rec.quality_bar)
        return percent_against(value, pick.p_adequate, bar)

    return [{"role": ROLE_LABELS.get(a.role, a.role), "model": a.model_id,
             "P(adequate)": p(a.p_adequate),
             # an excluded model's source is not recorded: a dash, not an empty cell
             "adequacy from": source_label(sources.get(a.model_id)) or "–",
             "per call": money(a.cost.per_call), "per month": money(a.cost.per_month),
             "why": a.why}
            for a in other_alternatives(rec)]


def breakdown_rows(cost: Cost) -> list[dict[str, str]]:
    """A cost itemised per task and per month (input, cache, output, reasoning)."""
    return [{"part": part.replace("_", " "), "per task": money(value),
             "per month": money(cost.parts_per_month.get(part))}
            for part, value in cost.parts_per_task.items()
            if value or cost.parts_per_month.get(part)]


def variant_rows(pick: Candidate) -> list[dict[str, str]]:
    """The pick priced real-time vs batch, with and without caching."""
    return [{"variant": MODE_LABELS.get(name, name.replace("_", " ")),
             "per call": money(v.per_call), "per task": money(v.per_task),
             "per month": money(v.per_month)}
            for name, v in pick.variants.items()]


# read from the description (council.workload_words, council.money_words)
ASSUMPTION_SOURCES = {"text": "your words"}
# counts read as the headline reads them (``format.count``): "runs per month 2,167", never
# "2,166.67" beside "At 2,167 tasks a month" (QA round 15); calls a task may be an average
COUNTED = ("runs_per_month", "input_tokens", "output_tokens", "cached_prefix_tokens",
           "reasoning_tokens", "observation_tokens")


def assumption_value(name: str, value: float | int | bool | str) -> str:
    """An assumption's value as a person reads it: "$58.25", "no", "3,515", "2.5"."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if "usd" in name:
        return money(value)
    if name in COUNTED or float(value).is_integer():
        return count(value)
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def assumption_rows(rec: Recommendation) -> list[dict[str, str]]:
    return [{"assumption": a.name.replace("_", " "), "value": assumption_value(a.name, a.value),
             "from": ASSUMPTION_SOURCES.get(a.source, a.source), "why": a.why}
            for a in rec.assumption_notes]


def excluded_rows(rec: Recommendation) -> list[dict[str, str]]:
    return [{"model": e.model_id, "provider": e.provider, "why not": "; ".join(e.reasons)}
            for e in rec.excluded]


def rated_models(rec: Recommendation) -> list[str]:
    """The models feedback can be about: the pick first, then every candidate."""
    ids = [rec.recommended.model_id] if rec.recommended else []
    return list(dict.fromkeys([*ids, *(c.model_id for c in rec.candidates)]))


def recent_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History's recent recommendations (``council.store.recent``) as table rows."""
    return [{"open": f"/?r={r['share_id']}",
             "when (UTC)": r["created_at"].replace("T", " ")[:16],
             "task": r["description"][:120], "recommended": r["recommended_model"],
             "per month": money(r["cost_per_month"]),
             "default per month": money(r["default_cost_per_month"]),
             "feedback": (f"{r['adequate_votes']}/{r['feedback_count']} adequate"
                          if r["feedback_count"] else "")}
            for r in rows]


def movement_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History's verdicts (``council.outcomes.movement.prediction_movement``), then and now."""
    return [{"open": f"/?r={r['share_id']}", "rated (UTC)": r["rated_at"].replace("T", " ")[:16],
             "task": r["task"][:100], "model": r["model"], "verdict": r["verdict"],
             "P then": percent(r["p_then"]), "source then": r["source_then"] or "",
             "P now": percent(r["p_now"]), "source now": r["source_now"],
             "moved": f"{r['moved'] * 100:+.1f} pts" if r["moved"] is not None else ""}
            for r in rows]


# ---------------------------------------------------------------- sentences


def advice_markdown(rec: Recommendation) -> str:
    """Advice as a Markdown list, biggest saving first, the detail in full.

    A table cut the detail off at the column edge, and the detail is the advice.
    """
    items = sorted(rec.advice, key=lambda a: -a.saving_per_month)
    return "\n".join(f"- **{a.title}** (saves {money(a.saving_per_month)} {period(rec)})"
                     + (f": {a.detail}" if a.detail else "") for a in items)


def explanation_markdown(rec: Recommendation) -> str:
    return "\n".join(f"- {line}" for line in rec.explanation)


def cascade_text(rec: Recommendation) -> str | None:
    c = rec.cascade
    if c is None:
        return None
    effect = (f"{money(-c.saving_per_month)} more" if c.saving_per_month < 0
              else f"{money(c.saving_per_month)} saved")
    verdict = "worth it" if c.worth_it else "not worth it here"
    d = rec.decision
    if d is not None and d.exceeds_ceiling(c.expected_per_month):
        verdict = f"not worth it here, over your {money(d.ceiling_usd_per_month or 0.0)} ceiling"
    note = f" This assumes {c.note.removeprefix('assumes ')}." if c.note else ""
    sums = f" Per task: {c.arithmetic}." if c.arithmetic else ""
    cascade_usd, alone_usd = money_apart(c.expected_per_month, c.strong_only_per_month)
    return (f"Try **{c.cheap}** first and escalate to **{c.strong}** when it "
            f"fails (about {percent(c.escalation_rate)} of tasks): expected "
            f"{cascade_usd} {period(rec)} against {alone_usd} for {c.strong} alone "
            f"({effect}): {verdict}.{sums}{note}")


def changes(old: Recommendation, new: Recommendation) -> list[dict[str, Any]]:
    """What differs between a stored answer and a re-run on today's catalog."""
    def pick(rec: Recommendation, what: str) -> str:
        c = rec.recommended
        if c is None:
            return "n/a"
        return {"model": c.model_id, "p": percent(c.p_adequate), "source": c.adequacy_source,
                "call": money(c.cost.per_call), "month": money(c.cost.per_month)}[what]

    rows: list[dict[str, Any]] = [
        {"what": "catalog version", "then": old.catalog_version, "now": new.catalog_version},
        {"what": "recommended model", "then": pick(old, "model"), "now": pick(new, "model")},
        {"what": "P(adequate)", "then": pick(old, "p"), "now": pick(new, "p")},
        {"what": "adequacy source", "then": pick(old, "source"), "now": pick(new, "source")},
        {"what": "cost per call", "then": pick(old, "call"), "now": pick(new, "call")},
        {"what": "cost per month", "then": pick(old, "month"), "now": pick(new, "month")},
        {"what": "default model per month", "then": money(old.default.cost.per_month),
         "now": money(new.default.cost.per_month)},
    ]
    for row in rows:
        row["changed"] = row["then"] != row["now"]
    return rows


# ---------------------------------------------------------------- whole documents


def md_cell(text: str) -> str:
    """``text`` on one line with its pipes escaped, so it stays in its Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def fenced(text: str) -> str:
    """``text`` as a Markdown code block that nothing inside it can close or render."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def to_markdown(share_id: str, created_at: str, rec: Recommendation) -> str:
    """The answer as a Markdown document for export; the task is quoted, never rendered."""
    lines = [f"# LLM Council recommendation `{share_id}`", "",
             f"*{created_at} · catalog version `{rec.catalog_version}`*", "",
             "## Task", "", fenced(rec.spec.description), ""]
    if (doubt := doubts_sentence(rec)) is not None:
        lines += [f"**{doubt}**", ""]
    pick = rec.recommended
    if pick is not None:
        lines += ["## Recommendation", "",
                  f"**{pick.model_id}** · P(adequate) "
                  f"{percent_beside(pick.p_adequate, rec.quality_bar)}"
                  f", from {source_label(pick.adequacy_source)}", "",
                  "| per call | per task | per month |", "|---|---|---|",
                  f"| {money(pick.cost.per_call)} | {money(pick.cost.per_task)} | "
                  f"{money(pick.cost.per_month)} |", "",
                  f"Default frontier model {rec.default.model_id}: "
                  f"{money(rec.default.cost.per_month)} {period(rec)} "
                  f"(this {saves(rec.saving_per_month or 0.0)} {period(rec)}).", ""]
    else:
        lines += [f"## {no_fit_title(rec)}", "", rec.no_fit or "", ""]
    decision = decision_lines(rec)
    if decision or (pick is not None and rec.no_fit):
        lines += ["## Decision", ""]
        if pick is not None and rec.no_fit:
            lines += [f"**Floor not met.** {rec.no_fit}", ""]
        if decision:
            lines += [fenced("\n".join(decision)), ""]
    a = rec.assessment
    lines += ["## Council", "", f"Category **{category_label(a.category)}**, difficulty "
              f"{difficulty(a)}.{mix_sentence(priced_mix(rec))}", ""]
    if (reading := reading_line(a)) is not None:
        lines += [reading, ""]
    lines += [f"- {vote_line(v)}" for v in a.votes]
    lines.append("")
    if other_alternatives(rec):
        lines += ["## Alternatives", ""]
        lines += [f"- {r['role']}: {r['model']}, P(adequate) {r['P(adequate)']}"
                  + (f" ({r['adequacy from']})" if r["adequacy from"] else "")
                  + f", {r['per month']} per month" for r in alternative_rows(rec)]
        lines.append("")
    if rec.advice:
        lines += ["## Advice", "", advice_markdown(rec), ""]
    cascade = cascade_text(rec)
    if cascade:
        lines += ["## Cascade", "", cascade, ""]
    if rec.explanation:
        lines += ["## Why", "", explanation_markdown(rec), ""]
    if rec.assumption_notes:
        lines += ["## Assumptions", "", "| assumption | value | from | why |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(md_cell(r[k]) for k in ("assumption", "value", "from", "why"))
                  + " |" for r in assumption_rows(rec)]
        lines.append("")
    if rec.notes:
        lines += ["## Notes", ""] + [f"- {md_cell(n)}" for n in rec.notes] + [""]
    return "\n".join(lines)


def to_json(share_id: str, created_at: str, rec: Recommendation) -> str:
    return json.dumps({"share_id": share_id, "created_at": created_at,
                       "spec": rec.spec.model_dump(mode="json"),
                       "recommendation": rec.to_dict()}, indent=2, sort_keys=True)


def decision_lines(rec: Recommendation) -> list[str]:
    """The monthly budget's mix and the expected-cost arithmetic, as text lines."""
    d = rec.decision
    if d is None:
        return []
    lines: list[str] = []
    if (ceiling := ceiling_line(rec)) is not None:
        lines.append(ceiling)
    if d.budget is not None:
        b = d.budget
        lines.append(f"Budget {money(b.budget_per_month)} a month: {b.note}; expected successes "
                     f"{b.expected_successes_per_month:,.0f} a month "
                     f"({percent(b.expected_success_rate)}), spend {money(b.spend_per_month)}")
        lines += [f"  {p.model_id}: {percent(p.share)} of tasks, {money(p.cost_per_month)} a "
                  f"month, P(adequate) {percent(p.p_adequate)}" for p in b.parts]
    if d.arithmetic:
        lines.append(f"Expected cost a task (price + P(failure) x {money(d.failure_cost_usd)}, "
                     f"{ASSUMPTION_SOURCES.get(d.failure_cost_source, d.failure_cost_source)}):")
        lines += [f"  {line}" for line in d.arithmetic]
    return lines


def to_text(rec: Recommendation) -> str:
    """The answer as the CLI prints it: short readable lines."""
    lines: list[str] = []
    per = period(rec)  # "a month", or "for this task" for a one-off
    if (doubt := doubts_sentence(rec)) is not None:
        lines.append(doubt)
    pick = rec.recommended
    if pick is not None:
        c = pick.cost
        lines.append(f"Use {pick.name} ({pick.model_id}, {pick.provider}): "
                     f"P(adequate) {percent_beside(pick.p_adequate, rec.quality_bar)} "
                     f"[{source_label(pick.adequacy_source)}]")
        mode = ("batch" if c.batch else "real-time") + (", cached prefix" if c.caching else "")
        lines.append(f"  per call {money(c.per_call)} · per task {money(c.per_task)} · "
                     f"per month {money(c.per_month)} ({mode})")
        parts = ", ".join(f"{r['part']} {r['per month']}" for r in breakdown_rows(c))
        lines.append(f"  per month itemised: {parts}")
        lines += [f"  note: {n}" for n in pick.notes]
        for row in variant_rows(pick):
            lines.append(f"  {row['variant']:<26} {row['per month']} {per}")
        lines.append(f"  vs default {rec.default.model_id}: {money(rec.default.cost.per_month)} "
                     f"{per}, this {saves(rec.saving_per_month or 0.0)}")
    if pick is not None and rec.no_fit:
        lines.append(f"Floor not met: {rec.no_fit}")
    elif pick is None:
        lines.append(f"No recommendation. {rec.no_fit or ''}")
    lines += decision_lines(rec)
    for row in alternative_rows(rec):
        lines.append(f"{row['role']}: {row['model']} P(adequate) {row['P(adequate)']}, "
                     f"{row['per month']} {per} — {row['why']}")
    if rec.cascade is not None and rec.cascade.worth_it:
        c2 = rec.cascade
        lines.append(f"cascade: {c2.cheap} then {c2.strong} on failure "
                     f"({percent(c2.escalation_rate)}): expected "
                     f"{money(c2.expected_per_month)} a month, if failures are detected"
                     + (f"; per task {c2.arithmetic}" if c2.arithmetic else ""))
    a = rec.assessment
    lines.append(f"Council: {a.category}, difficulty {difficulty(a)}, cost "
                 f"{money(a.council_cost_usd)}")
    if (mix := priced_mix(rec)) is not None:
        lines.append("  judged and priced as an agent loop: " + ", ".join(
            f"{k or 'other categories'} {s}" for k, s in mix_shares(mix)))
    if a.category_reading is not None:
        lines.append(f"  category reading: {reading_words(a.category_reading)}")
    lines += [f"  {vote_line(v)} ({money(v.cost_usd)})" for v in a.votes]
    if rec.advice:
        lines.append("Advice:")
        lines += [f"  - {x.title}: saves {money(x.saving_per_month)} {per}. {x.detail}"
                  for x in rec.advice]
    lines.append("Why:")
    lines += [f"  {line}" for line in rec.explanation]
    lines.append("Assumptions (change with the options above):")
    lines += [f"  {x.name} = {assumption_value(x.name, x.value)} ({x.source}: {x.why})"
              for x in rec.assumption_notes]
    lines += [f"note: {n}" for n in rec.notes]
    lines.append(f"catalog version {rec.catalog_version}")
    return "\n".join(lines)
