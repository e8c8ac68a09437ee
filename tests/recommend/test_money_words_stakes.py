"""Stakes in the words with no figure are said not to be priced.

New-user review, round 8: "a wrong answer here could kill someone: triage patient symptom
descriptions into urgent / non urgent" was priced with the classification default ($0.48 a
failure: someone re-routes a ticket) and no word that the stakes in the words were not read.
"""

from __future__ import annotations

import pytest

from council.money_words import read_money
from tests.recs import make_rec


@pytest.mark.parametrize("text, said", [
    ("a wrong answer here could kill someone: triage patient symptom descriptions",
     "a wrong answer here could kill someone"),
    ("Draft legal briefs; if it hallucinates a citation we could get sued",
     "if it hallucinates a citation we could get sued"),
    ("Dosage extraction: an error can seriously harm a patient",
     "Dosage extraction: an error can seriously harm a patient"),
])
def test_stakes_without_a_figure_are_said(text: str, said: str) -> None:
    words = read_money(text)
    assert words.failure is None
    assert any(n.startswith(f"'{said}") and "no dollar figure" in n for n in words.unread), \
        words.unread


@pytest.mark.parametrize("text", [
    "Kill the zombie processes when a job fails",
    "a wrong answer could kill the deal, which costs us $5,000",
    "Classify harmful comments for moderation",
    "Log levels: DEBUG, INFO, WARNING, ERROR, and FATAL",
])
def test_no_note_without_stakes_or_with_a_figure(text: str) -> None:
    words = read_money(text)
    assert not any("no dollar figure" in n for n in words.unread)


def test_the_answer_says_it() -> None:
    rec = make_rec("a wrong answer here could kill someone: triage patient symptom "
                   "descriptions into urgent / non urgent, 500 a day",
                   category="classification", difficulty=2.0)
    assert any("no dollar figure" in n for n in rec.notes), rec.notes
