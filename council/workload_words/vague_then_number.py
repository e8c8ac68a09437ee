"""A vague count, then the number the person gives after the period: "a handful of refund
requests a day, maybe 8", "a few contracts a week (roughly 4)". The number given is the count
(a range's upper end); "a handful" alone stays unread, as any count not said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.workload_words.numbers import parse_number

_VAGUE = re.compile(r"\b(?:a handful|handful|a few|a couple|several|some)\b")
_GIVEN_AFTER = re.compile(r"\s*[,(]\s*(?:maybe|say|about|roughly|around|approximately|"
                          r"approx\.|perhaps|probably|usually|typically|like|~)\s*"
                          r"(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|–|to|or)\s*(?P<n2>\d[\d,]*))?\b")


@dataclass(frozen=True)
class GivenNumber:
    """The count a person gives after a vague one, and where its words end in the text."""

    value: float
    end: int


def number_given_after(text: str, lo: int, period_start: int,
                       period_end: int) -> GivenNumber | None:
    """The number given right after a period whose sentence counts vaguely before it; None
    otherwise."""
    if _VAGUE.search(text, lo, period_start) is None:
        return None
    m = _GIVEN_AFTER.match(text, period_end)
    if m is None:
        return None
    n = parse_number(m.group("n2") or m.group("n"))
    return GivenNumber(n, m.end()) if n else None
