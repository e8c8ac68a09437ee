"""A P(adequate) just under the quality floor never reads as the floor itself.

New-user review, round 8: "code completion in the IDE for 40 developers" got "No model ...
reaches P(adequate) >= 75% for this task; the most adequate is claude-opus-5 at 75%", a
headline "P(adequate) 75%" under "No model clears the quality floor", and "the pick's
P(adequate) 75% is already under the 75% floor": P was 0.747, rounded to the bar.
"""

from __future__ import annotations

import re

import pytest

from council import present
from council.format import percent_beside
from tests.recs import make_rec


def test_percent_beside_a_bar() -> None:
    assert percent_beside(0.747, 0.75) == "74.7%"
    assert percent_beside(0.7499, 0.75) == "74.99%"
    assert percent_beside(0.749999, 0.75) == "under 75%"
    assert percent_beside(0.75, 0.75) == "75%"
    assert percent_beside(0.753, 0.75) == "75%"  # over the bar: the whole percentage is right
    assert percent_beside(0.74, 0.75) == "74%"
    assert percent_beside(0.9, 0.0) == "90%"


def _just_under_the_floor():
    """A real answer whose most adequate model sits in [74.5%, 75%) under the 75% floor."""
    for i in range(400):
        rec = make_rec("t", category="agentic", difficulty=round(3.5 + i * 0.005, 3), sd=0.5)
        if rec.recommended is not None and 0.745 <= rec.recommended.p_adequate < 0.75:
            return rec
    pytest.fail("no difficulty puts the most adequate model just under 75%")


def test_no_fit_answer_does_not_say_the_floor_is_reached() -> None:
    rec = _just_under_the_floor()
    pick = rec.recommended
    shown = percent_beside(pick.p_adequate, 0.75)
    assert shown != "75%" and not rec.decision.floor_met
    assert f"the most adequate is {pick.model_id} at {shown}." in rec.no_fit
    assert f"most likely to succeed at P {shown} (" in rec.no_fit
    assert not re.search(r"\bat 75%|\bP 75%", rec.no_fit), rec.no_fit
    metrics = {m.label: m.value for m in present.headline_metrics(pick, rec.quality_bar)}
    assert metrics["P(adequate)"] == shown
    for row in present.alternative_rows(rec):
        assert row["P(adequate)"] != "75%"
    assert f"P(adequate) {shown}" in present.to_text(rec)
    assert f"P(adequate) {shown}" in present.to_markdown("id", "now", rec)
    for note in pick.notes:  # "advice left out: ... the pick's P(adequate) X is already under"
        assert "75% is already under" not in note
