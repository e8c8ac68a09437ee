"""Sentences round 15's rules should not fire on, or should read otherwise (review 15, from
tests/data/workload_phrases_review15.jsonl, written before the fixes); each case failed on
the reader before its fix."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def runs(text: str) -> float | None:
    return read_workload.__wrapped__(text).summary()["runs_per_month"]  # type: ignore[return-value]


# Japanese: a date is no period ("12月1日に" read 9,000), "1回あたり" is per time, not a count
# of 1 (read 13), a range or a count of a measure or of people is none ("2〜3時間" read 90,
# "30分" 260); the rule's own cases stay.
@pytest.mark.parametrize(("text", "want"), [
    ("12月1日に300件の注文を処理します。", None),
    ("週に3回、1回あたり40件のレビューをします。", 3 * 40 * 52 / 12),
    ("1日あたり2〜3時間の作業で、月に500件処理します。", 500),
    ("週に2回、30分の会議で議事録を作ります。", 2 * 52 / 12),
    ("週に2回、30件のレビューをします。", 60 * 52 / 12),
    ("1日あたり200〜300件を処理します。", 9_000),
])
def test_japanese_dates_times_and_measures(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)
