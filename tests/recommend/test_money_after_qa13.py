"""Decision QA 13: the budget word after the amount and its period, and a sum for a whole
project said, not taken as a month's."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize(("text", "usd", "ceiling"), [
    ("Summarise news articles, $500 per month budget.", 500.0, False),
    ("Write SQL for analysts, a $40 a month budget.", 40.0, False),
    ("Tag tickets, a $300 monthly cap.", 300.0, True),
])
def test_the_budget_word_after(text: str, usd: float, ceiling: bool) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == usd and budget.ceiling is ceiling


def test_kronor_budget_after_names_the_currency_not_the_word() -> None:
    """It was told to "write 'budget' before it": the word was there; the sign is the
    problem (kr is four currencies). With no country beside it (decision QA 14: "Swedish
    news articles" now makes it kronor, ``test_money_krona_qa14``)."""
    words = read_money("Summarise news articles, 500 kr per month budget.")
    assert words.budget is None
    assert any("kr is the sign of" in u for u in words.unread)
    assert not any("write 'budget'" in u for u in words.unread)


def test_a_project_sum_is_said_not_a_month() -> None:
    words = read_money("Translate our help centre into German as part of the migration; $3k "
                       "for the whole migration.")
    assert words.budget is None
    assert any("'$3k for the whole migration' was not read as a budget: a sum for the whole "
               "project" in u for u in words.unread)


@pytest.mark.parametrize("text", [
    "We sell a $30 monthly plan.",
    "We paid $3k for the whole migration last year.",
])
def test_neither(text: str) -> None:
    words = read_money(text)
    assert words.budget is None and not any("whole project" in u for u in words.unread)


@pytest.mark.parametrize(("text", "said"), [
    # held-back case h2, fixed after it was scored (so no longer blind)
    ("Deduplicate and tag our CRM contacts; budget for the whole data-cleanup project: €1,000.",
     "budget for the whole data-cleanup project: €1,000"),
    ("The budget for the migration is $5,000.", "budget for the migration is $5,000"),
])
def test_a_project_named_before_the_sum(text: str, said: str) -> None:
    words = read_money(text)
    assert words.budget is None
    assert any(u.startswith(f"'{said}' was not read as a budget: a sum for the whole project")
               for u in words.unread), words.unread


def test_a_month_for_the_project_is_a_budget() -> None:
    budget = read_money("Our budget for the project: $2,000 a month.").budget
    assert budget is not None and budget.usd_per_month == 2000.0
