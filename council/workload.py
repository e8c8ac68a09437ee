"""The workload around a task: tokens per call, calls per task, runs per month, as assumptions.

Every number the user leaves blank gets its category's default, and each one is recorded as
an ``Assumption`` (value, where it came from, why) so the answer can show and the user edit it.

Counts here are in the catalog's reference encoding (o200k_base); ``usages`` converts them to
each model's own tokens with its ``token_ratio`` and builds one ``Usage`` per call.

The agent-loop model: call k (0-based) of a task re-sends the task input plus the history of
the k earlier turns, each turn being that call's output plus an observation (a tool result
or the user's next message). Summarising keeps the last ``KEEP_TURNS`` turns verbatim and
replaces older ones with a summary of ``SUMMARY_TOKENS`` (written by the model inside its
normal output, so it costs no extra call).

Caching: the fixed prefix (system prompt, tools, few-shot examples) is written to the cache
by a task's first call and read by its later calls. When tasks arrive at least once per
cache lifetime (5 minutes, i.e. >= WARM_RUNS_PER_MONTH), the cache stays warm and every call
reads it. Providers refuse to cache prefixes below MIN_CACHEABLE_TOKENS.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from council.categories import BY_KEY
from council.pricing import Usage
from council.task import TaskSpec
from council.tokens import for_model

KEEP_TURNS = 3
SUMMARY_TOKENS = 500
MIN_CACHEABLE_TOKENS = 1024
WARM_RUNS_PER_MONTH = 30 * 24 * 12  # one task every 5 minutes keeps a 5-minute cache warm


@dataclass(frozen=True)
class CategoryDefaults:
    input_tokens: int
    output_tokens: int
    calls_per_task: int
    prefix_share: float  # share of the input that is a fixed, cacheable prefix
    runs_per_month: float
    observation_tokens: int  # per turn of a multi-call task: tool result / user message


# Typical shapes of each kind of task; the sources are common deployments, not measurements,
# which is why every one of them is shown to the user as an editable assumption.
DEFAULTS: dict[str, CategoryDefaults] = {
    "code_generation": CategoryDefaults(3000, 1500, 1, 0.3, 1000, 800),
    "debugging": CategoryDefaults(6000, 1200, 3, 0.2, 500, 1500),
    "code_review": CategoryDefaults(8000, 1500, 1, 0.2, 1000, 800),
    "architecture": CategoryDefaults(3000, 2500, 1, 0.2, 100, 800),
    "math_reasoning": CategoryDefaults(800, 1500, 1, 0.3, 1000, 300),
    "data_analysis": CategoryDefaults(5000, 1500, 2, 0.2, 500, 1500),
    "extraction": CategoryDefaults(2500, 400, 1, 0.4, 10_000, 300),
    "classification": CategoryDefaults(600, 30, 1, 0.6, 50_000, 100),
    "summarisation": CategoryDefaults(6000, 600, 1, 0.1, 2000, 300),
    "translation": CategoryDefaults(1500, 1700, 1, 0.1, 2000, 300),
    "creative_writing": CategoryDefaults(800, 1000, 1, 0.3, 1000, 300),
    "research_qa": CategoryDefaults(2000, 900, 1, 0.3, 3000, 300),
    "agentic": CategoryDefaults(4000, 800, 15, 0.5, 200, 1500),
    "customer_support": CategoryDefaults(2500, 300, 4, 0.6, 20_000, 150),
    "long_document": CategoryDefaults(120_000, 2000, 1, 0.05, 100, 300),
}


def reasoning_per_output(difficulty: float) -> float:
    """Hidden reasoning tokens per visible output token at default effort (assumption).

    0.5x on trivial tasks, rising by 1x per difficulty level above 1.5 (about 2x at 3, 4x at 5).
    """
    return max(0.5, difficulty - 1.0)


@dataclass(frozen=True)
class Assumption:
    name: str
    value: float | int | bool
    source: str  # "you" | "category default" | "derived"
    why: str


@dataclass(frozen=True)
class Workload:
    """Per-call token counts (reference encoding) and volume; see the module docstring."""

    input_tokens: int
    output_tokens: int
    cached_prefix_tokens: int
    calls_per_task: int
    runs_per_month: float
    observation_tokens: int
    reasoning_tokens: int  # per call, billed only for reasoning models
    summarise_history: bool = False
    cache_history: bool = False  # each call caches its whole prompt for the next (see call_counts)
    assumptions: tuple[Assumption, ...] = field(default=(), compare=False)

    def history_tokens(self, k: int, *, summarise: bool | None = None) -> int:
        """Tokens of earlier turns re-sent with call k (0-based)."""
        summarise = self.summarise_history if summarise is None else summarise
        turn = self.output_tokens + self.observation_tokens
        if not summarise or k <= KEEP_TURNS:
            return k * turn
        return KEEP_TURNS * turn + min(SUMMARY_TOKENS, (k - KEEP_TURNS) * turn)

    def prompt_tokens(self, k: int) -> int:
        return self.input_tokens + self.history_tokens(k)

    @property
    def largest_prompt(self) -> int:
        """The last call's prompt: the history never shrinks from one call to the next."""
        return self.prompt_tokens(self.calls_per_task - 1)

    @property
    def warm_cache(self) -> bool:
        return self.runs_per_month >= WARM_RUNS_PER_MONTH

    def replace(self, **changes: Any) -> Workload:
        """A copy with `changes`, keeping the assumptions (no deep copy: asdict took a third
        of a recommendation's selection time)."""
        return dataclasses.replace(self, **changes)

    def assumptions_dict(self) -> dict[str, Any]:
        """name -> value of every workload number the answer used."""
        return {a.name: a.value for a in self.assumptions}


