"""The failure cost and the monthly budget read from a description's words, scored on
tests/data/money_phrases.jsonl (written before the reader: 28 readings, 22 traps), on two
sets written after it (money_phrases_heldout.jsonl, money_phrases_fresh.jsonl) and on
money_phrases_fresh2.jsonl (issues 17/19, written blind: yearly budgets, other currencies,
the minutes of a named role, and their traps)."""

from __future__ import annotations

import json

import pytest

from council.config import PROJECT_ROOT
from council.exchange_rates import RATES_DATE, usd_per
from council.failure_cost import DEVELOPER
from council.money_words import MoneyWords, read_money
from council.role_rates import (
    ACCOUNTANT,
    ADJUSTER,
    LAWYER,
    MEDICAL_CODER,
    NURSE,
    PARALEGAL,
    SUPPORT_AGENT,
    TRANSLATOR,
)

PHRASES = [json.loads(line) for line in
           (PROJECT_ROOT / "tests" / "data" / "money_phrases.jsonl").read_text().splitlines()
           if line.strip()]


def reading(words: MoneyWords) -> dict[str, float | None]:
    f, b = words.failure, words.budget
    return {"failure_usd": f.usd if f else None, "failure_minutes": f.minutes if f else None,
            "budget_usd": b.usd_per_month if b else None}


def misreadings(read=read_money) -> list[str]:
    """Each phrase whose reading differs from the expected one, in any of its three fields."""
    out = []
    for p in PHRASES:
        want = {k: p[k] for k in ("failure_usd", "failure_minutes", "budget_usd")}
        if reading(read(p["text"])) != want:
            out.append(p["text"])
    return out


def test_the_phrase_file_is_big_enough_and_has_traps() -> None:
    assert len(PHRASES) >= 40
    assert sum(not (p["failure_usd"] or p["failure_minutes"] or p["budget_usd"])
               for p in PHRASES) >= 15


def test_no_misreadings_on_the_phrase_file() -> None:
    """Before the reader every phrase with a reading was missed (28 of 50)."""
    assert misreadings(lambda _text: MoneyWords()).__len__() == 28
    assert misreadings() == []


@pytest.mark.parametrize("text", [p["text"] for p in PHRASES])
def test_each_reading_keeps_its_words(text: str) -> None:
    words = read_money(text)
    for part in (words.failure, words.budget):
        if part is not None:
            assert part.words and part.words in text


def test_bad_input_reads_nothing() -> None:
    assert read_money("") == MoneyWords()
    assert read_money("a wrong answer costs $") == MoneyWords()
    over = read_money("a wrong answer costs $99,999,999,999")  # over the cap: said, not read
    assert over.failure is None and over.budget is None
    assert over.unread == ("'$99,999,999,999' was not read as a failure cost: $99,999,999,999 "
                           "is more than the $1,000,000 a task this reads (a year's losses?); "
                           "give one bad answer's cost instead",)


@pytest.mark.parametrize(("text", "note"), [
    ("Extract invoice fields; a wrong answer costs us -$200", "'-$200' was not read: a cost"),
    ("Tag tickets, budget: −€50 a month", "'−€50' was not read: a cost or a budget cannot be "
     "negative"),
    ("Extract invoice fields with a budget of $9,000,000,000,000 a month",
     "'$9,000,000,000,000' was not read as a budget: $9,000,000,000,000 a month is more than "
     "the $1,000,000,000 a month this reads"),
])
def test_a_negative_or_absurd_figure_is_not_read_and_says_why(text: str, note: str) -> None:
    """QA round 7: '-$200' was read as $200, a $9 trillion budget was dropped without a word."""
    words = read_money(text)
    assert words.failure is None and words.budget is None
    assert any(note in n for n in words.unread), words.unread


def test_a_range_dash_is_no_minus_sign() -> None:
    # not "-$200": a range, read as its middle since QA round 11 (its low end before)
    assert read_money("a wrong answer costs between $100-$200").failure.usd == 150
    assert read_money("a wrong answer costs us - $200").failure.usd == 200


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in
            (PROJECT_ROOT / "tests" / "data" / name).read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["money_phrases_heldout.jsonl", "money_phrases_fresh.jsonl"])
