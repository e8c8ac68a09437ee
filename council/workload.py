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
reads it. Providers refuse to cache prefixes below a model's ``min_cache_prefix_tokens``
(MIN_CACHEABLE_TOKENS where the catalog gives none).

Where the description gives a number ("10k tickets nightly", "a 200-page PDF", "up to 30
steps"), ``council.workload_words`` reads it and it replaces the category default, recorded
with source "text" and the words it came from; a number the user typed beats both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from council.assessment import CouncilValue
from council.catalog.schema import DEFAULT_MIN_CACHE_PREFIX_TOKENS
from council.categories import BY_KEY
from council.format import shares
from council.pricing import Usage
from council.task import MAX_CALLS_PER_TASK, MAX_RUNS_PER_MONTH, MAX_TOKENS_PER_CALL, TaskSpec
from council.task_mix import AGENT_SHARE, TaskReading, read_task
from council.tokens import count_tokens, for_model
from council.workload_words import (
    AGENT_LOOP_CALLS,
    AGENT_LOOP_SOURCE,
    CODING_AGENT_CALLS,
    CODING_AGENT_SOURCE,
    PASTED_DOCUMENT_CHARS,
    Read,
    WorkloadWords,
)
from council.workload_words.languages import target_count, translation_targets
from council.workload_words.one_off import ONE_OFF_WHY

if TYPE_CHECKING:
    from council.catalog.schema import ModelEntry

KEEP_TURNS = 3
SUMMARY_TOKENS = 500
MIN_CACHEABLE_TOKENS = DEFAULT_MIN_CACHE_PREFIX_TOKENS  # where the catalog gives no minimum
WARM_RUNS_PER_MONTH = 30 * 24 * 12  # one task every 5 minutes keeps a 5-minute cache warm
COUNCIL_VOTE = "council vote"  # an Assumption's source: the LLM voters' combined reading


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
    value: float | int | bool | str
    # "you" | "text" (read from the description) | "council vote" | "category default" | "derived"
    source: str
    why: str


# how a default's why quotes the words the reader saw and left to it ("'a 15 MB PDF' in your
# words: a file's bytes are not its text ..."): ``take`` writes it, ``unread_said`` finds it
UNREAD_SAID = "' in your words: "


def unread_said(why: str) -> str:
    """The words a default's why says the reader left to it, with why, or "" (words19: shown
    beside the figure, not only in the assumptions)."""
    at = why.find(UNREAD_SAID)
    start = why.rfind("; '", 0, at) if at != -1 else -1
    return why[start + 2:] if start != -1 else ""


def period_words(assumptions: Sequence[Assumption]) -> str:
    """What a monthly figure covers, for a sentence: "a month", or for a volume read as a
    one-off "for this task" (one task) or "for the 10,000 tasks, once" (QA round 15: a
    one-off refactor said "this saves $0.051 a month")."""
    runs = next((a for a in assumptions if a.name == "runs_per_month"), None)
    # a default stands in for a one-off's uncounted items ("classify each row of this
    # spreadsheet": the reader's unread note, words18), so it is once too
    if runs is None or runs.source not in ("text", "category default", USAGE_SOURCE) \
            or ONE_OFF_WHY not in runs.why or not isinstance(runs.value, int | float):
        return "a month"
    return "for this task" if runs.value == 1 else f"for the {runs.value:,.0f} tasks, once"


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
    cache_history: bool = False  # each call caches its whole prompt for the next (see call_tokens)
    user_waits: bool = False  # someone waits for each answer (chat, real time): no batch API
    # the input is a reference document sent whole with each question ("every call sends our
    # 1,200-page runbook"): retrieval could send the relevant part (council.advice)
    reference_input: bool = False
    mix_note: str = ""  # why the task mixes categories the council did not put first, if so
    assumptions: tuple[Assumption, ...] = field(default=(), compare=False)

    @property
    def dependent_steps(self) -> bool:
        """Each call waits on the one before (agent loop, conversation): no batch API."""
        return self.calls_per_task > 1

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


def task_defaults_mix(category: str, reading: TaskReading) -> dict[str, float]:
    """The categories whose defaults a task takes, and their shares: the reading's mix
    itself when the words lifted agentic (the mix the verdict shows it judged and priced as:
    the same shares everywhere), else ``defaults_mix`` over the council's reading. One
    function, so the workload defaults and the failure-cost default weigh a mixed task alike."""
    if reading.lifted:
        known = {c: w for c, w in reading.mix.items() if c in DEFAULTS and w > 0}
        total = sum(known.values())
        if total > 0:
            return {c: w / total for c, w in sorted(known.items(), key=lambda kv: -kv[1])}
    return defaults_mix(category, reading.mix)


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
                   learned: DefaultsLookup | None = None,
                   one_call: Collection[str] = ()) -> CategoryDefaults:
    """The weighted mean of the categories' defaults (integers rounded), each category's
    learned value replacing its built-in one where ``learned`` has it; the categories in
    ``one_call`` (``unsigned_loops``) count as one call a task."""
    def mean(name: str) -> float:
        return sum(w * _default(c, name, learned) for c, w in weights.items())

    calls = sum(w * (1.0 if c in one_call else _default(c, "calls_per_task", learned))
                for c, w in weights.items())
    return CategoryDefaults(
        input_tokens=round(mean("input_tokens")), output_tokens=round(mean("output_tokens")),
        calls_per_task=max(1, round(calls)),
        prefix_share=mean("prefix_share"), runs_per_month=_two_figures(mean("runs_per_month")),
        observation_tokens=round(mean("observation_tokens")))


