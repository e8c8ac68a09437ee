"""Decision QA 13: a check the words say is free costs $0 a task, and one they say is
impossible rules the cascade out (both were priced with the category's check before)."""

from __future__ import annotations

import pytest

from council.check_words import read_check
from tests.recs import make_rec

NO_CHECK = ("Give first-aid triage advice in our app's chat; nobody can tell a wrong answer "
            "until the patient comes back.")
FREE = ("Write SQL for analysts' questions over our warehouse; each query is run against a "
        "test database, so a wrong one is caught automatically at almost no cost.")


@pytest.mark.parametrize(("text", "free"), [
    (NO_CHECK, False), (FREE, True),
    ("Write unit tests for our functions; the tests run in CI, so a broken one is detected "
     "for free.", True),
    ("Wrong labels cannot be detected before they ship.", False),
    ("There is no way to tell whether a forecast is right until the quarter ends.", False),
])
def test_the_check_the_words_describe(text: str, free: bool) -> None:
    read = read_check(text)
    assert read is not None and read.free is free


@pytest.mark.parametrize("text", [
    "Errors are caught automatically by our customers, who then complain.",
    "I cannot verify my identity on the website, what should I do?",
    "You cannot know the future; give a range.",
    "Classify support tickets by urgency.",
])
def test_no_check_described(text: str) -> None:
    assert read_check(text) is None


def _check(rec):  # type: ignore[no-untyped-def]
    return next(a for a in rec.assumption_notes if a.name == "detection_cost_usd")


def test_no_check_no_cascade() -> None:
    rec = make_rec(NO_CHECK, category="customer_support", difficulty=2.5)
    assert rec.cascade is None
    assert "no check can catch a failure" in _check(rec).why and _check(rec).source == "text"


def test_a_free_check_costs_nothing() -> None:
    rec = make_rec(FREE, category="code_generation", difficulty=2.5)
    assert _check(rec).value == 0.0 and _check(rec).source == "text"
    assert rec.cascade is not None and rec.cascade.detection_cost_per_task == 0.0


def test_no_check_best_action_checks_nothing() -> None:
    """No model clears the floor: the best action said "with every answer checked" where the
    words say no check exists."""
    rec = make_rec("Design the architecture of a multi-region, strongly consistent payments "
                   "ledger; nobody can tell a wrong design until it fails in production.",
                   category="architecture", difficulty=4.5, quality="production")
    action = rec.decision.best_action
    assert action is not None and rec.cascade is None
    assert "with every answer checked" not in action.text
    assert "no check can catch its failures (your words: 'nobody can tell')" in action.text
