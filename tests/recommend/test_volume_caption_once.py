"""The hint under a typical volume does not tell a batch done once to type 1.

New-user review, round 8: "Parse 10,000 resumes into JSON ..., once" was priced at the
category's 10,000 a month with "Give yours in 'Tasks / month' (1 for a one-off)": typing 1
would price one resume, not the 10,000 done once.
"""

from __future__ import annotations

from council import present
from tests.recs import make_rec


def test_the_hint_counts_the_items_of_a_job_done_once() -> None:
    rec = make_rec("Parse the resumes in our shared folder into JSON (name, email, skills), once",
                   category="extraction", difficulty=1.5)
    caption = present.volume_caption(rec)
    assert caption is not None and "typical volume" in caption
    assert "(1 for a one-off)" not in caption
    assert "a job done once: its number of items" in caption


def test_a_one_off_that_counts_its_items_says_so_beside_the_month() -> None:
    """words9: "Parse 10,000 resumes ..., once" is 10,000 tasks done once, not the category's
    monthly volume, and the caption under "Per month" says it is a one-off."""
    rec = make_rec("Parse 10,000 resumes into JSON (name, email, skills), once",
                   category="extraction", difficulty=1.5)
    caption = present.volume_caption(rec)
    assert caption is not None and caption.startswith(
        "At 10,000 tasks done once (a one-off, priced as one month), from your words")
    assert "typical volume" not in caption
