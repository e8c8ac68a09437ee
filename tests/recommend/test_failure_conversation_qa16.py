"""Decision QA 15's case 21, left for round 16: a live chat's failures priced as an agent run's.

"Power the live chat on our website" read 65% agentic: its failure cost $14.25, where a bad
chat answer costs an agent's few minutes (customer support's $1.95)."""

from __future__ import annotations

import pytest

from council.failure_cost import TaskSize, conversation_mix, failure_cost
from council.task_mix import read_task

LIVE_CHAT = "Power the live chat on our website, about 9,000 conversations a month."
MIX = {"agentic": 0.65, "customer_support": 0.35}


def _conversation(text: str) -> str | None:
    loop = read_task(text, "customer_support", None).words.loop
    return loop.words if loop is not None and loop.value == "multi_turn" else None


def test_a_chat_s_failures_leave_the_agentic_default_out() -> None:
    mix, left_out = conversation_mix(MIX, _conversation(LIVE_CHAT))
    assert mix == {"customer_support": pytest.approx(1.0)} and "conversations" in left_out
    f = failure_cost(None, mix, TaskSize(), None, left_out)
    assert f.failure_usd == pytest.approx(failure_cost(None, {"customer_support": 1.0}).failure_usd)
    assert "agentic category's 65% left out" in f.why
    assert f.failure_usd < failure_cost(None, MIX).failure_usd / 3


@pytest.mark.parametrize("text", [
    "Agent that fixes failing CI tests in our Python monorepo and opens a pull request",
    "Tag 5,000 support emails a month by intent.",
])
def test_no_conversation_keeps_the_mix(text: str) -> None:
    assert conversation_mix(MIX, _conversation(text)) == (MIX, "")


def test_an_all_agentic_mix_is_kept() -> None:
    assert conversation_mix({"agentic": 1.0}, "chat") == ({"agentic": 1.0}, "")
