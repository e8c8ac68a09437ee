"""LiteLLM proxy spend-log rows (the LiteLLM_SpendLogs table) as JSON or CSV.

Accepted shapes: a JSON array of rows (``/spend/logs``), ``{"data": [rows], ...}``
(``/spend/logs/v2``), JSON Lines, or a CSV export with the table's columns (``metadata`` and
``request_tags`` then hold JSON text). ``prompt_tokens`` include cached tokens and
``completion_tokens`` include reasoning (OpenAI's convention, which LiteLLM normalises to);
the split comes from ``metadata.usage_object`` (or ``additional_usage_values``).
Attributes for attribution: ``metadata.spend_logs_metadata`` (the
``x-litellm-spend-logs-metadata`` header lands there), ``request_tags`` written
``key:value``, and the other scalar metadata fields. ``spend`` is kept as the cost LiteLLM
reported, beside the catalog's price.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from council.usage.attribution import Attribution, tag_pairs
from council.usage.importers.base import (
    ENCODING,
    BadRecord,
    Item,
    count,
    first_line_is_json,
    json_object,
    split_included,
    timestamp,
)
from council.usage.jsonwalk import objects_at
from council.usage.records import LineError, UsageRecord


class LiteLLMImporter:
    name = "litellm"
    label = "LiteLLM spend logs"

    def sniff(self, head: str) -> bool:
        return "request_id" in head and ("spend" in head or "call_type" in head)

    def read(self, path: Path, attribution: Attribution) -> Iterator[Item]:
        with path.open(encoding=ENCODING, errors="replace") as f:
            start = f.read(4096).lstrip("\ufeff \t\r\n")[:1]
        if start not in ("[", "{"):
            yield from self._csv(path, attribution)
            return
        if start == "{" and first_line_is_json(path):
            yield from self._jsonl(path, attribution)
            return
        text = path.read_text(encoding=ENCODING, errors="replace")
        rows_path = () if start == "[" else ("data",)
        for item in objects_at(text, rows_path):
            if isinstance(item, LineError):
                yield item
            else:
                yield self._safe(item[0], item[1], attribution)

    def _jsonl(self, path: Path, attribution: Attribution) -> Iterator[Item]:
        with path.open(encoding=ENCODING, errors="replace") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield LineError(n, "the line ends mid-row (truncated?)"
                                    if not line.endswith("\n") else f"malformed JSON ({exc.msg})")
                    continue
                if isinstance(row, dict) and isinstance(row.get("data"), list):
                    for item in objects_at(line, ("data",), first_line=n):
                        yield (item if isinstance(item, LineError)
                               else self._safe(item[0], item[1], attribution))
                    continue
                yield self._safe(n, row, attribution)

    def _csv(self, path: Path, attribution: Attribution) -> Iterator[Item]:
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with path.open(encoding=ENCODING, errors="replace", newline="") as f:
            delimiter = _delimiter(f.readline())
            f.seek(0)
            reader = csv.DictReader(f, delimiter=delimiter)
            if not reader.fieldnames or "request_id" not in reader.fieldnames:
                yield LineError(1, "a CSV without a request_id column (separated by commas, "
                                   "semicolons or tabs) is not a LiteLLM spend log export")
                return
            for row in reader:
                n = reader.line_num
                if None in row.values() or None in row:
                    have = len([v for v in row.values() if v is not None])
                    yield LineError(n, f"the row has {have} of {len(reader.fieldnames)} "
                                       "columns (truncated?)")
                    continue
                yield self._safe(n, row, attribution)

    def _safe(self, n: int, row: Any, attribution: Attribution) -> Item:
        if not isinstance(row, dict) or "__not_an_object__" in row:
            return LineError(n, "not a spend-log row (expected a JSON object)")
        try:
            return self.record(n, row, attribution)
        except BadRecord as exc:
            return LineError(n, f"request {row.get('request_id', '?')}: {exc}")

    def record(self, n: int, row: dict[str, Any], attribution: Attribution) -> UsageRecord:
        request_id = row.get("request_id")
        if not request_id:
            raise BadRecord("no request_id")
        model = row.get("model") or row.get("model_group")
        if not model:
            raise BadRecord("no model")
        metadata = json_object(row.get("metadata"), "metadata")
        usage = metadata.get("usage_object") or metadata.get("additional_usage_values") or {}
        usage = usage if isinstance(usage, dict) else {}
        prompt = count(row, "prompt_tokens")
        completion = count(row, "completion_tokens")
        details = usage.get("prompt_tokens_details") or {}
        read = count(usage, "cache_read_input_tokens", default=None)
        if read is None:
            read = count(details if isinstance(details, dict) else {}, "cached_tokens")
        creation = usage.get("cache_creation") if isinstance(usage.get("cache_creation"), dict) \
            else {}
        write_1h = count(creation, "ephemeral_1h_input_tokens")
        write_all = count(usage, "cache_creation_input_tokens")
        write_5m = max(write_all - write_1h, 0)  # type: ignore[operator]
        out_details = usage.get("completion_tokens_details") or {}
        reasoning = count(out_details if isinstance(out_details, dict) else {}, "reasoning_tokens")
        attrs: dict[str, Any] = {k: v for k, v in metadata.items()
                                 if not isinstance(v, dict | list)}
        attrs.update(tag_pairs(_json_list(row.get("request_tags"))))
        logged = metadata.get("spend_logs_metadata")
        if isinstance(logged, dict):
            attrs.update(logged)
        who = attribution.resolve(attrs)
        spend = row.get("spend")
        try:
            reported = float(spend) if spend not in (None, "") else None
        except (TypeError, ValueError):
            raise BadRecord(f"spend {spend!r} is not a number") from None
        # LiteLLM writes a failed request as a row with status "failure" (also in
        # metadata.status) and its error in metadata.error_information; its spend is 0 unless
        # the provider charged for it. Such a row is not money spent (QA round 16: 10 failed
        # gpt-4.1-mini calls were priced, so the catalog read twice the proxy's spend).
        status = str(row.get("status") or metadata.get("status") or "").strip().lower()
        unbilled = status == "failure" and not reported
        return UsageRecord(
            key=f"litellm:{request_id}", source="litellm",
            ts=timestamp(row.get("startTime") or row.get("start_time"), "startTime"),
            model=str(model), provider=row.get("custom_llm_provider") or None, calls=1,
            input_tokens=split_included(prompt, read, write_all),  # type: ignore[arg-type]
            cache_read_tokens=read, cache_write_5m_tokens=write_5m,  # type: ignore[arg-type]
            cache_write_1h_tokens=write_1h,  # type: ignore[arg-type]
            output_tokens=split_included(completion, reasoning),  # type: ignore[arg-type]
            reasoning_tokens=reasoning,  # type: ignore[arg-type]
            task=who.task, task_source=who.source, recommendation_id=who.recommendation_id,
            run_id=row.get("session_id") or None, reported_usd=reported, unbilled=unbilled,
            line=n,
        )


def _json_list(value: Any) -> list[Any]:
    if isinstance(value, str) and value.strip():
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    return value if isinstance(value, list) else []


def _delimiter(header: str) -> str:
    """The separator of a spend-log CSV, from its header: a comma, or the semicolon a
    spreadsheet saves in locales whose decimal mark is a comma (QA round 16: such a file read
    "a CSV without a request_id column"), or a tab."""
    for delimiter in (",", ";", "\t"):
        names = next(csv.reader([header], delimiter=delimiter), [])
        if "request_id" in (n.strip() for n in names):
            return delimiter
    return ","
