"""A failure's cost said as "missing X could cost us $50k" or "is very costly, maybe $500 each
time" is read, not left to the category default.

New-user review, round 8: "Missing a change could cost us $50k" (a contract comparison) was
priced at the category's $47.00 a failure, and "wrong SQL that runs silently is very costly,
maybe $500 each time" at $63.44, each with "the category's default: give your own in the
form" under words that gave one.
"""

from __future__ import annotations

import pytest

from council.money_words import read_money
from tests.recs import make_rec


@pytest.mark.parametrize("text, usd", [
    ("Compare two versions of a 120-page master services agreement and list every material "
     "change. Missing a change could cost us $50k.", 50_000.0),
    ("SQL from natural language for our BI dashboard. wrong SQL that runs silently is very "
     "costly, maybe $500 each time", 500.0),
    ("Flag suspicious refunds; a missed fraud case is expensive: around $300 each", 300.0),
    ("Missing one allergy in the summary costs the clinic about $2,000", 2_000.0),
])
def test_the_failure_cost_is_read(text: str, usd: float) -> None:
    failure = read_money(text).failure
    assert failure is not None and failure.usd == usd


@pytest.mark.parametrize("text", [
    "Fill in missing values in our CRM export; the plan costs $49 a month",
    "Find the missing invoices in this folder, each invoice is around $300",
    "Mistakes are costly for our brand",
    "Write copy for our costly premium line at $500 each",
])
def test_no_failure_cost_where_none_is_said(text: str) -> None:
    assert read_money(text).failure is None


def test_the_answer_uses_it() -> None:
    rec = make_rec("Our legal team needs to compare two versions of a 120-page master services "
                   "agreement and list every material change. Happens maybe twice a month. "
                   "Missing a change could cost us $50k.", category="long_document",
                   difficulty=3.5)
    assert rec.decision.failure_cost_source == "text"
    assert rec.decision.failure_cost_usd == 50_000.0


@pytest.mark.parametrize("text, words", [
    ("Employees ask questions about our 2,500-page HR handbook (RAG), about 50 a day, a wrong "
     "answer costs HR 20 minutes", "a wrong answer costs HR 20 minutes"),
    ("Extract invoice number, date, total and VAT from scanned PDF invoices, ~1200 per month, "
     "if a total is wrong, our accountant spends 15 min fixing it",
     "if a total is wrong, our accountant spends 15 min fixing it"),
    ("Classify refund requests; a wrong answer costs us about $200 in chargebacks",
     "a wrong answer costs us about $200 in chargebacks"),
])
def test_a_failure_cost_quotes_its_own_words(text: str, words: str) -> None:
    """Round 8: 'read from your words: 'Employees ask questions about our 2,500-page HR
    handbook (RAG), about 50 a day, a wrong answer costs HR 20 minutes'': the whole sentence
    quoted for the failure cost, the volume and the handbook with it (as the budget's words
    were before round 7)."""
    failure = read_money(text).failure
    assert failure is not None and failure.words == words


@pytest.mark.parametrize("text, usd, minutes", [
    ("Answer billing questions. Cost of a wrong answer: $15.", 15.0, None),
    ("Summarise tickets; every wrong summary = 10 min of an agent", None, 10.0),
    ("Tag leads; mislabeling one loses a $2k deal", 2000.0, None),
])
def test_a_failure_cost_said_as_a_label_or_an_equation(text: str, usd, minutes) -> None:
    """Round 8: 'Cost of a wrong answer: $15.', 'every wrong summary = 10 min' and
    'mislabeling one loses a $2k deal' were left to the category default."""
    failure = read_money(text).failure
    assert failure is not None and (failure.usd, failure.minutes) == (usd, minutes)


@pytest.mark.parametrize("text", [
    "Errors: log them to Sentry; our plan costs $49 a month",
    "Label the errors: cost, $ amount and date from each invoice",
    "Wrong answers: the user sees a $0 balance",
])
def test_a_colon_after_a_failure_word_is_no_cost(text: str) -> None:
    assert read_money(text).failure is None


@pytest.mark.parametrize("text, said", [
    ("Employees ask questions about our 2,500-page HR handbook (RAG), about 50 a day, a wrong "
     "answer costs HR 20 minutes", "HR"),
    ("Screen CVs; a bad shortlist costs the HR team half an hour", "HR team"),
    ("Draft job ads; a wrong one costs our recruiters 15 minutes", "recruiters"),
])
def test_minutes_of_hr_are_priced_at_an_hr_specialists_rate(text: str, said: str) -> None:
    """Round 8's review: 'a wrong answer costs HR 20 minutes' was priced at the office
    reader's (translator's) $39 an hour; HR has its own BLS median (human resources
    specialists, $30.52/h in 2020, the handbook page's figure) -> $43 an hour."""
    failure = read_money(text).failure
    assert failure is not None and failure.rate is not None
    assert (failure.rate.who, failure.rate.usd_per_hour, failure.role_words) == (
        "an HR specialist", 43, said)
    assert "human resources specialists, $30.52/h" in failure.rate.source


def test_hr_is_no_hour() -> None:
    """'hr' in lower case is an hour, never the HR rate."""
    failure = read_money("a wrong summary costs a lawyer at $300/hr 20 minutes").failure
    assert failure is not None and failure.rate is not None
    assert failure.rate.usd_per_hour == 300.0
