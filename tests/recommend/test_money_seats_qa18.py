"""Decision QA 18: a budget per customer, per client or per user in cents, times the count the
clause gives ("150 customers", "our 2,000 active users"); a price we charge per customer is
none, and says nothing."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("We host 150 customers on our platform and can spend $2 per customer per month on this: "
     "summarise each customer's weekly usage report.", 300.0),
    ("We can afford 10 cents per user per month for our 2,000 active users: suggest replies "
     "in our chat app.", 200.0),
    ("Our agency has 60 clients; the budget is $3 per client per month.", 180.0),
])
def test_a_budget_per_customer_times_the_count(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)


def test_cents_are_an_amount() -> None:
    f = read_money("Tag refunds; each wrong tag costs us 50 cents.").failure
    assert f is not None and f.usd == pytest.approx(0.5)


@pytest.mark.parametrize("text", [
    "We charge $49 per customer per month and have 300 customers.",
    "Write a pricing page for a tool that costs $12 per user per month.",
    "Our 40 customers pay $20 per customer per month.",
    "Our 3 clients have $500 each a month.",
])
def test_a_price_per_customer_is_no_budget(text: str) -> None:
    m = read_money(text)
    assert m.budget is None and not m.unread
