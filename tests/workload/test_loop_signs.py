"""In a batch job, an agent loop's calls need a sign of one (QA round 11).

"Varje natt ska vi sammanfatta cirka 2 000 kundsamtal ..." was read by the classifier as
agentic 0.48 with no loop in its words, and the mixed default priced 14 calls a task. In a
task the words send to the batch API, a loop category's calls (agentic's tool loop, customer
support's conversation) now enter a mixed default only with a sign of that loop in the words
or the council giving it at least half; elsewhere the mix stands (an agent's intent, "Find the
cheapest flight ...", names no loop and is one).
The distributions below are the classifier's own readings of these texts (2026-12-01,
rounded to two places).
"""

from __future__ import annotations

from council.task import TaskSpec
from council.workload import build_workload
from council.workload_words import read_workload

NIGHTLY = ("Varje natt ska vi sammanfatta cirka 2 000 kundsamtal (ca 10 minuter långa) och "
           "skicka en rapport till säljchefen. Max 500 kr i månaden.")
NIGHTLY_P = {"agentic": 0.48, "creative_writing": 0.14, "summarisation": 0.08,
             "customer_support": 0.07, "math_reasoning": 0.06, "translation": 0.05,
             "extraction": 0.03, "classification": 0.02, "long_document": 0.02,
             "data_analysis": 0.02, "code_generation": 0.01}
TICKETS = ("Sammanfatta varje natt ca 2 000 kundärenden till en kort rapport på svenska för "
           "supportchefen.")
TICKETS_P = {"customer_support": 0.31, "translation": 0.10, "creative_writing": 0.08,
             "summarisation": 0.07, "extraction": 0.07, "long_document": 0.06,
             "classification": 0.06, "agentic": 0.05, "research_qa": 0.03,
             "code_generation": 0.03, "math_reasoning": 0.03, "debugging": 0.03,
             "code_review": 0.03, "data_analysis": 0.02, "architecture": 0.02}


def _calls(text: str, category: str, p: dict[str, float]) -> tuple[int, str]:
    w = build_workload(TaskSpec(description=text), category, 2.0, p)
    why = next(a.why for a in w.assumptions if a.name == "calls_per_task")
    return w.calls_per_task, why


def test_a_nightly_summary_the_council_half_reads_as_agentic_is_one_call() -> None:
    calls, why = _calls(NIGHTLY, "agentic", NIGHTLY_P)
    assert calls == 1  # 14 before: agentic's 15 calls weighted 0.38/0.42 of the mix
    assert "agentic & multi-step counted as one call" in why
    assert "a job your words send to the batch API" in why
    assert "nothing in them names tools, steps or an agent loop" in why


def test_a_tool_word_lets_the_loop_in() -> None:
    text = NIGHTLY.replace("och skicka", "slå upp kunden i CRM via API och skicka")
    assert read_workload(text).tool_sign is not None
    calls, why = _calls(text, "agentic", NIGHTLY_P)
    assert calls == 14 and "counted as one call" not in why


def test_the_council_sure_of_agentic_keeps_the_loop() -> None:
    sure = {"agentic": 0.6, "summarisation": 0.4}
    assert _calls(NIGHTLY, "agentic", sure)[0] > 5


def test_a_loop_the_words_name_keeps_its_calls() -> None:
    text = "Our agent triages 200 alerts every night."
    p = {"classification": 0.6, "agentic": 0.4}
    assert _calls(text, "classification", p)[0] == 15  # the reader's agent loop: 15 calls


def test_a_conversation_needs_one_too() -> None:
    calls, why = _calls(TICKETS, "customer_support", TICKETS_P)
    assert calls == 1  # 4 before: a support chat's turns, for a nightly report
    assert "customer support & chat counted as one call" in why
    assert "a conversation" in why


def test_a_chat_keeps_its_turns() -> None:
    text = "Kundtjänsten tar emot 1 500 ärenden om dagen, och kunden väntar på svaret i chatten."
    p = {"customer_support": 0.45, "classification": 0.3, "research_qa": 0.25}
    assert _calls(text, "customer_support", p)[0] == 4



def test_an_agents_intent_that_nobody_batches_keeps_the_mix() -> None:
    text = "Find the cheapest flight from Oslo to Rome next Friday and tell me its price."
    p = {"agentic": 0.41, "research_qa": 0.3, "customer_support": 0.15, "extraction": 0.14}
    calls, why = _calls(text, "agentic", p)
    assert calls > 5 and "counted as one call" not in why


def test_the_failure_cost_of_one_call_says_one_call() -> None:
    from council.failure_cost import TaskSize, failure_cost

    why = failure_cost(None, {"agentic": 1.0}, TaskSize(calls_per_task=1)).why
    assert "(1 call at 1 min each)" in why, why  # "1 calls" before
    assert "(15 calls at" in failure_cost(None, {"agentic": 1.0}, TaskSize(calls_per_task=15)).why


def test_the_users_batch_choice_counts_as_batch_words() -> None:
    """words12: the form's toggle or --batch, not only the words, makes a job batch-fit."""
    text = NIGHTLY.replace("Varje natt ska vi", "Vi ska")  # no batch words left
    assert read_workload(text).user_waits is not False
    assert _calls(text, "agentic", NIGHTLY_P)[0] == 14  # nobody said it can wait
    w = build_workload(TaskSpec(description=text, batch=True), "agentic", 2.0, NIGHTLY_P)
    why = next(a.why for a in w.assumptions if a.name == "calls_per_task")
    assert w.calls_per_task == 1, why  # 14 before: the choice did not count
    assert "a job you send to the batch API (your choice)" in why
    tool = text.replace("och skicka", "slå upp kunden i CRM via API och skicka")
    w = build_workload(TaskSpec(description=tool, batch=True), "agentic", 2.0, NIGHTLY_P)
    assert w.calls_per_task == 14  # a tool word still lets the loop in
