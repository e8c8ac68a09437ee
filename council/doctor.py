"""`council doctor`: is this installation set up right, and if not, what to fix.

Checks the voters file (strictly: an unknown table or field, or a missing file named by
COUNCIL_VOTERS, is a problem), each voter's key (present or not; never shown) and model
(not shut down or shutting down soon, by the catalog's dates), the
database (opens and migrates), the catalog (loads, no failed file load) and the classifier
artifact (present and intact). The app runs the voters checks at start and logs them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from council.config import Paths, paths
from council.errors import CouncilError

if TYPE_CHECKING:
    from council.catalog.model import Catalog


@dataclass(frozen=True)
class Check:
    """One thing checked: what was found, and when it is wrong, what to do about it."""

    name: str
    ok: bool
    detail: str
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def voter_checks(where: Paths | None = None,
                 secrets: Mapping[str, object] | None = None,
                 catalog: Catalog | None = None, today: date | None = None) -> list[Check]:
    """The voters file (read once), each configured voter's key and, given the catalog,
    each voter's model against its shutdown dates (shut down: the voter is skipped;
    shutting down within the warning window)."""
    from council.assess.voters import read_configs
    from council.assess.voters.lifecycle import FIX, shut_down, shutdown_soon
    from council.keys import has_key

    where = where or paths()
    if where.voters_file is None:
        return [Check("voters file", True, "none configured: the local classifier alone is "
                      "the council (copy voters.example.toml to voters.toml to add LLM voters)")]
    try:
        configs = read_configs(where.voters_file)
    except CouncilError as exc:
        return [Check("voters file", False, str(exc),
                      "fix the file (see voters.example.toml and docs/voters.md), point "
                      "COUNCIL_VOTERS at the right file, or set COUNCIL_VOTERS=none; until "
                      "then the app runs without LLM voters")]
    checks = [Check("voters file", True, f"{where.voters_file}: {len(configs)} voters")]
    for config in configs:
        if config.key_env is None:
            checks.append(Check(f"key for {config.name}", True, "no key needed (key_env unset)"))
        elif has_key(config.key_env, secrets):
            checks.append(Check(f"key for {config.name}", True, f"{config.key_env} is set"))
        else:
            checks.append(Check(f"key for {config.name}", False, f"{config.key_env} is not set",
                                f"set {config.key_env} in the environment or in "
                                ".streamlit/secrets.toml (or the voter is skipped)"))
    if catalog is None:
        return checks
    today = today or date.today()
    for config in configs:
        name = f"model for {config.name}"
        if gone := shut_down(config, catalog, today):
            checks.append(Check(name, False, f"{gone}; the voter is skipped", FIX))
        elif soon := shutdown_soon(config, catalog, today):
            checks.append(Check(name, False, soon, FIX))
    return checks


def run_checks(where: Paths | None = None,
               secrets: Mapping[str, object] | None = None) -> list[Check]:
    """Every check, in the order a person would fix them (the voters' models are checked
    against the catalog the app serves, the database's)."""
    where = where or paths()
    store_checks, catalog = database_and_catalog(where)
    return [*voter_checks(where, secrets, catalog), *store_checks,
            _classifier(where.classifier_artifact)]


def database_and_catalog(where: Paths) -> tuple[list[Check], Catalog | None]:
    """The database and catalog checks, and the catalog the app serves (None when it
    cannot be opened)."""
    from council.assembly import open_database
    from council.catalog.store import CatalogStore, init_catalog

    try:
        db = open_database(where.db)
    except (sqlite3.Error, OSError) as exc:
        return [Check("database", False, f"{where.db}: {exc}",
                      "check the path and its permissions (COUNCIL_DB), or restore a "
                      "backup")], None
    try:
        checks = [Check("database", True, f"{where.db}: opens, migrations applied")]
        try:
            catalog = init_catalog(db, where.catalog_dir)
        except CouncilError as exc:
            return [*checks, Check("catalog", False, str(exc),
                                   f"fix the file named above in {where.catalog_dir}")], None
        last_error = CatalogStore(db).last_error
        if last_error:
            checks.append(Check("catalog", False, f"serving the last good catalog: {last_error}",
                                f"fix the file named above in {where.catalog_dir}"))
        else:
            checks.append(Check("catalog", True, f"{len(catalog.models)} models, version "
                                                 f"{catalog.version}"))
        return checks, catalog
    finally:
        db.conn.close()


def _classifier(artifact: Path) -> Check:
    from council.assess.classifier import load_classifier

    try:
        load_classifier(artifact)
    except CouncilError as exc:
        return Check("classifier", False, str(exc), "run `council init` (builds it)")
    return Check("classifier", True, f"{artifact}: present and intact")
