"""Usage page: what the team really spent, set against each recommendation's estimate."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import altair as alt
import streamlit as st

from council.format import money
from council.ui import state
from council.ui.errors import shown_errors

FORMATS = ("detect", "otlp", "litellm", "openai", "anthropic")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def _plain(text: object) -> str:
    """Imported names (tasks, models) shown in Markdown as the text they are, never as markup."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def page() -> None:
    """Import, report, flags, learned defaults and what-if on real usage."""
    st.title("Usage")
    st.caption("Every estimate checked against what was really spent. Import OpenTelemetry "
               "GenAI spans, LiteLLM spend logs, or the OpenAI / Anthropic usage reports.")
    with shown_errors():
        db = state.get_db()
        catalog = state.get_catalog_store().current()
        named = _import(db, catalog)
        report = _report(db, catalog, named)
        if report is not None and report.by_task:
            _link(db, report)
            _whatif(db, catalog, report)
        _learned(db, catalog)


def _import(db: Any, catalog: Any) -> set[str]:
    """The import form; returns the unknown models its message named, so the report below
    does not name them a second time (QA round 16)."""
    from council.usage.attribution import Attribution
    from council.usage.importers import PAGE_FORMAT
    from council.usage.store import import_file

    with st.expander("Import usage", expanded=False), st.form("usage_import"):
        upload = st.file_uploader("Usage file", key="usage_file")
        a, b, c = st.columns(3)
        fmt = a.selectbox("Format", FORMATS, key="usage_format")
        task_key = b.text_input("Task attribute", value="council.task", key="usage_attribute")
        task_name = c.text_input("Task name for untagged records", key="usage_task")
        submitted = st.form_submit_button("Import")
    if not submitted:
        return set()
    if upload is None:
        st.error("**Please check the input.** Choose a usage file first (OpenTelemetry spans, "
                 "a LiteLLM spend log, or an OpenAI / Anthropic usage report), then Import.",
                 icon=":material/error:")
        return set()
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        result = import_file(db, path, catalog=catalog, fmt=None if fmt == "detect" else fmt,
                             attribution=Attribution(task_key=task_key or "council.task",
                                                     task_name=task_name or None),
                             control=PAGE_FORMAT)
    st.success(_imported(upload.name, result))
    hint = result.grouping_hint()
    if hint:
        st.info(_plain(hint), icon=":material/label:")
    if result.moving_note():
        st.info(_plain(result.moving_note()), icon=":material/alt_route:")
    if result.unknown_models:
        st.warning("Not in the catalog (kept, unpriced): "
                   + ", ".join(f"{_plain(m)} ({n:,} records)"
                               for m, n in result.unknown_models.items())
                   + ". Add the model on the Catalog page (Add model) and its records are "
                   "priced at the next report.")
    if result.error_count:
        lines = "line" if result.error_count == 1 else "lines"
        st.warning(f"{result.error_count:,} {lines} refused:\n\n"
                   + "\n".join(f"- {_plain(e)}" for e in result.errors[:20]))
    return set(result.unknown_models)


def _imported(name: str, result: Any) -> str:
    """What an import read and what it cost, as `council usage import` says it."""
    return (f"{_plain(name)}: {result.format}, {result.parsed:,} records read, "
            f"{result.inserted:,} new, {result.updated:,} updated, {result.duplicates:,} "
            f"already there; {money(result.usd)} at catalog prices."
            + (f" {result.unbilled:,} failed {'call' if result.unbilled == 1 else 'calls'} the "
               "file says were not billed (status failure, no spend): counted, priced at $0."
               if result.unbilled else ""))


