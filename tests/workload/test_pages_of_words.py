"""Pages whose size follows are items of that size (words11, from QA round 10).

"Summarise 300 pages of about 500 words each" was one 300-page input (199,500 tokens a
call) while "200 tickets of about 150 words" is 200 items of 150 words: the pages are now
read as the tickets are, 500 words a call, and counted like them when a period follows.
"""

from __future__ import annotations

from council.workload_words import read_workload


def _read(text: str) -> tuple[object, object]:
    w = read_workload(text)
    runs = w.runs_per_month.value if w.runs_per_month is not None else None
    return (w.input_size.value if w.input_size is not None else None), runs


def test_pages_of_stated_words_are_items_like_tickets() -> None:
    assert _read("Summarise 300 pages of about 500 words each") == (665, None)
    assert _read("Summarise 200 tickets of about 150 words each") == (200, None)
    # with a period, the count is the volume, as for tickets
    assert _read("We summarise 300 pages of about 500 words each a month") == (665, 300.0)
    assert _read("We summarise 200 tickets of about 150 words each a month") == (200, 200.0)
    assert _read("Translate 40 pages of ~300 tokens") == (300, None)


def test_pages_without_their_own_size_stay_one_document() -> None:
    assert _read("Summarise a 300-page report")[0] == 199_500
    assert _read("Summarise 300 pages")[0] == 199_500
    assert _read("Summarise a 300-page report of about 500 words a page")[0] == 199_500