# The categories whose default calls a task are a loop's length, and the loop the reader names
# for each: agentic's 15 calls are a tool loop, customer support's 4 a conversation. In a task
# the words send to the batch API ("every night", "varje natt", "results can wait": a job over
# items nobody waits on) such a default enters a mixed one only with a sign of that loop in the
# words, or the council giving the category at least AGENT_SHARE; without one the category
# counts as one call (its share still shapes the tokens). QA round 11: "Varje natt ska vi
# sammanfatta cirka 2 000 kundsamtal ...", agentic 0.48 from the classifier and no loop in the
# words, was priced at 14 calls a task. Not for other tasks: on the 3,936 real prompts most of
# the prompts that rule moved were agents' intents whose loop the words do not name (WebArena,
# tau-bench; docs/recommendation.md, QA round 11).
LOOP_CATEGORIES = {"agentic": "agent", "customer_support": "multi_turn"}


def unsigned_loops(weights: Mapping[str, float], reading: TaskReading,
                   batch: bool = False) -> tuple[str, ...]:
    """The loop categories in ``weights`` with no sign of their loop in a batch-fit task (the
    words say results can wait, or the user chose the batch API: ``batch``, the form's toggle
    or --batch, counts as the words would): not the reader's loop of that kind, no stated
    number of calls, no tool or step word (for an agent loop), and under AGENT_SHARE in the
    council's reading."""
    words = reading.words
    if words.calls_per_task is not None or not (batch or words.user_waits is False):
        return ()
    out = []
    for category, kind in LOOP_CATEGORIES.items():
        if category not in weights or reading.mix.get(category, 0.0) >= AGENT_SHARE:
            continue
        if words.loop is not None and words.loop.value == kind:
            continue
        if kind == "agent" and words.tool_sign is not None:
            continue
        out.append(category)
    return tuple(out)


def _one_call_note(one_call: Sequence[str], by_words: bool = True) -> str:
    """Why the loop categories of a mixed default count as one call, for its assumption;
    ``by_words``: the words send the job to the batch API, else the user's batch choice."""
    if not one_call:
        return ""
    names = " and ".join(BY_KEY[c].label.lower() for c in one_call)
    loops = " or ".join(("tools, steps or an agent loop" if LOOP_CATEGORIES[c] == "agent"
                         else "a conversation") for c in one_call)
    job = ("a job your words send to the batch API, and nothing in them names" if by_words
           else "a job you send to the batch API (your choice), and nothing in your words "
           "names")
    return (f"; {names} counted as one call: {job} {loops} (the council gives it under "
            f"{AGENT_SHARE:.0%})")


def _two_figures(volume: float) -> int:
    """A mixed default volume to two significant figures (16,112 -> 16,000): it is a typical
    team's volume, and five figures would claim a precision it does not have."""
    if volume < 100:
        return max(1, round(volume))
    digits = len(str(int(volume))) - 2
    return int(round(volume, -digits))


