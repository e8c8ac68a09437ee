"""Money words left by session 12's walks (Decision QA 12, "left undone"): a limit said as
"don't want to pay over", and a limit a contract or a photo, the units a review of contracts
or a captioning job is counted in."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize(("text", "usd"), [
    # each unread before: the cue stopped at "pay", and "over" read as a price's word
    ("We don't want to pay over $100 a month for this.", 100.0),
    ("We won't pay above $40 a month.", 40.0),
    ("We do not want to pay over $250 a month on summaries.", 250.0),
])
def test_a_negated_pay_over_is_a_ceiling(text: str, usd: float) -> None:
    budget = read_money(text).budget
    assert budget is not None and budget.ceiling
    assert budget.usd_per_month == pytest.approx(usd)


@pytest.mark.parametrize("text", [
    "We don't want to pay for a bigger model.",
    "We never pay over the $1,000 invoices on time.",
    "We pay over $3,000 a month in rent.",
])
def test_pay_over_without_a_limit_is_no_budget(text: str) -> None:
    assert read_money(text).budget is None


@pytest.mark.parametrize(("text", "usd"), [
    # each unread before: contracts and photos were no unit a limit is said in
    ("Review 400 contracts a month, under $0.50 per contract.", 0.5),
    ("Caption 2,000 product photos a month, at most 1 cent per photo.", 0.01),
    ("Describe 300 images a day, no more than $0.002 per image.", 0.002),
])
def test_a_limit_a_contract_or_a_photo_is_a_unit_budget(text: str, usd: float) -> None:
    unit = read_money(text).unit_budget
    assert unit is not None and not unit.per_call
    assert unit.usd == pytest.approx(usd)


def test_a_price_a_contract_is_no_unit_budget() -> None:
    assert read_money("The supplier charges $2 per contract.").unit_budget is None
