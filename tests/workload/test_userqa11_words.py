"""Words misread in QA round 11 (tests/data/workload_phrases_userqa11.jsonl, written before
the fixes): a Swedish "varje natt" after the verb, and a pasted contract's own numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from council.workload_words import PASTED_DOCUMENT_CHARS, read_workload

ROWS = [json.loads(line) for line in (Path(__file__).parents[1] / "data" /
                                      "workload_phrases_userqa11.jsonl").open(encoding="utf-8")]
CONTRACT = ROWS[16]["text"]


def test_swedish_every_night_before_the_count_after_a_verb() -> None:
    got = read_workload("Sammanfatta varje natt ca 2 000 kundärenden och markera de som "
                        "behöver åtgärdas.").summary()
    assert got["runs_per_month"] == 60_000  # None before: "varje" was no 'every' there
    got = read_workload("Bygg en agent som varje natt går igenom ca 200 supportärenden.")
    assert got.summary()["runs_per_month"] == 6_000


def test_a_pasted_contracts_numbers_are_its_content() -> None:
    assert len(CONTRACT) > PASTED_DOCUMENT_CHARS
    got = read_workload(CONTRACT).summary()
    # before: 60 a month from "Schedule 2, and 'Business Day' means a day", and the batch
    # API from "within 30 days"
    assert got["runs_per_month"] is None and got["latency"] is None


def test_the_lines_before_a_paste_are_still_read() -> None:
    body = CONTRACT.split("\n", 1)[1]
    text = "We review about 30 contracts like this a month. Check this one:\n" + body
    assert read_workload(text).summary()["runs_per_month"] == 30
    text = "Check this contract; we get about 30 a month\n\n" + body
    assert read_workload(text).summary()["runs_per_month"] == 30


def test_a_short_description_is_read_past_its_colon() -> None:
    got = read_workload("Task:\nClassify about 10k tickets by topic nightly.").summary()
    assert got["runs_per_month"] == 300_000


def test_the_pages_of_invoices_sent_as_pdfs_are_read() -> None:
    got = read_workload(ROWS[2]["text"]).summary()  # "40 invoices as PDFs, 2-3 pages each"
    assert got["input"] == [3.0, "page"] and got["output"] is None  # was output: "as"
    assert read_workload("Send it as a 2-page memo").summary()["output"] == [2.0, "page"]


def test_a_limit_on_an_answer_bounds_the_output() -> None:
    got = read_workload(ROWS[8]["text"]).summary()  # "eine Antwort darf höchstens 150 Wörter"
    assert got["output"] == [150.0, "word"] and got["input"] is None
    got = read_workload("Reply to 500 customer emails a day; an answer may be at most 150 "
                        "words.").summary()
    assert got["output"] == [150.0, "word"]
    got = read_workload("Write summaries of reports of at most 20 pages").summary()
    assert got["input"] == [20.0, "page"]  # a limit on what is read stays input


def test_one_llm_call_per_item_is_the_calls_a_task() -> None:
    got = read_workload(ROWS[9]["text"]).summary()  # code: "one LLM call per ticket"
    assert got["calls_per_task"] == 1 and got["runs_per_month"] == 300_000
    assert read_workload("one model call per document").summary()["calls_per_task"] == 1
    # a count of calls a period is a volume, as before
    assert read_workload("we make 6,000 LLM calls a week").summary()["calls_per_task"] is None


def test_one_brief_a_morning_about_five_competitors_is_one_run_a_morning() -> None:
    assert read_workload(ROWS[13]["text"]).summary()["runs_per_month"] == 30  # was 150
    assert read_workload("Each morning write a digest of news about our 5 "
                         "competitors.").summary()["runs_per_month"] == 30
    # several pieces, or one for each, stay a count
    assert read_workload("Every week, write reports on our 8 regions.").summary()[
        "runs_per_month"] == pytest.approx(8 * 52 / 12)
    assert read_workload("Every Monday, summarise the 40 new contracts, one summary "
                         "each.").summary()["runs_per_month"] == pytest.approx(40 * 52 / 12)
