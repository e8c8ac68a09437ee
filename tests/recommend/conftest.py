"""The real catalog loaded into a real SQLite file, and assessments built directly."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from council.assessment import Assessment, Vote
from council.catalog.model import Catalog
from council.config import PROJECT_ROOT


@lru_cache(maxsize=1)
def real_catalog() -> Catalog:
    """models_catalog/ loaded through a fresh real SQLite file, once per test process."""
    import tempfile

    from council.catalog.store import init_catalog
    from council.db import open_db

    folder = Path(tempfile.mkdtemp(prefix="council-rec-"))
    return init_catalog(open_db(folder / "council.db"), PROJECT_ROOT / "models_catalog")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return real_catalog()


def assessment(category: str, difficulty: float, sd: float = 0.5,
               category_p: dict[str, float] | None = None) -> Assessment:
    return Assessment(category=category, category_p=category_p or {category: 1.0},
                      difficulty=difficulty, difficulty_sd=sd)


class FixedVoteClassifier:
    """A stand-in local classifier that always votes the same (for wiring tests only)."""

    def __init__(self, category: str = "extraction", difficulty: float = 2.0) -> None:
        self.category = category
        self.difficulty = difficulty
        self.seen: list[str] = []

    def vote(self, text: str) -> Vote:
        self.seen.append(text)
        return Vote(voter="fixed", kind="local", category=self.category,
                    category_p={self.category: 1.0}, difficulty=self.difficulty,
                    difficulty_sd=0.4)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
