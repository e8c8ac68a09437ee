"""A voter whose model the catalog says is shut down is skipped with its date, in every view;
one shutting down soon is kept, and `council doctor` warns."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.assembly import open_voters
from council.assess.voters import read_configs
from council.assess.voters.lifecycle import ShutdownGuard, retired_check, shutdown_soon
from council.catalog.loader import load_catalog_dir
from council.catalog.model import Catalog
from council.cli.main import cli
from council.config import PROJECT_ROOT

from .conftest import KeywordClassifier
from .fake_providers import FakeProviders

EXAMPLE = PROJECT_ROOT / "voters.example.toml"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog_dir(PROJECT_ROOT / "models_catalog")


def _config(tmp_path: Path, model: str, base_url: str = "http://127.0.0.1:9/v1"):
    path = tmp_path / "voters.toml"
    path.write_text(f'[[voter]]\nname = "v"\nkind = "openai"\nmodel = "{model}"\n'
                    f'base_url = "{base_url}"\nkey_env = "OPENAI_API_KEY"\n', encoding="utf-8")
    return path, read_configs(path)[0]


def test_the_shutdown_date_is_the_line(tmp_path, catalog) -> None:
    _, config = _config(tmp_path, "gpt-5-nano")  # the catalog: shutdown 2026-12-11
    check = retired_check(catalog, date(2026, 12, 10))
    assert check(config) is None
    why = retired_check(catalog, date(2026, 12, 11))(config)
    assert why and "gpt-5-nano was shut down on 2026-12-11" in why and "voters file" in why
    assert "2026-12-11" in (shutdown_soon(config, catalog, date(2026, 12, 1)) or "")
    assert shutdown_soon(config, catalog, date(2026, 10, 1)) is None  # 71 days: no warning


def test_a_model_the_catalog_does_not_know_is_left_alone(tmp_path, catalog) -> None:
    _, config = _config(tmp_path, "my-local-llama")
    assert retired_check(catalog, date(2030, 1, 1))(config) is None
    assert shutdown_soon(config, catalog, date(2030, 1, 1)) is None


def test_the_default_voters_outlive_the_warning_window(catalog) -> None:
    """The defaults a new team copies must not be shut down or about to be today."""
    for config in read_configs(EXAMPLE):
        assert retired_check(catalog, date.today())(config) is None, config.name
        assert shutdown_soon(config, catalog, date.today()) is None, config.name


def test_a_retired_voter_is_never_asked_and_the_cli_says_why(tmp_path, monkeypatch) -> None:
    """gpt-4.1-nano was shut down on 2026-10-23: the council goes on without it, spends
    nothing on it, and both the CLI and `council doctor` name the date."""
    fake = FakeProviders().start()
    try:
        voters, _ = _config(tmp_path, "gpt-4.1-nano", f"{fake.url}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", fake.keys["openai"])
        monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "council.db"))
        # The voters' wiring is under test, not the classifier (tests/classifier covers it).
        monkeypatch.setattr("council.classifier_loader.ensure_classifier",
                            lambda *a, **k: KeywordClassifier())
        result = CliRunner().invoke(cli, ["recommend", "Summarise meeting transcripts",
                                          "--voters", str(voters)])
        assert result.exit_code == 0, result.output
        assert "warning: voter v: skipped, its model gpt-4.1-nano was shut down on 2026-10-23" \
            in result.output
        assert fake.requests == []
        answer = CliRunner().invoke(cli, ["recommend", "Summarise meeting transcripts",
                                          "--voters", str(voters), "--json"])
        notes = json.loads(answer.stdout)["assessment"]["notes"]
        assert "every LLM voter was skipped: the local classifier alone is the council" in notes
        assert not any("no API keys" in n for n in notes), notes
        monkeypatch.setenv("COUNCIL_VOTERS", str(voters))
        doctor = CliRunner().invoke(cli, ["doctor", "--json"])
        checks = {c["name"]: c for c in json.loads(doctor.output)["checks"]}
        assert not checks["model for v"]["ok"] and "2026-10-23" in checks["model for v"]["detail"]
        assert "voters file" in checks["model for v"]["fix"] and doctor.exit_code == 1
    finally:
        fake.stop()


def test_a_council_opened_before_the_shutdown_stops_asking_on_the_day(tmp_path, monkeypatch,
                                                                      catalog) -> None:
    """The app keeps one council open for days: a voter whose model shuts down while it is
    open is skipped from that day, cached answers included, with the date and the fix."""
    fake = FakeProviders().start()
    try:
        ends = date.today() + timedelta(days=3)
        dated = Catalog(models=tuple(m.model_copy(update={"shutdown_date": ends})
                                     if m.id == "gpt-5-nano" else m for m in catalog.models),
                        meta=catalog.meta)
        voters_file, _ = _config(tmp_path, "gpt-5-nano", f"{fake.url}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", fake.keys["openai"])
        voters = open_voters(voters_file, dated, cache_db=tmp_path / "council.db")
        [guard] = voters
        assert isinstance(guard, ShutdownGuard) and voters.skipped == []
        assert guard.vote("Summarise meeting transcripts", 5.0).ok
        assert guard.vote("Summarise meeting transcripts", 5.0).cached
        assert len(fake.requests) == 1
        guard.today = lambda: ends  # the same open council, on the shutdown day
        for text in ("Summarise meeting transcripts", "Translate a user manual"):
            vote = guard.vote(text, 5.0)
            assert not vote.ok and not vote.cached
            assert vote.error == (f"skipped, its model gpt-5-nano was shut down on "
                                  f"{ends.isoformat()} (the catalog's date): name a current "
                                  "model in the voters file (voters.example.toml lists the "
                                  "defaults)")
        assert len(fake.requests) == 1
    finally:
        fake.stop()


def test_a_voter_without_a_shutdown_date_is_not_wrapped(tmp_path, monkeypatch, catalog) -> None:
    voters_file, _ = _config(tmp_path, "gpt-6-luna")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    [voter] = open_voters(voters_file, catalog, cache_db=None)
    assert not isinstance(voter, ShutdownGuard)