def _report(db: Any, catalog: Any, named: set[str] | frozenset[str] = frozenset()) -> Any:
    from council.usage.report import DEFAULT_FLAG_FACTOR, build_report
    from council.usage.shutdowns import shutdown_notes
    from council.usage.store import record_count

    a, b = st.columns(2)
    since = a.date_input("Since", value=None, key="usage_since",
                         help="Leave empty for everything imported.")
    factor = b.number_input("Flag a task above its estimate by more than", min_value=1.0,
                            value=DEFAULT_FLAG_FACTOR, step=0.1, format="%.1f",
                            key="usage_factor")
    report = build_report(db, catalog, since=since, flag_factor=float(factor))
    if not report.total.records:
        imported = record_count(db) if since is not None else 0
        if imported:  # there is usage, only none as recent as the chosen start
            st.info(f"None of the {imported:,} imported records is from {since.isoformat()} "
                    "or later: choose an earlier date in 'Since', or clear it.")
        else:
            st.info("No usage imported yet: import a file above, or run "
                    "`council usage import FILE`.")
        return None
    if report.repriced:  # QA round 16: a catalog edit changed the month's figures unsaid
        were = "record was" if report.repriced == 1 else "records were"
        st.info(f"{report.repriced:,} imported {were} re-priced with the catalog "
                f"as it is now (version `{catalog.version}`): a price or a model changed "
                "since they were last priced, so the figures below may differ from before.",
                icon=":material/sync:")
    for note in shutdown_notes(report, catalog, date.today()):
        st.warning(_plain(note.text), icon=":material/event_busy:")
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Spent", money(report.total_usd), help=f"{report.first_day} to {report.last_day}")
    m2.metric("Per month at this rate", money(report.per_month))
    m3.metric("Calls", f"{report.total.calls:,}")
    m4.metric("Cache hit rate", _pct(report.total.cache_hit_rate))
    uncounted = _uncounted_calls(report)
    if uncounted:
        st.caption(uncounted)
    _billed(db, since)
    for row in report.flagged:
        st.error(f"**{_plain(row.task)}** costs {money(row.totals.usd)} against an estimate of "
                 f"{money(row.estimate_usd)}: {row.ratio:.1f}x (recommendation "
                 f"{row.estimate.share_id if row.estimate else '?'}){_apart(row)}.",
                 icon=":material/trending_up:")
    for row in report.overestimated:  # money held for nothing is also a wrong estimate
        st.warning(f"**{_plain(row.task)}** costs {money(row.totals.usd)} against an estimate "
                   f"of {money(row.estimate_usd)}: {row.ratio:.2f}x, the estimate "
                   f"{1 / row.ratio:.1f} times the spend (recommendation "
                   f"{row.estimate.share_id if row.estimate else '?'}){_apart(row)}.",
                   icon=":material/trending_down:")
    st.subheader("Spend over time")
    st.altair_chart(_chart(report.daily), width="stretch")
    st.subheader("The ten costliest tasks, estimate against actual")
    if report.costliest:  # none attributed: the caption below says why, not an empty grid
        st.dataframe(_task_table([_task_row(r, report.flag_factor) for r in report.costliest]),
                     hide_index=True, width="stretch", key="usage_tasks")
        if any(r.totals.unpriced_records for r in report.costliest):
            st.caption("A task with *unpriced records* made calls on a model the catalog does "
                       "not know: its *actual*, *per run* and *per month* count the priced "
                       "calls only, so each is at least that (blank when none is priced).")
    if report.unattributed.records:
        st.caption(_unattributed(report.unattributed))
    st.subheader("By model")
    st.dataframe([_model_row(name, row) for name, row in
                  sorted(report.by_model.items(), key=lambda kv: -kv[1].totals.usd)],
                 hide_index=True, width="stretch", key="usage_models",
                 placeholder=ABSENT,  # a figure the data lacks, not "None"
                 column_config={**_count_columns("calls", "input", "cache read", "cache write",
                                                 "output", "reasoning", "tokens per call"),
                                "actual": st.column_config.NumberColumn(format="dollar"),
                                "cache hit": st.column_config.NumberColumn(format="%d%%")})
    st.caption(f"{ABSENT}: a figure the data does not give: *calls* and *tokens per call* "
               f"{NOT_IN_EXPORT} (a source that counts no requests, as Anthropic's usage "
               "report), *actual* when the model is not in the catalog (no price, not $0).")
    unknown = [u for u in report.unknown_models if u.name not in named]  # named once above
    if unknown:
        st.warning("Models the catalog does not know (kept, unpriced): "
                   + ", ".join(f"{_plain(u.name)} ({u.records:,} records)" for u in unknown))
    return report


def _apart(row: Any) -> str:
    words = row.models_apart()
    return f"; {_plain(words)}" if words else ""


def _billed(db: Any, since: date | None) -> None:
    """The source's own cost (LiteLLM's spend) against the catalog's, per model: every figure
    on this page is at catalog prices, so a proxy billing another price must be said."""
    from council.usage.billed import billed_against_catalog

    rows = billed_against_catalog(db, since)
    apart = [b for b in rows if not b.agrees]
    if apart:
        st.warning("**The source's own cost differs from the catalog's price.** Every figure "
                   "here is at catalog prices; check the catalog's price (Catalog, Edit) or "
                   "what the proxy is charging:\n\n" + "\n".join(
                       f"- {_plain(b.model)}: {b.records:,} records, the source says "
                       f"{money(b.reported_usd)}, the catalog {money(b.catalog_usd)}"
                       + (f" ({b.ratio:.1f}x)" if b.ratio is not None else "")
                       for b in apart), icon=":material/receipt_long:")
    elif rows:
        st.caption(f"The source's own cost ({sum(b.records for b in rows):,} records that "
                   f"carry one, as LiteLLM's spend) agrees with the catalog's price within "
                   "10%.")


