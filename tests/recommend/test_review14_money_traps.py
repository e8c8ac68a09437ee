"""Money sentences round 14's rules should read otherwise (review 14, from
tests/data/money_phrases_review14.jsonl, written before the fixes); each failed before its fix."""

from __future__ import annotations

import pytest

from council.model_floor_words import read_model_floor
from council.money_words import read_money
from council.need_words import needs_in_words


# What is paid now gives way to a budget said after it (read $120); alone it stays the budget.
@pytest.mark.parametrize(("text", "want"), [
    ("Our current spend is $120 a month, and we can spend up to $200 a month on this.", 200),
    ("Our current spend is $120 a month. Our budget is $90 a month.", 90),
    ("Our current spend is $120 a month.", 120),
])
def test_paid_now_gives_way_to_a_budget(text: str, want: float) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(want)


# Sorted by a file property, then seen: vision after all (read as none); sorted alone: none.
@pytest.mark.parametrize(("text", "want"), [
    ("Sort screenshots by timestamp and describe what each one shows.", True),
    ("Sort photos by file size and then label each by the objects in it.", True),
    ("Sort photos by file size and delete duplicates.", False),
])
def test_sorted_by_a_file_property_then_seen(text: str, want: bool) -> None:
    assert any(n.capability == "vision" for n in needs_in_words(text)) is want


# A model named beside a comma is read whole (read gpt-5.4 for "gpt-5.4-mini,"); a topic's
# comparison is no floor (read as one).
@pytest.mark.parametrize(("text", "want"), [
    ("Must beat our current one, gpt-5.4-mini, on accuracy.", "gpt-5.4-mini"),
    ("Write a blog post on why Claude must beat GPT-5.4 for coding.", None),
])
def test_model_floor_names(text: str, want: str | None) -> None:
    read = read_model_floor(text, ["gpt-4.1", "gpt-5.4", "gpt-5.4-mini"])
    assert (read.model_id if read is not None else None) == want


def test_the_ai_add_on_cost_limit_beside_what_is_paid_now() -> None:
    # unread (the "$300 a month" paid now was said not to be a budget, the $100 not read)
    budget = read_money("We currently pay $300 a month for Zendesk; the AI add-on should cost "
                        "under $100 a month.").budget
    assert budget is not None and budget.usd_per_month == pytest.approx(100)