# A category's share of the mixed defaults is its probability above this floor, so a runner-up
# category enters the defaults gradually as the council grows unsure, not all at once.
MIX_FLOOR = 0.1


def defaults_mix(category: str, category_p: Mapping[str, float] | None) -> dict[str, float]:
    """Category -> its share of the defaults: max(0, p - MIX_FLOOR), renormalised.

    A near tie between two categories (a summary that might be an extraction) would otherwise
    flip every default, and the bill with it, on a word of the description. With no
    distribution, or none above the floor, the verdict's category alone. Not
    ``council.adequacy.category_weights``, which keeps every p >= 0.05 as it is: averaging
    adequacy over the distribution is right there, but here a runner-up must enter from zero
    rather than jump in at a cut-off.
    """
    raw = {c: p - MIX_FLOOR for c, p in (category_p or {}).items()
           if c in DEFAULTS and p > MIX_FLOOR}
    total = sum(raw.values())
    if total <= 0:
        return {category: 1.0}
    return {c: w / total for c, w in sorted(raw.items(), key=lambda kv: -kv[1])}


@dataclass(frozen=True)
class Learned:
    """A category default refitted from the team's own usage (``council.usage.learn``)."""

    value: float
    runs: int  # the task runs it rests on; it is already shrunk toward the built-in default


# category -> {CategoryDefaults field: Learned}; the caller passes it in (nothing is read here).
DefaultsLookup = Callable[[str], Mapping[str, Learned]]
USAGE_SOURCE = "your usage"
_LEARNED_FIELD = {"input_tokens": "input_tokens", "output_tokens": "output_tokens",
                  "cached_prefix_tokens": "prefix_share", "calls_per_task": "calls_per_task"}


def _default(category: str, name: str, learned: DefaultsLookup | None) -> float:
    got = learned(category).get(name) if learned is not None else None
    return got.value if got is not None else getattr(DEFAULTS[category], name)


