"""Weekdays: "every Monday", "tous les lundis", "jeden Montag", "w każdy poniedziałek" are
once a week (times the count their sentence gives); "on weekdays", "Monday to Friday" make a
count a day one a business day."""

from __future__ import annotations

import re

from council.workload_words.counts import cadence_times_count
from council.workload_words.extras import is_extra
from council.workload_words.headcount import PEOPLE
from council.workload_words.numbers import NUMBER, fmt
from council.workload_words.ordinals import EVERY_NTH, NTH_ABROAD
from council.workload_words.periods import PER_MONTH
from council.workload_words.text import (
    DAY_NAMES,
    WEEKDAYS,
    alternation,
    sentence_bounds,
    word_list,
)
from council.workload_words.values import Read

# "every Monday", "each Friday", "on Mondays": once a week ("on Monday" alone is one day).
_WEEKDAY_RE = re.compile(rf"\b(?:(?:every|each) (?:(?P<ord>{alternation(tuple(EVERY_NTH))}) )?"
                         rf"{WEEKDAYS}|on {WEEKDAYS}s)\b")
# "every second Monday": one every 2 weeks; "... of the month": the second Monday, once a
# month (words14: read as a rate a second)
_OF_THE_MONTH = re.compile(r"\s+(?:of|in) (?:the|each|every) month\b")

# Swedish, Dutch, German and French weekdays (``text.DAY_NAMES``).
_SV_DAY, _NL_DAY, _DE_DAY, _FR_DAY = (f"(?:{'|'.join(DAY_NAMES[name])})"
                                      for name in ("Swedish", "Dutch", "German", "French"))
# "tous les lundis", "jeden Montag", "ogni lunedì", "cada lunes", "toda segunda",
# "w każdy poniedziałek", "varje fredag", "på fredagar", "elke maandag": once a week. (Not
# "freitags" alone: in the real prompts it is a story's "on Fridays".)
_FOREIGN_WEEKDAY_RE = re.compile(
    rf"\b(?:varje {_SV_DAY}|på {_SV_DAY}ar|(?:elke|iedere) {_NL_DAY})\b|"
    rf"\b(?:(?:tous les|chaque) {_FR_DAY}s?|(?:jeden|jedes|an jedem) {_DE_DAY}|"
    # Italian, Spanish, Portuguese and Polish as written after "each": without the accent,
    # in the plural, in the accusative ("ogni lunedi", "cada sábados", "w każdą środę")
    r"(?:ogni|tutti i|tutte le) (?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|"
    r"sabat[oi]|domenic(?:a|he))|(?:cada|todos los) (?:lunes|martes|mi[ée]rcoles|jueves|"
    r"viernes|s[áa]bados?|domingos?)|(?:toda|todas as|cada|todo|todos os) (?:(?:segunda|"
    r"ter[çc]a|quarta|quinta|sexta)s?(?:-feiras?)?|s[áa]bados?|domingos?)|(?:w każd[yą]|co) "
    r"(?:poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę))\b")
_FOREIGN_WEEKDAY_GATE = frozenset({"tous", "chaque", "jeden", "jedes", "jedem", "ogni", "tutti",
                                   "tutte", "cada", "todos", "toda", "todas", "todo", "każdy",
                                   "każdą", "co", "varje", "på", "elke", "iedere"})
# "cada segundo lunes (del mes)", "jeden zweiten Montag", "ogni secondo lunedì", "chaque
# deuxième lundi", "elke tweede maandag": one every 2 or 3 weeks, or with "of the month" once a
# month (review 13's "Cada segundo lunes del mes revisamos 40 contratos" read nothing)
_ALL_DAYS = "|".join(sorted({d for days in DAY_NAMES.values() for d in days}, key=len,
                            reverse=True))
_FOREIGN_ORDINAL_DAY = re.compile(
    r"\b(?:cada|jeden|jedes|an jedem|ogni|chaque|tous les|elke|iedere)\s+"
    rf"(?P<ord>{alternation(tuple(NTH_ABROAD))})\s+"
    rf"(?:{_ALL_DAYS})s?\b"
    r"(?P<month>\s+(?:del mes|de cada mes|im monat|jedes monats|des monats|del mese|di ogni "
    r"mese|du mois|de chaque mois|van de maand|van elke maand)\b)?", re.IGNORECASE)


