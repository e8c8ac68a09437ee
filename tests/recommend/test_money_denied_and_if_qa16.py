"""Decision QA 16: a budget figure the words deny, and the work's cost in a condition."""

from __future__ import annotations

import pytest

from council.money_words import read_money


def test_the_denied_figure_gives_way() -> None:
    b = read_money("Tag incoming invoices, 4,000 a month; our budget isn't $50 a month, it's "
                   "$500 a month.").budget
    assert b is not None and b.usd_per_month == 500.0


@pytest.mark.parametrize("text, usd", [
    ("If it cost under $100 a month we'd switch from our current vendor; classify 8,000 "
     "support tickets a month.", 100.0),
    ("If the tool costs less than $80 a month, we'd buy it.", 80.0),
])
def test_a_condition_on_the_work_s_cost_is_a_ceiling(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == usd and b.ceiling


@pytest.mark.parametrize("text, usd", [
    ("Our budget is not more than $200 a month.", 200.0),  # a limit, not a denial
])
def test_kept(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == usd


def test_a_room_s_price_in_a_condition_is_no_budget() -> None:
    assert read_money("Find hotels; if the room costs under $90 a night we book.").budget is None
