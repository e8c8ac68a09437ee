"""A share of a count: "about a third of our 9,000 customers renew" is 3,000, "20% of the
40,000 orders" is 8,000 (a percentage is never a count itself)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_SHARE_BEFORE = re.compile(r"\b(?:(?:a|one) (?P<frac>half|third|quarter|fifth|tenth)|"
                           r"(?P<pct>\d+(?:\.\d+)?) ?(?:%|per ?cent)) of\s+(?:our |the |all |"
                           r"all of (?:our |the )?)?(?:~|about |around |roughly )?$")


@dataclass(frozen=True)
class Share:
    """The part of a count the words take, and where they start."""

    part: float
    said: str
    start: int


def share_before(text: str, lo: int, at: int) -> Share | None:
    """"a third of our" right before a count at ``at``; else None."""
    m = _SHARE_BEFORE.search(text, max(lo, at - 40), at)
    if m is None:
        return None
    part = _FRACTIONS[m["frac"]] if m["frac"] else float(m["pct"]) / 100
    if not 0 < part <= 1:
        return None
    said = f"a {m['frac']}" if m["frac"] else f"{m['pct']}%"
    return Share(part, said, m.start())