def _usage_note(assumption: str, weights: Mapping[str, float],
                learned: DefaultsLookup | None) -> str | None:
    """Why a default came from the team's usage, when categories holding at least half the
    mix's weight have a learned value for it; else None (the category default stands)."""
    name = _LEARNED_FIELD.get(assumption)
    if learned is None or name is None:
        return None
    found = {c: learned(c).get(name) for c in weights}
    share = sum(w for c, w in weights.items() if found[c] is not None)
    if share < 0.5:
        return None
    runs = sum(v.runs for v in found.values() if v is not None)
    return f"refitted from {runs:,} runs in your team's usage, shrunk toward the category default"


def mixed_defaults(weights: Mapping[str, float],
                   learned: DefaultsLookup | None = None) -> CategoryDefaults:
    """The weighted mean of the categories' defaults (integers rounded), each category's
    learned value replacing its built-in one where ``learned`` has it."""
    def mean(name: str) -> float:
        return sum(w * _default(c, name, learned) for c, w in weights.items())

    return CategoryDefaults(
        input_tokens=round(mean("input_tokens")), output_tokens=round(mean("output_tokens")),
        calls_per_task=max(1, round(mean("calls_per_task"))),
        prefix_share=mean("prefix_share"), runs_per_month=round(mean("runs_per_month")),
        observation_tokens=round(mean("observation_tokens")))


def build_workload(spec: TaskSpec, category: str, difficulty: float,
                   category_p: Mapping[str, float] | None = None,
                   learned: DefaultsLookup | None = None) -> Workload:
    """The workload from the spec, with the category's default for every blank (as assumptions).

    Given the council's category distribution, the defaults are those of the likely categories
    weighted by ``defaults_mix``; each assumption then names the mix.
    """
    weights = defaults_mix(category, category_p)
    d = mixed_defaults(weights, learned)
    if len(weights) == 1:
        label = BY_KEY[next(iter(weights))].label.lower()
    else:
        names = [BY_KEY[c].label.lower() for c in weights]
        label = (", ".join(names[:-1]) + " and " + names[-1] + ", weighted "
                 + "/".join(f"{w:.0%}" for w in weights.values()) + " as the council is unsure")
    out: list[Assumption] = []

    def take(name: str, given: Any, default: Any, why: str) -> Any:
        if given is not None:
            out.append(Assumption(name, given, "you", "as given"))
            return given
        note = _usage_note(name, weights, learned)
        out.append(Assumption(name, default, USAGE_SOURCE if note else "category default",
                              f"{why}; {note}" if note else why))
        return default

    input_tokens = take("input_tokens", spec.input_tokens, d.input_tokens,
                        f"typical prompt for {label} (tokens per call, before history)")
    output_tokens = take("output_tokens", spec.output_tokens, d.output_tokens,
                         f"typical answer length for {label}")
    default_prefix = round(input_tokens * d.prefix_share)
    prefix = take("cached_prefix_tokens", spec.cached_prefix_tokens, default_prefix,
                  f"{d.prefix_share:.0%} of the input is fixed instructions/examples "
                  f"(typical for {label})")
    prefix = min(prefix, input_tokens)
    calls = take("calls_per_task", spec.calls_per_task, d.calls_per_task,
                 f"typical number of model calls per {label} task")
    runs = take("runs_per_month", spec.runs_per_month, d.runs_per_month,
                f"a typical team volume for {label}")
    observation = d.observation_tokens
    if calls > 1:
        out.append(Assumption("observation_tokens", observation, "category default",
                              "each turn adds the model's output plus this many tokens of tool "
                              "result or user reply to the history"))
    factor = reasoning_per_output(difficulty)
    reasoning = take("reasoning_tokens", spec.reasoning_tokens,
                     round(output_tokens * factor),
                     f"reasoning models think ~{factor:.1f}x the visible output at default "
                     f"effort on a difficulty-{difficulty:.1f} task (non-reasoning models: 0)")
    out.append(Assumption("summarise_history", spec.summarise_history, "you",
                          "old turns summarised" if spec.summarise_history
                          else "full history re-sent every call"))
    out.append(Assumption("batch", spec.batch, "you", "batch API (results within 24 h)"
                          if spec.batch else "real-time"))
    return Workload(
        input_tokens=int(input_tokens), output_tokens=int(output_tokens),
        cached_prefix_tokens=int(prefix), calls_per_task=int(calls),
        runs_per_month=float(runs), observation_tokens=int(observation),
        reasoning_tokens=int(reasoning), summarise_history=spec.summarise_history,
        assumptions=tuple(out),
    )