def build_workload(spec: TaskSpec, category: str, difficulty: float,
                   category_p: Mapping[str, float] | None = None,
                   learned: DefaultsLookup | None = None, *,
                   voted: Sequence[CouncilValue] = (),
                   reading: TaskReading | None = None) -> Workload:
    """The workload from the spec, the description's words, the council, then the defaults.

    A number the user gave wins; then one read from the description (source "text", with
    its words); then the LLM voters' combined reading (``voted``, source "council vote", see
    ``council.assess.voter_workload``); then the default of the task's categories, weighted
    by ``defaults_mix`` over ``council.task_mix.task_mix`` (the council's distribution,
    agentic lifted when the words describe an agent loop); each assumption names the mix.
    ``learned`` (refitted from the team's usage) replaces a category's built-in default where
    it has one ("your usage"). ``reading``: the answer's one reading of the words and its mix
    (``council.task_mix.read_task``); None reads them here.
    """
    if reading is None:
        reading = read_task(spec.description, category, category_p)
    words, loop = reading.words, reading.agent_loop
    weights = task_defaults_mix(category, reading)
    one_call = unsigned_loops(weights, reading, spec.batch)
    d = mixed_defaults(weights, learned, one_call)
    if len(weights) == 1:
        label = BY_KEY[next(iter(weights))].label.lower()
    else:
        names = [BY_KEY[c].label.lower() for c in weights]
        reason = (f"as your words describe an agent loop ('{words.loop.words}')"
                  if loop and words.loop is not None else "as the council is unsure")
        label = (", ".join(names[:-1]) + " and " + names[-1] + ", weighted "
                 + "/".join(shares(list(weights.values()))) + " " + reason)
    out: list[Assumption] = []
    council = {c.name: c for c in voted}

    def take(name: str, given: Any, read: Read | None, default: Any, why: str,
             limit: float | None = None) -> Any:
        if given is not None:
            out.append(Assumption(name, given, "you", "as given"))
            return given
        if read is None and name in council:
            vote = council[name]
            value = type(default)(vote.value)
            if limit is not None and value > limit:
                value = type(default)(limit)
            out.append(Assumption(name, value, COUNCIL_VOTE, vote.why))
            return value
        if read is not None:
            value, note = read.value, f"from your words: '{read.words}'"
            if read.how and read.how != "as stated":
                note += f" ({read.how})"
            if limit is not None and isinstance(value, int | float) and value > limit:
                value, note = type(value)(limit), note + f"; capped at {limit:,.0f}"
            out.append(Assumption(name, value, "text", note))
            return value
        note = _usage_note(name, weights, learned)
        why = f"{why}; {note}" if note else why
        for unread in (u for u in words.unread if u.value == name):
            why += f"; '{unread.words}{UNREAD_SAID}{unread.how}"
        out.append(Assumption(name, default, USAGE_SOURCE if note else "category default", why))
        return default

    size = words.input_size or _pasted(spec.description, loop)
    if size is not None and loop:
        out.append(Assumption("read_size", f"{size.quantity:g} {size.unit}s", "text",
                              f"from your words: '{size.words}'; not the per-call input: an "
                              "agent reads what it needs through its tools"))
        size = None
    if words.corpus_size is not None:
        corpus = words.corpus_size
        searched = corpus.unit != "char"  # a knowledge base retrieval draws on (sizes.py)
        unit = {"char": "characters"}.get(corpus.unit, f"{corpus.unit}s")
        out.append(Assumption("corpus_size", f"{corpus.quantity:,.0f} {unit}", "text",
                              f"from your words: '{corpus.words}' ({corpus.how}); the input "
                              + ("per call is the question and what retrieval sends, the "
                                 "category's typical prompt" if searched else
                                 "per call is that of one chunk")))
    input_tokens = take("input_tokens", spec.input_tokens, size, d.input_tokens,
                        f"typical prompt for {label} (tokens per call, before history)",
                        MAX_TOKENS_PER_CALL)
    out_default, out_why = d.output_tokens, f"typical answer length for {label}"
    translated = translated_output(weights, spec.description, int(input_tokens))
    if translated is not None and (spec.input_tokens is not None or size is not None):
        out_default, out_why = translated  # the input is the user's or their words'
    output_tokens = take("output_tokens", spec.output_tokens, words.output_size,
                         out_default, out_why, MAX_TOKENS_PER_CALL)
    default_prefix = round(input_tokens * d.prefix_share)
    prefix = take("cached_prefix_tokens", spec.cached_prefix_tokens, None, default_prefix,
                  f"{d.prefix_share:.0%} of the input is fixed instructions/examples "
                  f"(typical for {label})")
    prefix = min(prefix, input_tokens)
    calls = take("calls_per_task", spec.calls_per_task, _calls_read(words), d.calls_per_task,
                 f"typical number of model calls a task for {label}"
                 + _one_call_note(one_call, words.user_waits is False), MAX_CALLS_PER_TASK)
    runs = take("runs_per_month", spec.runs_per_month, words.runs_per_month, d.runs_per_month,
                f"a typical team volume for {label}", MAX_RUNS_PER_MONTH)
    observation = DEFAULTS["agentic"].observation_tokens if loop else d.observation_tokens
    if calls > 1:
        out.append(Assumption("observation_tokens", observation, "category default",
                              "each turn adds the model's output plus this many tokens of tool "
                              "result or user reply to the history"))
    factor = reasoning_per_output(difficulty)
    reasoning = take("reasoning_tokens", spec.reasoning_tokens, None,
                     round(output_tokens * factor),
                     f"reasoning models think ~{factor:.1f}x the visible output at default "
                     f"effort on a difficulty-{difficulty:.1f} task (non-reasoning models: 0)")
    out.append(Assumption("summarise_history", spec.summarise_history, "you",
                          "old turns summarised" if spec.summarise_history
                          else "full history re-sent every call"))
    out.append(Assumption("batch", spec.batch, "you", "batch API (results within 24 h)"
                          if spec.batch else "real-time"))
    waits = _user_waits(spec, words, weights, out, council.get("user_waits"))
    mix_note = ""
    if loop and words.loop is not None and category != "agentic":
        shown = dict(zip(reading.mix, shares(list(reading.mix.values())), strict=True))
        mix_note = (f"Your words describe {words.loop.how.split(':')[0]}, so the task is judged "
                    f"as {BY_KEY['agentic'].label.lower()} ({shown['agentic']}) and "
                    f"{BY_KEY[category].label.lower()} ({shown.get(category, '0%')}) together: "
                    f"{int(calls)} calls per task, each waiting on the last, so no batch API.")
    if words.languages is not None:
        out.append(Assumption("languages", ", ".join(words.languages.value), "text",
                              f"from your words: '{words.languages.words}'"))
    return Workload(
        input_tokens=int(input_tokens), output_tokens=int(output_tokens),
        cached_prefix_tokens=int(prefix), calls_per_task=int(calls),
        runs_per_month=float(runs), observation_tokens=int(observation),
        reasoning_tokens=int(reasoning), summarise_history=spec.summarise_history,
        user_waits=waits, mix_note=mix_note, assumptions=tuple(out),
        reference_input=(words.consulted and spec.input_tokens is None
                         and size is not None and size is words.input_size),
    )


