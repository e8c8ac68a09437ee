"""Where things live: database, artifacts, catalog files, voters file. Env vars override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paths:
    home: Path
    db: Path
    artifacts: Path
    catalog_dir: Path
    training_dir: Path
    voters_file: Path | None

    @property
    def classifier_artifact(self) -> Path:
        return self.artifacts / "classifier"

    @property
    def outcome_artifact(self) -> Path:
        """The outcome (success) model `council train` builds from feedback and outcome files."""
        return self.artifacts / "outcomes"

    @property
    def embedding_cache(self) -> Path:
        return self.home / "embedding-cache"


def paths() -> Paths:
    """Resolve paths from the environment (COUNCIL_HOME, COUNCIL_DB, ...) with project defaults."""
    home = Path(os.environ.get("COUNCIL_HOME", PROJECT_ROOT / "var"))
    voters = os.environ.get("COUNCIL_VOTERS")
    default_voters = PROJECT_ROOT / "voters.toml"
    return Paths(
        home=home,
        db=Path(os.environ.get("COUNCIL_DB", home / "council.db")),
        artifacts=Path(os.environ.get("COUNCIL_ARTIFACTS", home / "models")),
        catalog_dir=Path(os.environ.get("COUNCIL_CATALOG_DIR", PROJECT_ROOT / "models_catalog")),
        training_dir=PROJECT_ROOT / "training",
        voters_file=_voters_file(voters, default_voters),
    )


def _voters_file(named: str | None, default: Path) -> Path | None:
    """COUNCIL_VOTERS when set (a missing file is reported, not ignored: see `council doctor`);
    "" or "none" means no voters; else voters.toml when it exists."""
    if named is not None:
        return None if named.strip().lower() in ("", "none") else Path(named)
    return default if default.exists() else None
