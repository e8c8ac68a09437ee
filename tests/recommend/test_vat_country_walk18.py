"""User QA 18: a dollar budget "VAT included" of "a German company" was netted at an assumed
20% "(your words name no country's)"; the one euro country named gives its rate."""

from __future__ import annotations

from council.money_words import read_money


def test_a_dollar_budget_of_a_german_company_nets_at_19_percent() -> None:
    money = read_money("We can spend two grand a month, VAT included, we're a German company. "
                       "Translate our product descriptions into French.")
    assert money.budget is not None and money.budget.usd_per_month == 2000
    assert "Germany's 19% rate ('German')" in money.budget.how, money.budget.how


def test_no_country_still_assumes() -> None:
    money = read_money("We can spend $2,000 a month, VAT included. Translate descriptions.")
    assert money.budget is not None and "an assumed 20% rate" in money.budget.how
