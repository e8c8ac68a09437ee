"""A budget a seat or a user ("$20 per seat, 12 seats"): the figure times the seats."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.money_words.periods import _months, _period_after
from council.money_words.text import _words
from council.workload_words import parse_number

# A budget a seat, a user or each of a team ("$20 per seat, 12 seats", "$15 a seat a month" for
# "our 8-person team", "our team of 5 has $50 each per month"; decision QA 13: each unread, in
# silence): the figure times the seats the clause counts, a month when no period is said (as
# seats are priced); a support team's agents are seats too ("we budget $3 per agent per month"
# for "our support team of 40 agents", decision QA 15: read as $3 a task, $60,000 a month)
_SEAT_UNITS = r"seats?|users?|licen[cs]es?|heads?|members?|employees?|persons?|people|agents?"
_SEAT_AFTER = re.compile(rf"\s*(?:(?:a|per|each|every|/)\s*(?:{_SEAT_UNITS})\b|each\b)",
                         re.IGNORECASE)
_SMALL = r"\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
_SEATS = re.compile(rf"\b(?P<n>{_SMALL})\s+(?:{_SEAT_UNITS})\b|\bteam\s+of\s+(?P<t>{_SMALL})\b|"
                    rf"\b(?P<p>{_SMALL})[- ](?:person|people|seat|member|strong)\b", re.IGNORECASE)
_SEAT_CUE = re.compile(r"\b(?:has|have|get|gets|(?:will|can|could|would)\s+pay)\b"
                       r"[^$€£¥\d]{0,20}$", re.IGNORECASE)


# a seat's price, not a budget: "50 seats of Slack at $8 per seat", "the tool costs $12 per
# seat" (review 13: "We have 50 seats ... at $8 per seat" read as a $400 budget, the "have")
_SEAT_PRICE_BEFORE = re.compile(r"\b(?:at|costs?|costing|priced\s+at|charges?|charged)\s*"
                                r"(?:about\s+|around\s+|~\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Seats:
    """A figure a seat, and the seats the clause counts."""

    n: float
    months: float  # the figure's period: 1 when none is said
    how: str
    words: str = ""  # the figure, its seat and the count ("€25 per user ... for 10 users")
    period_said: bool = False


def _seats(clause: str, m: re.Match[str], sentence: str = "") -> _Seats | None:
    """The seats a budget a seat is for ("$20 per seat, 12 seats"), or None when the amount
    is not said a seat; n 0 when neither the clause nor its sentence counts seats ("for our
    25 employees; our budget is $60 per user per year": decision QA 15, said to count none)."""
    seat = _SEAT_AFTER.match(clause, m.end())
    if seat is None:
        return None
    counts = [c for c in _SEATS.finditer(clause) if c.end() <= m.start() or c.start() >= m.end()]
    beside = not counts and clause in sentence  # the count said in another clause
    if beside:
        counts = list(_SEATS.finditer(sentence.replace(clause, " " * len(clause))))
    if not counts:
        said = clause[m.start():seat.end()].strip()
        return _Seats(0.0, 1.0, said, said)
    c = counts[0]
    n = parse_number(c["n"] or c["t"] or c["p"]) or 0.0
    # "$30 per seat per month"; else "annual budget $40 per seat", said before the amount
    months = _period_after(clause[seat.end():]) or _months(clause, m)
    said = "" if months is not None else "; no period said, so a month's, as seats are priced"
    words = (f"{clause[m.start():seat.end()].strip()} ... '{c.group(0).strip()}'" if beside
             else clause[min(m.start(), c.start()):max(seat.end(), c.end())].strip())
    return _Seats(n, months or 1.0, f"{clause[m.start():seat.end()].strip()} x "
                                    f"'{c.group(0).strip()}'{said}", _words(words),
                  months is not None)
