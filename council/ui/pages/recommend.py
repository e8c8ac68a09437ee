"""Recommend page: describe a task, watch the council vote, read the answer, share it.

A fresh answer is saved first and then rendered from the stored answer, exactly as a share
link (`?r=<id>`) renders it, so both show the same numbers (through ``council.present``).
"""

from __future__ import annotations

import math
import queue
import re
import threading
import time
from typing import TYPE_CHECKING, Any

import altair as alt
import streamlit as st

from council import present, store
from council.errors import BudgetTooLow, CouncilError, InvalidInput
from council.format import money, percent
from council.redact import REDACTED, redact
from council.task import CAPABILITIES, parse_task
from council.ui import client, state
from council.ui.errors import message_for, shown_errors
from council.ui.text import md_escape, text_rows

if TYPE_CHECKING:
    from council.api import Recommendation
    from council.assembly import Council
    from council.assessment import Vote
    from council.catalog.model import Catalog
    from council.catalog.store import CatalogStore
    from council.task import TaskSpec
    from council.workload import DefaultsLookup

QUALITY_HELP = ("An optional floor on P(adequate): draft 60%, standard 75%, production 90%; "
                "none: the least expected cost alone")
FAILURE_HELP = ("Rework, a person's time, a retry with a stronger model: what one bad answer "
                "costs. The pick minimises price + P(failure) x this. Blank: what your "
                "description says (\"a wrong answer costs us about $200\", \"a bad summary "
                "means 30 minutes of rework\"), else the category's default, shown in the "
                "answer as an assumption; 0: the cheapest model over the floor.")
BUDGET_HELP = ("\"The best I can get for $X a month\": the model, or a mix of two, with the "
               "most expected successes within it; with 'A ceiling' on, a limit to stay under. "
               "Blank: a budget your description names (\"for $50 a month\"), else no budget.")
CEILING_HELP = ("The monthly budget (yours, or one your description names) is a limit, not a "
                "sum to spend: the least expected cost among the models whose month fits "
                "under it, not the most successes it buys.")
WORKLOAD_FIELDS = ("input_tokens", "output_tokens", "cached_prefix_tokens", "calls_per_task",
                   "runs_per_month", "reasoning_tokens", "min_context")
DOLLAR_FIELDS = ("failure_cost_usd", "budget_usd_per_month")


def page() -> None:
    """The form, the live vote and the recommendation; `?r=<id>` reopens a stored one."""
    st.title("Which LLM should I use?")
    st.caption("Describe the task and its volume. The council of models judges how hard it is; "
               "the catalog prices every model that can do it.")
    share_id = st.query_params.get("r")
    state.warm_up()
    with shown_errors():
        catalog_store = state.get_catalog_store()
        providers = catalog_store.current().providers
        _sample_counter()
        submitted = _form(providers)
        if submitted is not None:
            share_id = _run(submitted, catalog_store)
        if share_id:
            _show_stored(share_id, catalog_store)


# ---------------------------------------------------------------- the form


