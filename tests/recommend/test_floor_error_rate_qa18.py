"""Decision QA 18: a floor said as an error rate ("the error rate must stay under 2%") is read,
and "at most 1 in 200 wrong" is shown as P 0.995, not rounded to 0.99."""

from __future__ import annotations

import pytest

from council.floor_words import floor_note, read_floor


@pytest.mark.parametrize("text, p", [
    ("Classify bank transactions; the error rate must stay under 2%.", 0.98),
    ("Tag invoices; the error rate should be kept below 1%.", 0.99),
    ("Tag invoices; our error rate needs to stay under 5%.", 0.95),
])
def test_an_error_rate_that_must_stay_under(text: str, p: float) -> None:
    read = read_floor(text)
    assert read is not None and read.p == pytest.approx(p)


def test_one_in_two_hundred_is_shown_to_three_places() -> None:
    note = floor_note("Extract invoice totals; at most 1 in 200 may be wrong.", 0.75)
    assert note is not None and "P 0.995" in note


def test_a_two_place_floor_keeps_two_places() -> None:
    note = floor_note("Tag invoices; accuracy of at least 90%.", 0.75)
    assert note is not None and "P 0.90" in note


def test_an_error_rate_someone_has_now_is_no_floor() -> None:
    assert read_floor("Our current error rate stays under 10%, which is too high.") is None
