"""`council usage report` in text says what the page says: a start date after every record is
not "no usage imported", and untagged records with no price are not "$0.0000"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from council.cli.main import cli
from tests.usage.conftest import OTLP


def test_since_after_every_record_and_unpriced_untagged(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    runner = CliRunner()
    assert runner.invoke(cli, ["usage", "import", str(OTLP)]).exit_code == 0
    out = runner.invoke(cli, ["usage", "report", "--since", "2030-01-01"])
    assert out.exit_code == 0, out.output
    assert "No usage imported yet" not in out.output
    assert ("None of the 793 imported records is from 2030-01-01 or later: give an earlier "
            "--since") in out.output
    out = runner.invoke(cli, ["usage", "report"])
    untagged = next(line for line in out.output.splitlines() if "(no task attribute)" in line)
    assert "$0.0000" in untagged and "30 records, 30 unpriced" in untagged, untagged
    acme = next(line for line in out.output.splitlines() if "acme-llama" in line
                and "calls" in line)
    assert "$0.0000" not in acme and "unpriced" in acme, acme


def test_a_tasks_unpriced_calls_are_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 8: 'ticket-triage  $0.4253 / n/a' counted only the priced calls, 25 of its calls
    being on a model the catalog does not know; the line now says how many are unpriced."""
    from tests.usage.conftest import otlp_line, span

    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    path = tmp_path / "mixed.jsonl"
    spans = [span(f"{i:016x}", model="gpt-5.4-mini" if i % 2 else "acme-ft-7b",
                  **{"council.task": "triage"}) for i in range(1, 7)]
    spans += [span(f"{i:016x}", model="acme-ft-7b", **{"council.task": "drafts"})
              for i in range(7, 10)]
    path.write_text(otlp_line(spans) + "\n")
    runner = CliRunner()
    assert runner.invoke(cli, ["usage", "import", str(path)]).exit_code == 0
    out = runner.invoke(cli, ["usage", "report"]).output
    triage = next(line for line in out.splitlines() if line.strip().startswith("triage"))
    assert "3 of 6 records unpriced: at least this" in triage, triage
    drafts = next(line for line in out.splitlines() if line.strip().startswith("drafts"))
    assert "$0.0000" not in drafts and "unpriced" in drafts, drafts
