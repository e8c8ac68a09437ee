"""Money and floor words the decision-QA-12 rules misread (review12, written before the
fixes): a day that is no one's work, a limit a call that is someone else's price or policy,
a budget that is another person's, low-bar words said with a negation or a "but"."""

from __future__ import annotations

import pytest

from council.floor_words import low_bar_words
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


@pytest.mark.parametrize("text", [
    # each read as a limit a call or a task, then a month's ceiling on the model, before
    "We charge at most $5 per document.",
    "Their API costs under a cent a call.",
    "The API costs under a cent a call.",
    "Agents can't spend more than $20 per ticket on refunds.",
    "Refunds up to $50 per ticket are approved automatically.",
])
def test_someone_elses_price_or_policy_a_unit_is_no_ceiling(text: str) -> None:
    assert read_money(text).unit_budget is None


@pytest.mark.parametrize(("text", "usd"), [
    ("Keep it under a cent a call.", 0.01),
    ("Keep the cost under a cent a call.", 0.01),
    ("We can pay $2 per 1,000 tickets.", 0.002),
    ("Our budget is at most 2 cents per email.", 0.02),
])
def test_our_limit_a_unit_is_still_read(text: str, usd: float) -> None:
    unit = read_money(text).unit_budget
    assert unit is not None and unit.usd == pytest.approx(usd)


def test_another_persons_yearly_sum_to_spend_is_no_budget() -> None:
    # an $83.33 monthly budget before
    assert read_money("Each employee gets $1,000 a year to spend on training.").budget is None
    ours = read_money("We have $2,400 a year to spend on this.").budget
    assert ours is not None and ours.usd_per_month == pytest.approx(200)


@pytest.mark.parametrize("text", [
    # each said "asks for less than the floor used" and offered the draft setting before
    "No mistakes are acceptable.",
    "Zero errors are acceptable in the invoices.",
    "Errors are fine to flag but never to send.",
    "It doesn't have to be perfect English, but the amounts must be right.",
    "We can live with the occasional mistake in tone but never in prices.",
])
def test_a_negated_or_qualified_low_bar_is_none(text: str) -> None:
    assert low_bar_words(text) is None


@pytest.mark.parametrize("text", [
    "Best effort is fine for the summaries.",
    "It doesn't have to be perfect.",
    "We can live with the occasional mistake.",
])
def test_a_low_bar_is_still_heard(text: str) -> None:
    assert low_bar_words(text) is not None
