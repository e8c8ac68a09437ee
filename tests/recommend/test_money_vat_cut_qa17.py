"""Decision QA 17: a budget with VAT said gross or net, a bill paid now cut by a share, a
budget a sprint, and a budget restated in another period that disagrees."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Draft replies to reviews; our budget is £250 a month incl. VAT.", 334.97),
    ("Verträge zusammenfassen; Budget 500 € pro Monat inkl. MwSt.", 558.6),
    ("Traduire nos fiches produits ; budget de 300 € TTC par mois.", 335.16),
])
def test_a_budget_incl_vat_is_used_gross_and_said(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd)
    assert "used gross" in b.how and "net to spend is less" in b.how


def test_a_budget_plus_vat_is_said_net() -> None:
    b = read_money("Tag emails; we can spend £200 a month plus VAT.").budget
    assert b is not None and "net, before tax" in b.how


def test_net_of_fees_is_no_vat_word() -> None:
    b = read_money("Our budget is €300 a month net of fees.").budget
    assert b is not None and "tax" not in b.how


@pytest.mark.parametrize("text, usd", [
    ("We pay $500 a month on GPT-5 for this and want to cut it by half: triage tickets.", 250),
    ("Our OpenAI bill for summarising sales calls is $900 a month; we need to cut it by a "
     "third.", 600),
    ("We're paying about $1,200 a month to OpenAI for these today and need to bring that "
     "down by 40%.", 720),
    ("We spend $1,200 a month on GPT-4.1 to summarise chats; we want to cut that bill by 25%.",
     900),
    # every share the pattern takes has a value ("one half" raised a KeyError)
    ("We pay $500 a month on GPT-5 for this and want to cut it by one half.", 250),
    ("We pay $900 a month for this and want to cut it by two thirds.", 300),
])
def test_a_bill_cut_by_a_share_is_a_ceiling_at_the_rest(text: str, usd: float) -> None:
    b = read_money(text).budget
    assert b is not None and b.usd_per_month == pytest.approx(usd) and b.ceiling


@pytest.mark.parametrize("text", [
    "We pay $5 per item and cut the noise by half.",
    "Our rent is $2,000 a month and we cut it by half last year.",
])
def test_no_bill_to_cut(text: str) -> None:
    assert read_money(text).budget is None


def test_a_budget_per_sprint_with_its_length() -> None:
    b = read_money("Generate unit tests; we work in two-week sprints and the budget is $200 per "
                   "sprint.").budget
    assert b is not None and b.usd_per_month == pytest.approx(433.33)


def test_a_budget_per_sprint_without_its_length_is_said() -> None:
    m = read_money("Write release notes; the budget is $300 per sprint.")
    assert m.budget is None and any("no sprint length" in u for u in m.unread)


def test_a_restated_budget_that_disagrees_is_said() -> None:
    m = read_money("Our budget is $200 a month, that's $5,000 a year, to tag invoices.")
    assert m.budget is not None and m.budget.usd_per_month == 200
    assert any("'$5,000 a year' ($416.67 a month) disagrees" in u for u in m.unread)


@pytest.mark.parametrize("text", ["Our budget is $200 a month, or $2,400 a year.",
                                  "Our budget is $200 a month, about $2,400 a year."])
def test_a_restated_budget_that_agrees_says_nothing(text: str) -> None:
    assert read_money(text).unread == ()


def test_a_paralegals_minutes_before_the_failure() -> None:
    f = read_money("Extract parties from leases; a paralegal spends 20 minutes fixing each bad "
                   "extraction.").failure
    assert f is not None and f.minutes == 20 and f.rate is not None
    assert f.rate.who == "a paralegal"


@pytest.mark.parametrize("text", ["The agent takes 5 minutes to fix the bad weather display.",
                                  "Our AI agent spends 20 minutes fixing each bad build."])
def test_no_time_before_a_failure(text: str) -> None:
    assert read_money(text).failure is None
