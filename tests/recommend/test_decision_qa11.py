"""Decision QA, round 11 (2026-12-01): the decision as a new user meets it.

Each test here failed on the code before its fix."""

from __future__ import annotations

import pytest

from council.api import Recommendation
from council.money_words import read_money
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
    assert line is not None and "the most likely to succeed under it (none clears the floor) and " \
        "spends" in line, line


def test_no_fit_without_a_ceiling_is_unchanged_by_the_check() -> None:
    """The same task with no ceiling: the best action keeps the most likely model of all."""
    rec = make_rec(LEDGER, category="architecture", difficulty=3.8, sd=0.9,
                   quality="production")
    assert rec.decision is not None and rec.decision.best_action is not None
    top = max(rec.candidates, key=lambda c: (c.p_adequate, -c.cost.per_task))
    assert rec.decision.best_action.model_id == top.model_id
    assert all("ceiling" not in a.why for a in rec.alternatives)


@pytest.mark.parametrize(("text", "usd", "ceiling"), [
    ("Translate product descriptions, budget $30 a day", 900.0, False),
    ("Translate product descriptions, we can spend $30 per day", 900.0, False),
    ("Translate product descriptions, daily budget of $30", 900.0, False),
    ("Our budget is $30/day", 900.0, False),
    ("Translate product descriptions, at most $30 a day", 900.0, True),
    ("Translate product descriptions into German, budget 30 € per day", 1005.48, False),
    ("Übersetze Produktbeschreibungen, Budget 30 € pro Tag", 1005.48, False),
    ("Traduire des fiches produit, budget 30 € par jour", 1005.48, False),
    ("Tag 2,000 emails a day, budget $40 per working day", 866.67, False),
])
def test_a_budget_a_day_is_its_share_of_a_month(text: str, usd: float, ceiling: bool) -> None:
    """A budget a year, a quarter or a week was read; one a day was dropped without a word
    ("budget 30 € per day" answered as if no budget had been given). A day is 1/30 of a
    month, as the workload reader counts "2,000 emails a day"; a working day 12/260."""
    budget = read_money(text).budget
    assert budget is not None, text
    assert budget.usd_per_month == pytest.approx(usd, abs=0.01)
    assert budget.ceiling is ceiling
    assert " day (" in budget.how, budget.how


def test_a_budget_a_day_moves_the_answer_to_the_budget_plan() -> None:
    rec = make_rec("Translate product descriptions into German, budget 30 € per day",
                   category="translation", difficulty=2.1)
    d = rec.decision
    assert d is not None and d.rule == "monthly budget" and d.budget is not None
    assert d.budget.budget_per_month == pytest.approx(1005.48, abs=0.01)


CHAT = "Answer customer chat questions about refunds"


@pytest.mark.parametrize("words", ["a wrong answer costs us $0, we just retry",
                                   "a wrong answer costs us nothing, we just retry"])
def test_a_failure_said_to_cost_nothing_is_a_failure_cost_of_zero(words: str) -> None:
    """"A wrong answer costs us $0" was not read (only figures over $0 were), so the answer
    charged the category's $1.95 a failure and picked gemini-3.8-flash, 11x the price of the
    pick a $0 failure cost gives in the form (the cheapest model over the floor)."""
    rec = make_rec(f"{CHAT}; {words}", category="customer_support", difficulty=2.5)
    form = make_rec(CHAT, category="customer_support", difficulty=2.5, failure_cost_usd=0)
    d = rec.decision
    assert d is not None and d.failure_cost_usd == 0 and d.failure_cost_source == "text"
    assert rec.recommended is not None and form.recommended is not None
    assert rec.recommended.model_id == form.recommended.model_id
    assert any("from your words: 'a wrong answer costs us" in line
               for line in rec.explanation), rec.explanation


