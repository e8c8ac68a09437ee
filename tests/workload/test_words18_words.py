"""Round 18's reader fixes (words18, from tests/data/workload_phrases_words18.jsonl, written
before the fixes); each fixed case failed on the reader before its fix, the controls pass on
both."""

from __future__ import annotations

import pytest

from council.workload_words import WorkloadWords, read_workload


def words(text: str) -> WorkloadWords:
    return read_workload.__wrapped__(text)


def read(text: str) -> dict[str, object]:
    return words(text).summary()


def runs(text: str) -> float | None:
    return read(text)["runs_per_month"]  # type: ignore[return-value]


# "dozens of", "millions of", "tens of thousands of": five of them, an estimate whose range
# the reading says (read nothing, nothing, and 5,000: "thousands of" alone)
@pytest.mark.parametrize(("text", "want", "said"), [
    ("We get dozens of support tickets a day.", 1_800, "'dozens of' is 24 to 108, taken as 60"),
    ("We process millions of search queries a month and tag each with an intent.", 5_000_000,
     "'millions of' is 2,000,000 to 9,000,000"),
    ("Tens of thousands of product reviews come in each month.", 50_000,
     "'Tens of thousands of' is 20,000 to 90,000, taken as 50,000: an estimate"),
    ("Hundreds of invoices arrive every week.", 500 * 52 / 12, "'Hundreds of' is 200 to 900"),
])
def test_loose_plurals(text: str, want: float, said: str) -> None:
    r = words(text).runs_per_month
    assert r is not None and r.value == pytest.approx(want, rel=0.001)
    assert said in r.how


# controls: facts about the world, not work (two real prompts read 416,667 a month and one 10
# in the first try), and a stated count beside a crowd
@pytest.mark.parametrize(("text", "want"), [
    ("Air pollution is responsible for millions of premature deaths each year.", 1 / 12),
    ("The conference has opposed proposals at dozens of colleges to delay recruiting by a "
     "semester.", None),
    ("Millions of people use our app; we answer about 300 questions a day.", 9_000),
    ("Our app has millions of users.", None),
])
def test_loose_plurals_not_work(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)
