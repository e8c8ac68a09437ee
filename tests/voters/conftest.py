"""Fixtures for the voter tests: the loopback provider server and a tiny local classifier."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from council.assess.voters import VoterConfig
from council.assess.voters.anthropic_voter import AnthropicVoter
from council.assess.voters.openai_compat import OpenAICompatVoter
from council.assessment import Vote
from council.categories import CATEGORY_KEYS

from .fake_providers import FakeProviders, classify


@pytest.fixture()
def fake() -> Iterator[FakeProviders]:
    server = FakeProviders().start()
    yield server
    server.stop()


@pytest.fixture()
def closed_port() -> int:
    """A loopback port with nothing listening (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class KeywordClassifier:
    """Stands in for the local classifier: a distribution computed from the text."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def vote(self, text: str) -> Vote:
        verdict = classify(text)
        rest = 0.2 / (len(CATEGORY_KEYS) - 1)
        probs = {k: (0.8 if k == verdict["category"] else rest) for k in CATEGORY_KEYS}
        return Vote(voter="local", kind="local", category=verdict["category"],
                    category_p=probs, difficulty=float(verdict["difficulty"]),
                    difficulty_sd=0.6, weight=self.weight, reason="keyword stand-in")


@pytest.fixture()
def classifier() -> KeywordClassifier:
    return KeywordClassifier()


def prices(model_id: str, fresh: int, cache_read: int, cache_write: int, out: int) -> float:
    """A price function with Anthropic-like ratios: $1/M in, 0.1x reads, 1.25x writes, $5/M out."""
    return (fresh + 0.1 * cache_read + 1.25 * cache_write) * 1e-6 + out * 5e-6


def anthropic_voter(fake: FakeProviders, *, key: str | None = None,
                    **overrides: object) -> AnthropicVoter:
    fields: dict[str, object] = {"name": "claude", "kind": "anthropic",
                                 "model": "claude-haiku-4-5", "base_url": fake.url,
                                 "key_env": "ANTHROPIC_API_KEY", **overrides}
    config = VoterConfig(**fields)  # type: ignore[arg-type]
    return AnthropicVoter(config, key or fake.keys["anthropic"], prices)


def openai_voter(fake: FakeProviders | None, *, base_url: str | None = None,
                 key: str | None = None, **overrides: object) -> OpenAICompatVoter:
    config = VoterConfig(name=str(overrides.pop("name", "nano")), kind="openai",
                         model=str(overrides.pop("model", "gpt-6-luna")),
                         base_url=base_url or (fake.url + "/v1" if fake else None),
                         key_env="OPENAI_API_KEY", **overrides)  # type: ignore[arg-type]
    return OpenAICompatVoter(config, key or (fake.keys["openai"] if fake else "k"), prices)
