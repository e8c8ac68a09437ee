"""A summary of what a period brings, its count said aside after the items ("Every morning,
summarise the overnight tickets, usually 120 messages", "streścić nocne zgłoszenia, zwykle 120
wiadomości"): one run a period, not 120."""

from __future__ import annotations

import re

from council.workload_words.text import EACH_ONE_ABROAD, EVERY_ABROAD, alternation

# Not "summarise each of the 120" nor "summarise about 3,000 reviews" (whether one summary or
# 3,000, the words do not say; read as 3,000, as before).
_ONE_SUMMARY_OF = re.compile(r"\b(?:summari[sz]e|recap|digest|streścić|streszczenie|podsumować|"
                             r"podsumowanie|riassumere|riassunto|resumir|résumer|zusammenfassen|"
                             r"samenvatten)\b(?![^.;]*\b(?:each|every|per|"
                             + alternation(EVERY_ABROAD + EACH_ONE_ABROAD) + r")\b)")
_ASIDE_COUNT = re.compile(r",\s*(?:usually|typically|normally|generally|often|zwykle|zazwyczaj|"
                          r"di solito|solitamente|normalmente|en général|meistens|normalerweise|"
                          r"meestal)\s*(?:~|about |around |roughly |około |circa )?$")


def one_summary_of(text: str, after: int, count: re.Match[str], lo: int) -> bool:
    """Whether a summary verb between a period ending at ``after`` and the ``count`` makes the
    count an aside of one summary, not the runs of a period."""
    return bool(_ONE_SUMMARY_OF.search(text, after, count.start())) and bool(
        _ASIDE_COUNT.search(text, max(lo, count.start() - 24), count.start()))
