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
        if path.startswith("price."):  # a new dated row: no stored path to read
            continue
        assert tables.field_value(model, path) is not None or path in (
            "deprecation_date", "notes") or path.endswith(("cache_read", "batch_discount"))


def test_compare_reads_in_units_and_names_the_estimated_skills(council_home) -> None:
    """Compare showed 'input $/M 4', 'batch discount 0.5' and no sign that a skill level is a
    price-tier estimate; Browse had no column for it either."""
    from council.catalog.store import init_catalog
    from council.config import paths
    from council.db import open_db

    catalog = init_catalog(open_db(council_home / "c.db"), paths().catalog_dir)
    model = catalog.get("gemini-4-argon")
    guessed = sorted(s for s, q in model.quality.items() if q.estimated)
    assert guessed  # agentic: no public measurement yet
    rows = tables.catalog_rows(list(catalog.models), date(2026, 12, 1))
    row = next(r for r in rows if r["id"] == "gemini-4-argon")
    assert row["estimated skills"] == ", ".join(s.replace("_", " ") for s in guessed)
    compared = {r["attribute"]: r["gemini-4-argon"] for r in
                tables.compare_rows(rows, ["gemini-4-argon", "claude-opus-4-6"])}
    price = model.price_on(None)
    assert compared["input $/M"] == f"${price.input:,.4g}"
    assert compared["batch discount"] == f"{price.batch_discount:.0%}"
    assert compared["estimated skills"] == row["estimated skills"]
    measured = next(r for r in rows if r["id"] == "claude-opus-4-6")
    if not any(q.estimated for q in catalog.get("claude-opus-4-6").quality.values()):
        assert measured["estimated skills"] == ""
