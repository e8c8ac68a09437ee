"""Decision QA 18: a floor the words state that the budget cannot buy is said ("must be right
99% ... our budget is $100 a month": the budget split at 69% with no word of the 99%)."""

from __future__ import annotations

from council.api import recommend_for
from council.floor_words import FloorRead, budget_floor_note
from council.task import parse_task
from tests.recs import assessment


def test_a_floor_out_of_the_budgets_reach_is_said() -> None:
    note = budget_floor_note(FloorRead(0.99, "right 99%"), 100.0, 0.69, "m-best", 0.81, 2e4)
    assert note is not None and "cannot be met within your $100.00 a month" in note
    assert "expected 69% adequate" in note and "no model reaches it" in note


def test_a_floor_the_budget_buys_says_nothing() -> None:
    assert budget_floor_note(FloorRead(0.6, "right 60%"), 100.0, 0.7, "m", 0.9, 50.0) is None


def test_the_answer_says_it(catalog) -> None:
    spec = parse_task(description="Review 20,000 long commercial contracts a month for risky "
                                  "clauses; it must be right 99% of the time and our budget "
                                  "is $1,000 a month.")
    rec = recommend_for(spec, assessment("long_document", 3.5), catalog=catalog)
    assert any("cannot be met within your $1,000.00 a month" in n for n in rec.notes)