def test_phrases_written_after_the_reader(name: str) -> None:
    """Written after the reader, scored blind, then fixed: heldout (15) missed 6 and read no
    trap; fresh (12) missed 1 and read one trap ("$3k monthly revenue" as a budget). Now 0."""
    wrong = []
    for p in _load(name):
        want = {k: p[k] for k in ("failure_usd", "failure_minutes", "budget_usd")}
        if reading(read_money(p["text"])) != want:
            wrong.append(p["text"])
    assert wrong == []


# ---------------------------------------------------------------- in the recommendation


def _rec(description: str, **spec: object):
    from council.api import recommend_for
    from council.task import parse_task

    from .conftest import assessment, real_catalog
    return recommend_for(parse_task(description=description, runs_per_month=1000, **spec),
                         assessment("classification", 2.0), catalog=real_catalog())


def test_a_failure_cost_in_the_words_is_used_shown_and_overridden_by_the_form() -> None:
    text = "Classify refund requests; a wrong answer costs us about $200 in chargebacks"
    rec = _rec(text)
    assert rec.decision.failure_cost_usd == 200.0 and rec.decision.failure_cost_source == "text"
    note = next(a for a in rec.assumption_notes if a.name == "failure_cost_usd")
    assert note.source == "text" and "a wrong answer costs us about $200" in note.why
    assert any("(read from your words: 'a wrong answer costs us about $200 in chargebacks'); "
               "your own figure replaces it." in x for x in rec.explanation), rec.explanation
    plain = _rec("Classify refund requests")
    assert plain.decision.failure_cost_source == "category default"
    form = _rec(text, failure_cost_usd=3.0)  # the form's figure wins
    assert form.decision.failure_cost_usd == 3.0 and form.decision.failure_cost_source == "you"


def test_minutes_in_the_words_are_priced_at_the_stated_default_rate() -> None:
    from council.failure_cost import DEFAULTS
    rec = _rec("Tag tickets. Each bad label means someone redoes 30 minutes of work")
    rate = DEFAULTS["classification"].rate
    assert rec.decision.failure_cost_usd == pytest.approx(30 * rate.per_minute, abs=1e-4)
    assert "30 min at $39 an hour (assumed: the rate of a fluent office reader" \
        in rec.decision.failure_cost_why
    # an agent who redoes it is a person answering customers (review 8: before, the
    # category's reader rate priced the agent)
    rec = _rec("Tag tickets. Each bad label means an agent redoes 30 minutes of work")
    assert rec.decision.failure_cost_usd == pytest.approx(30 * SUPPORT_AGENT.per_minute,
                                                          abs=1e-4)
    assert "30 min at $22 an hour (assumed: the rate of a customer service representative, " \
        "named by 'agent'" in rec.decision.failure_cost_why


def test_a_budget_in_the_words_plans_the_month_and_the_form_replaces_it() -> None:
    rec = _rec("What's the best I can get for $50 a month? Tag support tickets by urgency")
    assert rec.decision.rule == "monthly budget"
    assert rec.decision.budget.budget_per_month == 50.0
    note = next(a for a in rec.assumption_notes if a.name == "budget_usd_per_month")
    assert note.source == "text" and "for $50 a month" in note.why
    form = _rec("What's the best I can get for $50 a month? Tag tickets",
                budget_usd_per_month=80.0)
    assert form.decision.budget.budget_per_month == 80.0
    assert all(a.name != "budget_usd_per_month" for a in form.assumption_notes)
    trap = _rec("Answer billing questions about our $19.99 plan; refund orders over $500")
    assert trap.decision.budget is None and trap.decision.failure_cost_source == \
        "category default"


def test_a_budget_in_the_words_too_low_to_buy_anything_does_not_stop_the_answer() -> None:
    rec = _rec("Spend no more than $0.01 a month classifying emails")
    assert rec.recommended is not None and rec.decision.budget is None
    assert any("read from your words" in n and "is not used" in n and "least that works" in n
               for n in rec.notes), rec.notes


