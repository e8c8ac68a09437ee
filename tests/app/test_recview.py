"""recview and tables: what the pages show, read off stored dicts and catalog models."""

from __future__ import annotations

from datetime import date

from council.ui import recview, tables
from council.ui.format import money

REC = {
    "catalog_version": "v1",
    "recommended": {"model_id": "cheap", "p_adequate": 0.81,
                    "cost": {"per_call": 0.0004, "per_task": 0.0008, "per_month": 16.0}},
    "default": {"model_id": "frontier", "cost": {"per_month": 400.0}},
    "candidates": [
        {"model_id": "cheap", "p_adequate": 0.81, "cost": {"per_month": 16.0}, "pareto": True},
        {"model_id": "frontier", "p_adequate": 0.97, "cost": {"per_month": 400.0},
         "pareto": True},
        {"model_id": "odd", "p_adequate": 0.5, "cost": {"per_month": 500.0}, "pareto": False},
    ],
    "assessment": {"category": "classification", "difficulty": 1.8, "difficulty_sd": 0.4,
                   "votes": [{"voter": "local", "kind": "local", "category": "classification",
                              "difficulty": 1.8, "latency_s": 0.02, "cost_usd": 0.0},
                             {"voter": "haiku", "kind": "anthropic", "error": "timeout"}]},
    "advice": [{"title": "Use the batch API", "saving_per_month": 8.0}],
    "explanation": ["cheap clears the bar", "odd is dominated"],
}


def test_headline_and_saving() -> None:
    h = recview.headline(REC)
    assert h["model"] == "cheap" and h["per_month"] == 16.0 and h["per_call"] == 0.0004
    assert h["saving_per_month"] == 384.0


def test_candidates_votes_advice() -> None:
    rows = recview.candidate_rows(REC)
    assert [r["recommended"] for r in rows] == [True, False, False]
    assert [r["pareto"] for r in rows] == [True, True, False]
    votes = recview.vote_rows(REC)
    assert votes[1]["status"] == "dropped" and votes[1]["reason"] == "timeout"
    assert recview.advice_rows(REC)[0]["saves per month"] == 8.0


def test_advice_reads_in_full_biggest_saving_first() -> None:
    long_detail = "Put instructions first and unchanged; " * 6
    rec = {**REC, "advice": [
        {"title": "Cap the output", "detail": "Set max_tokens.", "saving_per_month": 0.72},
        {"title": "Cache the prefix", "detail": long_detail, "saving_per_month": 9.5},
        "Trim the history"]}
    lines = recview.advice_markdown(rec).splitlines()
    assert lines[0] == f"- **Cache the prefix** (saves {money(9.5)} a month): {long_detail}"
    assert lines[1].startswith("- **Cap the output** (saves $0.72 a month): Set max_tokens.")
    assert lines[2] == "- **Trim the history**"


def test_markdown_export_carries_the_numbers() -> None:
    md = recview.to_markdown("abcdefghij", "2026-11-23", "Tag tickets", REC)
    assert "**cheap**" in md and money(16.0) in md and money(384.0) in md
    assert "catalog version `v1`" in md and "Use the batch API" in md


def test_changes_flags_only_what_changed() -> None:
    newer = {**REC, "catalog_version": "v2",
             "recommended": {**REC["recommended"], "cost": {"per_call": 0.0004,
                                                           "per_task": 0.0008,
                                                           "per_month": 12.0}}}
    changed = {r["what"] for r in recview.changes(REC, newer) if r["changed"]}
    assert changed == {"catalog version", "cost per month"}


def test_money_format() -> None:
    assert money(0.000123) == "$0.000123"
    assert money(12.5) == "$12.50"
    assert money(12345.4) == "$12,345"
    assert money(None) == "n/a"


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


def test_cascade_reads_as_sentences() -> None:
    cascade = {"cheap": "small", "strong": "big", "escalation_rate": 0.33,
               "expected_per_month": 9.15, "strong_only_per_month": 8.63,
               "saving_per_month": -0.52, "worth_it": False,
               "note": "assumes a failed answer is detected at no cost"}
    text = recview.cascade_text({**REC, "cascade": cascade})
    assert "($0.52 more): not worth it here. This assumes a failed answer" in text
    assert text.endswith("at no cost.")
    saved = recview.cascade_text({**REC, "cascade": {**cascade, "saving_per_month": 2.0,
                                                      "worth_it": True}})
    assert "($2.00 saved): worth it." in saved


def test_no_pick_says_whether_the_bar_or_the_constraints_stopped_it() -> None:
    below_bar = {**REC, "recommended": None,
                 "no_fit": "No model that meets the constraints reaches P(adequate) >= 90%"}
    assert recview.no_fit_title(below_bar) == "No model clears the quality bar"
    assert "## No model clears the quality bar" in recview.to_markdown(
        "abcdefghij", "2026-11-23", "Prove a conjecture", below_bar)
    nothing_fits = {**below_bar, "candidates": [], "no_fit": "every model lacks vision"}
    assert recview.no_fit_title(nothing_fits) == "No model fits"
