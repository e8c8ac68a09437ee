"""Open the SQLite database (WAL, busy timeout) and apply named migrations once each.

Each store module owns its tables and exposes ``MIGRATIONS``: an ordered list of
``(name, function(db))``. Applied names are recorded in ``_migrations`` so an older
database is brought forward and a new one is created from scratch.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

Migration = tuple[str, Callable[[sqlite_utils.Database], None]]

# Modules whose MIGRATIONS make up the schema, in the order they are applied.
MIGRATION_MODULES: tuple[str, ...] = ("council.catalog.store", "council.catalog.sync",
                                      "council.store", "council.usage.store",
                                      "council.assess.voters.cache")

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with WAL and a busy timeout; no migrations."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted or rewritten content is zeroed, not left in free space (a scrubbed key must
    # not stay readable in the file).
    conn.execute("PRAGMA secure_delete = ON")
    return sqlite_utils.Database(conn)


def migrations() -> list[Migration]:
    steps: list[Migration] = []
    for module_name in MIGRATION_MODULES:
        module = importlib.import_module(module_name)
        steps.extend(getattr(module, "MIGRATIONS", []))
    return steps


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet applied; return the names applied now."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
    applied = []
    for name, step in migrations():
        if name in done:
            continue
        with db.conn:
            step(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat(timespec="seconds")],
            )
        applied.append(name)
    if applied:  # old page images (e.g. before a scrub) leave the write-ahead log now
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return applied


def open_db(path: Path | str) -> sqlite_utils.Database:
    """Connect and migrate: the one way the app, the CLI and the tests open a database."""
    db = connect(path)
    migrate(db)
    return db
