"""Process-wide resources for the app: the only place Streamlit caching is added.

The database connection is per thread (each browser session's script runs in its own
thread), the migrations, the catalog import and the classifier load happen once per process;
the outcome model loads once per trained artifact.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from council.config import paths

if TYPE_CHECKING:
    import sqlite_utils

    from council.assembly import Council
    from council.catalog.model import Catalog
    from council.catalog.signin import SignInGuard
    from council.catalog.store import CatalogStore
    from council.outcomes.adequacy_source import OutcomeAdequacy

_local = threading.local()


@st.cache_resource(show_spinner=False)
def _migrated(db_path: str) -> str:
    """Create or migrate the database file once per process: the catalog's tables and the
    recommendations' (each module declares its own migrations)."""
    from council.assembly import open_database

    open_database(Path(db_path)).conn.close()
    return db_path


def db_path() -> Path:
    return paths().db


def get_db() -> sqlite_utils.Database:
    """This thread's connection to the configured database (created and migrated if missing)."""
    from council.db import connect

    path = _migrated(str(db_path()))
    conn = getattr(_local, "db", None)
    if conn is None or getattr(_local, "db_path", None) != path:
        conn = connect(path)
        _local.db, _local.db_path = conn, path
    return conn


@st.cache_resource(show_spinner=False)
def _catalog_loaded(db_path: str, catalog_dir: str) -> str:
    """Load the catalog files into the database once per process; return the version."""
    from council.assembly import open_database
    from council.catalog.store import init_catalog

    db = open_database(Path(db_path))
    try:
        return init_catalog(db, Path(catalog_dir)).version
    finally:
        db.conn.close()


def get_catalog_store() -> CatalogStore:
    """A CatalogStore over this thread's connection, with the bundled catalog loaded."""
    from council.catalog.store import CatalogStore

    _catalog_loaded(str(_migrated(str(db_path()))), str(paths().catalog_dir))
    return CatalogStore(get_db())


WARM_READY = "council: local classifier ready"  # printed to the server log when warm
_warm_lock = threading.Lock()
_warm_started: set[str] = set()
_imports_ready = threading.Event()
_imports_ready.set()


def _import_shared() -> None:
    """Import what the pages and the classifier load have in common.

    Two threads importing the same packages at once can deadlock on their module locks
    (seen in CI when the warm-up began at server start: altair and scikit-learn both import
    narwhals, "_DeadlockError: deadlock detected by _ModuleLock('narwhals.stable.v2')"), and
    the first page failed. So the warm-up thread imports them first while sessions wait in
    ``wait_for_imports``; after that it only reads the model.
    """
    import altair  # noqa: F401  (what the pages import: narwhals, pandas)
    import pandas  # noqa: F401
    import sentence_transformers  # noqa: F401  (torch, transformers)
    import sklearn.linear_model  # noqa: F401

    import council.api
    import council.assembly
    import council.classifier_loader
    import council.outcomes.movement
    import council.present  # noqa: F401


def warm_up() -> None:
    """Start loading the classifier and its encoder in the background (once per process), so
    it is ready by the time someone has typed a task. Failures resurface from get_council()
    (or, for an import, in the page that needs it)."""
    target = str(paths().classifier_artifact)
    with _warm_lock:
        if target in _warm_started:
            return
        _warm_started.add(target)
        _imports_ready.clear()

    def load() -> None:
        from council.errors import CouncilError

        started = time.perf_counter()
        try:
            with contextlib.suppress(Exception):  # the page importing it reports the error
                _import_shared()
        finally:
            _imports_ready.set()
        from council.classifier_loader import ensure_classifier
        from council.heap import freeze_loaded_heap

        # A failure is raised again by get_council(), in a session, as a message.
        with contextlib.suppress(CouncilError):
            ensure_classifier(Path(target)).warm()
            freeze_loaded_heap()
            print(f"{WARM_READY} in {time.perf_counter() - started:.1f} s", file=sys.stderr,
                  flush=True)

    threading.Thread(target=load, name="council-warm-up", daemon=True).start()


def wait_for_imports(timeout_s: float = 300.0) -> None:
    """Hold a session's script until the warm-up has imported what it shares with the pages
    (see ``_import_shared``); returns at once when no warm-up is importing."""
    _imports_ready.wait(timeout_s)


def secrets() -> Mapping[str, Any]:
    """st.secrets as a mapping, or an empty one when no secrets file exists."""
    try:
        return dict(st.secrets)
    except FileNotFoundError:  # StreamlitSecretNotFoundError: no secrets.toml anywhere
        return {}


@st.cache_resource(show_spinner="Loading the local classifier...")
def _council(catalog_version: str, voters_file: str | None, secret_names: tuple[str, ...],
             artifacts: tuple[str, str], outcome_stamp: int) -> Council:
    """The council over one catalog version, opened by the one assembly function (the
    arguments are the cache key: what, when changed, makes it open anew)."""
    from council.assembly import open_council
    from council.heap import freeze_loaded_heap

    catalog = get_catalog_store().at_version(catalog_version)
    # visitors=True: a broken voters file is logged and turns the LLM voters off with a
    # note; it never blocks a visitor's recommendation.
    council = open_council(catalog=catalog, secrets=secrets(), visitors=True)
    freeze_loaded_heap()  # the loaded model is never garbage: no full pass walks it again
    return council


def get_council(catalog: Catalog) -> Council:
    """The council for ``catalog``: reopened when the catalog, the voters file, the secrets
    or the trained outcome model change (``council train`` is picked up on the next run)."""
    where = paths()
    voters_file = where.voters_file
    return _council(catalog.version, str(voters_file) if voters_file else None,
                    tuple(sorted(secrets())),
                    (str(where.classifier_artifact), str(where.outcome_artifact)),
                    _outcome_stamp())


@st.cache_resource(show_spinner=False)
def sign_in_guard() -> SignInGuard:
    """The process-wide catalog sign-in guard (failures back off across sessions)."""
    from council.catalog.signin import SignInGuard

    return SignInGuard()


def _outcome_stamp() -> int:
    """meta.json's mtime: a retrained outcome model is a new version."""
    try:
        return (paths().outcome_artifact / "meta.json").stat().st_mtime_ns
    except OSError:
        return 0


@st.cache_resource(show_spinner=False)
def _outcome_source(artifact: str, stamp: int) -> OutcomeAdequacy | None:
    """The outcome model loaded once per artifact version."""
    from council.assembly import open_outcome

    return open_outcome()


def get_outcome_source() -> OutcomeAdequacy | None:
    """The trained outcome model, or None when none has been trained (History's "now").

    A damaged artifact raises ArtifactError, which the pages show as a message.
    """
    return _outcome_source(str(paths().outcome_artifact), _outcome_stamp())
