"""The OpenAI-compatible voter against the loopback server speaking Chat Completions."""

from __future__ import annotations

import json
import logging

import pytest

from council.assess.voters.prompt import INSTRUCTIONS, OUTPUT_SCHEMA

from .conftest import openai_voter, prices
from .fake_providers import classify

TASK = "Translate our product FAQ into German and Japanese, keeping the JSON keys."


def test_vote_parses_what_the_server_computed(fake):
    vote = openai_voter(fake).vote(TASK, 5.0)
    expected = classify(TASK)
    assert vote.error is None and vote.kind == "openai"
    assert (vote.category, vote.difficulty) == (expected["category"], expected["difficulty"])
    assert vote.capabilities == sorted(expected["capabilities"])


def test_request_carries_schema_bearer_key_and_token_limit(fake):
    openai_voter(fake, max_tokens=300, max_tokens_field="max_completion_tokens",
                 extra_body={"reasoning_effort": "minimal"}).vote(TASK, 5.0)
    (req,) = fake.requests
    assert req["path"] == "/v1/chat/completions"
    assert req["headers"]["Authorization"] == f"Bearer {fake.keys['openai']}"
    body = req["body"]
    assert body["max_completion_tokens"] == 300 and "max_tokens" not in body
    assert body["reasoning_effort"] == "minimal"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert body["response_format"]["json_schema"]["schema"] == OUTPUT_SCHEMA
    assert body["messages"][0] == {"role": "system", "content": INSTRUCTIONS}
    assert TASK in body["messages"][-1]["content"]


def test_prefix_is_byte_identical_across_tasks(fake):
    voter = openai_voter(fake)
    voter.vote(TASK, 5.0)
    voter.vote("Summarise this meeting transcript for the board.", 5.0)
    first, second = (json.dumps(r["body"]) for r in fake.requests)
    cut = first.index('{"role": "user"')
    assert cut > 1000 and first[:cut] == second[:cut]


def test_cached_tokens_are_recorded_and_priced(fake):
    fake.script.cached_tokens = 128
    vote = openai_voter(fake).vote(TASK, 5.0)
    assert vote.cached_input_tokens == 128
    assert vote.cost_usd == pytest.approx(
        prices("gpt-6-luna", vote.input_tokens - 128, 128, 0, vote.output_tokens))


@pytest.mark.parametrize("fmt,expected", [("json_object", {"type": "json_object"}),
                                          ("none", None)])
def test_response_format_for_servers_without_json_schema(fake, fmt, expected):
    vote = openai_voter(fake, response_format=fmt).vote(TASK, 5.0)
    assert vote.ok
    assert fake.requests[0]["body"].get("response_format") == expected


def test_keyless_local_server(fake):
    fake.keys["openai"] = None  # a local server that wants no Authorization header
    voter = openai_voter(fake)
    voter._key = None
    assert voter.vote(TASK, 5.0).ok
    assert "Authorization" not in fake.requests[0]["headers"]


def test_500_then_success_is_retried(fake):
    fake.script.failures = [(500, {"Retry-After": "0"})]
    vote = openai_voter(fake).vote(TASK, 5.0)
    assert vote.ok and len(fake.requests) == 2


def test_persistent_503_gives_up_after_max_retries(fake):
    fake.script.failures = [(503, {"Retry-After": "0"})] * 5
    vote = openai_voter(fake, max_retries=2).vote(TASK, 5.0)
    assert vote.error.startswith("HTTP 503") and len(fake.requests) == 3


@pytest.mark.parametrize("status", [400, 401, 404])
def test_no_retry_on_other_4xx(fake, status):
    fake.script.failures = [(status, {"Retry-After": "0"})]
    vote = openai_voter(fake).vote(TASK, 5.0)
    assert vote.error.startswith(f"HTTP {status}") and len(fake.requests) == 1


def test_retry_after_beyond_the_deadline_stops_at_once(fake):
    fake.script.failures = [(429, {"Retry-After": "30"})]
    vote = openai_voter(fake).vote(TASK, 2.0)
    assert "would pass the deadline" in vote.error
    assert vote.latency_s < 1.0 and len(fake.requests) == 1


@pytest.mark.parametrize("mode,reason", [("truncated", "malformed JSON"),
                                         ("not_json", "not JSON")])
def test_malformed_answers(fake, mode, reason):
    fake.script.mode = mode
    vote = openai_voter(fake).vote(TASK, 5.0)
    assert not vote.ok and reason in vote.error


def test_off_schema_difficulty(fake):
    fake.script.answer = {"category": "translation", "difficulty": 9, "capabilities": [],
                          "reason": "r"}
    vote = openai_voter(fake).vote(TASK, 5.0)
    assert "difficulty 9 outside 1-5" in vote.error


def test_connection_refused(closed_port):
    vote = openai_voter(None, base_url=f"http://127.0.0.1:{closed_port}/v1").vote(TASK, 2.0)
    assert vote.error.startswith("could not connect to http://127.0.0.1")


def test_slow_server_times_out(fake):
    fake.script.delay_s = 3.0
    vote = openai_voter(fake).vote(TASK, 0.4)
    assert vote.error == "timed out after 0.4 s" and vote.latency_s < 1.2


def test_key_never_in_repr_logs_or_errors(fake, caplog):
    caplog.set_level(logging.DEBUG)
    voter = openai_voter(fake)
    fake.script.failures = [(401, {})]
    bad = voter.vote(TASK, 5.0)
    ok = voter.vote(TASK, 5.0)
    key = fake.keys["openai"]
    assert key not in repr(voter) + caplog.text + repr(bad.to_dict()) + repr(ok.to_dict())


@pytest.mark.parametrize("mode,reason", [("bad_body", "malformed chat-completions response"),
                                         ("cut", "answer cut off at max_tokens (200)")])
def test_bad_bodies_and_cut_answers(fake, mode, reason):
    fake.script.mode = mode
    vote = openai_voter(fake).vote(TASK, 5.0)
    assert vote.error == reason
