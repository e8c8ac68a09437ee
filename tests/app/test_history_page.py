"""History page in AppTest: recent recommendations, their feedback and the spend summary."""

from __future__ import annotations

from pathlib import Path

from council import store
from council.db import open_db
from tests.app.conftest import no_exception, page_app
from tests.recs import priced_rec


def test_empty_history(council_home: Path) -> None:
    at = page_app("history").run()
    no_exception(at)
    assert any("No priced recommendations yet" in i.value for i in at.info)


def test_history_lists_recommendations_feedback_and_spend(council_home: Path) -> None:
    db = open_db(council_home / "council.db")
    a = store.save_recommendation(db, priced_rec("Tag tickets", "small", 10.0, 200.0))
    store.save_recommendation(db, priced_rec("Review PRs", "mid", 40.0, 100.0))
    store.add_feedback(db, a, "small", True, "")
    at = page_app("history").run()
    no_exception(at)
    values = {m.label: m.value for m in at.metric}
    assert values["On the default frontier model"] == "$300.00"
    assert values["On the recommended models"] == "$50.00"
    assert values["Saved"] == "$250.00"
    saved = next(m for m in at.metric if m.label == "Saved")
    assert saved.delta == "83% less than the default"
    table = at.dataframe[0].value
    assert list(table["task"]) == ["Review PRs", "Tag tickets"]
    assert list(table["feedback"]) == ["", "1/1 adequate"]
    assert table["open"].iloc[1] == f"/?r={a}"


def test_history_says_when_the_picks_cost_more(council_home: Path) -> None:
    db = open_db(council_home / "council.db")
    store.save_recommendation(db, priced_rec("Prove a lemma", "pricier", 120.0, 100.0))
    at = page_app("history").run()
    no_exception(at)
    saved = next(m for m in at.metric if m.label == "Saved")
    assert saved.value == "-$20.00" and saved.delta == "20% more than the default"
