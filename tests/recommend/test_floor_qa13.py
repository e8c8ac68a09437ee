"""Decision QA 13: a floor said as the errors allowed, or with the figure first (each gave no
note before: the standard floor in silence)."""

from __future__ import annotations

import pytest

from council.floor_words import floor_note, read_floor


@pytest.mark.parametrize(("text", "p"), [
    ("Classify emails as spam or not spam; at most 1 in 50 may be wrong.", 0.98),
    ("Extract renewal dates from supplier contracts with 95% accuracy.", 0.95),
    ("Answer tax questions from small businesses; no more than 2% errors.", 0.98),
    ("Moderate user comments for hate speech; an error rate under 1% is required.", 0.99),
    ("Tag invoices; fewer than one mistake in 100 invoices.", 0.99),
    ("It needs 98% accuracy on the totals.", 0.98),
])
def test_the_errors_allowed_read_as_a_floor(text: str, p: float) -> None:
    read = read_floor(text)
    assert read is not None and read.p == pytest.approx(p)
    assert f"P {p:.2f}" in (floor_note(text, 0.75) or "")


@pytest.mark.parametrize("text", [
    "Our old model was 60% accurate; find a better one.",  # a state, not asked for
    "The current system is 80% accurate.",
    "at most 1 in 50 tickets is urgent",  # a share of the items, no error word
    "Fewer than 1 in 10 customers complain.",
    "Reduce errors by 5%.",
    "under 5% of the emails are spam",
])
def test_no_floor_where_none_is_asked(text: str) -> None:
    assert read_floor(text) is None
