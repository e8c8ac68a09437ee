"""User QA round 18's misreadings (docs/app.md "User QA, round 18"): money said in words read
as a volume, "can't live with" read as a wait and not as a floor. Each fixed case failed on the
code before its fix; the controls pass on both."""

from __future__ import annotations

import pytest

from council.floor_words import read_floor
from council.workload_words import WorkloadWords, read_workload


def words(text: str) -> WorkloadWords:
    return read_workload.__wrapped__(text)


@pytest.mark.parametrize(("text", "want"), [
    ("We can spend two grand a month, VAT included, we're a German company. Translate our "
     "product descriptions into French, around 10k of them per month.", 10_000),
    ("We can afford about 5 cents per customer per month. 4,000 customers, each asks our help "
     "bot around 10 questions a month.", 40_000),
    ("Budget: 50 pence a ticket. We get 3,000 tickets a month.", 3_000),
    # controls: a count that is no money stays read
    ("Check the grand total on each of our 300 invoices a month.", 300),
    ("Summarise 500 customer emails a month.", 500),
])
def test_money_in_words_is_no_volume(text: str, want: float) -> None:
    runs = words(text).runs_per_month
    assert runs is not None and runs.value == pytest.approx(want)


def test_cant_live_with_is_a_floor_and_no_wait() -> None:
    text = ("Pull the invoice number, date and total out of supplier invoices; we can't live "
            "with more than 2% of them wrong. About 8,000 invoices a month.")
    assert words(text).latency is None
    floor = read_floor(text)
    assert floor is not None and floor.p == pytest.approx(0.98)
    assert read_floor("We cannot accept more than 1 in 50 wrong.").p == pytest.approx(0.98)


@pytest.mark.parametrize("text", [
    "A live chat widget on our site answering 200 questions a day.",
    "Summarise the live stream's transcript as it happens.",
])
def test_live_still_waits(text: str) -> None:
    latency = words(text).latency
    assert latency is not None and latency.value == "no_batch"


def test_living_with_errors_is_no_floor() -> None:
    assert read_floor("We can live with more than 2% of them wrong.") is None
