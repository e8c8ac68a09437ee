"""The categories a task draws on and their weights: the council's, mixed by the words.

A coding agent is agentic and code. The classifier reads "Build an agent that ... refactors a
40-file Django codebase ... until the tests pass" as code generation with agentic at 7%; the
words, though, describe an agent loop. When the workload reader finds one, agentic gets at
least AGENT_SHARE of the task and the council's categories share the rest in their own
proportions, so both the skill (adequacy) and the workload defaults use both categories.
Without loop words the distribution is the council's, unchanged.

An answer reads the words once (``read_task``) and hands the one ``TaskReading`` to the
adequacy, the workload and the failure cost; the mix is stored in the answer
(``Recommendation.priced_mix``), so a share link shows the mix the answer was priced with
even after the reader changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the reader compiles ~100 ms of patterns: a page that only shows a stored
    from council.workload_words import WorkloadWords  # answer's mix does not load it

AGENT = "agentic"
# The least share of agentic in a task whose words describe an agent loop: half, so the loop
# and the work it does (the council's top category) count alike.
AGENT_SHARE = 0.5


@dataclass(frozen=True)
class TaskReading:
    """One reading of a description: its workload words and the category mix they give."""

    words: WorkloadWords
    mix: Mapping[str, float]  # category -> weight, sums to 1 (``task_mix``)
    lifted: bool = False  # the words lifted agentic (``lifts``): the mix is not the council's

    @property
    def agent_loop(self) -> bool:
        return agent_loop(self.words)


def read_task(description: str, category: str,
              category_p: Mapping[str, float] | None) -> TaskReading:
    """Read the words once and mix the council's categories with them."""
    from council.workload_words import read_workload

    words = read_workload(description)
    return TaskReading(words, task_mix(category, category_p, words),
                       lifts(category, category_p, words))


def lifts(category: str, category_p: Mapping[str, float] | None, words: WorkloadWords) -> bool:
    """Whether the words describe an agent loop the council gave less than AGENT_SHARE."""
    p = category_p or {category: 1.0}
    return agent_loop(words) and p.get(AGENT, 0.0) < AGENT_SHARE


def task_mix(category: str, category_p: Mapping[str, float] | None,
             words: WorkloadWords) -> dict[str, float]:
    """Category -> weight (sums to 1): the council's, with agentic lifted for an agent loop."""
    p = dict(category_p) if category_p else {category: 1.0}
    if not lifts(category, p, words):
        return p
    rest = sum(v for c, v in p.items() if c != AGENT)
    if rest <= 0:
        return {AGENT: 1.0}
    scale = (1.0 - AGENT_SHARE) / rest
    mixed = {c: v * scale for c, v in p.items() if c != AGENT}
    mixed[AGENT] = AGENT_SHARE
    return dict(sorted(mixed.items(), key=lambda kv: -kv[1]))


def agent_loop(words: WorkloadWords) -> bool:
    return words.loop is not None and words.loop.value == "agent"


def shown_mix(mix: Mapping[str, float] | None,
              category_p: Mapping[str, float] | None) -> dict[str, float] | None:
    """The mix worth telling the reader: one with agentic in it that is not simply the
    council's own distribution (an agent loop lifted it); else None.

    Heaviest first, agentic last among equals, then by name: a stored answer's keys come back
    sorted by name (the store writes sorted JSON), and this is the order ``task_mix`` gives
    a stored assessment's mix, so a share link reads as the answer did."""
    if not mix or AGENT not in mix or dict(mix) == (dict(category_p) if category_p
                                                    else dict(mix)):
        return None
    return dict(sorted(mix.items(), key=lambda kv: (-kv[1], kv[0] == AGENT, kv[0])))
