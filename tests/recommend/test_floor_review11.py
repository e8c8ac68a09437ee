"""A share of the items is no quality floor (review11, written before the fix)."""

from __future__ import annotations

import pytest

from council.floor_words import read_floor


def test_a_share_of_the_items_near_a_quality_word_is_no_floor() -> None:
    # read as a floor of P 0.95 before: "precision" is within 30 characters
    assert read_floor("Aim for high precision on spam; at least 95% of the mails are ham.") is None


@pytest.mark.parametrize(("text", "p"), [
    ("At least 95% of the answers must be correct.", 0.95),
    ("The answers must be right at least 99% of the time.", 0.99),
    ("We need at least 95% accuracy.", 0.95),
])
def test_a_floor_on_the_answers_is_still_read(text: str, p: float) -> None:
    read = read_floor(text)
    assert read is not None and read.p == pytest.approx(p)
