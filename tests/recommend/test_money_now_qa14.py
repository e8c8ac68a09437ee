"""Decision QA 14: what is paid now, set as the limit, is a monthly ceiling."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Draft replies to support emails, about 4,000 a month; it must cost no more than what we "
     "pay now ($300 a month for our current tool).", 300.0),
    ("We currently pay $450 a month for a human transcription service and the new setup "
     "shouldn't cost more than that. Summarise 1,500 sales calls a month.", 450.0),
    ("Tag incoming invoices by cost centre, 2,000 a month; stay under our current spend of "
     "€120 a month.", 134.06),
    ("The whole thing must cost no more than $300 a month.", 300.0),
])
def test_what_is_paid_now_is_the_ceiling(text, usd):
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd, abs=0.01)
    assert budget.ceiling


@pytest.mark.parametrize("text", [
    "We currently pay $450 a month for transcription. Summarise our calls.",  # no limit set
    "We pay $3,000 a month in rent; keep the model cost under that.",  # no "now"
    "Customers pay $40 a month now; never charge them more than that.",  # theirs
    "Flag products that cost no more than $300 a month.",  # a price in the task
])
def test_a_figure_paid_with_no_limit_at_it_is_no_budget(text):
    assert read_money(text).budget is None


@pytest.mark.parametrize("text, usd", [
    ("Summarise notes; it shouldn't cost more than $50 a month.", 50.0),
    ("The tool must cost at most $80 a month; tag emails.", 80.0),
    ("Draft replies; it must not cost more than $600 a year.", 50.0),
])
def test_the_work_said_to_cost_at_most_is_a_ceiling(text, usd):
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd) and budget.ceiling


def test_whom_it_is_paid_to_may_stand_between_and_the_figure_is_not_said_unread():
    money = read_money("Right now we pay a freelancer $800 a month to write these; the AI must "
                       "come in below that. Write 400 product blurbs a month.")
    assert money.budget is not None and money.budget.usd_per_month == 800.0
    assert money.budget.ceiling and not money.unread
