"""What a bad answer costs, per task: the user's figure, else a per-category assumption.

The recommendation minimises price + P(failure) x this cost (council.decision). Both sides
are **per task**: one run of the workload (one ticket of a nightly batch, one agent run of
its N calls), the unit the price per task counts; the month multiplies both by the runs.

A failure is an answer that is not adequate: a person has to notice it and redo the work.
A default is that person's minutes at a loaded hourly rate, each figure stated:

- the rate: the 2023 US median wage of the role (BLS Occupational Outlook Handbook /
  O*NET: software developers $132,270 a year, $63.59 an hour; interpreters and translators
  $27.45 an hour, standing for a fluent office reader) divided by 0.705, wages' share of
  employers' cost per hour worked in private industry (BLS Employer Costs for Employee
  Compensation, September 2022): $90 and $39 an hour;
- the minutes: a fixed part (noticing, re-routing, taking over) plus, where the redo grows
  with the task, minutes per 1,000 tokens of the task's own input (the prompt minus its fixed
  prefix: what a person re-reads), of its output (what a person rewrites), or per model call
  (an agent run's steps to check or undo). A 300-page contract is not re-read in the minutes
  a ticket is.

``detection_usd`` is what it costs to *notice* a failure before it does harm (tests, a
person's glance): the price of the check in a cascade, paid on every task the cheap model
answers. With the category's own failure cost it is at most that (both are a person's minutes
on the same task: a check takes no longer than the redo). With a failure cost you give or
your words state it stays the category's: what a failure costs you does not change what a
check costs, and capped at it a failure cost of $0 made every check free (QA round 11); a
check dearer than the failures it catches makes the cascade lose on its own sum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from council.categories import BY_KEY
from council.check_words import CheckRead
from council.errors import InvalidInput
from council.format import mix_shares, money

MAX_FAILURE_COST_USD = 1_000_000.0  # per task; more is a typo, not a task
WAGE_SHARE = 0.705  # wages / employer cost per hour worked, private industry (BLS ECEC 09/2022)


@dataclass(frozen=True)
class FailureRead:
    """What a description's words say one failure costs (council.money_words reads it):
    dollars, or a person's minutes to redo it, and the rate of the person they name."""

    usd: float | None
    minutes: float | None
    words: str
    how: str = ""  # a conversion shown beside the words ("£15 = $20.10 at ...")
    rate: Rate | None = None  # the hourly rate of the role named ("a lawyer redoes it")
    role_words: str = ""  # the words that named the role
    # "$0.40 per 100 words to fix": ``usd`` is a rate per this many tokens of the task's text
    per_tokens: float | None = None
    per_words: str = ""  # "100 words"


@dataclass(frozen=True)
class Rate:
    """A loaded hourly rate and where it comes from."""

    who: str
    usd_per_hour: float
    source: str

    @property
    def per_minute(self) -> float:
        return self.usd_per_hour / 60.0


STATED_RATE = "the rate your words give"  # Rate.who of an hourly rate read from the words

DEVELOPER = Rate("a developer", round(63.59 / WAGE_SHARE), "BLS 2023 median, software "
                 "developers, $63.59/h, / 0.705 for employer costs")
READER = Rate("a fluent office reader", round(27.45 / WAGE_SHARE), "BLS 2023 median, "
              "interpreters and translators, $27.45/h, / 0.705 for employer costs")


@dataclass(frozen=True)
class TaskSize:
    """What a person re-reads or redoes when one task fails (per task, per call values)."""

    content_tokens: int = 0  # the task's own input per call: input minus the fixed prefix
    output_tokens: int = 0  # visible output per call
    calls_per_task: int = 1


