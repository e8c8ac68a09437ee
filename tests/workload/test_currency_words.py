"""One vocabulary of currencies (council.currency_words) for both readers: what the money
reader converts, the workload reader does not count as tasks."""

from __future__ import annotations

import pytest

from council.currency_words import AFTER, BEFORE, CODE_WORDS
from council.exchange_rates import PER_EUR
from council.money_words import read_money
from council.workload_words import read_workload


def test_every_code_a_word_maps_to_is_in_the_rate_table_or_shared() -> None:
    for word, code in (BEFORE | AFTER).items():
        assert code == "" or code in PER_EUR, word
    assert not CODE_WORDS & (BEFORE.keys() | AFTER.keys())


@pytest.mark.parametrize("amount", ["500 CHF", "4,000 kr", "40 euros", "1,200 zł", "300 €",
                                    "3,600 USD", "2,000 złotych"])
def test_an_amount_the_money_words_name_is_no_volume(amount: str) -> None:
    assert read_workload(f"We pay {amount} a month; tag the tickets").runs_per_month is None


def test_a_code_that_is_a_word_is_neither_money_nor_hidden_as_a_count() -> None:
    assert read_workload("Review 40 PHP files a day").runs_per_month.value == 1200
    assert read_money("Budget: try 500 a month").budget is None
    assert read_money("Budget: CHF 500 a month").budget is not None
