"""Decision QA 16: words that ask for the most likely model whatever it costs are said."""

from __future__ import annotations

import pytest

from council.floor_words import high_bar_note, high_bar_words


@pytest.mark.parametrize("text, said", [
    ("Diagnose faults from engine sensor logs; money is no object, we want the most reliable "
     "model.", "money is no object"),
    ("Review our contracts; we want the most reliable model for this.",
     "want the most reliable model"),
    ("Cost is not an issue here.", "Cost is not an issue"),
])
def test_the_words_are_read(text: str, said: str) -> None:
    assert high_bar_words(text) == said


@pytest.mark.parametrize("text", ["We cannot say money is no object.",
                                  "Explain why money is no object for billionaires.",
                                  "Write a story where cost does not matter."])
def test_a_topic_or_a_negation_is_not(text: str) -> None:
    assert high_bar_words(text) is None


def test_the_note_names_the_likeliest_and_how_to_have_it() -> None:
    note = high_bar_note("money is no object", pick_model="gemini-3.8-flash", pick_p=0.7549,
                         likeliest_model="claude-opus-5", likeliest_p=0.91,
                         likeliest_month=812.5, floor=0.75)
    assert "claude-opus-5 at P 0.910 ($812.50 a month)" in note and "higher failure cost" in note
