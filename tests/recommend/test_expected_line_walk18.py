"""User QA 18: a one-off's expected-cost line read "($66.89 for the 50,000 tasks, once with
failures counted)"; the period now ends the bracket."""

from __future__ import annotations

from council import present
from tests.recs import make_rec


def test_a_one_offs_expected_line_reads_plainly() -> None:
    rec = make_rec("Tag every line of this CSV as spam or not spam.",
                   category="classification", difficulty=1.5)
    line = present.expected_line(rec) or ""
    assert "once with failures" not in line, line
    assert "(with failures counted, $" in line and "tasks, once)" in line, line