def _form(providers: tuple[str, ...]) -> dict[str, Any] | None:
    """The task and workload form; returns the raw fields when submitted."""
    with st.form("task_form"):
        description = st.text_area(
            "What do you want done?", key="description", height=120,
            placeholder="e.g. Classify 10,000 support tickets a night into 12 queues, "
                        "returning JSON")
        st.markdown("**Workload** · leave a number blank to use the category's default; "
                    "the answer lists every assumption it made.")
        a, b, c, d, e = st.columns(5)
        fields: dict[str, Any] = {
            "input_tokens": a.number_input("Input tokens / call", value=None, step=100,
                                           key="input_tokens"),
            "output_tokens": b.number_input("Output tokens / call", value=None, step=50,
                                            key="output_tokens"),
            "cached_prefix_tokens": c.number_input("Fixed prefix tokens", value=None,
                                                   step=100, key="cached_prefix_tokens"),
            "calls_per_task": d.number_input("Calls / task", value=None, step=1,
                                             key="calls_per_task"),
            "runs_per_month": e.number_input("Tasks / month", value=None, step=100.0,
                                             key="runs_per_month"),
        }
        k, m, _ = st.columns([1, 1, 3])
        fields["reasoning_tokens"] = k.number_input(
            "Reasoning tokens / call", value=None, step=100, key="reasoning_tokens",
            help="Thinking tokens for reasoning models; blank = estimated from difficulty")
        fields["min_context"] = m.number_input("Min context window", value=None, step=1000,
                                               key="min_context")
        f, g, h = st.columns([2, 2, 3])
        fields["needs"] = f.multiselect("Must support", CAPABILITIES, key="needs")
        fields["not_needed"] = f.multiselect(
            "Not needed", CAPABILITIES, key="not_needed",
            help="Overrides the LLM voters when they agree the task needs a capability")
        fields["providers"] = g.multiselect("Only these providers", providers, key="providers")
        # The default lives in session state, not in `default=`: "Edit these assumptions"
        # sets this key, and a widget given both logs a warning with a stack trace.
        st.session_state.setdefault("quality", "standard")
        fields["quality"] = h.segmented_control(
            "Quality floor", ["none", "draft", "standard", "production"],
            key="quality", help=QUALITY_HELP)
        n, o, _ = st.columns([2, 2, 3])
        # No min_value: a widget's own bound left Recommend doing nothing but a red mark in
        # the box; parse_task refuses a negative figure with a message that names the field.
        fields["failure_cost_usd"] = n.number_input(
            "What does a bad answer cost you? ($ per task)", value=None, step=1.0,
            key="failure_cost_usd", help=FAILURE_HELP)
        fields["budget_usd_per_month"] = o.number_input(
            "Monthly budget ($, optional)", value=None, step=10.0,
            key="budget_usd_per_month", help=BUDGET_HELP)
        fields["budget_ceiling"] = o.toggle("A ceiling, not a sum to spend",
                                            key="budget_ceiling", help=CEILING_HELP)
        i, j = st.columns(2)
        fields["batch"] = i.toggle("Batch is fine (results within 24 h)", key="batch")
        fields["summarise_history"] = j.toggle("Summarise old turns in agent loops",
                                               key="summarise_history")
        if not st.form_submit_button("Recommend", type="primary"):
            return None
    fields["description"] = description
    return fields


def _sample_counter() -> None:
    """Count input tokens from a pasted sample or an uploaded file and copy it into the form."""
    with st.expander("Count input tokens from a sample (text, Markdown, code or PDF)"):
        sample = st.text_area("Paste a typical input", key="sample_text", height=100)
        upload = st.file_uploader("...or upload a file", key="sample_file")
        if st.button("Count tokens", key="count_tokens"):
            with shown_errors():
                count = _count(sample, upload)
                st.session_state["input_tokens"] = count
                st.success(f"{count:,} tokens (o200k_base; each model's tokenizer ratio is "
                           "applied when pricing). Copied into 'Input tokens / call'.")


def _count(sample: str, upload: Any) -> int:
    from council.errors import InvalidInput
    from council.tokens import count_file, count_tokens

    if upload is not None:
        import tempfile
        from pathlib import Path

        # the visitor's own file name (no folders), so a message names the file they chose
        name = Path(upload.name.replace("\\", "/")).name[-120:].lstrip(".") or "sample"
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(upload.getvalue())
            count = count_file(path)
    elif sample.strip():
        count = count_tokens(sample)
    else:
        raise InvalidInput("paste a sample or upload a file first")
    if count < 1:
        raise InvalidInput("the sample has no text to count")
    return count


def _spec_from(fields: dict[str, Any]) -> TaskSpec:
    """A TaskSpec from the form's fields (InvalidInput with a readable message if bad)."""
    clean: dict[str, Any] = {"description": redact(fields["description"] or ""),
                             "needs": frozenset(fields.get("needs") or ()),
                             "not_needed": frozenset(fields.get("not_needed") or ()),
                             "providers": tuple(fields.get("providers") or ()),
                             "quality": fields.get("quality") or "standard",
                             "batch": bool(fields.get("batch")),
                             "summarise_history": bool(fields.get("summarise_history")),
                             "budget_ceiling": bool(fields.get("budget_ceiling"))}
    for name in WORKLOAD_FIELDS:
        value = fields.get(name)
        if value is not None:
            clean[name] = value if name == "runs_per_month" else _whole(name, value)
    for name in DOLLAR_FIELDS:
        if fields.get(name) is not None:
            clean[name] = float(fields[name])
    try:
        return parse_task(**clean)
    except InvalidInput as exc:
        raise in_form_words(exc) from None


