"""Decision QA 14: "pcm" and "per calendar month" are a month."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Classify customer feedback, 5,000 a month; budget of £75 pcm.", 100.49),
    ("Our budget is $200 per calendar month for drafting replies.", 200.0),
])
def test_pcm_is_a_month(text, usd):
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd)


def test_a_rent_pcm_is_no_budget():
    assert read_money("The flat rents at £900 pcm; summarise tenant emails.").budget is None
