"""Anthropic's usage report: ``GET /v1/organizations/usage_report/messages``.

A page ``{"data": [{"starting_at", "ending_at", "results": [{"uncached_input_tokens",
"cache_read_input_tokens", "cache_creation": {"ephemeral_5m_input_tokens",
"ephemeral_1h_input_tokens"}, "output_tokens", "server_tool_use", "model", "service_tier",
"context_window", "workspace_id", "api_key_id"}]}], "has_more", "next_page"}``. The input
is already split (uncached, cache read, 5-minute and 1-hour writes). The report does not count
requests, so per-call figures come from the other sources; ``service_tier: batch`` prices at
the batch rate and ``context_window: 200k-1M`` at the long-context tier. Ask for
``group_by[]=model`` or the usage cannot be priced.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from council.usage.attribution import Attribution
from council.usage.importers.base import BadRecord, Item, count, paid_tier, timestamp
from council.usage.importers.buckets import dims, read_pages
from council.usage.records import UsageRecord

DIMENSIONS = ("model", "service_tier", "context_window", "workspace_id", "api_key_id",
              "account_id", "service_account_id", "inference_geo", "speed")


class AnthropicImporter:
    name = "anthropic"
    label = "Anthropic usage report (messages)"

    def sniff(self, head: str) -> bool:
        return '"uncached_input_tokens"' in head

    def read(self, path: Path, attribution: Attribution) -> Iterator[Item]:
        return read_pages(path, record, attribution)


def record(line: int, r: dict[str, Any], bucket: dict[str, Any],
           attribution: Attribution) -> UsageRecord:
    if "uncached_input_tokens" not in r:
        raise BadRecord("no uncached_input_tokens: not a messages usage result")
    creation = r.get("cache_creation") if isinstance(r.get("cache_creation"), dict) else {}
    start = bucket.get("starting_at")
    model = r.get("model") or "(not grouped by model)"
    who = attribution.resolve({k: r.get(k) for k in DIMENSIONS if r.get(k) is not None})
    return UsageRecord(
        key=f"anthropic:{start}:{dims(r, DIMENSIONS)}", source="anthropic",
        ts=timestamp(start, "bucket starting_at"), model=str(model), provider="anthropic",
        calls=None, input_tokens=count(r, "uncached_input_tokens"),  # type: ignore[arg-type]
        cache_read_tokens=count(r, "cache_read_input_tokens"),  # type: ignore[arg-type]
        cache_write_5m_tokens=count(creation, "ephemeral_5m_input_tokens"),  # type: ignore[arg-type]
        cache_write_1h_tokens=count(creation, "ephemeral_1h_input_tokens"),  # type: ignore[arg-type]
        output_tokens=count(r, "output_tokens"),  # type: ignore[arg-type]
        batch=r.get("service_tier") == "batch", service_tier=paid_tier(r.get("service_tier")),
        task=who.task, task_source=who.source,
        recommendation_id=who.recommendation_id, context_window=r.get("context_window"),
        line=line,
    )
