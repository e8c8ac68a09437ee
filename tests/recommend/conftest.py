"""The real catalog loaded into a real SQLite file, and assessments built directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from council.assessment import Vote
from council.catalog.model import Catalog
from tests.recs import assessment, real_catalog

__all__ = ["assessment", "real_catalog"]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return real_catalog()


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
