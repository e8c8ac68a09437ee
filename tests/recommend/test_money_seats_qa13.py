"""Decision QA 13: a budget a seat, a user or each of a team is the figure times the seats
the words count (each was unread, in silence, before)."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize(("text", "usd"), [
    ("Summarise meeting notes for our sales team; budget $20 per seat, 12 seats.", 240.0),
    ("Draft replies to customer emails for our 8-person support team, $15 a seat a month.",
     120.0),
    ("Our team of 5 has $50 each per month for an assistant that answers coding questions.",
     250.0),
    ("Budget $40 a user a year for 50 users.", 166.67),
])
def test_a_budget_a_seat_times_the_seats(text: str, usd: float) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd)


def test_no_period_is_a_month_and_said() -> None:
    budget = read_money("Budget $20 per seat, 12 seats.").budget
    assert budget is not None and "no period said, so a month's" in budget.how


def test_no_count_of_seats_is_said_unread() -> None:
    words = read_money("Summarise notes; budget $20 per seat.")
    assert words.budget is None
    assert any("no number of seats" in u for u in words.unread)


def test_a_figure_a_user_with_no_budget_word_is_said_not_taken() -> None:
    words = read_money("Write first drafts of proposals, €25 per user per month for 10 users.")
    assert words.budget is None
    assert any("'€25 per user per month for 10 users' was not read" in u for u in words.unread)


@pytest.mark.parametrize("text", [
    "Licenses cost $30 per seat per month for 20 seats.",  # a price
    "We sell tickets at $50 each to 300 people.",
    "Our 3 clients have $500 each a month.",  # someone else's money
    "Answer product questions for our support team of 12; the budget is $500 a month for "
    "the whole team.",  # not x 12
])
def test_not_a_budget_a_seat(text: str) -> None:
    budget = read_money(text).budget
    assert budget is None or budget.usd_per_month == 500.0
    assert not any("seats" in u for u in read_money(text).unread)


def test_will_pay_a_seat() -> None:
    """Held-back case h1, fixed after it was scored (so no longer blind)."""
    budget = read_money("We will pay $30 per seat per month, 6 seats, for a tool that drafts "
                        "sales emails.").budget
    assert budget is not None and budget.usd_per_month == 180.0


def test_a_period_said_before_the_seat_figure() -> None:
    budget = read_money("Annual budget $40 per seat, 50 seats.").budget
    assert budget is not None and budget.usd_per_month == pytest.approx(166.67)
