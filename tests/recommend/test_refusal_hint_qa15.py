"""Decision QA 15 (QA 14's case 04): a budget refused as below the cheapest model's month
says what that month rests on, the guessed calls a task, and the price at one call."""

import pytest

from council.api import recommend_for
from council.errors import BudgetTooLow
from council.task import parse_task

from .conftest import assessment

TEXT = "Moderate 100,000 forum posts a month."


def test_a_typed_budget_refused_names_the_guessed_calls(catalog):
    spec = parse_task(description=TEXT, budget_usd_per_month=150, budget_ceiling=True)
    with pytest.raises(BudgetTooLow) as err:
        recommend_for(spec, assessment("agentic", 2.0), catalog=catalog)
    message = str(err.value)
    assert "calls a task (category default" in message and "--calls-per-task 1" in message
    assert "under your $150.00" in message
    assert err.value.naming("'Monthly budget':").hint == err.value.hint  # the page keeps it


def test_a_budget_in_the_words_refused_says_it_too(catalog):
    spec = parse_task(description="Moderate 100,000 forum posts a month, with a hard cap of "
                                  "$1.50 per thousand posts.")
    rec = recommend_for(spec, assessment("agentic", 2.0), catalog=catalog)
    said = [n for n in rec.notes if "is not used" in n]
    assert len(said) == 1 and "--calls-per-task 1" in said[0]


def test_calls_the_user_typed_get_no_hint(catalog):
    spec = parse_task(description=TEXT, budget_usd_per_month=150, budget_ceiling=True,
                      calls_per_task=12)
    with pytest.raises(BudgetTooLow) as err:
        recommend_for(spec, assessment("agentic", 2.0), catalog=catalog)
    assert err.value.hint == "" and "calls-per-task" not in str(err.value)
