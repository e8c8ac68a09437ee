"""Decision QA 16: a budget a seat counts the same seats said in the sentence before, and
"each of us" a team's people."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Our support team has 12 agents. The budget is $10 per agent per month. Draft replies.",
     120.0),
    ("We are a team of 8. Each of us can spend $25 a month on this. Summarise papers.", 200.0),
])
def test_seats_counted_in_the_sentence_before(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)


def test_each_of_us_with_no_count_is_said_unread() -> None:
    m = read_money("Each of us can spend $25 a month on this.")
    assert m.budget is None and any("no number of seats" in u for u in m.unread), m.unread


@pytest.mark.parametrize("text", [
    "We have 25 employees. Our budget is $60 per user per year.",  # another noun: unread
    "We have 40 agents. The tool costs $30 per agent per month.",  # a price, no budget
])
def test_kept_unread(text: str) -> None:
    assert read_money(text).budget is None
