"""Round 17 on the Catalog page (AppTest): QA 16 finding 11, a curator adds Kimi K2 Thinking,
meets a duplicate and a missing price without losing the form, reverts the addition, and finds
the catalog's export on the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from council.catalog.store import CatalogStore
from council.db import open_db
from tests.app.conftest import EDITOR, no_exception, page_app, seen

PAGE = "https://ominigate.ai/en/models/moonshotai/kimi-k2-thinking"


def _signed_in():
    at = page_app("catalog").run()
    at.sidebar.text_input(key="sign_in_name").input(EDITOR[0])
    at.sidebar.text_input(key="sign_in_password").input(EDITOR[1])
    at.sidebar.button[0].click()
    return at.run()


def _fill(at, api_id: str, *, price: bool = True):
    at.text_input(key="add_provider").input("moonshotai")
    at.text_input(key="add_api_id").input(api_id)
    at.text_input(key="add_name").input("Kimi K2 Thinking")
    at.number_input(key="add_window").set_value(262_144)
    at.number_input(key="add_max_output").set_value(262_144)
    at.multiselect(key="add_capabilities").select("tools").select("reasoning")
    if price:
        at.number_input(key="add_price_input").set_value(0.6)
        at.number_input(key="add_price_output").set_value(2.5)
        at.number_input(key="add_price_cache_read").set_value(0.15)
    at.date_input(key="add_price_from").set_value(date(2025, 11, 6))
    at.text_input(key="add_price_source").input(PAGE)
    at.text_input(key="add_reason").input("a launch the catalog lacks")
    at.button(key="FormSubmitter:add_model-Add model").click()
    return at.run()


def test_a_curator_adds_a_model_meets_duplicates_and_reverts_it(council_home: Path) -> None:
    at = _fill(_signed_in(), "kimi-k2-thinking", price=False)
    no_exception(at)
    assert any("needs its prices" in seen(e.value) for e in at.error), \
        [e.value for e in at.error]
    assert at.text_input(key="add_api_id").value == "kimi-k2-thinking"  # nothing lost
    assert at.number_input(key="add_window").value == 262_144
    at.number_input(key="add_price_input").set_value(0.6)
    at.number_input(key="add_price_output").set_value(2.5)
    at.button(key="FormSubmitter:add_model-Add model").click()
    at.run()
    no_exception(at)
    assert any("Added kimi-k2-thinking" in seen(s.value) and "9 of 9 skill levels are "
               "estimates" in seen(s.value) for s in at.success), [e.value for e in at.error]
    store = CatalogStore(open_db(council_home / "council.db"))
    model = store.current().get("kimi-k2-thinking")
    assert (model.tools, model.reasoning, model.price_on(date(2025, 11, 6)).input) == (
        True, True, 0.6)
    # the same model again, its API id in other case: refused, naming the model
    at.text_input(key="add_api_id").input("Kimi-K2-Thinking")
    at.text_input(key="add_id").input("kimi-k2-thinking-2")
    at.button(key="FormSubmitter:add_model-Add model").click()
    at.run()
    assert any("already kimi-k2-thinking's id" in seen(e.value) for e in at.error), \
        [e.value for e in at.error]
    # the addition is in the audit log, and reverting it removes the model
    top = at.dataframe[-1].value.iloc[0]
    assert (top["model"], top["field"], top["editor"]) == ("kimi-k2-thinking", "(model added)",
                                                           EDITOR[0])
    at.text_input(key="revert_reason").input("added to the wrong provider")
    at.button(key="FormSubmitter:revert_form-Revert").click()
    at.run()
    no_exception(at)
    assert "kimi-k2-thinking" not in CatalogStore(open_db(council_home / "council.db")).current()
    # the export is on the page, for viewers too
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the YAML files (zip)" in labels and "Download JSON" in labels