def _uncounted_calls(report: Any) -> str | None:
    """The models whose records count no calls (Anthropic's usage report gives tokens and
    cost, no request count): *Calls* and every per-call figure leave them out, unsaid until
    QA round 9 ("Calls 37,790" beside $141 of Anthropic usage in no call)."""
    rows = sorted((r for r in report.by_model.values() if r.totals.records and not r.totals.calls),
                  key=lambda r: -r.totals.usd)
    if not rows:
        return None
    names = ", ".join(f"{_plain(r.model)} ({money(r.totals.usd)})" for r in rows)
    return (f"*Calls* leaves out the {sum(r.totals.records for r in rows):,} records of "
            f"{names}: their source counts no requests (as Anthropic's usage report), so they "
            "have no calls or tokens per call; *Spent* and the cache hit rate include them.")


def _unattributed(t: Any) -> str:
    """The untagged records: how many, what the priced ones cost, how many have no price
    (a model the catalog does not know is not $0 spent)."""
    unpriced = (f"; {t.unpriced_records:,} of them unpriced, their model not in the catalog"
                if t.unpriced_records else "")
    return (f"{t.records:,} records carry no task attribute (grouped by model below): "
            f"{money(t.usd)} for the priced ones{unpriced}. Tag calls with `council.task` or "
            "import with a task name.")


def _chart(daily: list[tuple[str, str, float]]) -> alt.Chart:
    rows = [{"day": d, "model": m, "usd": u} for d, m, u in daily]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("day:T", title=None),
        y=alt.Y("sum(usd):Q", title="USD per day", axis=alt.Axis(format="$,.2f")),
        color=alt.Color("model:N", title="model"),
        tooltip=["day:T", "model:N", alt.Tooltip("usd:Q", format="$,.4f")],
    ).properties(height=260)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _count_columns(*names: str) -> dict[str, Any]:
    """Token and call counts with thousands grouped ("52,599,600", not "52599600")."""
    return {n: st.column_config.NumberColumn(format="localized") for n in names}


def _money_columns(*names: str) -> dict[str, Any]:
    return {n: st.column_config.NumberColumn(format="$%.4f") for n in names}


def _task_row(row: Any, factor: float) -> dict[str, Any]:
    t, e = row.totals, row.estimate
    priced = t.records > t.unpriced_records
    return {
        "task": row.task, "actual": t.usd if priced else None,  # no price known: not $0
        "unpriced records": t.unpriced_records, "estimate": row.estimate_usd,
        "ratio": None if row.ratio is None else round(row.ratio, 2),
        "flag": row.off_by(factor) or "",
        # no priced call: per run and per month are unknown too, not $0 (QA round 16)
        "per run": t.usd_per_run if priced else None, "est. per run": e.per_task if e else None,
        "per month": row.per_month if priced else None,
        "est. per month": e.per_month if e else None,
        "calls": t.calls or None, "runs": t.runs or None,  # none counted: ABSENT, not 0
        "calls per run": _num(t.calls_per_run),
        "est. calls per run": e.calls_per_task if e else None,
        "tokens per call": _num(t.input_per_call),
        "est. tokens per call": e.input_tokens if e else None,
        "cache hit": _pct(t.cache_hit_rate),
        "est. cache hit": _pct(e.cache_hit_rate if e else None),
        "reasoning per call": _num(t.reasoning_per_call),
        "est. reasoning": e.reasoning_tokens if e else None,
        "recommendation": e.share_id if e else (row.estimate_note or ""),
    }


TASK_MONEY = ("actual", "estimate", "per run", "est. per run", "per month", "est. per month")
TASK_COUNTS = ("unpriced records", "calls", "runs", "est. calls per run", "tokens per call",
               "est. tokens per call", "est. reasoning", "calls per run", "reasoning per call")


def _task_table(rows: list[dict[str, Any]]) -> Any:
    """The costliest tasks as the table shows them: money as the product writes it everywhere
    (council.format.money: "$212.62", "$1,372", "$0.00059") and a figure the data lacks as
    ABSENT, while each column keeps its numbers, so a click still sorts amounts as amounts.
    QA round 16: unlinked tasks read "None" in up to ten cells, money "$212.6250" and
    "1372.2188"."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    return (frame.style
            .format(money, subset=list(TASK_MONEY), na_rep=ABSENT)
            .format(_figure, subset=list(TASK_COUNTS), na_rep=ABSENT)
            .format(lambda v: "" if v is None else str(v), subset=["task", "flag",
                                                                   "recommendation"],
                    na_rep=ABSENT)
            .format("{:.2f}", subset=["ratio"], na_rep=ABSENT))


def _figure(value: float) -> str:
    """A count or a per-call figure: whole numbers grouped, fractions to one decimal."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


