"""The store under abuse (issue 15, rows 1 and 6): old rows scrubbed, feedback limited."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from council import db as council_db
from council import store
from council.errors import InvalidInput, RateLimited
from council.redact import REDACTED
from tests.recs import priced_rec, real_catalog


def _answer(description: str = "Tag tickets"):
    """A real answer: pick "small", default "frontier", the catalog's candidates."""
    return priced_rec(description, "small")


@pytest.fixture()
def db(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    real_catalog()
    return council_db.open_db(db_path, store.MIGRATIONS)


def test_rows_stored_before_the_fix_are_scrubbed_by_a_migration(db_path: Path,
                                                                 monkeypatch) -> None:
    shaped = "sk-proj-" + "Z" * 40
    echoed = "Incorrect API key provided: team-proxy-7Hq2ZpX9k. See your dashboard"
    old = council_db.connect(db_path)
    old.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    store._create_tables(old)
    old.execute("INSERT INTO _migrations VALUES ('store_001_recommendations_feedback', 'x')")
    rec = {"assessment": {"votes": [{"voter": "nano", "error": f"HTTP 401: {echoed}"}],
                          "notes": [f"nano: HTTP 401: Bearer {shaped}"]}}
    old.execute("INSERT INTO recommendations (share_id, created_at, description, spec_json, "
                "rec_json) VALUES (?, ?, ?, ?, ?)",
                ["aB3dE5gH9k", "2026-01-01", f"my key {shaped}",
                 json.dumps({"description": f"my key {shaped}"}), json.dumps(rec)])
    old.execute("INSERT INTO feedback (share_id, model_id, adequate, note, created_at) "
                "VALUES ('aB3dE5gH9k', 'm', 1, ?, '2026-01-01')", [f"use {shaped}"])
    old.conn.commit()
    old.conn.close()
    applied = council_db.migrate(council_db.connect(db_path), [store.MIGRATIONS])
    assert "store_002_scrub_secrets" in applied
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert shaped.encode() not in raw and b"team-proxy-7Hq2ZpX9k" not in raw
    assert REDACTED.encode() in raw


def test_feedback_only_for_a_model_the_answer_names(db) -> None:
    rec = _answer()
    share = store.save_recommendation(db, rec)
    for model in ("small", "frontier", rec.candidates[0].model_id,
                  rec.alternatives[0].model_id):
        store.add_feedback(db, share, model, True)
    with pytest.raises(InvalidInput, match="'gpt-9' is not in this answer; rate one of"):
        store.add_feedback(db, share, "gpt-9", False)


def test_one_session_cannot_flood_the_feedback(db) -> None:
    shares = [store.save_recommendation(db, _answer(f"Tag tickets {i}")) for i in range(3)]
    for i in range(store.FEEDBACK_PER_SESSION_PER_HOUR):
        store.add_feedback(db, shares[i % 3], "small", False, session="s1")
    with pytest.raises(RateLimited, match="verdicts in the last hour"):
        store.add_feedback(db, shares[0], "small", False, session="s1")
    store.add_feedback(db, shares[0], "small", True, session="s2")  # another visitor may
    later = datetime.now(UTC) + timedelta(hours=1, minutes=1)
    store.add_feedback(db, shares[0], "small", True, session="s1", now=later)
    count = db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
    assert count == store.FEEDBACK_PER_SESSION_PER_HOUR + 2


def test_one_share_link_takes_a_bounded_number_of_verdicts(db) -> None:
    share = store.save_recommendation(db, _answer())
    for i in range(store.FEEDBACK_PER_LINK_PER_DAY):
        store.add_feedback(db, share, "small", i % 2 == 0, session=f"visitor-{i}")
    with pytest.raises(RateLimited, match="verdicts in the last day"):
        store.add_feedback(db, share, "small", True, session="one-more")


def test_retraining_counts_one_verdict_per_model_per_answer_the_latest(db) -> None:
    share = store.save_recommendation(db, _answer())
    for adequate in (False, False, False, True):
        store.add_feedback(db, share, "small", adequate, session="s1")
    store.add_feedback(db, share, "frontier", False, session="s1")
    (row,) = store.feedback_outcomes(db)
    assert row["outcomes"] == {"small": 1, "frontier": 0}
