"""Any OpenAI-compatible chat-completions endpoint as a voter, over httpx.

Works for OpenAI, Google's OpenAI-compatible endpoint, xAI, OpenRouter, DeepSeek and
local servers (Ollama, vLLM, llama.cpp). The system message and the response schema are
the same bytes on every call, so providers' automatic prefix caching can reuse them.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx

from council.assess.voters.base import ProviderVoter, Reply, register
from council.assess.voters.prompt import INSTRUCTIONS, OUTPUT_SCHEMA, SCHEMA_NAME, task_message
from council.assess.voters.retry import HTTPFailure, VoterTimeout, retry_after_seconds
from council.errors import VoterError
from council.redact import redact

DEFAULT_BASE_URL = "https://api.openai.com/v1"


def _response_format(kind: str) -> dict[str, Any] | None:
    if kind == "json_schema":
        return {"type": "json_schema",
                "json_schema": {"name": SCHEMA_NAME, "strict": True, "schema": OUTPUT_SCHEMA}}
    if kind == "json_object":
        return {"type": "json_object"}
    return None


def _error_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, list) and error:  # Google wraps errors in a list
        error = error[0].get("error") if isinstance(error[0], dict) else None
    if isinstance(error, dict):
        return str(error.get("message", ""))
    return ""


@register("openai")
class OpenAICompatVoter(ProviderVoter):
    """POST {base_url}/chat/completions with Bearer auth."""

    kind = "openai"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def _get_client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client()
            return self._client

    @property
    def url(self) -> str:
        return (self.config.base_url or DEFAULT_BASE_URL).rstrip("/") + "/chat/completions"

    def request_body(self, description: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": [
                {"role": "system", "content": INSTRUCTIONS},
                {"role": "user", "content": task_message(description)},
            ],
            self.config.max_tokens_field: self.config.max_tokens,
        }
        response_format = _response_format(self.config.response_format)
        if response_format is not None:
            body["response_format"] = response_format
        body.update(self.config.extra_body)
        return body

    def _request(self, description: str, timeout_s: float) -> Reply:
        headers = {"Content-Type": "application/json"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        try:
            response = self._get_client().post(
                self.url, content=json.dumps(self.request_body(description)),
                headers=headers, timeout=timeout_s,
            )
        except httpx.TimeoutException:
            raise VoterTimeout("timed out") from None
        except httpx.TransportError as exc:
            raise VoterError(f"could not connect to {self.config.base_url or DEFAULT_BASE_URL}"
                             f" ({type(exc).__name__})") from None
        if response.status_code >= 400:
            # Masked before it is cut, so a cut never leaves part of a key behind.
            detail = redact(_error_detail(response), (self._key,))[:120]
            raise HTTPFailure(
                response.status_code,
                f"HTTP {response.status_code}" + (f": {detail}" if detail else ""),
                retry_after_seconds(response.headers),
            )
        return self._parse(response)

    @staticmethod
    def _parse(response: httpx.Response) -> Reply:
        try:
            body = response.json()
            choice = body["choices"][0]
            text = choice["message"].get("content") or ""
            usage = body.get("usage") or {}
            prompt = int(usage.get("prompt_tokens") or 0)
            cached = int((usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)
            refusal = choice["message"].get("refusal")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise VoterError("malformed chat-completions response") from None
        if refusal and not text:
            raise VoterError(f"model refused: {str(refusal)[:80]}")
        return Reply(
            text=text,
            input_tokens=max(0, prompt - cached),
            cache_read_tokens=cached,
            output_tokens=int(usage.get("completion_tokens") or 0),
            truncated=choice.get("finish_reason") == "length",
        )
