"""Decision QA 15: a budget a seat counts the seats said in another clause of its sentence,
and a support team's agents are seats, not a unit a model handles."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Draft replies for our support team of 40 agents; we budget $3 per agent per month for "
     "AI tools.", 120.0),
    ("Summarise meeting notes for our 25 employees; our budget is $60 per user per year.",
     125.0),
])
def test_the_seats_beside_the_budget_are_counted(text, usd):
    money = read_money(text)
    assert money.budget is not None and money.budget.usd_per_month == pytest.approx(usd)
    assert money.unit_budget is None and not money.unread


def test_a_seat_price_beside_a_count_is_still_no_budget():
    assert read_money("Our 12 agents each handle 50 chats a day; the tool costs $30 per "
                      "agent per month.").budget is None


def test_seats_in_another_sentence_are_not_counted():
    money = read_money("We have 25 employees. Our budget is $60 per user per year.")
    assert money.budget is None and any("no number of seats" in u for u in money.unread)
