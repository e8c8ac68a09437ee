"""A volume said of the peak, when the words also give the usual one: "Peak is 50 requests a
minute in Black Friday week, but normally it's about 5,000 a day" is 5,000 a day (QA round
12: read as 50 a minute, every minute of the month, 14 times as many). A peak said alone is
still read, and the reading says it is the peak's."""

from __future__ import annotations

import re

from council.workload_words.values import Read

_PEAK = re.compile(r"\b(?:peak(?:s|ing)?|busiest|spikes?|spiking|surges?|rush hours?|"
                   r"high season|bursts?|"
                   # a season's volume (QA round 12's walk: "about 2,000 chats a day in Black
                   # Friday week, but normally it's about 600 a day" read 2,000)
                   r"black friday|cyber monday|christmas|holiday season|the holidays|"
                   r"busy season|sales? season|tax season)\b")
# A clause that says it is the usual volume is never the peak's ("5x the usual 2,000 chats a
# day between Black Friday and New Year").
_USUAL = re.compile(r"\b(?:usual(?:ly)?|normal(?:ly)?|typical(?:ly)?|on average|average|"
                    r"otherwise|most (?:days|weeks|months))\b")
# The clause of a reading: up to a comma, a semicolon, a full stop, a bracket or "but".
_CLAUSE_END = re.compile(r"[,;.!?()\n]|\bbut\b|\bwhile\b|\bwhereas\b")

PEAK_NOTE = "said of the peak: give the usual volume if it is lower"


def _clause(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)]
    after = _CLAUSE_END.search(text, end, end + 80)
    return text[before[-1] if before else max(0, start - 80):after.start() if after else end + 80]


def at_peak(text: str, read: Read) -> bool:
    """Whether the reading's clause says it is the peak's volume."""
    clause = _clause(text, read.start, read.end)
    return _PEAK.search(clause) is not None and _USUAL.search(clause) is None
