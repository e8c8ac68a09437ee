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
    monkeypatch.setenv("COUNCIL_VOTERS", "none")
    # The CLI's wiring is under test here, not the classifier (tests/classifier covers it).
    monkeypatch.setattr("council.classifier_loader.ensure_classifier",
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


def test_cli_voters_are_priced_from_the_catalog(env: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A voter answering on loopback: its vote costs what the catalog's price says, and the
    text output shows that cost (the CLI once loaded voters without a price function)."""
    from council.assembly import open_catalog
    from council.assess.voters.cost import catalog_price_fn
    from council.format import money
    from tests.voters.fake_providers import FakeProviders

    fake = FakeProviders().start()
    try:
        voters = env / "voters.toml"
        voters.write_text(f'[[voter]]\nname = "nano"\nkind = "openai"\n'
                          f'model = "gpt-6-luna"\nbase_url = "{fake.url}/v1"\n'
                          f'key_env = "OPENAI_API_KEY"\n', encoding="utf-8")
        monkeypatch.setenv("OPENAI_API_KEY", fake.keys["openai"])
        task = "Translate product descriptions into German"
        result = CliRunner().invoke(cli, ["recommend", task, "--voters", str(voters), "--json"])
        assert result.exit_code == 0, result.output
        vote = next(v for v in json.loads(result.output)["assessment"]["votes"]
                    if v["voter"] == "nano")
        assert vote["error"] is None and vote["input_tokens"] > 0
        want = catalog_price_fn(open_catalog())("gpt-6-luna", vote["input_tokens"]
                                                - vote["cached_input_tokens"],
                                                vote["cached_input_tokens"], 0,
                                                vote["output_tokens"])
        assert want and vote["cost_usd"] == pytest.approx(want)
        text = CliRunner().invoke(cli, ["recommend", task, "--voters", str(voters)]).output
        line = next(x for x in text.splitlines() if "nano (openai): " in x)
        assert "[cached (asked " in line and line.endswith("($0)")  # the vote cache: no call
        assert len(fake.requests) == 1
        monkeypatch.setenv("COUNCIL_VOTE_CACHE_DAYS", "0")  # asked again, priced again
        text = CliRunner().invoke(cli, ["recommend", task, "--voters", str(voters)]).output
        line = next(x for x in text.splitlines() if "nano (openai): " in x)
        assert line.endswith(f"({money(vote['cost_usd'])})") and money(vote["cost_usd"]) != "$0"
    finally:
        fake.stop()


def test_a_damaged_outcome_model_is_a_warning_unless_named(
        env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As in the app: the default outcome model unreadable -> the catalog answers, with a
    warning; an outcome model named with --outcome-model must read."""
    broken = env / "models" / "outcomes"
    broken.mkdir(parents=True)
    (broken / "meta.json").write_text("{not json")
    monkeypatch.setenv("COUNCIL_ARTIFACTS", str(env / "models"))
    result = CliRunner().invoke(cli, ["recommend", "summarise meeting notes", "--json"])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "council train" in result.stderr
    data = json.loads(result.stdout)
    assert {c["adequacy_source"] for c in data["candidates"]} <= {"catalog", "catalog-estimate"}
    named = CliRunner().invoke(cli, ["recommend", "x", "--outcome-model", str(broken)])
    assert named.exit_code != 0 and "meta.json" in named.output
