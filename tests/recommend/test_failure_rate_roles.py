"""Minutes of the role the words name are priced at that role's rate, and the answer says how
to give another.

New-user review, round 9: "a bad email costs a sales rep 15 minutes" was priced at the office
reader's rate (interpreters and translators, $39 an hour loaded), and "a sales rep at $60 an
hour ... 15 minutes" read the hour of the rate as the time: 60 minutes.
"""

from __future__ import annotations

import pytest

from council.failure_cost import failure_cost
from council.money_words import read_money
from council.role_rates import SALES_REP, role_rate


@pytest.mark.parametrize("text, named", [
    ("Draft follow-up emails; a bad email costs a sales rep 15 minutes to rewrite.",
     "sales rep"),
    ("Qualify leads; a wrong score wastes 15 minutes of an account executive.",
     "account executive"),
    ("Summarise calls; each bad summary means our salesperson redoes 15 minutes of notes.",
     "salesperson"),
    ("Score leads; a wrong score costs our SDRs 15 minutes.", "SDRs"),
    ("Résumer les appels; un mauvais résumé coûte 15 minutes à un commercial.",
     "un commercial"),
])
def test_a_sales_roles_minutes_are_priced_at_the_sales_rate(text: str, named: str) -> None:
    read = read_money(text).failure
    assert read is not None and read.minutes == 15
    assert read.rate == SALES_REP and read.role_words == named
    cost = failure_cost(None, {"creative_writing": 1.0}, None, read)
    assert cost.failure_usd == pytest.approx(15 * SALES_REP.usd_per_hour / 60, abs=1e-4)
    assert "the rate of a sales representative" in cost.why
    # the figure was read on a copy of the handbook page: the answer says so
    assert "read on a third-party copy of the handbook page: an estimate" in cost.why
    assert "another rate: write it in the words" in cost.why  # how to change it


def test_a_rate_beside_the_role_is_the_rate_and_its_hour_is_not_the_time() -> None:
    read = read_money("Draft follow-up emails; a bad email costs a sales rep at $60 an hour "
                      "15 minutes.").failure
    assert read is not None and read.minutes == 15  # not the hour of "$60 an hour"
    cost = failure_cost(None, {"creative_writing": 1.0}, None, read)
    assert cost.failure_usd == pytest.approx(15.0)


@pytest.mark.parametrize("words", ["aes encryption keys", "the sales agent bot",
                                   "sales figures"])
def test_words_that_are_no_sales_person_name_no_rate(words: str) -> None:
    assert role_rate(words) is None


@pytest.mark.parametrize("text, example", [
    ("Reconcile invoices; an error costs our accountant 10 minutes to fix.",
     "10 minutes of an accountant at $60 an hour"),
    ("Screen CVs; a wrong pick wastes 20 minutes of an HR specialist.",
     "20 minutes of an HR specialist at $60 an hour"),
    ("Draft emails; a bad email costs a sales rep 15 minutes to rewrite.",
     "15 minutes of a sales representative at $60 an hour"),
])
def test_the_example_of_another_rate_reads_as_that_rate(text: str, example: str) -> None:
    """The example the answer gives is good English ("an accountant", not "a accountant",
    as it said before) and, written in a description, is read as the rate it shows."""
    cost = failure_cost(None, {"extraction": 1.0}, None, read_money(text).failure)
    assert f"e.g. '{example}'" in cost.why, cost.why
    read = read_money(f"Same task; an error costs {example}.").failure
    assert read is not None and read.rate is not None and read.rate.usd_per_hour == 60.0
    assert failure_cost(None, {"extraction": 1.0}, None, read).failure_usd == pytest.approx(
        read.minutes)  # $60 an hour: a dollar a minute
