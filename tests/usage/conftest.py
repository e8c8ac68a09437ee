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
    """The product's whole schema, as the app opens it: a bare open_db would apply only the
    migrations of the modules imported so far, so a test file run alone lacked the catalog's."""
    from council.assembly import open_database

    return open_database(tmp_path / "council.db")


@pytest.fixture()
def catalog(db: Any) -> Any:
    from council.catalog.store import init_catalog

    return init_catalog(db, PROJECT_ROOT / "models_catalog")


def stored_rec(db: Any, *, model: str = "gpt-5.4-mini", per_call: float = 0.0004,
               per_task: float = 0.0004, calls: int = 1, category: str = "classification",
               input_tokens: int = 600, output_tokens: int = 30, prefix: int = 360) -> str:
    """Save a real recommendation (tests.recs) whose pick and cost are set as a test needs."""
    import dataclasses

    from council import store
    from tests.recs import make_rec

    rec = make_rec("Route support tickets", category=category, input_tokens=input_tokens,
                   output_tokens=output_tokens, calls_per_task=calls,
                   cached_prefix_tokens=prefix, runs_per_month=10_000)
    assert rec.recommended is not None
    pick = dataclasses.replace(rec.recommended, model_id=model, cost=dataclasses.replace(
        rec.recommended.cost, per_call=per_call, per_task=per_task,
        per_month=per_task * 10_000))
    return store.save_recommendation(db, dataclasses.replace(rec, recommended=pick))


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
