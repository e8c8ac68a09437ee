"""Recommend page with `?r=<id>`: a stored answer renders with its numbers, exports, feedback."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from council import store
from council.api import Recommendation
from council.db import open_db
from council.format import money, percent
from tests.app.conftest import no_exception, page_app, seen, share_id_of, submit_task
from tests.recs import make_rec

# An answer as the code before the typed store (commit cfc620d, schema 1) wrote it, for a
# stated council verdict on the bundled catalog; its catalog_version is relabelled so it is
# not today's. The share link must keep opening it with the same figures.
STORED_ROW = Path(__file__).parent / "fixtures" / "stored_rec_schema1.json"


def _rec() -> Recommendation:
    return make_rec("Tag support tickets", runs_per_month=20000, needs=frozenset({"json"}),
                    quality="production", input_tokens=900)


def _saved(council_home: Path, rec: Recommendation | None = None) -> str:
    db = open_db(council_home / "council.db")
    return store.save_recommendation(db, rec or _rec())


def test_shared_answer_renders_stored_numbers(council_home: Path) -> None:
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    no_exception(at)
    rec = _rec()
    pick = rec.recommended
    values = {m.label: m.value for m in at.metric}
    assert any(c.value.startswith(f"Model id: {pick.model_id} ") for c in at.caption)
    assert values["Per month"] == money(pick.cost.per_month)
    assert values["Per call"] == money(pick.cost.per_call)
    assert values["P(adequate)"] == percent(pick.p_adequate)
    assert any(share_id in c.value for c in at.code)
    assert any("saves" in s.value and money(rec.saving_per_month) in s.value
               for s in at.success)
    # The task it answers is shown as text, never rendered.
    assert "Tag support tickets" in [t.value for t in at.text]


def _keeps(new: object, old: object) -> bool:
    """Every value of ``old`` is in ``new`` unchanged (new keys may be added)."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(k in new and _keeps(new[k], v)
                                             for k, v in old.items())
    if isinstance(old, list):
        return (isinstance(new, list) and len(new) == len(old)
                and all(_keeps(n, o) for n, o in zip(new, old, strict=True)))
    return new == old


def test_an_answer_stored_by_this_version_still_opens(council_home: Path) -> None:
    """A row written by schema 1 (the fixture file) opens by its share link with the same
    figures it was stored with."""
    data = json.loads(STORED_ROW.read_text(encoding="utf-8"))
    stored = Recommendation.from_dict(data)
    # nothing lost or changed on the way through (later versions may add defaulted fields)
    assert _keeps(json.loads(json.dumps(stored.to_dict())), data)
    share_id = _saved(council_home, stored)
    at = page_app("recommend", query={"r": share_id}).run()
    no_exception(at)
    pick = data["recommended"]
    values = {m.label: m.value for m in at.metric}
    assert values == {"Per call": money(pick["cost"]["per_call"]),
                      "Per task": money(pick["cost"]["per_task"]),
                      "Per month": money(pick["cost"]["per_month"]),
                      "P(adequate)": percent(pick["p_adequate"])}
    assert any(money(data["saving_per_month"]) in s.value for s in at.success)
    assert data["spec"]["description"] in [t.value for t in at.text]
    # Made on a catalog version that is not today's: the page says the numbers are as then.
    assert any("today's is" in i.value for i in at.info)


def test_an_older_row_without_later_fields_opens(council_home: Path) -> None:
    """Rows stored before a Cost carried price_verified (and a candidate its notes) load with
    the defaults."""
    data = json.loads(STORED_ROW.read_text(encoding="utf-8"))
    for option in [data["recommended"], data["default"], *data["candidates"]]:
        option["cost"].pop("price_verified")
        option.pop("notes")
    stored = Recommendation.from_dict(data)
    assert stored.recommended.cost.price_verified == "" and stored.recommended.notes == []
    at = page_app("recommend", query={"r": _saved(council_home, stored)}).run()
    no_exception(at)
    assert {m.label: m.value for m in at.metric}["Per month"] == money(
        data["recommended"]["cost"]["per_month"])


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
                     "outcomes": {_rec().recommended.model_id: 0}}]


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
    from council.present import to_json

    data = json.loads(to_json(share_id, stored.created_at, stored.rec))
    assert data["recommendation"] == stored.rec.to_dict() and data["share_id"] == share_id
    assert data["spec"] == stored.spec.model_dump(mode="json")


AGENT = ("Build an agent that plans and executes a multi-step refactor of a 40-file Django "
         "codebase, running the tests with tool calls until they pass")