# The form's own words for each field, so a message names what the visitor sees.
FIELD_LABELS = {"description": "What do you want done?",
                "input_tokens": "Input tokens / call", "output_tokens": "Output tokens / call",
                "cached_prefix_tokens": "Fixed prefix tokens", "calls_per_task": "Calls / task",
                "runs_per_month": "Tasks / month", "reasoning_tokens": "Reasoning tokens / call",
                "min_context": "Min context window",
                "failure_cost_usd": "What does a bad answer cost you?",
                "budget_usd_per_month": "Monthly budget", "needs": "Must support",
                "not_needed": "Not needed", "providers": "Only these providers"}


def in_form_words(error: BaseException) -> BaseException:
    """A visitor's bad input in the form's own words: "runs_per_month: Input should be
    greater than 0" -> "'Tasks / month' should be greater than 0", a budget named as the
    form labels it ("'Monthly budget': $0.01 a month is below ..."), long numbers grouped.
    Anything but InvalidInput is returned unchanged."""
    budget = f"'{FIELD_LABELS['budget_usd_per_month']}':"
    if isinstance(error, BudgetTooLow):
        return error.naming(budget)
    if not isinstance(error, InvalidInput):
        return error
    message = str(error)
    for name, label in FIELD_LABELS.items():
        message = re.sub(rf"(?<![\w.]){name}: (Input )?", f"'{label}': ", message)
    message = message.replace(": should be", " should be")
    message = message.replace(f"{budget} monthly budget ", f"{budget} ")
    message = re.sub(r"^monthly budget (?=-?\$)", f"{budget} ", message)
    message = re.sub(r"(?<![\w.,$])(\d{5,})(?![\w.,])", lambda m: f"{int(m[1]):,}", message)
    return InvalidInput(message)


