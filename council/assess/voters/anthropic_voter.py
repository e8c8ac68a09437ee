"""Claude models as voters, through the official `anthropic` SDK (imported when first used)."""

from __future__ import annotations

from typing import Any

from council.assess.voters.base import ProviderVoter, Reply, register
from council.assess.voters.prompt import INSTRUCTIONS, task_message
from council.assess.voters.retry import HTTPFailure, VoterTimeout, retry_after_seconds
from council.errors import VoterError
from council.redact import redact


@register("anthropic")
class AnthropicVoter(ProviderVoter):
    """Messages API; the fixed instructions are a system block marked for prompt caching."""

    kind = "anthropic"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built now, not at the first vote: importing the SDK takes a second or more on a
        # cold, busy machine, and that second would come out of the first vote's deadline.
        import anthropic

        # Retries are ours (retry.py), so they stay inside the voter's deadline.
        self._client = anthropic.Anthropic(
            api_key=self._key, base_url=self.config.base_url, max_retries=0,
        )

    def request_body(self, description: str) -> dict[str, Any]:
        return {
            "model": self.config.model,
            "max_tokens": self.config.max_tokens,
            "system": [{"type": "text", "text": INSTRUCTIONS,
                        "cache_control": {"type": "ephemeral"}}],
            "messages": [{"role": "user", "content": task_message(description)}],
            **self.config.extra_body,
        }

    def _request(self, description: str, timeout_s: float) -> Reply:
        import anthropic

        try:
            message = self._client.messages.create(**self.request_body(description),
                                                   timeout=timeout_s)
        except anthropic.APITimeoutError:
            raise VoterTimeout("timed out") from None
        except anthropic.APIConnectionError:
            raise VoterError("could not connect to the Anthropic API") from None
        except anthropic.APIStatusError as exc:
            # Masked before it is cut, so a cut never leaves part of a key behind.
            detail = redact(getattr(exc, "api_message", None) or "", (self._key,))[:120]
            raise HTTPFailure(
                exc.status_code,
                f"HTTP {exc.status_code}" + (f": {detail}" if detail else ""),
                retry_after_seconds(exc.response.headers),
            ) from None
        except anthropic.APIResponseValidationError:
            raise VoterError("malformed response from the Anthropic API") from None
        try:
            text = "".join(block.text for block in message.content
                           if getattr(block, "type", "") == "text")
            usage = message.usage
            return Reply(
                text=text,
                input_tokens=usage.input_tokens or 0,
                cache_read_tokens=usage.cache_read_input_tokens or 0,
                cache_write_tokens=usage.cache_creation_input_tokens or 0,
                output_tokens=usage.output_tokens or 0,
                truncated=message.stop_reason == "max_tokens",
            )
        except (AttributeError, TypeError):
            raise VoterError("malformed Messages API response") from None
