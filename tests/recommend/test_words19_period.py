"""words19, leftover 2: the "safer, dearer" alternative said "for $6.73 more a month" for a
one-off; it now says the workload's period as the rest of the answer does
(``workload.period_words``)."""

from __future__ import annotations

import pytest

from tests.recs import make_rec


@pytest.mark.parametrize(("text", "category", "period"), [
    ("Our sheet has 12,000 rows; classify each row into one of 8 categories.", "classification",
     "more for the 12,000 tasks, once"),
    ("One-off: refactor our 3-file Python payments module (about 1,200 lines)", "code_review",
     "more for this task"),
    ("Tag about 3,000 support tickets a month by urgency", "classification", "more a month"),
])
def test_the_safer_dearer_line_says_the_workloads_period(text: str, category: str,
                                                          period: str) -> None:
    rec = make_rec(text, category=category)
    safer = [a for a in rec.alternatives if a.role == "safer_dearer"]
    assert safer, rec.alternatives
    assert period in safer[0].why