def test_a_foreign_budget_too_low_says_its_words_and_rate() -> None:
    """QA round 7: the note named the whole sentence and '$368.15' for 'R$ 2.000', no rate."""
    rec = _rec("Classificar e-mails de clientes todos os dias, orçamento R$ 0.02 por mês")
    note = next(n for n in rec.notes if "is not used" in n)
    assert note.startswith("The monthly budget read from your words ('orçamento R$ 0.02 por mês', "
                           "R$ 0.02 = $0.0037 at 1 BRL = "), note
    assert f"(ECB euro reference rates of {RATES_DATE})) is not used" in note


# ---------------------------------------------------------------- round 5 (issues 17/19)

# the roles of money_phrases_fresh2.jsonl, as the rows name them, and the rate each must carry
ROLES = {"lawyer": LAWYER, "nurse": NURSE, "paralegal": PARALEGAL, "medical coder": MEDICAL_CODER,
         "translator": TRANSLATOR, "claims adjuster": ADJUSTER, "accountant": ACCOUNTANT,
         "software engineer": DEVELOPER, "support agent": SUPPORT_AGENT}


def _fresh2_misreadings(read=read_money, name: str = "money_phrases_fresh2.jsonl") -> list[str]:
    """Rows of a round-5 file read wrong: an amount in another currency is wanted in dollars
    at the table's rate (to the cent), a role's minutes with that role's rate."""
    wrong = []
    for p in _load(name):
        rate = usd_per(p.get("currency", "USD")) or 0.0
        want = {k: (None if p[k] is None else round(p[k] * rate, 2) if k != "failure_minutes"
                    else p[k]) for k in ("failure_usd", "failure_minutes", "budget_usd")}
        words = read(p["text"])
        got = reading(words)
        got = {k: None if v is None else round(v, 2) for k, v in got.items()}
        role = p.get("role")
        got_rate = words.failure.rate if words.failure is not None else None
        want_rate = ROLES[role] if role else None
        if got != want or got_rate != want_rate:
            wrong.append(p["text"])
    return wrong


def test_yearly_budgets_currencies_and_roles_written_blind() -> None:
    """24 rows written before the rules: 16 misread by the reader before them (4 yearly
    budgets, 5 amounts in EUR/GBP/JPY/CHF, 2 minutes missed, 7 roles' rates not read; the 8
    traps read nothing), 0 after."""
    assert len(_load("money_phrases_fresh2.jsonl")) == 24
    assert _fresh2_misreadings() == []


def test_the_held_out_rows_written_after_the_rules() -> None:
    """12 rows written after those rules and scored before any rule was fitted to them: 4
    misread ("$24k per annum" set aside; three traps read: "firms that spend £2m a year",
    "flats that rent at €1,500 a month", "paralegals paid £30,000 a year"); 8 with the reader
    before round 5. Then "set aside", someone else's "that spend", "rent" and "paid": 0."""
    assert len(_load("money_phrases_fresh2_heldout.jsonl")) == 12
    assert _fresh2_misreadings(name="money_phrases_fresh2_heldout.jsonl") == []


@pytest.mark.parametrize(("text", "usd", "how"), [
    ("Our annual AI budget is $6,000; summarise board packs", 500.0,
     "$6,000 a year = $500.00 a month"),
    ("We can spend up to $1,200 per year on this", 100.0, "$1,200 a year = $100.00 a month"),
    ("Our quarterly budget is $900 for tagging", 300.0, "$900.00 a quarter = $300.00 a month"),
    ("Budget: €300 per month", 335.16, f"€300 = $335.16 at 1 EUR = 1.1172 USD (ECB euro "
     f"reference rates of {RATES_DATE})"),
    ("We can afford CHF 500 a month", 607.57, "1 CHF = 1.2151 USD"),
    ("Monthly budget ¥50,000", 317.96, "1 JPY = 0.006359 USD"),
    ("Our yearly cap is £1,200", 133.99, "£1,200 = $1,608 at 1 GBP = 1.3399 USD"),
    # a thousands point as written in Europe; in dollars a point stays a decimal point
    ("Budget: €1.200 per month", 1340.64, "€1.200 = $1,341 at 1 EUR"),
    ("Our budget is 1.500 € a month", 1675.8, "1.500 € = $1,676"),
    ("We can spend $1.250 a month", 1.25, ""),
])
def test_a_budget_a_year_or_in_another_currency_is_read_and_says_how(text: str, usd: float,
                                                                      how: str) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd, abs=0.01)
    assert how in b.how and b.words in text


