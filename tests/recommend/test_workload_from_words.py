"""Numbers read from the description replace category defaults; the user's own numbers win."""

from __future__ import annotations

from council import present
from council.api import recommend_for
from council.task import MAX_RUNS_PER_MONTH, parse_task
from council.task_mix import AGENT_SHARE, task_mix
from council.workload import DEFAULTS, build_workload
from council.workload_words import CODING_AGENT_CALLS, read_workload

from .conftest import assessment

EXAMPLE = ("Build an agent that plans and executes a multi-step refactor of a 40-file Django "
           "codebase, running the tests with tool calls until they pass")
# The reading of EXAMPLE: code generation, agentic 7%.
CODE_READING = {"code_generation": 0.86, "agentic": 0.07, "code_review": 0.07}


def _notes(w):
    return {a.name: a for a in w.assumptions}


def test_words_replace_defaults_and_show_where_they_came_from() -> None:
    spec = parse_task(description="Summarise a 200-page PDF contract, about 300 a week")
    w = build_workload(spec, "summarisation", 2.0)
    notes = _notes(w)
    assert w.input_tokens == 133_000 and w.runs_per_month == 1300
    assert notes["input_tokens"].source == "text"
    assert notes["input_tokens"].why.startswith("from your words: '200-page'")
    assert notes["runs_per_month"].why.startswith("from your words: 'about 300 a week'")
    assert notes["output_tokens"].source == "category default"
    assert w.output_tokens == DEFAULTS["summarisation"].output_tokens


def test_the_users_numbers_beat_the_words() -> None:
    spec = parse_task(description="Tag 10k tickets nightly", runs_per_month=500,
                      input_tokens=700)
    w = build_workload(spec, "classification", 1.0)
    assert (w.runs_per_month, w.input_tokens) == (500, 700)
    assert _notes(w)["runs_per_month"].source == "you"


def test_a_volume_beyond_the_limit_is_capped_and_says_so() -> None:
    spec = parse_task(description="Identify the language of incoming messages, 3,000 per second")
    w = build_workload(spec, "classification", 1.0)
    assert w.runs_per_month == MAX_RUNS_PER_MONTH
    assert "capped" in _notes(w)["runs_per_month"].why


def test_coding_agent_is_agentic_and_code_with_a_long_loop() -> None:
    words = read_workload(EXAMPLE)
    mix = task_mix("code_generation", CODE_READING, words)
    assert mix["agentic"] == AGENT_SHARE and mix["code_generation"] > 0.4
    assert abs(sum(mix.values()) - 1) < 1e-9
    w = build_workload(parse_task(description=EXAMPLE), "code_generation", 3.5, CODE_READING)
    notes = _notes(w)
    assert w.calls_per_task == CODING_AGENT_CALLS and notes["calls_per_task"].source == "text"
    assert "SWE-Bench Pro" in notes["calls_per_task"].why
    assert w.largest_prompt > w.input_tokens * 5  # the history grows call by call
    assert "agent loop" in notes["input_tokens"].why  # the mix names why it is mixed
    assert "read_size" in notes  # the 40 files are read, but not as the per-call input
    assert w.dependent_steps


def test_the_example_gets_no_batch_advice_and_uses_both_skills(catalog) -> None:
    rec = recommend_for(parse_task(description=EXAMPLE),
                        assessment("code_generation", 3.5, 0.6, CODE_READING), catalog=catalog)
    assert rec.recommended is not None
    assert "batch" not in {a.key for a in rec.advice}
    assert rec.assumptions["calls_per_task"] == CODING_AGENT_CALLS
    assert any("agent loop" in line and "no batch" in line for line in rec.explanation)
    # adequacy averages the agentic and the coding skill: a model strong at coding but weak
    # as an agent loses P(adequate) against the code-only reading
    plain = recommend_for(parse_task(description="Write a Django view for the order list"),
                          assessment("code_generation", 3.5, 0.6, CODE_READING),
                          catalog=catalog)
    p_mixed = {c.model_id: c.p_adequate for c in rec.candidates}
    p_plain = {c.model_id: c.p_adequate for c in plain.candidates}
    both = [catalog.get(m) for m in p_mixed.keys() & p_plain.keys()]
    coder = max(both, key=lambda m: m.skill("coding") - m.skill("agentic"))
    agent = max(both, key=lambda m: m.skill("agentic") - m.skill("coding"))
    assert coder.skill("coding") > coder.skill("agentic")
    assert p_mixed[coder.id] < p_plain[coder.id]
    assert p_mixed[agent.id] > p_plain[agent.id]


def test_conversation_words_mean_a_person_waits(catalog) -> None:
    spec = parse_task(description="A chatbot that answers HR questions from employees")
    w = build_workload(spec, "research_qa", 2.0)
    assert w.user_waits and w.calls_per_task == DEFAULTS["customer_support"].calls_per_task
    assert _notes(w)["user_waits"].source == "text"
    batch_ok = build_workload(parse_task(description="Classify reviews, results can wait "
                                                     "until morning"), "classification", 1.0)
    assert not batch_ok.user_waits


def test_page_rows_show_the_words(catalog) -> None:
    rec = recommend_for(parse_task(description="Tag 10k support tickets nightly"),
                        assessment("classification", 1.5), catalog=catalog)
    rows = {r["assumption"]: r for r in present.assumption_rows(rec)}
    assert rows["runs per month"]["from"] == "your words"
    assert "'10k support tickets nightly'" in rows["runs per month"]["why"]
