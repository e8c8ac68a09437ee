"""The workload reader's known misreadings (words15, issue 17: review 14's and words14's
leftovers and this round's own rows, tests/data/workload_phrases_words15.jsonl, written before
the fixes); each fix case failed on the reader before it, each control passes on both."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def summary(text: str) -> dict[str, object]:
    return read_workload.__wrapped__(text).summary()


def runs(text: str) -> float | None:
    return summary(text)["runs_per_month"]  # type: ignore[return-value]


# One agent of a staff, said singly, spending time or on a break, is a person (read as an
# agent loop: 15 calls a task).
@pytest.mark.parametrize("text", [
    "We reply to 100 emails a day and each agent spends an extra 10 minutes on the hard ones.",
    "The agent who picks up the ticket spends 5 minutes on it; 250 tickets a day.",
    "Every agent takes a 15-minute break; we process 500 orders a day.",
    "Each agent needs about an hour to close a complaint; 40 complaints a week.",
])
def test_one_agent_of_a_staff_is_no_loop(text: str) -> None:
    assert summary(text)["loop"] is None


@pytest.mark.parametrize("text", [
    "The agent takes 5 minutes per task.",
    "Run 5 agents in parallel; each agent takes about 10 minutes.",
    "Each AI agent makes about 8 tool calls per ticket; 200 tickets a day.",
    "Each agent calls tools and spends about 10 minutes on a bug.",
])
def test_agents_that_are_programs_stay_a_loop(text: str) -> None:
    assert summary(text)["loop"] == "agent"
