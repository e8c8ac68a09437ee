"""Two counts of one period's work joined by "and": "Every day we get about 150 emails and 80
chat messages to triage" is 230 a day, "Chaque jour nous recevons environ 100 e-mails et 50
formulaires" 150 (words13: the first count alone was read). Only counts of things, each with
its own noun, side by side in one clause: not people ("200 tickets a day and 5 agents"), not
a part of the first ("300 emails and 20 of them urgent"), nor units ("and 3 categories")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.workload_words.counts import count_numbers, counts_items
from council.workload_words.headcount import PEOPLE
from council.workload_words.numbers import parse_number
from council.workload_words.periods import period_matches
from council.workload_words.text import AND_WORDS, BETWEEN_WORDS, MAYBE_HEDGE, alternation

# "and" in the languages read; the noun after each count, in the plural
_AND = rf"(?:{alternation(AND_WORDS)})"
_HEDGE = MAYBE_HEDGE
_NOUN = r"[^\W\d_][\w-]*"
# after the count: its noun (and up to two more words), "and", the other count
_AFTER = re.compile(rf"\s+{_NOUN}(?:\s+{_NOUN}){{0,2}}?\s+{_AND}\s+{_HEDGE}(?=\d)")
# before the count: the other count, its noun (and up to two more words), "and"
_BEFORE = re.compile(rf"(?:^|(?<=\s))(?P<n>\d[\d,.]*)\s+{_NOUN}(?:\s+{_NOUN}){{0,2}}?\s+{_AND}\s+"
                     rf"{_HEDGE}$")
# Not things a run works on: people, and parts or times of the first count.
_NOT_THINGS = re.compile(
    rf"(?:of|are|is|were|was|need|needs|have|has|get|go|come|per|times|percent|more|less|other|"
    # "more" abroad ("y 100 más los lunes": an extra, words15)
    r"más|mehr|meer|fler|più|de|extra|weitere|"
    # "1 in 10 is spam", "3 out of 4": a share (review 13: added as 1 more email)
    rf"in|out|to|or|x|"
    rf"others|{PEOPLE}|"
    r"hours?|minutes?|days?|weeks?|months?|years?|"
    # spans of time, what holds the work, and a part of the first count (review 13: "400
    # chats and 3 shifts" read 403 a day, "3 evals and 500 test cases" 503 a week)
    r"shifts?|quarters?|sprints?|rounds?|sessions?|batches|batch|runs?|evals?|test|tests|"
    r"escalations?|replies|reply|responses?|follow-?ups?)\b")
_NOUN_AT = re.compile(rf"\s+(?P<noun>{_NOUN})")


@dataclass(frozen=True)
class Joined:
    """The other count joined to the one read, and where the two together start and end."""

    n: float
    start: int
    end: int


_JOINER = re.compile(_AND)
# "between 100 emails and 200 emails", "from 100 ... and": the ends of a range (review 13:
# summed to 300)
_RANGE_BEFORE = re.compile(rf"\b(?:from|{alternation(BETWEEN_WORDS)})\s+"
                           rf"{_HEDGE}$", re.IGNORECASE)


def _period_between(text: str, start: int, end: int) -> bool:
    """Whether a period is said from ``start`` to ``end``: "100 invoices a day and 2 batches a
    week" is two volumes, not 102 a day (review 13)."""
    return any(start < p.start() < end for p in period_matches(text[:end]))


def _things_after(text: str, number_end: int) -> bool:
    """Whether a noun of things follows the number ("a backlog of 2 million and ~5k new ones
    daily": no noun, no second count)."""
    noun = _NOUN_AT.match(text, number_end)
    return noun is not None and not _NOT_THINGS.fullmatch(noun.group("noun")) and not (
        _JOINER.fullmatch(noun.group("noun")))


def joined_count(text: str, count: re.Match[str], lo: int, hi: int,
                 taken: list[tuple[int, int]]) -> Joined | None:
    """The count joined to ``count`` by "and" in its clause, both of things; else None."""
    if not _things_after(text, count.end()):
        return None
    others = [m for m in count_numbers(text, lo, hi, taken) if counts_items(text, m, lo)]
    after = _AFTER.match(text, count.end(), hi)
    before = _BEFORE.search(text, max(lo, count.start() - 60), count.start())
    # the other count said after this one ("150 emails and 80 chats"), then before it; the
    # pair is read from its first count, and no period may stand between the two
    sides = ([(after.end(), True)] if after is not None else []) + (
        [(before.start("n"), False)] if before is not None else [])
    for at, said_after in sides:
        other = next((m for m in others if m.start() == at), None)
        if other is None:
            continue
        first, last = (count, other) if said_after else (other, count)
        until = min(hi, other.end() + 40) if said_after else count.start()
        if (_things_after(text, other.end())
                and not _RANGE_BEFORE.search(text, max(lo, first.start() - 20), first.start())
                and not _period_between(text, first.start(), until)):
            n = parse_number(other.group(0))
            return Joined(n, first.start(), last.end()) if n else None
    return None
