"""The first-batch rule: a number before "then" is a first batch, not the count of the cadence
after it ("Diese Woche 200, danach jeden Monat 50": 50 a month), when another number follows
the "then" ("We get 300 tickets, then triage them every morning" keeps its 300)."""

from __future__ import annotations

import re

from council.workload_words.text import sentence_bounds

_THEN = re.compile(r"\b(?:then|after that|afterwards|thereafter|danach|dann|anschließend|"
                   r"ensuite|puis|luego|después|despues|poi|dopo|depois|em seguida|potem|"
                   r"następnie|daarna|vervolgens)\b|"
                   # Japanese and Chinese, no spaces around them ("1日目は50件、その後は毎日200件":
                   # review 15, read 1,500 for 6,000)
                   r"その後|それ以降|以降|然后|之后|之後")
_DIGIT = re.compile(r"\d")


def first_batch_then(text: str, after: int, at: int) -> re.Match[str] | None:
    """The "then" between a number ending at ``after`` and a cadence at ``at`` when the
    sentence gives another number after it: the number is a first batch; else None."""
    then = _THEN.search(text, after, at)
    if then is None:
        return None
    _, hi = sentence_bounds(text, at)
    return then if _DIGIT.search(text, then.end(), hi) else None


def first_batch_note(text: str, numbers: list[re.Match[str]], start: int) -> str:
    """"; the 200 before 'danach' are a first batch ..." when one of the sentence's counted
    ``numbers`` comes before a "then" ahead of the cadence read at ``start``, so the number
    left out is said; else ""."""
    for n in numbers:
        then = first_batch_then(text, n.end(), start)
        if then is not None:
            return (f"; the {n.group(0)} before '{then.group(0)}' are a first batch, not a "
                    "month's volume")
    return ""
