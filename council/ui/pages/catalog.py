"""Catalog page: browse, compare, price history, sign-in, edits, import review, audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import streamlit as st

from council.catalog import review
from council.catalog.availability import shutdown_warning
from council.catalog.diff import NEW_MODEL, describe_new, hidden_summary
from council.catalog.editors import Editor
from council.catalog.store import FILES_EDITOR
from council.errors import ConflictError, CouncilError
from council.ui import client, state, tables
from council.ui.add_model import add_form
from council.ui.errors import message_for, shown_errors
from council.ui.text import md_escape, text_rows

EDITOR_KEY = "catalog_editor"


def page() -> None:
    """Browse and curate the model catalog."""
    st.title("Catalog")
    with shown_errors():
        store = state.get_catalog_store()
        catalog = store.current()
        if store.last_error:
            st.warning("The last catalog file load failed, so the last good catalog is shown: "
                       + md_escape(store.last_error))
        today = datetime.now(UTC).date()
        rows = tables.catalog_rows(list(catalog.models), today)
        # every model still answering that goes away soon, deprecated ones too: whoever
        # still runs gpt-5 needs the date most (retired ones are gone already)
        leaving = [w for m in catalog.models if m.status != "retired"
                   and (w := shutdown_warning(m, today))]
        if leaving:
            st.warning("\n".join(f"- {md_escape(w)}" for w in leaving),
                       icon=":material/event_busy:")
        st.caption(f"{len(rows)} models · version `{catalog.version}` · "
                   f"default frontier model `{catalog.frontier_default.id}`")
        editor = _sign_in()
        browse, compare, skills, history, edit, add, imports, sync, audit, export = st.tabs(
            ["Browse", "Compare", "Skills and evidence", "Price history", "Edit", "Add model",
             "Import review", "Sync review", "Audit log", "Export"])
        with browse:
            _browse(rows, catalog.providers)
        with compare:
            _compare(rows)
        with skills:
            _skills(catalog, [r["id"] for r in rows])
        with history:
            _price_history(store, [r["id"] for r in rows])
        with edit:
            _edit(store, catalog, editor)
        with add:
            add_form(store, catalog, editor)
        with imports:
            _imports(store, editor)
        with sync:
            _sync(store, editor)
        with audit:
            _audit(store, editor)
        with export:
            _export(store, catalog)


def _sign_in() -> Editor | None:
    editor: Editor | None = st.session_state.get(EDITOR_KEY)
    with st.sidebar:
        if editor is not None:
            st.success(f"Signed in as editor **{md_escape(editor.name)}**")
            if st.button("Sign out", key="sign_out"):
                del st.session_state[EDITOR_KEY]
                st.rerun()
            return editor
        st.caption("Viewing. Editors sign in to change the catalog.")
        with st.form("sign_in", clear_on_submit=True):
            name = st.text_input("Editor name", key="sign_in_name")
            password = st.text_input("Password", type="password", key="sign_in_password")
            if st.form_submit_button("Sign in"):
                try:
                    st.session_state[EDITOR_KEY] = state.sign_in_guard().sign_in(
                        name.strip(), password, state.secrets(), client.client_address())
                except CouncilError as exc:
                    st.error(message_for(exc))
                else:
                    st.rerun()
    return None


def _browse(rows: list[dict[str, Any]], providers: tuple[str, ...]) -> None:
    a, b, c = st.columns([2, 2, 1])
    chosen = a.multiselect("Providers", providers, key="f_providers")
    needs = b.multiselect("Must have", ["tools", "vision", "JSON", "reasoning", "caching",
                                         "batch API"], key="f_needs")
    search = c.text_input("Search", key="f_search", max_chars=100)
    d, e = st.columns(2)
    include_retired = d.toggle("Include deprecated and retired", value=True, key="f_retired")
    stale_only = e.toggle("Only stale prices", key="f_stale")
    shown = tables.filter_rows(rows, providers=chosen, needs=needs, search=search,
                               include_retired=include_retired, stale_only=stale_only)
    stale = sum(1 for r in shown if r["stale"])
    if stale:
        st.warning(f"{stale} of these models have prices not verified in the last 60 days "
                   "(column 'stale').", icon=":material/schedule:")
    st.dataframe(
        shown, hide_index=True, width="stretch", key="catalog_table",
        column_config={
            "input $/M": st.column_config.NumberColumn(format="$%.3f"),
            "output $/M": st.column_config.NumberColumn(format="$%.3f"),
            "cache read $/M": st.column_config.NumberColumn(format="$%.4f"),
            "batch discount": st.column_config.NumberColumn(format="percent"),
            "context": st.column_config.NumberColumn(format="localized"),
            "max output": st.column_config.NumberColumn(format="localized"),
            "stale": st.column_config.CheckboxColumn("stale price"),
        },
    )
    st.caption(f"{len(shown)} of {len(rows)} models. Click a column header to sort. "
               "Prices are USD per million tokens; skills are on the 1-5 difficulty scale "
               "(each level's source and date: 'Skills and evidence').")


def _compare(rows: list[dict[str, Any]]) -> None:
    ids = st.multiselect("Models to compare (up to 5)", [r["id"] for r in rows],
                         max_selections=5, key="compare_ids")
    if len(ids) < 2:
        st.info("Pick two or more models.")
        return
    st.dataframe(tables.compare_rows(rows, ids), hide_index=True, width="stretch")


def _skills(catalog: Any, ids: list[str]) -> None:
    """Where each skill level comes from: the numbers in Browse are only as good as this."""
    model_id = st.selectbox("Model", ids, key="skills_model")
    if not model_id:
        return
    rows = tables.skill_rows(catalog.get(model_id))
    measured = sum(1 for r in rows if r["from"] == "measured")
    st.caption(f"{measured} of {len(rows)} skill levels of `{model_id}` are measured (a public "
               "benchmark mapped to the 1-5 scale); the rest are estimates from the model's "
               "price tier until a measurement is recorded (docs/catalog.md). 'Judges' names "
               "the task categories each skill decides P(adequate) for.")
    st.table(text_rows(rows))  # wraps: a source is a sentence, cut off in a grid


def _price_history(store: Any, ids: list[str]) -> None:
    model_id = st.selectbox("Model", ids, key="history_model")
    if not model_id:
        return
    history = store.price_history(model_id)
    st.dataframe(tables.price_history_rows(history["prices"]), hide_index=True,
                 width="stretch")
    if history["changes"]:
        st.caption("Edits to these prices")
        st.dataframe(tables.audit_rows([_Entry(c) for c in history["changes"]]),
                     hide_index=True, width="stretch")


class _Entry:
    """An audit dict seen through attribute access, for tables.audit_rows."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.__dict__.update(data)