def _whole(name: str, value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------- running the council


def _run(fields: dict[str, Any], catalog_store: CatalogStore) -> str | None:
    """Validate, recommend with a live status line per vote, save; return the share id."""
    spec = _spec_from(fields)
    if REDACTED in spec.description and REDACTED not in (fields["description"] or ""):
        # the council (and every LLM voter) reads the text without it; say so, once
        st.warning("**Your description held what looks like an API key.** It was replaced "
                   f"by {REDACTED} before the council read the task or anything was saved. "
                   "If the key is real, revoke it: it is still in the box above until you "
                   "delete it.", icon=":material/key_off:")
    council = _council(catalog_store)
    learned = _learned(council.catalog)  # read here: the connection belongs to this thread
    for note in council.skipped:
        st.caption(f"Voter skipped: {md_escape(note)}")
    votes: queue.Queue[Any] = queue.Queue()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["rec"] = council.recommend(spec, on_vote=votes.put, learned=learned)
        except BaseException as exc:  # re-raised in the script thread below
            result["error"] = exc

    started = time.perf_counter()
    label = (f"The council is voting ({len(council.voters)} LLM voters + local classifier)..."
             if council.voters else "The local classifier is assessing the task ("
             + _why_no_voters(council) + ")...")
    with st.status(label, expanded=True) as status:
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        while worker.is_alive() or not votes.empty():
            try:
                status.write(_vote_line(votes.get(timeout=0.1)))
            except queue.Empty:
                continue
        worker.join()
        if "error" in result:
            status.update(label="No answer: see the message below", state="error")
            raise in_form_words(result["error"])
        status.update(label=f"Council done in {time.perf_counter() - started:.1f} s",
                      state="complete", expanded=False)
    share_id = store.save_recommendation(state.get_db(), result["rec"])
    st.query_params["r"] = share_id
    return share_id


def _why_no_voters(council: Council) -> str:
    if council.voters.problem:
        return "LLM voters are off: the voters file is invalid"
    if council.skipped:  # e.g. a voter whose model is shut down: not a missing key
        return "every LLM voter was skipped: see above"
    return "no LLM voter keys configured"


def _learned(catalog: Catalog) -> DefaultsLookup | None:
    """Workload defaults refitted from the team's imported usage (None: nothing learned)."""
    from council.usage.learn import learned_defaults

    return learned_defaults(state.get_db(), catalog) or None


def _council(catalog_store: CatalogStore) -> Council:
    """The app's council over today's catalog; a damaged outcome model is a warning (every
    adequacy then comes from the catalog)."""
    council = state.get_council(catalog_store.current())
    if council.outcome_error is not None:
        st.warning(message_for(council.outcome_error) + " Adequacy comes from the catalog for "
                   "every model until the outcome model is retrained (`council train`).")
    return council


def _vote_line(vote: Vote) -> str:
    if vote.error:
        return f":red[✗ {md_escape(vote.voter)}] dropped: {md_escape(vote.error)}"
    if vote.cached:
        return (f":green[✓ {md_escape(vote.voter)}] {vote.category}, "
                f"difficulty {present.difficulty(vote)} "
                f"({md_escape(present.cached_note(vote))}, {money(0)})")
    return (f":green[✓ {md_escape(vote.voter)}] {vote.category}, "
            f"difficulty {present.difficulty(vote)} "
            f"({vote.latency_s:.2f} s, {money(vote.cost_usd)})")


# ---------------------------------------------------------------- the answer


def _show_stored(share_id: str, catalog_store: CatalogStore) -> None:
    try:
        stored = store.load_recommendation(state.get_db(), share_id)
    except CouncilError as exc:
        said = message_for(exc).rstrip()
        st.error(said + ("" if said.endswith((".", "!", "?")) else ".")
                 + " Check the link, or make a new recommendation above.")
        return
    _answer(stored.rec, _pick_today(stored, catalog_store))
    st.button("Edit these assumptions and re-run", key="edit_assumptions",
              on_click=_fill_form, args=(stored,),
              help="Copies the task and every assumption the answer used into the form above.")
    _share(stored)
    _feedback(stored)
    _rerun(stored, catalog_store)


def _fill_form(stored: store.StoredRecommendation) -> None:
    """Put the stored task and the workload it assumed into the form's widgets."""
    spec = stored.spec
    used = stored.rec.assumptions
    st.session_state["description"] = spec.description
    st.session_state["needs"] = sorted(spec.needs)
    st.session_state["not_needed"] = sorted(spec.not_needed)
    known = state.get_catalog_store().current().providers
    st.session_state["providers"] = [p for p in spec.providers if p in known]
    st.session_state["quality"] = spec.quality
    st.session_state["batch"] = spec.batch
    st.session_state["summarise_history"] = spec.summarise_history
    st.session_state["budget_ceiling"] = spec.budget_ceiling
    for name in DOLLAR_FIELDS:
        st.session_state[name] = getattr(spec, name, None)
    for name in WORKLOAD_FIELDS:
        value = used.get(name, getattr(spec, name))
        if isinstance(value, int | float) and not isinstance(value, bool):
            st.session_state[name] = float(value) if name == "runs_per_month" else int(value)


def _pick_today(stored: store.StoredRecommendation, catalog_store: CatalogStore) -> str | None:
    """A stored pick that shuts down soon, or has, by today's catalog: a link opened weeks
    later must not send someone to a model that is going away without saying so (nor say it
    twice when the answer did: the catalog it used had the same date, near on its day)."""
    from datetime import UTC, date, datetime

    from council.catalog.availability import shutdown_news, shutdown_problem
    from council.errors import NotFound

    rec = stored.rec
    if rec.recommended is None:
        return None
    model_id = rec.recommended.model_id
    try:
        model = catalog_store.current().get(model_id)
    except NotFound:
        return f"{model_id} is not in today's catalog: re-run with today's catalog below."
    today = datetime.now(UTC).date()
    gone = shutdown_problem(model, today)
    if gone is not None:
        return f"{model_id} has {gone}: re-run with today's catalog below."
    try:
        then = catalog_store.at_version(rec.catalog_version).get(model_id)
    except NotFound:  # that catalog is not stored here: the answer's words cannot be checked
        then = None
    news = shutdown_news(then, date.fromisoformat(stored.created_at[:10]), model, today)
    return None if news is None else f"Today's catalog: {news}."


def _answer(rec: Recommendation, pick_today: str | None = None) -> None:
    st.divider()
    st.markdown("#### Task")
    # The user's words as text, never Markdown or HTML; a pasted contract is clipped so the
    # answer is not 300 lines down the page, and the whole of it is one click away.
    head, clipped = present.task_head(rec.spec.description)
    st.text(head)
    if clipped:
        with st.expander(f"The whole description ({len(rec.spec.description):,} characters)"):
            st.text(rec.spec.description)
    doubt = present.doubts_sentence(rec)
    if doubt is not None:
        head, rest = doubt.split(": ", 1)
        st.warning(f"**{head}:** {md_escape(rest)}", icon=":material/help:")
    pick = rec.recommended
    if pick is None:
        st.warning(f"**{present.no_fit_title(rec)}.** {rec.no_fit or ''}")
    else:
        if rec.no_fit:  # a pick that does not clear the floor: say so, first
            st.warning(f"**No model clears the quality floor.** {rec.no_fit}")
        st.subheader(f"Use {pick.name or pick.model_id}")
        st.caption(present.pick_caption(pick))
        if pick_today:
            st.warning(md_escape(pick_today), icon=":material/event_busy:")
        for note in pick.notes:
            st.info(note, icon=":material/info:")
        cols = st.columns(4)
        month = present.month_heading(rec)
        for col, metric in zip(cols, present.headline_metrics(pick, rec.quality_bar, month),
                               strict=True):
            col.metric(metric.label, metric.value)
        volume = present.volume_caption(rec)
        if volume:
            cols[2].caption(md_escape(volume))  # may quote the user's words
        over = _over_budget(rec)
        if over:
            cols[2].caption(over)
        cols[3].caption(present.source_caption(pick.adequacy_source))
        expected = present.expected_line(rec)
        if expected:
            st.markdown(expected)
    for note in _money_notes(rec):  # a figure of theirs not used: by the figures, not below
        st.warning(md_escape(note), icon=":material/money_off:")
    if pick is not None:
        ceiling = present.ceiling_line(rec)
        if ceiling is not None:
            st.info(md_escape(ceiling), icon=":material/savings:")
            read = _budget_read(rec)
            if read:
                st.caption(md_escape(read))
        budget = present.budget_view(rec)
        if budget is not None:
            st.info(budget.headline, icon=":material/savings:")
            read = _budget_read(rec)
            if read:  # the user's own words and, for "300 € al mese", the rate and its date
                st.caption(md_escape(read))
            st.table(text_rows(budget.rows))
        saving = present.saving_line(rec)
        if saving:
            st.success(saving)
    _votes(rec)
    _chart(rec)
    alternatives = present.alternative_rows(rec)
    if alternatives:
        st.markdown("#### Alternatives")
        # wraps "why"; a grid cut it off at the edge
        st.table(text_rows(_month_columns(alternatives, rec)))
    sources = present.source_summary(rec)
    if sources:
        st.caption(sources)
    cascade = present.cascade_text(rec)
    if cascade and rec.cascade is not None and rec.cascade.worth_it:
        st.markdown("#### Cascade")
        st.markdown(cascade)
    elif cascade and rec.cascade is not None:  # weighed and rejected: its sums on request
        with st.expander(f"A cascade was weighed: not worth it here "
                         f"({money(-rec.cascade.saving_per_month)} more "
                         f"{present.period(rec)})"):
            st.markdown(cascade)
    if rec.advice:
        st.markdown("#### Advice")
        st.markdown(present.advice_markdown(rec))
    if rec.explanation:
        st.markdown("#### Why")
        st.markdown(present.explanation_markdown(rec))
    if pick is not None:
        with st.expander("Cost breakdown"):
            st.dataframe(_month_columns(present.breakdown_rows(pick.cost), rec),
                         hide_index=True, width="stretch")
            st.dataframe(_month_columns(present.variant_rows(pick), rec), hide_index=True,
                         width="stretch")
    # static tables: each "why" is a sentence, which a grid cut off at its right edge
    with st.expander("Assumptions used (change them with the button below)"):
        st.table(text_rows(present.assumption_rows(rec)))
    excluded = present.excluded_rows(rec)
    if excluded:
        with st.expander(f"{len(excluded)} models excluded by hard constraints"):
            st.table(text_rows(excluded))


def _money_notes(rec: Recommendation) -> list[str]:
    """The answer's notes that are not the council's: a budget or a failure cost in the words
    that was not read or not used, and why (council.api puts them after the council's)."""
    return rec.notes[len(rec.assessment.notes):]


def _budget_read(rec: Recommendation) -> str | None:
    """Where a budget read from the words came from, beside the plan: the figure in dollars
    alone hid that "300 € al mese" was converted, at what rate and of which date."""
    note = next((a for a in rec.assumption_notes
                 if a.name == "budget_usd_per_month" and a.source == "text"), None)
    return None if note is None else f"The budget {money(float(note.value))} a month is {note.why}."


def _over_budget(rec: Recommendation) -> str | None:
    """Beside 'Per month': the pick alone costs more than the budget (the plan below mixes in
    a cheaper model to stay within it), so the big figure is not read as the spend."""
    plan = rec.decision.budget if rec.decision is not None else None
    pick = rec.recommended
    if plan is None or pick is None or pick.cost.per_month <= plan.budget_per_month:
        return None
    share = next((p.share for p in plan.parts if p.model_id == pick.model_id), None)
    sends = f"sends it {percent(share)} of tasks and " if share is not None else ""
    return md_escape(f"{money(pick.cost.per_month)} a month for every task is over your "
                     f"{money(plan.budget_per_month)} budget: the plan below {sends}spends "
                     f"{money(plan.spend_per_month)}.")


def _votes(rec: Recommendation) -> None:
    a = rec.assessment
    st.markdown("#### The council's verdict")
    st.write(present.council_line(a, present.priced_mix(rec)))
    reading = present.reading_line(a)
    if reading is not None:
        st.caption(reading)
    for note in a.notes:  # the council's own (figures left unread are by the headline)
        st.caption(md_escape(note))
    if a.low_confidence and not present.doubts(rec).reasons:  # doubts: said at the top
        st.warning(present.low_confidence_line(a))
    rows = present.vote_rows(a)
    if rows:
        st.table(text_rows(rows))  # wraps each voter's reason, which a grid cut off


FRONTIER_LEGEND = {"on the Pareto frontier": "#4B3FD1", "dominated": "#BBBBBB"}
# Two significant digits (d3 "r"), not two decimals: a one-off's log axis read "$0, $0,
# $0.01, $0.1, $1" for ticks at $0.0001 and $0.001 (QA round 15).
COST_AXIS_FORMAT = "$,.2~r"


def _month_columns(rows: list[dict[str, str]], rec: Recommendation) -> list[dict[str, str]]:
    """The rows with their "per month" column headed as ``present.month_heading`` says ("for
    the job" for a one-off)."""
    heading = present.month_heading(rec)
    if heading == "per month":
        return rows
    return [{heading if k == "per month" else k: v for k, v in row.items()} for row in rows]


def _chart(rec: Recommendation) -> None:
    rows = present.candidate_points(rec)
    if not rows:
        return
    st.markdown("#### Cost against adequacy")
    for row in rows:
        row["frontier"] = next(iter(FRONTIER_LEGEND)) if row["pareto"] else "dominated"
    _label_sides(rows)
    base = alt.Chart(alt.Data(values=rows))
    points = base.mark_circle(size=90).encode(
        x=alt.X("cost per month:Q", title=f"cost {present.month_heading(rec)} (USD, log scale)",
                scale=alt.Scale(type="log" if all(r["cost per month"] > 0 for r in rows)
                                else "symlog"),
                axis=alt.Axis(format=COST_AXIS_FORMAT, tickCount=6, grid=False)),
        y=alt.Y("P(adequate):Q", title="P(adequate)", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        color=alt.Color("frontier:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=list(FRONTIER_LEGEND),
                                        range=list(FRONTIER_LEGEND.values()))),
        tooltip=["model:N", alt.Tooltip("cost per month:Q", format="$,.2f",
                                        title=f"cost {present.month_heading(rec)}"),
                 alt.Tooltip("P(adequate):Q", format=".0%"), "adequacy from:N"],
    )
    frontier = base.transform_filter("datum.pareto").mark_line(color="#4B3FD1").encode(
        x="cost per month:Q", y="P(adequate):Q")
    pick = base.transform_filter("datum.recommended").mark_point(
        shape="diamond", size=300, color="#D14B3F", filled=False, strokeWidth=3).encode(
        x="cost per month:Q", y="P(adequate):Q")
    layers = points + frontier + pick
    # The pick and its alternatives are near each other: each name gets its own line
    # (present.label_offsets) so they stay apart at phone width.
    for dy, side in sorted({(r["label dy"], r["label side"]) for r in rows
                            if r["label dy"] is not None}):
        layers += base.transform_filter(
            f"datum['label dy'] == {dy} && datum['label side'] == '{side}'").mark_text(
            align=side, dx=8 if side == "left" else -8, dy=dy, fontSize=11,
            fontWeight="bold" if dy in present.LABEL_LINES["pick"] else "normal").encode(
            x="cost per month:Q", y="P(adequate):Q", text="model:N")
    layers += alt.Chart(alt.Data(values=[{"bar": rec.quality_bar}])).mark_rule(
        strokeDash=[4, 4], color="#888").encode(y=alt.Y("bar:Q", title="P(adequate)"))
    st.altair_chart(layers, width="stretch")
    st.caption("Each dot is a model that meets the hard constraints; the line joins the Pareto "
               "frontier (nothing cheaper is more adequate); the diamond is the pick; the dashed "
               "line is your quality bar.")


def _label_sides(rows: list[dict[str, Any]]) -> None:
    """A name on the right half of the (log) cost axis is written leftwards from its point,
    so the dearest model's name is not cut off at the chart's edge at phone width."""
    costs = [math.log10(r["cost per month"]) for r in rows if r["cost per month"] > 0]
    middle = (min(costs) + max(costs)) / 2 if costs else 0.0
    for row in rows:
        cost = row["cost per month"]
        row["label side"] = "right" if cost > 0 and math.log10(cost) > middle else "left"


# ---------------------------------------------------------------- share, feedback, re-run


def _share(stored: store.StoredRecommendation) -> None:
    st.markdown("#### Share and export")
    base = str(st.context.url or "").split("?")[0].rstrip("/")
    if base.endswith("/recommend"):
        base = base[: -len("/recommend")]
    st.code(f"{base}/?r={stored.share_id}", language=None)
    current = state.get_catalog_store().current_version
    if stored.catalog_version and stored.catalog_version != current:
        st.info(f"Made on catalog `{stored.catalog_version}`; today's is `{current}`. The "
                "numbers above are as they were then.")
    st.caption(f"Saved {stored.created_at} · catalog `{stored.catalog_version}` · the link "
               "holds only this id, never a key.")
    a, b = st.columns(2)
    a.download_button("Download Markdown", present.to_markdown(
        stored.share_id, stored.created_at, stored.rec),
        file_name=f"council-{stored.share_id}.md", mime="text/markdown", key="dl_md")
    b.download_button("Download JSON", present.to_json(
        stored.share_id, stored.created_at, stored.rec),
        file_name=f"council-{stored.share_id}.json", mime="application/json", key="dl_json")


def _feedback(stored: store.StoredRecommendation) -> None:
    st.markdown("#### Was this adequate?")
    for f in stored.feedback:
        st.caption(f"{f['created_at'][:16]} · {md_escape(f['model_id'])}: "
                   f"{'adequate' if f['adequate'] else 'not adequate'} {md_escape(f['note'])}")
    models = present.rated_models(stored.rec)
    if not models:
        return
    # Not clear_on_submit: a refused note (too long, too many at once) stays in the box to be
    # trimmed; the callback clears it only once it is stored.
    with st.form("feedback_form"):
        st.selectbox("Model you tried", models, key="fb_model")
        st.radio("Did it do the task well?", ["adequate", "not adequate"], horizontal=True,
                 key="fb_verdict")
        st.text_input("Note (optional)", key="fb_note")
        st.form_submit_button("Send feedback", on_click=_send_feedback, args=(stored.share_id,))
    sent = st.session_state.pop("fb_sent", None)
    if isinstance(sent, CouncilError):
        st.error(message_for(sent) + " Your note is kept above.", icon=":material/error:")
    elif sent:
        st.success("Thanks: the feedback trains the next version of the router.")


def _send_feedback(share_id: str) -> None:
    """Store the form's verdict (a callback, so the note box can be cleared after it)."""
    ss = st.session_state
    try:
        store.add_feedback(state.get_db(), share_id, ss["fb_model"],
                           ss["fb_verdict"] == "adequate", ss.get("fb_note") or "",
                           session=client.session_id())
    except CouncilError as exc:
        ss["fb_sent"] = exc
    else:
        ss["fb_sent"] = True
        ss["fb_note"] = ""


def _rerun(stored: store.StoredRecommendation, catalog_store: CatalogStore) -> None:
    if not st.button("Re-run with today's catalog", key="rerun"):
        return
    council = _council(catalog_store)
    with st.spinner("Re-running on today's catalog..."):
        fresh = council.recommend(stored.spec)
    rows = present.changes(stored.rec, fresh)
    changed = [r["what"] for r in rows if r["changed"]]
    st.markdown("#### Today's catalog")
    st.write("What changed: " + (", ".join(changed) if changed else "nothing."))
    st.dataframe(rows, hide_index=True, width="stretch")
