"""Open the SQLite database (WAL, busy timeout) and apply named migrations once each.

Each module that owns tables declares a ``Migrations`` (its named steps, in order, as
sqlite-utils' Migrations does) and registers it when it is imported; ``open_db`` applies
every registered set, or the sets it is given. Applied names are recorded in ``_migrations``
so an older database is brought forward and a new one is created from scratch. A module's
steps never touch another module's tables, so the order between modules does not matter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

Step = Callable[[sqlite_utils.Database], None]

BUSY_TIMEOUT_MS = 10_000


@dataclass
class Migrations:
    """One module's named schema steps; ``@migrations("name")`` adds the next one."""

    owner: str
    steps: list[tuple[str, Step]] = field(default_factory=list)

    def __call__(self, name: str) -> Callable[[Step], Step]:
        if any(name == n for n, _ in self.steps):
            raise ValueError(f"{self.owner}: migration {name!r} is declared twice")

        def add(step: Step) -> Step:
            self.steps.append((name, step))
            return step

        return add


_REGISTERED: dict[str, Migrations] = {}


def register(migrations: Migrations) -> Migrations:
    """Declare a module's migrations (at its import) so ``open_db`` applies them."""
    _REGISTERED[migrations.owner] = migrations
    return migrations


def registered() -> list[Migrations]:
    return list(_REGISTERED.values())


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


def migrate(db: sqlite_utils.Database, sets: list[Migrations] | None = None) -> list[str]:
    """Apply every step of ``sets`` (default: every registered set) not yet applied; return
    the names applied now."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
    applied = []
    for migrations in registered() if sets is None else sets:
        for name, step in migrations.steps:
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


def open_db(path: Path | str, *sets: Migrations) -> sqlite_utils.Database:
    """Connect and migrate (``sets``, or every registered one): the one way the app, the CLI
    and the tests open a database."""
    db = connect(path)
    migrate(db, list(sets) or None)
    return db