# A translation is about as long as what it translates, once per target language: "Translate
# our app's UI strings (~8 words each) into French, German and Japanese" was priced at the
# category's 1,700 output tokens a call (QA round 10: $237.70 a month for 2,000 strings).
# Token counts differ between languages; this is an estimate and says so.
def translated_output(weights: Mapping[str, float], text: str,
                      input_tokens: int) -> tuple[int, str] | None:
    """The output of a task mostly translation: its input once per target language (the
    languages it goes into, ``translation_targets``), and why; None for other tasks."""
    if weights.get("translation", 0.0) < 0.5:
        return None
    targets = list(translation_targets(text))
    counted = target_count(text) if not targets else None
    if counted is not None:  # "into 12 languages": counted, not named
        n, said = int(counted.value), f"'{counted.words}'"  # type: ignore[arg-type]
    else:
        targets = targets or ["one language"]
        n, said = len(targets), ", ".join(targets)
    tokens = max(1, input_tokens * n)
    return tokens, (f"a translation is about as long as its input (an estimate: languages "
                    f"take more or fewer tokens), once per target language: {input_tokens:,} "
                    f"x {n} ({said})")


# A task mostly of these categories has a person waiting on each answer unless the words say
# otherwise (a support chat, a conversation).
WAITING_CATEGORIES = ("customer_support",)


def _pasted(description: str, loop: bool) -> Read | None:
    """A document pasted into the description (longer than PASTED_DOCUMENT_CHARS): a call
    sends at least its tokens. A 20,000-character contract was priced at the category's
    120,000 tokens a call (QA round 9)."""
    text = description.strip()
    if loop or len(text) <= PASTED_DOCUMENT_CHARS:
        return None
    n = count_tokens(text)
    head = " ".join(text[:40].split())
    return Read("input_tokens", n, head + "...", 0, len(text),
                f"the {len(text):,} characters you pasted are {n:,} tokens (o200k_base); "
                "give 'Input tokens / call' if other documents are longer", float(n), "token")


def _calls_read(words: WorkloadWords) -> Read | None:
    """Calls per task from the words: a stated number, else the length of the loop they name."""
    if words.calls_per_task is not None:
        return words.calls_per_task
    loop = words.loop
    if loop is None:
        return None
    if loop.value == "agent":
        n, source = ((CODING_AGENT_CALLS, CODING_AGENT_SOURCE) if words.coding
                     else (AGENT_LOOP_CALLS, AGENT_LOOP_SOURCE))
        return Read("calls_per_task", n, loop.words, loop.start, loop.end,
                    f"{loop.how.split(':')[0]}: {n} calls; {source}")
    n = DEFAULTS["customer_support"].calls_per_task
    return Read("calls_per_task", n, loop.words, loop.start, loop.end,
                f"a conversation: {n} turns, the support-chat default")