# A model whose source counts no requests (Anthropic's usage report): its calls, and so its
# tokens per call, are not in the export; the table said "None" (QA round 9).
NOT_IN_EXPORT = "not in the export"
# What an absent figure reads as in the by-model table, whose columns stay numbers (so a
# click sorts "$9" before "$141", words11) and so cannot hold the words themselves.
ABSENT = "—"


def _model_row(name: str, row: Any) -> dict[str, Any]:
    """One model's month as the table shows it: numbers kept numbers (money and counts sort
    as numbers; the column formats show "$141.20" and "52,599,600"), and a figure the data
    lacks None, shown as ABSENT (QA round 10: text columns sorted "$9" after "$141")."""
    t = row.totals
    priced = t.records - t.unpriced_records
    per_call = t.input_per_call if t.calls else None
    return {"model": name, "in catalog": row.known,
            "actual": t.usd if priced else None,  # unknown model: not $0
            "unpriced records": t.unpriced_records,
            "calls": t.calls or None, "input": t.input_tokens,
            "cache read": t.cache_read_tokens, "cache write": t.cache_write_tokens,
            "output": t.output_tokens, "reasoning": t.reasoning_tokens,
            "tokens per call": None if per_call is None else round(per_call),
            "cache hit": None if t.cache_hit_rate is None else round(t.cache_hit_rate * 100)}


LINKED_KEY = "usage_linked"


def _link(db: Any, report: Any) -> None:
    """Tie a task to the recommendation it is checked against: without a link no task has an
    estimate, and until QA round 16 the only way was `council usage link TASK SHARE_ID`."""
    from council.errors import CouncilError
    from council.ui.errors import message_for
    from council.usage.store import link_task

    done = st.session_state.pop(LINKED_KEY, None)
    if done:
        st.success(done, icon=":material/link:")
    linked = any(r.estimate for r in report.costliest_all)
    with st.expander("Check a task against its recommendation", expanded=not linked), \
            st.form("usage_link"):
        a, b = st.columns(2)
        task = a.selectbox("Task", [r.task for r in report.costliest_all], key="usage_link_task")
        share = b.text_input("Its recommendation: the share link or id", key="usage_link_share",
                             placeholder="http://…/?r=aB3dE5gH9k")
        if not st.form_submit_button("Link"):
            return
    if task is None:
        return
    try:
        share_id = link_task(db, task, share)
    except CouncilError as exc:
        st.error(message_for(exc), icon=":material/error:")
        return
    st.session_state[LINKED_KEY] = (f"{_plain(task)} is checked against recommendation "
                                    f"{_plain(share_id)}: its estimate is in the tables above.")
    st.rerun()


def _whatif(db: Any, catalog: Any, report: Any) -> None:
    from council.usage.whatif import what_if

    st.subheader("What if: the last 30 days on another model")
    tasks = [r.task for r in report.costliest_all]
    a, b = st.columns(2)
    task = a.selectbox("Task", tasks, key="usage_whatif_task")
    linked = report.by_task[task].estimate
    models = [m.id for m in catalog.models]
    default = linked.model_id if linked and linked.model_id in models else None
    model = b.selectbox("Model", models, index=models.index(default) if default else None,
                        key=f"usage_whatif_model:{task}",  # each task starts at its own pick
                        # shown only when no linked pick is there to preselect
                        placeholder="Choose a model")
    if model is None:
        st.caption("Pick a model (or link the task to its recommendation above, 'Check a "
                   "task against its recommendation').")
        return
    result = what_if(db, catalog, task, model_id=model,
                     today=report.last_day if report.last_day else date.today())
    st.caption(f"{result.since} to {result.until}: {result.records:,} records, "
               f"{result.calls:,} calls; caching serves {result.prefix_share:.0%} of each "
               f"prompt (from {result.prefix_source}).")
    st.dataframe([{"variant": v.name, "cost": v.usd, "per month": v.per_month,
                   "saving": v.saving, "notes": "; ".join(v.notes)} for v in result.variants],
                 hide_index=True, width="stretch", key="usage_whatif",
                 column_config=_money_columns("cost", "per month", "saving"))


def _learned(db: Any, catalog: Any) -> None:
    from council.usage.learn import learned_defaults

    rows = learned_defaults(db, catalog).rows()
    st.subheader("Defaults learned from your usage")
    if not rows:
        st.caption("None yet: tasks linked to a recommendation refit its category's defaults "
                   "(tokens per call, calls per task, cache hit rate).")
        return
    st.caption("New recommendations use these numbers and label them \"your usage\".")
    st.dataframe([{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()}
                  for r in rows], hide_index=True, width="stretch", key="usage_learned")
