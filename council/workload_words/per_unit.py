"""A count per unit times the units a period: "About a thousand survey comments per wave, three
waves a year" is 3,000 a year; "80 applications per opening, 4 openings a quarter" 320 a
quarter. The unit is the noun right after the period's count, said before it after "per"."""

from __future__ import annotations

import re

from council.workload_words.numbers import NUMBER

_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]{3,})\b")


def per_unit_before(text: str, lo: int, count: re.Match[str]) -> re.Match[str] | None:
    """"a thousand ... per wave" before "three waves": its group "n" is the count each unit
    holds; else None."""
    if "per " not in text[lo:count.start()]:
        return None  # nothing per unit before the count: no pattern to compile (words14: a
        # pattern compiled for each noun took half the reader's time over the phrase files)
    noun = _NOUN_AFTER.match(text, count.end())
    if noun is None:
        return None
    word = noun["noun"]
    forms = "|".join({word, word.removesuffix("s"), word.removesuffix("es")})
    per = re.compile(rf"(?P<n>{NUMBER})\s+(?:[a-z-]+\s+){{0,3}}?per\s+(?:{forms})\b")
    return per.search(text, lo, count.start())
