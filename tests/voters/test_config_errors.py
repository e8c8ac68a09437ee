"""A careless voters file is the operator's error, and loud (issue 15, rows 2 and 3)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.assess.council import assess
from council.assess.voters import VOTERS_OFF_NOTE, read_configs, voters_for_visitors
from council.cli.main import cli
from council.config import paths
from council.doctor import voter_checks
from council.errors import InvalidInput

from .conftest import KeywordClassifier

GOOD = ('[[voter]]\nname = "claude"\nkind = "anthropic"\nmodel = "claude-haiku-4-5"\n'
        'key_env = "TEAM_ANTHROPIC_KEY"\n')


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "voters.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "named"), [
    (GOOD.replace("[[voter]]", "[[voters]]"), "'voters' (did you mean [[voter]]?)"),
    (GOOD + "temperature = 0.2\n", "voter claude: unknown field 'temperature'"),
    ("timeout = 3\n" + GOOD, "unknown table or key 'timeout'"),
])
def test_unknown_table_or_field_is_an_error_naming_it(tmp_path: Path, text: str,
                                                      named: str) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(InvalidInput) as caught:
        read_configs(path)
    assert named in str(caught.value) and str(path) in str(caught.value)


def test_a_missing_file_named_by_council_voters_is_reported(tmp_path: Path,
                                                             monkeypatch) -> None:
    missing = tmp_path / "typo-voters.toml"
    monkeypatch.setenv("COUNCIL_VOTERS", str(missing))
    assert paths().voters_file == missing
    (check,) = voter_checks()
    assert not check.ok and str(missing) in check.detail and "COUNCIL_VOTERS" in check.fix
    monkeypatch.setattr("council.classifier_loader.ensure_classifier",
                        lambda *a, **k: KeywordClassifier())
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    result = CliRunner().invoke(cli, ["recommend", "translate a menu", "--json"])
    assert result.exit_code == 2 and f"voters file not found: {missing}" in result.output


def test_council_voters_none_means_no_voters(monkeypatch) -> None:
    monkeypatch.setenv("COUNCIL_VOTERS", "none")
    assert paths().voters_file is None


def test_a_broken_file_drops_the_voters_with_a_note_never_blocks(tmp_path: Path,
                                                                 caplog) -> None:
    path = _file(tmp_path, GOOD.replace("[[voter]]", "[[voters]]"))
    with caplog.at_level(logging.ERROR):
        voters = voters_for_visitors(path, secrets={"TEAM_ANTHROPIC_KEY": "x" * 20})
    assert list(voters) == [] and "did you mean [[voter]]" in voters.problem
    assert "LLM voters are off" in caplog.text and str(path) in caplog.text
    result = assess("translate a menu", classifier=KeywordClassifier(), voters=voters)
    assert VOTERS_OFF_NOTE in result.notes
    assert not any("no API keys" in n for n in result.notes)
    assert str(path) not in " ".join(result.notes)  # the visitor sees no server path


def test_doctor_names_missing_keys_and_never_prints_one(tmp_path: Path, monkeypatch) -> None:
    key = "team-secret-value-123456"
    _file(tmp_path, GOOD + GOOD.replace('"claude"', '"proxy"').replace("ANTHROPIC", "PROXY"))
    monkeypatch.setenv("COUNCIL_VOTERS", str(tmp_path / "voters.toml"))
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
    monkeypatch.setenv("COUNCIL_ARTIFACTS", str(tmp_path / "no-models"))
    monkeypatch.setenv("COUNCIL_SECRETS", str(tmp_path / "secrets.toml"))
    monkeypatch.setenv("TEAM_ANTHROPIC_KEY", key)
    monkeypatch.delenv("TEAM_PROXY_KEY", raising=False)
    result = CliRunner().invoke(cli, ["doctor", "--json"])
    assert result.exit_code == 1, result.output
    checks = {c["name"]: c for c in json.loads(result.output)["checks"]}
    assert checks["key for claude"]["ok"] and checks["voters file"]["ok"]
    assert not checks["key for proxy"]["ok"] and "TEAM_PROXY_KEY" in checks["key for proxy"]["fix"]
    assert checks["database"]["ok"] and checks["catalog"]["ok"]
    assert not checks["classifier"]["ok"] and "council init" in checks["classifier"]["fix"]
    assert key not in result.output
    text = CliRunner().invoke(cli, ["doctor"])
    assert text.exit_code == 1 and "PROBLEM key for proxy" in text.output
    assert "2 problem(s)" in text.output