@pytest.mark.parametrize("text", [
    "Summarise the annual report of a client that spends $6,000 a year on cloud hosting",
    "Extract salary data from job postings; each lists a salary like $85,000 a year",
    "Job ads say things like 'up to £45,000 per year'; pull the salary band into a table",
    "Write product descriptions for handbags priced €250 to €900",
    "Summarise the quarterly reports of a retailer with €12M annual revenue",
    "Translate our price list (a basic plan at €9 a month, pro at €29 a month) into French",
    "Our lawyers bill $400 an hour; classify the engagement letters by matter type",
    "Our annual report costs $6,000 a year to print; summarise it",
    "Summarise earnings calls of firms that spend £2m a year on R&D",
    "Tag listings for flats that rent at €1,500 a month",
    "Write job ads for paralegals paid £30,000 a year",
    "Rank suppliers who have $5,000 a month for marketing",
])
def test_prices_revenue_and_salaries_in_any_currency_are_no_budget(text: str) -> None:
    assert read_money(text) == MoneyWords()


def test_a_currency_that_cannot_be_converted_is_not_read_as_dollars() -> None:
    words = read_money("Our budget is 4,000 kr a month; a wrong label costs us 30 kr")
    assert words.budget is None and words.failure is None
    assert any("'4,000 kr' was not read as dollars" in n and "Swedish" in n
               for n in words.unread), words.unread
    # a mass, not money
    assert read_money("A wrong pallet means we lose 20 pounds of produce") == MoneyWords()


@pytest.mark.parametrize(("text", "rate", "minutes"), [
    ("When the summary is wrong a lawyer redoes it, which takes about 20 minutes", LAWYER, 20),
    ("A nurse checks every flagged note; a wrong flag wastes 10 minutes of her time", NURSE,
     10),
    ("When a claim summary is misread, the adjuster has to redo it: about an hour", ADJUSTER,
     60),
    ("Draft letters; a bad letter costs 2 hours of a paralegal", PARALEGAL, 120),
    # the QA round: a support agent's hours were priced at the category's translator rate
    ("A wrong answer costs us about two hours of a support agent's time. Classify 500 "
     "tickets a day.", SUPPORT_AGENT, 120),
])
def test_a_roles_minutes_carry_that_roles_rate(text: str, rate, minutes: float) -> None:
    f = read_money(text).failure
    assert f is not None and f.minutes == minutes and f.rate == rate
    assert f.role_words and f.role_words in text


@pytest.mark.parametrize(("text", "usd_per_hour", "said"), [
    ("When the summary is wrong, a lawyer at $300 an hour redoes it in 20 minutes", 300.0,
     "$300 an hour"),
    ("Our lawyers bill $400 an hour; a wrong summary costs one of them 15 minutes", 400.0,
     "$400 an hour"),
    ("A wrong answer costs a contractor (€60/h) 30 minutes", 60 * 1.1172, "€60/h"),
])
def test_an_hourly_rate_the_words_give_beats_the_table(text: str, usd_per_hour: float,
                                                       said: str) -> None:
    from council.failure_cost import STATED_RATE, failure_cost
    f = read_money(text).failure
    assert f is not None and f.usd is None and f.rate is not None
    assert f.rate.who == STATED_RATE and f.rate.usd_per_hour == pytest.approx(usd_per_hour)
    cost = failure_cost(None, {"summarisation": 1.0}, read=f)
    assert cost.failure_usd == pytest.approx(f.minutes * usd_per_hour / 60, abs=1e-3)
    assert f"(the rate your words give: '{said}'" in cost.why


