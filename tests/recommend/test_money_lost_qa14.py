"""Decision QA 14: a failure said as the revenue or the customer it loses."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Write replies to cancellation requests; a bad reply loses us the customer, who is worth "
     "about $600 a year.", 600.0),
    ("Answer chats; a wrong answer can make a client leave, and each client is worth $40 a "
     "month.", 480.0),  # a year of their worth
    ("Answer billing questions; about 1 in 20 customers who get a wrong answer churn, and a "
     "customer is worth $1,200.", 60.0),
    ("Classify inbound leads as hot or cold; each misclassified hot lead is roughly $250 in "
     "lost revenue.", 250.0),
])
def test_a_loss_is_the_failure_cost(text, usd):
    failure = read_money(text).failure
    assert failure is not None and failure.usd == pytest.approx(usd)


@pytest.mark.parametrize("text", [
    "We lost 3 customers last year worth $5,000 each; summarise their feedback and fix the "
    "errors.",  # no failure of the answer loses them
    "Our customers are worth $300 a year; answer their questions.",
])
def test_a_customer_worth_with_no_failure_is_no_failure_cost(text):
    assert read_money(text).failure is None
