"""Assembling the council: the one place that opens what a recommendation needs.

``open_council`` opens the catalog, the local classifier, the LLM voters priced from that
catalog, and the trained outcome model (when there is one). The CLI, the app (which only
caches the result) and the benches all use it, so they answer the same task the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from council.errors import ArtifactError

if TYPE_CHECKING:
    import sqlite_utils

    from council.api import Recommendation
    from council.assess.classifier import LocalClassifier
    from council.assess.voters.base import VoterSet
    from council.assessment import Vote
    from council.catalog.model import Catalog
    from council.outcomes.adequacy_source import OutcomeAdequacy
    from council.task import TaskSpec
    from council.workload import DefaultsLookup


@dataclass
class Council:
    """Everything a recommendation needs, opened once."""

    catalog: Catalog
    classifier: LocalClassifier
    voters: VoterSet
    outcome: OutcomeAdequacy | None = None
    # Why the trained outcome model is not used (it could not be read): adequacy then comes
    # from the catalog for every model, and the caller says so.
    outcome_error: ArtifactError | None = None
    skipped: list[str] = field(default_factory=list)  # voters left out, with the reason

    def recommend(self, spec: TaskSpec | dict[str, Any], *,
                  on_vote: Callable[[Vote], None] | None = None,
                  learned: DefaultsLookup | None = None) -> Recommendation:
        """``learned``: workload defaults refitted from imported usage (council.usage.learn)."""
        from council.api import recommend

        return recommend(spec, catalog=self.catalog, classifier=self.classifier,
                         voters=self.voters, success_model=self.outcome, on_vote=on_vote,
                         learned=learned)


def open_database(db_path: Path | None = None) -> sqlite_utils.Database:
    """The app's database (default: the configured one) with every table of the product:
    each module that owns tables declares its migrations; this is where they are put
    together (council init, the app, the CLI, council doctor)."""
    from council import store
    from council.assess.voters import cache
    from council.catalog import store as catalog_store
    from council.catalog import sync
    from council.config import paths
    from council.db import open_db
    from council.usage import store as usage_store

    return open_db(db_path or paths().db, catalog_store.MIGRATIONS, sync.MIGRATIONS,
                   store.MIGRATIONS, usage_store.MIGRATIONS, cache.MIGRATIONS)


def open_catalog(db_path: Path | None = None, catalog_dir: Path | None = None) -> Catalog:
    """The catalog files loaded into the database (default: the configured paths)."""
    from council.catalog.store import init_catalog
    from council.config import paths

    return init_catalog(open_database(db_path), catalog_dir or paths().catalog_dir)


def open_voters(voters_file: Path | None, catalog: Catalog,
                secrets: Mapping[str, object] | None = None, *,
                visitors: bool = False, cache_db: Path | None = None) -> VoterSet:
    """The configured LLM voters with a key, each vote priced from ``catalog``; a voter
    whose model the catalog says is shut down is skipped with a note naming the date.

    No file configured means no LLM voters (the local classifier alone is the council). A
    file that is missing or invalid is InvalidInput naming it, or, for ``visitors`` (the
    app), an error in the log and no LLM voters, with ``VoterSet.problem`` set so the
    answer's notes say the voters are off: it never blocks a visitor. With ``cache_db``
    each voter's answers are reused from the vote cache in that database for
    COUNCIL_VOTE_CACHE_DAYS (default 30; 0 = always ask).
    """
    from council.assess.voters import VoterSet, load_voters, voters_for_visitors
    from council.assess.voters.cost import catalog_price_fn
    from council.assess.voters.lifecycle import ShutdownGuard, retired_check, shutdown_ahead

    if voters_file is None:
        return VoterSet()
    load = voters_for_visitors if visitors else load_voters
    today = date.today()
    voters = load(Path(voters_file), secrets=secrets, price_fn=catalog_price_fn(catalog),
                  skip=retired_check(catalog, today))
    ends = [shutdown_ahead(v.config, catalog, today) if hasattr(v, "config") else None
            for v in voters]
    if cache_db is not None and len(voters):
        from council.assess.voters.cache import CachedVoter, VoteCache, ttl_days_from_env

        days = ttl_days_from_env()
        if days > 0:
            cache = VoteCache.open(cache_db, ttl_days=days)
            voters[:] = [CachedVoter(v, cache) for v in voters]  # keeps .skipped, .problem
    # Outermost, so that from the shutdown day not even a cached answer is used: the same
    # council as one opened after the date.
    voters[:] = [ShutdownGuard(v, end) if end is not None else v
                 for v, end in zip(voters, ends, strict=True)]
    return voters


def open_outcome(model_dir: Path | None = None) -> OutcomeAdequacy | None:
    """The trained outcome model in ``model_dir`` (default: the configured artifact; None
    when none has been trained). ArtifactError when it cannot be read."""
    from council.config import paths

    if model_dir is None:
        model_dir = paths().outcome_artifact
        if not model_dir.exists():
            return None
    from council.outcomes.adequacy_source import OutcomeAdequacy

    return OutcomeAdequacy(model_dir)


def open_council(*, catalog: Catalog | None = None, db_path: Path | None = None,
                 voters_file: Path | None = None, secrets: Mapping[str, object] | None = None,
                 outcome_dir: Path | None = None, classifier_dir: Path | None = None,
                 llm_voters: bool = True, visitors: bool = False,
                 vote_cache: bool = True) -> Council:
    """Open the council over ``catalog`` (or the one in ``db_path``).

    A voters file or outcome model named here must exist and read; the configured defaults
    are optional, and a damaged default outcome model is reported in ``outcome_error``
    instead of stopping the answer. ``llm_voters=False`` leaves the local classifier alone
    (the benches: no paid calls). ``visitors`` (the app): a broken voters file turns the
    LLM voters off with a note instead of stopping the answer (see ``open_voters``).
    ``vote_cache`` reuses the voters' answers from the vote cache in ``db_path`` (default:
    the configured database).
    """
    from council.assess.voters import VoterSet
    from council.classifier_loader import ensure_classifier
    from council.config import paths

    where = paths()
    if catalog is None:
        catalog = open_catalog(db_path)
    voters = (open_voters(voters_file or where.voters_file, catalog, secrets,
                          visitors=visitors,
                          cache_db=(db_path or where.db) if vote_cache else None)
              if llm_voters else VoterSet())
    outcome, problem = None, None
    try:
        outcome = open_outcome(outcome_dir)
    except ArtifactError as exc:
        if outcome_dir is not None:
            raise
        problem = exc
    classifier = ensure_classifier(classifier_dir or where.classifier_artifact)
    return Council(catalog=catalog, classifier=classifier, voters=voters, outcome=outcome,
                   outcome_error=problem, skipped=list(voters.skipped))
