"""Usage page in AppTest: empty state, estimate against actual, the flag, what-if."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from council.catalog.store import init_catalog
from council.config import PROJECT_ROOT
from council.db import open_db
from council.ui.pages.usage import ABSENT, _plain
from council.usage.store import import_file, link_task
from tests.app.conftest import no_exception, page_app
from tests.usage.conftest import LITELLM_JSON, OTLP, otlp_line, span, stored_rec


def test_empty_usage_page(council_home: Path) -> None:
    at = page_app("usage").run()
    no_exception(at)
    assert any("No usage imported yet" in i.value for i in at.info)


def test_import_without_a_file_says_so(council_home: Path) -> None:
    at = page_app("usage").run()
    at.button(key="FormSubmitter:usage_import-Import").click()
    at.run()
    no_exception(at)
    assert any("Choose a usage file first" in e.value for e in at.error), at.error


def test_usage_page_sets_estimates_against_actuals(council_home: Path) -> None:
    db = open_db(council_home / "council.db")
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    import_file(db, OTLP, catalog=catalog)
    import_file(db, LITELLM_JSON, catalog=catalog)
    link_task(db, "ticket-triage", stored_rec(db, per_call=0.0002, per_task=0.0002))
    at = page_app("usage").run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    spent = db.execute("SELECT SUM(usd) FROM usage_records").fetchone()[0]
    assert metrics["Spent"] == f"${spent:,.2f}"
    assert any(_plain("ticket-triage") in e.value and "x" in e.value for e in at.error)
    tasks = at.dataframe[0].value
    order = [t for t, in db.execute("SELECT task FROM usage_records WHERE task IS NOT NULL "
                                    "GROUP BY task ORDER BY SUM(usd) DESC").fetchall()]
    assert list(tasks["task"]) == order and len(order) == 3
    triage = tasks[tasks["task"] == "ticket-triage"].iloc[0]
    assert triage["flag"] == "over" and triage["estimate"] > 0
    models = at.dataframe[1].value
    unknown = models[models["model"] == "acme-llama-3.3-70b-ft"].iloc[0]
    assert not unknown["in catalog"]
    assert any(_plain("acme-llama-3.3-70b-ft") in w.value for w in at.warning)
    at.selectbox(key="usage_whatif_task").set_value("ticket-triage").run()
    no_exception(at)
    model = next(s for s in at.selectbox if s.label == "Model")
    assert model.value == "gpt-5.4-mini"  # the linked recommendation's pick
    variants = at.dataframe[2].value
    assert list(variants["variant"])[:2] == ["as billed", "on gpt-5.4-mini"]
    learned = at.dataframe[3].value
    assert set(learned["category"]) == {"classification"}
    at.number_input(key="usage_factor").set_value(100.0).run()
    no_exception(at)
    assert not any(_plain("ticket-triage") in e.value for e in at.error)


def test_imported_names_are_shown_as_text_not_markup(council_home: Path) -> None:
    db = open_db(council_home / "council.db")
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    path = council_home / "evil.jsonl"
    path.write_text(otlp_line([span("1" * 16, model="[pwn](http://evil.example)",
                                    **{"council.task": "**loud** <b>x</b>"})]) + "\n")
    import_file(db, path, catalog=catalog)
    at = page_app("usage").run()
    no_exception(at)
    shown = " ".join(w.value for w in at.warning)
    assert "\\[pwn\\]\\(http://evil\\.example\\)" in shown and "](http" not in shown


def test_unpriced_usage_is_not_shown_as_zero_dollars(council_home: Path) -> None:
    """30 untagged records of a model the catalog does not know read '$0 of usage carries no
    task attribute' and '$0.0000' actual: money nobody knows, shown as none spent."""
    db = open_db(council_home / "council.db")
    import_file(db, OTLP, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    unpriced = db.execute("SELECT COUNT(*) FROM usage_records WHERE model = "
                          "'acme-llama-3.3-70b-ft'").fetchone()[0]
    assert unpriced == 30
    at = page_app("usage").run()
    no_exception(at)
    caption = next(c.value for c in at.caption if "no task attribute" in c.value)
    assert "$0 of usage" not in caption
    assert f"{unpriced} records carry no task attribute" in caption
    assert f"{unpriced} of them unpriced" in caption
    models = at.dataframe[1].value.set_index("model")
    assert models.loc["acme-llama-3.3-70b-ft", "unpriced records"] == unpriced
    # no price: absent (shown as the table's placeholder, the caption says why), not $0
    assert models.loc["acme-llama-3.3-70b-ft", "actual"] is None or pd.isna(
        models.loc["acme-llama-3.3-70b-ft", "actual"])
    assert at.dataframe[1].proto.placeholder == ABSENT
    assert models.loc["claude-sonnet-4-6", "actual"] > 0.005  # shows as $0.01 or more


def test_a_start_date_after_every_record_is_not_no_usage(council_home: Path) -> None:
    """'Since' set after the last record read 'No usage imported yet: import a file above',
    though 793 records were imported: it now says none is that recent."""
    from datetime import date

    db = open_db(council_home / "council.db")
    import_file(db, OTLP, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    imported = db.execute("SELECT COUNT(*) FROM usage_records").fetchone()[0]
    at = page_app("usage").run()
    at.date_input(key="usage_since").set_value(date(2030, 1, 1)).run()
    no_exception(at)
    infos = [i.value for i in at.info]
    assert not any("No usage imported yet" in i for i in infos), infos
    assert any(f"None of the {imported:,} imported records is from 2030-01-01 or later" in i
               for i in infos), infos


def test_a_tasks_unpriced_calls_are_counted_not_shown_as_spent(council_home: Path) -> None:
    """Round 8: a task with calls on a model the catalog does not know showed only the priced
    calls' dollars as its 'actual' ($0.4253 for ticket-triage, 25 of its calls unpriced), with
    no sign the figure leaves calls out; its row now counts them, and an all-unpriced task's
    actual is blank, not $0."""
    db = open_db(council_home / "council.db")
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    path = council_home / "mixed.jsonl"
    spans = [span(f"{i:016x}", model="gpt-5.4-mini" if i % 2 else "acme-ft-7b",
                  **{"council.task": "triage"}) for i in range(1, 7)]
    spans += [span(f"{i:016x}", model="acme-ft-7b", **{"council.task": "drafts"})
              for i in range(7, 10)]
    path.write_text(otlp_line(spans) + "\n")
    import_file(db, path, catalog=catalog)
    at = page_app("usage").run()
    no_exception(at)
    tasks = at.dataframe[0].value.set_index("task")
    assert tasks.loc["triage", "unpriced records"] == 3
    assert tasks.loc["triage", "actual"] > 0
    assert tasks.loc["drafts", "unpriced records"] == 3
    assert tasks.loc["drafts", "actual"] != tasks.loc["drafts", "actual"]  # NaN: not $0


def test_no_attributed_task_shows_no_empty_task_table(council_home: Path) -> None:
    """Round 8: with no record carrying a task, 'The ten costliest tasks' stood over an empty
    grid; the caption under it says why and what to do."""
    db = open_db(council_home / "council.db")
    path = council_home / "untagged.jsonl"
    path.write_text(otlp_line([span(f"{i:016x}") for i in range(1, 4)]) + "\n")
    import_file(db, path, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    at = page_app("usage").run()
    no_exception(at)
    assert len(at.dataframe) == 1  # by model only
    assert any("3 records carry no task attribute" in c.value for c in at.caption)


def test_what_if_for_an_unlinked_task_does_not_name_a_linked_pick(council_home: Path) -> None:
    """Round 8: for a task linked to no recommendation, the model box read "the linked
    recommendation's pick" (its placeholder), as if one were chosen; the caption below said to
    pick a model."""
    db = open_db(council_home / "council.db")
    path = council_home / "tagged.jsonl"
    path.write_text(otlp_line([span(f"{i:016x}", **{"council.task": "triage"})
                               for i in range(1, 4)]) + "\n")
    import_file(db, path, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    at = page_app("usage").run()
    no_exception(at)
    model = next(s for s in at.selectbox if s.label == "Model")
    assert model.value is None
    assert "linked recommendation" not in (model.placeholder or "")
    assert any("Pick a model" in c.value for c in at.caption)


def test_the_import_message_says_what_the_cli_says(council_home: Path) -> None:
    """Round 8: the page's import message gave the record counts only, while `council usage
    import` says the format and the dollars at catalog prices."""
    from council.format import money
    from council.ui.pages.usage import _imported

    db = open_db(council_home / "council.db")
    result = import_file(db, OTLP, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    said = _imported("spans.jsonl", result)
    assert said.startswith(f"spans\\.jsonl: {result.format}, {result.parsed:,} records read")
    assert f"{money(result.usd)} at catalog prices" in said and result.usd > 0


def test_the_sources_own_cost_is_checked_against_the_catalog(council_home: Path,
                                                             tmp_path: Path) -> None:
    """QA round 15: a LiteLLM log whose spend is 3x the catalog price imported as "$0.50 at
    catalog prices", and LiteLLM's own figure ($1.49) showed nowhere."""
    import json

    db = open_db(council_home / "council.db")
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    rows = json.loads(LITELLM_JSON.read_text())
    for row in rows:
        row["spend"] = (row.get("spend") or 0) * 3
    billed = tmp_path / "billed.json"
    billed.write_text(json.dumps(rows))
    import_file(db, billed, catalog=catalog)
    at = page_app("usage").run()
    no_exception(at)
    said = [w.value for w in at.warning if "source's own cost" in w.value]
    assert said and "3.0x" in said[0], [w.value for w in at.warning]
