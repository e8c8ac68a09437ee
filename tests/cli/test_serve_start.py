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


def test_the_warning_reads_the_catalog_the_app_serves(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A curator's shutdown date in the database (the catalog the app serves) is the one the
    start-up warning names, not the bundled files' (which give gpt-6-luna none)."""
    from council.assembly import open_database
    from council.catalog.editors import Editor
    from council.catalog.store import CatalogStore, init_catalog
    from council.config import PROJECT_ROOT

    voters = tmp_path / "voters.toml"
    voters.write_text(RETIRED.replace("gpt-4.1-nano", "gpt-6-luna"), encoding="utf-8")
    monkeypatch.setenv("COUNCIL_HOME", str(tmp_path))
    monkeypatch.setenv("COUNCIL_VOTERS", str(voters))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-dummy-not-used")
    _report_voter_problems()
    assert capsys.readouterr().err == ""
    db = open_database()
    init_catalog(db, PROJECT_ROOT / "models_catalog")
    store = CatalogStore(db)
    store.update_field("gpt-6-luna", "shutdown_date", "2026-01-01", editor=Editor("alice"),
                       reason="the provider's deprecations page",
                       expected_revision=store.revision("gpt-6-luna"))
    db.conn.close()
    _report_voter_problems()
    err = capsys.readouterr().err
    assert "its model gpt-6-luna was shut down on 2026-01-01" in err, err
