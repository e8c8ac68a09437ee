"""The council: the local classifier and the LLM voters vote concurrently; one verdict.

Aggregation rule (documented in docs/voters.md):
- Each member i that answered has a weight w_i (its Vote.weight) and a category
  distribution p_i: its own `category_p` when it gives one, else a smoothed one-hot
  (1 - SMOOTHING on its category, SMOOTHING spread evenly over the others).
- Council category distribution P = sum w_i p_i / sum w_i (sums to 1).
- Difficulty d = sum w_i d_i / sum w_i, clipped to the 1-5 scale.
- Uncertainty: the sd of the weighted mixture of members, each N(d_i, s_i^2), i.e.
  sd^2 = sum w_i (s_i^2 + (d_i - d)^2) / sum w_i. A member's own sd s_i is its
  `difficulty_sd`, or LLM_DIFFICULTY_SD for an LLM's whole-number answer, so the sd is
  never below the members' own and disagreement between members widens it.
- low_confidence when top P < LOW_TOP_P, when members weighing at least half disagree
  with the top category, when members weighing at least half say their own reading is
  unsure (``Vote.unsure``; the local classifier alone on pasted code, say), or when the
  between-member difficulty spread exceeds LOW_SPREAD.
- The LLM members' workload numbers and needed capabilities are combined by
  ``council.assess.voter_workload`` into ``Assessment.council_values``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any, Protocol

from council.assess.voter_workload import combine_needs, combine_workload
from council.assessment import Assessment, Vote
from council.categories import CATEGORY_KEYS, DIFFICULTY_MAX, DIFFICULTY_MIN
from council.errors import VoterError
from council.redact import redact

SMOOTHING = 0.1
LLM_DIFFICULTY_SD = 0.5
LOW_TOP_P = 0.5
LOW_SPREAD = 1.0
# Voters get the whole overall timeout as their deadline; the council waits this much
# longer so a voter that honours its deadline reports its own reason ("timed out after").
GRACE_S = 0.25


class Classifier(Protocol):
    def vote(self, text: str) -> Vote: ...


class VoterLike(Protocol):
    name: str
    weight: float
    model: str | None

    def vote(self, description: str, deadline_s: float) -> Vote: ...


def member_distribution(vote: Vote) -> dict[str, float]:
    """The vote's category distribution over all categories, normalised."""
    given = {k: max(0.0, float(v)) for k, v in vote.category_p.items() if k in CATEGORY_KEYS}
    total = sum(given.values())
    if total > 0:
        return {k: given.get(k, 0.0) / total for k in CATEGORY_KEYS}
    rest = SMOOTHING / (len(CATEGORY_KEYS) - 1)
    return {k: (1.0 - SMOOTHING if k == vote.category else rest) for k in CATEGORY_KEYS}


def combine(votes: Sequence[Vote]) -> Assessment:
    """Aggregate the votes that answered into one Assessment (see the module docstring)."""
    members = [v for v in votes if v.ok and v.weight > 0]
    if not members:
        raise VoterError("no council member produced a vote")
    total_w = sum(v.weight for v in members)
    dists = [member_distribution(v) for v in members]
    category_p = {k: sum(v.weight * d[k] for v, d in zip(members, dists, strict=True)) / total_w
                  for k in CATEGORY_KEYS}
    norm = sum(category_p.values())
    category_p = {k: p / norm for k, p in category_p.items()}
    top = max(CATEGORY_KEYS, key=lambda k: category_p[k])

    diffs = [float(v.difficulty) for v in members]  # type: ignore[arg-type]
    mean = sum(v.weight * d for v, d in zip(members, diffs, strict=True)) / total_w
    own = [v.difficulty_sd if v.difficulty_sd is not None else LLM_DIFFICULTY_SD
           for v in members]
    between_var = sum(v.weight * (d - mean) ** 2
                      for v, d in zip(members, diffs, strict=True)) / total_w
    own_var = sum(v.weight * s**2 for v, s in zip(members, own, strict=True)) / total_w
    sd = math.sqrt(own_var + between_var)

    agree_w = sum(v.weight for v, d in zip(members, dists, strict=True)
                  if max(d, key=d.__getitem__) == top) / total_w
    unsure_w = sum(v.weight for v in members if v.unsure) / total_w
    low = (category_p[top] < LOW_TOP_P or agree_w < 0.5 or unsure_w >= 0.5
           or math.sqrt(between_var) > LOW_SPREAD)
    return Assessment(
        category=top,
        category_p=category_p,
        difficulty=min(DIFFICULTY_MAX, max(DIFFICULTY_MIN, mean)),
        difficulty_sd=sd,
        votes=list(votes),
        low_confidence=low,
        council_values=[*combine_workload(votes), *combine_needs(votes)[0]],
    )


