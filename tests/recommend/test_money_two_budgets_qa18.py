"""Decision QA 18: a second task's limit said in parallel ("for contract review ... up to
$300/month") after the first task's budget is said set aside; "refunds go up to $300 a month"
is none."""

from __future__ import annotations

from council.money_words import read_money


def test_a_second_tasks_limit_in_parallel_is_said() -> None:
    m = read_money("For ticket triage (about 8,000 tickets a month) we can spend $50/month; for "
                   "contract review (about 200 contracts a month) up to $300/month.")
    assert m.budget is not None and m.budget.usd_per_month == 50.0
    assert any("second budget" in u and "$300.00 a month" in u for u in m.unread)


def test_someone_elses_limit_is_no_second_budget() -> None:
    m = read_money("We can spend $50 a month; refunds go up to $300 a month.")
    assert not any("second budget" in u for u in m.unread)
