"""User QA 18: "We can afford about 5 cents per customer per month. 4,000 customers, each
asks ... 10 questions a month" was read as a limit of 5 cents a task (the customers counted in
the next sentence); a budget per customer is the figure times the customers."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize(("text", "usd"), [
    ("We can afford about 5 cents per customer per month. 4,000 customers, each asks our help "
     "bot around 10 questions a month.", 200.0),
    ("Budget: $1 per client. We serve 300 clients, each sends 20 documents a month.", 300.0),
    # the count in the sentence before, as before
    ("Our support team has 12 agents. The budget is $10 per agent per month.", 120.0),
    ("The budget is $10 per agent per month. Our support team has 12 agents.", 120.0),
])
def test_a_budget_per_customer_counts_them(text: str, usd: float) -> None:
    money = read_money(text)
    assert money.unit_budget is None
    assert money.budget is not None and money.budget.usd_per_month == pytest.approx(usd)


def test_a_limit_per_ticket_stays_a_limit_per_task() -> None:
    money = read_money("Keep it under 2 cents per ticket. We get 3,000 tickets a month.")
    assert money.budget is None
    assert money.unit_budget is not None and money.unit_budget.usd == pytest.approx(0.02)
