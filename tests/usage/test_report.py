"""The report: estimate against actual per task and model, flags, and its JSON through the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from council.cli.main import cli
from council.errors import InvalidInput
from council.usage.report import build_report
from council.usage.store import import_file, link_task
from tests.usage.conftest import LITELLM_JSON, OTLP, stored_rec


def test_estimate_against_actual_and_the_flag(db: Any, catalog: Any) -> None:
    import_file(db, OTLP, catalog=catalog)
    cheap = stored_rec(db, per_call=0.0002, per_task=0.0002)  # below what triage really costs
    link_task(db, "ticket-triage", cheap)
    report = build_report(db, catalog, flag_factor=1.5)
    triage = report.by_task["ticket-triage"]
    t = triage.totals
    assert t.calls == t.runs == 519  # one call per ticket, one trace per call
    assert triage.estimate_usd == pytest.approx(0.0002 * 519)
    assert triage.ratio == pytest.approx(t.usd / (0.0002 * 519))
    assert triage.ratio > 1.5 and [r.task for r in report.flagged] == ["ticket-triage"]
    assert t.cache_hit_rate == pytest.approx(
        t.cache_read_tokens / (t.input_tokens + t.cache_read_tokens))
    review = report.by_task["pr-review-agent"]
    assert review.estimate is None and review.totals.calls_per_run == pytest.approx(244 / 38)
    assert [r.task for r in report.costliest] == ["pr-review-agent", "ticket-triage"]
    assert report.days == 14 and report.per_month == pytest.approx(report.total_usd * 30 / 14)
    assert report.unattributed.records == 30  # the self-hosted model's untagged calls
    relaxed = build_report(db, catalog, flag_factor=100)
    assert relaxed.flagged == []


def test_since_filters_and_bad_values_are_refused(db: Any, catalog: Any) -> None:
    import_file(db, OTLP, catalog=catalog)
    whole = build_report(db, catalog)
    later = build_report(db, catalog, since="2026-11-20")
    assert 0 < later.total.records < whole.total.records and later.days == 4
    with pytest.raises(InvalidInput, match="not a date"):
        build_report(db, catalog, since="last tuesday")
    with pytest.raises(InvalidInput, match="above 0"):
        build_report(db, catalog, flag_factor=0)


def test_report_json_through_the_cli(db: Any, catalog: Any, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db_file = str(tmp_path / "council.db")
    monkeypatch.setenv("COUNCIL_DB", db_file)
    runner = CliRunner()
    out = runner.invoke(cli, ["usage", "import", str(OTLP)])
    assert out.exit_code == 0, out.output
    assert "793 records read: 793 new" in out.output and "acme-llama-3.3-70b-ft" in out.output
    out = runner.invoke(cli, ["usage", "import", str(LITELLM_JSON), "--json"])
    assert json.loads(out.output)["inserted"] == 154
    share = stored_rec(db)
    assert runner.invoke(cli, ["usage", "link", "ticket-triage", share]).exit_code == 0
    out = runner.invoke(cli, ["usage", "report", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"total_usd", "by_model", "by_task", "unknown_models"} <= set(data)
    mini = data["by_model"]["gpt-5.4-mini"]
    assert {"calls", "input_tokens", "output_tokens", "cache_read_tokens", "usd"} <= set(mini)
    calls, usd = db.execute("SELECT SUM(calls), SUM(usd) FROM usage_records "
                            "WHERE model_id = 'gpt-5.4-mini'").fetchone()
    assert mini["calls"] == calls and mini["usd"] == pytest.approx(usd)
    triage = data["by_task"]["ticket-triage"]
    assert {"calls", "usd", "estimate_usd", "ratio"} <= set(triage)
    assert triage["ratio"] == pytest.approx(triage["usd"] / triage["estimate_usd"])
    # 519 traced runs (per task) plus 42 LiteLLM calls outside any run (per call)
    assert (triage["runs"], triage["calls"]) == (519, 561)
    assert triage["estimate_usd"] == pytest.approx(0.0004 * 519 + 0.0004 * 42)
    assert [u["name"] for u in data["unknown_models"]] == ["acme-llama-3.3-70b-ft"]
    assert data["total_usd"] == pytest.approx(sum(m["usd"] for m in data["by_model"].values()))
    text = runner.invoke(cli, ["usage", "report", "--since", "2026-11-15"])
    assert text.exit_code == 0 and "Costliest tasks" in text.output
    bad = runner.invoke(cli, ["usage", "import", str(OTLP), "--format", "openai"])
    assert bad.exit_code == 2 and "looks like OpenTelemetry GenAI spans" in bad.output


def test_negative_money_puts_the_sign_before_the_dollar() -> None:
    from council.cli.usage import _money
    from council.ui.tables import _per_m
    assert _money(-0.0042) == "-$0.0042" and _money(-1234.5) == "-$1,234.50"
    assert _per_m(-2.5) == "-$2.5" and _per_m(3.0) == "$3"
