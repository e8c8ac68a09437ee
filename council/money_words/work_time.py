"""A person's time a failure costs ("30 minutes of a lawyer") and the rate that prices it."""

from __future__ import annotations

import re

from council.failure_cost import STATED_RATE, Rate
from council.money_words.amounts import amounts_in, in_usd
from council.role_rates import agent_rate, role_rate
from council.workload_words import parse_number
from council.workload_words.durations import HOUR_UNITS, MINUTE_UNITS, in_hours

# A person's time: minutes, hours, or whole days and weeks of work ("costs the team a day",
# "half a day of a lawyer"), a day being a working day's hours; "2 person-hours", "a man-day"
# (decision QA 12: "a bad summary costs the team a day" was a $4.16 default, unsaid).
WORKDAY_HOURS = 8.0
_DAY_UNITS = r"(?:work(?:ing)?[- ])?days?|weeks?"
# "a wrong label costs 30 seconds of an annotator" (decision QA 13: unread)
_SECOND_UNITS = r"seconds?|secs?"
_TIME = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?)"
    r"(?:\s+(?:full|whole|entire))?\s*(?:(?:person|man|staff|engineer(?:ing)?|developer)[- ])?"
    rf"(?P<unit>{MINUTE_UNITS}|{HOUR_UNITS}|{_DAY_UNITS}|{_SECOND_UNITS})\b", re.IGNORECASE)


def minutes_in(unit: str) -> float:
    """The minutes of work in one of ``_TIME``'s units: a day is WORKDAY_HOURS, a week five."""
    u = unit.lower()
    if u.startswith("sec"):
        return 1 / 60
    if u.startswith("week"):
        return 5 * WORKDAY_HOURS * 60.0
    if u.endswith(("day", "days")):
        return WORKDAY_HOURS * 60.0
    return 60.0 if in_hours(unit) else 1.0


def minutes_of(t: re.Match[str]) -> float:
    """The minutes a ``_TIME`` match says ("half a day" is 240)."""
    n = t["n"].lower()
    return (0.5 if n.startswith("half") else parse_number(n) or 0.0) * minutes_in(t["unit"])


def role_of(clause: str, sentence: str, after: str, unread: list[str]) -> tuple[Rate, str] | None:
    """The role who redoes a failure, in its clause or else its sentence ("A nurse checks
    every flagged note; a wrong flag wastes 10 minutes of her time"); an agent whose minutes
    are lost ("costs an agent 5 minutes") is a person, unless a program."""
    return (_stated_rate(sentence, unread) or role_rate(clause) or agent_rate(after)
            or (None if _OTHER_PERSON.search(clause) else role_rate(sentence)))


# A person's time said beside a sum: "15 minutes of an agent plus a $10 voucher", "$10 and
# an hour of rework" (decision QA 12: the minutes were dropped, the failure read as $10)
_JOIN_BEFORE = re.compile(r"\b(?:plus|and|as well as)\s+(?:an?\s+)?$|\+\s*$", re.IGNORECASE)
_JOIN_AFTER = re.compile(r"\s*(?:\b(?:plus|and|as well as)\b|\+)\s*(?:(?:about|roughly|"
                         r"around|another)\s+)?", re.IGNORECASE)


def joined_time(after: str, start: int, end: int) -> re.Match[str] | None:
    """A person's time joined to the amount at ``start``-``end`` by "plus" or "and"."""
    j = _JOIN_AFTER.match(after, end)
    if j is not None and (t := _TIME.match(after, j.end())) is not None \
            and _work_time(after, t):
        return t
    return first_time(after[:start]) if _JOIN_BEFORE.search(after[:start]) else None


# A person the failure's clause names who is in no rate table: the sentence's role is not the
# one who pays ("Answer nurses' questions; a bad reply wastes 10 minutes of the support team").
_OTHER_PERSON = re.compile(r"\b(?:agents?|team|staff|analysts?|reviewers?|someone|person|"
                           r"editors?|clerks?|managers?|operators?|colleagues?|employees?|"
                           r"moderators?|support)\b", re.IGNORECASE)
PER_HOUR = re.compile(r"\s*(?:an|a|per|/)\s*(?:hour|hr|h)\b", re.IGNORECASE)
# an hour said before its price: "seine Stunde kostet uns 60 €", "an hour of their time costs
# $60" (decision QA 18's held-out h5: the €60 read as the failure's cost)
HOUR_BEFORE = re.compile(r"\b(?:hour|stunde|heure|hora|ora|uur|timme)\b[^.;,$€£]{0,30}"
                         r"\b(?:costs?|kostet|co[uû]te|cuesta|custa|costa|kost|kostar)\b"
                         r"[^.;,$€£\d]{0,12}$", re.IGNORECASE)


