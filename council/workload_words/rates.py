"""Requests a second said as a unit: "3 QPS", "2 RPS", "40 req/s" (QA round 12: unread); each
a run, in business hours when the sentence says so (``periods.per_month_of``)."""

from __future__ import annotations

import re

from council.workload_words.numbers import NUMBER, fmt, parse_number
from council.workload_words.periods import per_month_of
from council.workload_words.text import sentence_bounds
from council.workload_words.values import Read

_RATE = re.compile(rf"(?P<n>{NUMBER})\s*(?:qps|rps|req(?:uest)?s?/s(?:ec)?)\b")
_GATE = re.compile(r"qps|rps|/s\b")


def read_rate(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The first 'N QPS' outside ``taken``, as runs a month."""
    if _GATE.search(text) is None:
        return None
    for m in _RATE.finditer(text):
        n = parse_number(m.group("n"))
        if not n or any(a <= m.start() < b for a, b in taken):
            continue
        lo, hi = sentence_bounds(text, m.start())
        per_month = per_month_of("second", text[lo:hi])
        runs = n * per_month
        return Read("runs_per_month", runs, m.group(0), m.start(), m.end(),
                    f"{fmt(n)} a second x {fmt(per_month)} seconds a month = {fmt(runs)}")
    return None
