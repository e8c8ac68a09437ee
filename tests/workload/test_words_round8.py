"""Workload words a new user wrote in round 8 of the review, each misread before its fix."""

from __future__ import annotations

import pytest

from council.workload_words.reader import read_workload


@pytest.mark.parametrize("text", [
    "Our current bill on GPT-4o is $12,000 a month for summarising support chats, 400k chats "
    "a month. Can we go cheaper?",
    "Classify support chats by topic: 3,000 chats a day",
])
def test_chats_worked_on_and_counted_again_are_no_conversation(text: str) -> None:
    """'summarising support chats, 400k chats a month' read the second 'chats' as a
    conversation: 4 turns a task and someone waiting, $8,281 a month for summaries."""
    words = read_workload(text)
    assert words.loop is None, words.loop
    assert words.runs_per_month is not None


def test_a_chat_held_is_still_a_conversation() -> None:
    words = read_workload("A support chatbot for our shop, about 3,000 chats a day")
    assert words.loop is not None and words.loop.value == "multi_turn"

