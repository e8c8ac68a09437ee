"""Decision QA, round 11 (2026-12-01): the decision as a new user meets it.

Each test here failed on the code before its fix."""

from __future__ import annotations

from council.present import ceiling_line
from tests.recs import make_rec

LEDGER = ("Design the architecture of a multi-region, strongly consistent payments ledger "
          "with failover and audits")


def test_no_fit_under_a_ceiling_names_only_models_under_it() -> None:
    """The ledger at the production bar under a $10-a-month ceiling: no model clears 90%, so
    the pick is the most likely under the ceiling. Its best action said "Least expected cost
    of all: gemini-4-argon at P 82% ($16.35 expected a task: $0.21 against $0.039 for -2.6
    points less P)": a model over the ceiling, with a negative gap. Every model the action
    names now fits under the ceiling, and a closest model over it says so."""
    rec = make_rec(LEDGER, category="architecture", difficulty=3.8, sd=0.9,
                   quality="production", budget_usd_per_month=10, budget_ceiling=True)
    d = rec.decision
    assert d is not None and not d.floor_met and d.best_action is not None
    assert rec.recommended is not None and rec.recommended.cost.per_month <= 10
    by_id = {c.model_id: c for c in rec.candidates}
    over = {m for m, c in by_id.items() if c.cost.per_month > 10}
    assert over, "the ceiling must leave some model out for this test to mean anything"
    # the most adequate model of all is over the ceiling: the old text named it
    assert max(rec.candidates, key=lambda c: c.p_adequate).model_id in over
    best = d.best_action
    named = {best.model_id, best.cheaper_model, best.cascade_cheap} - {None}
    assert not named & over, (named & over, best.text)
    assert "for -" not in best.text, best.text
    for a in rec.alternatives:
        assert (a.cost.per_month > 10) == a.why.endswith("over your $10.00 ceiling"), a
    line = ceiling_line(rec)
    assert line is not None and "the most likely to succeed under it" in line, line


def test_no_fit_without_a_ceiling_is_unchanged_by_the_check() -> None:
    """The same task with no ceiling: the best action keeps the most likely model of all."""
    rec = make_rec(LEDGER, category="architecture", difficulty=3.8, sd=0.9,
                   quality="production")
    assert rec.decision is not None and rec.decision.best_action is not None
    top = max(rec.candidates, key=lambda c: (c.p_adequate, -c.cost.per_task))
    assert rec.decision.best_action.model_id == top.model_id
    assert all("ceiling" not in a.why for a in rec.alternatives)
