"""Imports into real SQLite: idempotent, attributed, unknown models kept, bad input by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from council.errors import InvalidInput
from council.usage import store as usage_store
from council.usage.attribution import Attribution
from council.usage.store import import_file, iter_records
from tests.usage.conftest import (
    ANTHROPIC,
    LITELLM_CSV,
    LITELLM_JSON,
    OPENAI,
    OTLP,
    otlp_line,
    span,
    stored_rec,
)


def _total(db: Any) -> tuple[int, float]:
    n, usd = db.execute("SELECT COUNT(*), COALESCE(SUM(usd), 0) FROM usage_records").fetchone()
    return n, round(usd, 9)


@pytest.mark.parametrize("path", [OTLP, LITELLM_JSON, LITELLM_CSV, OPENAI, ANTHROPIC],
                         ids=lambda p: p.name)
def test_importing_twice_counts_nothing_twice(db: Any, catalog: Any, path: Path) -> None:
    first = import_file(db, path, catalog=catalog)
    assert first.inserted == first.parsed > 0 and first.error_count == 0
    after_first = _total(db)
    again = import_file(db, path, catalog=catalog)
    assert (again.inserted, again.updated, again.duplicates) == (0, 0, first.parsed)
    assert _total(db) == after_first


def test_duplicates_inside_one_file_are_counted_once(db: Any, catalog: Any,
                                                     tmp_path: Path) -> None:
    line = otlp_line([span("1" * 16)])
    path = tmp_path / "dup.jsonl"
    path.write_text(line + "\n" + line + "\n")
    result = import_file(db, path, catalog=catalog)
    assert (result.parsed, result.inserted, result.duplicates) == (2, 1, 1)


def test_a_bucket_that_grew_is_updated_not_added(db: Any, catalog: Any, tmp_path: Path) -> None:
    page = json.loads(OPENAI.read_text())
    import_file(db, OPENAI, catalog=catalog)
    before = _total(db)
    page["data"][0]["results"][0]["num_model_requests"] += 10
    page["data"][0]["results"][0]["output_tokens"] += 5_000
    grown = tmp_path / "openai_later.json"
    grown.write_text(json.dumps(page))
    result = import_file(db, grown, catalog=catalog)
    assert (result.inserted, result.updated) == (0, 1)
    n, usd = _total(db)
    assert n == before[0] and usd > before[1]


def test_attribution_by_attribute_trace_import_name_and_dimension(db: Any, catalog: Any,
                                                                  tmp_path: Path) -> None:
    import_file(db, OTLP, catalog=catalog, attribution=Attribution(task_name="misc"))
    tasks = {r["task"]: r["task_source"] for r in iter_records(db)}
    # council.task on the spans, on the root span of the agent's traces, else the import name
    assert tasks == {"ticket-triage": "attribute", "pr-review-agent": "attribute",
                     "misc": "import"}
    review = [r for r in iter_records(db, task="pr-review-agent")]
    assert len(review) == 244 and len({r["run_id"] for r in review}) == 38
    import_file(db, OPENAI, catalog=catalog, attribution=Attribution(task_key="project_id"))
    assert {"proj_support_triage", "proj_code_review"} <= {r["task"] for r in iter_records(db)}


def test_a_chosen_attribute_and_a_recommendation_tag(db: Any, catalog: Any,
                                                     tmp_path: Path) -> None:
    share = stored_rec(db)
    path = tmp_path / "tagged.jsonl"
    path.write_text(otlp_line([
        span("1" * 16, **{"app.workflow": "invoices"}),
        span("2" * 16, **{"council.recommendation_id": share}),
        span("3" * 16, **{"council.recommendation_id": "not-a-share-id"}),
    ]) + "\n")
    import_file(db, path, catalog=catalog, attribution=Attribution(task_key="app.workflow"))
    rows = {r["key"][-16:]: r for r in iter_records(db)}
    assert rows["1" * 16]["task"] == "invoices"
    assert rows["2" * 16]["task"] == share and rows["2" * 16]["recommendation_id"] == share
    assert rows["3" * 16]["task"] is None and rows["3" * 16]["recommendation_id"] is None
    assert usage_store.task_links(db) == {share: share}


def test_unknown_models_are_kept_and_named(db: Any, catalog: Any) -> None:
    result = import_file(db, OPENAI, catalog=catalog)
    name = "ft:gpt-4.1-mini-2025-04-14:acme:intent:BxY7qk2"
    assert result.unknown_models == {name: 14}
    rows = [r for r in iter_records(db) if r["model"] == name]
    assert len(rows) == 14 and all(r["usd"] is None and r["model_id"] is None for r in rows)
    dated = [r for r in iter_records(db) if r["model"] == "gpt-4.1-2025-04-14"]
    assert dated and all(r["model_id"] == "gpt-4.1" for r in dated)  # alias resolved


def test_bad_lines_are_reported_by_line_and_the_good_ones_kept(db: Any, catalog: Any,
                                                                tmp_path: Path) -> None:
    good = otlp_line([span("1" * 16)])
    negative = otlp_line([span("2" * 16, out=-5)])
    lines = [good, "{not json", negative, json.dumps({"hello": 1}),
             otlp_line([span("4" * 16)]), otlp_line([span("5" * 16)])[:60]]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines))  # the last line is cut off mid-object
    result = import_file(db, path, catalog=catalog)
    assert result.inserted == 2
    messages = {e.line: e.message for e in result.errors}
    assert set(messages) == {2, 3, 4, 6}
    assert "malformed JSON" in messages[2]
    assert "negative token count" in messages[3] and "-5" in messages[3]
    assert "no resourceSpans" in messages[4]
    assert "truncated" in messages[6]


def test_a_truncated_json_document_keeps_the_complete_records(db: Any, catalog: Any,
                                                              tmp_path: Path) -> None:
    text = ANTHROPIC.read_text()
    cut = tmp_path / "anthropic_cut.json"
    cut.write_text(text[: len(text) // 2])
    result = import_file(db, cut, catalog=catalog)
    assert 20 <= result.inserted < 56
    assert result.error_count == 1 and "truncated" in result.errors[0].message
    data = json.loads(LITELLM_JSON.read_text())
    data[4]["prompt_tokens"] = -12
    text = json.dumps(data, indent=2)
    neg = tmp_path / "litellm_neg.json"
    neg.write_text(text)
    result = import_file(db, neg, catalog=catalog)
    assert result.error_count == 1 and result.parsed == 153
    assert "negative token count: prompt_tokens = -12" in str(result.errors[0])
    starts = [n for n, line in enumerate(text.splitlines(), start=1) if line == "  {"]
    assert result.errors[0].line == starts[4]  # the line the refused row starts on


def test_a_csv_row_cut_short_is_refused_by_line(db: Any, catalog: Any, tmp_path: Path) -> None:
    text = LITELLM_CSV.read_text()
    path = tmp_path / "cut.csv"
    path.write_text(text[: text.index("\n", len(text) // 2) + 40])
    result = import_file(db, path, catalog=catalog)
    assert result.inserted > 40 and result.error_count == 1
    assert "columns (truncated?)" in result.errors[0].message


def test_a_file_of_another_format_says_so(db: Any, catalog: Any, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="looks like OpenAI organization usage"):
        import_file(db, OPENAI, catalog=catalog, fmt="otlp")
    costs = tmp_path / "costs.json"
    costs.write_text(json.dumps({"object": "page", "data": [{"object": "bucket", "results": [
        {"object": "organization.costs.result", "amount": {"value": 1.2, "currency": "usd"}}]}]}))
    with pytest.raises(InvalidInput, match="OpenAI costs response"):
        import_file(db, costs, catalog=catalog)
    catalog_file = Path(__file__).resolve().parents[2] / "models_catalog" / "openai.yaml"
    with pytest.raises(InvalidInput, match="model catalog file"):
        import_file(db, catalog_file, catalog=catalog)
    assert _total(db) == (0, 0)


def test_nothing_is_half_imported_after_an_error(db: Any, catalog: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usage_store, "BATCH_ROWS", 50)
    real = usage_store._row
    seen = {"n": 0}

    def failing(rec: Any, import_id: int, pricer: Any) -> Any:
        seen["n"] += 1
        if seen["n"] == 300:  # after several batches were written
            raise OSError("disk full")
        return real(rec, import_id, pricer)

    monkeypatch.setattr(usage_store, "_row", failing)
    with pytest.raises(OSError):
        import_file(db, OTLP, catalog=catalog)
    assert _total(db) == (0, 0)
    assert db.execute("SELECT COUNT(*) FROM usage_imports").fetchone()[0] == 0
