"""Required capabilities: the user's, plus those the task's words require
(``council.need_words``: photos to look at need vision) and those the LLM voters agree the task
needs.

The council's needs (``Assessment.council_values`` named ``needs_<capability>``, agreed by the
rule in ``council.assess.voter_workload``) are added to the spec's ``needs`` for selection,
each shown as an assumption; the user overrides one with ``not_needed`` (``--not-needed``,
the page's "Not needed"), and the answer says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from council.assessment import Assessment
from council.need_words import needs_in_words
from council.task import TaskSpec
from council.workload import COUNCIL_VOTE, Assumption

PREFIX = "needs_"


@dataclass(frozen=True)
class Needs:
    spec: TaskSpec  # the spec to select with: the user's needs plus the council's agreed ones
    assumptions: list[Assumption]


@dataclass(frozen=True)
class _Ask:
    """A capability asked for by the council's vote or by the task's words."""

    capability: str
    source: str  # COUNCIL_VOTE or "text"
    said: str  # why, as "you said it is not needed (...)" names it
    lead: str  # why, before "models without ... are excluded"


def required(spec: TaskSpec, assessment: Assessment) -> Needs:
    """The spec with the council's agreed needs and the words' added (never those the user
    ruled out); where both ask for one, the council's vote is the one named."""
    asks = [_Ask(v.name.removeprefix(PREFIX), COUNCIL_VOTE, v.why, f"{v.why};")
            for v in assessment.council_values if v.name.startswith(PREFIX) and v.value]
    asks += [_Ask(r.capability, "text", f"your words: '{r.words}'",
                  f"from your words: '{r.words}':") for r in needs_in_words(spec.description)]
    added: set[str] = set()
    noted: set[str] = set()
    notes: list[Assumption] = []
    for ask in asks:
        cap = ask.capability
        if cap in spec.needs or cap in noted:
            continue  # the user requires it already, or the council's vote named it
        noted.add(cap)
        if cap in spec.not_needed:
            notes.append(Assumption(PREFIX + cap, False, "you",
                                    f"you said it is not needed ({ask.said})"))
            continue
        added.add(cap)
        notes.append(Assumption(PREFIX + cap, True, ask.source,
                                f"{ask.lead} models without {cap.replace('_', ' ')} are "
                                f"excluded (say it is not needed to include them)"))
    if not added:
        return Needs(spec, notes)
    return Needs(spec.model_copy(update={"needs": spec.needs | frozenset(added)}), notes)
