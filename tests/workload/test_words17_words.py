"""Round 17's reader fixes (words17, from tests/data/workload_phrases_words17.jsonl, written
before the fixes); each fixed case failed on the reader before its fix, the controls pass on
both."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def read(text: str) -> dict[str, object]:
    return read_workload.__wrapped__(text).summary()


def runs(text: str) -> float | None:
    return read(text)["runs_per_month"]  # type: ignore[return-value]


# A support team's agents are people (decision QA 16 case 07, QA 15 case 20: read as an agent
# loop of 15 calls a task)
@pytest.mark.parametrize(("text", "loop"), [
    ("Our support team has 12 agents. The budget is $10 per agent per month. Draft replies to "
     "tickets.", None),
    ("Suggest answers to our agents while the customer is on the phone; about 20,000 calls a "
     "month.", None),
    ("Our agents answer roughly 300 emails a day; suggest a draft for each.", None),
    ("Each agent on our support team closes about 60 tickets a day; we have 8 agents.", None),
    # controls: an agent the task builds or runs, with tools
    ("Build an agent that answers our customers' emails, about 300 a day.", "agent"),
    ("Run an AI agent over each ticket to look up the order and issue the refund; 200 tickets "
     "a day.", "agent"),
    ("Our agents answer questions by calling the search tool until they find the answer.",
     "agent"),
    ("We have 4 agents that triage and fix bugs in parallel.", "agent"),
])
def test_support_agents_are_people(text: str, loop: str | None) -> None:
    assert read(text)["loop"] == loop


# "several hundred", "hundreds of", "thousands of": five of them, an estimate as "a few" is
# three (read nothing, 30 and 4.33: the cadence alone)
@pytest.mark.parametrize(("text", "want"), [
    ("We get several hundred tickets a day.", 15_000),
    ("Several thousand reviews come in every month.", 5_000),
    ("Hundreds of emails every day need a first reply.", 15_000),
    ("Thousands of product reviews come in each week.", 5_000 * 52 / 12),
    # controls: "a few", a stated count beside a crowd, a crowd with no period
    ("We get a few hundred tickets a day.", 9_000),
    ("Thousands of customers use our app; answer about 200 questions a day.", 6_000),
    ("Our app has thousands of users.", None),
    ("Summarise this article about hundreds of years of history.", None),
])
def test_several_and_hundreds_of(text: str, want: float | None) -> None:
    got = runs(text)
    assert got == want if want is None else got == pytest.approx(want, rel=0.001)
