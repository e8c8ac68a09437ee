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


def test_two_figures_set_against_each_other_never_read_the_same() -> None:
    """Finding 8: "$0.011 expected a task against the pick's $0.011" (brand tweets). One
    rule: the digits that tell them apart, or "the same" when they are equal as shown."""
    from council.format import money_apart
    from council.recommend import expected_against_pick

    assert money_apart(0.01124, 0.01141) == ("$0.0112", "$0.0114")
    assert money_apart(0.92, 1.0) == ("$0.92", "$1.00")  # apart already: as ``money`` reads
    assert expected_against_pick(0.01124, 0.01141).startswith(
        "$0.0112 expected a task against the pick's $0.0114")
    assert expected_against_pick(0.011, 0.011).startswith(
        "the same $0.011 expected a task as the pick")


def test_an_alternatives_p_reads_as_its_why_reads_it() -> None:
    """Finding 8: "81%" in the P(adequate) column beside "P(adequate) 81.0%" in its why
    (contracts): the cell sets the P against the pick's with the why's digits."""
    import dataclasses

    from council.recommend import Alternative

    rec = make_rec("Review supplier contracts for risky clauses", category="extraction")
    pick = dataclasses.replace(rec.recommended, p_adequate=0.8096)
    safer = Alternative("safer_dearer", "some-model", 0.8104, pick.cost,
                        "P(adequate) 81.04% against the pick's 80.96%")
    rec = dataclasses.replace(rec, recommended=pick, alternatives=[safer])
    row = present.alternative_rows(rec)[0]
    assert row["P(adequate)"] == "81.04%"
    assert "P(adequate) 81.04%, " in present.to_text(rec)
