"""Money words the session-11 rules misread (review11, written before the fixes): a limit on
others' spending is no budget, and a range's bare upper end keeps its scale and is money."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text", [
    # read as a $1,500 and a $1,000 monthly ceiling before
    "Customers can't spend more than $50 a day on the card; flag transactions that do.",
    "Invoices must not go over $1,000 a month per supplier; flag those that do.",
])
def test_a_limit_on_others_spending_is_no_budget(text: str) -> None:
    assert read_money(text).budget is None


@pytest.mark.parametrize(("text", "usd"), [
    ("We can't spend more than $200 a week on this.", 200 * 52 / 12),
    ("Staff time budget is $300 a month.", 300),
    ("Customer support: we have $500 a month.", 500),
])
def test_our_own_limit_is_still_a_budget(text: str, usd: float) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd, abs=0.01)


@pytest.mark.parametrize(("text", "usd"), [
    ("A wrong label costs $1-2k in returns.", 1500),  # $1 to $2,000: $1,000.50 before
    ("A wrong label costs $500-2k in returns.", 1250),
    ("A wrong reply costs us $5 to 20 customers a month.", 5),  # $12.50 before
    ("A wrong answer costs $5-20%.", 5),  # $12.50 before
    ("A wrong answer costs $5-20 per ticket.", 12.5),
])
def test_a_range_bare_upper_end(text: str, usd: float) -> None:
    failure = read_money(text).failure
    assert failure is not None and failure.usd == pytest.approx(usd)
