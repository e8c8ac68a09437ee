"""OpenTelemetry GenAI spans as OTLP/JSON: the collector's file exporter, one object a line.

Each line is ``{"resourceSpans": [{"resource": {"attributes": [...]}, "scopeSpans": [{"spans":
[...]}]}]}``. A span with ``gen_ai.usage.*`` attributes is one call. Per the semantic
conventions ``gen_ai.usage.input_tokens`` includes the cache reads and writes and
``output_tokens`` includes reasoning; instrumentations that count them apart (their input is
smaller than the cache counts) are read that way instead. Cache writes carry no TTL in the
conventions and are priced as 5-minute writes. The trace id is the run: a task attribute on
any span of a trace (the agent's root span, say) attributes every call of that trace.
"""

from __future__ import annotations

import json
from collections import ChainMap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from council.usage.attribution import Attribution
from council.usage.importers.base import ENCODING, BadRecord, Item, count, split_included, timestamp
from council.usage.records import LineError, RunTag, UsageRecord

INPUT = ("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens")
OUTPUT = ("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens")
CACHE_READ = ("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
              "gen_ai.usage.input_tokens.cached")
CACHE_WRITE = ("gen_ai.usage.cache_creation.input_tokens",
               "gen_ai.usage.cache_creation_input_tokens", "gen_ai.usage.input_tokens.cache_write")
REASONING = ("gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.output_tokens.reasoning")
USAGE_KEYS = INPUT + OUTPUT


def _value(any_value: Any) -> Any:
    """The Python value of an OTLP AnyValue ({"stringValue": ...}, {"intValue": "12"}, ...)."""
    if not isinstance(any_value, dict):
        return None
    if "stringValue" in any_value:
        return any_value["stringValue"]
    if "intValue" in any_value:  # int64 is a JSON string in OTLP/JSON
        value = any_value["intValue"]
        try:
            return int(value) if isinstance(value, str) else value
        except ValueError:
            return value
    return any_value.get("doubleValue", any_value.get("boolValue"))


def attributes(items: Any) -> dict[str, Any]:
    if not isinstance(items, list):
        return {}
    return {kv["key"]: _value(kv.get("value")) for kv in items
            if isinstance(kv, dict) and isinstance(kv.get("key"), str)}


class OtlpImporter:
    name = "otlp"
    label = "OpenTelemetry GenAI spans (OTLP/JSON)"

    def sniff(self, head: str) -> bool:
        return '"resourceSpans"' in head

    def read(self, path: Path, attribution: Attribution) -> Iterator[Item]:
        with path.open(encoding=ENCODING, errors="replace") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    cut = not line.endswith("\n")
                    yield LineError(n, "the line ends mid-object (truncated?)" if cut
                                    else f"malformed JSON ({exc.msg})")
                    continue
                if not isinstance(data, dict) or not isinstance(data.get("resourceSpans"), list):
                    yield LineError(n, "not an OTLP/JSON traces object (no resourceSpans)")
                    continue
                yield from self._line(n, data["resourceSpans"], attribution)

    def _line(self, n: int, resource_spans: list[Any], attribution: Attribution
              ) -> Iterator[Item]:
        for rs in resource_spans:
            if not isinstance(rs, dict):
                continue
            resource = attributes((rs.get("resource") or {}).get("attributes"))
            for ss in rs.get("scopeSpans") or rs.get("instrumentationLibrarySpans") or []:
                for span in (ss.get("spans") or []) if isinstance(ss, dict) else []:
                    if not isinstance(span, dict):
                        continue
                    try:
                        item = self._span(n, span, resource, attribution)
                    except BadRecord as exc:
                        yield LineError(n, f"span {span.get('spanId', '?')}: {exc}")
                        continue
                    if item is not None:
                        yield item

    def _span(self, n: int, span: dict[str, Any], resource: dict[str, Any],
              attribution: Attribution) -> Item | None:
        attrs = attributes(span.get("attributes"))
        if not any(k in attrs for k in USAGE_KEYS):
            if attribution.tags_run(attrs) and span.get("traceId"):
                who = attribution.resolve(ChainMap(attrs, resource))
                return RunTag(str(span["traceId"]), who.task, who.recommendation_id)
            return None
        merged = ChainMap(attrs, resource)
        model = attrs.get("gen_ai.response.model") or attrs.get("gen_ai.request.model")
        if not model:
            raise BadRecord("token usage but no gen_ai.request.model or gen_ai.response.model")
        trace, span_id = span.get("traceId"), span.get("spanId")
        if not trace or not span_id:
            raise BadRecord("no traceId/spanId to identify it")
        total_in = count(attrs, *INPUT)
        total_out = count(attrs, *OUTPUT)
        read = count(attrs, *CACHE_READ)
        write = count(attrs, *CACHE_WRITE)
        reasoning = count(attrs, *REASONING)
        who = attribution.resolve(merged)
        return UsageRecord(
            key=f"otlp:{trace}:{span_id}", source="otlp",
            ts=timestamp(span.get("startTimeUnixNano"), "startTimeUnixNano"),
            model=str(model),
            provider=_str(attrs.get("gen_ai.provider.name") or attrs.get("gen_ai.system")),
            calls=1, input_tokens=split_included(total_in, read, write),  # type: ignore[arg-type]
            cache_read_tokens=read, cache_write_5m_tokens=write,  # type: ignore[arg-type]
            output_tokens=split_included(total_out, reasoning),  # type: ignore[arg-type]
            reasoning_tokens=reasoning,  # type: ignore[arg-type]
            task=who.task, task_source=who.source, recommendation_id=who.recommendation_id,
            run_id=str(trace), line=n,
        )


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
