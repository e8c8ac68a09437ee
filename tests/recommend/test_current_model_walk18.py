"""User QA 18: "we currently pay for Claude Sonnet 4.6" said nothing; the note gave P as
0.735 beside a headline of 84%."""

from __future__ import annotations

import pytest

from council.current_model_words import (
    CurrentModel,
    Priced,
    current_model_note,
    read_current_model,
)

IDS = ("gpt-4.1", "claude-sonnet-4-6", "gemini-3.8-flash")


@pytest.mark.parametrize("text", [
    "We currently pay for Claude Sonnet 4.6 to turn questions into SQL.",
    "We're paying for Claude Sonnet 4.6 right now to turn questions into SQL.",
    "We've been using Claude Sonnet 4.6 until now for SQL.",
])
def test_paying_for_a_model_today(text: str) -> None:
    read = read_current_model(text, IDS)
    assert read is not None and read.model_id == "claude-sonnet-4-6"


def test_no_now_no_model() -> None:
    assert read_current_model("We would pay for Claude Sonnet 4.6 if it writes SQL.", IDS) is None


def test_the_note_gives_p_as_the_headline_does() -> None:
    note = current_model_note(CurrentModel("gpt-4.1", "gpt-4.1", "We're on gpt-4.1"),
                              Priced("gpt-4.1", 0.735, 84.75),
                              Priced("gemini-3.8-flash", 0.838, 67.46))
    assert "at P(adequate) 74% on this task" in note and "at P(adequate) 84%" in note
    assert "0.735" not in note
