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
