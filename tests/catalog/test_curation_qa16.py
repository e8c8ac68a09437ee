"""QA round 16: what a catalog curator met in the browser, checked on the store itself."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from council.catalog.editors import Editor
from council.catalog.store import CatalogStore, init_catalog
from council.db import open_db
from council.errors import InvalidInput

ADA = Editor("ada")


@pytest.fixture()
def store(db_path: Path, catalog_dir: Path) -> CatalogStore:
    db = open_db(db_path)
    init_catalog(db, catalog_dir)
    return CatalogStore(db)


def test_a_price_from_a_mistyped_year_is_refused_and_nothing_changes(store) -> None:
    """"2099" in *Price from* was kept as a 2099 row (and the page saved it as today's)."""
    before = store.current()
    with pytest.raises(InvalidInput, match=r"2099-01-01: that is \d+ years ahead.*Check the year"):
        store.update_field("gpt-4.1", "price.input", 1.2, editor=ADA, reason="announced",
                           expected_revision=store.revision("gpt-4.1"),
                           effective_from=date(2099, 1, 1))
    assert store.current().version == before.version
    # a change announced a few months ahead is still taken
    soon = date.today() + timedelta(days=90)
    store.update_field("gpt-4.1", "price.input", 1.2, editor=ADA, reason="announced",
                       expected_revision=store.revision("gpt-4.1"), effective_from=soon)
    assert store.current().get("gpt-4.1").price_on(soon).input == 1.2
