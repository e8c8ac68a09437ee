"""Money and floor words the decision-QA-12 rules misread (review12, written before the
fixes): a day that is no one's work, a limit a call that is someone else's price or policy,
a budget that is another person's, low-bar words said with a negation or a "but"."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text", [
    # each read as 8 or 80 hours of work before
    "An error costs us a day's revenue.",
    "A mistake costs the customer two weeks of delay.",
    "Each misrouted ticket costs us one angry customer a day.",
    "A wrong answer costs the patient a day in hospital.",
])
def test_a_day_that_is_no_ones_work_is_no_failure_time(text: str) -> None:
    failure = read_money(text).failure
    assert failure is None or not failure.minutes


@pytest.mark.parametrize(("text", "minutes"), [
    ("A bad summary costs the team a day.", 480),
    ("Each missed clause costs half a day of a lawyer.", 240),
    ("A wrong answer costs an engineer a full day of work.", 480),
    ("A mistake costs us 2 person-days to fix.", 960),
    ("A bad translation costs $50 and a day of rework.", 480),
])
def test_a_day_of_work_is_still_read(text: str, minutes: float) -> None:
    failure = read_money(text).failure
    assert failure is not None and failure.minutes == pytest.approx(minutes)
