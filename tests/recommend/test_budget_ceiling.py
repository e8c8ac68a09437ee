"""A monthly ceiling is kept, not spent.

New-user review, round 9: "Budget: höchstens 800 € im Monat" (at most 800 EUR a month) was
read as a budget to fill: the plan mixed in a 4% share of claude-opus-5 and spent the ceiling
to the cent. "höchstens" and "como máximo" were not read at all. A ceiling now keeps the rule
of least expected cost, among the models whose month fits under it; "a budget of $800 a
month" and "the best for $50 a month" still buy the most expected successes within it.
"""

from __future__ import annotations

import pytest

from council.decision import CEILING_RULE, Option, within_ceiling
from council.errors import BudgetTooLow
from council.money_words import read_money
from council.present import ceiling_line, decision_lines
from tests.recs import make_rec

TICKETS = "Classify 50,000 support tickets a month by urgency"


@pytest.mark.parametrize("text", [
    "Wir klassifizieren 50.000 Tickets im Monat, höchstens 800 € im Monat.",
    "Classify 50,000 tickets a month. Budget: höchstens 800 € im Monat.",
    f"{TICKETS}; we can spend at most $800 a month.",
    f"{TICKETS}, no more than $800 a month.",
    f"{TICKETS}, budget up to $800 a month.",
    f"{TICKETS}, I can afford $800 max per month.",
    "Classer 50 000 tickets par mois par urgence, au maximum 800 € par mois.",
    "Classer 50 000 tickets par mois, pas plus de 800 € par mois.",
    "Clasificar 50.000 tickets al mes por urgencia, como máximo 800 € al mes.",
    "Clasificar 50.000 tickets al mes, no más de 800 € al mes.",
])
def test_ceiling_words_are_read_as_a_ceiling(text: str) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.ceiling, (text, budget)
    assert budget.usd_per_month >= 800


@pytest.mark.parametrize("text", [
    f"{TICKETS}, budget $800 a month.",
    f"{TICKETS}. What's the best I can get for $800 a month?",
    f"{TICKETS}, monthly budget of €800.",
])
def test_a_plain_budget_stays_a_sum_to_spend(text: str) -> None:
    budget = read_money(text).budget
    assert budget is not None and not budget.ceiling, (text, budget)


def test_under_a_ceiling_the_pick_is_the_least_expected_cost_not_the_plan() -> None:
    plain = make_rec(TICKETS, difficulty=2.0)
    target = make_rec(f"{TICKETS}, budget $800 a month.", difficulty=2.0)
    ceiling = make_rec(f"{TICKETS}, höchstens 800 € im Monat.", difficulty=2.0)
    assert target.decision.rule == "monthly budget"  # the most successes $800 buys
    assert target.recommended.model_id != plain.recommended.model_id
    assert ceiling.decision.rule == CEILING_RULE and ceiling.decision.budget is None
    # the pick with no budget already fits under 800 €: the ceiling changes nothing
    assert ceiling.recommended.model_id == plain.recommended.model_id
    assert ceiling.recommended.cost.per_month < ceiling.decision.ceiling_usd_per_month
    line = ceiling_line(ceiling)
    assert line is not None and "a limit, not a sum to spend" in line
    assert line in decision_lines(ceiling)
    assert ceiling_line(target) is None and ceiling_line(plain) is None


def test_a_tight_ceiling_leaves_out_the_models_over_it() -> None:
    rec = make_rec("Classify 5,000,000 support tickets a month by urgency, at most $800 a "
                   "month.", difficulty=2.0)
    d = rec.decision
    assert d.rule == CEILING_RULE and d.over_ceiling > 0
    assert rec.recommended.cost.per_month <= 800
    assert f"{d.over_ceiling} models over it were left out" in (ceiling_line(rec) or "")
    fit = sum(c.meets_bar and c.cost.per_month <= 800 for c in rec.candidates)
    assert any(f"of the {fit} models that meet your constraints and cost at most your "
               "$800.00 a month" in line for line in rec.explanation), rec.explanation
    dearer = [a for a in rec.alternatives if a.cost.per_month > 800]
    assert dearer and all(a.why.endswith("over your $800.00 ceiling") for a in dearer)


def test_a_ceiling_below_every_model_is_refused_with_the_least_that_works() -> None:
    options = [Option("a", 0.01, 0.9), Option("b", 0.02, 0.95)]
    assert [o.model_id for o in within_ceiling(options, 15.0, 1000)] == ["a"]
    with pytest.raises(BudgetTooLow, match=r"monthly ceiling \$5\.00 a month is below .* "
                                           r"the least that works is \$10\.00 a month"):
        within_ceiling(options, 5.0, 1000)


def test_a_ceiling_answer_reads_back_and_one_without_keeps_its_keys() -> None:
    import json

    from council.api import Recommendation

    rec = make_rec(f"{TICKETS}, höchstens 800 € im Monat.", difficulty=2.0)
    back = Recommendation.from_dict(json.loads(json.dumps(rec.to_dict())))
    assert back.decision.ceiling_usd_per_month and back.decision == rec.decision
    assert ceiling_line(back) == ceiling_line(rec)
    plain = make_rec(TICKETS, difficulty=2.0).to_dict()  # no new keys without a ceiling
    assert "budget_ceiling" not in plain["spec"]
    assert "ceiling_usd_per_month" not in plain["decision"]


def test_a_cascade_over_the_ceiling_is_marked_so_and_never_suggested() -> None:
    """words11, from QA round 10: the cascade weighed beside a pick under a $200 ceiling
    ($65,120 a month with its $0.65 check) read only "not worth it here", where a dearer
    alternative says "over your $200.00 ceiling"; a cascade over the ceiling now says so too,
    and is never marked worth it."""
    from council.present import cascade_text, to_markdown

    rec = make_rec("Summarise support tickets", category="summarisation", difficulty=2.5,
                   runs_per_month=100_000, budget_usd_per_month=200, budget_ceiling=True,
                   quality="none")
    assert rec.recommended is not None and rec.recommended.cost.per_month <= 200
    c = rec.cascade
    assert c is not None and c.expected_per_month > 200 and not c.worth_it
    text = cascade_text(rec)
    assert text is not None and "not worth it here, over your $200.00 ceiling." in text, text
    assert "over your $200.00 ceiling" in to_markdown("x", "2026-12-01", rec)
    # without a ceiling the same cascade is only "not worth it here"
    free = make_rec("Summarise support tickets", category="summarisation", difficulty=2.5,
                    runs_per_month=100_000, quality="none")
    assert "ceiling" not in (cascade_text(free) or "")
