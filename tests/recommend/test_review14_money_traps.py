"""Money sentences round 14's rules should read otherwise (review 14, from
tests/data/money_phrases_review14.jsonl, written before the fixes); each failed before its fix."""

from __future__ import annotations

import pytest

from council.money_words import read_money


# What is paid now gives way to a budget said after it (read $120); alone it stays the budget.
@pytest.mark.parametrize(("text", "want"), [
    ("Our current spend is $120 a month, and we can spend up to $200 a month on this.", 200),
    ("Our current spend is $120 a month. Our budget is $90 a month.", 90),
    ("Our current spend is $120 a month.", 120),
])
def test_paid_now_gives_way_to_a_budget(text: str, want: float) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(want)
