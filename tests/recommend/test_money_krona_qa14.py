"""Decision QA 13's leftover: "kr" beside the one country it can be is that krona."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Summarise Swedish news articles, 500 kr per month budget; a bad summary costs $5.", 50.88),
    ("Budget 800 kroner a month to summarise Danish court rulings.", 119.59),
])
def test_kr_beside_one_country(text, usd):
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd, abs=0.01)


@pytest.mark.parametrize("text", [
    "Translate our Danish and Norwegian manuals, budget 2,000 kr a month.",  # two countries
    "Answer questions for our Oslo office, budget 1,000 kr a month.",  # a city, not a country
])
def test_kr_beside_none_or_two_is_said_unread(text):
    money = read_money(text)
    assert money.budget is None and any("kr is the sign" in u for u in money.unread)