def _notes(votes: Sequence[Vote], voters: Sequence[Any]) -> list[str]:
    notes = list(getattr(voters, "skipped", []))
    if getattr(voters, "problem", None):
        from council.assess.voters import VOTERS_OFF_NOTE

        notes.append(VOTERS_OFF_NOTE)
        return notes
    llm = [v for v in votes if v.kind != "local"]
    for v in llm:
        if v.error:
            notes.append(f"{v.voter}: {v.error}")
        elif v.input_tokens and not v.cost_usd:
            notes.append(f"{v.voter}: cost unknown ({v.model} has no catalog price)")
    if not voters and notes:  # every configured voter skipped, each note says why
        notes.append("every LLM voter was skipped: the local classifier alone is the council")
    elif not voters:
        notes.append("no LLM voters configured (no API keys): "
                     "the local classifier alone is the council")
    elif not any(v.ok for v in llm):
        notes.append("no LLM voter answered: the local classifier alone decided")
    return notes


def assess(
    description: str,
    *,
    classifier: Classifier,
    voters: Sequence[VoterLike] = (),
    on_vote: Callable[[Vote], None] | None = None,
    overall_timeout_s: float = 20.0,
) -> Assessment:
    """Run every voter concurrently beside the local classifier and combine their votes.

    on_vote is called in the caller's thread as each vote arrives (so a UI can update).
    A voter still running at the overall deadline is dropped with a note.
    """
    # a key pasted into the task ("... my key: sk-proj-...") is never sent to a provider nor
    # read: every entry (page, CLI, API) comes through here (user QA round 15)
    description = redact(description)
    start = time.monotonic()
    deadline = start + overall_timeout_s + GRACE_S
    votes: list[Vote] = []

    def arrived(vote: Vote) -> None:
        # Provider voters mask their own key; this catches any voter that does not.
        vote.error = redact(vote.error) if vote.error else vote.error
        vote.reason = redact(vote.reason)
        votes.append(vote)
        if on_vote is not None:
            on_vote(vote)

    pool = ThreadPoolExecutor(max_workers=max(1, len(voters)), thread_name_prefix="voter")
    try:
        pending: dict[Future[Vote], VoterLike] = {
            pool.submit(v.vote, description, overall_timeout_s): v for v in voters
        }
        arrived(classifier.vote(description))
        while pending:
            # Past the deadline, still collect what has finished: a cold local classifier
            # (the encoder loading) must not drop a voter that answered in time.
            left = max(0.0, deadline - time.monotonic())
            done, _ = wait(pending, timeout=left, return_when=FIRST_COMPLETED)
            if not done:
                break
            for future in done:
                pending.pop(future)
                arrived(future.result())
        for voter in pending.values():
            arrived(Vote(voter=voter.name, kind=getattr(voter, "kind", "llm"),
                         model=voter.model, weight=voter.weight,
                         latency_s=time.monotonic() - start,
                         error=f"no answer within the council's {overall_timeout_s:.1f} s"))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)

    result = combine(votes)
    result.notes = _notes(votes, voters) + combine_needs(votes)[1]
    return result
