"""`council serve` says at start what the operator must fix about the voters, before any
visitor meets it: a missing key, and (new) a voter whose model the catalog says is shut down."""

from __future__ import annotations

from pathlib import Path

import pytest

from council.cli.serve import _report_voter_problems

RETIRED = """
[[voter]]
name = "gpt-4.1-nano"
kind = "openai"
model = "gpt-4.1-nano"
base_url = "https://api.openai.com/v1"
key_env = "OPENAI_API_KEY"
"""


def test_a_shut_down_voter_model_is_said_at_start(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    voters = tmp_path / "voters.toml"
    voters.write_text(RETIRED, encoding="utf-8")
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_VOTERS", str(voters))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-dummy-not-used")  # the key is fine; the model is not
    _report_voter_problems()
    err = capsys.readouterr().err
    assert ("council: model for gpt-4.1-nano: its model gpt-4.1-nano was shut down on "
            "2026-10-23 (the catalog's date); the voter is skipped. Fix: name a current model "
            "in the voters file") in err, err
    assert "key for gpt-4.1-nano" not in err


def test_no_voters_file_says_nothing(tmp_path: Path, capsys: pytest.CaptureFixture,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_VOTERS", "none")
    _report_voter_problems()
    assert capsys.readouterr().err == ""
