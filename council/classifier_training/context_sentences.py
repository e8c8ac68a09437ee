"""Workload sentences appended to rubric rows, so the difficulty head learns they are not
difficulty (issue 17 part 5, docs/classifier.md "Difficulty and workload sentences").

A description often says how many items come, how often, how long each is, what a mistake
costs, or where the results go. None of that makes one task harder for a model, but a head
fitted on descriptions alone read such sentences as difficulty (one sentence: up to +1 level).
Each rated train row therefore also trains the head once with one of these sentences
appended, at the row's own label. The bank is disjoint from the held-out probe
(tests/data/difficulty_context_heldout.jsonl) and from bench/difficulty_context.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NEUTRAL = (
    "Please send the results to me by email when they are done.",
    "Keep the answers in the same order as the input.",
    "The output will be pasted into a slide deck.",
    "Write the results in plain text without Markdown.",
    "My manager asked me to set this up this week.",
    "We are a small company based in Leeds.",
    "Store everything in our Google Drive folder afterwards.",
    "Return one JSON object per item.",
    "This is for our operations team.",
    "Name the output file after today's date.",
)
FAILURE_COST = (
    "A mistake costs us about 5 dollars to fix.",
    "Every error means a customer calls us, roughly 12 minutes of a support agent's time.",
    "Getting one wrong is expensive: we lose around 50 pounds each time.",
    "If it is wrong, someone has to check it again by hand, about an hour.",
    "Wrong results annoy our clients and cost us goodwill.",
    "An error costs our lawyer around 20 minutes to correct.",
    "Each slip means a refund of about 30 euros.",
    "Mistakes are caught in review, which takes a colleague about 3 minutes each.",
    "A missed one can cost us a late fee of 100 dollars.",
    "Errors are cheap for us, maybe a minute to fix.",
)
VOLUME = (
    "We receive about 200 of these per day, each one or two paragraphs.",
    "Roughly 10,000 come in every month, a page each.",
    "It runs once an hour on around 50 new items.",
    "Each Friday there are about 30 of them, 5 pages long.",
    "We have a backlog of 60,000, most under 300 words.",
    "About 15 arrive each week, usually 10 to 20 pages.",
    "Every morning the batch is around 500 short items.",
    "Expect about 3 a day, each roughly 2,000 words.",
    "There are around 800 per quarter, half a page each.",
    "It needs to handle 25 requests a minute at peak.",
)
BANK = tuple(s for trio in zip(NEUTRAL, FAILURE_COST, VOLUME, strict=True) for s in trio)


@dataclass(frozen=True)
class ContextCopies:
    """Each given row's text with one bank sentence appended, and its label unchanged."""

    texts: list[str]
    labels: np.ndarray


def context_copies(texts: Sequence[str], labels: Sequence[int]) -> ContextCopies:
    """One copy per row; the sentence is chosen by row position (kinds cycle), so a rebuild
    from the same corpus appends the same sentences."""
    if len(texts) != len(labels):
        raise ValueError("one label per text")
    copies = [f"{t.rstrip()} {BANK[i % len(BANK)]}" for i, t in enumerate(texts)]
    return ContextCopies(copies, np.asarray(labels).copy())
