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
    assert not any("Usage is linked" in i.value for i in at.info)  # round 17: none linked


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


def test_spend_says_whose_volumes_it_sums(council_home: Path) -> None:
    """The saving is summed at each answer's monthly volume; when that is a category's
    typical volume and not the team's, the caption says how many (it said 'stated')."""
    from tests.recs import make_rec

    db = open_db(council_home / "council.db")
    store.save_recommendation(db, priced_rec("Tag tickets", "small", 10.0, 200.0))  # 1,000 typed
    guessed = make_rec("Tag support tickets by urgency")  # volume: the category's default
    assert next(a for a in guessed.assumption_notes
                if a.name == "runs_per_month").source == "category default"
    store.save_recommendation(db, guessed)
    at = page_app("history").run()
    no_exception(at)
    caption = next(c.value for c in at.caption if "Summed over" in c.value)
    assert "Summed over 2 of 2 recommendations" in caption
    assert "1 at the team's own volume and 1 at a category's typical volume" in caption
    assert "stated" not in caption
