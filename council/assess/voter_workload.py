"""What the LLM voters agree on beyond category and difficulty: workload numbers, capabilities.

The rules (docs/voters.md, "Workload and capabilities"):
- Members are the LLM votes that answered (the local classifier reads no workload).
- ``input_tokens``, ``output_tokens``, ``calls_per_task``: the median of the members that
  gave one (a median, so one voter's wild guess cannot move it far).
- ``runs_per_month``: voters give it only where the text says how often; the median is used
  when at least half of the members gave one (else a lone voter may have invented it).
- ``user_waits``: used when at least half of the members say true or false and more of them
  say one than the other.
- A capability (tools, vision, json, long_context) is needed when at least MIN_VOTERS_FOR_NEED
  members answered and more than half of them name it: a single voter's word never excludes
  a model. ``reasoning`` is never required: how hard the task is already sets adequacy, and
  requiring it would exclude most of the catalog on a voter's word.
A capability named by some members but not enough is in ``unagreed_needs`` (for a note).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from council.assessment import CouncilValue, Vote

WORKLOAD_NUMBERS: tuple[str, ...] = ("input_tokens", "output_tokens", "calls_per_task")
REQUIRABLE: tuple[str, ...] = ("tools", "vision", "json", "long_context")
MIN_VOTERS_FOR_NEED = 2


def members(votes: Sequence[Vote]) -> list[Vote]:
    """The LLM votes that answered, by voter name (arrival order must not change the words)."""
    return sorted((v for v in votes if v.ok and v.kind != "local"), key=lambda v: v.voter)


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


def _median(name: str, given: list[tuple[str, float]], n: int, whole: bool) -> CouncilValue:
    middle = statistics.median(x for _, x in given)
    value: float | int = round(middle) if whole else float(middle)
    shown = ", ".join(f"{voter} {_number(x)}" for voter, x in given)
    if len(given) == 1:
        why = f"{given[0][0]}'s reading of the task (the only voter of {n} to give one)"
        if n == 1:
            why = f"{given[0][0]}'s reading of the task (the only LLM voter)"
    else:
        why = f"median of {len(given)} voters ({shown})"
    return CouncilValue(name, value, why)


def combine_workload(votes: Sequence[Vote]) -> list[CouncilValue]:
    """The workload values the members agree on (see the module docstring)."""
    answered = members(votes)
    n = len(answered)
    out: list[CouncilValue] = []
    for name in WORKLOAD_NUMBERS:
        given = [(v.voter, float(getattr(v.workload, name))) for v in answered
                 if v.workload is not None and getattr(v.workload, name) is not None]
        if given:
            out.append(_median(name, given, n, whole=True))
    runs = [(v.voter, float(v.workload.runs_per_month)) for v in answered
            if v.workload is not None and v.workload.runs_per_month is not None]
    if runs and 2 * len(runs) >= n:
        out.append(_median("runs_per_month", runs, n, whole=False))
    said = [v.workload.user_waits for v in answered
            if v.workload is not None and v.workload.user_waits is not None]
    yes, no = said.count(True), said.count(False)
    if said and 2 * len(said) >= n and yes != no:
        waits = yes > no
        out.append(CouncilValue("user_waits", waits,
                                f"{max(yes, no)} of {n} voters say "
                                + ("someone waits for each answer" if waits
                                   else "the results can wait (batch)")))
    return out


def combine_needs(votes: Sequence[Vote]) -> tuple[list[CouncilValue], list[str]]:
    """(capabilities the members agree the task needs, as ``needs_<cap>`` values;
    notes on capabilities some named without agreement)."""
    answered = members(votes)
    n = len(answered)
    needed: list[CouncilValue] = []
    notes: list[str] = []
    for cap in REQUIRABLE:
        naming = [v.voter for v in answered if cap in v.capabilities]
        if not naming:
            continue
        label = cap.replace("_", " ")
        if n >= MIN_VOTERS_FOR_NEED and 2 * len(naming) > n:
            needed.append(CouncilValue(f"needs_{cap}", True,
                                       f"{len(naming)} of {n} voters say the task needs {label} "
                                       f"({', '.join(naming)})"))
        else:
            rule = (f"more than half of at least {MIN_VOTERS_FOR_NEED} voters must agree"
                    if n >= MIN_VOTERS_FOR_NEED else
                    f"one voter's word does not exclude models (at least "
                    f"{MIN_VOTERS_FOR_NEED} must agree)")
            notes.append(f"{', '.join(naming)} ({len(naming)} of {n} voters) said the task needs "
                         f"{label}; not required: {rule}. Require it yourself if it does.")
    return needed, notes
