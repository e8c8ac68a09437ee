"""Decision QA 15: a budget for a named quarter, half or fiscal year is its share of a month."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Classify expense receipts, about 3,000 a month; we have $900 for Q1.", 300.0),
    ("Translate help-centre articles; our FY26 budget for this is $6k.", 500.0),
    ("We have $1,200 for the next fiscal year.", 100.0),
    ("Our budget is $6,000 for H2.", 1000.0),
])
def test_a_named_period_is_read(text, usd):
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd)


def test_revenue_in_a_quarter_is_no_budget():
    assert read_money("Revenue was $900 in Q1; summarise the board pack.").budget is None
