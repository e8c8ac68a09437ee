"""Decision QA 15: a budget said as a share of another bill or of revenue is the share of the
figure the words give, a ceiling under a limit word; with no figure it is said unread."""

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text, usd", [
    ("Answer order-status questions; we can spend no more than 10% of our Zendesk bill, "
     "which is $1,500 a month.", 150.0),
    ("Write product descriptions; the AI spend must stay under 2% of revenue, and this "
     "product line makes $20,000 a month.", 400.0),
    ("Answer follow-up emails; spend at most 5% of what we pay our call-centre vendor "
     "($8,000 a month).", 400.0),
    ("Keep it under 10% of our support bill, which is $24,000 a year.", 200.0),
])
def test_a_share_of_a_figure_is_a_ceiling(text, usd):
    budget = read_money(text).budget
    assert budget is not None and budget.usd_per_month == pytest.approx(usd)
    assert budget.ceiling and "% x $" in budget.how


def test_a_share_with_no_figure_is_said_unread():
    money = read_money("Summarise sales calls; keep it to no more than 10% of our Gong bill.")
    assert money.budget is None
    assert any("10% of our Gong bill" in u and "no figure" in u for u in money.unread)


@pytest.mark.parametrize("text", [
    "Analyse why 20% of our revenue comes from 3 clients; revenue is $50,000 a month.",
    "Explain how 30% of our bill went to storage; the bill is $2,000 a month.",
])
def test_a_share_nobody_spends_is_no_budget(text):
    assert read_money(text).budget is None
