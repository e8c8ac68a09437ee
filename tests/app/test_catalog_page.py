"""Catalog page in AppTest: browse, filter, compare, sign in, edit with audit, viewer locked out."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import EDITOR, no_exception, page_app, seen


def _sign_in(at, name: str = EDITOR[0], password: str = EDITOR[1]):
    at.sidebar.text_input(key="sign_in_name").input(name)
    at.sidebar.text_input(key="sign_in_password").input(password)
    at.sidebar.button[0].click()  # the form's submit button
    return at.run()


def test_browse_and_filter(council_home: Path) -> None:
    at = page_app("catalog").run()
    no_exception(at)
    assert at.title[0].value == "Catalog"
    table = at.dataframe[0].value
    assert len(table) >= 6
    provider = table["provider"].iloc[0]
    at.multiselect(key="f_providers").select(provider)
    at.run()
    filtered = at.dataframe[0].value
    assert set(filtered["provider"]) == {provider}
    at.text_input(key="f_search").input("zzzz-no-such-model").run()
    assert len(at.dataframe[0].value) == 0


def test_viewer_cannot_edit(council_home: Path) -> None:
    at = page_app("catalog").run()
    assert any("Sign in as an editor" in i.value for i in at.info)
    assert not [t for t in at.text_input if t.key == "edit_value"]
    at = _sign_in(at, password="wrong")
    assert any("wrong editor name or password" in e.value for e in at.sidebar.error)
    assert not [t for t in at.text_input if t.key == "edit_value"]


def test_editor_changes_a_price_and_audit_shows_it(council_home: Path) -> None:
    at = _sign_in(page_app("catalog").run())
    no_exception(at)
    assert "Signed in as editor" in at.sidebar.success[0].value
    model_id = at.selectbox(key="edit_model").value
    field_label = at.selectbox(key="edit_field").options[0]  # input price, newest row
    at.selectbox(key="edit_field").select(field_label)
    at.text_input(key="edit_value").input("4.25")
    at.text_input(key="edit_reason").input("provider cut the price")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    no_exception(at)
    assert any("Saved as audit entry" in s.value for s in at.success), at.error
    audit = at.dataframe[-1].value
    top = audit.iloc[0]
    assert top["model"] == model_id and top["editor"] == EDITOR[0]
    assert top["new"] == "4.25" and top["reason"] == "provider cut the price"


def test_edit_needs_a_reason(council_home: Path) -> None:
    at = _sign_in(page_app("catalog").run())
    at.text_input(key="edit_value").input("4.25")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    no_exception(at)
    assert any("reason" in e.value for e in at.error)


def test_import_review_shows_a_diff_or_a_readable_message(council_home: Path) -> None:
    at = page_app("catalog").run()
    at.button(key="propose_import").click()
    at.run()
    no_exception(at)
    shown = " ".join(m.value for m in at.markdown) + " ".join(e.value for e in at.error)
    assert "proposed changes" in shown or "**" in shown


def test_compare_two_models(council_home: Path) -> None:
    at = page_app("catalog").run()
    ids = at.multiselect(key="compare_ids").options[:2]
    at.multiselect(key="compare_ids").set_value(ids)
    at.run()
    no_exception(at)
    table = next(d.value for d in at.dataframe if "attribute" in d.value.columns)
    assert list(table.columns) == ["attribute", *ids]


def test_two_editors_never_lose_an_update(council_home: Path) -> None:
    from council.catalog.editors import Editor
    from council.catalog.store import CatalogStore
    from council.db import open_db

    at = _sign_in(page_app("catalog").run())
    model_id = at.selectbox(key="edit_model").value
    field_label = at.selectbox(key="edit_field").options[1]  # output price, newest row
    at.selectbox(key="edit_field").select(field_label).run()
    # Someone else saves the same model after this editor opened it.
    other = CatalogStore(open_db(council_home / "council.db"))
    other.update_field(model_id, "max_output", 4096, editor=Editor("bob"), reason="docs say so",
                       expected_revision=other.revision(model_id))
    at.text_input(key="edit_value").input("9.5")
    at.text_input(key="edit_reason").input("new price")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    no_exception(at)
    assert any("Someone else saved first" in e.value for e in at.error), [e.value for e in at.error]
    # Seeing the fresh revision, the second save goes through.
    at.text_input(key="edit_value").input("9.5")
    at.text_input(key="edit_reason").input("new price")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    assert any("Saved as audit entry" in s.value for s in at.success)


def test_revert_from_the_audit_log(council_home: Path) -> None:
    at = _sign_in(page_app("catalog").run())
    at.text_input(key="edit_value").input("4.25")
    at.text_input(key="edit_reason").input("typo incoming")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    at.text_input(key="revert_reason").input("that was a typo")
    at.button(key="FormSubmitter:revert_form-Revert").click()
    at.run()
    no_exception(at)
    assert any("Reverted #" in s.value for s in at.success), [e.value for e in at.error]
    top = at.dataframe[-1].value.iloc[0]
    assert top["reverts"].startswith("#") and top["new"] != "4.25"


def test_sync_review_decides_a_change_with_a_reason(council_home: Path) -> None:
    from council.catalog.store import CatalogStore
    from council.catalog.sync import Proposal, SyncStore
    from council.db import open_db

    at = _sign_in(page_app("catalog").run())
    no_exception(at)
    store = CatalogStore(open_db(council_home / "council.db"))
    model = store.current().get("gpt-5")
    SyncStore(store).create([Proposal("gpt-5:max_output", "limit", "gpt-5", "max_output",
                                      model.max_output, 100_000, {"a": 100_000, "b": 90_000})],
                            ["a", "b"])
    at.run()
    assert any("1 open" in m.value for m in at.markdown)
    at.selectbox(key="sync_key").select("gpt-5:max_output")
    at.radio(key="sync_dec").set_value("reject")
    at.text_input(key="sync_reason").input("b is right")
    at.button(key="FormSubmitter:sync_decide-Decide").click()
    at.run()
    no_exception(at)
    assert any("rejected" in s.value for s in at.success), [e.value for e in at.error]
    assert SyncStore(store).decisions()[0]["reason"] == "b is right"


def test_price_history_reads_in_units(council_home: Path) -> None:
    """Price history: dollars per million tokens in named columns (was input 5.0, cache_read
    0.5, tiers as raw lists), long-context tiers and peak hours in words."""
    at = page_app("catalog").run()
    at.selectbox(key="history_model").set_value("claude-opus-4-6").run()
    no_exception(at)
    prices = next(d.value for d in at.dataframe if "long context" in d.value.columns)
    latest = prices.iloc[-1]
    assert latest["input $/M"] == "$5" and latest["output $/M"] == "$25"
    assert latest["batch discount"] == "50%"
    assert prices.iloc[0]["long context"].startswith("above 200,000 tokens: in $10, out $37.5")
    assert not [c for c in prices.columns if "_" in c]
    at.selectbox(key="history_model").set_value("deepseek-flash").run()
    prices = next(d.value for d in at.dataframe if "long context" in d.value.columns)
    assert prices.iloc[-1]["peak hours (UTC)"] == "01:00-04:00, 06:00-10:00 weekdays"


def test_skill_levels_show_their_source_and_date(council_home: Path) -> None:
    """Each skill level with the benchmark, source and date it rests on, and whether it is
    measured or a price-tier estimate (the Browse table showed bare numbers)."""
    from council.catalog.loader import load_catalog_dir
    from council.config import PROJECT_ROOT

    at = page_app("catalog").run()
    at.selectbox(key="skills_model").set_value("minimax-m3").run()
    no_exception(at)
    skills = _skills_table(at)
    by_skill = skills.set_index("skill")
    agentic = load_catalog_dir(PROJECT_ROOT / "models_catalog").get("minimax-m3") \
        .quality["agentic"]
    row = by_skill.loc["agentic"]
    assert row["level (1-5)"] == f"{agentic.skill:.2f}"
    assert row["from"] == ("measured" if not agentic.estimated else "estimated")
    assert row["source"] == agentic.source and row["as of"] == agentic.date.isoformat()
    assert agentic.benchmark in row["benchmark"]
    assert by_skill.loc["long context"]["judges"] == "Long-document work"
    assert len(skills) == 9 and not [c for c in skills.columns if "_" in c]
    # a level with no measurement says so, in the same words as the answer's 'adequacy from'
    at.selectbox(key="skills_model").set_value("gemini-4-argon").run()
    skills = _skills_table(at)
    assert skills.set_index("skill").loc["agentic"]["from"] == "estimated"
    assert any("measured" in c.value and "of 9" in c.value for c in at.caption)


def _skills_table(at):
    """The skills table as its reader sees it (st.table cells are escaped Markdown)."""
    table = next(t.value for t in at.table if "benchmark" in t.value.columns)
    return table.map(seen)


def test_the_reasoning_filter_keeps_only_reasoning_models(council_home: Path) -> None:
    """'Must have: reasoning' filtered on the reasoning *skill* (a number every model has),
    since the skill's column overwrote the capability's: all 82 models passed."""
    from council.catalog.loader import load_catalog_dir
    from council.config import PROJECT_ROOT

    models = load_catalog_dir(PROJECT_ROOT / "models_catalog").models
    at = page_app("catalog").run()
    table = at.dataframe[0].value
    assert set(table["reasoning"]) == {True, False}  # the capability, beside its skill
    assert "reasoning skill" in table.columns and "long context skill" in table.columns
    at.multiselect(key="f_needs").select("reasoning").run()
    kept = at.dataframe[0].value
    assert set(kept["id"]) == {m.id for m in models if m.reasoning}
    assert len(kept) < len(models)


def test_a_deprecated_model_going_away_soon_is_warned_with_its_date(council_home: Path) -> None:
    """QA round 7: gpt-5, gpt-5-mini, gpt-5-nano and o3 (deprecated) shut down in 10 days and
    the page warned of active models only; someone still running one was not told."""
    from datetime import UTC, datetime, timedelta

    from council.catalog.store import Editor
    from council.ui import state

    at = page_app("catalog").run()  # loads the bundled catalog into this home's database
    store = state.get_catalog_store()
    model = next(m for m in store.current().models if m.status == "deprecated")
    shut = datetime.now(UTC).date() + timedelta(days=10)
    store.update_field(model.id, "shutdown_date", shut.isoformat(), editor=Editor("ada"),
                       reason="test: a deprecated model leaving in 10 days",
                       expected_revision=store.revision(model.id))
    at.run()
    no_exception(at)
    warned = " ".join(seen(w.value) for w in at.warning)
    assert f"{model.id} shuts down on {shut.isoformat()} (10 days from now" in warned, warned
    retired = [m.id for m in store.current().models if m.status == "retired"]
    assert not any(f"{r} shuts down" in warned for r in retired)  # gone already: no warning


def test_a_price_cut_starts_on_its_date_not_on_the_announced_row(council_home: Path) -> None:
    """QA round 15: for gemini-3.8-flash ($0.75 now, $1.50 announced from 2027-01-01) the
    first field offered was the 2027 row in place, so a cut typed today changed the announced
    price and left today's. The first field is now a new price from a date (today)."""
    from datetime import UTC, datetime

    from council.catalog.store import CatalogStore
    from council.db import open_db

    at = _sign_in(page_app("catalog").run())
    at.selectbox(key="edit_model").select("gemini-3.8-flash").run()
    label = at.selectbox(key="edit_field").options[0]
    assert label.startswith("input price $/M: a new price from a date"), label
    _save_edit(at, "0.70", "provider cut the price")
    assert any("Saved as audit entry" in s.value for s in at.success), [e.value for e in at.error]
    model = CatalogStore(open_db(council_home / "council.db")).current().get("gemini-3.8-flash")
    today = datetime.now(UTC).date()
    announced = max(model.prices, key=lambda p: p.effective_from)
    assert model.price_on(today).input == 0.70
    assert announced.effective_from > today and announced.input == 1.5


def test_an_import_source_with_no_file_asks_for_an_upload(council_home: Path,
                                                          monkeypatch) -> None:
    """QA round 15: choosing LiteLLM answered "give the path of LiteLLM's ... json (--path,
    or set COUNCIL_LITELLM_JSON)", command-line words, with no way to give the file."""
    monkeypatch.delenv("COUNCIL_LITELLM_JSON", raising=False)
    at = page_app("catalog").run()
    at.multiselect(key="import_sources").set_value(["litellm"]).run()
    assert [u for u in at.get("file_uploader") if u.proto.label.startswith("LiteLLM's")]
    at.button(key="propose_import").click()
    at.run()
    no_exception(at)
    said = seen(" ".join(e.value for e in at.error))
    assert "upload LiteLLM's model_prices_and_context_window.json" in said, said
    assert "--path" not in said


def _save_edit(at, value: str, reason: str):
    """Type a value and a reason on the Edit tab and save."""
    at.text_input(key="edit_value").input(value)
    at.text_input(key="edit_reason").input(reason)
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    no_exception(at)
    return at
