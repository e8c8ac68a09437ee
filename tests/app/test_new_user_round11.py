"""QA round 11: a Swedish nightly job that the classifier half reads as agentic is priced as
one call a task on the page, and the assumption says why (AppTest with the real classifier,
catalog, recommendation and SQLite)."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, seen, submit_task

NIGHTLY = ("Varje natt ska vi sammanfatta cirka 2 000 kundsamtal (ca 10 minuter långa) och "
           "skicka en rapport till säljchefen. Max 500 kr i månaden.")


def test_a_nightly_job_with_no_loop_is_one_call_a_task(council_home: Path) -> None:
    at = submit_task(page_app("recommend", timeout=300).run(), NIGHTLY)
    no_exception(at)
    table = next(t.value for t in at.table if "assumption" in t.value.columns)
    rows = {seen(r["assumption"]): r for _, r in table.iterrows()}
    calls = rows["calls per task"]
    # 14 before (agentic 0.48 from the classifier: its 15 calls in the mix), $3,178 a month
    assert seen(str(calls["value"])) == "1", calls
    why = seen(calls["why"])
    if "agentic" in why:  # the classifier's mix still names agentic
        assert "counted as one call: a job your words send to the batch API" in why, why
    infos = [seen(i.value) for i in at.info]
    assert any(i.startswith("Your ceiling, $50.88 a month") for i in infos), infos