def hourly(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """The words that make the amount at ``m`` an hour's price ("$60 an hour", "seine Stunde
    kostet uns 60 €"), or None."""
    return PER_HOUR.match(text, m.end()) or HOUR_BEFORE.search(text, max(0, m.start() - 60),
                                                                m.start())


def first_time(after: str) -> re.Match[str] | None:
    """The first time a person spends, not the hour of a rate ("a sales rep at $60 an hour
    rewrites it in 15 minutes" is 15 minutes, not the hour of "$60 an hour")."""
    rates = [(min(m.start(), p.start()), max(m.end(), p.end())) for m in amounts_in(after)
             if (p := hourly(after, m)) is not None]
    return next((t for t in _TIME.finditer(after)
                 if not any(s <= t.start() < e for s, e in rates) and _work_time(after, t)),
                None)


# A day or a week is work only when said as such: the clause ends after it or it is "of
# rework", "of a lawyer", "to fix" (not "of delay"); and not a customer's day (review 12: "a
# day's revenue", "two weeks of delay", "one angry customer a day", "the patient a day in
# hospital" each read as 8 or 80 hours of work)
_DAY_OF_WORK = re.compile(
    r"\s*(?:$|[.,;:!?)]|(?:and|plus)\b|"
    # "of rework", "of a lawyer", "of our team's time"; not "of delay", "of revenue"
    r"of\s+(?!(?:[\w-]+\s+)?(?:delays?|downtime|revenue|sales|income|waiting|wait|outages?|"
    r"travel|hospital|leave|vacation|holidays?|sleep|interest|shipping|transit)\b)|"
    r"in\s+(?:[\w-]+\s+)?(?:work|rework|effort|labou?r|fixing|clean-?up)\b|"
    r"['’]s\s+(?:work|rework|effort|time)\b|(?:to|for)\s+(?:fix|redo|correct|clean|sort|rework|"
    r"untangle|repair)\b)", re.IGNORECASE)
# seconds are a person's work only when said so (not "timeout=1 sec)" in pasted code)
_SECONDS_OF_WORK = re.compile(r"\s*(?:of\s+(?:an?|the|our|my|their|one)\s+\w+|to\s+(?:fix|redo|"
                              r"correct|check|refile|re-?\w+))", re.IGNORECASE)
_NOT_STAFF = re.compile(r"\b(?:customers?|clients?|patients?|users?|guests?|buyers?|callers?|"
                        r"passengers?|applicants?|students?|shoppers?)\s+$", re.IGNORECASE)


def _work_time(text: str, t: re.Match[str]) -> bool:
    """Whether a ``_TIME`` match is a person's work: minutes and hours always; a second, a
    day or a week when said as work (``_DAY_OF_WORK``) and not a customer's ("a 10 second
    delay" is no work)."""
    if 1 <= minutes_in(t["unit"]) <= 60:
        return True
    if minutes_in(t["unit"]) < 1:  # "30 seconds of an annotator", "20 seconds to fix"
        return _SECONDS_OF_WORK.match(text, t.end()) is not None
    return (_DAY_OF_WORK.match(text, t.end()) is not None
            and _NOT_STAFF.search(text, max(0, t.start() - 30), t.start()) is None)


def _stated_rate(sentence: str, unread: list[str]) -> tuple[Rate, str] | None:
    """An hourly rate the failure's sentence gives ("a lawyer at $300 an hour redoes it in 20
    minutes"): the person's minutes at that rate, which beats any table."""
    for m in amounts_in(sentence):
        per = hourly(sentence, m)
        if per is None:
            continue
        amount = in_usd(m, unread)
        if amount is None or amount.usd <= 0:
            return None
        said = sentence[min(m.start(), per.start()):max(per.end(), m.end())]
        source = f"'{said}'" + (f", {amount.how}" if amount.how else "")
        return Rate(STATED_RATE, amount.usd, source), said
    return None


# The person's time said before the failure it fixes: "a paralegal spends 20 minutes fixing
# each bad extraction", "our lead takes 15 minutes to correct every wrong summary" (decision
# QA 17: the category's default, the failure word having no cost verb after it)
_FIXING_BEFORE = re.compile(r"\b(?:spends?|takes?|needs|loses?|wastes?)\s+(?P<time>[^.;]{1,40}?)\s+"
                            r"(?:fixing|correcting|redoing|reworking|cleaning\s+up|"
                            r"(?:re-?)?checking|to\s+(?:fix|correct|redo|rework|check|clean\s+up))"
                            r"\s+(?:each|every|a|one|any)\s+(?:[\w-]+\s+){0,2}$",
                            re.IGNORECASE)


def time_before_failure(clause: str, fail_start: int) -> re.Match[str] | None:
    """The person's time said before the failure word at ``fail_start``, as ``_TIME`` matched
    it ("spends 20 minutes fixing each bad ..."), or None."""
    fix = _FIXING_BEFORE.search(clause, 0, fail_start)
    if fix is None:
        return None
    t = _TIME.fullmatch(clause, fix.start("time"), fix.end("time")) or _TIME.search(
        clause, fix.start("time"), fix.end("time"))
    return t if t is not None and _work_time(clause, t) else None
