"""words12: the form's "Batch is fine" toggle counts as batch words would. A job the user sends
to the batch API, whose words name no loop, prices agentic's share as one call a task (the
rule of QA round 11 took only the words: the toggle left 4 calls). AppTest with the real
classifier, catalog, recommendation and SQLite."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, seen

# The Swedish nightly job of QA round 11 without "varje natt": no batch words, no loop words;
# the page's reading (2026-12-01) mixes summarisation, agentic, writing and support
# 51/18/18/13%, so its mix priced 4 calls a task.
TEXT = ("Vi ska sammanfatta cirka 2 000 kundsamtal (ca 10 minuter långa) och skicka en rapport "
        "till säljchefen.")


def _calls(batch: bool) -> tuple[str, str]:
    at = page_app("recommend", timeout=300).run()
    at.text_area(key="description").input(TEXT)
    at.toggle(key="batch").set_value(batch)
    at.button(key="FormSubmitter:task_form-Recommend").click()
    at.run()
    no_exception(at)
    table = next(t.value for t in at.table if "assumption" in t.value.columns)
    rows = {seen(r["assumption"]): r for _, r in table.iterrows()}
    calls = rows["calls per task"]
    return seen(str(calls["value"])), seen(calls["why"])


def test_the_batch_toggle_counts_as_batch_words(council_home: Path) -> None:
    value, why = _calls(batch=True)
    assert value == "1", why  # 4 before: the toggle did not count
    if "agentic" in why:  # the classifier's mix still names agentic
        assert "counted as one call: a job you send to the batch API (your choice)" in why, why


def test_without_the_toggle_the_mix_stands(council_home: Path) -> None:
    value, why = _calls(batch=False)
    assert int(value) > 1 and "counted as one call" not in why, (value, why)
