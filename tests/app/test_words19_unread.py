"""words19, leftover 3: what the workload reader saw and did not turn into a value
(``WorkloadWords.unread``) reaches the page beside the figure it left to a default, in AppTest
with the real classifier, catalog and SQLite. Before, the volume's caption read "At 50,000
tasks a month: a typical volume ..." for a one-off over uncounted rows, and the why was only
in the folded assumptions."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, seen, submit_task


def test_uncounted_rows_are_said_beside_the_volume(council_home: Path) -> None:
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Classify each row of this spreadsheet into one of 8 categories.")
    no_exception(at)
    captions = [seen(c.value) for c in at.caption]
    volume = next(c for c in captions if c.startswith("At "))
    assert "tasks done once" in volume and "each row of this spreadsheet" in volume, volume
    assert "the words do not say how many" in volume
    rows = next(t.value for t in at.table if "assumption" in t.value.columns)
    why = " ".join(seen(w) for w in rows["why"])
    assert "each row of this spreadsheet" in why