@pytest.mark.parametrize(("words", "said"), [
    ("a wrong answer costs us a lost customer", "a wrong answer costs us a lost customer"),
    ("a mistake costs us the client, and they pay $2,000 a month",
     "a mistake costs us the client"),
])
def test_a_failure_that_costs_something_not_money_says_the_default_is_used(
        words: str, said: str) -> None:
    """"a wrong answer costs us a lost customer": no figure, so the category default stands,
    which was right, but the answer said nothing of the words it did not read."""
    rec = make_rec(f"{CHAT}; {words}", category="customer_support", difficulty=2.5)
    assert rec.decision is not None and rec.decision.failure_cost_source == "category default"
    assert f"'{said}' gives no dollar figure, so the category's failure cost is used; give " \
           "what one bad answer costs you instead" in rec.notes, rec.notes


def test_a_failure_cost_of_zero_does_not_make_the_check_free() -> None:
    """The ledger at the production bar with a failure cost of $0: the best action said "or
    try deepseek-flash first and escalate the 23% it fails to gemini-4-argon ($0.056 expected
    a task with a $0 check)": the check (a 5-minute senior review, $7.50) was capped at the
    failure cost, so at $0 every cascade's check was free. A cascade pays its check on every
    task whatever a failure costs; with it, this one is not worth it."""
    from council.failure_cost import DEFAULTS

    rec = make_rec(LEDGER, category="architecture", difficulty=3.8, sd=0.9,
                   quality="production", failure_cost_usd=0)
    d, c = rec.decision, rec.cascade
    assert d is not None and d.best_action is not None and c is not None
    check = DEFAULTS["architecture"].detection_usd
    assert d.detection_cost_usd == check and c.detection_cost_per_task == check
    assert d.best_action.cascade_cheap is None and "$0 check" not in d.best_action.text
    assert not c.worth_it


def test_a_budget_under_the_floor_says_what_would_clear_it() -> None:
    """"The budget buys an expected success rate of 89%, under the 90% floor: raise the
    budget to clear it" gave no figure; it now names the least budget that clears the floor,
    and typing it back clears it."""
    import re

    def rec(budget: float) -> Recommendation:
        return make_rec("Summarise support tickets", category="summarisation", difficulty=3.5,
                        quality="production", budget_usd_per_month=budget,
                        runs_per_month=1000)

    low = rec(10)
    assert low.decision is not None and not low.decision.floor_met
    m = re.search(r"under the 90% floor: \$([\d,.]+) a month would clear it\.$",
                  low.no_fit or "")
    assert m is not None, low.no_fit
    need = float(m.group(1).replace(",", ""))
    assert need > 10
    back = rec(need)
    assert back.decision is not None and back.decision.floor_met and back.no_fit is None
    assert back.decision.budget is not None
    assert back.decision.budget.expected_success_rate >= 0.9


def test_a_budget_no_budget_can_lift_over_the_floor_says_so() -> None:
    """The ledger at the production bar, "the best I can get for $5 a month": the answer said
    "raise the budget to clear it", but the most adequate model of all is at 81%."""
    rec = make_rec(LEDGER, category="architecture", difficulty=3.8, sd=0.9,
                   quality="production", budget_usd_per_month=5)
    top = max(rec.candidates, key=lambda c: (c.p_adequate, -c.cost.per_task))
    assert top.p_adequate < 0.9
    assert "raise the budget" not in (rec.no_fit or "")
    assert f"no budget clears it: the most adequate model, {top.model_id}, is at P" in (
        rec.no_fit or ""), rec.no_fit
    assert "Splitting the task into smaller steps" in (rec.no_fit or "")


def test_an_agent_loops_failure_cost_names_the_categories_that_matter() -> None:
    """An agent loop's failure cost is a mix over every category; its assumption listed all
    fifteen ("..., architecture & design 0% ($90.00), math & formal reasoning 0% ($3.21),
    ..."). It now names the three largest and the rest as one share at its weighted figure,
    and the figures shown still add up to the cost used."""
    import re

    from council.categories import CATEGORY_KEYS
    from council.failure_cost import TaskSize, failure_cost

    mix = {"agentic": 0.5, "debugging": 0.32, "code_review": 0.07, "customer_support": 0.07,
           "code_generation": 0.04}
    mix |= {k: 0.0 for k in CATEGORY_KEYS if k not in mix}
    used = failure_cost(None, mix, TaskSize(1000, 500, 20))
    head = used.why.split("; mainly")[0]
    assert not re.search(r"(?<!\d)0% \(", head) and "code generation" not in head, head
    parts = re.findall(r"(\d+)% \(\$([\d.,]+)(?: on average)?\)", head)
    assert len(parts) == 4 and head.count("other categories 11% (") == 1, head
    total = sum(int(p) / 100 * float(usd.replace(",", "")) for p, usd in parts)
    assert total == pytest.approx(used.failure_usd, abs=0.02)


