"""Round 16's reader fixes (words16, from tests/data/workload_phrases_words16.jsonl, written
before the fixes); each fixed case failed on the reader before its fix, the controls pass on
both."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def runs(text: str) -> float | None:
    return read_workload.__wrapped__(text).summary()["runs_per_month"]  # type: ignore[return-value]


# "Each of our 40 stores sends about 25 ...": the owners after "each of", the count each
# (read 750 and 600 a month, one store's or driver's)
@pytest.mark.parametrize(("text", "want"), [
    ("Each of our 40 stores sends about 25 return requests a day.", 30_000),
    ("Each of our 6 drivers makes about 20 deliveries a day, and we log each one.", 3_600),
    ("Each of the 4 warehouses ships around 300 orders a day.", 36_000),
    # controls
    ("Twice a week, each of our 12 stores sends about 30 invoices.", 3_120),
    ("Our 40 stores get about 3,000 returns a day in total.", 90_000),
    ("Each of the 5 reports takes about 20 minutes a day.", None),
])
def test_each_of_our_owners(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)
