"""Decision QA 16: a failure whose cost is work done again, with no figure, is said."""

from __future__ import annotations

import pytest

from council.money_words import read_money


@pytest.mark.parametrize("text", [
    "Extract fields from 10,000 scanned invoices in one nightly batch; if the output is bad "
    "we'd have to re-run the whole batch.",
    "When a summary is wrong, someone has to redo it from the source.",
])
def test_work_done_again_is_said(text: str) -> None:
    m = read_money(text)
    assert m.failure is None and any("gives no dollar figure" in u for u in m.unread), m.unread


def test_a_task_about_re_runs_is_not() -> None:
    assert read_money("Fix the bug where failed jobs must re-run twice.").unread == ()
