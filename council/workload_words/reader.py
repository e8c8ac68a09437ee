"""The reader: every rule run over the head of one description, each read shown in its
own words."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from council.workload_words.call_shapes import shaped_calls
from council.workload_words.collection_once import uncounted_once
from council.workload_words.consulted import consulted
from council.workload_words.estimates import said_as_estimate
from council.workload_words.foreign_numbers import foreign_number_words
from council.workload_words.languages import read_languages
from council.workload_words.latency import read_latency
from council.workload_words.native_numerals import native_numerals
from council.workload_words.numbers import european_numbers, number_starts
from council.workload_words.sizes import read_sizes
from council.workload_words.steps import CODE_RE, read_loop, read_steps
from council.workload_words.tool_words import read_tool_sign
from council.workload_words.totals import unsized_total
from council.workload_words.values import Read, WorkloadWords
from council.workload_words.volumes import read_volume

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# The rules read the head of a text only: a workload is stated where the task is described, and
# past that a pasted document's own numbers ("in 200 characters", dates, amounts) are its
# content, not the workload. It also bounds the reader's time on a 20,000-character paste.
READ_LIMIT = 1_500
# A description this long has a document pasted into it (the classifier's long-text flag,
# council.assess.input_flags.LONG_TEXT_CHARS): the workload is said in the person's own lines
# before it ("Review this contract for risky clauses:"), up to the line that opens the paste
# (ending in a colon) or the first blank line; the document's numbers are its content. QA round
# 11: a pasted 20,000-character contract read as 60 runs a month ("Schedule 2, and 'Business
# Day' means a day") and as fit for the batch API ("within 30 days").
PASTED_DOCUMENT_CHARS = 8_000
_PASTE_OPENS = re.compile(r":[ \t]*\r?\n|\r?\n[ \t]*\r?\n")


def _head(text: str) -> str:
    """What the rules read: the READ_LIMIT head, or a pasted document's introduction."""
    if len(text.strip()) > PASTED_DOCUMENT_CHARS:
        opens = _PASTE_OPENS.search(text, 0, READ_LIMIT)
        if opens is not None:
            return text[:opens.start() + 1]
    return text[:READ_LIMIT]


@lru_cache(maxsize=512)
def read_workload(text: str) -> WorkloadWords:
    """Every workload number the description gives, each with its words (see the package docstring).

    Cached: the workload and the adequacy both read the same description.
    """
    original = _head(text)
    text = original.lower()  # the rules run on lower case, at the same offsets
    if len(text) != len(original):  # a few non-ASCII letters grow when lowered: ASCII only
        text = original.translate(_ASCII_LOWER)
    # "12.000", "duecento", "١٠٠٠", "一万": digits
    text = native_numerals(foreign_number_words(european_numbers(text)))
    starts = number_starts(text)
    sizes, taken = read_sizes(text, starts)
    steps = read_steps(text, starts)
    if steps is not None:
        taken.append((steps.start, steps.end))
    inputs = [s for s in sizes if s.name == "input_tokens"]
    outputs = [s for s in sizes if s.name == "output_tokens"]
    loop = read_loop(text, react=re.search(r"\bReAct\b", original) is not None)
    if steps is None and loop is None:  # "look up the answer in our knowledge base": 2 calls
        steps = shaped_calls(text)
    latency = read_latency(text)
    if latency is not None and latency.value == "batch_ok" and loop is not None \
            and loop.value == "agent":
        # "50 agent sessions every night": each step waits on the last one's answer, so the
        # batch API cannot run a session, however late its results may come
        latency = None
    runs = read_volume(text, taken)
    uncounted = (uncounted_once(text) or unsized_total(text)) if runs is None else None
    found = {
        "runs_per_month": runs,
        "input_size": inputs[0] if inputs else None,
        "output_size": outputs[0] if outputs else None,
        "calls_per_task": steps,
        "loop": loop,
        "languages": read_languages(original, text),
        "latency": latency,
        "corpus_size": next((s for s in sizes if s.name == "corpus_size"), None),
    }
    # every read shows the description's own words (the rules ran on a lowered copy)
    found = {name: said_as_estimate(_own_words(r, original)) for name, r in found.items()}
    return WorkloadWords(
        **found,
        coding=bool(loop is not None and loop.value == "agent" and CODE_RE.search(text)),
        consulted=consulted(text, inputs[0] if inputs else None),
        tool_sign=_own_words(read_tool_sign(text), original),
        unread=tuple(_own_words(s, original) for s in (*sizes, uncounted) if s is not None
                     and s.name == "unread"),
        reads=tuple(r for r in found.values() if r is not None),
    )


def _own_words(r: Read | None, original: str) -> Read | None:
    """``r`` showing the description's own words (the rules ran on a lowered copy)."""
    return r if r is None or r.words == original[r.start:r.end] else replace(
        r, words=original[r.start:r.end])
