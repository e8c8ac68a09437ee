"""Each format read from fixtures written to its published schema, conventions converted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from council.usage.attribution import Attribution
from council.usage.importers import IMPORTERS
from council.usage.jsonwalk import objects_at
from council.usage.records import LineError, RunTag, UsageRecord
from tests.usage.conftest import ANTHROPIC, LITELLM_CSV, LITELLM_JSON, OPENAI, OTLP


def _read(name: str, path: Any, **kw: Any) -> list[Any]:
    return list(IMPORTERS[name].read(path, Attribution(**kw)))


def test_otlp_spans_follow_the_semantic_conventions() -> None:
    items = _read("otlp", OTLP)
    records = [i for i in items if isinstance(i, UsageRecord)]
    tags = [i for i in items if isinstance(i, RunTag)]
    assert not [i for i in items if isinstance(i, LineError)]
    assert len(records) == 793 and len(tags) == 38  # one tagged root span per agent run
    triage = next(r for r in records if r.task == "ticket-triage" and r.cache_read_tokens)
    # input_tokens include the cache reads; reasoning is inside output_tokens
    assert triage.cache_read_tokens == 512 and triage.input_tokens + 512 > 512
    assert triage.model == "gpt-5.4-mini-2026-03-17" and triage.provider == "openai"
    assert triage.key.startswith("otlp:") and triage.run_id and triage.calls == 1
    review = [r for r in records if r.model == "claude-sonnet-4-6"]
    assert all(r.provider == "anthropic" for r in review)  # the older gen_ai.system
    assert sum(r.cache_write_5m_tokens for r in review) > 0
    assert all(r.task is None for r in review)  # named through the trace's root span
    assert {t.task for t in tags} == {"pr-review-agent"}
    assert all(isinstance(r.ts, datetime) and r.ts.year == 2026 for r in records)


def test_litellm_json_and_csv_read_the_same_columns() -> None:
    rows = [i for i in _read("litellm", LITELLM_JSON) if isinstance(i, UsageRecord)]
    csv_rows = [i for i in _read("litellm", LITELLM_CSV) if isinstance(i, UsageRecord)]
    assert len(rows) == 154 and len(csv_rows) == 120
    tasks = {r.task for r in rows}
    assert tasks == {"nightly-summaries", "ticket-triage", None}  # tag, metadata, untagged
    triage = next(r for r in rows if r.task == "ticket-triage")
    assert triage.cache_read_tokens == 512 and triage.reported_usd is not None
    summary = next(r for r in rows if r.task == "nightly-summaries" and r.reasoning_tokens)
    assert summary.model == "gemini-2.5-flash"
    assert {r.task for r in csv_rows} == tasks
    assert csv_rows[0].ts.year == 2026 and csv_rows[0].key.startswith("litellm:chatcmpl-")


def test_openai_usage_buckets_count_requests_and_cached_input() -> None:
    items = _read("openai", OPENAI, task_key="project_id")
    records = [i for i in items if isinstance(i, UsageRecord)]
    assert len(records) == 56 and not [i for i in items if isinstance(i, LineError)]
    first = records[0]
    assert first.calls and first.calls > 100 and first.provider == "openai"
    assert first.ts == datetime(2026, 11, 10)
    assert first.task == "proj_support_triage" and first.task_source == "attribute"
    assert any(r.batch for r in records) and any(not r.batch for r in records)


def test_anthropic_usage_report_keeps_its_split_and_tiers() -> None:
    records = [i for i in _read("anthropic", ANTHROPIC) if isinstance(i, UsageRecord)]
    assert len(records) == 56
    assert all(r.calls is None for r in records)  # the report counts no requests
    batch = [r for r in records if r.batch]
    assert batch and all(r.model.startswith("claude-haiku-4-5") for r in batch)
    long = [r for r in records if r.context_window == "200k-1M"]
    assert long and all(r.cache_write_1h_tokens > 0 for r in long)


def test_json_walker_keeps_parent_fields_and_stops_at_a_cut() -> None:
    text = ('{"data": [\n {"start_time": 5, "results": [\n  {"a": 1},\n  {"a": 2}]},\n'
            ' {"start_time": 6, "results": [\n  {"a": 3},\n  {"a": ')
    items = list(objects_at(text, ("data", "results")))
    found = [(line, obj["a"], ctx["start_time"]) for line, obj, ctx in items[:-1]]
    assert found == [(3, 1, 5), (4, 2, 5), (6, 3, 6)]
    assert isinstance(items[-1], LineError) and items[-1].line == 7
    assert "truncated" in items[-1].message


def test_the_page_names_its_own_format_box_not_the_cli_flag(tmp_path) -> None:
    """QA: the web page's import errors said "(--format otlp)", a flag the page has not."""
    import pytest

    from council.errors import InvalidInput
    from council.usage.importers import PAGE_FORMAT, choose
    from tests.usage.conftest import OTLP

    with pytest.raises(InvalidInput) as wrong:
        choose(OTLP, "openai", PAGE_FORMAT)
    assert 'use Format "otlp" (or Format "detect")' in str(wrong.value)
    assert "--format" not in str(wrong.value)
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    with pytest.raises(InvalidInput) as unknown:
        choose(junk, None, PAGE_FORMAT)
    assert 'Format "otlp"' in str(unknown.value) and "--format" not in str(unknown.value)
    with pytest.raises(InvalidInput, match="--format otlp"):  # the CLI keeps its flag
        choose(OTLP, "openai")
