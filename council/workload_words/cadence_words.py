"""Whether a period word says how often the task runs: "Nightly batch:", "we run evals
weekly", "This quarter we expect 1,200 applications" do; "monthly sales", "$300 monthly",
"any time this week", "can run overnight" do not."""

from __future__ import annotations

import re

from council.currency_words import MONEY_AFTER, SIGN_CHARS
from council.workload_words.durations import HOUR_UNITS, MINUTE_UNITS
from council.workload_words.text import EVERY_ABROAD, MAYBE_HEDGE, USUAL_PERIOD, alternation

_DELIVERABLE = re.compile(r"\s+(?:\d+-\w+\s+)?(?:\w+\s+)?(?:digest|summary|summaries|report|"
                          r"update|brief|briefing|newsletter|batch|job|run|check|export|eval|evaluation)(?:e?s)?\b")


# "$300 monthly", "1 200 zł miesięcznie", "monthly budget": the money's period, not how often
# the task runs (QA round 7: "budżet 1 200 zł miesięcznie" was one task a month)
_MONEY_BEFORE = re.compile(rf"(?:[{re.escape(SIGN_CHARS)}]\s?\d[\d.,\s]*(?:k|m)?|"
                           rf"\d(?:{MONEY_AFTER.pattern}))\s*$", re.IGNORECASE)
# "churn rose to 3.1% monthly", "grows 5 % yearly": a rate's period (user QA 18: a pasted
# report's "3.1% monthly" was read as the task running once a month)
_RATE_BEFORE = re.compile(r"\d\s?%\s*$")
_BUDGET_AFTER = re.compile(r"\s+(?:budget|budżet|presupuesto|orçamento|spend|spending|"
                           r"allowance)\b", re.IGNORECASE)

# "hourly for the on-call engineer", "daily to the team": the adverb says when the task runs.
_ADVERBIAL = re.compile(r"\s+(?:for|to|and|from|into|with|by|at|until|so)\b")
_NOT_A_RUN = re.compile(r"\s+(?:\w+\s+)?(?:template|format|layout|style)s?\b")

# a period word said with "every" ("every week", "jede Woche", "tous les mois", "raz na"):
# a cadence wherever it stands
_EVERY = re.compile(rf"every|each|tou|tod|co |raz |{alternation(EVERY_ABROAD)}")


def standalone(text: str, p: re.Match[str], lo: int) -> bool:
    """Whether a period word names how often the task runs ('Nightly batch:', 'we run evals
    weekly', 'a daily digest'), not what the content covers ('monthly sales', 'the weekly sync')."""
    if p.group("adverb") and (_MONEY_BEFORE.search(text[max(lo, p.start() - 24):p.start()])
                              or _RATE_BEFORE.search(text, max(lo, p.start() - 12), p.start())
                              or _BUDGET_AFTER.match(text, p.end())):
        return False
    word = p.group(0).strip()
    if p.start() - lo < 3 or _EVERY.match(word):
        return True
    if not p.group("adverb"):
        return False
    after = text[p.end():]
    if _DELIVERABLE.match(after):
        return not _NOT_A_RUN.match(after)  # "our weekly newsletter template": one-off
    return bool(re.match(r"\s*(?:[,.;:)]|$)", after) or _ADVERBIAL.match(after))


# A piece written about things, not a batch of them ("nightly batch: categorise 250k ...")
_WRITTEN_PIECE = re.compile(r"\s+(?:\w+\s+)?(?:digest|summary|summaries|report|update|brief|"
                            r"briefing|newsletter|recap|overview)s?\b")


def piece_after(text: str, end: int) -> bool:
    """Whether a piece written about things follows the cadence word ending at ``end``
    ("weekly report", "monthly digest", "daily summary")."""
    return _WRITTEN_PIECE.match(text, end) is not None


# "a normal day is about 20,000 requests", "but a typical week has 3,000": the count said
# right after the usual period that opens its clause (words13: unread, so a peak said before it
# was the volume)
_USUAL_PERIOD = re.compile(rf"{USUAL_PERIOD} ")
_USUAL_PERIOD_BEFORE = re.compile(r"(?:^|[,:(]\s*|\b(?:but|and|while|whereas)\s+)\s*$")
_USUAL_COUNT_AFTER = re.compile(r"\s+(?:is|has|sees|brings|gets)\s+"
                                rf"{MAYBE_HEDGE}(?=\d)")

# "a typical week has 5 working days", "a normal day is 8 paid hours": the period's length,
# no count of work (review 13: read as 5 a week)
_TIME_SPAN = re.compile(r"[\d,.]+\s+(?:[\w-]+\s+)?(?:days?|hours?|shifts?|weeks?|months?|"
                        r"minutes?|nights?|sprints?)\b")


