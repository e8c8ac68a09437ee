"""Recommend page with `?r=<id>`: a stored answer renders with its numbers, exports, feedback."""

from __future__ import annotations

import json
from pathlib import Path

from council import store
from council.db import open_db
from council.task import parse_task
from council.ui.format import money
from tests.app.conftest import no_exception, page_app
from tests.app.test_recview import REC


def _saved(council_home: Path) -> str:
    db = open_db(council_home / "council.db")
    spec = parse_task(description="Tag support tickets", runs_per_month=20000,
                      needs=frozenset({"json"}), quality="production")
    return store.save_recommendation(db, spec, {**REC, "assumptions": {"input_tokens": 900}})


def test_shared_answer_renders_stored_numbers(council_home: Path) -> None:
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    no_exception(at)
    values = {m.label: m.value for m in at.metric}
    assert any(c.value.startswith("Model id: cheap ") for c in at.caption)
    assert values["Per month"] == money(16.0)
    assert values["Per call"] == money(0.0004)
    assert values["P(adequate)"] == "81%"
    assert any(share_id in c.value for c in at.code)
    assert any("saves" in s.value and money(384.0) in s.value for s in at.success)
    # The catalog version v1 is not today's: the page says the numbers are as they were.
    assert any("today's is" in i.value for i in at.info)


def test_feedback_is_stored(council_home: Path) -> None:
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    at.radio(key="fb_verdict").set_value("not adequate")
    at.text_input(key="fb_note").input("missed fields")
    at.button(key="FormSubmitter:feedback_form-Send feedback").click()
    at.run()
    no_exception(at)
    assert any("Thanks" in s.value for s in at.success)
    rows = store.feedback_outcomes(open_db(council_home / "council.db"))
    assert rows == [{"id": share_id, "source": "feedback", "prompt": "Tag support tickets",
                     "outcomes": {"cheap": 0}}]


def test_edit_assumptions_fills_the_form(council_home: Path) -> None:
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    at.button(key="edit_assumptions").click()
    at.run()
    no_exception(at)
    assert at.text_area(key="description").value == "Tag support tickets"
    assert at.number_input(key="input_tokens").value == 900
    assert at.number_input(key="runs_per_month").value == 20000
    assert at.multiselect(key="needs").value == ["json"]


def test_json_export_is_the_stored_answer(council_home: Path) -> None:
    share_id = _saved(council_home)
    stored = store.load_recommendation(open_db(council_home / "council.db"), share_id)
    from council.ui import recview

    data = json.loads(recview.to_json(share_id, stored.created_at,
                                      stored.spec.model_dump(mode="json"), stored.rec))
    assert data["recommendation"] == stored.rec and data["share_id"] == share_id
