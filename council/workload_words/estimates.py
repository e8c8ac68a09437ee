"""A count said loosely ("several hundred", "a few thousand", "300-ish", "dozens of") is read
as a number, and the read says that number is an estimate, so the answer carries it as one; a
loose plural ("dozens of", "tens of thousands of") also says the range its words span."""

from __future__ import annotations

import re
from dataclasses import replace

from council.workload_words.loose_abroad import loose_range
from council.workload_words.numbers import SEVERAL, fmt, parse_number
from council.workload_words.values import Read

# numbers.parse_number's loose counts: "a few" is three, "several" / "hundreds of" five,
# "a couple" two; "-ish" is about the number said
_LOOSE = re.compile(r"\b(?:a few|several|(?:a )?couple(?: of)?)\s+"
                    r"(?:dozen|hundred|thousand|million)\b|"
                    r"\b(?:(?:tens|hundreds|thousands) of (?:thousands|millions) of|"
                    r"(?:dozens|hundreds|thousands|millions) of)\b|"
                    r"\b\d[\d,.]*\s?-?ish\b", re.IGNORECASE)


def said_as_estimate(read: Read | None) -> Read | None:
    """``read`` with its ``how`` naming the loose words it took a number from, if any."""
    if read is None or not isinstance(read.value, int | float) or isinstance(read.value, bool):
        return read
    loose = _LOOSE.search(read.words)
    if loose is None:
        abroad = loose_range(read.words)
        if abroad is None:
            return read
        words, low, high, taken = abroad
        note = (f"'{words}' taken as a round figure: an estimate ({fmt(low)} to {fmt(high)}, "
                f"{fmt(taken)} taken)")
        return replace(read, how=f"{read.how}; {note}" if read.how else note)
    words = loose.group(0)
    note = f"'{words}' taken as a round figure: an estimate"
    if words.lower().endswith(" of"):
        # "dozens of" is two to nine dozen: the range, and the middle taken (words18)
        taken = parse_number(words) or 0.0
        unit = taken / SEVERAL
        note += f" ({fmt(2 * unit)} to {fmt(9 * unit)}, {fmt(taken)} taken)"
    return replace(read, how=f"{read.how}; {note}" if read.how else note)
