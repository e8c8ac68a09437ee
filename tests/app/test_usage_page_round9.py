"""Usage page, QA round 9: a realistic month of OpenAI and Anthropic usage reports, imported
into a real SQLite file, read as a new user reads the page."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from council.catalog.store import init_catalog
from council.config import PROJECT_ROOT
from council.db import open_db
from council.usage.store import import_file
from tests.app.conftest import no_exception, page_app, seen

START = datetime(2026, 11, 1, tzinfo=UTC)


def _openai_month(path: Path) -> Path:
    """`GET /v1/organization/usage/completions` grouped by model: gpt-5-mini (shut down on
    2026-12-11) and gpt-5.4-mini, 30 daily buckets."""
    buckets = []
    for day in range(30):
        t0 = int((START + timedelta(days=day)).timestamp())
        buckets.append({"object": "bucket", "start_time": t0, "end_time": t0 + 86400,
                        "results": [{"object": "organization.usage.completions.result",
                                     "input_tokens": n * 2100, "output_tokens": n * 180,
                                     "input_cached_tokens": n * 1200, "input_audio_tokens": 0,
                                     "output_audio_tokens": 0, "num_model_requests": n,
                                     "project_id": "proj_support", "user_id": None,
                                     "api_key_id": None, "model": model, "batch": False}
                                    for model, n in (("gpt-5-mini-2025-08-07", 900),
                                                     ("gpt-5.4-mini", 300))]})
    path.write_text(json.dumps({"object": "page", "data": buckets, "has_more": False,
                                "next_page": None}))
    return path


def _anthropic_month(path: Path) -> Path:
    """`GET /v1/organizations/usage_report/messages`: claude-sonnet-4-5 (shut down on
    2026-11-30) and claude-haiku-4-5; the report counts no requests."""
    days = []
    for day in range(30):
        s = START + timedelta(days=day)
        days.append({"starting_at": s.strftime("%Y-%m-%dT00:00:00Z"),
                     "ending_at": (s + timedelta(days=1)).strftime("%Y-%m-%dT00:00:00Z"),
                     "results": [{"uncached_input_tokens": n * 900,
                                  "cache_creation": {"ephemeral_1h_input_tokens": 0,
                                                     "ephemeral_5m_input_tokens": n * 50},
                                  "cache_read_input_tokens": n * 1500, "output_tokens": n * 220,
                                  "server_tool_use": {"web_search_requests": 0},
                                  "api_key_id": None, "workspace_id": "wrkspc_legal",
                                  "model": model, "service_tier": "standard",
                                  "context_window": "0-200k"}
                                 for model, n in (("claude-sonnet-4-5-20250929", 60),
                                                  ("claude-haiku-4-5-20251001", 2000))]})
    path.write_text(json.dumps({"data": days, "has_more": False, "next_page": None}))
    return path


def _imported(home: Path) -> None:
    db = open_db(home / "council.db")
    catalog = init_catalog(db, PROJECT_ROOT / "models_catalog")
    import_file(db, _openai_month(home / "openai.json"), catalog=catalog)
    import_file(db, _anthropic_month(home / "anthropic.json"), catalog=catalog)


def test_models_in_use_that_shut_down_are_named(council_home: Path) -> None:
    """27,000 calls in a month on gpt-5-mini, which shuts down on 2026-12-11, and a month on
    claude-sonnet-4-5, shut down on 2026-11-30: the page said nothing of either."""
    _imported(council_home)
    at = page_app("usage").run()
    no_exception(at)
    warnings = [seen(w.value) for w in at.warning]
    mini = next((w for w in warnings if w.startswith("gpt-5-mini ")), None)
    assert mini is not None and "2026-12-11" in mini and "gpt-6.1-terra" in mini, warnings
    assert ("shuts down on 2026-12-11" in mini if date.today() < date(2026, 12, 11)
            else "was shut down on 2026-12-11" in mini), mini
    sonnet = next(w for w in warnings if w.startswith("claude-sonnet-4-5 "))
    assert "was shut down on 2026-11-30" in sonnet and "calls to it fail" in sonnet, sonnet
    assert not any(w.startswith(("gpt-5.4-mini ", "claude-haiku-4-5 ")) for w in warnings)


def test_the_cli_report_names_them_too(council_home: Path) -> None:
    from click.testing import CliRunner

    from council.cli.main import cli

    _imported(council_home)
    out = CliRunner().invoke(cli, ["usage", "report"])
    assert out.exit_code == 0, out.output
    assert "note: claude-sonnet-4-5 was shut down on 2026-11-30" in out.output, out.output
    assert "note: gpt-5-mini " in out.output


def test_calls_say_which_records_count_none(council_home: Path) -> None:
    """'Calls 37,790' beside a month of Anthropic usage whose report counts no requests: the
    figure left out $141 of usage without a word, and the model table showed 'None' calls and
    token counts such as 52599600."""
    _imported(council_home)
    at = page_app("usage").run()
    no_exception(at)
    calls = next(m.value for m in at.metric if m.label == "Calls")
    assert calls == f"{30 * (900 + 300):,}"
    caption = next(seen(c.value) for c in at.caption if "*Calls* leaves out" in c.value)
    assert "the 60 records of claude-haiku-4-5 ($" in caption and "claude-sonnet-4-5 ($" in caption
    assert "counts no requests" in caption
    models = next(d for d in at.dataframe if "cache read" in d.value.columns)
    config = str(models.proto.columns)
    assert config.count('"format": "localized"') >= 5 or config.count('localized') >= 5, config


def test_an_import_grouped_by_project_says_how_to_attribute_it(council_home: Path) -> None:
    """An OpenAI report grouped by project_id: the page said only '90 records carry no task
    attribute ... Tag calls with council.task', not that project_id would name a task."""
    data = _openai_month(council_home / "openai.json").read_bytes()
    at = page_app("usage").run()
    at.file_uploader(key="usage_file").upload("openai_usage_nov.json", data, "application/json")
    at.button(key="FormSubmitter:usage_import-Import").click()
    at.run()
    no_exception(at)
    assert any("openai_usage_nov.json: openai, 60 records read" in seen(s.value)
               for s in at.success), [s.value for s in at.success]
    hint = next(seen(i.value) for i in at.info if "carry project_id" in seen(i.value))
    assert hint.startswith("60 records with no task carry project_id: import the file again "
                           "with project_id as the task attribute"), hint
    at.text_input(key="usage_attribute").input("project_id")
    at.file_uploader(key="usage_file").upload("openai_usage_nov.json", data, "application/json")
    at.button(key="FormSubmitter:usage_import-Import").click()
    at.run()
    no_exception(at)
    assert not any("carry project_id" in seen(i.value) for i in at.info)
    db = open_db(council_home / "council.db")
    counts = db.execute("SELECT COUNT(*), COUNT(DISTINCT task) FROM usage_records").fetchone()
    assert tuple(counts) == (60, 1)  # updated in place, one task: proj_support
