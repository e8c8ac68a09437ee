"""An hour of the clock, not a count nor a length: "at 9", "um 7 Uhr", "klockan 8", "a las 9",
"om 10 uur", "à 22 heures". The counts skip it ("Jeden Werktag um 7 Uhr" is no count of 7);
the sizes too ("Elke avond om 10 uur" is no 10 hours of calls: words14)."""

from __future__ import annotations

import re

from council.workload_words.languages import own_words_language

# An hour of the clock said without minutes: "Weekdays at 9 we ...", "Jeden Werktag um 7 Uhr",
# "varje vardag klockan 8", "a las 9", "à 9h", "om 9 uur": an hour (1-24) after a word that
# says o'clock ("um", "klockan", "kl.", "a las", "às", Italian "alle"), or after "at", "à",
# "om" with an hour word after it, or ("at" only) a comma, a colon, a full stop or a word that
# goes on with the sentence; "at 50 requests a minute" stays a count.
_CLOCK_WORD = re.compile(r"\b(?:um|klockan|kl\.?|a las|às)\s+$", re.IGNORECASE)
# Italian "alle 9" is o'clock; German and Dutch "alle 20 Tickets" is all 20 (review 12: "Elke
# dag beoordelen we alle 20 sollicitaties" read once a day, not 20)
_ALLE = re.compile(r"\balle\s+$", re.IGNORECASE)
_AT = re.compile(r"(?:\bat|\bom|(?<!\w)à)\s+$", re.IGNORECASE)
# "looks at 15 each day", "we're at 12 each week", "the queue sits at 18, and": the number is
# where a count stands, not an hour (review 12: read once a day or a week)
_AT_A_COUNT = re.compile(r"\b(?:looks?|looked|looking|glances?|are|'re|sits?|stays?|stands?|"
                         r"hovers?|peaks?|peaked|capped)\s+at\s+$", re.IGNORECASE)
# An hour said after others: "at 6, 7 or 8" (review 12: 7 read as the count)
_MORE_HOURS = re.compile(r"\bat\s+\d{1,2}(?:\s*(?:,|or|and)\s*\d{1,2})*\s*(?:,|or|and)\s*$",
                         re.IGNORECASE)
_FIRST_HOUR = re.compile(r"\d+")
_HOUR_WORD = re.compile(r"\s*(?:uhr|h|uur|heures?|o'?clock|hrs)\b", re.IGNORECASE)
# "Weekdays at 9: classify ..." (review 12: read 9 a business day)
_GOES_ON = re.compile(r"\s*(?:[,;:.)]|$)|\s+(?:we|on|sharp|every|each|daily|plus|and|in|the|"
                      r"our|i|they|you|write|send|post|run)\b|\s+or\s+\d{1,2}\s+(?:we|i|they)\b",
                      re.IGNORECASE)


def clock_hour(text: str, m: re.Match[str]) -> bool:
    """Whether the number ``m`` is an hour of the clock ("at 9", "um 7 Uhr")."""
    if not (m.group(0).isdigit() and 0 < int(m.group(0)) <= 24):
        return False
    lo = max(0, m.start() - 9)
    if _CLOCK_WORD.search(text, lo, m.start()):
        return True
    if _ALLE.search(text, lo, m.start()):
        return own_words_language(text.lower()) == "Italian"
    if _AT_A_COUNT.search(text, max(0, m.start() - 16), m.start()):
        return False
    if (listed := _MORE_HOURS.search(text, max(0, m.start() - 24), m.start())) is not None:
        # "at 6, 7 or 8": each further hour of a list the first of which is one
        first = _FIRST_HOUR.search(text, listed.start(), listed.end())
        return first is not None and clock_hour(text, first)
    at = _AT.search(text, lo, m.start())
    return at is not None and (_HOUR_WORD.match(text, m.end()) is not None or (
        at.group(0).strip().lower() == "at" and _GOES_ON.match(text, m.end()) is not None))


def clock_hour_at(text: str, start: int) -> bool:
    """Whether the number that starts at ``start`` is an hour of the clock."""
    m = _FIRST_HOUR.match(text, start)
    return m is not None and clock_hour(text, m)