def _edit(store: Any, catalog: Any, editor: Editor | None) -> None:
    if editor is None:
        st.info("Viewers can browse and compare. Sign in as an editor (sidebar) to edit.",
                icon=":material/lock:")
        return
    model_id = st.selectbox("Model", [m.id for m in catalog.models], key="edit_model")
    model = catalog.get(model_id)
    fields = tables.editable_fields(model)
    label = st.selectbox("Field", [*fields, "other (dotted path)"], key="edit_field")
    path = (st.text_input("Dotted path, e.g. prices.0.output", key="edit_path")
            if label == "other (dotted path)" else fields[label])
    revision = store.revision(model_id)
    if path and path.startswith("price."):  # a new dated row: set against today's price
        today_price = model.price_in_force(datetime.now(UTC).date())
        current = getattr(today_price, path.removeprefix("price."), None)
        st.caption(f"In force today (row from {today_price.effective_from}): "
                   f"{md_escape(repr(current), limit=500)} · revision {revision}")
    else:
        current = tables.field_value(model, path) if path else None
        st.caption(f"Current value: {md_escape(repr(current), limit=500)} · revision {revision}")
    with st.form("edit_form"):
        value = st.text_input("New value", key="edit_value",
                              help="Numbers as 2.5, yes/no as true/false, dates as 2026-11-01")
        today = datetime.now(UTC).date()
        # Wide bounds on purpose: a date typed outside the widget's range (ten years by
        # default) turns the box red and the form sends the last valid date, so "2099" was
        # saved as today's price (QA round 16); the store now judges the date and says why.
        effective = (st.date_input("Price from", value=today, key="edit_effective",
                                   min_value=date(2000, 1, 1),
                                   max_value=date(today.year + 100, 12, 31),
                                   help="The first day the new price applies: today for a "
                                        "change now, a later day for one the provider has "
                                        "announced. Earlier days keep their price.")
                     if path and path.startswith("price.") else None)
        reason = st.text_input("Reason (required)", key="edit_reason", max_chars=500)
        evidence = st.text_input("Evidence link", key="edit_evidence", max_chars=500)
        if st.form_submit_button("Save change", type="primary"):
            _save(store, model_id, path, value, reason, evidence, editor, revision, effective)
    # Remember the revision the editor saw, so a save after someone else's is a conflict.
    st.session_state.setdefault(f"rev:{model_id}", revision)


