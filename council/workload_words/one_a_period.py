"""One of a thing a period: "writes one log file an hour", "one digest a day" ("one" is no
count elsewhere), when the sentence counts nothing else ("one reminder a week to each of our
40" is not)."""

from __future__ import annotations

import re

from council.workload_words.counts import count_numbers
from council.workload_words.numbers import fmt
from council.workload_words.periods import with_article
from council.workload_words.text import PERIOD_NAMES
from council.workload_words.values import Read

_ONE_BEFORE = re.compile(rf"\bone\s+(?!of\b|(?:{PERIOD_NAMES}|page|word|line|token|file|"
                         rf"char)s?\b)(?:[a-z-]+\s+){{1,2}}$")


def one_a_period(text: str, p: re.Match[str], lo: int, hi: int, unit: str, per_month: float,
                 taken: list[tuple[int, int]]) -> Read | None:
    """One a period when "one <thing>" comes right before the period ``p`` and its sentence
    text[lo:hi] counts nothing; else None."""
    one = _ONE_BEFORE.search(text, max(lo, p.start() - 30), p.start())
    if one is None or count_numbers(text, lo, hi, taken):
        return None
    return Read("runs_per_month", per_month, text[one.start():p.end()].strip(), one.start(),
                p.end(), f"one {with_article(unit)} = {fmt(per_month)} a month")
