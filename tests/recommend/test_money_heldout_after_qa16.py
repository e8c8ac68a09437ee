"""Decision QA 16's held-back rows missed when scored, fixed after (no longer blind)."""

from __future__ import annotations

import pytest

from council.money_words import read_money


def test_put_toward_this_a_person_is_a_budget() -> None:
    b = read_money("There are 6 people on our legal team. We can put $40 per person per month "
                   "toward this. Review NDAs for risky clauses.").budget
    assert b is not None and b.usd_per_month == 240.0


@pytest.mark.parametrize("text", ["We can put $300 a month into ads.",
                                  "We put $5 in the jar each time."])
def test_put_elsewhere_is_none(text: str) -> None:
    assert read_money(text).budget is None


def test_a_delay_at_the_penalty_s_hourly_rate() -> None:
    f = read_money("Summarise incident reports for on-call engineers; a bad summary delays the "
                   "fix by about an hour, and our SLA penalty is $500 per hour.").failure
    assert f is not None and f.minutes == 60.0 and f.rate is not None
    assert f.rate.usd_per_hour == 500.0