@pytest.mark.parametrize(("text", "category", "difficulty"), [
    ("Classify support tickets into 12 queues, returning JSON", "classification", 1.8),
    ("Tag 2,000 support emails a day by urgency", "classification", 1.6),
    ("Translate product pages into German and Japanese", "translation", 2.0),
])
def test_alternatives_never_read_the_same_percent_as_the_pick(text: str, category: str,
                                                              difficulty: float) -> None:
    """"safer, dearer: gemini-4-argon P(adequate) 100% ... against the pick's 100%, for
    $8,035.03 more a month" (7 of the 10 golden answers said "100% against 100%", "99%
    against 99%" or "91% against 91%"), and a cheaper, riskier model read "P(adequate) 100%"
    beside a 99.8% pick. The figures now keep the decimals that tell them apart."""
    import re

    rec = make_rec(text, category=category, difficulty=difficulty)
    assert rec.alternatives
    for a in rec.alternatives:
        m = re.match(r"P\(adequate\) ([\d.]+%) against the pick's ([\d.]+%)", a.why)
        if m is not None:
            assert m.group(1) != m.group(2), a.why
        if a.role == "cheaper_riskier":
            assert "P(adequate) 100%" not in a.why, a.why


@pytest.mark.parametrize(("text", "usd"), [
    ("Tag tickets. We can't spend more than $200 a week", 866.67),
    ("Tag tickets; we cannot spend more than $500 a month", 500.0),
    ("Tag tickets, we don't want to spend more than $300 a month", 300.0),
    ("Tag tickets; we must not go over $1,000 a month", 1000.0),
    ("We can't go above $250 per month; classify support tickets", 250.0),
])
def test_a_limit_said_with_a_negation_is_a_ceiling(text: str, usd: float) -> None:
    """"We can't spend more than $200 a week" was read as a budget to spend (the plan spent
    all of it); "we must not go over $1,000 a month" was not read at all."""
    budget = read_money(text).budget
    assert budget is not None and budget.ceiling, (text, budget)
    assert budget.usd_per_month == pytest.approx(usd, abs=0.01)


def test_going_over_a_document_is_no_budget() -> None:
    assert read_money("Go over the $1,000 a month invoices and tag them").budget is None


@pytest.mark.parametrize(("text", "usd"), [
    ("Draft replies; a wrong reply costs between $5 and $20", 12.5),
    ("Draft replies; a wrong reply costs $5-$20", 12.5),
    ("Draft replies; a wrong reply costs $5 to $20 to fix", 12.5),
    ("Draft replies; a wrong reply costs $1k-2k", 1500.0),
    ("Draft replies; a wrong reply costs €5–20 per ticket", 13.96),
])
def test_a_failure_cost_said_as_a_range_is_its_middle(text: str, usd: float) -> None:
    """"a wrong reply costs between $5 and $20" was read as $5, the range's low end, without
    a word; it is now the middle, and the answer says so beside the words."""
    failure = read_money(text).failure
    assert failure is not None and failure.usd == pytest.approx(usd, abs=0.01)
    assert "a range, read as its middle" in failure.how, failure.how


@pytest.mark.parametrize("text", [
    "Draft replies; a wrong reply costs $5 - 10 minutes of rework",
    "Draft replies; a wrong reply costs $5 and an apology",
    "Draft replies; a wrong reply costs $5-10% of the order",
])
def test_a_figure_beside_another_number_is_no_range(text: str) -> None:
    failure = read_money(text).failure
    assert failure is not None and failure.usd == 5.0 and not failure.how


