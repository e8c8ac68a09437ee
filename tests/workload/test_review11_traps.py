"""Sentences the session-11 rules should not fire on (review11, written before the fixes):
one piece a period must not swallow a count each item of which is a run, and browsing the
task forbids or teaches is no agent loop."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


@pytest.mark.parametrize(("text", "runs"), [
    # one_piece_about read these as one run a period: 30 and 4.3 a month
    ("Every day, triage each of our 500 tickets and send a short report to the team lead.",
     500 * 30),
    ("Every Monday, classify all of our 300 new tickets and write a summary.", 300 * 52 / 12),
])
def test_a_count_each_item_of_which_is_a_run_stays_a_count(text: str, runs: float) -> None:
    assert read_workload(text).summary()["runs_per_month"] == pytest.approx(runs, rel=0.01)


def test_a_piece_on_all_of_our_n_things_is_still_one_run() -> None:
    text = "Every Monday, write a report on all of our 12 stores."
    assert read_workload(text).summary()["runs_per_month"] == pytest.approx(52 / 12, rel=0.01)


@pytest.mark.parametrize("text", [
    "Write a help article telling users how to navigate the settings page of our app.",
    "Write a guide on how to navigate the supplier portal for new staff.",
    "Summarise each support ticket; the bot must not browse the web.",
    "Answer from our FAQ only, without searching the web.",
])
def test_browsing_forbidden_or_taught_is_no_agent_loop(text: str) -> None:
    assert read_workload(text).loop is None  # an agent loop, 15 calls a task, before
