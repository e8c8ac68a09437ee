"""QA round 16 on the Usage page (AppTest): what a finance lead met in Chromium."""

from __future__ import annotations

from pathlib import Path

from council.assembly import open_database
from council.catalog.store import init_catalog
from council.config import PROJECT_ROOT
from council.usage.store import import_file, task_links
from tests.app.conftest import no_exception, page_app, seen
from tests.usage.conftest import otlp_line, span, stored_rec


def test_a_task_is_linked_to_its_recommendation_from_the_page(council_home: Path) -> None:
    """No task had an estimate until `council usage link TASK SHARE_ID` was run: the page
    only named the command. The share link as the Recommend page shows it is taken."""
    db = open_database(council_home / "council.db")
    path = council_home / "tagged.jsonl"
    path.write_text(otlp_line([span(f"{i:016x}", **{"council.task": "ticket-triage"})
                               for i in range(1, 4)]) + "\n")
    import_file(db, path, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    share_id = stored_rec(db, per_call=0.0002, per_task=0.0002)
    at = page_app("usage").run()
    no_exception(at)
    assert at.dataframe[0].value["estimate"].isna().all()
    at.selectbox(key="usage_link_task").set_value("ticket-triage")
    at.text_input(key="usage_link_share").input("nonsense")
    at.button(key="FormSubmitter:usage_link-Link").click()
    at.run()
    assert at.error and task_links(db) == {}  # a bad id is said, nothing linked
    at.text_input(key="usage_link_share").input(f"http://127.0.0.1:8501/?r={share_id}")
    at.button(key="FormSubmitter:usage_link-Link").click()
    at.run()
    no_exception(at)
    assert task_links(db) == {"ticket-triage": share_id}
    assert any(share_id in seen(s.value) for s in at.success), [s.value for s in at.success]
    tasks = at.dataframe[0].value
    assert tasks[tasks["task"] == "ticket-triage"].iloc[0]["estimate"] > 0


def test_an_estimate_far_above_the_spend_is_said_with_both_models(council_home: Path) -> None:
    """proj_docs: $212.62 spent against a $1,372.22 estimate (0.15x) had no flag; only
    overruns were flagged, and no row said the estimate priced another model."""
    db = open_database(council_home / "council.db")
    path = council_home / "tagged.jsonl"
    path.write_text(otlp_line([span(f"{i:016x}", **{"council.task": "docs"})
                               for i in range(1, 4)]) + "\n")
    import_file(db, path, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    from council.usage.store import link_task

    link_task(db, "docs", stored_rec(db, model="gpt-4.1", per_call=5.0, per_task=5.0))
    at = page_app("usage").run()
    no_exception(at)
    said = [seen(w.value) for w in at.warning if "docs" in seen(w.value)]
    assert said and "the estimate priced gpt-4.1; the calls ran on" in said[0], said
    assert "times the spend" in said[0]
    assert at.dataframe[0].value.iloc[0]["flag"] == "under"
