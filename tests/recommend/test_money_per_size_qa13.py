"""Decision QA 13: a failure cost said a rate of the text ("$0.40 per 100 words to fix") is
priced over the task's text (it was read as $0.40 for a 300-word translation)."""

from __future__ import annotations

import pytest

from council.failure_cost import TaskSize, failure_cost
from council.money_words import read_money
from tests.recs import make_rec

TEXT = ("Translate product descriptions of about 300 words each; each bad translation costs us "
        "$0.40 per 100 words to fix.")


def test_a_rate_of_the_text_times_its_size() -> None:
    read = read_money(TEXT).failure
    assert read is not None and read.per_tokens == pytest.approx(133.0)
    cost = failure_cost(None, {"translation": 1.0}, TaskSize(399, 399), read)
    assert cost.failure_usd == pytest.approx(1.2)
    assert "$0.40 per 100 words x 399 tokens of text" in cost.why


def test_in_the_answer() -> None:
    rec = make_rec(TEXT, category="translation", difficulty=2.0)
    fail = next(a for a in rec.assumption_notes if a.name == "failure_cost_usd")
    assert fail.value == pytest.approx(1.2) and fail.source == "text"


@pytest.mark.parametrize(("text", "usd"), [
    ("A bad answer costs $5 per ticket.", 5.0),  # a unit of work, not of text
    ("A wrong answer costs $3.", 3.0),
])
def test_a_figure_a_task_stays(text: str, usd: float) -> None:
    read = read_money(text).failure
    assert read is not None and read.usd == usd and read.per_tokens is None
