"""QA round 16: usage files as a finance lead's tools save them (BOM, ';' CSV)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from council.usage.store import import_file
from tests.usage.conftest import ANTHROPIC, LITELLM_JSON, OPENAI, OTLP


@pytest.mark.parametrize("fixture", [OPENAI, ANTHROPIC, OTLP, LITELLM_JSON],
                         ids=lambda p: p.name)
def test_a_file_saved_with_a_byte_order_mark_imports_every_record(
        db, catalog, tmp_path: Path, fixture: Path) -> None:
    """The OpenAI month saved by a Windows editor read "0 records read ... line 1: malformed
    JSON in a value; nothing after this point was read"; the Anthropic report too."""
    plain = import_file(db, fixture, catalog=catalog)
    marked = tmp_path / f"bom-{fixture.name}"
    marked.write_bytes(b"\xef\xbb\xbf" + fixture.read_bytes().replace(b"\n", b"\r\n"))
    again = import_file(db, marked, catalog=catalog)
    assert again.errors == [] and again.parsed == plain.parsed > 0
    assert again.duplicates == plain.parsed  # the same records, counted once


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_spend_log_csv_with_semicolons_or_tabs_imports(db, catalog, tmp_path: Path,
                                                         delimiter: str) -> None:
    """Excel in a comma-decimal locale saves ';': "line 1: a CSV without a request_id column
    is not a LiteLLM spend log export", though request_id was the first column."""
    import csv

    from tests.usage.conftest import LITELLM_CSV

    with LITELLM_CSV.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[:21]  # the header and 20 requests
    path = tmp_path / "spend.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    result = import_file(db, path, catalog=catalog)
    assert result.format == "litellm" and result.errors == [] and result.parsed == 20
    assert result.usd > 0


def test_priority_and_flex_buckets_are_priced_at_their_tier(db, catalog, tmp_path: Path) -> None:
    """OpenAI's bucket with service_tier "priority" (6,000 gpt-5.4-mini calls of our month)
    was priced at the standard $15.66, half what the catalog's 2x priority factor says."""
    import json

    from council.pricing import Usage, price_usage

    def result(tier: str) -> dict:
        return {"object": "organization.usage.completions.result", "input_tokens": 480_000,
                "output_tokens": 36_000, "input_cached_tokens": 0, "num_model_requests": 200,
                "model": "gpt-5.4-mini-2026-03-17", "batch": False, "service_tier": tier,
                "project_id": None, "user_id": None, "api_key_id": None}

    page = {"object": "page", "data": [{"object": "bucket", "start_time": 1794268800,
                                         "end_time": 1794355200,
                                         "results": [result(t) for t in
                                                     ("default", "priority", "flex")]}]}
    path = tmp_path / "tiers.json"
    path.write_text(json.dumps(page))
    import_file(db, path, catalog=catalog)
    usd = dict(db.execute("SELECT COALESCE(service_tier, 'standard'), usd "
                          "FROM usage_records").fetchall())
    model = catalog.get("gpt-5.4-mini")
    usage = Usage(input_tokens=480_000, output_tokens=36_000)
    day = model.price_in_force(date(2026, 11, 10)).effective_from
    for tier in ("priority", "flex"):
        want = price_usage(model, usage, service_tier=tier, on=day).total
        assert usd[tier] == pytest.approx(want, rel=1e-9)
    assert usd["priority"] == pytest.approx(2 * usd["standard"])
    assert usd["flex"] == pytest.approx(0.5 * usd["standard"])
