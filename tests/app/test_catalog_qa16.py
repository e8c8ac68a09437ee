"""QA round 16 on the Catalog page (AppTest): what a curator met in Chromium."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from council.catalog.store import CatalogStore
from council.db import open_db
from tests.app.conftest import EDITOR, no_exception, page_app, seen


def _signed_in():
    at = page_app("catalog").run()
    at.sidebar.text_input(key="sign_in_name").input(EDITOR[0])
    at.sidebar.text_input(key="sign_in_password").input(EDITOR[1])
    at.sidebar.button[0].click()
    return at.run()


def _edit(at, model: str, field_prefix: str, value: str, reason: str, *,
          evidence: str = "", effective: date | None = None):
    at.selectbox(key="edit_model").select(model).run()
    label = next(o for o in at.selectbox(key="edit_field").options if o.startswith(field_prefix))
    at.selectbox(key="edit_field").select(label).run()
    at.text_input(key="edit_value").input(value)
    if effective is not None:
        at.date_input(key="edit_effective").set_value(effective)
    at.text_input(key="edit_reason").input(reason)
    at.text_input(key="edit_evidence").input(evidence)
    at.button(key="FormSubmitter:edit_form-Save change").click()
    return at.run()


def test_a_price_from_2099_is_refused_not_saved_as_today(council_home: Path) -> None:
    """Typed in Chromium, 2099/01/01 was past the widget's ten-year bound: the form sent
    today and the page said "Saved ... gpt-4.1 price.input 1.6 → 1.2 from 2026-12-02"."""
    at = _edit(_signed_in(), "gpt-4.1", "input price $/M: a new price from a date", "1.2",
               "announced far ahead", effective=date(2099, 1, 1))
    no_exception(at)
    assert not [s for s in at.success if "Saved" in s.value], [s.value for s in at.success]
    assert any("2099-01-01" in seen(e.value) and "Check the year" in seen(e.value)
               for e in at.error), \
        [e.value for e in at.error]
    model = CatalogStore(open_db(council_home / "council.db")).current().get("gpt-4.1")
    assert [p.input for p in model.prices] == [2.0]
    # the widget itself takes a far date, so what is typed is what the store judges
    assert at.date_input(key="edit_effective").value == date(2099, 1, 1)


def test_the_audit_log_dates_a_price_edit_and_its_revert_undoes_it(council_home: Path) -> None:
    """In Chromium, reverting "gpt-4.1 price.input 2.0 → 1.6" (from 2026-11-16) left $1.60 in
    force from that day, and the log never said from which day the edit applied."""
    from datetime import timedelta

    day = date.today() - timedelta(days=16)
    at = _edit(_signed_in(), "gpt-4.1", "input price $/M: a new price from a date", "1.6",
               "price cut", effective=day)
    top = at.dataframe[-1].value.iloc[0]
    assert (top["field"], top["from"]) == ("price.input", day.isoformat())
    at.text_input(key="revert_reason").input("the cut was a rumour")
    at.button(key="FormSubmitter:revert_form-Revert").click()
    at.run()
    no_exception(at)
    assert any("Reverted #" in s.value for s in at.success), [e.value for e in at.error]
    model = CatalogStore(open_db(council_home / "council.db")).current().get("gpt-4.1")
    assert model.price_on(day + timedelta(days=1)).input == 2.0
