"""Decision QA 18's held-out misses, fixed after the score (so no longer blind): a floor said
as k errors in n ("no more than 5 mistakes per 1,000 notes"), and an hour's price said before
the figure ("seine Stunde kostet uns 60 €") is a rate for the minutes, not a failure's cost."""

from __future__ import annotations

import pytest

from council.floor_words import read_floor
from council.money_words import read_money


@pytest.mark.parametrize("text, p", [
    ("Transcribe delivery notes; no more than 5 mistakes per 1,000 notes.", 0.995),
    ("Tag answers; no more than 3 errors in 100 answers.", 0.97),
])
def test_k_errors_in_n(text: str, p: float) -> None:
    read = read_floor(text)
    assert read is not None and read.p == pytest.approx(p)


def test_k_in_n_without_an_error_word_is_none() -> None:
    assert read_floor("At most 5 in 10 tickets are urgent.") is None


def test_an_hours_price_before_the_figure_is_a_rate() -> None:
    f = read_money("Tickets zuordnen; ein falsch zugeordnetes Ticket kostet einen Mitarbeiter "
                   "10 Minuten, und seine Stunde kostet uns 60 €.").failure
    assert f is not None and f.usd is None and f.minutes == pytest.approx(10.0)