# "the daily average is around 500k", "a weekly volume of 3,000", "our monthly total: 2,000":
# the count said after a period's average (words14: unread, so the peak said before it was
# the volume, 103,680,000 a month for 15,000,000)
_AVERAGE_AFTER = re.compile(r"\s+(?:average|mean|volume|total|load)\s*(?:is|of|:|sits at|"
                            r"runs at|comes to)\s+"
                            rf"{MAYBE_HEDGE}(?=\d)")
_AVERAGE_OPENS = re.compile(r"(?:^|[,:;(]\s*|\b(?:but|and|while|whereas|with)\s+)\s*"
                            r"(?:(?:the|our|a|an|its|their)\s+)?$")


def usual_count_at(text: str, p: re.Match[str], lo: int) -> int | None:
    """Where the count of 'a normal day is about 20,000' or 'the daily average is around
    500k' starts, when ``p`` is such a usual period or an average's adverb opening its clause;
    else None."""
    if p.group("adverb"):
        after = _AVERAGE_AFTER.match(text, p.end())
        if after is None or _AVERAGE_OPENS.search(text[lo:p.start()]) is None:  # "^": its start
            return None
        return after.end()
    if not _USUAL_PERIOD.match(p.group(0)):
        return None
    after = _USUAL_COUNT_AFTER.match(text, p.end())
    if after is None or not _USUAL_PERIOD_BEFORE.search(text, max(lo, p.start() - 30),
                                                        p.start()):
        return None
    return after.end()


# A length of time right before the period: "3 agents work 8 hours a day", "open 12 Stunden
# am Tag": the period measures that time, no count of work (words14: "Our 3 agents work 8
# hours a day ...; we classify 400 tickets a day" read 3 a day)
# Every day of the week or year said as a schedule is one too: "staffed 12 hours a day, 7 days
# a week, handling 600 chats a day" (review 14: read 7 a week, 30.33 a month); "5 days a week"
# may be a count of runs ("we run it 5 days a week"), so only the whole week or year.
_SPAN_BEFORE = re.compile(rf"(?:\d[\d,.]*\s*(?:{HOUR_UNITS}|{MINUTE_UNITS})|"
                          r"\b(?:7|seven)\s+days|\b365\s+days)\s+$", re.IGNORECASE)


def span_before(text: str, at: int) -> bool:
    """Whether a length of time ends right before the period word at ``at``."""
    return _SPAN_BEFORE.search(text, max(0, at - 24), at) is not None


# The work the time a period is spent on, right after it: "5 annotators spend 30 minutes a
# day labelling 200 images" is 200 a day (words14 left it unread: the period measures the
# time). A "-ing" verb or "on", a hedge, then the count, not a year ("reviewing 2025
# budgets"); not "for" ("open 12 hours a day for 300 callers": who it is open to).
# Not a word that says what the time is spent with or for ("work 8 hours a day using 2
# monitors", "runs 24 hours a day serving 3 regions"), nor "1:1" (review 15: read 60, 90 and 30).
_DOING = re.compile(r"\s+(?:(?!(?:using|including|excluding|serving|covering|running|spanning|"
                    r"starting|involving)\b)[a-z]{3,}ing|on)\s+"
                    rf"{MAYBE_HEDGE}(?=\d)(?!(?:19|20)\d\d\b|\d+:\d)")


def work_in_span(text: str, end: int) -> int | None:
    """Where the count of the work done in a length of time a period starts, when it comes
    right after the period ending at ``end`` ("... a day labelling 200 images"); else None."""
    m = _DOING.match(text, end)
    return None if m is None else m.end()


def time_span_at(text: str, at: int) -> bool:
    """Whether the figure at ``at`` is a length of time ("5 working days"), not a count."""
    return _TIME_SPAN.match(text, at) is not None


# A deadline before "this ...": "any time this week", "by the end of this quarter".
_DEADLINE_BEFORE = re.compile(r"(?:any ?time|by|before|until|within|during|end of|later|"
                              r"sometime|next|in)\s+$")


# a period word naming a column or key of data ("courses offered for each semester id")
_A_FIELD_AFTER = re.compile(r"\s*(?:_?ids?|column|field|key|code)\b")


def relative_is_a_cadence(text: str, p: re.Match[str], lo: int, unit: str) -> bool:
    """'8 engineers this quarter', 'This quarter we expect 1,200 applications': a quarter's
    volume (not "this week" or "this morning", which say when, nor a deadline before it);
    'Overnight, the agent triages ~200 alerts': every night, when it opens its sentence
    (not "one-time job, can run overnight", "overnight batch is fine")."""
    said = p.group(0)
    if _A_FIELD_AFTER.match(text, p.end()):
        return False  # "for each semester id": a column of the data, no cadence (words16)
    if said.startswith("this"):
        return unit == "quarter" and not _DEADLINE_BEFORE.search(
            text, max(lo, p.start() - 12), p.start())
    if p.group("adverb") == "overnight":
        return p.start() - lo < 3
    return True
