"""The fixed instructions, the answer parser and the retry rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from council.assess.voters.prompt import (
    INSTRUCTIONS,
    MAX_TASK_CHARS,
    parse_answer,
    task_message,
)
from council.assess.voters.retry import (
    HTTPFailure,
    RetryPolicy,
    call_with_retries,
    retry_after_seconds,
)
from council.categories import CATEGORIES, CATEGORY_KEYS, DIFFICULTY_RUBRIC
from council.errors import VoterError
from council.task import CAPABILITIES


def test_instructions_carry_categories_rubric_and_capabilities():
    for cat in CATEGORIES:
        assert f"- {cat.key}: {cat.description}" in INSTRUCTIONS
    for level, text in DIFFICULTY_RUBRIC.items():
        assert f"{level}. {text}" in INSTRUCTIONS
    assert all(c in INSTRUCTIONS for c in CAPABILITIES)


def test_long_tasks_are_cut_keeping_head_and_tail():
    text = "A" * 5000 + "Z" * 5000
    msg = task_message(text)
    assert len(msg) < MAX_TASK_CHARS + 100
    assert "AAAA" in msg and "ZZZZ" in msg and "8000 characters omitted" in msg


@given(st.sampled_from(CATEGORY_KEYS), st.integers(1, 5),
       st.lists(st.sampled_from(CAPABILITIES)), st.text(max_size=50))
def test_parser_round_trips_valid_answers(category, difficulty, caps, reason):
    text = json.dumps({"category": category, "difficulty": difficulty,
                       "capabilities": caps, "reason": reason})
    answer = parse_answer(f"```json\n{text}\n```")
    assert (answer.category, answer.difficulty) == (category, difficulty)
    assert answer.capabilities == sorted(set(caps))


@pytest.mark.parametrize("text,problem", [
    ('{"category": "debugging", "difficulty": 3', "malformed JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"category": "debugging", "difficulty": "hard", "capabilities": []}', "not a number"),
    ('{"category": "debugging", "difficulty": true, "capabilities": []}', "not a number"),
    ('{"category": "debugging", "difficulty": 0, "capabilities": []}', "outside 1-5"),
    ('{"category": "debugging", "difficulty": 2, "capabilities": ["fly"]}', "capability"),
    ('{"category": "Debugging", "difficulty": 2, "capabilities": []}', "unknown category"),
])
def test_parser_rejects_off_schema(text, problem):
    with pytest.raises(VoterError, match=problem):
        parse_answer(text)


def test_retry_after_forms():
    assert retry_after_seconds({"Retry-After": "3"}) == 3.0
    assert retry_after_seconds({"retry-after-ms": "250", "Retry-After": "9"}) == 0.25
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    assert 15 < retry_after_seconds({"Retry-After": when}) <= 20
    assert retry_after_seconds({}) is None
    assert retry_after_seconds({"Retry-After": "soon"}) is None


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _failing(statuses, retry_after=None):
    calls = []

    def attempt(left: float) -> str:
        calls.append(left)
        if len(calls) <= len(statuses):
            raise HTTPFailure(statuses[len(calls) - 1], "HTTP", retry_after)
        return "ok"

    return attempt, calls


def test_backoff_is_exponential_with_jitter_and_bounded():
    clock = Clock()
    attempt, calls = _failing([500, 502, 429])
    result = call_with_retries(attempt, deadline=100.0, clock=clock, sleep=clock.sleep,
                               policy=RetryPolicy(max_retries=3, base_delay_s=1.0),
                               jitter=lambda: 0.5)
    assert result == "ok" and clock.sleeps == [0.5, 1.0, 2.0]
    assert calls[0] == 100.0 and calls[-1] == pytest.approx(96.5)  # time left shrinks


def test_retry_after_wins_over_backoff():
    clock = Clock()
    attempt, _ = _failing([429], retry_after=4.0)
    call_with_retries(attempt, deadline=10.0, clock=clock, sleep=clock.sleep,
                      policy=RetryPolicy(), jitter=lambda: 0.5)
    assert clock.sleeps == [4.0]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_other_4xx_are_not_retried(status):
    clock = Clock()
    attempt, calls = _failing([status])
    with pytest.raises(HTTPFailure):
        call_with_retries(attempt, deadline=10.0, clock=clock, sleep=clock.sleep,
                          policy=RetryPolicy())
    assert len(calls) == 1 and clock.sleeps == []
