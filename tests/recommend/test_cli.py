from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.cli.main import cli

from .conftest import FixedVoteClassifier


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    monkeypatch.setenv("COUNCIL_VOTERS", str(tmp_path / "no-voters.toml"))
    # The CLI's wiring is under test here, not the classifier (tests/classifier covers it).
    monkeypatch.setattr("council.assess.loader.ensure_classifier",
                        lambda *a, **k: FixedVoteClassifier("summarisation", 2.0))
    return tmp_path


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["recommend", "--help"])
    assert result.exit_code == 0 and "Example: council recommend" in result.output


def test_json_output_is_the_full_recommendation(env: Path) -> None:
    result = CliRunner().invoke(cli, ["recommend", "summarise meeting transcripts",
                                      "--runs-per-month", "400", "--output-tokens", "300",
                                      "--reasoning-tokens", "50",
                                      "--needs", "json", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["assumptions"]["runs_per_month"] == 400
    assert data["assumptions"]["output_tokens"] == 300
    assert data["assumptions"]["reasoning_tokens"] == 50
    assert data["recommended"]["model_id"]
    assert data["catalog_version"]


def test_text_summary_and_sample_file(env: Path) -> None:
    sample = env / "sample.md"
    sample.write_text("# Notes\n\n" + "The team agreed to ship on Friday. " * 300,
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["recommend", "summarise meeting notes", "--sample-file",
                                      str(sample), "--batch"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Use ")
    assert "per month" in result.output and "Why:" in result.output
    assert "input tokens counted from sample.md" in result.output


@pytest.mark.parametrize("args, needle", [
    (["x", "--runs-per-month", "1e15"], "runs_per_month"),
    (["x", "--runs-per-month", "nan"], "finite"),
    (["x", "--input-tokens", "-5"], "input_tokens"),
    (["   "], "describe the task"),
    (["x", "--needs", "telepathy"], "unknown capability"),
    (["x", "--providers", "nobody"], "unknown provider"),
    (["x", "--voters", "/nonexistent/voters.toml"], "file not found"),
    (["x", "--sample-file", "/nonexistent/sample.txt"], "not found"),
])
def test_bad_input_is_a_message_and_exit_2(env: Path, args: list[str], needle: str) -> None:
    result = CliRunner().invoke(cli, ["recommend", *args])
    assert result.exit_code == 2, result.output
    assert needle in result.output and "Traceback" not in result.output


def test_no_model_fits_is_reported(env: Path) -> None:
    result = CliRunner().invoke(cli, ["recommend", "read the whole archive",
                                      "--input-tokens", "9000000", "--output-tokens", "10"])
    assert result.exit_code == 0, result.output
    assert "No recommendation" in result.output and "context window" in result.output
