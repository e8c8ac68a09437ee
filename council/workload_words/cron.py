"""A crontab line as a schedule: "0 2 * * *" is once a night, "*/15 * * * *" every 15
minutes."""

from __future__ import annotations

import re

from council.workload_words.counts import cadence_times_count
from council.workload_words.values import Read

# A crontab schedule: minute, hour, day of month, month, day of week ("0 2 * * *" is 02:00
# every night, "*/15 * * * *" every 15 minutes, "30 6 * * 1-5" weekdays at 06:30), at a
# line's start or after "cron", with a "*" in it and no "=" or operator after it.
_CRON_FIELD = r"[\d*][\d*/,-]*"
_CRON_RE = re.compile(rf"(?:^|\n|\bcron(?:tab)?:?|\bschedule(?:_interval)?\s*[=:]\s*['\"]?)"
                      rf"[ \t>`#-]*(?P<expr>{_CRON_FIELD}(?:[ \t]+"
                      rf"{_CRON_FIELD}){{4}})(?=[ \t'\"]|$)(?![ \t]*(?:=|[-+*/x][ \t]))")


def _cron_values(field: str, lo: int, hi: int) -> int:
    """How many times a crontab field fires in its range lo..hi ('*/15' in 0..59: 4)."""
    total = 0
    for part in field.split(","):
        base, _, step = part.partition("/")
        a, b = (lo, hi) if base == "*" else (
            (int(base.split("-")[0]), int(base.split("-")[1])) if "-" in base
            else (int(base), int(base) if not step else hi))
        if not lo <= a <= b <= hi:
            raise ValueError(field)  # "60 2 * * *" is no schedule
        total += len(range(a, b + 1, int(step) if step else 1))
    return total


def read_cron(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The first crontab schedule in the text as runs a month, times its count."""
    for m in _CRON_RE.finditer(text):
        expr = m.group("expr")
        fields = expr.split()
        if "*" not in expr:
            continue
        try:
            minute, hour, dom, mon, dow = (_cron_values(f, lo, hi) for f, (lo, hi) in zip(
                fields, ((0, 59), (0, 23), (1, 31), (1, 12), (0, 6)), strict=True))
        except ValueError:
            continue
        days = (30.0 if fields[2] == "*" and fields[4] == "*"
                else dow * 52 / 12 if fields[2] == "*" else dom + (
                    0 if fields[4] == "*" else dow * 52 / 12))
        runs = minute * hour * days * (mon / 12)
        return cadence_times_count(text, m.start("expr"), m.end("expr"), runs,
                                   f"crontab '{expr}'", taken)
    return None
