"""Round 17, QA 16 finding 7: LiteLLM rows with status "failure" and no spend were priced at
catalog rates, so the bill check read "the source says $0.026, the catalog $0.052 (0.5x)"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from council.usage.billed import billed_against_catalog
from council.usage.store import ensure_priced, import_file, iter_records

ROW = {"call_type": "acompletion", "model": "gpt-4.1-mini", "custom_llm_provider": "openai",
       "prompt_tokens": 2000, "completion_tokens": 400, "startTime": "2026-11-20T10:00:00"}


def _row(n: int, *, status: str, spend: float, where: str = "row") -> dict[str, Any]:
    row = {**ROW, "request_id": f"req-{n}", "spend": spend,
           "metadata": {"status": status, "spend_logs_metadata": {"council.task": "docs"}}}
    if where == "row":  # LiteLLM_SpendLogs.status; older exports carry it in metadata only
        row["status"] = status
    return row


def test_a_failed_call_with_no_spend_is_kept_but_not_priced_as_spent(db: Any, catalog: Any,
                                                                    tmp_path: Path) -> None:
    ok = 0.4 * 2000 / 1e6 + 1.6 * 400 / 1e6  # gpt-4.1-mini at $0.40 / $1.60 per million
    rows = [_row(1, status="success", spend=ok), _row(2, status="success", spend=ok),
            _row(3, status="failure", spend=0.0),  # refused before any token was billed
            _row(4, status="failure", spend=0.0, where="metadata"),
            _row(5, status="failure", spend=ok)]  # the file says this one was billed
    path = tmp_path / "spend.json"
    path.write_text(json.dumps(rows))
    result = import_file(db, path, catalog=catalog)
    assert (result.parsed, result.unbilled) == (5, 2)
    assert result.usd == pytest.approx(3 * ok)  # not 5 x
    priced = {r["key"]: r for r in iter_records(db)}
    assert priced["litellm:req-3"]["usd"] == 0 and priced["litellm:req-4"]["usd"] == 0
    assert "not billed" in priced["litellm:req-3"]["price_note"]
    assert priced["litellm:req-5"]["usd"] > 0
    # the source's cost and the catalog's now agree (the gap was the failed calls)
    [bill] = billed_against_catalog(db)
    assert bill.agrees, (bill.reported_usd, bill.catalog_usd)
    # a re-pricing after a catalog change keeps them at $0
    db.execute("UPDATE usage_meta SET value = 'other' WHERE key = 'priced_version'")
    db.execute("UPDATE usage_records SET priced_version = 'other'")
    assert ensure_priced(db, catalog) == 5
    assert {r["key"]: r["usd"] for r in iter_records(db)}["litellm:req-4"] == 0


def test_the_text_report_says_when_a_catalog_change_re_priced_the_records(
        db: Any, catalog: Any, tmp_path: Path) -> None:
    """QA 16 finding 13: the month was re-priced after a catalog edit, and nothing said so."""
    from council.catalog.editors import Editor
    from council.catalog.store import CatalogStore
    from council.cli.usage import _text
    from council.usage.report import build_report

    path = tmp_path / "spend.json"
    path.write_text(json.dumps([_row(1, status="success", spend=0.0014)]))
    import_file(db, path, catalog=catalog)
    assert "re-priced" not in _text(build_report(db, catalog))
    store = CatalogStore(db)
    store.update_field("gpt-4.1-mini", "prices.0.output", 2.0, editor=Editor("ada"),
                       reason="probe", expected_revision=store.revision("gpt-4.1-mini"))
    text = _text(build_report(db, store.current()))
    assert f"(1 record re-priced with catalog {store.current().version}" in text, text
