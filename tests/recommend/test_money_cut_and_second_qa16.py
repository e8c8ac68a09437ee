"""Decision QA 16: what is paid now, to cut, is a ceiling; a second budget is said set aside."""

from __future__ import annotations

from council.money_words import read_money


def test_what_we_spend_now_to_cut_is_a_ceiling() -> None:
    b = read_money("We spend $1,200 a month on GPT-4.1 to summarise 30,000 support chats; we "
                   "want to cut that bill.").budget
    assert b is not None and b.usd_per_month == 1200.0 and b.ceiling


def test_cutting_something_else_is_no_limit() -> None:
    b = read_money("We spend $300 a month; cut the noise from the summaries.").budget
    assert b is not None and not b.ceiling


def test_a_second_budget_is_said_set_aside() -> None:
    m = read_money("Two jobs: tag 5,000 support emails a month with a budget of $50 a month, "
                   "and summarise 200 sales calls a month with a budget of $100 a month.")
    assert m.budget is not None and m.budget.usd_per_month == 50.0
    assert any("second budget" in u and "$100.00" in u for u in m.unread), m.unread


def test_the_same_budget_twice_is_one() -> None:
    m = read_money("Budget $100 a month. Our budget is $100 a month, really.")
    assert not any("second budget" in u for u in m.unread)
