"""Decision QA 14: a cap a task in a unit the task counts, or said before the figure."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Classify 40,000 product listings a month into our taxonomy; we can't spend more than "
     "$0.002 per listing.", 0.002),
    ("Extract SKUs from 25,000 order confirmations a month; the cost per item must stay "
     "below half a cent.", 0.005),
    ("Review 3,000 job applications a month; spend per application can't be more than "
     "$0.01.", 0.01),
])
def test_a_cap_a_counted_unit_is_read(text, usd):
    unit = read_money(text).unit_budget
    assert unit is not None and unit.usd == pytest.approx(usd) and not unit.per_call


@pytest.mark.parametrize("text", [
    "Classify 500 products a day; only show products under $5 per unit.",  # no units counted
    "Find 300 hotels a month with rooms under $90 per room for our travellers.",
    "Summarise 2,000 listings a month; flag listings under $3 per listing as suspicious.",
])
def test_the_items_own_price_is_no_cap(text):
    assert read_money(text).unit_budget is None
