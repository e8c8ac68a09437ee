"""Decision QA 16: rupees as India writes them ("Rs. 40,000", "₹1.5 lakh")."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd, ceiling", [
    ("Classify loan application documents, around 10,000 a month; budget Rs. 40,000 per "
     "month.", 421.25, False),
    ("Summarise customer calls for our Mumbai team; we can spend up to ₹1.5 lakh a month.",
     1579.69, True),
    ("Our budget is Rs 2 lakhs a year.", 175.52, False),
])
def test_a_budget_in_rupees(text: str, usd: float, ceiling: bool) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd, abs=0.01)
    assert b.ceiling is ceiling


def test_hours_are_no_rupees() -> None:
    assert read_money("Summarise 40 hrs. Then budget 5 hrs a month.").budget is None
