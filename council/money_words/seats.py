"""A budget a seat or a user ("$20 per seat, 12 seats"): the figure times the seats."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.money_words.periods import months_of, period_after
from council.money_words.text import shown_words
from council.workload_words import parse_number

# A budget a seat, a user or each of a team ("$20 per seat, 12 seats", "$15 a seat a month" for
# "our 8-person team", "our team of 5 has $50 each per month"; decision QA 13: each unread, in
# silence): the figure times the seats the clause counts, a month when no period is said (as
# seats are priced); a support team's agents are seats too ("we budget $3 per agent per month"
# for "our support team of 40 agents", decision QA 15: read as $3 a task, $60,000 a month)
# (decision QA 18: "$2 per customer per month" for "150 customers", "$5 per client" unread)
_SEAT_UNITS = (r"seats?|users?|licen[cs]es?|heads?|members?|employees?|persons?|people|agents?|"
               r"customers?|clients?|accounts?|tenants?")
_CUSTOMERS = re.compile(r"\b(?:customers?|clients?|accounts?|tenants?)\b", re.IGNORECASE)
_SEAT_AFTER = re.compile(rf"\s*(?:(?:a|per|each|every|/)\s*(?:{_SEAT_UNITS})\b|each\b)",
                         re.IGNORECASE)
_SMALL = (r"\d{1,3}(?:,\d{3})+|\d{1,5}|two|three|four|five|six|seven|eight|nine|ten|eleven|"
          r"twelve|fifteen|twenty")
# "our 2,000 active users", "150 paying customers": a count with one word that narrows it
_NARROW = r"(?:active|paying|current|registered|monthly|enterprise|business|b2b|existing)\s+"
_SEATS = re.compile(rf"\b(?P<n>{_SMALL})\s+(?:{_NARROW})?(?:{_SEAT_UNITS})\b|"
                    rf"\bteam\s+of\s+(?P<t>{_SMALL})\b|"
                    rf"\b(?P<p>{_SMALL})[- ](?:person|people|seat|member|strong)\b", re.IGNORECASE)
SEAT_CUE = re.compile(r"\b(?:has|have|get|gets|(?:will|can|could|would)\s+(?:pay|put))\b"
                       r"[^$€£¥\d]{0,20}$", re.IGNORECASE)


# "each of us can spend $25 a month": a figure each, the team counted elsewhere (decision QA
# 16: "We are a team of 8. Each of us can spend $25 a month" read as $25)
_EACH_OF_US = re.compile(r"\beach of us\b[^$€£¥\d]{0,30}$", re.IGNORECASE)
_SAME_SEAT = {"people": "person", "persons": "person", "staff": "person"}


def _seat_noun(word: str) -> str:
    """A seat word's noun, singular ("agents" -> "agent", "people" -> "person")."""
    word = word.lower()
    return _SAME_SEAT.get(word, word[:-1] if word.endswith("s") else word)


def _earlier_count(earlier: str, noun: str) -> re.Match[str] | None:
    """A count of the same seats in the sentence before ("Our support team has 12 agents.
    The budget is $10 per agent per month."), or of a team when the figure is each person's;
    another noun ("25 employees. ... $60 per user") is not taken for it."""
    for c in _SEATS.finditer(earlier):
        if c["n"] and _seat_noun(c.group(0).split()[-1]) == noun:
            return c
        if (c["t"] or c["p"]) and noun in ("person", "member", "head", "seat"):
            return c
    return None


# a seat's price, not a budget: "50 seats of Slack at $8 per seat", "the tool costs $12 per
# seat" (review 13: "We have 50 seats ... at $8 per seat" read as a $400 budget, the "have")
SEAT_PRICE_BEFORE = re.compile(r"\b(?:at|costs?|costing|priced\s+at|charges?|charged)\s*"
                                r"(?:about\s+|around\s+|~\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Seats:
    """A figure a seat, and the seats the clause counts."""

    n: float
    months: float  # the figure's period: 1 when none is said
    how: str
    words: str = ""  # the figure, its seat and the count ("€25 per user ... for 10 users")
    period_said: bool = False
    # a customer, a client: what they pay is no budget unless a budget word says so ("Our 40
    # customers pay $20 per customer per month" says nothing)
    customers: bool = False


def seats_of(clause: str, m: re.Match[str], sentence: str = "",
           earlier: str = "") -> _Seats | None:
    """The seats a budget a seat is for ("$20 per seat, 12 seats"), or None when the amount
    is not said a seat; n 0 when neither the clause nor its sentence counts seats ("for our
    25 employees; our budget is $60 per user per year": decision QA 15, said to count none)."""
    seat = _SEAT_AFTER.match(clause, m.end())
    each_of_us = _EACH_OF_US.search(clause, 0, m.start()) if seat is None else None
    if seat is None and each_of_us is None:
        return None
    seat_end = seat.end() if seat is not None else m.end()
    counts = [c for c in _SEATS.finditer(clause) if c.end() <= m.start() or c.start() >= m.end()]
    beside = not counts and clause in sentence  # the count said in another clause
    if beside:
        counts = list(_SEATS.finditer(sentence.replace(clause, " " * len(clause))))
    if not counts and earlier:  # the count said in the sentence before, of the same seats
        words = re.findall(r"[a-z]+", seat.group(0).lower()) if seat is not None else []
        noun = _seat_noun(words[-1]) if words and words[-1] != "each" else "person"
        found = _earlier_count(earlier, noun)
        counts, beside = ([found], True) if found is not None else ([], beside)
    start = m.start() if each_of_us is None else each_of_us.start()
    if not counts:
        said = clause[start:seat_end].strip()
        return _Seats(0.0, 1.0, said, said)
    c = counts[0]
    n = parse_number(c["n"] or c["t"] or c["p"]) or 0.0
    # "$30 per seat per month"; else "annual budget $40 per seat", said before the amount
    months = period_after(clause[seat_end:]) or months_of(clause, m)
    said = "" if months is not None else "; no period said, so a month's, as seats are priced"
    words = (f"{clause[start:seat_end].strip()} ... '{c.group(0).strip()}'" if beside
             else clause[min(start, c.start()):max(seat_end, c.end())].strip())
    return _Seats(n, months or 1.0, f"{clause[start:seat_end].strip()} x "
                                    f"'{c.group(0).strip()}'{said}", shown_words(words),
                  months is not None, _CUSTOMERS.search(clause, m.end(), seat_end) is not None
                  or _CUSTOMERS.search(c.group(0)) is not None)
