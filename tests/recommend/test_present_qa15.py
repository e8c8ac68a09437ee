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


def test_a_one_off_says_for_this_task_not_a_month() -> None:
    """Finding 7: a one-off refactor said "this saves $0.051 a month" and advised the batch
    API for $0.058 "a month"; a monthly task still reads "a month"."""
    rec = make_rec("One-off: refactor our 3-file Python payments module (about 1,200 lines)",
                   category="code_review", difficulty=2.6, sd=0.8)
    said = [present.saving_line(rec) or "", present.advice_markdown(rec), present.to_text(rec),
            *rec.explanation]
    assert "saves" in said[0] and rec.advice
    assert all(" a month" not in line for line in said[:2]), said[:2]
    assert said[0].endswith("for this task**.")
    assert "(saves $" in said[1] and "for this task)" in said[1]
    assert "this saves" in said[2] and "for this task, this saves" in said[2]
    assert any(line.endswith("for this task.") and "this saves" in line for line in said[3:])
    monthly = make_rec("Refactor our Python modules", category="code_review",
                       difficulty=2.6, runs_per_month=40)
    assert (present.saving_line(monthly) or "").endswith(" a month**.")
