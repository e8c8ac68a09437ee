"""OpenAI's organization usage API, completions: ``GET /v1/organization/usage/completions``.

A page ``{"object": "page", "data": [{"object": "bucket", "start_time", "end_time",
"results": [{"object": "organization.usage.completions.result", "input_tokens",
"input_cached_tokens", "output_tokens", "num_model_requests", "model", "batch",
"project_id", "user_id", "api_key_id", "service_tier"}]}], "has_more", "next_page"}``.
Each result is a bucket of ``num_model_requests`` calls. ``input_tokens`` include the cached
ones; reasoning is inside ``output_tokens`` and not reported apart. Ask for
``group_by=model`` (and ``batch``) or the usage cannot be priced. Attribution can use a
grouping dimension: ``--attribute project_id``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from council.usage.attribution import Attribution
from council.usage.importers.base import (
    BadRecord,
    Item,
    count,
    paid_tier,
    split_included,
    timestamp,
)
from council.usage.importers.buckets import dims, read_pages
from council.usage.records import UsageRecord

RESULT = "organization.usage.completions.result"
DIMENSIONS = ("model", "batch", "project_id", "user_id", "api_key_id", "service_tier")


class OpenAIImporter:
    name = "openai"
    label = "OpenAI organization usage (completions)"

    def sniff(self, head: str) -> bool:
        return RESULT in head or ('"num_model_requests"' in head and '"results"' in head)

    def read(self, path: Path, attribution: Attribution) -> Iterator[Item]:
        return read_pages(path, record, attribution)


def record(line: int, r: dict[str, Any], bucket: dict[str, Any],
           attribution: Attribution) -> UsageRecord:
    if r.get("object") not in (None, RESULT):
        raise BadRecord(f"a {r.get('object')!r} result, not {RESULT} (a costs or other usage "
                        "endpoint?)")
    start = bucket.get("start_time")
    total_in = count(r, "input_tokens")
    cached = count(r, "input_cached_tokens")
    calls = count(r, "num_model_requests", default=None)
    if calls is None:
        raise BadRecord("no num_model_requests")
    model = r.get("model") or "(not grouped by model)"
    who = attribution.resolve({k: r.get(k) for k in DIMENSIONS if r.get(k) is not None})
    return UsageRecord(
        key=f"openai:{start}:{dims(r, DIMENSIONS)}", source="openai",
        ts=timestamp(start, "bucket start_time"), model=str(model), provider="openai",
        calls=calls, input_tokens=split_included(total_in, cached),  # type: ignore[arg-type]
        cache_read_tokens=cached, output_tokens=count(r, "output_tokens"),  # type: ignore[arg-type]
        batch=bool(r.get("batch")), service_tier=paid_tier(r.get("service_tier")),
        task=who.task, task_source=who.source,
        recommendation_id=who.recommendation_id, line=line,
    )
