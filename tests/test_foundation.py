"""The shared foundations: task validation, database opening and migration, key resolution."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from council.db import connect, migrate, open_db
from council.errors import InvalidInput, MissingKey
from council.keys import get_key
from council.task import QUALITY_BARS, parse_task


def test_task_accepts_a_plain_sentence() -> None:
    spec = parse_task(description="  classify 10k support tickets nightly  ")
    assert spec.description == "classify 10k support tickets nightly"
    assert spec.quality_bar == QUALITY_BARS["standard"]


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"description": ""}, "description"),
        ({"description": "   \n\t "}, "describe the task"),
        ({"description": "x", "runs_per_month": -1}, "runs_per_month"),
        ({"description": "x", "runs_per_month": 10**15}, "runs_per_month"),
        ({"description": "x", "runs_per_month": math.nan}, "runs_per_month"),
        ({"description": "x", "calls_per_task": 0}, "calls_per_task"),
        ({"description": "x", "input_tokens": -5}, "input_tokens"),
        ({"description": "x" * 1_000_000}, "description"),
        ({"description": "x", "needs": ["telepathy"]}, "needs"),
        ({"description": "x", "quality": "perfect"}, "quality"),
    ],
)
def test_task_rejects_bad_input_with_a_readable_message(fields: dict, fragment: str) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        parse_task(**fields)
    assert fragment in str(excinfo.value)


def test_task_keeps_odd_unicode() -> None:
    text = "Résume ce fil 🧵 — 日本語のメールを分類して \u200b"
    assert parse_task(description=text).description == text.strip()


def test_open_db_uses_wal_and_records_migrations(db_path) -> None:
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    names = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid").fetchall()]
    assert len(names) == len(set(names))
    # Opening again applies nothing new: migrations are idempotent by name.
    assert migrate(connect(db_path)) == []


def test_each_module_declares_its_own_named_migrations(tmp_path) -> None:
    import pytest

    from council import store
    from council.catalog import store as catalog_store
    from council.db import Migrations, registered

    owners = {m.owner for m in registered()}
    assert {"council.store", "council.catalog.store"} <= owners
    notes = Migrations("tests.notes")

    @notes("notes_001")
    def _create(db) -> None:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")

    with pytest.raises(ValueError, match="declared twice"):
        notes("notes_001")
    db = open_db(tmp_path / "n.db", notes)  # only the sets named: nobody else's tables
    assert db.table_names() == ["_migrations", "notes"]
    assert migrate(db, [notes]) == []
    assert migrate(db, [catalog_store.MIGRATIONS, store.MIGRATIONS]) == [
        name for m in (catalog_store.MIGRATIONS, store.MIGRATIONS) for name, _ in m.steps]


def test_keys_resolve_explicit_then_secrets_then_env(monkeypatch) -> None:
    monkeypatch.setenv("COUNCIL_TEST_KEY", "from-env")
    assert get_key("COUNCIL_TEST_KEY", explicit="explicit") == "explicit"
    assert get_key("COUNCIL_TEST_KEY", secrets={"COUNCIL_TEST_KEY": "secret"}) == "secret"
    assert get_key("COUNCIL_TEST_KEY") == "from-env"
    monkeypatch.delenv("COUNCIL_TEST_KEY")
    with pytest.raises(MissingKey, match="set COUNCIL_TEST_KEY"):
        get_key("COUNCIL_TEST_KEY")


def test_importing_council_stays_light() -> None:
    code = (
        "import sys, council, council.task, council.db, council.cli.main;"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'streamlit', 'sklearn')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_torch_threads_default_and_override(monkeypatch) -> None:
    from council.assess.encoder import torch_threads
    from council.errors import ArtifactError

    monkeypatch.delenv("COUNCIL_TORCH_THREADS", raising=False)
    assert torch_threads() == 1
    monkeypatch.setenv("COUNCIL_TORCH_THREADS", "2")
    assert torch_threads() == 2
    monkeypatch.setenv("COUNCIL_TORCH_THREADS", "0")
    assert torch_threads() == 1
    monkeypatch.setenv("COUNCIL_TORCH_THREADS", "two")
    with pytest.raises(ArtifactError, match="COUNCIL_TORCH_THREADS"):
        torch_threads()


@pytest.mark.slow
def test_loading_the_encoder_prints_no_progress_bar(capfd: pytest.CaptureFixture[str]) -> None:
    """A CLI user's stderr stays free of transformers' 'Loading weights' bar.

    In this process, not a fresh one (which spent ~10 s importing torch again): the bar is
    switched back on first, as a new process starts, so only the encoder's own load can turn
    it off; a fresh MiniLMEncoder loads its model anew."""
    from transformers.utils import logging as transformers_logging

    from council.assess.encoder import MiniLMEncoder

    was_on = transformers_logging.is_progress_bar_enabled()
    transformers_logging.enable_progress_bar()
    capfd.readouterr()
    try:
        shape = MiniLMEncoder().encode(["classify tickets"]).shape
    finally:
        err = capfd.readouterr().err
        (transformers_logging.enable_progress_bar if was_on
         else transformers_logging.disable_progress_bar)()
    assert shape == (1, 384)
    assert "Loading weights" not in err and "it/s" not in err