def caches(model: Any, workload: Workload) -> bool:
    """Whether the prefix is cached for this model (it sells caching, the prefix is big enough)."""
    prefix = for_model(workload.cached_prefix_tokens, model.token_ratio)
    return bool(model.prompt_caching) and prefix >= MIN_CACHEABLE_TOKENS


# Order of the counts call_counts returns, as Usage's field names.
USAGE_FIELDS: tuple[str, ...] = (
    "input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens",
    "output_tokens", "reasoning_tokens",
)


def caches_history(model: Any, workload: Workload) -> bool:
    """Whether a multi-call task caches its growing history (only without summarising)."""
    first = for_model(workload.prompt_tokens(0), model.token_ratio)
    return (workload.cache_history and bool(model.prompt_caching)
            and not workload.summarise_history and workload.calls_per_task > 1
            and first >= MIN_CACHEABLE_TOKENS)


def call_counts(model: Any, workload: Workload, *,
                caching: bool = True) -> list[tuple[int, int, int, int, int, int]]:
    """Each call's token counts in the model's own tokens, in USAGE_FIELDS order.

    With history caching, every call but the last writes its whole prompt to the cache and
    the next call reads it, paying full input only for what no earlier call wrote.
    """
    ratio = model.token_ratio
    use_cache = caching and caches(model, workload)
    history = caching and caches_history(model, workload)
    prefix = for_model(workload.cached_prefix_tokens, ratio)
    output = for_model(workload.output_tokens, ratio)
    reasoning = for_model(workload.reasoning_tokens, ratio) if model.reasoning else 0
    last = workload.calls_per_task - 1
    calls = []
    for k in range(workload.calls_per_task):
        prompt = for_model(workload.prompt_tokens(k), ratio)
        first_cold = k == 0 and not workload.warm_cache
        if history:
            if k > 0:
                read = for_model(workload.prompt_tokens(k - 1), ratio)
            else:
                read = prefix if use_cache and not first_cold else 0
            write = prompt - read if k < last else 0
            calls.append((prompt - read - write, read, write, 0, output, reasoning))
            continue
        if not use_cache:
            calls.append((prompt, 0, 0, 0, output, reasoning))
            continue
        calls.append((prompt - prefix, 0 if first_cold else prefix,
                      prefix if first_cold else 0, 0, output, reasoning))
    return calls


def usages(model: Any, workload: Workload, *, caching: bool = True) -> list[Usage]:
    """One Usage per call of one task, in the model's own tokens."""
    return [Usage(*counts) for counts in call_counts(model, workload, caching=caching)]


def fits(model: Any, workload: Workload) -> list[str]:
    """Why the workload does not fit the model's window or output limit (empty when it fits)."""
    ratio = model.token_ratio
    output = for_model(workload.output_tokens, ratio)
    reasoning = for_model(workload.reasoning_tokens, ratio) if model.reasoning else 0
    largest = for_model(workload.largest_prompt, ratio) + output + reasoning
    problems = []
    if largest > model.context_window:
        problems.append(f"the largest call needs {largest:,} tokens (input + history + output) "
                        f"but its context window is {model.context_window:,}")
    if output + reasoning > model.max_output:
        problems.append(f"output{' + reasoning' if reasoning else ''} of {output + reasoning:,} "
                        f"tokens exceeds its max output of {model.max_output:,}")
    return problems


def total_tokens(workload: Workload) -> int:
    """Reference tokens sent and received by one task (for explanations)."""
    n = workload.calls_per_task
    return sum(workload.prompt_tokens(k) for k in range(n)) + n * workload.output_tokens

