"""An agent named by rank or load is a person, not an agent loop (review 12's leftover)."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


@pytest.mark.parametrize("text", [
    "Our busiest agent handles 80 tickets a day.",
    "Our senior agents review 40 escalations a day.",
    "The most experienced agent answers the hardest 30 emails each morning.",
    "A trainee agent drafts replies to 200 emails a day.",
])
def test_an_agent_by_rank_or_load_is_no_loop(text: str) -> None:
    assert read_workload(text).summary()["loop"] is None


@pytest.mark.parametrize("text", [
    "Build an agent that books meetings with tool calls.",
    "An agent browses our docs and files 50 tickets a day.",
])
def test_an_ai_agent_is_still_a_loop(text: str) -> None:
    assert read_workload(text).summary()["loop"] == "agent"
