"""Real recommendations for tests: the bundled catalog in a fresh SQLite file, and answers
built on it from a stated assessment (no classifier, no embedding model)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from council.api import Recommendation, recommend_for
from council.assessment import Assessment, Vote
from council.catalog.model import Catalog
from council.config import PROJECT_ROOT
from council.task import parse_task


@lru_cache(maxsize=1)
def real_catalog() -> Catalog:
    """models_catalog/ loaded through a fresh real SQLite file, once per test process."""
    import tempfile

    from council.catalog.store import init_catalog
    from council.db import open_db

    folder = Path(tempfile.mkdtemp(prefix="council-rec-"))
    return init_catalog(open_db(folder / "council.db"), PROJECT_ROOT / "models_catalog")


def assessment(category: str, difficulty: float, sd: float = 0.5,
               category_p: dict[str, float] | None = None,
               votes: list[Vote] | None = None) -> Assessment:
    return Assessment(category=category, category_p=category_p or {category: 1.0},
                      difficulty=difficulty, difficulty_sd=sd, votes=votes or [])


def make_rec(description: str = "Tag support tickets by urgency", *,
             category: str = "classification", difficulty: float = 1.8, sd: float = 0.4,
             votes: list[Vote] | None = None, **spec: object) -> Recommendation:
    """A real answer on the bundled catalog for a stated council verdict."""
    task = parse_task(description=description, **spec)
    return recommend_for(task, assessment(category, difficulty, sd, votes=votes),
                         catalog=real_catalog())


@lru_cache(maxsize=1)
def _base() -> Recommendation:
    return make_rec("Classify support tickets by urgency", runs_per_month=1000)


def priced_rec(description: str = "a task", model: str = "small-model",
               cost: float | None = 12.5, default_cost: float = 300.0,
               version: str = "cat-v1") -> Recommendation:
    """A real answer with its task, pick and monthly costs set as a test needs them
    (``cost=None``: no pick)."""
    import dataclasses

    base = _base()
    pick = None if cost is None else dataclasses.replace(
        base.recommended, model_id=model,
        cost=dataclasses.replace(base.recommended.cost, per_month=cost))
    default = dataclasses.replace(base.default, model_id="frontier", cost=dataclasses.replace(
        base.default.cost, per_month=default_cost))
    return dataclasses.replace(base, spec=parse_task(description=description),
                               catalog_version=version, recommended=pick, default=default)
