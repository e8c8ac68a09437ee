"""One every n periods: "every 15 min", "every other week", "elke twee weken", "ogni due
settimane", "co dwa tygodnie", "alle zwei Wochen", "toutes les deux semaines", times the count
its sentence gives ("200-300 reviews every 15 min")."""

from __future__ import annotations

import re

from council.workload_words.counts import cadence_times_count
from council.workload_words.numbers import DIGITS, FOREIGN_FEW, WORDNUM, fmt, parse_number
from council.workload_words.ordinals import EVERY_NTH, NTH_ABROAD
from council.workload_words.periods import PER_MONTH, PERIOD_WORDS, UNIT_ALIAS, per_month_of
from council.workload_words.text import PERIOD_NAMES, alternation, sentence_bounds, word_list
from council.workload_words.values import Read

_INTERVAL_RE = re.compile(rf"\b(?:every|each)\s+(?P<n>{DIGITS}|{WORDNUM}|"
                          rf"{alternation(tuple(EVERY_NTH))})\s+{PERIOD_WORDS}\b|"
                          rf"\bon\s+(?P<alternate>alternate)\s+(?P<unit_alt>{PERIOD_NAMES})s?\b")
# "every second week": one every 2 weeks (words14: read as a rate a second, 129,600,000 a month)

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
# The same said with an ordinal: "ogni secondo giorno", "jeden zweiten Tag", "jede zweite
# Woche", "cada segundo mes", "elke tweede week", "om de andere dag", "co drugi dzień",
# "varannan dag", "var tredje vecka", "un jour sur deux", "a giorni alterni" (words14: unread,
# or "ogni secondo" read as a second). Periods only: "cada segundo lunes del mes" is the
# second Monday of each month.
_SINGULAR_UNITS = {
    "giorno": "day", "settimana": "week", "mese": "month", "tag": "day", "woche": "week",
    "monat": "month", "día": "day", "dia": "day", "semana": "week", "mes": "month",
    "mês": "month", "dag": "day", "week": "week", "maand": "month", "dzień": "day",
    "dzien": "day", "tydzień": "week", "tydzien": "week", "miesiąc": "month",
    "vecka": "week", "månad": "month", "jour": "day", "semaine": "week", "mois": "month"}
_FOREIGN_ORDINAL_RE = re.compile(
    r"\b(?:(?:ogni|jeden|jede|jedes|cada|a cada|elke|iedere|om de|co|var\s?)\s*"
    r"(?P<ord>" + alternation(tuple(NTH_ABROAD)) + r")\s+"
    r"(?P<unit>" + "|".join(_SINGULAR_UNITS) + r")|"
    r"(?:un|une)\s+(?P<unit2>jour|semaine|mois)\s+sur\s+(?P<n2>deux|trois|0*[23])|"
    r"a\s+(?P<unit3>giorni|settimane)\s+altern[ie])\b")
_ORDINAL_GATE = frozenset({"ogni", "jeden", "jede", "jedes", "cada", "elke", "iedere", "om",
                           "co", "varannan", "varannat", "var", "sur", "alterni", "alterne"})


def read_interval(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The first "every n periods" of the text, in English or another language; else None."""
    for m in _INTERVAL_RE.finditer(text) if ("every " in text or "each " in text
                                             or "alternate" in text) else ():
        said = m.group("n") or m.group("alternate")
        other = said in EVERY_NTH  # "every other week": one every 2 weeks
        n = EVERY_NTH[said] if other else parse_number(said)
        said_unit = (m.group("unit") or m.group("unit_alt")).lower()
        unit = UNIT_ALIAS.get(said_unit, said_unit)
        if n and unit in PER_MONTH:
            # "every 2 hours during business hours": of the business hours only
            lo, hi = sentence_bounds(text, m.start())
            per_month = per_month_of(unit, text[lo:hi])
            runs = per_month / n
            every_n = (f"other {unit}" if n == 2 and other else f"{fmt(n)} {unit}s")
            if per_month != PER_MONTH[unit]:
                every_n += f" of {fmt(per_month)} {unit}s a month"
            return cadence_times_count(text, m.start(), m.end(), runs, f"one every {every_n}",
                                       taken)
    words = word_list(text)
    for m in _FOREIGN_ORDINAL_RE.finditer(text) if not _ORDINAL_GATE.isdisjoint(words) else ():
        if m["ord"]:
            n, unit = NTH_ABROAD[m["ord"]], _SINGULAR_UNITS[m["unit"]]
        else:
            n = (FOREIGN_FEW.get(m["n2"]) or parse_number(m["n2"])) if m["n2"] else 2.0
            unit = (_SINGULAR_UNITS.get(m["unit2"] or "")
                    or _FOREIGN_PLURALS.get(m["unit3"] or "", "day"))
        return cadence_times_count(text, m.start(), m.end(), PER_MONTH[unit] / n,
                                   f"one every {fmt(n)} {unit}s", taken)
    for m in (_FOREIGN_INTERVAL_RE.finditer(text)
              if not _FOREIGN_EVERY.isdisjoint(words) else ()):
        n = parse_number(m.group("n")) or FOREIGN_FEW.get(m.group("n"), 0.0)
        unit = _FOREIGN_PLURALS[m.group("unit")]
        if n:
            return cadence_times_count(text, m.start(), m.end(), PER_MONTH[unit] / n,
                                       f"one every {fmt(n)} {unit}s", taken)
    return None
