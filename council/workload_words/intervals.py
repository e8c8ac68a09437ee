"""One every n periods: "every 15 min", "every other week", "elke twee weken", "ogni due
settimane", "co dwa tygodnie", "alle zwei Wochen", "toutes les deux semaines", times the count
its sentence gives ("200-300 reviews every 15 min")."""

from __future__ import annotations

import re

from council.workload_words.counts import cadence_times_count
from council.workload_words.numbers import DIGITS, FOREIGN_FEW, WORDNUM, fmt, parse_number
from council.workload_words.periods import PER_MONTH, PERIOD_WORDS, UNIT_ALIAS, per_month_of
from council.workload_words.text import sentence_bounds, word_list
from council.workload_words.values import Read

_INTERVAL_RE = re.compile(rf"\bevery\s+(?P<n>{DIGITS}|{WORDNUM}|other)\s+{PERIOD_WORDS}\b")

_FOREIGN_PLURALS = {
    "dagen": "day", "giorni": "day", "dni": "day", "tage": "day", "días": "day", "dias": "day",
    "jours": "day", "weken": "week", "settimane": "week", "tygodnie": "week", "wochen": "week",
    "semanas": "week", "semaines": "week", "maanden": "month", "mesi": "month",
    "miesiące": "month", "monate": "month", "meses": "month", "mois": "month"}
_FOREIGN_EVERY = frozenset({"elke", "iedere", "ogni", "co", "alle", "cada", "toutes", "tous",
                            "todas", "todos"})
_FOREIGN_INTERVAL_RE = re.compile(
    r"\b(?:elke|iedere|ogni|co|alle|cada|toutes les|tous les|todas as|todos os|a cada)\s+"
    r"(?P<n>\d+|" + "|".join(FOREIGN_FEW) + r")\s+(?P<unit>"
    + "|".join(_FOREIGN_PLURALS) + r")\b")


def read_interval(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The first "every n periods" of the text, in English or another language; else None."""
    for m in _INTERVAL_RE.finditer(text) if "every " in text else ():
        other = m.group("n") == "other"  # "every other week": one every 2 weeks
        n = 2.0 if other else parse_number(m.group("n"))
        unit = UNIT_ALIAS.get(m.group("unit").lower(), m.group("unit").lower())
        if n and unit in PER_MONTH:
            # "every 2 hours during business hours": of the business hours only
            lo, hi = sentence_bounds(text, m.start())
            per_month = per_month_of(unit, text[lo:hi])
            runs = per_month / n
            every_n = f"other {unit}" if other else f"{fmt(n)} {unit}s"
            if per_month != PER_MONTH[unit]:
                every_n += f" of {fmt(per_month)} {unit}s a month"
            return cadence_times_count(text, m.start(), m.end(), runs, f"one every {every_n}",
                                       taken)
    for m in (_FOREIGN_INTERVAL_RE.finditer(text)
              if not _FOREIGN_EVERY.isdisjoint(word_list(text)) else ()):
        n = parse_number(m.group("n")) or FOREIGN_FEW.get(m.group("n"), 0.0)
        unit = _FOREIGN_PLURALS[m.group("unit")]
        if n:
            return cadence_times_count(text, m.start(), m.end(), PER_MONTH[unit] / n,
                                       f"one every {fmt(n)} {unit}s", taken)
    return None
