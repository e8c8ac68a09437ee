"""Sentences round 14's rules should not fire on, or should read otherwise (review 14, from
tests/data/workload_phrases_review14.jsonl, written before the fixes); each case failed on
the reader before its fix."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def summary(text: str) -> dict[str, object]:
    return read_workload.__wrapped__(text).summary()


# A count of times with a thousands comma, whole: "000 times a day" was read, 0 a month.
@pytest.mark.parametrize(("text", "want"), [
    ("We send 3,000 tokens of context and need about 500 tokens for the answer, 1,000 times "
     "a day.", 30_000),
    ("The check runs 1,200 times a week.", 1_200 * 52 / 12),
    ("Wir prüfen die Rechnungen 1.000 Mal am Tag.", 30_000),
])
def test_times_with_a_thousands_comma(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.001)


# "every second customer" is every other one, no rate a second (read 2,592,000 a month); a
# rate a second stays one.
@pytest.mark.parametrize(("text", "want"), [
    ("Every second customer writes in German; we handle 400 tickets a week.", 400 * 52 / 12),
    ("Every second row is a duplicate; we clean 5,000 rows a day.", 150_000),
    ("We get 3 requests every second during peaks.", 3 * 2_592_000),
])
def test_every_second_thing_is_an_ordinal(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.001)


def test_every_fourth_monday_reads_the_shared_ordinals() -> None:
    # the weekdays kept their own ordinals without "fourth" (unread)
    assert summary("Every fourth Monday we audit 90 contracts.")["runs_per_month"] == \
        pytest.approx(90 * 52 / 12 / 4, rel=0.001)


# "7 days a week" said as a schedule is no count of 7 (read 30.33 a month); "5 days a week"
# stays a count of runs.
@pytest.mark.parametrize(("text", "want"), [
    ("Support is staffed 12 hours a day, 7 days a week, handling 600 chats a day.", 18_000),
    ("We run the report 5 days a week.", 5 * 52 / 12),
])
def test_every_day_of_the_week_is_a_schedule(text: str, want: float) -> None:
    assert summary(text)["runs_per_month"] == pytest.approx(want, rel=0.001)
