"""Decision QA 13: failures tied to volume said as a mis-tagged item or in seconds of a
person (each was the category's default before)."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize(("text", "minutes"), [
    ("Tag support tickets by urgency; every mis-tagged ticket means 5 minutes of an agent "
     "re-reading it.", 5.0),
    ("Classify short customer messages by language; a wrong label costs 30 seconds of an "
     "annotator.", 0.5),
    ("Sort invoices by supplier; a misfiled invoice takes 90 secs to fix.", 1.5),
])
def test_the_minutes_are_read(text: str, minutes: float) -> None:
    fail = read_money(text).failure
    assert fail is not None and fail.minutes == pytest.approx(minutes)


@pytest.mark.parametrize("text", [
    "A wrong answer costs a 10 second delay.",  # the customer's wait, not work
    "Draft a mission statement; each word costs 3 seconds of reading.",  # no failure word
])
def test_no_person_time(text: str) -> None:
    assert read_money(text).failure is None
