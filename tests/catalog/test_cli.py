"""`council price` and `council catalog ...`: help, JSON shapes, edit/log/revert round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.catalog.editors import hash_password
from council.cli.main import cli

CATALOG_COMMANDS = [["price"], ["catalog"], ["catalog", "list"], ["catalog", "show"],
                    ["catalog", "edit"], ["catalog", "log"], ["catalog", "revert"],
                    ["catalog", "hash-password"], ["catalog", "versions"], ["catalog", "import"],
                    ["catalog", "sync"], ["catalog", "sync", "show"], ["catalog", "sync", "decide"],
                    ["catalog", "export"], ["catalog", "add"]]


@pytest.fixture()
def env(tmp_path: Path, catalog_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[catalog.editors]\nalice = "{hash_password("pw", iterations=1000)}"\n')
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    monkeypatch.setenv("COUNCIL_CATALOG_DIR", str(catalog_dir))
    monkeypatch.setenv("COUNCIL_SECRETS", str(secrets))
    monkeypatch.setenv("COUNCIL_EDITOR_PASSWORD", "pw")
    return tmp_path


def _run(*args: str) -> object:
    result = CliRunner().invoke(cli, list(args))
    return result


@pytest.mark.parametrize("path", CATALOG_COMMANDS)
def test_help_has_an_example(path: list[str]) -> None:
    result = _run(*path, "--help")
    assert result.exit_code == 0 and "Example" in result.output


def test_price_json_shape(env: Path) -> None:
    result = _run("price", "claude-opus-4-7", "--input-tokens", "100000",
                  "--cache-read-tokens", "50000", "--cache-write-tokens", "1000",
                  "--output-tokens", "2000", "--batch", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("usd", "input", "cache_read", "cache_write_5m", "cache_write_1h", "output",
                "reasoning", "total", "rates", "tier_threshold", "price_effective_from", "batch"):
        assert key in data
    expected = (100_000 * 5 + 50_000 * 0.5 + 1_000 * 6.25 + 2_000 * 25) / 1e6 / 2
    assert data["usd"] == pytest.approx(expected)


def test_price_text_and_unknown_model(env: Path) -> None:
    ok = _run("price", "gemini-2.5-pro", "--input-tokens", "250000", "--output-tokens", "10")
    assert ok.exit_code == 0 and "long-context tier" in ok.output
    bad = _run("price", "gpt-99", "--input-tokens", "1")
    assert bad.exit_code == 2 and "unknown model" in bad.output


def test_list_json_has_every_model_with_all_fields(env: Path) -> None:
    result = _run("catalog", "list", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["frontier_default"] == "claude-opus-5-5" and len(data["version"]) == 16
    assert len(data["models"]) >= 40
    first = data["models"][0]
    for key in ("id", "provider", "api_id", "aliases", "status", "deprecation_date",
                "context_window", "max_output", "input_modalities", "tools",
                "structured_output", "reasoning", "reasoning_efforts", "prompt_caching",
                "batch_api", "tokenizer", "token_ratio", "prices", "quality", "vision",
                "stale", "revision"):
        assert key in first, key


def test_edit_log_revert_round_trip(env: Path) -> None:
    edited = _run("catalog", "edit", "gpt-5", "max_output", "64000", "--editor", "alice",
                  "--reason", "docs", "--json")
    assert edited.exit_code == 0, edited.output
    audit_id = json.loads(edited.output)["id"]
    shown = json.loads(_run("catalog", "show", "gpt-5", "--json").output)
    assert shown["max_output"] == 64000
    log = json.loads(_run("catalog", "log", "--model", "gpt-5", "--json").output)
    assert log[0]["id"] == audit_id and log[0]["editor"] == "alice"
    undone = _run("catalog", "revert", str(audit_id), "--editor", "alice", "--reason", "oops",
                  "--json")
    assert undone.exit_code == 0, undone.output
    assert json.loads(_run("catalog", "show", "gpt-5", "--json").output)["max_output"] == 128000


def test_edit_with_wrong_password_is_refused(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNCIL_EDITOR_PASSWORD", "nope")
    result = _run("catalog", "edit", "gpt-5", "max_output", "1", "--editor", "alice",
                  "--reason", "x")
    assert result.exit_code == 2 and "password" in result.output


def test_stale_expected_revision_is_a_conflict(env: Path) -> None:
    result = _run("catalog", "edit", "gpt-5", "max_output", "64000", "--editor", "alice",
                  "--reason", "docs", "--expected-revision", "0")
    assert result.exit_code == 2 and "saved by" in result.output


def test_price_before_the_first_price_is_an_error(env: Path) -> None:
    result = _run("price", "gpt-5", "--input-tokens", "10", "--date", "2020-01-01")
    assert result.exit_code == 2 and "no price" in result.output


def test_versions_json_marks_the_current_one(env: Path) -> None:
    _run("catalog", "edit", "gpt-5", "max_output", "64000", "--editor", "alice", "--reason", "x")
    rows = json.loads(_run("catalog", "versions", "--json").output)
    assert len(rows) == 2 and [r["current"] for r in rows] == [False, True]
    assert {"version", "created_at", "origin"} <= set(rows[0])


def test_price_with_service_tier_and_peak_hour(env: Path) -> None:
    peak = _run("price", "deepseek-flash", "--input-tokens", "1000000", "--at",
                "2026-12-01T02:30", "--json")
    off = _run("price", "deepseek-flash", "--input-tokens", "1000000", "--at",
               "2026-12-01T12:30", "--json")
    assert peak.exit_code == 0 and off.exit_code == 0, peak.output + off.output
    assert json.loads(peak.output)["peak"] and not json.loads(off.output)["peak"]
    assert json.loads(peak.output)["usd"] == 2 * json.loads(off.output)["usd"]
    flex = _run("price", "gpt-6.1-sol", "--input-tokens", "1000", "--service-tier", "flex",
                "--json")
    assert json.loads(flex.output)["service_tier"] == "flex"
    refused = _run("price", "claude-opus-5-5", "--input-tokens", "1000", "--service-tier", "flex")
    assert refused.exit_code != 0 and "no flex service tier" in refused.output


def test_sync_decide_and_export_from_the_cli(env: Path, tmp_path: Path) -> None:
    litellm = tmp_path / "l.json"
    litellm.write_text(json.dumps({"claude-opus-4-6": {
        "litellm_provider": "anthropic", "mode": "chat", "max_output_tokens": 96000}}))
    proposed = _run("catalog", "sync", "--litellm", str(litellm), "--json")
    assert proposed.exit_code == 0, proposed.output
    # Only the file's own proposal: a catalog model past its shutdown date on the day the test
    # runs is proposed for retirement too, from the catalog's own date, not from the file.
    keys = [c["key"] for c in json.loads(proposed.output)["changes"]
            if "catalog shutdown_date" not in c["sources"]]
    assert keys == ["claude-opus-4-6:max_output"]
    decided = _run("catalog", "sync", "decide", "accept", keys[0], "--editor", "alice",
                   "--reason", "provider docs say 96k")
    assert decided.exit_code == 0 and "accepted claude-opus-4-6:max_output" in decided.output
    shown = _run("catalog", "show", "claude-opus-4-6", "--json")
    assert json.loads(shown.output)["max_output"] == 96000
    again = _run("catalog", "sync", "decide", "reject", keys[0], "--editor", "alice",
                 "--reason", "late")
    assert again.exit_code != 0 and "already accepted by alice" in again.output
    out = tmp_path / "exported"
    exported = _run("catalog", "export", "--dir", str(out))
    assert exported.exit_code == 0, exported.output
    assert "max_output: 96000" in (out / "anthropic.yaml").read_text()


def test_price_of_a_model_past_its_shutdown_says_so(env: Path, catalog_dir: Path) -> None:
    """Round 8: `council price gpt-5` (shutting down on 2026-12-11, 10 days from the review)
    printed a price with no word of it; a model past its date was priced the same way."""
    from datetime import date

    from council.catalog.availability import days_left
    from council.catalog.loader import load_catalog_dir

    gone = next(m for m in load_catalog_dir(catalog_dir).models
                if (days_left(m, date.today()) or 1) <= 0)
    text = _run("price", gone.id, "--input-tokens", "1000")
    assert text.exit_code == 0, text.output
    assert f"note: {gone.id} was shut down on {gone.shutdown_date.isoformat()}" in text.output
    data = json.loads(_run("price", gone.id, "--input-tokens", "1000", "--json").output)
    assert any("shut down" in n for n in data["notes"])
