"""The reader: every rule run over the head of one description, each read shown in its
own words."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from council.workload_words.consulted import consulted
from council.workload_words.foreign_numbers import foreign_number_words
from council.workload_words.languages import read_languages
from council.workload_words.latency import read_latency
from council.workload_words.native_numerals import native_numerals
from council.workload_words.numbers import european_numbers, number_starts
from council.workload_words.sizes import read_sizes
from council.workload_words.steps import CODE_RE, read_loop, read_steps
from council.workload_words.values import WorkloadWords
from council.workload_words.volumes import read_volume

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# The rules read the head of a text only: a workload is stated where the task is described, and
# past that a pasted document's own numbers ("in 200 characters", dates, amounts) are its
# content, not the workload. It also bounds the reader's time on a 20,000-character paste.
READ_LIMIT = 1_500


@lru_cache(maxsize=512)
def read_workload(text: str) -> WorkloadWords:
    """Every workload number the description gives, each with its words (see the package docstring).

    Cached: the workload and the adequacy both read the same description.
    """
    original = text[:READ_LIMIT]
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
    latency = read_latency(text)
    if latency is not None and latency.value == "batch_ok" and loop is not None \
            and loop.value == "agent":
        # "50 agent sessions every night": each step waits on the last one's answer, so the
        # batch API cannot run a session, however late its results may come
        latency = None
    found = {
        "runs_per_month": read_volume(text, taken),
        "input_size": inputs[0] if inputs else None,
        "output_size": outputs[0] if outputs else None,
        "calls_per_task": steps,
        "loop": loop,
        "languages": read_languages(original, text),
        "latency": latency,
        "corpus_size": next((s for s in sizes if s.name == "corpus_size"), None),
    }
    # every read shows the description's own words (the rules ran on a lowered copy)
    for name, r in found.items():
        if r is not None and r.words != original[r.start:r.end]:
            found[name] = replace(r, words=original[r.start:r.end])
    return WorkloadWords(
        **found,
        coding=bool(loop is not None and loop.value == "agent" and CODE_RE.search(text)),
        consulted=consulted(text, inputs[0] if inputs else None),
        reads=tuple(r for r in found.values() if r is not None),
    )
