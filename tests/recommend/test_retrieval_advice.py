"""A reference document sent whole with every question gets priced retrieval advice.

New-user review, round 9: questions over a 1,200-page runbook sent the whole runbook on every
call (798,000 tokens a call) and the advice never said to retrieve the relevant pages. The
advice now prices it: the same pick with each call's input cut to the retrieved chunks, the
question and its instructions, stated as an estimate with its assumption.
"""

from __future__ import annotations

import pytest

from council.advice import CHUNK_TOKENS, QUESTION_TOKENS, RETRIEVED_CHUNKS, advise, for_floor
from council.costing import cost_of
from council.task import parse_task
from council.workload import build_workload
from council.workload_words import read_workload
from tests.recs import make_rec, real_catalog

RUNBOOK = ("Our on-call assistant answers engineers' questions about incidents; every call "
           "sends our whole 1,200-page runbook as context. About 3,000 questions a month.")
HANDBOOK = ("Answer HR questions from employees over our 300-page employee handbook, about "
            "2,000 questions a month.")


def _retrieve(rec):
    return next((a for a in rec.advice if a.key == "retrieve"), None)


@pytest.mark.parametrize("text", [RUNBOOK, HANDBOOK])
def test_questions_over_a_whole_document_get_retrieval_priced(text: str) -> None:
    rec = make_rec(text, category="long_document", difficulty=3.0)
    advice = _retrieve(rec)
    assert advice is not None, [a.key for a in rec.advice]
    sent = RETRIEVED_CHUNKS * CHUNK_TOKENS + QUESTION_TOKENS
    assert advice.saving_per_month > 0.8 * rec.recommended.cost.per_month  # most of the bill
    # the dollars are the pick's own price with each call's input cut to what retrieval sends
    pick = real_catalog().get(rec.recommended.model_id)
    w = build_workload(parse_task(description=text), "long_document", 3.0)
    now = cost_of(pick, w)
    item = next(a for a in advise(pick, w, now) if a.key == "retrieve")
    prefix = min(w.cached_prefix_tokens, QUESTION_TOKENS)
    after = cost_of(pick, w.replace(input_tokens=sent, cached_prefix_tokens=prefix)).per_task
    assert item.saving_per_task == pytest.approx(now.per_task - after)
    assert f"{sent:,} tokens a call" in item.detail
    assert f"instead of {w.input_tokens:,}" in item.detail
    assert "An estimate: it assumes the answer sits in those" in advice.detail
    # where the chunk size and count come from, in the answer itself
    assert "OpenAI file search's default chunk" in advice.detail
    assert f"{RETRIEVED_CHUNKS} chunks is an assumption" in advice.detail


@pytest.mark.parametrize("text", [
    "Summarise our 300-page contract, 20 contracts a month.",  # processed, not consulted
    "Translate our 80-page manual into German, once a month.",
    # retrieval said outright: the size is the corpus, each call is already small
    "A RAG chatbot over our 300-page manual answers 2,000 questions a month.",
    # the same with a runbook or guidelines (review 10: each call was priced at the whole
    # 300 pages, and retrieval advised to someone who already retrieves)
    "A RAG assistant over our 300-page runbook answers 2,000 questions a month.",
    "Our retrieval bot answers questions from the 400-page employee guidelines, 1,000 a month.",
])
def test_a_document_the_task_processes_gets_no_retrieval_advice(text: str) -> None:
    rec = make_rec(text, category="long_document", difficulty=3.0)
    assert _retrieve(rec) is None, text


def test_the_users_own_input_size_gets_no_retrieval_advice() -> None:
    rec = make_rec(RUNBOOK, category="long_document", difficulty=3.0, input_tokens=100_000)
    assert _retrieve(rec) is None
    w = build_workload(parse_task(description=RUNBOOK, input_tokens=100_000), "long_document",
                       3.0)
    assert not w.reference_input


def test_the_reader_marks_a_consulted_document() -> None:
    assert read_workload(RUNBOOK).consulted
    assert not read_workload("Summarise our 300-page contract, 20 a month.").consulted


def test_retrieval_is_dropped_when_the_pick_is_under_the_floor() -> None:
    rec = make_rec(RUNBOOK, category="long_document", difficulty=3.0)
    checked = for_floor(rec.advice, 0.5, 0.75)
    assert all(a.key != "retrieve" for a in checked.advice)
    assert "Retrieve the relevant pages" in (checked.note or "")
