"""The saving against the frontier default is of what the answer spends (under a budget, the
plan's mix, not the pick alone), and an answer dearer than the default says it costs more,
never "saves -$18.46"."""

from __future__ import annotations

from council import present
from council.format import saves

from ..recs import make_rec, priced_rec


def test_saves_words() -> None:
    assert saves(12.5) == "saves $12.50" and saves(0.0) == "saves $0"
    assert saves(-18.46) == "costs $18.46 more"


def test_a_dearer_answer_says_it_costs_more() -> None:
    rec = priced_rec(cost=400.0, default_cost=300.0)
    assert rec.saving_per_month == -100.0
    line = present.saving_line(rec)
    assert line is not None and "this **costs $100.00 more a month**" in line
    assert "saves" not in line
    assert "a month, this costs $100.00 more" in present.to_text(rec)
    assert "(this costs $100.00 more a month)" in present.to_markdown("abc", "2026-12-01", rec)


def test_under_a_budget_the_saving_is_of_the_plans_spend() -> None:
    rec = make_rec("Summarise customer call transcripts", category="summarisation",
                   difficulty=2.9, sd=0.7, budget_usd_per_month=100.0)
    plan = rec.decision.budget
    assert rec.recommended.cost.per_month > 100.0 >= plan.spend_per_month  # the pick alone is over
    assert rec.spend_per_month == plan.spend_per_month
    assert rec.saving_per_month == rec.default.cost.per_month - plan.spend_per_month
    assert present.money(rec.saving_per_month) in (present.saving_line(rec) or "")
    assert any(line.endswith("(the budget's plan).") for line in rec.explanation)
