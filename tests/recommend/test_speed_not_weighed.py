"""When the words say someone waits, the answer says speed was not weighed.

New-user review, round 8: "code completion in the IDE for 40 developers, must be fast, they
are waiting on every keystroke" got claude-opus-5 at $2.55 a task with no word that speed
plays no part in the pick: the catalog holds no latency figures, and 'waiting' only rules out
the batch API.
"""

from __future__ import annotations

from tests.recs import make_rec


def test_a_wait_in_the_words_says_speed_is_not_weighed() -> None:
    rec = make_rec("code completion in the IDE for 40 developers, must be fast, they are "
                   "waiting on every keystroke", category="code_generation", difficulty=2.5)
    assert rec.assumptions["user_waits"] is True
    note = next((n for n in rec.recommended.notes if "speed" in n), None)
    assert note is not None, rec.recommended.notes
    assert "'waiting'" in note and "no latency figures" in note


def test_no_wait_said_no_speed_note() -> None:
    rec = make_rec("Tag 10k support tickets nightly", category="classification",
                   difficulty=1.5)
    assert not any("speed" in n for n in rec.recommended.notes)
