"""A budget the words give is read, or the answer says why not.

New-user review, round 8: "I can afford $100 max per month" was not read ("max" between the
amount and its period), and "Our budget is $500." or "we have $20 total" (no period: a budget
here is a month's) were dropped without a word: the answer ranked by expected cost as if no
budget had been said.
"""

from __future__ import annotations

import pytest

from council.money_words import read_money
from tests.recs import make_rec


@pytest.mark.parametrize("text, usd", [
    ("Tag support tickets by urgency; I can afford $100 max per month", 100.0),
    ("Summarise support calls, we can spend $250 tops a month", 250.0),
    ("Summarise support calls, budget $300 at most per month", 300.0),
])
def test_a_cap_word_between_the_amount_and_its_period(text: str, usd: float) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == usd


@pytest.mark.parametrize("text, said", [
    ("Parse 10,000 resumes into JSON, once, we have $20 total", "$20"),
    ("Classify our support tickets. Our budget is $500.", "$500"),
    ("Translate the manuals; budget: $2,000 for the whole project",
     "$2,000 for the whole project"),  # said as a project's sum (decision QA 13)
    ("Tag the photos, we can afford €300", "€300"),
])
def test_a_budget_with_no_period_is_not_read_and_says_why(text: str, said: str) -> None:
    words = read_money(text)
    assert words.budget is None
    assert any(n.startswith(f"'{said}' was not read as a budget: ") and "a month" in n
               for n in words.unread), words.unread


@pytest.mark.parametrize("text", [
    "Compare the prices of 3 laptops under $1000 and recommend one",
    "Our pricing page says $49/month; write 3 variants of the headline",
    "Refund orders over $500 need a manager; draft the refund emails",
    "We have $20 coupons for new users: write the welcome email",
    "Summarise the spending report: marketing spent $20,000 last quarter",
])
def test_prices_in_the_task_are_no_budget_and_no_note(text: str) -> None:
    words = read_money(text)
    assert words.budget is None and words.unread == ()


def test_the_answer_says_the_budget_was_not_used() -> None:
    rec = make_rec("Classify our support tickets by urgency. Our budget is $500.",
                   category="classification", difficulty=1.5)
    assert rec.decision.budget is None
    assert any("'$500' was not read as a budget" in n for n in rec.notes), rec.notes


@pytest.mark.parametrize("text, usd", [
    ("Tag support tickets by urgency. Our monthly spend must stay below $1k", 1000.0),
    ("Summarise calls; monthly cost should be under $300", 300.0),
    ("Translate the FAQ, keep the monthly bill within €200", 223.44),
])
def test_a_cap_on_the_monthly_spend_is_a_budget(text: str, usd: float) -> None:
    """Round 8: 'Our monthly spend must stay below $1k' was no budget ('below' marks a price
    in a task, and no budget word comes before the amount)."""
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd)


@pytest.mark.parametrize("text", [
    "Our monthly bill is $1k; summarise the invoices",
    "Flag orders whose monthly cost is below $50",
])
def test_a_monthly_figure_that_is_no_cap_is_no_budget(text: str) -> None:
    assert read_money(text).budget is None
