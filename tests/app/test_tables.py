"""tables: what the catalog page shows, read off catalog models."""

from __future__ import annotations

from datetime import date

from council.ui import tables


def test_parse_value() -> None:
    assert tables.parse_value("2.5") == 2.5
    assert tables.parse_value("true") is True
    assert tables.parse_value("2026-11-01") == "2026-11-01"


def test_catalog_rows_filter_and_compare(council_home) -> None:
    from council.catalog.store import init_catalog
    from council.config import paths
    from council.db import open_db

    catalog = init_catalog(open_db(council_home / "c.db"), paths().catalog_dir)
    rows = tables.catalog_rows(list(catalog.models), date(2026, 11, 23))
    assert len(rows) == len(catalog.models)
    vision = tables.filter_rows(rows, needs=["vision"])
    assert vision and all(r["vision"] for r in vision)
    ids = [rows[0]["id"], rows[1]["id"]]
    compared = tables.compare_rows(rows, ids)
    assert {k for k in compared[0] if k != "attribute"} == set(ids)
    model = catalog.models[0]
    for path in tables.editable_fields(model).values():
        assert tables.field_value(model, path) is not None or path in (
            "deprecation_date", "notes") or path.endswith(("cache_read", "batch_discount"))
