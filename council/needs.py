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


def required(spec: TaskSpec, assessment: Assessment) -> Needs:
    """The spec with the council's agreed needs and the words' added (never those the user
    ruled out); where both ask for one, the council's vote is the one named."""
    added: set[str] = set()
    noted: set[str] = set()
    notes: list[Assumption] = []
    for value in assessment.council_values:
        if not value.name.startswith(PREFIX) or not value.value:
            continue
        cap = value.name.removeprefix(PREFIX)
        label = cap.replace("_", " ")
        if cap in spec.needs:
            continue  # the user requires it already
        noted.add(cap)
        if cap in spec.not_needed:
            notes.append(Assumption(value.name, False, "you",
                                    f"you said it is not needed ({value.why})"))
            continue
        added.add(cap)
        notes.append(Assumption(value.name, True, COUNCIL_VOTE,
                                f"{value.why}; models without {label} are excluded (say it is "
                                f"not needed to include them)"))
    for read in needs_in_words(spec.description):
        cap, label = read.capability, read.capability.replace("_", " ")
        if cap in spec.needs or cap in noted:
            continue
        if cap in spec.not_needed:
            notes.append(Assumption(PREFIX + cap, False, "you",
                                    f"you said it is not needed (your words: '{read.words}')"))
            continue
        added.add(cap)
        notes.append(Assumption(PREFIX + cap, True, "text",
                                f"from your words: '{read.words}': models without {label} are "
                                f"excluded (say it is not needed to include them)"))
    if not added:
        return Needs(spec, notes)
    return Needs(spec.model_copy(update={"needs": spec.needs | frozenset(added)}), notes)
