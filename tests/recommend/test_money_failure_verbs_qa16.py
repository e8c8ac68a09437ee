"""Decision QA 16: a failure that triggers or incurs a penalty; a condition's threshold."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Route urgent maintenance requests; each misrouted request triggers a $300 SLA penalty.",
     300.0),
    ("Each missed deadline incurs a $1,000 fine.", 1000.0),
])
def test_a_failure_that_triggers_a_penalty(text: str, usd: float) -> None:
    f = read_money(text).failure
    assert f is not None and f.usd == pytest.approx(usd)


def test_a_threshold_in_a_condition_is_no_failure_cost() -> None:
    m = read_money("Summarise product reviews, 3,000 a month; if a wrong summary ever cost us "
                   "more than $50 we'd add a human check, but so far it hasn't.")
    assert m.failure is None
    assert any("threshold in a condition" in u for u in m.unread), m.unread


@pytest.mark.parametrize("text, usd", [
    ("If the bot gives a wrong answer it costs us $20 in vouchers.", 20.0),  # no threshold
    ("A wrong answer costs us more than $50 in rework.", 50.0),  # no condition
])
def test_kept(text: str, usd: float) -> None:
    f = read_money(text).failure
    assert f is not None and f.usd == pytest.approx(usd)
