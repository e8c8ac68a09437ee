"""A count for each of several owners: "30,000 users, each has about 200 transactions a
month" (200 for each user) and "3x/wk I write plans for each of my 25 athletes" (3 times for
each athlete)."""

from __future__ import annotations

import re

from council.workload_words.numbers import DIGITS, NUMBER

# "30,000 users, each has (about) 200 ...": a count of owners before a count per owner.
# "120 sales reps each write ~10 ...": up to three words for the owners, any verb after each.
_EACH_HAS = re.compile(rf"(?P<n>{NUMBER})\s+(?:(?!(?:from|of|for|in|to|with)\s)[a-z-]+\s+){{0,2}}"
                       r"[a-z-]+,?\s+each\s+(?:(?!of\s)[a-z]+\s+)?$")

# "3x/wk ... for each of my 25 athletes": a number of times, done for each of a fleet.
_MULTIPLIER = re.compile(r"\s?(?:x|times)\b")
_EACH_OF = re.compile(rf"\beach of (?:my|our|the|his|her|their) (?P<n>{DIGITS})\b")


def fleet_after(text: str, count: re.Match[str], after: int, hi: int) -> re.Match[str] | None:
    """"for each of my 25 athletes" after a period at ``after`` when the ``count`` before it is
    a number of times ("3x/wk"); its group "n" is the fleet's size; else None."""
    if not _MULTIPLIER.match(text, count.end()):
        return None
    return _EACH_OF.search(text, after, hi)


def owners_before(text: str, lo: int, start: int) -> re.Match[str] | None:
    """"30,000 users, each has" right before a count at ``start``; its group "n" is the number
    of owners; else None."""
    return _EACH_HAS.search(text, max(lo, start - 60), start)
