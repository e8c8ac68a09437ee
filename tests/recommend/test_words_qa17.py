"""Decision QA 17: a floor as right answers out of all, "good enough will do", "as good as
Claude" with no version, a VPC, and two tasks in one description."""

from __future__ import annotations

import pytest

from council.floor_words import low_bar_words, read_floor
from council.model_floor_words import Rival, model_floor_note, read_model_floor
from council.privacy_words import read_privacy
from council.two_tasks_words import tasks_said

IDS = ["claude-opus-4-5", "claude-sonnet-4-6", "gpt-5", "gpt-4.1"]


@pytest.mark.parametrize("text, p", [
    ("Transcribe dosage instructions; the output must be right 99 times out of 100.", 0.99),
    ("It should be correct 9 times in 10.", 0.9),
])
def test_a_floor_as_right_answers_out_of_all(text: str, p: float) -> None:
    read = read_floor(text)
    assert read is not None and read.p == pytest.approx(p)


@pytest.mark.parametrize("text", ["Tag the right 3 in 4 tickets.",
                                  "We got it right 2 times out of 3 last week."])
def test_no_floor_out_of_all(text: str) -> None:
    assert read_floor(text) is None


def test_good_enough_will_do_is_a_low_bar() -> None:
    assert low_bar_words("Write alt text; good enough will do.") == "good enough will do"


def test_a_family_with_no_version_reads_as_its_likeliest_model_said() -> None:
    read = read_model_floor("Answer questions; it has to be as good as Claude.", IDS)
    assert read is not None and read.family == "claude" and read.model_id is None
    note = model_floor_note(read, {"claude-opus-4-5": 0.95, "claude-sonnet-4-6": 0.93,
                                   "gpt-5": 0.9}, Rival("gpt-5", 0.9, 0.01),
                            [Rival("claude-opus-4-5", 0.95, 0.05)], 0.75)
    assert note.startswith("'as good as Claude' names a family, not a version")
    assert "claude-opus-4-5's P 0.950" in note


def test_a_named_version_is_no_family() -> None:
    read = read_model_floor("Quality must be as good as Claude Sonnet 4.6.", IDS)
    assert read is not None and read.model_id == "claude-sonnet-4-6" and read.family is None


def test_no_data_may_leave_our_vpc() -> None:
    reads = read_privacy("Classify incident reports; no data may leave our VPC.")
    assert [r.kind for r in reads] == ["self_hosted"]


@pytest.mark.parametrize("text", ["Write a blog post about how we set up our VPC.",
                                  "Summarise our VPC flow logs, 1,000 a day."])
def test_a_vpc_as_a_topic_is_none(text: str) -> None:
    assert read_privacy(text) == ()


@pytest.mark.parametrize("text, said", [
    ("Two things: transcribe our sales calls, and tag support emails.", "Two things:"),
    ("We have three jobs - tag, route and summarise tickets.", "We have three jobs -"),
])
def test_several_tasks_are_counted(text: str, said: str) -> None:
    assert tasks_said(text) == said


@pytest.mark.parametrize("text", ["Two things matter: speed and cost. Tag tickets.",
                                  "Summarise the two tasks our interns did."])
def test_no_count_of_tasks(text: str) -> None:
    assert tasks_said(text) is None
