"""An extra on top of a period's count: "Every day we get 150 emails and 50 more on Mondays" is
150 a day plus 50 a Monday, 4,716.67 a month; "80 invoices a week and another 200 at the end of
each month" 546.67 (words14: the Monday or the month end alone was read, 216.67, or the base
alone). Said with "more", "another", "extra" or "additional", after the base count in its
sentence, with a weekday, a month's end or a period of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.workload_words.headcount import PEOPLE
from council.workload_words.numbers import NUMBER, parse_number
from council.workload_words.periods import PER_MONTH, period_matches
from council.workload_words.text import DAY_NAMES, WEEKDAYS, WORD, sentence_bounds


def _when(unit: str) -> str:
    """When the extra comes: a weekday, a month's end, or a period (the group ``unit``)."""
    return (rf"(?:on {WEEKDAYS}s|(?:every|each|on) {WEEKDAYS}|"
            r"at (?:the )?(?:end of (?:each|every|the) month|month[- ]end)|"
            rf"(?:a|per|each|every) (?P<{unit}>week|month|quarter|year))\b")


_EXTRA = re.compile(
    rf"\b(?:another|an extra|an additional)\s+(?P<n1>{NUMBER})\s+(?:[a-z-]+\s+)?{_when('unit')}|"
    rf"(?<![\w,.])(?P<n2>{NUMBER})\s+(?:[a-z-]+\s+)?(?:more|extra|additional)\s+"
    rf"(?:[a-z-]+\s+)?{_when('unit2')}")


# Abroad (words14 held-out: "Jeden Tag kommen 100 Bestellungen, montags 50 mehr" read the
# base alone): a weekday in German, French, Spanish, Dutch, Italian or Swedish, its plural or
# adverb ("montags", "lundis", "maandagen", "måndagar"), with "more" said there, before the
# count ("montags 50 mehr", "elke maandag 30 extra", "ogni lunedì arrivano 60 ordini in più")
# or after it ("40 de plus le lundi", "100 más los lunes").
_DAYS_ABROAD = "|".join(sorted({d for days in DAY_NAMES.values() for d in days}, key=len,
                               reverse=True))
_WHEN_ABROAD = (r"(?:(?:le|les|los|el|am|an|jeden|op|elke|iedere|ogni|il|di|chaque|cada|på|"
                rf"varje|tous les|todos los|tutti i)\s+)?(?:{_DAYS_ABROAD})\w*")
_MORE_ABROAD = (r"(?:mehr|weitere|zusätzliche?|de plus|en plus|supplémentaires?|más|"
                r"adicionales|meer|extra|in più|in aggiunta|fler|ytterligare)")
# (not more people: "le lundi 5 personnes de plus nous aident", "los lunes trabajan 4 agentes
# más": review 15, added as work)
_THINGS = rf"(?!{PEOPLE}\b)"
_EXTRA_ABROAD = re.compile(
    rf"\b{_WHEN_ABROAD}\s+(?:{WORD}\s+){{0,2}}?(?P<n1>{NUMBER})\s+{_THINGS}(?:{WORD}\s+)?"
    rf"{_MORE_ABROAD}(?!\w)|(?<![\w,.])(?P<n2>{NUMBER})\s+{_THINGS}(?:{WORD}\s+)?{_MORE_ABROAD}"
    rf"\s+(?:{WORD}\s+)?{_WHEN_ABROAD}")
_ABROAD_GATE = re.compile(rf"\b(?:{_DAYS_ABROAD})")


# Not a comparison with one past day: "20 más que el lunes pasado", "40 de plus que lundi
# dernier", "30 in più di lunedì scorso" (review 15: added as an extra every Monday)
_THAN = re.compile(r"\b(?:que|als|dan|än|than|che)\b")
_ONE_PAST_DAY = re.compile(r"\s+(?:pasad[oa]|dernier|passé|scors[oa]|passato|vorige|förra)\b|"
                           r"\b(?:letzten|vorigen|vergangenen|afgelopen|vorige|förra|dernier)\s+$")


def _extra_match(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first extra in text[lo:hi], in English or abroad."""
    m = _EXTRA.search(text, lo, hi)
    if m is None and _ABROAD_GATE.search(text, lo, hi):
        m = _EXTRA_ABROAD.search(text, lo, hi)
        if m is not None and (_THAN.search(m.group(0)) or _ONE_PAST_DAY.match(text, m.end())
                              or _ONE_PAST_DAY.search(text, max(0, m.start() - 12), m.start())):
            return None
    return m


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
    m = _extra_match(text, lo, hi)
    if m is None or _SEASON_AFTER.match(text, m.end()):
        return None  # "an extra 400 a week in December": a season's, not every month's
    n = parse_number(m["n1"] or m["n2"])
    unit = m.groupdict().get("unit") or m.groupdict().get("unit2")
    a_month = PER_MONTH[unit] if unit else (1.0 if "month" in m.group(0) else PER_MONTH["week"])
    return None if not n else Extra(n * a_month, m.start(), m.end(), m.group(0))


# The clause after the extra says its count is the usual one: "; sonst etwa 200 am Tag" (not
# "; now it is about 200 a day", "; jetzt sind es etwa 200": the extra was before, review 15)
_USUAL_NEXT = re.compile(r"(?:otherwise|usually|normally|else|sonst|normalerweise|gewöhnlich|"
                         r"sinon|d'habitude|habituellement|normalement|si no|normalmente|"
                         r"por lo demás|altrimenti|di solito|solitamente|anders|normaal|"
                         r"gewoonlijk|meestal|annars|vanligtvis|normalt)\b", re.IGNORECASE)


def extra_before(text: str, lo: int) -> Extra | None:
    """An extra said in the clause before the one starting at ``lo``, closed by a semicolon,
    when that clause says its count is the usual one ("Montags kommen 50 Anfragen mehr dazu;
    sonst etwa 200 am Tag"), else None."""
    if lo < 2 or text[lo - 2] != ";" or _USUAL_NEXT.match(text, lo) is None:
        return None
    return extra_in(text, sentence_bounds(text, lo - 2)[0], lo - 2)


def is_extra(text: str, start: int, lo: int) -> bool:
    """Whether the cadence at ``start`` ("on Mondays", "elke maandag") opens or closes an
    extra ("50 more on Mondays", "elke maandag 30 extra") on a count a period said before it
    in its sentence, or in the next clause after a semicolon, so it is no volume of its own."""
    m = _extra_match(text, lo, start + 60)
    if m is None or not m.start() <= start < m.end():
        return False
    if re.search(r"\d", text[lo:m.start()]) is not None and any(
            lo <= p.start() < m.start() for p in period_matches(text)):
        return True
    _, hi = sentence_bounds(text, start)
    if not text.startswith(";", hi):  # "Ogni lunedì ... 60 ordini in più; di solito 150 al giorno"
        return False
    _, nhi = sentence_bounds(text, hi + 2)
    return re.search(r"\d", text[hi:nhi]) is not None and any(
        hi < p.start() < nhi for p in period_matches(text))
