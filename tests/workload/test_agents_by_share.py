"""Support agents said by their share of the work are people, not an agent loop (words17's
leftovers); agents the text runs or gives tools stay a loop."""

import pytest

from council.workload_words import read_workload


@pytest.mark.parametrize("text", [
    "Each of our 3 agents handles about 50 chats a day; suggest replies",
    "About 20 tickets per agent per day; 3 agents. Draft the first reply.",
    "Every one of the tickets goes to a person: all of our 12 agents answer about 40 a day",
])
def test_agents_by_their_share_of_the_work_are_people(text: str) -> None:
    loop = read_workload(text).loop
    assert loop is None or loop.value != "agent"


@pytest.mark.parametrize("text", [
    "Each of our 3 agents handles one file with tools until the tests pass",
    "Run 5 agents in parallel; each of the agents handles one file",
])
def test_agents_the_text_runs_stay_a_loop(text: str) -> None:
    loop = read_workload(text).loop
    assert loop is not None and loop.value == "agent"
