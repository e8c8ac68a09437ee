"""A number of times a period: "twice a day", "3x a week", "zweimal pro Woche", "dwa razy w
tygodniu", "une fois par semaine", times the count its sentence gives ("3x a day ... 500
tweets each run": 1,500 a day) or each person's, or the headcount's."""

from __future__ import annotations

import re

from council.workload_words.counts import cadence_times_count
from council.workload_words.headcount import each_persons, times_headcount
from council.workload_words.numbers import FOREIGN_FEW, fmt
from council.workload_words.periods import PERIOD_WORDS, with_article
from council.workload_words.values import Read

# "two or three times a month": a range, read as its upper end (the low end is no count);
# "1,000 times a day" whole, "1.000 Mal am Tag" too (review 14: "000 times" was read, 0 a month)
_TIMES_RE = re.compile(r"\b(?:(?:one|two|three|four|five|\d+)\s+or\s+)?"
                       r"(?P<t>once|twice|thrice|three times|four times|five times|"
                       r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+) ?(?:x|times))\s+"
                       r"(?:a|an|per|each|every)\s+"
                       + PERIOD_WORDS + r"\b")

_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0, "three times": 3.0, "four times": 4.0,
          "five times": 5.0, "einmal": 1.0, "ein mal": 1.0, "zweimal": 2.0, "dreimal": 3.0,
          "viermal": 4.0}
# "zweimal pro Woche", "dwa razy w tygodniu", "due volte alla settimana", "3 fois par jour"
# (number words are digits by then: "002 razy"), right before a period said in that language
# "deux fois", "dos veces": the times word says the language, so its number is read in
# any text (a text too short to tell its language by its small words)
# "une fois par semaine", "una vez al mes", "una volta al giorno", "uma vez por semana": "une"
# and "una" are one only before the times word (elsewhere an article: "une liste par jour")
# ("Ein Mal im Monat": "einmal" in two words)
_FOREIGN_TIMES = re.compile(r"\b(?P<t>einmal|ein mal|zweimal|dreimal|viermal|"
                            r"(?<![\d,.])(?:\d{1,3}(?:[.,]\d{3})+|\d+)\s?(?:mal|volte|veces|vez|"
                            r"fois|vezes|razy|x)|(?:deux|trois|dos|tres|due|tre|duas|três|"
                            r"dwa|trzy) (?:fois|veces|volte|vezes|razy)|(?:une|una|uma) "
                            r"(?:fois|vez|volta)|"
                            # Swedish: "två gånger i veckan", "3 gånger om dagen", "en gång"
                            r"\d+ gånger|(?:två|tre|fyra|fem) gånger|en gång)\s+$")
_FOREIGN_TIMES_KEYS = ("mal ", "volte", "volta", "veces", "vez ", "fois", "vezes", "razy", "x ",
                       "gång")
_FOREIGN_ONE = {"une": 1.0, "una": 1.0, "uma": 1.0, "en": 1.0}
_MULTIPLES = ("once", "twice", "thrice", "times", "x a", "x per", "x an", "x each", "x every")


class TimesWords:
    """Where a text may say a number of times (tested once a text: most say none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.english = any(w in text for w in _MULTIPLES)
        self.foreign = any(w in text for w in _FOREIGN_TIMES_KEYS)

    def at(self, p: re.Match[str], lo: int, hi: int) -> re.Match[str] | None:
        """The times word of the period ``p`` ("twice a day", "zweimal pro"), in its
        sentence text[lo:hi]; else None."""
        text = self.text
        times = next((t for t in _TIMES_RE.finditer(text, lo, hi)
                      if t.start() <= p.start() < t.end()), None) if self.english else None
        if times is None and self.foreign and p.group(0)[:1] != "/":
            times = _FOREIGN_TIMES.search(text, max(lo, p.start() - 14), p.start())
        return times


def times_read(text: str, times: re.Match[str], p: re.Match[str], unit: str,
               per_month: float, taken: list[tuple[int, int]]) -> Read:
    """The times a period, times the count its sentence gives, or each person's."""
    said = times.group("t")
    first = said.split()[0]
    runs = _TIMES.get(said, 0.0) or FOREIGN_FEW.get(first, 0.0) or _FOREIGN_ONE.get(
        first, 0.0) or float(re.sub(r"[.,]", "", re.match(r"[\d,.]+", said).group(0)))  # type: ignore[union-attr]
    t_end = max(times.end(), p.end())  # a foreign period follows its times word
    shown = (("once" if runs == 1 else f"{fmt(runs)} times")
             if times.re is _FOREIGN_TIMES else said)
    read = cadence_times_count(text, times.start(), t_end, runs * per_month,
                               f"{shown} {with_article(unit)}", taken)
    if (read.start, read.end) == (times.start(), t_end):  # no count of its own
        read = each_persons(text, read)
    return times_headcount(text, read)
