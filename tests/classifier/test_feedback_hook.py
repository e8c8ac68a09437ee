"""`council train --feedback-db`: feedback from a real SQLite store becomes outcome rows."""

from __future__ import annotations

import json
from pathlib import Path

from council.db import open_db
from council.outcomes.feedback_export import export_feedback
from council.store import add_feedback, save_recommendation
from tests.recs import priced_rec


def test_feedback_is_exported_as_outcome_rows(db_path: Path, tmp_path: Path) -> None:
    db = open_db(db_path)
    share = save_recommendation(db, priced_rec("Tag support tickets by topic", "gpt-5-mini"))
    add_feedback(db, share, "claude-haiku-4-5", adequate=False)
    add_feedback(db, share, "claude-haiku-4-5", adequate=True)  # the latest verdict wins
    add_feedback(db, share, "gpt-5-mini", adequate=False)
    target = tmp_path / "feedback_outcomes.jsonl"
    assert export_feedback(db_path, target) == 1
    (row,) = [json.loads(line) for line in target.read_text().splitlines()]
    assert row == {"id": share, "source": "feedback", "prompt": "Tag support tickets by topic",
                   "outcomes": {"claude-haiku-4-5": 1, "gpt-5-mini": 0}}


def test_no_feedback_writes_an_empty_file(db_path: Path, tmp_path: Path) -> None:
    open_db(db_path)
    target = tmp_path / "out" / "feedback_outcomes.jsonl"
    assert export_feedback(db_path, target) == 0
    assert target.read_text() == ""
