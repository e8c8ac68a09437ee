"""Decision QA 16: Dutch limit, failure and period words, Italian "annuo"."""

from __future__ import annotations

import pytest

from council.money_words import read_money


def test_dutch_maximaal_is_a_ceiling() -> None:
    b = read_money("Klantmails samenvatten, ongeveer 2.000 per maand; budget maximaal 150 euro "
                   "per maand.").budget
    assert b is not None and b.usd_per_month == pytest.approx(167.58) and b.ceiling


def test_dutch_failure_cost() -> None:
    f = read_money("Facturen controleren op fouten, zo'n 500 per maand; een gemiste fout kost "
                   "ons gemiddeld 40 euro.").failure
    assert f is not None and f.usd == pytest.approx(44.69)


@pytest.mark.parametrize("text, usd", [
    ("Riassumere i verbali delle riunioni, budget annuo di 1.200 euro.", 111.72),
    ("Productteksten vertalen; ons jaarbudget is 2.400 euro.", 223.44),
    ("We mogen niet meer dan 1.200 euro per jaar uitgeven.", 111.72),
])
def test_a_year_said_in_italian_or_dutch(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)


@pytest.mark.parametrize("text", [
    "De kost van het project is 500 euro.",  # a price, no failure
    "Check the fout field in the CSV; each row costs $0.01 to store.",
])
def test_no_failure_without_its_words(text: str) -> None:
    assert read_money(text).failure is None
