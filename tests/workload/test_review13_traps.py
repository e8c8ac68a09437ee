"""Sentences words13's rules should not fire on, or should read otherwise (review 13, from
tests/data/workload_phrases_review13.jsonl, written before the fixes); each case failed on
the reader before its fix."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def summary(text: str) -> dict[str, object]:
    return read_workload.__wrapped__(text).summary()


# "and" between two counts said with two periods, a range, or a share: not two parts of the
# work (read 3,060, 15,600, 9,000 and 6,030).
@pytest.mark.parametrize(("text", "want"), [
    ("We process 100 invoices a day and 2 batches a week.", 3_000),
    ("We receive 500 orders a day and 20 returns a week; summarise each order.", 15_000),
    ("We get between 100 emails and 200 emails a day.", 6_000),
    ("We get 200 emails a day and 1 in 10 is spam.", 6_000),
])
def test_and_joins_no_counts_of_other_periods_ranges_or_shares(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.001)


def test_two_counts_of_one_period_still_add_up() -> None:
    assert summary("Each week we process 500 invoices and 40 credit notes.")[
        "runs_per_month"] == pytest.approx(540 * 52 / 12, rel=0.001)


# A second size after "plus" that is what gets written is no part of the input (read 2,000
# and 5,000 tokens in).
@pytest.mark.parametrize(("text", "want"), [
    ("Each request is 1,500 tokens plus 500 tokens of output.", [1_500, "token"]),
    ("Inputs are 4k tokens plus 1k tokens for the answer, 300 a day.", [4_000, "token"]),
])
def test_an_output_after_plus_is_no_part_of_the_input(text: str, want: list[object]) -> None:
    assert summary(text)["input"] == pytest.approx(want)


def test_a_usual_period_of_so_many_days_is_no_count() -> None:
    # read as 5 a week (21.67 a month): the week's length, not its work
    text = "A typical week has 5 working days and we process 200 invoices a day."
    assert summary(text)["runs_per_month"] == pytest.approx(6_000, rel=0.001)


def test_once_each_time_is_no_one_off() -> None:
    # read as 6 tasks once (2 hours of 20-minute calls): once per sign-up, no volume said
    text = ("Once, each time a user signs up, we summarise their 2 hours of onboarding calls, "
            "20 minutes each.")
    assert summary(text)["runs_per_month"] is None


# A second abroad as an ordinal or "every second": no rate (read as 129,600,000, 103,680,000,
# 518,400,000 and 777,600,000 a month).
@pytest.mark.parametrize(("text", "want"), [
    ("Ogni secondo giorno controlliamo 50 fatture.", 750),  # every other day (words14)
    ("Cada segundo lunes del mes revisamos 40 contratos.", 40),  # once a month (words14)
    ("Al segundo día enviamos 200 correos de seguimiento.", None),
    ("Elke seconde telt: we beantwoorden 300 vragen per dag.", 9_000),
    ("Nous traitons 2 requêtes par seconde.", 5_184_000),  # the rate, as words13 read it
])
def test_a_second_abroad_is_a_rate_only_after_per(text: str, want: float | None) -> None:
    got = summary(text)["runs_per_month"]
    assert got == (None if want is None else pytest.approx(want, rel=0.001))


# Time spans, what holds the work, and a part of the first count are no second count of it
# (read 12,090, 43, 9,150 and 2,179.67).
@pytest.mark.parametrize(("text", "want"), [
    ("Each day we handle 400 chats and 3 shifts.", 12_000),
    ("Every month we close 40 deals and 3 quarters of revenue.", 40),
    ("Every day we get 300 tickets and 5 escalations.", 9_000),
    ("Every week we run 3 evals and 500 test cases.", 13),
])
def test_and_joins_no_spans_containers_or_parts(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.001)


def test_minutes_each_of_a_persons_time_is_no_piece_of_the_total() -> None:
    # read as 520 a month of 5 minutes each: the agents' time to file notes
    text = "We record 10 hours of calls a week and agents take 5 minutes each to file notes."
    got = summary(text)
    assert got["runs_per_month"] is None
    assert got["input"] == pytest.approx([10, "hour"])


def test_minutes_each_after_a_working_day_is_no_total() -> None:
    # read as 480 (8 hours / 30 minutes, 16 a day); still not the 12,000 the tickets say
    # (the "3 agents ... a day" reading of 864624a, left)
    text = ("Our 3 agents work 8 hours a day and spend 30 minutes each on lunch; we classify "
            "400 tickets a day.")
    assert summary(text)["runs_per_month"] != pytest.approx(480)


@pytest.mark.parametrize("text", [
    # decision QA 13's case 32: read as 5,000 a week (21,667 a month), so the form's $100
    # ceiling was refused
    "Summarise support tickets for the weekly report, about 5,000 a month",
    "For the weekly report we summarise about 5,000 tickets a month.",
])
def test_a_count_with_its_own_period_is_not_the_deliverables(text: str) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(5_000)


def test_a_standalone_cadence_still_reads_its_count() -> None:
    assert summary("Nightly batch: categorise 250k transactions")["runs_per_month"] == \
        pytest.approx(7_500_000)
