"""Fixtures for the catalog tests: the committed catalog and a writable copy of its files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from council.catalog.loader import load_catalog_dir
from council.catalog.model import Catalog
from council.catalog.store import CatalogStore, init_catalog
from council.config import PROJECT_ROOT
from council.db import open_db

CATALOG_DIR = PROJECT_ROOT / "models_catalog"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog_dir(CATALOG_DIR)


@pytest.fixture()
def catalog_dir(tmp_path: Path) -> Path:
    """A private copy of models_catalog/ that a test may corrupt."""
    target = tmp_path / "models_catalog"
    shutil.copytree(CATALOG_DIR, target, ignore=shutil.ignore_patterns("*.md"))
    return target


@pytest.fixture()
def store(db_path: Path, catalog_dir: Path) -> CatalogStore:
    """A real SQLite store loaded from a private copy of the catalog files."""
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    return CatalogStore(db)
