"""A fresh real SQLite with the bundled catalog, the usage fixtures and a stored recommendation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from council.config import PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data" / "usage"
OTLP = DATA / "otlp_spans.jsonl"
LITELLM_JSON = DATA / "litellm_spend_logs.json"
LITELLM_CSV = DATA / "litellm_spend_logs.csv"
OPENAI = DATA / "openai_usage_completions.json"
ANTHROPIC = DATA / "anthropic_usage_report.json"


@pytest.fixture()
def db(tmp_path: Path) -> Any:
    from council.db import open_db

    return open_db(tmp_path / "council.db")


@pytest.fixture()
def catalog(db: Any) -> Any:
    from council.catalog.store import init_catalog

    return init_catalog(db, PROJECT_ROOT / "models_catalog")


def stored_rec(db: Any, *, model: str = "gpt-5.4-mini", per_call: float = 0.0004,
               per_task: float = 0.0004, calls: int = 1, category: str = "classification",
               input_tokens: int = 600, output_tokens: int = 30, prefix: int = 360) -> str:
    """Save a recommendation (the shape `council.api.Recommendation.to_dict` gives)."""
    from council import store
    from council.task import parse_task

    rec = {"schema_version": 1, "catalog_version": "test",
           "assessment": {"category": category, "difficulty": 2.0},
           "assumptions": {"input_tokens": input_tokens, "output_tokens": output_tokens,
                           "cached_prefix_tokens": prefix, "calls_per_task": calls,
                           "runs_per_month": 10_000, "reasoning_tokens": 0},
           "recommended": {"model_id": model, "cost": {"per_call": per_call,
                                                       "per_task": per_task,
                                                       "per_month": per_task * 10_000}},
           "default": {"model_id": "claude-opus-4-7", "cost": {"per_month": 100.0}}}
    return store.save_recommendation(db, parse_task(description="Route support tickets"),
                                     json.loads(json.dumps(rec)))


def otlp_line(spans: list[dict[str, Any]], resource: dict[str, Any] | None = None) -> str:
    def attrs(d: dict[str, Any]) -> list[dict[str, Any]]:
        out = []
        for k, v in d.items():
            if isinstance(v, bool):
                out.append({"key": k, "value": {"boolValue": v}})
            elif isinstance(v, int):
                out.append({"key": k, "value": {"intValue": str(v)}})
            else:
                out.append({"key": k, "value": {"stringValue": str(v)}})
        return out

    return json.dumps({"resourceSpans": [{
        "resource": {"attributes": attrs(resource or {"service.name": "test"})},
        "scopeSpans": [{"scope": {"name": "test"}, "spans": [
            {"traceId": s.get("trace", "a" * 32), "spanId": s["span"], "name": "chat",
             "kind": 3, "startTimeUnixNano": s.get("start", "1794355200000000000"),
             "endTimeUnixNano": s.get("start", "1794355200000000000"),
             "attributes": attrs(s["attrs"])} for s in spans]}]}]})


def span(span_id: str, model: str = "gpt-5.4-mini", inp: int = 1000, out: int = 100,
         trace: str = "a" * 32, **extra: Any) -> dict[str, Any]:
    attrs = {"gen_ai.provider.name": "openai", "gen_ai.request.model": model,
             "gen_ai.usage.input_tokens": inp, "gen_ai.usage.output_tokens": out, **extra}
    return {"span": span_id, "trace": trace, "attrs": attrs}