def _save(store: Any, model_id: str, path: str, value: str, reason: str, evidence: str,
          editor: Editor, revision: int, effective: Any = None) -> None:
    seen = st.session_state.get(f"rev:{model_id}", revision)
    try:
        entry = store.update_field(
            model_id, path, tables.parse_value(value), editor=editor, reason=reason,
            evidence_url=evidence.strip() or None, expected_revision=seen,
            effective_from=effective,
        )
    except ConflictError as exc:
        st.session_state.pop(f"rev:{model_id}", None)  # next view shows the fresh revision
        st.error(message_for(exc) + " Check the current value above and save again.")
    except CouncilError as exc:
        st.error(message_for(exc))
    else:
        st.session_state[f"rev:{model_id}"] = entry.revision
        when = f" from {effective.isoformat()}" if effective is not None else ""
        st.success(f"Saved as audit entry #{entry.id}: "
                   + md_escape(f"{model_id} {entry.field} {tables.audit_value(entry.old)} → "
                               f"{tables.audit_value(entry.new)}{when}", limit=1_000))


def _imports(store: Any, editor: Editor | None) -> None:
    st.caption("Propose changes from public sources, shown as a diff; disagreements are "
               "flagged for a person and never applied silently.")
    sources = st.multiselect("Sources", ["genai-prices", "litellm", "modelsdev"],
                             default=["genai-prices"], key="import_sources")
    uploads = {kind: st.file_uploader(label, key=f"import_file_{kind}")
               for kind, label in IMPORT_FILES.items() if kind in sources}
    if st.button("Propose import", key="propose_import", disabled=not sources):
        with shown_errors(), st.spinner("Reading sources..."):
            st.session_state["change_set"] = _propose(store, sources, uploads)
    change_set = st.session_state.get("change_set")
    if change_set is None:
        return
    data = change_set.to_dict()
    st.write(f"{len(data['changes'])} proposed changes, **{data['flagged']} flagged** for a "
             f"person, against catalog `{data['catalog_version']}`.")
    rejected = data["new_models_rejected_before"]
    new = f"{data['new_models']} new model{'' if data['new_models'] == 1 else 's'}"
    st.write(f"**{new}** the sources have and the catalog lacks "
             "(key `MODEL:new-model`): accept each one by one below; it is added with the "
             "catalog's estimated quality levels."
             + (f" {len(rejected)} more were rejected before in a sync review and are not "
                "proposed again." if rejected else ""))
    if change_set.hidden_new:
        # Round 18: LiteLLM's 36 "new models" included deprecated snapshots and $0 listings.
        st.markdown(f"{len(change_set.hidden_new)} more left out as legacy, not proposed:\n"
                    + "\n".join(f"- {md_escape(line, limit=2_000)}"
                                 for line in hidden_summary(change_set.hidden_new)))
    for source in change_set.sources:
        if source.passed_over:  # user QA 18: 7 of a file's 10 entries never mentioned
            st.markdown(f"Not considered in {md_escape(source.source)}:\n"
                        + "\n".join(f"- {md_escape(p.line(), limit=2_000)}"
                                     for p in source.passed_over))
    if change_set.rejected_before:
        st.markdown(f"{change_set.rejected_before} rejected before in an import review "
                    "(the sources offer the same value): not proposed again; the Audit log "
                    "says who rejected them and why.")
    st.dataframe(
        [{"key": c["key"], "current": str(c["current"]) if c["current"] is not None else "",
          "proposed": (describe_new(c["proposed"]) if c["field"] == NEW_MODEL
                       else str(c["proposed"])),
          "source": c["source"], "flags": ", ".join(c["flags"]),
          "others": str(c["alternatives"] or "")} for c in data["changes"]],
        hide_index=True, width="stretch",
    )
    if editor is None:
        st.info("Sign in as an editor to apply changes.", icon=":material/lock:")
        return
    with st.form("apply_import"):
        accept = st.multiselect("Accept these (flagged ones need a person's pick)",
                                [c["key"] for c in data["changes"] if c["applicable"]])
        apply_all = st.checkbox("Also apply every unflagged change")
        reason = st.text_input("Reason (required)")
        if st.form_submit_button("Apply"):
            with shown_errors():
                applied = review.apply_import(store, change_set, editor=editor, reason=reason,
                                              accept=accept, apply_all=apply_all)
                st.success(f"Applied {len(applied)} changes.")
                st.session_state.pop("change_set", None)
    with st.form("reject_import"):
        keys = st.multiselect("Reject these (not proposed again while the sources say the "
                              "same)", [c["key"] for c in data["changes"]], key="reject_keys")
        why = st.text_input("Reason (required)", key="reject_reason", max_chars=500)
        if st.form_submit_button("Reject"):
            with shown_errors():
                done = review.reject_import(store, change_set, editor=editor, reason=why,
                                            keys=keys)
                st.success(f"Rejected {len(done)} change{'s' if len(done) != 1 else ''}, "
                           f"audit entries {', '.join(f'#{a.id}' for a in done)}.")
                st.session_state.pop("change_set", None)


