"""One key, one shape: `category_reading` is the whole reading (CategoryReading's fields) in
LocalPrediction.to_dict(), in each `council assess` row, in a stored answer's vote and in its
export; a stored answer from before the key existed still opens. No model is loaded."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

from council import db as council_db
from council import store
from council.api import Recommendation
from council.assess.classifier import LocalPrediction
from council.assess.classifier_batch import record
from council.assessment import CategoryReading, Vote
from council.present import to_json, to_markdown, to_text

STORED_ROW = Path(__file__).parent.parent / "app" / "fixtures" / "stored_rec_schema1.json"
MINILM, E5 = "all-MiniLM-L6-v2", "multilingual-e5-small-q4-query"
READ_TWICE = CategoryReading(encoder=E5, first_encoder=MINILM, first_top_p=0.41, cut=0.71,
                             second_encoder=E5)


def _prediction(reading: CategoryReading | None) -> LocalPrediction:
    return LocalPrediction(category_p={"coding": 0.612345678, "chat": 0.387654322},
                           category="coding", difficulty=2.345678, difficulty_sd=0.712345,
                           low_confidence=True, reason="read again with " + E5,
                           reading=reading)


def test_to_dict_carries_the_whole_reading_as_a_stored_vote_does() -> None:
    data = json.loads(json.dumps(_prediction(READ_TWICE).to_dict()))
    assert data["category_reading"] == asdict(READ_TWICE)
    assert CategoryReading(**data["category_reading"]) == READ_TWICE
    vote = Vote(voter="local", kind="local", category_reading=READ_TWICE)
    assert json.loads(json.dumps(vote.to_dict()))["category_reading"] == data["category_reading"]
    assert _prediction(None).to_dict()["category_reading"] is None


def test_a_file_row_is_to_dict_under_its_id_rounded() -> None:
    pred = _prediction(READ_TWICE)
    row = record(7, pred)
    assert set(row) == {"id", *pred.to_dict()}
    assert row["category_reading"] == pred.to_dict()["category_reading"]
    assert (row["id"], row["difficulty"], row["difficulty_sd"]) == (7, 2.3457, 0.7123)
    assert row["category_p"] == {"coding": 0.612346, "chat": 0.387654}
    assert row["reason"] == pred.reason and row["low_confidence"] is True


def _local_vote(data: dict) -> dict:
    return next(v for v in data["assessment"]["votes"] if v["kind"] == "local")


def test_stored_answers_old_and_new_open_with_their_reading(tmp_path: Path) -> None:
    """A row stored before votes carried a reading (the schema-1 fixture) opens without one;
    the same row whose local vote keeps to_dict()'s reading opens with it, in the export
    too."""
    db = council_db.open_db(tmp_path / "council.db", store.MIGRATIONS)
    old = json.loads(STORED_ROW.read_text(encoding="utf-8"))
    assert "category_reading" not in json.dumps(old)
    new = json.loads(json.dumps(old))
    _local_vote(new)["category_reading"] = _prediction(READ_TWICE).to_dict()["category_reading"]

    opened = {}
    for name, data in (("old", old), ("new", new)):
        share_id = store.save_recommendation(db, Recommendation.from_dict(data))
        opened[name] = (share_id, store.load_recommendation(db, share_id))
    (old_id, old_stored), (new_id, new_stored) = opened["old"], opened["new"]

    assert old_stored.rec.assessment.category_reading is None
    assert "local classifier's category" not in to_markdown(old_id, old_stored.created_at,
                                                            old_stored.rec)
    assert "category reading:" not in to_text(old_stored.rec)
    assert json.loads(to_json(old_id, old_stored.created_at, old_stored.rec))[
        "recommendation"]["assessment"]["category_reading"] is None

    assert new_stored.rec.assessment.category_reading == READ_TWICE
    markdown = to_markdown(new_id, new_stored.created_at, new_stored.rec)
    assert "local classifier's category: read twice: MiniLM was unsure (0.41" in markdown
    assert "category reading: read twice: MiniLM was unsure (0.41" in to_text(new_stored.rec)
    exported = json.loads(to_json(new_id, new_stored.created_at, new_stored.rec))
    assert exported["recommendation"]["assessment"]["category_reading"] == asdict(READ_TWICE)
    # apart from the reading, the two answers are the same
    assert [replace(v, category_reading=None) for v in new_stored.rec.assessment.votes] == \
        old_stored.rec.assessment.votes
