"""A real HTTP server on 127.0.0.1 speaking the Anthropic Messages and OpenAI Chat
Completions wire formats, for testing the voters without the internet.

Its answer is computed from the request: it classifies the task text by keywords, so a
test checks that the client parsed what the server computed. A test can script failures
(slow, 429 with Retry-After, 500 then success, truncated or off-schema JSON, 400/401).
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from council.categories import CATEGORY_KEYS
from council.task import CAPABILITIES

KEYWORDS: tuple[tuple[str, str], ...] = (
    ("translate", "translation"), ("bug", "debugging"), ("crash", "debugging"),
    ("summar", "summarisation"), ("invoice", "extraction"), ("poem", "creative_writing"),
    ("prove", "math_reasoning"), ("design", "architecture"), ("sql", "data_analysis"),
    ("refactor", "code_review"), ("tag", "classification"), ("write a function",
                                                              "code_generation"),
)
HARD_WORDS = ("race condition", "distributed", "proof", "autonomous")


def classify(task: str) -> dict[str, Any]:
    """The fake provider's own verdict on a task text."""
    lowered = task.lower()
    category = next((cat for word, cat in KEYWORDS if word in lowered), "research_qa")
    difficulty = 1 + min(2, len(lowered.split()) // 15) + sum(w in lowered for w in HARD_WORDS)
    capabilities = [c for c in CAPABILITIES if c.replace("_", " ") in lowered]
    daily = re.search(r"(\d+) a day", lowered)
    return {"category": category, "difficulty": min(5, difficulty),
            "capabilities": capabilities,
            # the workload numbers, computed from the words as a voter would read them
            "input_tokens": 400 * (1 + len(lowered.split()) // 10),
            "output_tokens": 1200 if category == "translation" else 300,
            "calls_per_task": 12 if "agent" in lowered else 1,
            "runs_per_month": 30.0 * int(daily.group(1)) if daily else None,
            "user_waits": True if "chat" in lowered else (False if "overnight" in lowered
                                                          else None),
            "reason": f"keyword match for {category}"}


def task_text(user_content: str) -> str:
    match = re.search(r"<task>\n(.*)\n</task>", user_content, re.S)
    return match.group(1) if match else user_content


@dataclass
class Script:
    """What the server does next. `failures` are consumed one per request, then `mode`."""

    mode: str = "ok"  # ok | truncated | cut (at the output cap) | not_json | bad_body
    delay_s: float = 0.0
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    cached_tokens: int = 0
    answer: dict[str, Any] | None = None  # override the computed answer (off-schema tests)
    # per requested model: fields replacing the computed answer's (voters that disagree)
    by_model: dict[str, dict[str, Any]] = field(default_factory=dict)
    echo_key: bool = False  # a 401 repeats the key it was sent, as real providers' partly do


class FakeProviders:
    """Start with .start(); .url is the base; .requests records every request seen."""

    def __init__(self) -> None:
        self.script = Script()
        self.requests: list[dict[str, Any]] = []
        self.keys = {"anthropic": "sk-ant-test-SECRET-123", "openai": "sk-openai-test-SECRET-456"}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeProviders:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                fake._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # -- request handling -------------------------------------------------------------

    def _send(self, handler: BaseHTTPRequestHandler, status: int, body: bytes | dict[str, Any],
              headers: dict[str, str] | None = None) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(raw)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to answer

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length", "0"))
        raw = handler.rfile.read(length)
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            body = None
        with self._lock:
            self.requests.append({"path": handler.path, "headers": dict(handler.headers),
                                  "body": body, "t": time.monotonic()})
            failure = self.script.failures.pop(0) if self.script.failures else None
            script = self.script
        anthropic = handler.path.endswith("/v1/messages")
        if not anthropic and not handler.path.endswith("/chat/completions"):
            self._send(handler, 404, {"error": {"message": "no such route"}})
            return
        problem = (self._check_anthropic(handler, body) if anthropic
                   else self._check_openai(handler, body))
        if problem is not None:
            self._send(handler, *problem)
            return
        if failure is not None:
            status, headers = failure
            self._send(handler, status, self._error(anthropic, status, "scripted failure"),
                       headers)
            return
        if script.delay_s:
            time.sleep(script.delay_s)
        if script.mode == "bad_body":
            self._send(handler, 200, {"unexpected": True, "content": None})
            return
        cut = script.mode == "cut"
        if anthropic:
            system = body["system"][0]["text"]
            user = body["messages"][-1]["content"]
        else:
            system = body["messages"][0]["content"]
            user = body["messages"][-1]["content"]
        text = self._answer_text(task_text(user), script, body.get("model", ""))
        prompt_tokens = (len(system) + len(user)) // 4  # a stand-in tokenizer: 4 chars/token
        output_tokens = max(1, len(text) // 4)
        if anthropic:
            cached = min(script.cached_tokens, prompt_tokens)
            self._send(handler, 200, {
                "id": "msg_fake", "type": "message", "role": "assistant",
                "model": body["model"],
                "stop_reason": "max_tokens" if cut else "end_turn", "stop_sequence": None,
                "content": [{"type": "text", "text": text}],
                "usage": {"input_tokens": prompt_tokens - cached,
                          "cache_creation_input_tokens": 0 if cached else len(system) // 4,
                          "cache_read_input_tokens": cached,
                          "output_tokens": output_tokens},
            })
        else:
            cached = min(script.cached_tokens, prompt_tokens)
            self._send(handler, 200, {
                "id": "chatcmpl-fake", "object": "chat.completion", "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "length" if cut else "stop",
                             "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": output_tokens,
                          "total_tokens": prompt_tokens + output_tokens,
                          "prompt_tokens_details": {"cached_tokens": cached}},
            })

    @staticmethod
    def _answer_text(task: str, script: Script, model: str) -> str:
        answer = script.answer if script.answer is not None else classify(task)
        answer = {**answer, **script.by_model.get(model, {})}
        text = json.dumps(answer)
        if script.mode in ("truncated", "cut"):
            return text[: len(text) // 2]
        if script.mode == "not_json":
            return "I think this is a coding task."
        return text

    @staticmethod
    def _error(anthropic: bool, status: int, message: str) -> dict[str, Any]:
        if anthropic:
            kind = {400: "invalid_request_error", 401: "authentication_error",
                    429: "rate_limit_error", 529: "overloaded_error"}.get(status, "api_error")
            return {"type": "error", "error": {"type": kind, "message": message}}
        return {"error": {"message": message, "type": "server_error" if status >= 500
                          else "invalid_request_error", "code": None}}

    def _rejected(self, sent: str | None, message: str) -> str:
        if not self.script.echo_key:
            return message
        return f"{message}: Bearer {sent}. The key {sent} is not valid"

    def _check_anthropic(self, handler: BaseHTTPRequestHandler,
                         body: Any) -> tuple[int, dict[str, Any]] | None:
        key = handler.headers.get("x-api-key") or _bearer(handler.headers.get("Authorization"))
        if key != self.keys["anthropic"]:
            return 401, self._error(True, 401, self._rejected(key, "invalid x-api-key"))
        if not handler.headers.get("anthropic-version"):
            return 400, self._error(True, 400, "anthropic-version header is required")
        if not isinstance(body, dict) or not isinstance(body.get("max_tokens"), int):
            return 400, self._error(True, 400, "max_tokens: Field required")
        if not body.get("messages") or not isinstance(body.get("system"), list):
            return 400, self._error(True, 400, "messages and a system block list expected")
        return None

    def _check_openai(self, handler: BaseHTTPRequestHandler,
                      body: Any) -> tuple[int, dict[str, Any]] | None:
        sent = _bearer(handler.headers.get("Authorization"))
        if sent != self.keys["openai"]:
            return 401, self._error(False, 401, self._rejected(sent, "Incorrect API key provided"))
        if not isinstance(body, dict) or not body.get("messages"):
            return 400, self._error(False, 400, "messages is required")
        fmt = body.get("response_format", {})
        if fmt.get("type") == "json_schema":
            schema = fmt["json_schema"]["schema"]
            if set(schema["required"]) != set(schema["properties"]):
                return 400, self._error(False, 400, "strict schema must require every field")
            if schema["properties"]["category"]["enum"] != list(CATEGORY_KEYS):
                return 400, self._error(False, 400, "unexpected category enum")
        return None


def _bearer(value: str | None) -> str | None:
    if value and value.startswith("Bearer "):
        return value[len("Bearer "):]
    return None
