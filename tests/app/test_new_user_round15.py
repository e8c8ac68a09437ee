"""User QA round 15 (docs/app.md): the Recommend page as a team lead met it in Chromium."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, submit_task

SALES_CALLS = ("Summarise sales call transcripts (about 45 minutes each) into CRM notes with "
               "next steps. 2,000 calls a month. Our budget is $150 a month.")


def test_a_budget_plan_says_what_the_spend_over_the_pick_buys(council_home: Path) -> None:
    """The plan spent the whole $150.00 for 1,850 expected successes; the pick alone gave
    about 1,840 for $59.86, and nothing said the last $90 bought about 10."""
    at = submit_task(page_app("recommend").run(), SALES_CALLS)
    no_exception(at)
    plan = [i.value for i in at.info if "Your budget" in i.value]
    assert plan, [i.value for i in at.info]
    assert " alone spends $" in plan[0] and "expected successes; the other $" in plan[0], plan[0]
    assert "A ceiling, not a sum to spend" in plan[0]
