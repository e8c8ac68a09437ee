"""What a bad answer costs, per task: the user's figure, else a per-category assumption.

The recommendation minimises price + P(failure) x this cost (council.decision). A failure
here is an answer that is not adequate: someone has to notice it, redo the work or live
with the consequence. The defaults are stated assumptions, each with its reason, priced
at a loaded rate of $60 an hour for a person's time; the answer shows the one it used and
the form and `--failure-cost` replace it.

``detection_usd`` is what it costs to *notice* a failure before it does harm (a test run,
a schema check, a person's glance): the price of the check in a cascade.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from council.errors import InvalidInput

MAX_FAILURE_COST_USD = 1_000_000.0  # per task; more is a typo, not a task
HOURLY_USD = 60.0


@dataclass(frozen=True)
class FailureDefault:
    failure_usd: float
    detection_usd: float
    why: str


DEFAULTS: dict[str, FailureDefault] = {
    "code_generation": FailureDefault(5.0, 0.05, "about 5 minutes of a developer finding and "
                                      "fixing wrong code; tests catch it for a few cents"),
    "debugging": FailureDefault(10.0, 0.05, "about 10 minutes of a developer chasing a wrong "
                                "fix; re-running the failing test catches it"),
    "code_review": FailureDefault(5.0, 0.50, "about 5 minutes of a reviewer redoing a missed "
                                  "review; spotting it takes a 30-second skim"),
    "architecture": FailureDefault(50.0, 5.0, "a flawed design found later costs an hour of a "
                                   "senior engineer; a 5-minute review catches most"),
    "math_reasoning": FailureDefault(2.0, 0.20, "2 minutes of someone re-deriving a wrong "
                                     "result; checking an answer takes seconds"),
    "data_analysis": FailureDefault(10.0, 1.0, "10 minutes of an analyst redoing a wrong "
                                    "query or figure; a minute's sanity check catches most"),
    "extraction": FailureDefault(0.50, 0.01, "30 seconds of a person correcting a wrong field; "
                                 "a schema check catches many for nothing"),
    "classification": FailureDefault(0.10, 0.01, "a misrouted item costs about 6 seconds of "
                                     "someone re-routing it"),
    "summarisation": FailureDefault(1.0, 0.20, "a minute of a reader going back to the source "
                                    "for what a bad summary missed"),
    "translation": FailureDefault(2.0, 0.50, "2 minutes of a fluent reader fixing a bad "
                                  "translation; a 30-second read catches it"),
    "creative_writing": FailureDefault(1.0, 0.20, "a minute of someone rewriting copy that "
                                       "misses the tone"),
    "research_qa": FailureDefault(2.0, 0.50, "2 minutes of someone checking and correcting a "
                                  "wrong answer"),
    "agentic": FailureDefault(10.0, 0.10, "10 minutes of a person undoing or finishing a "
                              "failed multi-step run; its own checks (tests, exit codes) "
                              "flag most failures"),
    "customer_support": FailureDefault(1.0, 0.10, "a wrong reply costs a minute of an agent "
                                       "and some goodwill"),
    "long_document": FailureDefault(20.0, 2.0, "20 minutes of a person re-reading a long "
                                    "document for what the model missed"),
}


@dataclass(frozen=True)
class FailureCost:
    """The failure and detection cost used for one answer, and where they came from."""

    failure_usd: float
    detection_usd: float
    source: str  # "you" | "category default"
    why: str


def check_failure_cost(value: float, what: str = "failure cost") -> float:
    """A finite, non-negative, not absurd dollar figure, or InvalidInput naming it."""
    import math

    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise InvalidInput(f"{what} must be a finite number of dollars, got {value!r}")
    if value < 0:
        raise InvalidInput(f"{what} ${value:,.2f} is negative: a bad answer cannot earn money; "
                           "give 0 or more")
    if value > MAX_FAILURE_COST_USD:
        raise InvalidInput(f"{what} ${value:,.0f} per task is more than the "
                           f"${MAX_FAILURE_COST_USD:,.0f} this accepts; give the cost of one "
                           "bad answer, not a year's")
    return float(value)


def failure_cost(given: float | None, mix: Mapping[str, float]) -> FailureCost:
    """The user's figure, else the category default (weighted over ``mix``, as the workload
    defaults are, when the council is unsure of the category)."""
    detection = sum(w * DEFAULTS[c].detection_usd for c, w in mix.items() if c in DEFAULTS)
    if given is not None:
        value = check_failure_cost(given)
        # detection cannot cost more than the failure it prevents
        return FailureCost(value, min(detection, value), "you", "your figure")
    known = {c: w for c, w in mix.items() if c in DEFAULTS}
    total = sum(known.values()) or 1.0
    value = sum(w * DEFAULTS[c].failure_usd for c, w in known.items()) / total
    detection = sum(w * DEFAULTS[c].detection_usd for c, w in known.items()) / total
    top = max(known, key=lambda c: known[c]) if known else None
    why = DEFAULTS[top].why if top else "no category"
    if len(known) > 1:
        why = ("a mix of the likely categories' defaults, weighted "
               + "/".join(f"{w / total:.0%}" for w in known.values()) + f"; mainly {why}")
    return FailureCost(round(value, 4), round(detection, 4), "category default",
                       f"{why} (at ${HOURLY_USD:.0f} an hour)")