# The sources read from a file the visitor brings (genai-prices ships with the app). Until QA
# round 15 the page had no upload and answered "give the path ... (--path, or set
# COUNCIL_LITELLM_JSON)", so two sources that disagree could not be reviewed in the browser.
IMPORT_FILES = {
    "litellm": "LiteLLM's model_prices_and_context_window.json",
    "modelsdev": "models.dev's database (SQLite)",
}


def _propose(store: Any, sources: list[str], uploads: dict[str, Any]) -> Any:
    """The change set from the chosen sources, each uploaded file read from a temporary copy
    under its own name; a source with no file is asked for in the page's words."""
    import tempfile
    from pathlib import Path

    from council.errors import InvalidInput

    with tempfile.TemporaryDirectory() as tmp:
        paths: dict[str, Path | None] = {}
        for kind in sources:
            upload = uploads.get(kind)
            if upload is None:
                paths[kind] = None
                continue
            name = Path(upload.name.replace("\\", "/")).name[-120:].lstrip(".") or kind
            paths[kind] = Path(tmp) / kind / name
            paths[kind].parent.mkdir()
            paths[kind].write_bytes(upload.getvalue())
        try:
            return review.propose_import(store, paths)
        except InvalidInput as exc:
            missing = next((k for k in sources if uploads.get(k) is None
                            and k in IMPORT_FILES and "(--path, or set" in str(exc)), None)
            if missing is None:
                raise
            raise InvalidInput(f"{missing} needs its file: upload {IMPORT_FILES[missing]} "
                               "above, then Propose import") from None


