"""A cut by a share of what is paid now: "cut it by half", "bring that down by 40%", "halve it".

"We pay $500 a month on GPT-5 for this and want to cut it by half" is a $250 ceiling (decision
QA 17, session 16's leftover: unread, "pay" being no budget word)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHARES = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
           "a quarter": 0.25, "one quarter": 0.25, "a fifth": 0.2, "two thirds": 2 / 3,
           "three quarters": 0.75}
# the words are the table's keys, so every share the pattern takes has its value (the pattern
# once took "one half", which the table lacked: a KeyError on "cut it by one half")
_SHARE = (rf"(?P<share>{'|'.join(sorted(_SHARES, key=len, reverse=True))}|"
          r"(?P<pct>\d{1,2}(?:\.\d+)?)\s?(?:%|per ?cent))")
_WHAT = (r"(?:it|that|this|them|(?:that|this|the|our)\s+(?:monthly\s+)?(?:bill|costs?|"
         r"spend(?:ing)?|figure|amount))")
_CUT_BY = re.compile(
    rf"\b(?:cut|reduce|lower|bring|get|shrink|trim|slash|drop)\s+(?:{_WHAT}\s+)?(?:down\s+)?"
    rf"by\s+{_SHARE}(?![\w%])|"
    rf"\b(?P<halve>halve|cut\s+(?:{_WHAT}\s+)?in\s+half)\b", re.IGNORECASE)
_REACH = 200  # characters after the figure paid now the cut is looked for in


@dataclass(frozen=True)
class Cut:
    """A cut by a share: what is left to spend is ``1 - share`` of the figure."""

    share: float
    words: str

    def left(self, usd: float) -> float:
        return usd * (1 - self.share)


def cut_by(rest: str) -> Cut | None:
    """The cut by a share said in the first characters of ``rest`` (the words after a figure
    paid now); None when none is said or the share is not below the whole."""
    m = _CUT_BY.search(rest[:_REACH])
    if m is None:
        return None
    if m["halve"]:
        share = 0.5
    elif m["pct"]:
        share = float(m["pct"]) / 100
    else:
        share = _SHARES[re.sub(r"\s+", " ", m["share"].lower())]
    return Cut(share, m.group(0).strip()) if 0 < share < 1 else None
