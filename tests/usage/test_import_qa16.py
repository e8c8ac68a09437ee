"""QA round 16: usage files as a finance lead's tools save them (BOM, ';' CSV)."""

from __future__ import annotations

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
