"""Fixtures shared by every test area: a fresh real SQLite file and the shared routing data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from council.config import PROJECT_ROOT

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _shared_dir() -> Path:
    return Path(os.environ.get("COUNCIL_SHARED", PROJECT_ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the clone; CI always has it, so there a missing one is a failure."""
    path = _shared_dir()
    if not (path / "routing" / "outcomes.jsonl").exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing at {path}")
        pytest.skip(f"shared data not found at {path} (set COUNCIL_SHARED)")
    return path


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "council.db"