@pytest.mark.parametrize(("text", "failure", "budget"), [
    ("Write code; a bug that reaches production costs about $2,500", 2500.0, None),
    ("Tag photos; our monthly cap is $75", None, 75.0),
    ("Tag photos; our monthly limit is $75", None, 75.0),
])
def test_a_bug_and_a_monthly_cap_are_read(text: str, failure: float | None,
                                          budget: float | None) -> None:
    """Probes written before the fix: "a bug ... costs about $2,500" and "our monthly cap is
    $75" were not read (no failure word; "monthly" only before "budget")."""
    m = read_money(text)
    assert (m.failure.usd if m.failure else None) == failure, m
    assert (m.budget.usd_per_month if m.budget else None) == budget, m
    if m.budget is not None:
        assert m.budget.ceiling


@pytest.mark.parametrize(("text", "unread"), [
    ("They sell their labour for as little as $8 a day", "budget"),  # a real prompt, reworded
    ("Find hotel rooms under $30 a day in Lisbon", "budget"),
    ("Rent a car for $30 a day", "budget"),
    ("Answer questions; the API costs $30 a day today", "budget"),
    ("Fix the bug where the price costs $5 instead of $4", "failure"),
    ("Fix the error where the item costs $5 instead of $4", "failure"),
    ("Classify emails; mistakes cost nothing much, we re-run them", "failure"),
])
def test_traps_stay_unread(text: str, unread: str) -> None:
    """A price a day is no budget; a price in the task or "nothing much" no failure cost."""
    assert getattr(read_money(text), unread) is None, read_money(text)


def test_the_phrases_written_after_this_rounds_fixes() -> None:
    """tests/data/money_phrases_qa11_heldout.jsonl: 12 phrases written after the fixes above
    and scored once before any fit: 2 misread ("a misclassified lead costs ...", "we won't
    pay more than $2,000 a month"), both read since; no longer blind."""
    import json

    from council.config import PROJECT_ROOT

    rows = [json.loads(line) for line in (PROJECT_ROOT / "tests" / "data" /
            "money_phrases_qa11_heldout.jsonl").read_text().splitlines() if line.strip()]
    assert len(rows) == 12
    for r in rows:
        m = read_money(r["text"])
        got = m.failure.usd if m.failure else None
        assert got == pytest.approx(r["failure_usd"], abs=0.02) if r["failure_usd"] is not None \
            else got is None, (r, m)
        assert (m.failure.minutes if m.failure else None) == r.get("failure_minutes"), (r, m)
        budget = m.budget.usd_per_month if m.budget else None
        assert budget == pytest.approx(r["budget_usd"], abs=0.02) if r["budget_usd"] is not None \
            else budget is None, (r, m)
        if r["ceiling"] is not None:
            assert m.budget is not None and m.budget.ceiling is r["ceiling"], (r, m)


@pytest.mark.parametrize(("text", "quality", "said"), [
    ("Tag support tickets by urgency; the answer must never be below P 0.9", "standard",
     "'never be below P 0.9' reads as a floor of P 0.90, but the floor used is the quality "
     "setting's (P 0.75)"),
    ("Tag support tickets by urgency; we need at least 95% accuracy", "production",
     "'at least 95%' reads as a floor of P 0.95; the highest quality setting, production's "
     "0.9, is the floor used"),
    ("Classify emails with accuracy of at least 90%", "none",
     "'accuracy of at least 90%' reads as a floor of P 0.90, but the floor used is the "
     "quality setting's (none)"),
])
def test_a_floor_said_in_the_words_and_not_used_is_said(text: str, quality: str,
                                                        said: str) -> None:
    """"the answer must never be below P 0.9" (issue 19's own words for the floor) was
    answered at the standard 0.75 without a word; the floor is the quality setting's, and
    the answer now says which floor the words asked for."""
    rec = make_rec(text, quality=quality)
    assert any(n.startswith(said) for n in rec.notes), rec.notes


@pytest.mark.parametrize(("text", "quality"), [
    ("Tag support tickets by urgency; the answer must never be below P 0.9", "production"),
    ("Summarise at least 50% of the tickets", "standard"),
    ("Reduce costs by at least 30%", "standard"),
])
def test_no_floor_note_when_the_floor_is_met_or_none_is_said(text: str, quality: str) -> None:
    assert not any("reads as a floor" in n for n in make_rec(text, quality=quality).notes)
