"""Workload words a new user wrote in round 8 of the review, each misread before its fix."""

from __future__ import annotations

import pytest

from council.workload_words.reader import read_workload
from tests.recs import make_rec


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


@pytest.mark.parametrize("text, pages", [
    ("Answer questions about our 2,000-page internal wiki (RAG), employees ask ~200 questions "
     "a day and wait for the answer", 2000.0),
    ("Employees ask questions about our 2,500-page HR handbook, about 50 a day", 2500.0),
    ("RAG chatbot over our 300-page product manual", 300.0),
])
def test_a_knowledge_base_searched_is_no_calls_input(text: str, pages: float) -> None:
    """'our 2,000-page internal wiki (RAG)' was the input of every call (1,330,000 tokens):
    no model fits ('workload too large for the context window (56 of 56)'). Retrieval sends
    the chunks a question needs; the wiki is the corpus they come from."""
    words = read_workload(text)
    assert words.input_size is None, words.input_size
    assert words.corpus_size is not None and words.corpus_size.quantity == pages
    assert words.corpus_size.unit == "page"


@pytest.mark.parametrize("text", [
    "Summarise our 300-page employee handbook into a 2-page brief",
    "Answer questions about this 20-page contract",
    "Employees ask questions about our 400-page HR handbook",  # a model can read it whole
    "Answer questions over a 500-page technical manual",  # the phrase file's reading
])
def test_a_document_read_whole_stays_the_input(text: str) -> None:
    words = read_workload(text)
    assert words.input_size is not None and words.corpus_size is None


def test_the_rag_answer_fits_and_says_why() -> None:
    rec = make_rec("Answer questions about our 2,000-page internal wiki (RAG), employees ask "
                   "~200 questions a day and wait for the answer", category="research_qa",
                   difficulty=2.5)
    assert rec.recommended is not None and rec.no_fit is None
    corpus = next(a for a in rec.assumption_notes if a.name == "corpus_size")
    assert corpus.value == "2,000 pages" and "one chunk" not in corpus.why
    assert "retriev" in corpus.why
    assert rec.assumptions["input_tokens"] < 100_000


@pytest.mark.parametrize("text, runs", [
    ("Extract entities from 50 million web pages for a knowledge graph, one time backfill, "
     "then 100k pages a day", 3_000_000.0),
    ("Classify the web pages we crawl, about 20k pages a day, by topic", 600_000.0),
])
def test_web_pages_a_day_are_tasks(text: str, runs: float) -> None:
    """'then 100k pages a day' of web pages was read as nothing: the category's 10,000 a month
    priced a 3,000,000-a-month crawl. A web page is a document, one task each."""
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == runs, read


def test_pages_of_a_document_a_day_are_still_no_count() -> None:
    assert read_workload("Our paralegals review about 300 pages a day of contracts"
                         ).runs_per_month is None


@pytest.mark.parametrize("text, runs", [
    ("classify 1e6 tickets a day", 30_000_000.0),
    ("we process 2.5e5 emails per month", 250_000.0),
])
def test_a_count_in_scientific_notation(text: str, runs: float) -> None:
    """'1e6 tickets a day' read as 1 a day (30 a month), '2.5e5 emails per month' as 2.5."""
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == runs, read


@pytest.mark.parametrize("text", [
    "classify 1e309 tickets a day",  # no float holds it: unread, not 1
    "Translate -500 strings a day",  # a negative count: unread, not 500
])
def test_a_count_that_cannot_be_is_not_read(text: str) -> None:
    assert read_workload(text).runs_per_month is None


@pytest.mark.parametrize("text, runs", [
    ("Agentic coding: our devs use a coding agent for ~30 tasks per developer per week, 12 "
     "devs. Each session maybe 80 tool calls.", 1560.0),
    ("About 3 reviews a day per engineer, and we have 25 engineers", 2250.0),
])
def test_a_rate_per_developer_times_the_developers(text: str, runs: float) -> None:
    """'~30 tasks per developer per week, 12 devs' read 130 a month: one developer's."""
    read = read_workload(text).runs_per_month
    assert read is not None and read.value == pytest.approx(runs), read
