"""A count a shift (said in English, Spanish, Portuguese, Italian or German), with the shifts
a period said elsewhere, times the people of each shift when each of them does it: "Every
shift, the 5 operators each log about 20 calls; we run 3 shifts a day" is 100 a shift x 3 a
day, 9,000 a month (words15 held-out: read 90, the shifts alone). A shift is no period of its
own: without the number of shifts a day or week ("Per shift we get around 150 calls") nothing
is read."""

from __future__ import annotations

import re

from council.workload_words.counts import HEDGE, count_numbers, counts_items, has_own_period
from council.workload_words.headcount import PEOPLE
from council.workload_words.numbers import NUMBER, fmt, parse_number
from council.workload_words.owners import owners_between
from council.workload_words.periods import FOREIGN_UNITS, PER_MONTH, period_matches
from council.workload_words.text import sentence_bounds
from council.workload_words.values import Read

# A shift in English, Spanish, Portuguese and Italian ("turno"), German ("Schicht"): words17,
# "Cada turno recibimos unas 80 llamadas y tenemos 3 turnos al día" read 90, the shifts alone
_PER_SHIFT = re.compile(r"\b(?:per|every|each|a|cada|por|ogni|pro|jede) (?:shift|turno|schicht)\b")
_SHIFTS_A_PERIOD = re.compile(
    rf"(?P<n>{NUMBER})\s+(?:[a-z-]+\s+)?(?:shifts?|turnos?|turni|schichten?)\s+"
    r"(?:a|per|each|every|al|por|pro|am|ao)\s+(?P<unit>day|week|día|dia|giorno|tag|semana|"
    r"settimana|woche)\b")
_PEOPLE_AT = re.compile(rf"\s+{PEOPLE}\b")
# "10 nurses a shift", "with 5 agents on each shift": the people of each shift, each doing the
# count (words17: "Per shift each nurse writes about 6 handover notes; 3 shifts a day, 10
# nurses a shift" read 540, one nurse's)
_PEOPLE_A_SHIFT = re.compile(rf"(?P<n>{NUMBER})\s+(?:[a-z-]+\s+)?{PEOPLE}\s+(?:a|per|each|every|"
                             r"on each|on every|in each) shift\b")
_EACH_PERSON = re.compile(rf"\b(?:each|every) {PEOPLE}\b")
_SHIFT_WORDS = ("shift", "turno", "turni", "schicht")


def read_shift(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The count said a shift (times each of its owners) x the shifts a period; else None."""
    if not any(w in text for w in _SHIFT_WORDS):
        return None
    per = _PER_SHIFT.search(text)
    shifts = _SHIFTS_A_PERIOD.search(text) if per is not None else None
    k = parse_number(shifts["n"]) if shifts is not None else None
    if per is None or shifts is None or not k:
        return None
    lo, hi = sentence_bounds(text, per.start())
    busy = [*taken, (shifts.start(), shifts.end())]
    # not a count with its own period: "handle about 400 calls a day, roughly 200 per shift"
    # is 200 a shift (review 15: read 400 a shift, 24,000 a month for 12,000)
    periods = [q for q in period_matches(text) if lo <= q.start() < hi
               and not shifts.start() <= q.start() < shifts.end()]
    items = [n for n in count_numbers(text, lo, hi, busy) if counts_items(text, n, lo)
             and not has_own_period(text, n, periods, busy)]
    owners = owners_between(text, lo, items[1]) if len(items) > 1 else None
    if owners is not None and owners.start("n") == items[0].start():
        count = items[1]  # "the 5 operators each log about 20 calls": 20 for each of 5
    else:
        # not a count of people: "per shift 1 supervisor checks 150 tickets" is 150 a shift,
        # "Per shift, 2 supervisors are on duty" none (review 15: read 1 and 2 a shift)
        count = next((n for n in items if not _PEOPLE_AT.match(text, n.end())), None)
        owners = owners_between(text, lo, count) if count is not None else None
    n = parse_number(count.group(0)) if count is not None else None
    if count is None or not n:
        return None
    how = ""
    if owners is not None and (heads := parse_number(owners["n"])):
        how, n = f"{fmt(heads)} x {fmt(n)} = ", heads * n  # "5 operators each log about 20"
    elif (_EACH_PERSON.search(text, lo, count.start()) is not None
          and (crew := _PEOPLE_A_SHIFT.search(text)) is not None
          and (heads := parse_number(crew["n"])) and heads > 1):
        how, n = f"{fmt(heads)} ('{crew.group(0)}') x {fmt(n)} = ", heads * n
    unit = FOREIGN_UNITS.get(shifts["unit"], shifts["unit"])
    per_month = PER_MONTH[unit]
    runs = n * k * per_month
    start, end = min(per.start(), count.start(), shifts.start()), max(count.end(), shifts.end())
    hedge = HEDGE.search(text, max(0, start - 14), start)  # "About 40 tickets per shift"
    start = hedge.start() if hedge else start
    return Read("runs_per_month", runs, text[start:end], start, end,
                f"{how}{fmt(n)} a shift x {fmt(k)} shifts a {unit} x "
                f"{fmt(per_month)} {unit}s a month = {fmt(runs)}")