# "varje tisdag och torsdag", "elke dinsdag en donderdag": each further day named is a run.
_MORE_FOREIGN_DAYS = re.compile(rf"(?:\s*(?:,|och|en)\s*(?:{_SV_DAY}(?:ar)?|{_NL_DAY})\b)+")
_FOREIGN_DAY = re.compile(rf"{_SV_DAY}|{_NL_DAY}")
# "on weekdays", "Monday to Friday": a count a day is a count a business day.
_WEEKDAYS_ONLY = re.compile(r"\b(?:on|only on) weekdays\b|\bweekdays only\b|"
                            r"\bmon(?:day)? ?(?:to|through|thru|-) ?fri(?:day)?\b")


# "every Monday, Wednesday and Friday", "on Mondays and Thursdays": each day named is a run.
_MORE_DAYS = re.compile(rf"(?:\s*(?:,|and|&|/|,\s*and)\s*{WEEKDAYS}s?\b)+")
_DAY = re.compile(WEEKDAYS)


# "Every Monday 2 more colleagues help", "Ogni lunedì 3 colleghi in più ci aiutano": people who
# come on that day, not the work's cadence (review 15 and words17: read 8.67 and 13 a month,
# the people once a week, for the count a day said after them)
_PEOPLE_ON_THE_DAY = re.compile(rf",?\s+(?P<n>{NUMBER})\s+(?:[\w-]+\s+)?{PEOPLE}\b")


def read_weekday(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The first weekly weekday of the text ("every Monday", "on Mondays and Thursdays"), in
    English or another language, times its sentence's count; else None."""
    weekday = "day" in text and ("every " in text or "each " in text or "on " in text)
    m = _WEEKDAY_RE.search(text) if weekday else None
    if m is not None and is_extra(text, m.start(), sentence_bounds(text, m.start())[0]):
        return None  # "150 emails a day and 50 more on Mondays": an extra on a count a day
    if m is not None and _PEOPLE_ON_THE_DAY.match(text, m.end()) is not None:
        return None
    if m is not None and m["ord"]:
        month = _OF_THE_MONTH.match(text, m.end()) is not None
        weeks = EVERY_NTH[m["ord"]]
        runs = 1.0 if month else PER_MONTH["week"] / weeks
        said = "once a month" if month else f"one every {fmt(weeks)} weeks"
        return cadence_times_count(text, m.start(), m.end(), runs, said, taken)
    if m is not None:
        return _weekly(text, m, _MORE_DAYS, _DAY, taken)
    gate = not _FOREIGN_WEEKDAY_GATE.isdisjoint(word_list(text))
    m = _FOREIGN_ORDINAL_DAY.search(text) if gate else None
    if m is not None:
        weeks = NTH_ABROAD[m["ord"].lower()]
        runs = 1.0 if m["month"] else PER_MONTH["week"] / weeks
        said = "once a month" if m["month"] else f"one every {fmt(weeks)} weeks"
        return cadence_times_count(text, m.start(), m.end(), runs, said, taken)
    m = _FOREIGN_WEEKDAY_RE.search(text) if gate else None
    if m is not None and (is_extra(text, m.start(), sentence_bounds(text, m.start())[0])
                          or _PEOPLE_ON_THE_DAY.match(text, m.end()) is not None):
        return None  # "elke dag ... 80 bestellingen en elke maandag 30 extra" (words15)
    if m is not None:
        return _weekly(text, m, _MORE_FOREIGN_DAYS, _FOREIGN_DAY, taken)
    return None


def _weekly(text: str, m: re.Match[str], more_days: re.Pattern[str], day: re.Pattern[str],
            taken: list[tuple[int, int]]) -> Read:
    """The weekday ``m`` and the days named after it ("and Thursday"), each a run a week."""
    more = more_days.match(text, m.end())
    days = 1 + (len(day.findall(more.group(0))) if more else 0)
    end = more.end() if more else m.end()
    said = "once a week" if days == 1 else f"{days} days a week"
    return cadence_times_count(text, m.start(), end, days * PER_MONTH["week"], said, taken)


def weekdays_only(sentence: str) -> bool:
    """Whether a sentence says its days are weekdays only ("on weekdays, 150 mails/day")."""
    return _WEEKDAYS_ONLY.search(sentence) is not None
