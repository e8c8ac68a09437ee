"""Loose plurals in other languages, read as the English ones are ("dozens of", "hundreds of":
five of the unit, an estimate spanning two to nine of it): "decenas de", "cientos de",
"Hunderte", "Dutzende", "des centaines de", "dezenas de", "centinaia di", "dziesiątki" (words19;
main read "centinaia di" as 100 and the others not at all). Read only in a text written in that
language (``foreign_numbers``); "tens" is ten, "dozens" twelve, "hundreds" a hundred."""

from __future__ import annotations

import re

from council.workload_words.numbers import SEVERAL

_UNITS: dict[str, dict[str, int]] = {
    "Spanish": {"decenas de": 10, "docenas de": 12, "cientos de": 100, "centenares de": 100,
                "miles de": 1000},
    "Portuguese": {"dezenas de": 10, "dúzias de": 12, "centenas de": 100, "milhares de": 1000},
    "Italian": {"decine di": 10, "dozzine di": 12, "centinaia di": 100, "migliaia di": 1000},
    "French": {"des dizaines de": 10, "des douzaines de": 12, "des centaines de": 100,
               "des milliers de": 1000, "dizaines de": 10, "douzaines de": 12,
               "centaines de": 100, "milliers de": 1000},
    "German": {"dutzende von": 12, "hunderte von": 100, "tausende von": 1000, "dutzende": 12,
               "hunderte": 100, "tausende": 1000},
    "Polish": {"dziesiątki": 10, "setki": 100},
    "Dutch": {"tientallen": 10, "honderden": 100, "duizenden": 1000},
    "Swedish": {"tiotals": 10, "hundratals": 100, "tusentals": 1000},
}
LOOSE_ABROAD = {name: re.compile(r"(?<![\w'])(?:" + "|".join(
    sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)")
    for name, words in _UNITS.items()}
_ANY = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(
    {re.escape(w) for words in _UNITS.values() for w in words}, key=len, reverse=True))
    + r")(?!\w)", re.IGNORECASE)


def loose_unit(said: str, language: str) -> int | None:
    """The unit a loose plural counts in ("cientos de" -> 100), None for other words."""
    return _UNITS.get(language, {}).get(" ".join(said.lower().split()))


def loose_range(words: str) -> tuple[str, float, float, float] | None:
    """The loose plural in ``words`` and the range it spans: (words, low, high, taken)."""
    m = _ANY.search(words)
    if m is None:
        return None
    said = " ".join(m.group(0).lower().split())
    unit = next(u[said] for u in _UNITS.values() if said in u)
    return m.group(0), 2.0 * unit, 9.0 * unit, float(SEVERAL * unit)
