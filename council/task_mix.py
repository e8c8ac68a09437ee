"""The categories a task draws on and their weights: the council's, mixed by the words.

A coding agent is agentic and code. The classifier reads "Build an agent that ... refactors a
40-file Django codebase ... until the tests pass" as code generation with agentic at 7%; the
words, though, describe an agent loop. When the workload reader finds one, agentic gets at
least AGENT_SHARE of the task and the council's categories share the rest in their own
proportions, so both the skill (adequacy) and the workload defaults use both categories.
Without loop words the distribution is the council's, unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

from council.workload_words import WorkloadWords

AGENT = "agentic"
# The least share of agentic in a task whose words describe an agent loop: half, so the loop
# and the work it does (the council's top category) count alike.
AGENT_SHARE = 0.5


def task_mix(category: str, category_p: Mapping[str, float] | None,
             words: WorkloadWords) -> dict[str, float]:
    """Category -> weight (sums to 1): the council's, with agentic lifted for an agent loop."""
    p = dict(category_p) if category_p else {category: 1.0}
    if not agent_loop(words) or p.get(AGENT, 0.0) >= AGENT_SHARE:
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
