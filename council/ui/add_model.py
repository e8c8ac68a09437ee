"""The Catalog page's *Add model* form: a model the catalog lacks, in a curator's words.

The form only gathers fields; council.catalog.addition completes and checks the entry and the
store adds it, audited. A refused form keeps every value typed (QA round 16, finding 11: there
was no way to add Kimi K2 Thinking in the app).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import streamlit as st

from council.catalog.addition import new_entry
from council.catalog.editors import Editor
from council.categories import SKILLS
from council.errors import CouncilError
from council.ui.errors import message_for
from council.ui.text import md_escape

CAPABILITIES = {"tools": "tools", "JSON output": "structured_output",
                "reasoning": "reasoning"}
PRICE_FIELDS = {"input": "Input $/M", "output": "Output $/M", "cache_read": "Cache read $/M",
                "cache_write_5m": "Cache write (5 min) $/M"}


def add_form(store: Any, catalog: Any, editor: Editor | None) -> None:
    """The form, for editors; viewers are told to sign in."""
    if editor is None:
        st.info("Sign in as an editor (sidebar) to add a model.", icon=":material/lock:")
        return
    st.caption("A model the catalog lacks. Skills left blank get the catalog's price-tier "
               "estimate, marked as an estimate (the recommendation says so); the addition is "
               "in the audit log, where a revert removes it. Known providers: "
               + ", ".join(catalog.providers) + ".")
    today = datetime.now(UTC).date()
    with st.form("add_model"):
        a, b = st.columns(2)
        provider = a.text_input("Provider (who bills you)", key="add_provider", max_chars=40)
        api_id = b.text_input("API id", key="add_api_id", max_chars=200)
        name = a.text_input("Name", key="add_name", max_chars=200)
        model_id = b.text_input("Catalog id (blank: from the API id)", key="add_id",
                                max_chars=200)
        window = a.number_input("Context window (tokens)", min_value=1, value=None, step=1024,
                                key="add_window")
        max_output = b.number_input("Max output (tokens)", min_value=1, value=None, step=1024,
                                    key="add_max_output")
        modalities = a.multiselect("Input modalities", ["text", "image", "audio", "video", "pdf"],
                                   default=["text"], key="add_modalities")
        capabilities = b.multiselect("Capabilities", list(CAPABILITIES), key="add_capabilities")
        release = a.date_input("Release date", value=None, key="add_release",
                               min_value=date(2015, 1, 1), max_value=date(today.year + 3, 12, 31))
        st.markdown("**Price** (USD per million tokens)")
        columns = st.columns(len(PRICE_FIELDS) + 1)
        rates = {field: column.number_input(label, min_value=None, value=None, format="%.4f",
                                            key=f"add_price_{field}")
                 for column, (field, label) in zip(columns, PRICE_FIELDS.items(), strict=False)}
        batch = columns[-1].number_input("Batch discount (0-1)", value=None, format="%.2f",
                                         key="add_batch")
        c, d = st.columns(2)
        price_from = c.date_input("Price from", value=today, key="add_price_from",
                                  min_value=date(2015, 1, 1),
                                  max_value=date(today.year + 3, 12, 31))
        price_source = d.text_input("Price source link (required)", key="add_price_source",
                                    max_chars=500)
        with st.expander("Quality levels (optional, 1-5; blank = the catalog's estimate)"):
            cols = st.columns(3)
            levels = {skill: cols[i % 3].number_input(skill.replace("_", " "), min_value=None,
                                                      value=None, format="%.2f",
                                                      key=f"add_q_{skill}")
                      for i, skill in enumerate(SKILLS)}
            quality_link = st.text_input("Evidence for these levels (link)", key="add_q_link",
                                         max_chars=500)
        reason = st.text_input("Reason (required)", key="add_reason", max_chars=500)
        evidence = st.text_input("Evidence link (launch or pricing page)", key="add_evidence",
                                 max_chars=500)
        if not st.form_submit_button("Add model", type="primary"):
            return
    row = {k: v for k, v in rates.items() if v is not None}
    if batch is not None:
        row["batch_discount"] = batch
    raw: dict[str, Any] = {
        "provider": provider.strip(), "api_id": api_id.strip(), "name": name.strip(),
        **({"id": model_id.strip()} if model_id.strip() else {}),
        **({"release_date": release.isoformat()} if release else {}),
        "context_window": window, "max_output": max_output,
        "input_modalities": modalities or ["text"],
        **{CAPABILITIES[c]: True for c in capabilities},
        "prices": ([{**row, "effective_from": price_from.isoformat(),
                     "source": price_source.strip() or None}] if row else []),
        "quality": {k: v for k, v in levels.items() if v is not None},
    }
    try:
        entry = new_entry(raw, editor=editor.name, today=today,
                          quality_evidence=quality_link.strip() or None)
        done = store.add_model(entry, editor=editor, reason=reason,
                               evidence_url=evidence.strip() or None)
    except CouncilError as exc:
        st.error(message_for(exc))  # the form keeps what was typed
        return
    estimated = sum(1 for q in entry.quality.values() if q.estimated)
    new_provider = "" if entry.provider in catalog.providers else " (a new provider)"
    st.success(md_escape(
        f"Added {entry.id} ({entry.name}, {entry.provider}{new_provider}) as audit entry "
        f"#{done.id}. {estimated} of {len(entry.quality)} skill levels are estimates; reverting "
        f"#{done.id} in the Audit log removes the model.", limit=1_000))
