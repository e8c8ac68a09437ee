"""Decision QA 16 (docs/recommendation.md): a one-off's page heads its figures "for the job"."""

from __future__ import annotations

import re
from pathlib import Path

from tests.app.conftest import no_exception, page_app, submit_task


def test_a_one_off_page_says_no_per_month(council_home: Path) -> None:
    """"Translate this one ... just once": the sentences said "for this task", but the metric
    read "Per month", the tables "per month" and the expected cost "$8.25 a month"."""
    at = submit_task(page_app("recommend").run(),
                     "Translate this one 40-page supplier contract into German, just once.")
    no_exception(at)
    shown = [f"{m.label}={m.value}" for m in at.metric]
    shown += [str(e.value) for kind in (at.caption, at.markdown, at.info) for e in kind]
    shown += [str(c) for df in at.dataframe for c in df.value.columns]
    assert not [s for s in shown if re.search(r"(?i)\bper month\b|\ba month with\b", s)], shown
    assert any(m.label == "For the job" for m in at.metric), [m.label for m in at.metric]