@dataclass(frozen=True)
class FailureDefault:
    """A category's failure cost: a person's minutes, fixed plus scaled by the task's size."""

    rate: Rate
    what: str  # what the person does about a failure
    minutes: float  # fixed: noticing, re-routing, taking over
    detection_usd: float
    detection_why: str
    read_per_1k: float = 0.0  # minutes per 1,000 content tokens re-read
    write_per_1k: float = 0.0  # minutes per 1,000 output tokens rewritten
    per_call: float = 0.0  # minutes per model call (an agent's steps)

    def minutes_for(self, size: TaskSize) -> float:
        return (self.minutes + self.read_per_1k * size.content_tokens / 1000
                + self.write_per_1k * size.output_tokens / 1000
                + self.per_call * size.calls_per_task)

    def usd(self, size: TaskSize) -> float:
        return self.minutes_for(size) * self.rate.per_minute

    def why(self, size: TaskSize) -> str:
        """'<what>: 0.5 + 0.3 (240 tokens re-read at 1 min per 1,000) = 0.7 min of <who> at
        $39 an hour (<source>) = $0.48 a task'."""
        parts = [f"{self.minutes:g}"]
        if self.read_per_1k and size.content_tokens:
            parts.append(f"{self.read_per_1k * size.content_tokens / 1000:.1f} "
                         f"({size.content_tokens:,} tokens re-read at {self.read_per_1k:g} "
                         "min per 1,000)")
        if self.write_per_1k and size.output_tokens:
            parts.append(f"{self.write_per_1k * size.output_tokens / 1000:.1f} "
                         f"({size.output_tokens:,} output tokens redone at "
                         f"{self.write_per_1k:g} min per 1,000)")
        if self.per_call and size.calls_per_task:
            calls = "1 call" if size.calls_per_task == 1 else f"{size.calls_per_task} calls"
            parts.append(f"{self.per_call * size.calls_per_task:g} ({calls} at "
                         f"{self.per_call:g} min each)")
        sum_text = " + ".join(parts) + " = " if len(parts) > 1 else ""
        return (f"{self.what}: {sum_text}{self.minutes_for(size):.1f} min of {self.rate.who} "
                f"at ${self.rate.usd_per_hour:.0f} an hour ({self.rate.source}) = "
                f"${self.usd(size):,.2f} a task")


# The minutes are this project's assumptions, stated; the rates are sourced above. Re-reading
# runs at 1 min per 1,000 tokens (about 750 words: a skim for what was missed, not a study).
DEFAULTS: dict[str, FailureDefault] = {
    "classification": FailureDefault(
        READER, "someone in the wrong queue reads the item and re-routes it", 0.25,
        0.05, "a person's 5-second glance at the label", read_per_1k=1.0),
    "extraction": FailureDefault(
        READER, "a person finds the right value in the source and corrects the field", 0.5,
        0.11, "a person's 10-second look at the fields beside the source (a schema check "
        "catches malformed output, not a wrong value)", read_per_1k=1.0),
    "summarisation": FailureDefault(
        READER, "a reader goes back to the source for what the summary missed", 1.0,
        0.65, "a minute's read of the summary against the source", read_per_1k=1.0),
    "long_document": FailureDefault(
        READER, "a person re-reads the document for what the model missed", 2.0,
        3.25, "a 5-minute spot check against the document", read_per_1k=1.0),
    "translation": FailureDefault(
        READER, "a fluent editor corrects the translation", 1.0,
        0.33, "a fluent reader's 30-second read", write_per_1k=10.0),
    "creative_writing": FailureDefault(
        READER, "someone rewrites copy that misses the brief", 2.0,
        0.33, "a 30-second read", write_per_1k=3.0),
    "research_qa": FailureDefault(
        READER, "someone looks the answer up and corrects it", 2.0,
        0.65, "a minute checking the answer's sources", write_per_1k=1.0),
    "customer_support": FailureDefault(
        READER, "an agent takes over the conversation and answers it right (the "
        "customer's goodwill is not counted)", 3.0,
        0.22, "an agent's 20-second read of the reply"),
    "math_reasoning": FailureDefault(
        READER, "someone re-derives the result", 3.0,
        0.33, "a 30-second check of the answer", write_per_1k=2.0),
    "code_generation": FailureDefault(
        DEVELOPER, "a developer finds and fixes the wrong code (1,000 tokens is about 100 "
        "lines)", 5.0, 0.05, "a test run", write_per_1k=10.0),
    "debugging": FailureDefault(
        DEVELOPER, "a developer chases the wrong fix and finds the right one", 15.0,
        0.05, "re-running the failing test"),
    "code_review": FailureDefault(
        DEVELOPER, "a reviewer re-reads the change for what the review missed (a second "
        "pass at about 1,200 lines an hour)", 2.0,
        0.75, "a reviewer's 30-second skim of the review", read_per_1k=5.0),
    "data_analysis": FailureDefault(
        DEVELOPER, "an analyst redoes the wrong query or figure", 15.0,
        1.50, "a minute's sanity check of the figures"),
    "architecture": FailureDefault(
        DEVELOPER, "a flawed design found later costs a senior engineer an hour", 60.0,
        7.50, "a 5-minute review by a senior engineer"),
    "agentic": FailureDefault(
        DEVELOPER, "a person undoes or finishes the failed run, step by step", 10.0,
        0.10, "the run's own checks (tests, exit codes)", per_call=1.0),
}


