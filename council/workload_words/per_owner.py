"""A count said for one owner, times the owners the text counts elsewhere: "Roughly 30 customer
emails per shop per day; we have 12 shops" is 30 x 12 a day, "Each nurse works 4 shifts a week
and writes 12 notes per shift; we have 30 nurses" 30 nurses' notes (words16: read 900 and 208
a month, one shop's and one nurse's).

The owner is said singly with "per" or "each" inside the count's words or before it in its
sentence (not a period, a container of the work or a person ``headcount`` reads), and counted
elsewhere as the same noun in the plural right after a number, not a rate itself ("4 shifts a
week")."""

from __future__ import annotations

import re
from dataclasses import replace

from council.workload_words.headcount import HEAD
from council.workload_words.numbers import NUMBER, fmt, parse_number
from council.workload_words.text import PERIOD_NAMES, RATE_AFTER, sentence_bounds
from council.workload_words.values import Read

# (a call centre is one owner, said in two words: "Per call centre we get around 1,500 calls a
# day, and there are 4 call centres": words17, read one centre's)
# ("pro Filiale", "elke winkel", "cada tienda", "chaque magasin", "ogni negozio": the same
# abroad, words18)
_PER_ONE = re.compile(r"\b(?:per|each|every|pro|elke|iedere|jede[nr]?|cada|chaque|ogni)\s+"
                      r"(?P<noun>call[- ]cent(?:re|er)|[a-z]{3,})\b")
# nouns that are no owner: periods, the runs of the work, "each one", "each other"
_NOT_OWNER = re.compile(rf"(?:{PERIOD_NAMES}|one|other|time|shift|run|batch|single|"
                        r"item|sprint|release|semester|session|call)$")
_PERSON = re.compile(rf"{HEAD}$")


# right after the count's words, or a verb or two on: "200 orders a day come in from each
# store" (words16 left it: read one store's)
_OWNER_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:from|for|at|in|of|to)\s+(?:each|every)\s+"
                          r"[a-z]{3,}\b")
# (and "we have" said in Dutch, German, Spanish, Portuguese, Italian, French, Polish and
# Swedish: "Per tenant komen er ongeveer 200 tickets per week binnen; we hebben 15 tenants",
# words18: read one tenant's)
_FLEET_BEFORE = (r"\b(?:have|has|are|across|over|among|employ|operate|run|with|of our|"
                 r"all|our|hebben|haben|tenemos|temos|abbiamo|avons|mamy|har)\s+"
                 r"(?:about\s+|around\s+|roughly\s+|some\s+|~|ongeveer\s+|etwa\s+|unos\s+|"
                 r"unas\s+|cerca de\s+|circa\s+|environ\s+|około\s+|ungefär\s+)?")


def times_owners(text: str, read: Read) -> Read:
    """``read`` times the owners its count is said for one of ("per shop" ... "12 shops");
    else ``read`` as it is."""
    if not any(w in text for w in ("per ", "each ", "every ", "pro ", "elke ", "iedere ",
                                    "jede", "cada ", "chaque ", "ogni ")):
        return read
    lo, _ = sentence_bounds(text, read.start)
    # or right after the count's words: "400 emails a day from each region; 3 regions"
    after = _OWNER_AFTER.match(text, read.end)
    for one in _PER_ONE.finditer(text, lo, after.end() if after is not None else read.end):
        noun = one["noun"]
        if _NOT_OWNER.match(noun) or (_PERSON.match(noun) and "people (" in read.how):
            continue  # a person's rate ``headcount`` has multiplied already
        if text.count(noun, one.end()) + text.count(noun, 0, one.start()) == 0:
            continue  # the owners are not counted anywhere: no pattern to build (first reads)
        # said as a fleet ("we have 12 shops", "across 60 branches"), or a clause of its own
        # ("; 3 regions."), not anything done by some of them ("3 customers complained")
        # (a plural in -s, -es, or German and Dutch -en, -n: "12 Filialen")
        many = re.compile(rf"(?:{_FLEET_BEFORE}(?P<n>{NUMBER})\s+(?:[a-z-]+\s+)?{noun}"
                          r"(?:s|es|e?n)\b|"
                          rf"(?:^|[;:.]\s+)(?P<m>{NUMBER})\s+(?:[a-z-]+\s+)?{noun}(?:s|es|e?n)"
                          r"\s*(?:[.;]|$))")
        for count in many.finditer(text):
            k = parse_number(count["n"] or count["m"])
            at = count.start("n") if count["n"] else count.start("m")
            if (read.start <= at < read.end or RATE_AFTER.match(text, count.end())
                    or not k or k < 2):
                continue  # the read's own count, or a rate of its own ("4 shifts a week")
            runs = float(read.value) * k  # type: ignore[arg-type]
            return replace(read, value=runs,
                           how=f"{fmt(k)} x ({read.how}), for each of the {count.group(0)} "
                               f"('{one.group(0)}') = {fmt(runs)}")
    return read
