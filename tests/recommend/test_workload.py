from __future__ import annotations

import itertools

from council.categories import CATEGORY_KEYS
from council.task import parse_task
from council.workload import (
    DEFAULTS,
    KEEP_TURNS,
    MIN_CACHEABLE_TOKENS,
    WARM_RUNS_PER_MONTH,
    build_workload,
    fits,
    usages,
)


def test_every_category_has_defaults() -> None:
    assert set(DEFAULTS) == set(CATEGORY_KEYS)


def test_blank_fields_become_labelled_assumptions() -> None:
    spec = parse_task(description="summarise meeting notes", output_tokens=250)
    w = build_workload(spec, "summarisation", 2.0)
    notes = {a.name: a for a in w.assumptions}
    assert notes["output_tokens"].source == "you" and w.output_tokens == 250
    assert notes["input_tokens"].source == "category default"
    assert w.input_tokens == DEFAULTS["summarisation"].input_tokens
    assert w.assumptions_dict()["runs_per_month"] == DEFAULTS["summarisation"].runs_per_month


def test_agent_loop_resends_a_growing_history() -> None:
    spec = parse_task(description="agent", input_tokens=4000, output_tokens=500, calls_per_task=10)
    w = build_workload(spec, "agentic", 3.0)
    prompts = [w.prompt_tokens(k) for k in range(10)]
    turn = 500 + w.observation_tokens
    assert prompts[0] == 4000
    assert all(b - a == turn for a, b in itertools.pairwise(prompts))
    summarised = w.replace(summarise_history=True)
    short = [summarised.prompt_tokens(k) for k in range(10)]
    assert short[: KEEP_TURNS + 1] == prompts[: KEEP_TURNS + 1]
    assert all(s <= p for s, p in zip(short, prompts, strict=True))
    assert short[-1] < prompts[-1]
    # summarised history is bounded whatever the loop length
    assert summarised.replace(calls_per_task=500).largest_prompt == short[-1]


def test_cache_written_once_then_read(catalog) -> None:
    model = catalog.get("claude-sonnet-4-6")
    spec = parse_task(description="agent", input_tokens=5000, cached_prefix_tokens=3000,
                      output_tokens=200, calls_per_task=4, runs_per_month=100)
    w = build_workload(spec, "agentic", 3.0)
    calls = usages(model, w)
    prefix = -(-3000 * 115 // 100)
    assert calls[0].cache_write_5m_tokens == prefix and calls[0].cache_read_tokens == 0
    assert all(c.cache_read_tokens == prefix and c.cache_write_5m_tokens == 0 for c in calls[1:])
    assert all(c.prompt_tokens == u.prompt_tokens
               for c, u in zip(calls, usages(model, w, caching=False), strict=True))
    warm = w.replace(runs_per_month=float(WARM_RUNS_PER_MONTH))
    assert usages(model, warm)[0].cache_read_tokens == prefix


def test_small_prefixes_and_uncaching_models_are_not_cached(catalog) -> None:
    spec = parse_task(description="tag", input_tokens=2000,
                      cached_prefix_tokens=MIN_CACHEABLE_TOKENS - 200)
    w = build_workload(spec, "classification", 1.0)
    first = usages(catalog.get("claude-sonnet-4-6"), w)[0]
    assert (first.cache_read_tokens, first.cache_write_5m_tokens,
            first.cache_write_1h_tokens) == (0, 0, 0)
    big = w.replace(cached_prefix_tokens=1500)
    no_cache = catalog.get("qwen3.6-plus-together")
    assert not no_cache.prompt_caching
    first = usages(no_cache, big)[0]
    assert (first.cache_read_tokens, first.cache_write_5m_tokens,
            first.cache_write_1h_tokens) == (0, 0, 0)


def test_reasoning_tokens_only_for_reasoning_models(catalog) -> None:
    spec = parse_task(description="prove", output_tokens=1000)
    w = build_workload(spec, "math_reasoning", 4.0)
    assert w.reasoning_tokens == 3000
    assert usages(catalog.get("gpt-4.1"), w)[0].reasoning_tokens == 0
    assert usages(catalog.get("gpt-5.2"), w)[0].reasoning_tokens == 3000


def test_token_ratio_applies(catalog) -> None:
    spec = parse_task(description="x", input_tokens=1000, output_tokens=100, calls_per_task=1)
    w = build_workload(spec, "research_qa", 2.0)
    assert usages(catalog.get("claude-opus-4-7"), w)[0].prompt_tokens == 1500
    assert usages(catalog.get("gpt-4.1"), w)[0].prompt_tokens == 1000


def test_fits_names_window_and_output_limits(catalog) -> None:
    model = catalog.get("gpt-4.1")
    spec = parse_task(description="x", input_tokens=2_000_000, output_tokens=100)
    assert "context window" in " ".join(fits(model, build_workload(spec, "long_document", 3)))
    spec = parse_task(description="x", input_tokens=100, output_tokens=40_000)
    assert "max output" in " ".join(fits(model, build_workload(spec, "creative_writing", 2)))
    ok = parse_task(description="x", input_tokens=1000, output_tokens=100)
    assert fits(model, build_workload(ok, "creative_writing", 2)) == []


def test_a_confident_council_uses_its_category_defaults_alone() -> None:
    spec = parse_task(description="summarise meeting notes")
    p = {"summarisation": 0.93, "extraction": 0.05, "translation": 0.02}
    w = build_workload(spec, "summarisation", 2.0, p)
    assert w == build_workload(spec, "summarisation", 2.0)
    assert w.input_tokens == DEFAULTS["summarisation"].input_tokens
    assert "typical prompt for summarisation" in {a.name: a for a in w.assumptions}[
        "input_tokens"].why


def test_an_unsure_council_weighs_the_likely_categories_and_says_so() -> None:
    spec = parse_task(description="summarise each sales call into five bullets",
                      output_tokens=300)
    p = {"summarisation": 0.53, "extraction": 0.45, "data_analysis": 0.02}
    w = build_workload(spec, "summarisation", 2.8, p)
    s, e = DEFAULTS["summarisation"], DEFAULTS["extraction"]
    ws, we = 0.43 / 0.78, 0.35 / 0.78  # p - 0.1, renormalised; data_analysis is under 0.1
    assert w.input_tokens == round(ws * s.input_tokens + we * e.input_tokens)
    mean = ws * s.runs_per_month + we * e.runs_per_month  # 5,590: a default, so two figures
    assert w.runs_per_month == round(mean, -2) == 5_600
    assert w.output_tokens == 300  # what the user gave is never mixed
    why = {a.name: a for a in w.assumptions}["input_tokens"].why
    assert "summarisation and information extraction, weighted 55%/45%" in why


def test_defaults_move_gradually_as_the_council_changes_its_mind() -> None:
    """No flip on one word: sweeping P(summarisation) against P(extraction) moves the
    default input monotonically, in steps far smaller than the gap between the two."""
    spec = parse_task(description="t")
    gap = DEFAULTS["summarisation"].input_tokens - DEFAULTS["extraction"].input_tokens
    inputs = []
    for i in range(21):
        ps = i / 20
        top = "summarisation" if ps >= 0.5 else "extraction"
        p = {"summarisation": ps, "extraction": 1 - ps}
        inputs.append(build_workload(spec, top, 3.0, p).input_tokens)
    steps = [b - a for a, b in itertools.pairwise(inputs)]
    assert all(step >= 0 for step in steps)
    assert inputs[0] == DEFAULTS["extraction"].input_tokens
    assert inputs[-1] == DEFAULTS["summarisation"].input_tokens
    assert max(steps) <= 0.1 * gap
