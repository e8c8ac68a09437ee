"""A count with its own period is read with it, not with a cadence adjective said before it
(decisionqa13's leftover: "for the weekly report, about 5,000 a month" read 21,667 a month)."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


@pytest.mark.parametrize(("text", "runs"), [
    ("Summarise support tickets for the weekly report, about 5,000 a month", 5_000),
    ("For the weekly report, summarise about 5,000 tickets a month.", 5_000),
    ("Daily digest: we get roughly 900 emails a week to condense.", 3_900),
])
def test_the_count_keeps_its_own_period(text: str, runs: float) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == pytest.approx(runs, rel=0.01)


@pytest.mark.parametrize(("text", "runs"), [
    ("Nightly batch: categorise 250k transactions", 7_500_000),
    ("Every week, summarise about 300 tickets", 1_300),
    ("Weekly: summarise the 300 tickets we get each day", 9_000),
])
def test_a_cadence_with_a_bare_count_still_reads_it(text: str, runs: float) -> None:
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == pytest.approx(runs, rel=0.01)
