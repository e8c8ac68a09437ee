"""A rate per person times the headcount the text gives elsewhere ("Team size: 45 ... 2-3
times per day per person"), and hires times the candidates of each ("15 people per quarter
... 6 candidates per role")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from council.workload_words.numbers import DIGITS, WORDNUM, fmt, parse_number
from council.workload_words.text import sentence_bounds
from council.workload_words.values import Read


def times_headcount(text: str, read: Read) -> Read:
    """'Team size: 45 ... 2-3 times per day per person': the rate times the headcount."""
    per = _PER_HEAD.match(text, read.end)
    # "~30 tasks per developer per week": the person said inside the rate's own words
    inside = _PER_HEAD_INSIDE.search(text, read.start, read.end) if per is None else None
    heads = _headcount(text) if per is not None or inside is not None else None
    if heads is None:
        return read
    k, said = heads.n, heads.said
    end = per.end() if per is not None else read.end
    runs = float(read.value) * k  # type: ignore[arg-type]
    return replace(read, value=runs, words=text[read.start:end], end=end,
                   how=f"{fmt(k)} people ('{said}') x ({read.how}) = {fmt(runs)}")


def each_persons(text: str, read: Read) -> Read:
    """'28 students each. Twice a month I set an essay, and I'd like feedback for every
    essay': a cadence with no count of its own, done for each of something, and a headcount
    the text gives: one a person each time."""
    _, hi = sentence_bounds(text, read.start)
    each = _FOR_EACH_ITEM.search(text, read.end, hi)
    if each is not None and not re.search(rf"\b{each.group('item')}\b",
                                          text[read.end:each.start()]):
        each = None  # "a plan for each team": not each of what the cadence brings
    heads = _headcount(text) if each is not None else None
    if each is None or heads is None:
        return read
    runs = float(read.value) * heads.n  # type: ignore[arg-type]
    return replace(read, value=runs,
                   how=f"for each of {fmt(heads.n)} people ('{heads.said}'): "
                       f"{fmt(heads.n)} x ({read.how}) = {fmt(runs)}")


# "I set a 600-word essay, and I'd like feedback drafted for every essay": done for each
# of the things the cadence brings (the same noun said before it in the sentence).
_FOR_EACH_ITEM = re.compile(r"\bfor (?:every|each) (?P<item>[a-z]{3,})\b")
# "three sections of Year 9 history, 28 students each": groups times the people of each.
_GROUPS = re.compile(rf"\b(?P<g>{DIGITS}|{WORDNUM})\s+(?:[\w-]+\s+)?(?:sections|classes|teams|"
                     r"groups|cohorts|departments|offices|stores|branches|shifts)\b[^.;]{0,40}?,"
                     rf"\s*(?P<m>{DIGITS})\s+(?:people|students|employees|members|staff|users|"
                     r"agents|reps|pupils)\s+each\b")


# "per person", "a user", "/seat" after a rate: the rate of each of a headcount the text gives
# elsewhere ("Team size: 45", "a 45-person team", "200 employees").
# (also the people ``joined_counts`` never adds to a count of things)
HEAD = (r"(?:person|user|employee|member|seat|head|agent|rep|student|developer|dev|engineer|"
        r"analyst)")
# People, in the languages read: a count of them is no count of things (``joined_counts``),
# no extra of work ("le lundi 5 personnes de plus": ``extras``) and no count a shift
# (``shifts``)
# The staff among them, who do the work ("Ogni giorno 3 agenti rispondono a 50 email": the
# 50 emails are the work, not the 3 agents: ``volumes``); customers, users and people may be
# the work themselves ("every day 300 customers write in")
STAFF = (r"(?:staff|agents?|reps?|employees?|reviewers?|teachers?|lawyers?|doctors?|nurses?|"
         r"teams?|managers?|writers?|editors?|annotators?|operators?|colleagues?|supervisors?|"
         r"analysts?|engineers?|developers?|mitarbeiter\w*|employés?|empleados|agentes|agenti|"
         r"operatori|dipendenti|medewerkers|collega's|colleghi|anställda|kollegor)")
PEOPLE = (rf"(?:{STAFF}|{HEAD}s?|people|customers?|clients?|personnes?|personas|persone|"
          r"personer|collega|colleghi|colleghe)")
_PER_HEAD = re.compile(rf"\s*(?:per|a|each|/)\s*{HEAD}\b")
_PER_HEAD_INSIDE = re.compile(rf"\s(?:per|each|/)\s*{HEAD}\b")
_HEADCOUNT = re.compile(
    rf"\b(?:team size|headcount|team of|number of (?:users|employees|seats|people))\s*[:=]?\s*"
    rf"(?:~|about |around )?(?P<n>{DIGITS})\b|"
    rf"\b(?P<m>{DIGITS})[- ](?:people|persons|person|employees|users|seats|staff|agents|reps|"
    r"students|members|developers|devs|engineers|analysts)\b")


@dataclass(frozen=True)
class _Headcount:
    n: float
    said: str  # the words that gave it ("Team size: 45")


def _headcount(text: str) -> _Headcount | None:
    groups = _GROUPS.search(text)
    g = parse_number(groups.group("g")) if groups else None
    k = parse_number(groups.group("m")) if groups else None
    if groups is not None and g and k:
        return _Headcount(g * k, groups.group(0))
    m = _HEADCOUNT.search(text)
    n = None if m is None else parse_number(m.group("n") or m.group("m"))
    return None if m is None or not n else _Headcount(n, m.group(0))


# What hiring counts ("we hire about 15 people per quarter", "15 positions a quarter") and the
# candidates each of them brings ("6 candidates per role", "for each role we shortlist 6
# candidates"): a task a candidate, the hires times the candidates of each.
_HIRES = re.compile(r"\b(?:people|persons|hires|new hires|roles|positions|openings|vacancies|"
                    r"jobs|reqs|requisitions)\b")
_ROLE = r"(?:role|position|opening|vacancy|job|req|requisition|hire)"
_HIRING = re.compile(r"\b(?:hiring|we hire|we're hiring|recruiting|to hire|we recruit)\b")
_CANDIDATES = r"(?:[\w-]+\s+)?(?:candidates|applicants|finalists|interviewees)"
_PER_ROLE = re.compile(
    rf"\b(?P<n>{DIGITS}|{WORDNUM})\s+{_CANDIDATES}\s+(?:per|for each|for every|each|a)\s+{_ROLE}\b|"
    rf"\b(?:per|for each|for every|each)\s+{_ROLE}\b[^.;]{{0,30}}?\b(?P<m>{DIGITS}|{WORDNUM})"
    rf"\s+{_CANDIDATES}\b")


def times_candidates(text: str, read: Read) -> Read:
    """'We hire about 15 people per quarter and interview 6 candidates per role': the task is
    done for each candidate, so 15 x 6 a quarter. Not when the count is of something else
    ('200 CVs a quarter, 6 candidates per role' counts the CVs already)."""
    lo, hi = sentence_bounds(text, read.start)
    if _HIRES.search(read.words) is None and _HIRING.search(text, lo, read.start) is None:
        return read  # "We're hiring 8 engineers this quarter": the engineers are hires
    if text.startswith(";", hi):  # "...this quarter; for each opening we screen 5 candidates"
        hi = sentence_bounds(text, len(text) - len(text[hi + 1:].lstrip()))[1]
    per = _PER_ROLE.search(text, read.end, hi)
    k = parse_number(per.group("n") or per.group("m")) if per else None
    if per is None or not k:
        return read
    runs = float(read.value) * k  # type: ignore[arg-type]
    return replace(read, value=runs, words=text[read.start:per.end()], end=per.end(),
                   how=f"({read.how}) x {fmt(k)} candidates each ('{per.group(0)}') = "
                       f"{fmt(runs)}")
