"""Advice that changes the bill, each item priced on this workload with the pick.

Every effect is the pick's monthly cost now minus its monthly cost with the change, both
from ``council.costing`` (so from ``price_usage``). Items that would not save are dropped.
Assumed effects of a change (how much a cap trims output, how much lower effort thinks)
are stated in the item's ``detail``.

Each item checks its own preconditions, so no advice asks for what the task cannot do:
- batch only when one call makes a task (a loop or a conversation waits on each step) and
  nobody waits for the answer (``Workload.user_waits``: chat, real time);
- a cached prefix only when it reaches the model's minimum cacheable prefix
  (``min_cache_prefix_tokens`` in the catalog), in the model's own tokens;
- retrieval only when the input is a reference document sent whole with each question
  (``Workload.reference_input``: "every call sends our 1,200-page runbook") and is far larger
  than what retrieval would send;
- no advice that trades quality for price (``LOWERS_QUALITY``) when the pick already misses
  the quality floor: ``for_floor`` drops it and says why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from council.costing import Cost, cost_of
from council.format import money, percent_beside
from council.tokens import for_model
from council.workload import Workload, caches, min_cache_prefix

if TYPE_CHECKING:
    from council.catalog.schema import ModelEntry

OUTPUT_CAP_SHARE = 0.7  # capping max_tokens and asking for terse output keeps ~70% of it
LOW_EFFORT_SHARE = 0.25  # low reasoning effort thinks ~1/4 as much as the default
SUGGESTED_PREFIX_SHARE = 0.5  # instructions + examples that could move into a fixed prefix
EXTRACT_SHARE = 0.15  # a cheap extraction stage condenses the input to ~15%
SPLIT_MIN_INPUT = 8000  # splitting only pays on long inputs
# Retrieval (RAG), an assumption stated in the advice as an estimate: the document is cut
# into chunks of ~CHUNK_TOKENS, embedded once, and each question is sent its RETRIEVED_CHUNKS
# most similar chunks plus ~QUESTION_TOKENS of instructions and question. Sources, read
# 2026-12-01: OpenAI's file search cuts files into chunks of at most 800 tokens
# (max_chunk_size_tokens, 400 overlapping) and returns 20 results by default (5 for
# gpt-3.5-turbo) (max_num_results, the SDK reference); LlamaIndex's defaults are 1,024-token
# chunks and the top 2 (llama_index/core/constants.py); Vertex AI RAG Engine's chunk is 1,024
# tokens. 800 is OpenAI's chunk; 8 results is our choice between 2 and 20, not a measurement
# (at 20 a call sends 17,000 tokens, at 2 2,600).
CHUNK_TOKENS = 800
RETRIEVED_CHUNKS = 8
QUESTION_TOKENS = 1000  # an estimate: a system prompt and a question
RETRIEVE_MIN_SHARE = 4  # only when the whole document is at least 4x what retrieval sends
# less thinking, a cheaper model reading the input, a summary of old turns, a few chunks of
# the document: each can lose what the answer needed
LOWERS_QUALITY = frozenset({"reasoning_effort", "split_stages", "summarise_history",
                            "retrieve"})


@dataclass
class Advice:
    key: str
    title: str
    detail: str
    saving_per_month: float
    saving_per_task: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _item(key: str, title: str, detail: str, now: Cost, after: float) -> Advice:
    per_task = now.per_task - after
    runs = now.per_month / now.per_task if now.per_task else 0.0
    return Advice(key, title, detail, per_task * runs, per_task)


def advise(model: ModelEntry, workload: Workload, now: Cost, *,
           cheap_model: ModelEntry | None = None, today: date | None = None) -> list[Advice]:
    """Priced advice for ``model`` on ``workload`` (``now`` is its current cost, priced on
    ``today``, default the real date), best first."""
    batch = now.batch
    out: list[Advice] = []

    def price(w: Workload, *, b: bool = batch, caching: bool = True) -> float:
        return cost_of(model, w, batch=b, caching=caching, on=today).per_task

    if model.prompt_caching:
        if caches(model, workload):
            out.append(_item(
                "cache_prefix", "Keep the fixed prefix cached",
                f"{workload.cached_prefix_tokens:,} tokens of fixed instructions are read from "
                "the cache (already counted in the price); this is what caching saves.",
                cost_of(model, workload, batch=batch, caching=False, on=today),
                price(workload)))
        else:
            prefix = int(workload.input_tokens * SUGGESTED_PREFIX_SHARE)
            if cacheable(model, prefix):
                w = workload.replace(cached_prefix_tokens=prefix)
                out.append(_item(
                    "cache_prefix", "Move fixed instructions into a cached prefix",
                    f"Put instructions, tool definitions and examples first and unchanged "
                    f"(assumed {prefix:,} of {workload.input_tokens:,} input tokens) so they "
                    "are cached.", now, price(w)))
    if not batch and model.batch_api and batch_fits(workload):
        out.append(_item("batch", "Use the batch API",
                         "If results can wait up to 24 hours, the batch API discounts every "
                         "token.", now, price(workload, b=True)))
    capped = max(1, int(workload.output_tokens * OUTPUT_CAP_SHARE))
    out.append(_item(
        "cap_output", "Cap the output",
        f"Set max_tokens and ask for a terse format; assumed to keep {OUTPUT_CAP_SHARE:.0%} "
        f"of the output ({capped:,} of {workload.output_tokens:,} tokens per call).",
        now, price(workload.replace(output_tokens=capped))))
    if model.reasoning and workload.reasoning_tokens > 0:
        low = int(workload.reasoning_tokens * LOW_EFFORT_SHARE)
        out.append(_item(
            "reasoning_effort", "Lower the reasoning effort",
            f"Low effort is assumed to think ~{LOW_EFFORT_SHARE:.0%} as much "
            f"({low:,} instead of {workload.reasoning_tokens:,} tokens per call); check that "
            "answers stay adequate, harder tasks lose more.",
            now, price(workload.replace(reasoning_tokens=low))))
    if (workload.calls_per_task > 1 and not workload.summarise_history
            and model.prompt_caching and not workload.cache_history
            and cacheable(model, workload.prompt_tokens(0))):
        w = workload.replace(cache_history=True)
        out.append(_item(
            "cache_history", "Cache the growing history",
            f"Mark a cache breakpoint at the end of each call's prompt so the next of the "
            f"{workload.calls_per_task} calls reads the history from the cache instead of "
            "paying full input for it again.", now, price(w)))
    if workload.calls_per_task > 1 and not workload.summarise_history:
        out.append(_item(
            "summarise_history", "Summarise old turns",
            f"Keep the last turns verbatim and replace older ones with a short summary; the "
            f"loop of {workload.calls_per_task} calls otherwise re-sends the whole history.",
            now, price(workload.replace(summarise_history=True))))
    if cheap_model is not None and workload.input_tokens >= SPLIT_MIN_INPUT:
        out.extend(_split(model, cheap_model, workload, now, today))
    if workload.reference_input:
        out.extend(_retrieve(model, workload, now, today))
    return sorted((a for a in out if a.saving_per_task > 0),
                  key=lambda a: -a.saving_per_task)


@dataclass
class FloorCheckedAdvice:
    """The advice left once the quality floor is checked, and why any was dropped."""

    advice: list[Advice]
    note: str | None


def for_floor(items: list[Advice], p_adequate: float, floor: float) -> FloorCheckedAdvice:
    """Drop advice that lowers quality when the pick's P(adequate) is already under the floor."""
    if floor <= 0 or p_adequate >= floor:
        return FloorCheckedAdvice(items, None)
    dropped = [a for a in items if a.key in LOWERS_QUALITY]
    if not dropped:
        return FloorCheckedAdvice(items, None)
    names = ", ".join(f'"{a.title}"' for a in dropped)
    return FloorCheckedAdvice(
        [a for a in items if a.key not in LOWERS_QUALITY],
        f"advice left out: {names} would lower quality, and the pick's P(adequate) "
        f"{percent_beside(p_adequate, floor)} is already under the {floor:.0%} floor")


