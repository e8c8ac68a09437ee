"""Decision QA 18: a lost customer's worth from what they pay and how long they stay, and a
Spanish clause "pasada por alto" (overlooked) with its fine."""

from __future__ import annotations

import pytest

from council.money_words import read_money


def test_a_lost_customer_over_their_stay() -> None:
    f = read_money("Answer billing questions; a wrong answer can lose us the customer, and a "
                   "customer pays us $30 a month and stays about 2 years.").failure
    assert f is not None and f.usd == pytest.approx(720.0) and "24 months" in f.how


def test_what_a_customer_pays_with_no_stay_is_a_year() -> None:
    f = read_money("A wrong answer loses us the customer; each pays $50 a month.").failure
    assert f is not None and f.usd == pytest.approx(600.0) and "a year of their worth" in f.how


def test_what_customers_pay_with_no_failure_is_none() -> None:
    m = read_money("Our customers pay us $30 a month and stay about 2 years.")
    assert m.failure is None and m.budget is None


def test_an_overlooked_clause_in_spanish() -> None:
    f = read_money("Revisar contratos de proveedores; una cláusula pasada por alto puede "
                   "costarnos una multa de 10.000 €.").failure
    assert f is not None and f.usd == pytest.approx(11172.0)
