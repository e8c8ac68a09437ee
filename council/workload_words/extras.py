"""An extra on top of a period's count: "Every day we get 150 emails and 50 more on Mondays" is
150 a day plus 50 a Monday, 4,716.67 a month; "80 invoices a week and another 200 at the end of
each month" 546.67 (words14: the Monday or the month end alone was read, 216.67, or the base
alone). Said with "more", "another", "extra" or "additional", after the base count in its
sentence, with a weekday, a month's end or a period of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.workload_words.numbers import NUMBER, parse_number
from council.workload_words.periods import PER_MONTH, period_matches
from council.workload_words.text import WEEKDAYS


def _when(unit: str) -> str:
    """When the extra comes: a weekday, a month's end, or a period (the group ``unit``)."""
    return (rf"(?:on {WEEKDAYS}s|(?:every|each|on) {WEEKDAYS}|"
            r"at (?:the )?(?:end of (?:each|every|the) month|month[- ]end)|"
            rf"(?:a|per|each|every) (?P<{unit}>week|month|quarter|year))\b")


_EXTRA = re.compile(
    rf"\b(?:another|an extra|an additional)\s+(?P<n1>{NUMBER})\s+(?:[a-z-]+\s+)?{_when('unit')}|"
    rf"(?<![\w,.])(?P<n2>{NUMBER})\s+(?:[a-z-]+\s+)?(?:more|extra|additional)\s+"
    rf"(?:[a-z-]+\s+)?{_when('unit2')}")


_SEASON_AFTER = re.compile(
    r"\s+(?:in|during|over|at|around|before)\s+(?:the\s+)?(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december|peak|holidays?|christmas|summer|"
    r"winter|spring|autumn|fall|black friday|busy|high)\b")


@dataclass(frozen=True)
class Extra:
    """The extra's count a month, and where its words start and end."""

    per_month: float
    start: int
    end: int
    said: str


def extra_in(text: str, lo: int, hi: int) -> Extra | None:
    """The first extra said in text[lo:hi] ("and 50 more on Mondays"), else None."""
    m = _EXTRA.search(text, lo, hi)
    if m is None or _SEASON_AFTER.match(text, m.end()):
        return None  # "an extra 400 a week in December": a season's, not every month's
    n = parse_number(m["n1"] or m["n2"])
    unit = m["unit"] or m["unit2"]
    a_month = PER_MONTH[unit] if unit else (1.0 if "month" in m.group(0) else PER_MONTH["week"])
    return None if not n else Extra(n * a_month, m.start(), m.end(), m.group(0))


def is_extra(text: str, start: int, lo: int) -> bool:
    """Whether the cadence at ``start`` ("on Mondays") closes an extra ("50 more on Mondays")
    on a count a period said before it in its sentence, so it is no volume of its own."""
    m = _EXTRA.search(text, lo, start + 40)
    return (m is not None and m.start() < start < m.end()
            and re.search(r"\d", text[lo:m.start()]) is not None
            and any(lo <= p.start() < m.start() for p in period_matches(text)))
