"""Decision QA 18: an amount said in words ("two grand", "half a grand", "fifteen hundred
euros", "two hundred bucks") is read as its figure; "a grand total" and "the Grand Canyon"
are none."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Draft replies to about 15,000 customer emails a month; we can spend two grand a month.",
     2000.0),
    ("Score incoming sales leads by fit; the budget is half a grand a month.", 500.0),
    ("Summarise incoming documents; budget two hundred bucks a month.", 200.0),
    ("Translate our help-centre articles; our budget is fifteen hundred euros a month.",
     1675.8),
    ("Write SEO meta descriptions; we have three thousand dollars a quarter.", 1000.0),
    ("Tag tickets; the budget is a couple of grand a month.", 2000.0),
])
def test_a_budget_said_in_words(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)


def test_a_failure_said_in_words() -> None:
    f = read_money("Answer billing questions; each wrong answer costs us fifty dollars.").failure
    assert f is not None and f.usd == pytest.approx(50.0)


@pytest.mark.parametrize("text", [
    "We handle a grand total of 3,000 tickets a month.",
    "Write travel guides about the Grand Canyon, 40 a month.",
    "Our grand plan is to answer every email within a day.",
])
def test_grand_that_is_no_amount(text: str) -> None:
    m = read_money(text)
    assert m.budget is None and m.failure is None
