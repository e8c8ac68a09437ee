"""Decision QA 16: what a team is given a month is its budget; a person's perk is not."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Each of our 3 teams gets $200 a month for AI tools; this one is for the support team's "
     "ticket tagging, 6,000 tickets a month.", 200.0),  # one team's, not x3
    ("The support team gets $150 a month for this.", 150.0),
])
def test_a_team_s_monthly_sum(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == usd


@pytest.mark.parametrize("text", ["Each employee gets $1,000 a year to spend on training.",
                                  "We get $5,000 a month in revenue from this."])
def test_not_a_budget(text: str) -> None:
    assert read_money(text).budget is None