def batch_fits(workload: Workload) -> bool:
    """The batch API answers within 24 hours, each request on its own: no step may wait on
    another's answer and nobody may be waiting for it."""
    return not workload.dependent_steps and not workload.user_waits


def cacheable(model: ModelEntry, reference_tokens: int) -> bool:
    """Whether a prefix of this many reference tokens reaches the model's cacheable minimum."""
    return for_model(reference_tokens, model.token_ratio) >= min_cache_prefix(model)


def _split(model: ModelEntry, cheap: ModelEntry, workload: Workload, now: Cost,
           today: date | None) -> list[Advice]:
    """A cheap model extracts the relevant part of a long input; the pick reasons over it."""
    if cheap.id == model.id:
        return []
    extract = max(1, int(workload.input_tokens * EXTRACT_SHARE))
    stage1 = workload.replace(output_tokens=extract, reasoning_tokens=0, calls_per_task=1,
                              summarise_history=False)
    prefix = min(workload.cached_prefix_tokens, extract)
    stage2 = workload.replace(input_tokens=extract + prefix, cached_prefix_tokens=prefix)
    batch1 = now.batch and bool(cheap.batch_api)
    after = (cost_of(cheap, stage1, batch=batch1, on=today).per_task
             + cost_of(model, stage2, batch=now.batch, on=today).per_task)
    return [_item(
        "split_stages", f"Split: {cheap.id} extracts, {model.id} reasons",
        f"{cheap.id} reads the {workload.input_tokens:,}-token input once and extracts the "
        f"relevant ~{EXTRACT_SHARE:.0%} ({extract:,} tokens); {model.id} works on that. "
        "Check the extraction keeps what the answer needs.", now, after)]


def _retrieve(model: ModelEntry, workload: Workload, now: Cost,
              today: date | None) -> list[Advice]:
    """Each question gets the relevant chunks of the reference document, not all of it."""
    sent = RETRIEVED_CHUNKS * CHUNK_TOKENS + QUESTION_TOKENS
    if workload.input_tokens < RETRIEVE_MIN_SHARE * sent:
        return []
    w = workload.replace(input_tokens=sent,
                         cached_prefix_tokens=min(workload.cached_prefix_tokens,
                                                  QUESTION_TOKENS))
    after = cost_of(model, w, batch=now.batch, on=today).per_task
    runs = now.per_month / now.per_task if now.per_task else 0.0
    return [_item(
        "retrieve", "Retrieve the relevant pages instead of sending the whole document",
        f"Index the {workload.input_tokens:,}-token document once (embedding it costs cents "
        f"at a small embedding model's price) and send each question its "
        f"{RETRIEVED_CHUNKS} most relevant chunks of ~{CHUNK_TOKENS:,} tokens (OpenAI file "
        f"search's default chunk; {RETRIEVED_CHUNKS} chunks is an assumption: its default is "
        f"up to 20, LlamaIndex's 2): about "
        f"{sent:,} tokens a call with the question and instructions, instead of "
        f"{workload.input_tokens:,}: {money(after * runs)} a month on {model.id} instead of "
        f"{money(now.per_month)}. An estimate: it assumes the answer sits in those "
        f"{RETRIEVED_CHUNKS} chunks; check it on past questions.", now, after)]