@dataclass(frozen=True)
class FailureCost:
    """The failure and detection cost used for one answer, and where they came from."""

    failure_usd: float
    detection_usd: float
    source: str  # "you" | "text" (read from the description) | "category default"
    why: str
    # the check's own words ("caught automatically at almost no cost", "nobody can tell"),
    # see ``with_check``; "" when the check is the category's
    check_words: str = ""
    no_check: bool = False  # the words say no check can catch a failure: no cascade


def with_check(failure: FailureCost, read: CheckRead | None) -> FailureCost:
    """The failure cost with the check the words describe: a free one costs $0 a task, and
    none possible rules out a cascade (which needs one). None: unchanged."""
    if read is None:
        return failure
    if read.free:
        return replace(failure, detection_usd=0.0, check_words=read.words)
    return replace(failure, check_words=read.words, no_check=True)


def check_failure_cost(value: float, what: str = "failure cost") -> float:
    """A finite, non-negative, not absurd dollar figure, or InvalidInput naming it."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise InvalidInput(f"{what} must be a finite number of dollars, got {value!r}")
    if value < 0:
        raise InvalidInput(f"{what} {money(value)} is negative: a bad answer cannot earn money; "
                           "give 0 or more")
    if value > MAX_FAILURE_COST_USD:
        raise InvalidInput(f"{what} ${value:,.0f} per task is more than the "
                           f"${MAX_FAILURE_COST_USD:,.0f} this accepts; give the cost of one "
                           "bad answer, not a year's")
    return float(value)


def _mix_words(known: Mapping[str, float], size: TaskSize) -> str:
    """The mix's largest categories with their shares and figures, and the rest as one share
    at its weighted figure ("other categories 11% ($21.40)"): an agent loop's mix has every
    category, and listing "architecture & design 0% ($90.00)" beside the three that matter
    read as noise (QA round 11)."""
    ordered = dict(sorted(known.items(), key=lambda kv: -kv[1]))
    said = mix_shares(ordered)
    named = {c for c, _ in said if c}
    rest = {c: w for c, w in ordered.items() if c not in named}
    words = [f"{BY_KEY[c].label.lower() if c in BY_KEY else c} {share} "
             f"({money(DEFAULTS[c].usd(size))})" for c, share in said if c]
    if said and not said[-1][0] and sum(rest.values()) > 0:
        mean = sum(w * DEFAULTS[c].usd(size) for c, w in rest.items()) / sum(rest.values())
        words.append(f"other categories {said[-1][1]} ({money(mean)} on average)")
    return ", ".join(words)


def _per_size(read: FailureRead, size: TaskSize, heard: str) -> tuple[float, str]:
    """A failure said a rate of the text ("$0.40 per 100 words to fix") over the task's text:
    the larger of its input and output (decision QA 13: read as $0.40 for a 300-word text)."""
    tokens = max(size.content_tokens, size.output_tokens)
    usd = read.usd or 0.0
    if not tokens or not read.per_tokens:
        return usd, f"{heard}; the task's size is unknown, so one {read.per_words}'s worth"
    value = usd * tokens / read.per_tokens
    return value, (f"{heard}: {money(usd)} per {read.per_words} x {tokens:,} tokens of text "
                   f"(the larger of the task's input and output) = {money(value)}")


AGENTIC = "agentic"


def conversation_mix(mix: Mapping[str, float],
                     conversation: str | None) -> tuple[dict[str, float], str]:
    """The mix a failure's default cost is weighed over, and what was left out of it.

    A conversation the words describe ("Power the live chat on our website": a person waits
    on each turn) is no agent run, so the agentic default ("a person undoes or finishes the
    failed run, step by step", $20-$37) is not what one of its bad answers costs (decision QA
    15's case 21: a live chat priced at $14.25, 65% agentic). Agentic's share goes to the rest
    of the mix; a mix that is all agentic is kept as it is."""
    share = mix.get(AGENTIC, 0.0)
    rest = {c: w for c, w in mix.items() if c != AGENTIC and w > 0}
    if conversation is None or share <= 0 or not rest:
        return dict(mix), ""
    total = sum(rest.values())
    return ({c: w / total for c, w in rest.items()},
            f"the agentic category's {share:.0%} left out: your words describe a conversation "
            f"('{conversation}'), not an agent's run")


def failure_cost(given: float | None, mix: Mapping[str, float],
                 size: TaskSize | None = None, read: FailureRead | None = None,
                 left_out: str = "") -> FailureCost:
    """The user's figure, else one read from the description's words (``read``, see
    ``council.money_words``), else the category default at this task's size (weighted over
    ``mix``, as the workload defaults are, when the council is unsure of the category).
    Without ``size`` only the fixed minutes count.

    ``left_out``: what ``conversation_mix`` took out of the mix, said beside the default.

    Words that give minutes, not dollars ("an analyst redoes 30 minutes of work"), are priced
    at the hourly rate of the role they name ("a lawyer redoes it", ``council.role_rates``),
    else of the likeliest category's default, and the answer says which."""
    size = size or TaskSize()
    known = {c: w for c, w in mix.items() if c in DEFAULTS}
    total = sum(known.values()) or 1.0
    detection = sum(w * DEFAULTS[c].detection_usd for c, w in known.items()) / total
    if given is not None:
        value = check_failure_cost(given)
        return FailureCost(value, detection, "you", "your figure")
    top = max(known, key=lambda c: known[c]) if known else None
    if read is not None and (read.usd is not None or top is not None
                             or read.rate is not None):
        heard = f"from your words: '{read.words}'" + (f" ({read.how})" if read.how else "")
        if read.usd is not None and not read.minutes and read.per_tokens:
            value, why = _per_size(read, size, heard)
        elif read.usd is not None and not read.minutes:
            value, why = read.usd, heard
        else:
            rate = read.rate or DEFAULTS[top].rate  # type: ignore[index]
            named = f", named by '{read.role_words}'" if read.rate is not None else ""
            value = (read.minutes or 0.0) * rate.per_minute
            said = (f"{STATED_RATE}: {rate.source}" if rate.who == STATED_RATE
                    else f"assumed: the rate of {rate.who}{named}, {rate.source}; another "
                    f"rate: write it in the words, e.g. '{read.minutes:g} minutes of "
                    f"{rate.who} at $60 an hour'")
            why = f"{heard}: {read.minutes:g} min at ${rate.usd_per_hour:.0f} an hour ({said})"
            if read.usd:  # "15 minutes of an agent plus a $10 voucher": both
                why += f"; plus {money(read.usd)}: {money(value + read.usd)}"
                value += read.usd
        value = check_failure_cost(round(value, 4))
        return FailureCost(value, detection, "text", why)
    value = sum(w * DEFAULTS[c].usd(size) for c, w in known.items()) / total
    why = DEFAULTS[top].why(size) if top else "no category"
    if len(known) > 1:
        why = f"a mix of the likely categories' defaults, {_mix_words(known, size)}; mainly {why}"
    if left_out:  # ``conversation_mix``
        why = f"{why} ({left_out})"
    # both defaults are a person's minutes on the same task: checking it takes no longer than
    # redoing it (a 1,000-token "long document" is not spot-checked in 5 minutes)
    return FailureCost(round(value, 4), round(min(detection, value), 4), "category default",
                       f"{why}; per task, as the price is")
