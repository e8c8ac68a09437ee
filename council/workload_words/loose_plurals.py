"""Loose plurals read only where the words count work: "We get dozens of support tickets a
day" is a volume; "the conference opposed proposals at dozens of colleges" and "millions of
premature deaths each year" (real prompts words17 and words18 moved) are facts about the
world. "Hundreds of" and "thousands of" (words17) are read as before, without this gate."""

from __future__ import annotations

import re

from council.workload_words.text import sentence_bounds

# the plurals added in words18 ("tens of thousands of", "dozens of", "millions of")
_GATED = re.compile(r"(?:tens|dozens|millions)\b")
# the sentence is about the team's own work: a first person, or items arriving
_WORK = re.compile(r"\b(?:we|we're|we've|our|us|i|i'm|my)\b|"
                   r"\b(?:comes?|coming) in\b|\barriv(?:e|es|ing)\b|\bland(?:s|ing)? in\b")


def loose_plural_counts(text: str, number: re.Match[str]) -> bool:
    """False for a words18 loose plural in a sentence that counts no work of the reader's."""
    if not _GATED.match(number.group(0)):
        return True
    lo, hi = sentence_bounds(text, number.start())
    return _WORK.search(text, lo, hi + 1) is not None
