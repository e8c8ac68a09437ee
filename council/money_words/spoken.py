"""An amount said in words: "two grand", "half a grand", "fifteen hundred euros", "two hundred
bucks", "three thousand dollars" (decision QA 18: each unread, the budget left out in silence).

A number said in words before a currency's name, or before "grand" (a thousand dollars, as
said in the US; "grand" before a noun it describes, "a grand total", is no amount)."""

from __future__ import annotations

import re

from council.currency_words import NAMES, alternation
from council.workload_words import parse_number
from council.workload_words.numbers import WORDNUM

# "a", "half a", "a couple (of)", "fifteen", "twenty-five", then "hundred" / "thousand" /
# "million" ("fifteen hundred", "three hundred thousand")
_SPOKEN_NUMBER = (rf"(?:half an?|(?:a )?couple(?: of)?|an?|{WORDNUM})"
                  r"(?:\s+hundred)?(?:\s+(?:thousand|million))?")
_GRAND_NOUNS = (r"total|totals|scheme|prize|jury|piano|tour|opening|canyon|central|theft|"
                r"master|slam|final|finale|design|plan|vision|strategy|challenge|entrance|"
                r"hotel|hall|old|child|children|father|mother|son|daughter|unified|rapids")
SPOKEN_AMOUNT = re.compile(
    rf"(?<![\w$€£-])(?P<num>{_SPOKEN_NUMBER})\s+(?:(?P<grand>grand)\b(?!\s+(?:{_GRAND_NOUNS})\b)"
    rf"|(?P<suf>{alternation({k: v for k, v in NAMES.items() if v})})(?![\w$]))",
    re.IGNORECASE)


def spoken_value(m: re.Match[str]) -> float:
    """The number a spoken amount says, in its own currency ("half a grand" -> 500)."""
    words = m["num"].lower().split()
    if words[0] == "half":  # "half a grand", "half a million dollars"
        n = 0.5 * (parse_number("a " + " ".join(words[2:])) or 0.0 if words[2:] else 1.0)
    elif words[-1] in ("couple", "of"):  # "a couple of grand"
        n = 2.0
    else:
        n = parse_number(" ".join(words)) or 0.0
    return n * 1000 if m["grand"] else n
