"""A cadence before a recurring event says one item an occurrence: "the notes of our weekly
meeting" is one meeting a week; "weekly 1:1s with my 8 reports" are eight a week."""

from __future__ import annotations

import re

from council.workload_words.numbers import DIGITS, WORDNUM, fmt, parse_number
from council.workload_words.periods import with_article
from council.workload_words.values import Read

# Not when each of several items is done for it ("each epic ... for the weekly sync": how many
# epics is not said).
_EVENTS = (r"(?:meetings?|stand-?ups?|syncs?|calls?|reviews?|retros?|retrospectives?|1:1s?|"
           r"one-on-ones?|all-hands|town halls?|huddles?|check-ins?|webinars?|podcasts?|"
           r"episodes?|demos?)\b")
# (not a verb after its subject: "Weekly we review between 80 and 120 contracts", words15:
# read as one review a week)
_EVENT = re.compile(r"\s+(?!(?:we|i|you|they|to)\s)(?:[\w-]+\s+){0,2}?" + _EVENTS)
_BARE_EVENT = re.compile(r"\s+" + _EVENTS)  # "every weekly sync": the event, unqualified
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+$")
# The task hangs on each occurrence: "before each quarterly earnings call".
_WHEN_EACH_BEFORE = re.compile(r"\b(?:before|after|ahead of|following|prior to|during)\s+"
                               r"(?:each|every)\s+$")
_EACH = re.compile(r"\b(?:each|every|all)\b")
_FOR_BEFORE = re.compile(r"\bfor (?:the |our |a |an |each |every |this )?$")


def _event(text: str, p: re.Match[str], lo: int) -> re.Match[str] | None:
    """The recurring event after a cadence adverb ('weekly meeting', 'daily standup')."""
    if not p.group("adverb"):
        return None
    if _EACH_BEFORE.search(text, max(lo, p.start() - 6), p.start()):
        # "every weekly sync", "after each quarterly earnings call": one an occurrence; not
        # "each weekly client call transcript" (whose, and how many, is not said)
        if (_BARE_EVENT.match(text, p.end())
                or _WHEN_EACH_BEFORE.search(text, max(lo, p.start() - 20), p.start())):
            return _EVENT.match(text, p.end())
        return None
    if (_FOR_BEFORE.search(text, max(lo, p.start() - 20), p.start())
            and _EACH.search(text, lo, p.start())):
        return None
    return _EVENT.match(text, p.end())


# A 1:1 is with one person: "weekly 1:1s with my 8 reports" is eight a week (a "weekly
# meeting with my 8 reports" is one).
_PAIRED = re.compile(r"1:1|one-on-one")
_ONE_ON_ONES = re.compile(rf"\s+with\s+(?:each of\s+)?(?:my|our|the|his|her|their|all)\s+"
                          rf"(?:~|about\s+)?(?P<n>{DIGITS}|{WORDNUM})\b")


def event_read(text: str, p: re.Match[str], lo: int, unit: str,
               per_month: float) -> Read | None:
    """One an occurrence of the event after the cadence ``p`` (the sentence's other numbers
    are its content), or one with each person of a 1:1; None when no event follows it."""
    event = _event(text, p, lo)
    if event is None:
        return None
    pairs = _ONE_ON_ONES.match(text, event.end()) if _PAIRED.search(event.group(0)) else None
    k = parse_number(pairs.group("n")) if pairs else None
    if pairs is not None and k:  # "weekly 1:1s with my 8 reports": 8 a week
        return Read("runs_per_month", k * per_month,
                    text[p.start():pairs.end()].strip(), p.start(), pairs.end(),
                    f"one with each of {fmt(k)}, {with_article(unit)}: {fmt(k)} x "
                    f"{fmt(per_month)} = {fmt(k * per_month)} a month")
    return Read("runs_per_month", per_month, text[p.start():event.end()].strip(),
                p.start(), event.end(), f"one {with_article(unit)} = {fmt(per_month)} a month")