def _sync(store: Any, editor: Editor | None) -> None:
    """The newest `council catalog sync` change set: decide each change with a reason."""
    from council.catalog.sync import SyncStore, run_sync

    sync = SyncStore(store)
    st.caption("Changes the public sources propose (genai-prices here; add LiteLLM and "
               "models.dev files with `council catalog sync`). Nothing applies until an editor "
               "accepts it; a rejection is remembered with its reason.")
    if st.button("Run sync", key="run_sync"):
        with shown_errors(), st.spinner("Reading genai-prices..."):
            run_sync(store)
    try:
        change_set = sync.get()
    except CouncilError:
        st.info("No change set yet.")
        return
    st.write(f"Change set #{change_set.id}: **{len(change_set.open)} open** of "
             f"{len(change_set.changes)}, against catalog `{change_set.catalog_version}`.")
    st.dataframe([{"key": c.key, "kind": c.kind, "current": str(c.current)[:200],
                   "proposed": str(c.proposed)[:200], "status": c.status,
                   "by": c.decided_by or "", "reason": c.reason or "",
                   **{f"source: {s}": str(v)[:120] for s, v in c.sources.items()}}
                  for c in change_set.changes], hide_index=True, width="stretch",
                 key="sync_changes")
    if editor is None or not change_set.open:
        return
    with st.form("sync_decide"):
        key = st.selectbox("Change", [c.key for c in change_set.open], key="sync_key")
        decision = st.radio("Decision", ["accept", "reject"], horizontal=True, key="sync_dec")
        reason = st.text_input("Reason (required)", key="sync_reason", max_chars=500)
        if st.form_submit_button("Decide"):
            try:
                done = sync.decide(change_set.id, key, decision, editor=editor, reason=reason)
            except CouncilError as exc:
                st.error(message_for(exc))
            else:
                st.success(f"{key}: {decision}ed (decision #{done['decision_id']}).")


def _export(store: Any, catalog: Any) -> None:
    """What `council catalog export` writes, as a download (QA round 16: command line only)."""
    from council.catalog.export import export_archive
    from council.catalog.sync import SyncStore
    from council.config import paths

    st.caption("The catalog in force, edits and added models included, as the reviewed files "
               "`council catalog export` writes (one YAML file per provider, and the sync "
               "rejections), to commit to models_catalog/ as a diff; or as one JSON document.")
    rejections = SyncStore(store).rejections()
    a, b = st.columns(2)
    # made when clicked; a download changes nothing, so the page is not run again after it
    a.download_button("Download the YAML files (zip)",
                      lambda: export_archive(catalog, paths().catalog_dir, rejections),
                      file_name=f"models_catalog-{catalog.version}.zip",
                      mime="application/zip", key="export_yaml", on_click="ignore")
    b.download_button("Download JSON", catalog.to_json,
                      file_name=f"catalog-{catalog.version}.json", mime="application/json",
                      key="export_json", on_click="ignore")


def _revertable(entry: Any) -> bool:
    """A field edit, or a model an editor added or removed (file reloads are reverted in the
    files)."""
    if entry.field != "*":
        return True
    return entry.editor != FILES_EDITOR and (entry.old is None) != (entry.new is None)


def _audit(store: Any, editor: Editor | None) -> None:
    edits = [e for e in store.audit_log(limit=500) if _revertable(e)]
    if editor is not None and edits:
        # The form comes first so that a revert shows in the table below in the same run.
        with st.form("revert_form"):
            audit_id = st.selectbox("Revert entry", [e.id for e in edits],
                                    format_func=lambda i: _describe(edits, i))
            reason = st.text_input("Reason (required)", key="revert_reason")
            if st.form_submit_button("Revert"):
                with shown_errors():
                    entry = store.revert(int(audit_id), editor=editor, reason=reason)
                    st.success(f"Reverted #{audit_id} as #{entry.id}.")
    st.dataframe(tables.audit_rows(store.audit_log(limit=500)), hide_index=True,
                 width="stretch", key="audit")


def _describe(entries: list[Any], audit_id: int) -> str:
    e = next(x for x in entries if x.id == audit_id)
    if e.field == "*":
        return f"#{e.id} {e.model_id} {'added' if e.old is None else 'removed'} ({e.editor})"
    when = f" from {e.effective_from}" if e.effective_from else ""
    return (f"#{e.id} {e.model_id} {e.field}{when}: {tables.audit_value(e.old)} → "
            f"{tables.audit_value(e.new)} ({e.editor})")
