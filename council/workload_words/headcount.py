"""A rate per person times the headcount the text gives elsewhere ("Team size: 45 ... 2-3
times per day per person")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from council.workload_words.numbers import DIGITS, fmt, parse_number
from council.workload_words.values import Read


def times_headcount(text: str, read: Read) -> Read:
    """'Team size: 45 ... 2-3 times per day per person': the rate times the headcount."""
    per = _PER_HEAD.match(text, read.end)
    heads = _headcount(text) if per is not None else None
    if per is None or heads is None:
        return read
    k, said = heads.n, heads.said
    runs = float(read.value) * k  # type: ignore[arg-type]
    return replace(read, value=runs, words=text[read.start:per.end()], end=per.end(),
                   how=f"{fmt(k)} people ('{said}') x ({read.how}) = {fmt(runs)}")


# "per person", "a user", "/seat" after a rate: the rate of each of a headcount the text gives
# elsewhere ("Team size: 45", "a 45-person team", "200 employees").
_PER_HEAD = re.compile(r"\s*(?:per|a|each|/)\s*(?:person|user|employee|member|seat|head|agent|rep|"
                       r"student)\b")
_HEADCOUNT = re.compile(
    rf"\b(?:team size|headcount|team of|number of (?:users|employees|seats|people))\s*[:=]?\s*"
    rf"(?:~|about |around )?(?P<n>{DIGITS})\b|"
    rf"\b(?P<m>{DIGITS})[- ](?:people|persons|person|employees|users|seats|staff|agents|reps|"
    r"students|members)\b")


@dataclass(frozen=True)
class _Headcount:
    n: float
    said: str  # the words that gave it ("Team size: 45")


def _headcount(text: str) -> _Headcount | None:
    m = _HEADCOUNT.search(text)
    n = None if m is None else parse_number(m.group("n") or m.group("m"))
    return None if m is None or not n else _Headcount(n, m.group(0))