def _user_waits(spec: TaskSpec, words: WorkloadWords, weights: Mapping[str, float],
                out: list[Assumption], voted: CouncilValue | None = None) -> bool:
    """Whether someone waits for each answer: the user's batch choice, the words, the
    council's vote, the category."""
    if spec.batch:
        return False
    read = words.latency or (words.loop if words.user_waits else None)
    if words.user_waits is not None and read is not None:
        waits = bool(words.user_waits)
        out.append(Assumption("user_waits", waits, "text",
                              f"from your words: '{read.words}' ({read.how})"))
        return waits
    if voted is not None:
        out.append(Assumption("user_waits", bool(voted.value), COUNCIL_VOTE, voted.why))
        return bool(voted.value)
    share = sum(w for c, w in weights.items() if c in WAITING_CATEGORIES)
    waits = share >= 0.5
    out.append(Assumption("user_waits", waits, "category default",
                          "support chats have a person waiting for each reply" if waits
                          else "nothing in the words says someone waits for each answer"))
    return waits


def caches(model: ModelEntry, workload: Workload) -> bool:
    """Whether the prefix is cached for this model (it sells caching, the prefix is big enough)."""
    prefix = for_model(workload.cached_prefix_tokens, model.token_ratio)
    return bool(model.prompt_caching) and prefix >= min_cache_prefix(model)


def min_cache_prefix(model: ModelEntry) -> int:
    """The model's minimum cacheable prefix in its own tokens (catalog), else the default."""
    value = getattr(model, "min_cache_prefix_tokens", None)
    return MIN_CACHEABLE_TOKENS if value is None else int(value)


def caches_history(model: ModelEntry, workload: Workload) -> bool:
    """Whether a multi-call task caches its growing history (only without summarising)."""
    first = for_model(workload.prompt_tokens(0), model.token_ratio)
    return (workload.cache_history and bool(model.prompt_caching)
            and not workload.summarise_history and workload.calls_per_task > 1
            and first >= min_cache_prefix(model))


class CallTokens(NamedTuple):
    """One call's token counts in the model's own tokens: Usage's fields by name, without its
    checks (a task's calls are counted by the thousand; costing prices them as Usage)."""

    input_tokens: int
    cache_read_tokens: int = 0
    cache_write_5m_tokens: int = 0
    cache_write_1h_tokens: int = 0
    output_tokens: int = 0
    reasoning_tokens: int = 0

    def usage(self) -> Usage:
        return Usage(*self)

    @staticmethod
    def total(calls: Sequence[CallTokens]) -> CallTokens:
        """The calls added up, part by part (one Usage for a task where prices are linear)."""
        return CallTokens(*(sum(part) for part in zip(*calls, strict=True)))


def call_tokens(model: ModelEntry, workload: Workload, *,
                caching: bool = True) -> list[CallTokens]:
    """Each call of one task, in the model's own tokens.

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
    calls: list[CallTokens] = []
    for k in range(workload.calls_per_task):
        prompt = for_model(workload.prompt_tokens(k), ratio)
        first_cold = k == 0 and not workload.warm_cache
        if history:
            if k > 0:
                read = for_model(workload.prompt_tokens(k - 1), ratio)
            else:
                read = prefix if use_cache and not first_cold else 0
            write = prompt - read if k < last else 0
            calls.append(CallTokens(prompt - read - write, cache_read_tokens=read,
                                    cache_write_5m_tokens=write, output_tokens=output,
                                    reasoning_tokens=reasoning))
            continue
        if not use_cache:
            calls.append(CallTokens(prompt, output_tokens=output, reasoning_tokens=reasoning))
            continue
        calls.append(CallTokens(prompt - prefix, cache_read_tokens=0 if first_cold else prefix,
                                cache_write_5m_tokens=prefix if first_cold else 0,
                                output_tokens=output, reasoning_tokens=reasoning))
    return calls


def usages(model: ModelEntry, workload: Workload, *, caching: bool = True) -> list[Usage]:
    """One Usage per call of one task, in the model's own tokens."""
    return [c.usage() for c in call_tokens(model, workload, caching=caching)]


def fits(model: ModelEntry, workload: Workload) -> list[str]:
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