def test_minutes_without_a_known_role_keep_the_category_rate() -> None:
    f = read_money("Each bad label means someone redoes 30 minutes of work").failure
    assert f is not None and f.minutes == 30 and f.rate is None
    # the sentence names nurses, but the clause says whose minutes they are
    f = read_money("Draft replies to nurses' questions; a bad reply wastes 10 minutes of the "
                   "support team").failure
    assert f is not None and f.minutes == 10 and f.rate is None
    # a role named where no failure is priced: nothing read
    assert read_money("Draft discharge letters that nurses send to patients; writing one by "
                      "hand takes 10 minutes today") == MoneyWords()


def test_a_yearly_budget_plans_the_month_and_shows_how() -> None:
    rec = _rec("Our annual AI budget is $6,000; tag support tickets by urgency")
    assert rec.decision.rule == "monthly budget"
    assert rec.decision.budget.budget_per_month == 500.0
    note = next(a for a in rec.assumption_notes if a.name == "budget_usd_per_month")
    assert note.value == 500.0 and "($6,000 a year = $500.00 a month)" in note.why


def test_a_euro_budget_is_converted_at_the_dated_rate_in_the_answer() -> None:
    rec = _rec("Budget: €300 per month. Tag support tickets by urgency")
    assert rec.decision.budget.budget_per_month == pytest.approx(335.16)
    note = next(a for a in rec.assumption_notes if a.name == "budget_usd_per_month")
    assert f"1 EUR = 1.1172 USD (ECB euro reference rates of {RATES_DATE})" in note.why


def test_a_krona_budget_is_not_taken_as_dollars_and_the_answer_says_so() -> None:
    rec = _rec("Our budget is 4,000 kr a month. Tag support tickets by urgency")
    assert rec.decision.budget is None and rec.decision.rule != "monthly budget"
    assert any("'4,000 kr' was not read as dollars" in n for n in rec.notes), rec.notes


def test_a_lawyers_minutes_are_priced_at_a_lawyers_rate_in_the_answer() -> None:
    rec = _rec("Classify contracts; when the summary is wrong a lawyer redoes it, which takes "
               "about 20 minutes")
    assert rec.decision.failure_cost_usd == pytest.approx(20 * LAWYER.per_minute, abs=1e-4)
    assert "20 min at $93 an hour (assumed: the rate of a lawyer, named by 'lawyer', BLS " \
        "2022 median, lawyers, $65.26/h" in rec.decision.failure_cost_why


# ---------------------------------------------------------------- an agent's minutes (review 8)


@pytest.mark.parametrize("text", [
    "Answer support tickets. A failure costs an agent 5 minutes.",
    "Triage tickets; each wrong routing wastes 5 minutes of an agent's time",
])
def test_an_agents_minutes_are_a_persons_at_the_support_rate(text: str) -> None:
    """'costs an agent 5 minutes' had no role: the category's rate (a translator's $39 an
    hour for support) priced the agent. An agent is a person answering customers: $22."""
    from council.failure_cost import failure_cost

    f = read_money(text).failure
    assert f is not None and f.minutes == 5 and f.rate == SUPPORT_AGENT and f.role_words == "agent"
    why = failure_cost(None, {"customer_support": 1.0}, read=f).why
    assert "5 min at $22 an hour (assumed: the rate of a customer service representative, " \
           "named by 'agent', BLS 2016 median" in why, why


def test_an_ai_agents_minutes_are_not_a_wage() -> None:
    """The AI agent's own minutes (its retries) are run time: not read, and said, so the
    category's default stands rather than a developer's or an agent's wage."""
    words = read_money("Run a coding agent on our repo; a failure costs the AI agent 5 "
                       "minutes of retries.")
    assert words.failure is None
    assert words.unread == ("'5 minutes' of an AI agent was not read as a failure cost: a "
                            "program's minutes are not a person's wage; give what a failure "
                            "costs in dollars instead",)
    # a person named beside the AI agent is the one whose minutes count
    f = read_money("A failure of our AI agent costs a developer 20 minutes.").failure
    assert f is not None and f.rate == DEVELOPER and f.minutes == 20
