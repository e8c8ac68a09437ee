"""User QA round 15, findings 7-9: how the answer's figures read (council.present, format)."""

from __future__ import annotations

from council import present
from tests.recs import make_rec


def test_a_count_reads_as_the_headline_reads_it() -> None:
    """Finding 9: *Assumptions used* showed "runs per month 2,166.67" under a headline of
    2,167 tasks a month ("jede Woche etwa 500")."""
    rec = make_rec("Extract fields from supplier invoices", category="extraction",
                   runs_per_month=500 * 52 / 12)
    caption = present.volume_caption(rec)
    row = next(r for r in present.assumption_rows(rec) if r["assumption"] == "runs per month")
    assert caption is not None and caption.startswith("At 2,167 tasks a month")
    assert row["value"] == "2,167"
    assert "runs_per_month = 2,167 " in present.to_text(rec)
