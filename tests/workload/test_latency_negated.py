"""Whether someone waits, when the words say nobody does, or say it without "waiting".

New-user review, round 8: "We run a nightly batch job that rewrites 25,000 product
descriptions for SEO. Latency doesn't matter at all." was read as 'Latency': someone waits, no
batch API (the batch advice dropped, real-time prices); "analysts type a question and wait" was
not read at all, so the answer advised the batch API ("saves $2,319 a month") to people waiting
at their screens.
"""

from __future__ import annotations

import pytest

from council.workload_words.reader import read_workload
from tests.recs import make_rec


@pytest.mark.parametrize("text, words", [
    ("We run a nightly batch job that rewrites 25,000 product descriptions for SEO. Latency "
     "doesn't matter at all.", "nightly"),
    ("Rewrite 25,000 product descriptions for SEO. Latency doesn't matter at all.",
     "Latency doesn't matter"),
    ("Tag our archive of 80k photos; latency is not a concern", "latency is not a concern"),
    ("Summarise the call transcripts. Latency: not important.", "Latency: not important"),
    ("Extract the line items, it does not need to be real-time", "does not need to be real-time"),
    ("Score the leads, no real-time need", "no real-time need"),
    ("Translate the manuals; speed doesn't matter, quality does", "speed doesn't matter"),
])
def test_a_wait_said_not_to_matter_is_no_wait(text: str, words: str) -> None:
    read = read_workload(text).latency
    assert read is not None and read.value == "batch_ok", read
    assert read.words == words


@pytest.mark.parametrize("text, words", [
    ("SQL query generation from natural language for our BI dashboard, analysts type a "
     "question and wait. 1000 queries/day", "type a question and wait"),
    ("Customers type a message and wait for the bot", "type a message and wait"),
    ("Our nurses paste a note and then wait", "paste a note and then wait"),
])
def test_a_person_who_acts_and_waits_is_waiting(text: str, words: str) -> None:
    read = read_workload(text).latency
    assert read is not None and read.value == "no_batch", read
    assert read.words == words


@pytest.mark.parametrize("text", [
    "Low latency is critical: sub-second answers for the search box",
    "Our latency budget is 200 ms per autocomplete",
    "Moderate user comments in real time, around 20,000 per hour at peak",
    "They submit the form and wait until the next morning for the report",
])
def test_waits_still_read(text: str) -> None:
    read = read_workload(text).latency
    expected = "batch_ok" if "next morning" in text else "no_batch"
    assert read is not None and read.value == expected, read


def test_the_answer_offers_the_batch_api_only_when_nobody_waits() -> None:
    nightly = make_rec("We run a nightly batch job that rewrites 25,000 product descriptions "
                       "for SEO. Latency doesn't matter at all.", category="creative_writing",
                       difficulty=2.0)
    assert nightly.assumptions["user_waits"] is False
    assert any(a.key == "batch" for a in nightly.advice)
    waiting = make_rec("SQL query generation from natural language for our BI dashboard, "
                       "analysts type a question and wait. 1000 queries/day",
                       category="code_generation", difficulty=3.0)
    assert waiting.assumptions["user_waits"] is True
    assert not any(a.key == "batch" for a in waiting.advice)