def _verdict(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Category **"))


def test_a_shared_answer_shows_the_mix_it_was_priced_with(council_home: Path) -> None:
    """Issue 17: the verdict line shows the stored mix, not today's reading of the words; an
    answer stored before the mix was kept shows today's reading (the fallback)."""
    data = make_rec(AGENT, category="code_generation", difficulty=3.5).to_dict()
    assert data["priced_mix"] == {"code_generation": 0.5, "agentic": 0.5}
    data["priced_mix"] = {"code_generation": 0.7, "agentic": 0.3}  # an older reader's mix
    at = page_app("recommend", query={"r": _saved(council_home,
                                                  Recommendation.from_dict(data))}).run()
    no_exception(at)
    assert ("**Code generation** 70% + **Agentic & multi-step** 30%" in _verdict(at)), \
        _verdict(at)
    del data["priced_mix"]  # stored before the field: the words are read again
    at = page_app("recommend", query={"r": _saved(council_home,
                                                  Recommendation.from_dict(data))}).run()
    no_exception(at)
    assert "**Code generation** 50% + **Agentic & multi-step** 50%" in _verdict(at)


def test_the_schema_1_answer_shows_no_mix(council_home: Path) -> None:
    stored = Recommendation.from_dict(json.loads(STORED_ROW.read_text(encoding="utf-8")))
    assert stored.priced_mix is None
    at = page_app("recommend", query={"r": _saved(council_home, stored)}).run()
    no_exception(at)
    assert "agent loop" not in _verdict(at)


def test_a_refused_note_is_kept_to_be_trimmed(council_home: Path) -> None:
    """A 6,000-character note was refused ('keep it under 2,000') and, the form clearing on
    submit, lost: it stays in the box now, and is cleared once a note is stored."""
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    long_note = "y" * (store.MAX_NOTE_CHARS * 3)
    at.text_input(key="fb_note").input(long_note)
    at.button(key="FormSubmitter:feedback_form-Send feedback").click()
    at.run()
    no_exception(at)
    assert any("keep it under 2,000" in seen(e.value) and "Your note is kept above" in
               seen(e.value) for e in at.error), [e.value for e in at.error]
    assert at.text_input(key="fb_note").value == long_note
    assert store.feedback_outcomes(open_db(council_home / "council.db")) == []
    at.text_input(key="fb_note").input("y" * store.MAX_NOTE_CHARS)
    at.button(key="FormSubmitter:feedback_form-Send feedback").click()
    at.run()
    no_exception(at)
    assert any("Thanks" in s.value for s in at.success)
    assert at.text_input(key="fb_note").value == ""
    assert len(store.feedback_outcomes(open_db(council_home / "council.db"))) == 1


def _leaves_in_10_days(pick: str) -> date:
    """Today's catalog shuts ``pick`` down 10 days from now (a curator's real edit)."""
    from council.catalog.store import Editor
    from council.ui import state

    catalog_store = state.get_catalog_store()
    shut = datetime.now(UTC).date() + timedelta(days=10)
    catalog_store.update_field(pick, "shutdown_date", shut.isoformat(), editor=Editor("ada"),
                               reason="test: the pick leaves in 10 days",
                               expected_revision=catalog_store.revision(pick))
    return shut


def _warnings(share: str) -> str:
    at = page_app("recommend", query={"r": share}).run()
    no_exception(at)
    return " ".join(seen(w.value) for w in at.warning)


def test_a_shared_pick_that_now_shuts_down_soon_says_so(council_home: Path) -> None:
    """QA round 7: a link to an answer picking a model that today's catalog shuts down in 10
    days (as gpt-5 and o3 on 2026-12-11) showed the old pick with no word of it."""
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Classify support emails into 12 queues as JSON")
    no_exception(at)
    share = share_id_of(at)
    stored = store.load_recommendation(open_db(council_home / "council.db"), share)
    pick = stored.rec.recommended.model_id
    shut = _leaves_in_10_days(pick)
    warned = _warnings(share)
    assert f"Today's catalog: {pick} shuts down on {shut.isoformat()} (10 days from now" \
        in warned, warned


def test_a_rivals_shutdown_note_does_not_hide_the_picks_own(council_home: Path) -> None:
    """The page looked for 'shuts down on DATE' in the pick's notes: a note that a rival
    (o3) was not picked because it shuts down that day hid that today's catalog shuts the
    pick down the same day (as gpt-5 and o3 both on 2026-12-11). The catalog the answer used
    gave the pick no date, so the answer never said it: the page says it now."""
    rec = _rec()
    pick = rec.recommended.model_id
    shut = datetime.now(UTC).date() + timedelta(days=10)
    rec.recommended.notes.append(
        f"o3 would be the pick ($1.00 a month, P 90%) but shuts down on {shut.isoformat()} "
        "(10 days; the catalog names no successor): not picked, so the monthly plan does not "
        "rest on a model that is going away")
    share = _saved(council_home, rec)
    assert _leaves_in_10_days(pick) == shut
    warned = _warnings(share)
    assert f"Today's catalog: {pick} shuts down on {shut.isoformat()} (10 days from now" \
        in warned, warned


def test_a_shutdown_the_answer_gave_is_not_said_twice(council_home: Path) -> None:
    """The catalog the answer used (by its version) had the pick leaving on that date, near
    on the answer's day, so the answer said it: the page adds no second warning."""
    from council.ui import state

    rec = _rec()
    _leaves_in_10_days(rec.recommended.model_id)
    rec.catalog_version = state.get_catalog_store().current_version  # answered on it, today
    warned = _warnings(_saved(council_home, rec))
    assert "Today's catalog" not in warned, warned
