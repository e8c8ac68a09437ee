"""Decision QA 15: a failure said as a refund we give, an overlooked clause (German), or as
not costly at all, is read from the words."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Answer delivery questions; when the bot gives a wrong answer we refund the shipping, "
     "about $8 each time.", 8.0),
    ("Bad answers mean we refund customers $20 each.", 20.0),
    ("Verträge prüfen; eine übersehene Klausel kostet uns im Schnitt 500 Euro.", 558.6),
    ("Suggest emoji for chat messages; a wrong suggestion is annoying, not costly.", 0.0),
    ("A wrong label is not costly, maybe $1 to fix.", 1.0),
])
def test_the_failure_is_read(text, usd):
    failure = read_money(text).failure
    assert failure is not None and failure.usd == pytest.approx(usd)


@pytest.mark.parametrize("text", [
    "Classify refund requests; errors in refunds over $100 need review.",
    "Mistakes are not that expensive to us.",  # cheap, not free: the category's default
])
def test_no_failure_cost(text):
    assert read_money(text).failure is None


def test_not_costly_is_said():
    failure = read_money("A wrong tag is annoying, not costly.").failure
    assert failure is not None and "not to be costly" in failure.how


@pytest.mark.parametrize("text", [
    "Last year a bug cost us $5,000 in lost sales, so every summary is reviewed by hand.",
    "Once a wrong invoice cost us $300; flag bad invoices.",
])
def test_one_past_incident_is_said_not_read(text):
    money = read_money(text)
    assert money.failure is None and any("one past incident" in u for u in money.unread)


def test_a_credit_the_customer_earns_is_the_failure_cost():
    failure = read_money("Route tickets; each misrouted ticket earns the customer a $10 credit "
                         "under our SLA.").failure
    assert failure is not None and failure.usd == 10.0
