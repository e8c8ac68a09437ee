"""Write the usage fixtures in this folder, deterministically (seeded).

Run from the project root: python tests/data/usage/generate.py
Each file follows its format's published schema (see docs/usage.md for the sources):
OTLP/JSON GenAI spans as the collector's file exporter writes them, LiteLLM spend-log rows
(JSON as /spend/logs returns them, CSV as the table exports), OpenAI's
/v1/organization/usage/completions page and Anthropic's /v1/organizations/usage_report/messages
page. Two weeks of a small team's traffic in November 2026.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
START = datetime(2026, 11, 10, tzinfo=UTC)
DAYS = 14


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _av(value: object) -> dict[str, object]:
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}  # OTLP/JSON writes int64 as a string
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, list):
        return {"arrayValue": {"values": [_av(v) for v in value]}}
    return {"stringValue": str(value)}


def _attrs(d: dict[str, object]) -> list[dict[str, object]]:
    return [{"key": k, "value": _av(v)} for k, v in d.items() if v is not None]


def _ns(t: datetime) -> str:
    return str(int(t.timestamp() * 1e9))


def otlp(rng: random.Random) -> None:
    """Spans from two services: a support-ticket triage bot on gpt-5.4-mini (one call per
    ticket) and a PR-review agent on claude-sonnet-4-6 (multi-call traces whose root span
    carries council.task), plus a few calls to a self-hosted model the catalog does not know."""
    lines = []
    for day in range(DAYS):
        base = START + timedelta(days=day, hours=8)
        # triage: batches of 10-14 spans per exported line, one trace per ticket
        for batch in range(3):
            spans = []
            for i in range(rng.randint(10, 14)):
                t = base + timedelta(minutes=batch * 170 + i * 7, seconds=rng.randint(0, 59))
                inp, out = rng.randint(520, 760), rng.randint(12, 40)
                cached = 512 if rng.random() < 0.7 else 0
                reasoning = rng.choice([0, 0, 64, 128])
                attrs = {"gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai",
                         "gen_ai.request.model": "gpt-5.4-mini",
                         "gen_ai.response.model": "gpt-5.4-mini-2026-03-17",
                         "gen_ai.response.id": f"chatcmpl-{_hex(rng, 24)}",
                         "gen_ai.request.temperature": 0.0, "gen_ai.request.max_tokens": 256,
                         "gen_ai.response.finish_reasons": ["stop"],
                         "gen_ai.usage.input_tokens": inp,
                         "gen_ai.usage.cache_read.input_tokens": cached or None,
                         "gen_ai.usage.output_tokens": out + reasoning,
                         "gen_ai.usage.reasoning.output_tokens": reasoning or None,
                         "server.address": "api.openai.com", "council.task": "ticket-triage"}
                dur = timedelta(milliseconds=rng.randint(380, 1400))
                spans.append({"traceId": _hex(rng, 32), "spanId": _hex(rng, 16),
                              "parentSpanId": "", "name": "chat gpt-5.4-mini", "kind": 3,
                              "startTimeUnixNano": _ns(t), "endTimeUnixNano": _ns(t + dur),
                              "attributes": _attrs(attrs), "status": {}})
            lines.append({"resourceSpans": [{
                "resource": {"attributes": _attrs({"service.name": "support-triage",
                                                   "service.version": "2.14.0",
                                                   "deployment.environment.name": "prod",
                                                   "telemetry.sdk.language": "python"})},
                "scopeSpans": [{"scope": {"name": "opentelemetry.instrumentation.openai_v2",
                                          "version": "2.1b0"}, "spans": spans}]}]})
        # review agent: 2-3 runs a day, 4-9 calls each, history re-sent and cached
        for run in range(rng.randint(2, 3)):
            trace = _hex(rng, 32)
            root = _hex(rng, 16)
            t0 = base + timedelta(hours=2 + run * 3, minutes=rng.randint(0, 50))
            spans = []
            history = 0
            calls = rng.randint(4, 9)
            for k in range(calls):
                t = t0 + timedelta(seconds=20 * k)
                system = 3200
                fresh = rng.randint(900, 2200)
                out = rng.randint(300, 900)
                read = system + history if k else 0
                write = fresh if k < calls - 1 else 0
                attrs = {"gen_ai.operation.name": "chat", "gen_ai.system": "anthropic",
                         "gen_ai.request.model": "claude-sonnet-4-6",
                         "gen_ai.response.model": "claude-sonnet-4-6",
                         "gen_ai.usage.input_tokens": fresh + read + write + (system if k == 0
                                                                              else 0),
                         "gen_ai.usage.cache_read.input_tokens": read or None,
                         "gen_ai.usage.cache_creation.input_tokens": write + (system if k == 0
                                                                              else 0),
                         "gen_ai.usage.output_tokens": out,
                         "gen_ai.response.finish_reasons": ["tool_use" if k < calls - 1
                                                            else "end_turn"]}
                history += fresh + out
                spans.append({"traceId": trace, "spanId": _hex(rng, 16), "parentSpanId": root,
                              "name": "chat claude-sonnet-4-6", "kind": 3,
                              "startTimeUnixNano": _ns(t),
                              "endTimeUnixNano": _ns(t + timedelta(seconds=rng.randint(4, 18))),
                              "attributes": _attrs(attrs), "status": {}})
            spans.insert(0, {"traceId": trace, "spanId": root, "parentSpanId": "",
                             "name": "invoke_agent pr-reviewer", "kind": 1,
                             "startTimeUnixNano": _ns(t0),
                             "endTimeUnixNano": _ns(t0 + timedelta(seconds=20 * calls + 15)),
                             "attributes": _attrs({"gen_ai.operation.name": "invoke_agent",
                                                   "gen_ai.agent.name": "pr-reviewer",
                                                   "council.task": "pr-review-agent"}),
                             "status": {}})
            lines.append({"resourceSpans": [{
                "resource": {"attributes": _attrs({"service.name": "review-agent",
                                                   "service.version": "0.9.3"})},
                "scopeSpans": [{"scope": {"name": "opentelemetry.instrumentation.anthropic",
                                          "version": "0.40.2"}, "spans": spans}]}]})
        if day % 3 == 0:  # a self-hosted model, not in the catalog, untagged
            t = base + timedelta(hours=9)
            spans = [{"traceId": _hex(rng, 32), "spanId": _hex(rng, 16), "parentSpanId": "",
                      "name": "chat acme-llama-3.3-70b-ft", "kind": 3,
                      "startTimeUnixNano": _ns(t + timedelta(minutes=i)),
                      "endTimeUnixNano": _ns(t + timedelta(minutes=i, seconds=3)),
                      "attributes": _attrs({"gen_ai.operation.name": "chat",
                                            "gen_ai.provider.name": "vllm",
                                            "gen_ai.request.model": "acme-llama-3.3-70b-ft",
                                            "gen_ai.usage.input_tokens": rng.randint(800, 1600),
                                            "gen_ai.usage.output_tokens": rng.randint(100, 300)}),
                      "status": {}} for i in range(6)]
            lines.append({"resourceSpans": [{"resource": {"attributes": _attrs(
                {"service.name": "docs-search"})}, "scopeSpans": [{"scope": {
                    "name": "opentelemetry.instrumentation.openai_v2"}, "spans": spans}]}]})
    with (HERE / "otlp_spans.jsonl").open("w") as f:
        for line in lines:
            f.write(json.dumps(line, separators=(",", ":")) + "\n")


def _litellm_rows(rng: random.Random) -> list[dict[str, object]]:
    """Rows of LiteLLM_SpendLogs: nightly summaries on gemini-2.5-flash tagged by request tag,
    ticket triage on gpt-5.4-mini tagged through spend_logs_metadata, and untagged calls."""
    rows = []
    key_hash = hashlib.sha256(b"sk-team-virtual-key").hexdigest()
    for day in range(DAYS):
        for i in range(11):
            t = START + timedelta(days=day, hours=1, minutes=5 * i, seconds=rng.randint(0, 59))
            kind = ["summaries"] * 6 + ["triage"] * 3 + ["untagged"] * 2
            what = kind[i]
            if what == "summaries":
                model, provider, group = "gemini-2.5-flash", "gemini", "summariser"
                prompt, completion = rng.randint(5200, 7400), rng.randint(450, 700)
                cached, reasoning = 0, rng.choice([0, 220, 410])
                meta_task = None
                tags = ["council.task:nightly-summaries", "team:docs"]
                price_in, price_out, price_cache = 0.30, 2.50, 0.03
            elif what == "triage":
                model, provider, group = "gpt-5.4-mini", "openai", "triage-model"
                prompt, completion = rng.randint(540, 720), rng.randint(14, 36)
                cached, reasoning = 512, 0
                meta_task = "ticket-triage"
                tags = ["team:support"]
                price_in, price_out, price_cache = 0.75, 4.50, 0.075
            else:
                model, provider, group = "gpt-4.1", "openai", "general"
                prompt, completion = rng.randint(1200, 3000), rng.randint(200, 600)
                cached, reasoning = 0, 0
                meta_task = None
                tags = []
                price_in, price_out, price_cache = 2.0, 8.0, 0.5
            spend = ((prompt - cached) * price_in + cached * price_cache
                     + completion * price_out) / 1e6
            end = t + timedelta(milliseconds=rng.randint(600, 5200))
            usage = {"completion_tokens": completion, "prompt_tokens": prompt,
                     "total_tokens": prompt + completion,
                     "completion_tokens_details": {"reasoning_tokens": reasoning,
                                                   "accepted_prediction_tokens": 0,
                                                   "rejected_prediction_tokens": 0,
                                                   "audio_tokens": 0},
                     "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0}}
            metadata = {"user_api_key": key_hash, "user_api_key_alias": "docs-pipeline"
                        if what == "summaries" else "support-bot",
                        "user_api_key_team_id": "team-7f3a", "user_api_key_org_id": None,
                        "user_api_key_user_id": "svc-ml",
                        "user_api_key_team_alias": "ml-platform",
                        "spend_logs_metadata": ({"council.task": meta_task}
                                                if meta_task else None),
                        "requester_ip_address": "10.20.3.17", "applied_guardrails": [],
                        "status": "success", "proxy_server_request": None,
                        "batch_models": None, "usage_object": usage,
                        "model_map_information": {"model_map_key": model,
                                                  "model_map_value": None}}
            rows.append({
                "request_id": f"chatcmpl-{uuid.UUID(int=rng.getrandbits(128))}",
                "call_type": "acompletion", "api_key": key_hash, "spend": round(spend, 9),
                "total_tokens": prompt + completion, "prompt_tokens": prompt,
                "completion_tokens": completion,
                "startTime": t.strftime("%Y-%m-%dT%H:%M:%S.%f"),
                "endTime": end.strftime("%Y-%m-%dT%H:%M:%S.%f"),
                "completionStartTime": (t + timedelta(milliseconds=320)).strftime(
                    "%Y-%m-%dT%H:%M:%S.%f"),
                "request_duration_ms": int((end - t).total_seconds() * 1000),
                "model": model, "model_id": hashlib.md5(group.encode()).hexdigest(),
                "model_group": group, "custom_llm_provider": provider,
                "api_base": "https://api.openai.com/v1" if provider == "openai"
                else "https://generativelanguage.googleapis.com/v1beta",
                "user": "", "metadata": metadata, "cache_hit": "False", "cache_key": "Cache OFF",
                "request_tags": tags, "team_id": "team-7f3a", "organization_id": None,
                "end_user": "", "requester_ip_address": "10.20.3.17", "messages": {},
                "response": {}, "session_id": None, "status": "success",
                "mcp_namespaced_tool_name": None, "agent_id": None,
                "proxy_server_request": {}})
    return rows


def litellm(rng: random.Random) -> None:
    rows = _litellm_rows(rng)
    (HERE / "litellm_spend_logs.json").write_text(json.dumps(rows, indent=2) + "\n")
    csv_rows = _litellm_rows(random.Random(11))[:120]
    cols = list(csv_rows[0])
    with (HERE / "litellm_spend_logs.csv").open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in csv_rows:
            out = dict(r)
            for c in ("metadata", "request_tags", "messages", "response", "proxy_server_request"):
                out[c] = json.dumps(out[c])
            for c in ("startTime", "endTime", "completionStartTime"):
                out[c] = str(out[c]).replace("T", " ")[:23]  # as Postgres exports timestamp(3)
            out = {k: ("" if v is None else v) for k, v in out.items()}
            w.writerow(out)


def openai_usage(rng: random.Random) -> None:
    """GET /v1/organization/usage/completions?bucket_width=1d&group_by=model,project_id,batch"""
    data = []
    for day in range(DAYS):
        start = START + timedelta(days=day)
        results = []
        for model, project, batch, reqs, per_in, per_out, hit in (
                ("gpt-5.4-mini-2026-03-17", "proj_support_triage", False, 520, 640, 30, 0.78),
                ("gpt-5.4-mini-2026-03-17", "proj_support_triage", True, 1800, 610, 28, 0.0),
                ("gpt-4.1-2025-04-14", "proj_code_review", False, 140, 6400, 900, 0.42),
                ("ft:gpt-4.1-mini-2025-04-14:acme:intent:BxY7qk2", "proj_support_triage", False,
                 260, 420, 12, 0.0)):
            n = max(1, int(reqs * rng.uniform(0.8, 1.2)))
            inp = int(n * per_in * rng.uniform(0.9, 1.1))
            results.append({"object": "organization.usage.completions.result",
                            "input_tokens": inp, "output_tokens": int(n * per_out),
                            "input_cached_tokens": int(inp * hit), "input_audio_tokens": 0,
                            "output_audio_tokens": 0, "num_model_requests": n,
                            "project_id": project, "user_id": None, "api_key_id": None,
                            "model": model, "batch": batch, "service_tier": None})
        data.append({"object": "bucket", "start_time": int(start.timestamp()),
                     "end_time": int((start + timedelta(days=1)).timestamp()),
                     "results": results})
    page = {"object": "page", "data": data, "has_more": False, "next_page": None}
    (HERE / "openai_usage_completions.json").write_text(json.dumps(page, indent=2) + "\n")


def anthropic_usage(rng: random.Random) -> None:
    """GET /v1/organizations/usage_report/messages?bucket_width=1d
    &group_by[]=model&group_by[]=service_tier&group_by[]=context_window&group_by[]=workspace_id"""
    data = []
    for day in range(DAYS):
        start = START + timedelta(days=day)
        results = []
        for model, tier, window, ws, scale in (
                ("claude-sonnet-4-6", "standard", "0-200k", "wrkspc_01ReviewAgent", 1.0),
                ("claude-sonnet-4-6", "standard", "200k-1M", "wrkspc_01ReviewAgent", 0.05),
                ("claude-haiku-4-5-20251001", "batch", "0-200k", "wrkspc_01DocsPipeline", 2.0),
                ("claude-haiku-4-5-20251001", "standard", "0-200k", "wrkspc_01DocsPipeline",
                 0.6)):
            s = scale * rng.uniform(0.8, 1.2)
            results.append({"uncached_input_tokens": int(410_000 * s),
                            "cache_creation": {"ephemeral_1h_input_tokens": int(8_000 * s)
                                               if tier == "standard" else 0,
                                               "ephemeral_5m_input_tokens": int(96_000 * s)},
                            "cache_read_input_tokens": int(1_250_000 * s),
                            "output_tokens": int(88_000 * s),
                            "server_tool_use": {"web_search_requests": 0},
                            "api_key_id": None, "workspace_id": ws, "model": model,
                            "service_tier": tier, "context_window": window,
                            "inference_geo": "not_available"})
        data.append({"starting_at": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "ending_at": (start + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "results": results})
    page = {"data": data, "has_more": False, "next_page": None}
    (HERE / "anthropic_usage_report.json").write_text(json.dumps(page, indent=2) + "\n")


if __name__ == "__main__":
    otlp(random.Random(1))
    litellm(random.Random(2))
    openai_usage(random.Random(3))
    anthropic_usage(random.Random(4))
    for p in sorted(HERE.glob("*.js*")) + sorted(HERE.glob("*.csv")):
        print(f"{p.name:34} {p.stat().st_size:>9,} bytes")
