"""The Anthropic voter against the loopback server speaking the Messages API."""

from __future__ import annotations

import logging
import time

import pytest

from council.assess.voters.prompt import INSTRUCTIONS

from .conftest import anthropic_voter, prices
from .fake_providers import classify

TASK = "Find the bug that makes our payment worker crash under a race condition."


def test_vote_parses_what_the_server_computed(fake):
    vote = anthropic_voter(fake).vote(TASK, 5.0)
    expected = classify(TASK)
    assert vote.error is None
    assert vote.kind == "anthropic" and vote.model == "claude-haiku-4-5"
    assert vote.category == expected["category"]
    assert vote.difficulty == expected["difficulty"]
    assert vote.reason == expected["reason"]
    assert vote.latency_s > 0


def test_request_carries_cache_marker_key_version_and_small_max_tokens(fake):
    anthropic_voter(fake, max_tokens=150).vote(TASK, 5.0)
    (req,) = fake.requests
    assert req["path"] == "/v1/messages"
    headers = {k.lower(): v for k, v in req["headers"].items()}
    sent_key = headers.get("x-api-key") or headers["authorization"].removeprefix("Bearer ")
    assert sent_key == fake.keys["anthropic"]
    assert headers["anthropic-version"]
    body = req["body"]
    assert body["max_tokens"] == 150
    assert body["system"] == [{"type": "text", "text": INSTRUCTIONS,
                               "cache_control": {"type": "ephemeral"}}]
    assert body["messages"][-1]["role"] == "user"
    assert body["messages"][-1]["content"].rstrip().endswith("</task>")  # the task is last
    assert TASK in body["messages"][-1]["content"]


def test_usage_and_cost_come_from_the_usage_block(fake):
    fake.script.cached_tokens = 100
    vote = anthropic_voter(fake).vote(TASK, 5.0)
    body = fake.requests[0]["body"]
    prompt = (len(body["system"][0]["text"]) + len(body["messages"][-1]["content"])) // 4
    assert vote.input_tokens == prompt
    assert vote.cached_input_tokens == 100
    assert vote.output_tokens > 0
    assert vote.cost_usd == pytest.approx(
        prices("claude-haiku-4-5", prompt - 100, 100, 0, vote.output_tokens))


def test_off_schema_answer_is_an_error_vote_that_keeps_its_cost(fake):
    fake.script.answer = {"category": "poetry", "difficulty": 3, "capabilities": [],
                          "reason": "x"}
    vote = anthropic_voter(fake).vote(TASK, 5.0)
    assert not vote.ok
    assert "unknown category" in vote.error
    assert vote.cost_usd > 0


def test_truncated_json_is_an_error_vote(fake):
    fake.script.mode = "truncated"
    vote = anthropic_voter(fake).vote(TASK, 5.0)
    assert not vote.ok and "JSON" in vote.error


def test_wrong_key_is_401_and_not_retried(fake):
    voter = anthropic_voter(fake)
    fake.keys["anthropic"] = "another-key"  # the server now expects a different key
    vote = voter.vote(TASK, 5.0)
    assert vote.error.startswith("HTTP 401")
    assert len(fake.requests) == 1


def test_429_honours_retry_after_then_succeeds(fake):
    fake.script.failures = [(429, {"Retry-After": "1"})]
    vote = anthropic_voter(fake).vote(TASK, 5.0)
    assert vote.ok
    first, second = fake.requests
    assert second["t"] - first["t"] >= 0.95


def test_slow_server_times_out_within_the_deadline(fake):
    fake.script.delay_s = 3.0
    start = time.monotonic()
    vote = anthropic_voter(fake).vote(TASK, 0.5)
    assert time.monotonic() - start < 1.5
    assert vote.error == "timed out after 0.5 s"


def test_connection_refused_is_an_error_vote(fake, closed_port):
    voter = anthropic_voter(fake, base_url=f"http://127.0.0.1:{closed_port}")
    vote = voter.vote(TASK, 2.0)
    assert vote.error == "could not connect to the Anthropic API"


def test_key_never_in_repr_logs_or_errors(fake, caplog):
    caplog.set_level(logging.DEBUG)
    voter = anthropic_voter(fake)
    ok = voter.vote(TASK, 5.0)
    fake.script.failures = [(400, {})]
    bad = voter.vote(TASK, 5.0)
    key = fake.keys["anthropic"]
    assert key not in repr(voter)
    assert key not in caplog.text
    assert key not in repr(ok.to_dict()) + repr(bad.to_dict())


@pytest.mark.parametrize("mode,reason", [("bad_body", "malformed Messages API response"),
                                         ("cut", "answer cut off at max_tokens (200)")])
def test_bad_bodies_and_cut_answers(fake, mode, reason):
    fake.script.mode = mode
    vote = anthropic_voter(fake).vote(TASK, 5.0)
    assert vote.error == reason
