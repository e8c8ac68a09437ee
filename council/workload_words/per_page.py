"""Pages of a stated size: "300 pages of about 500 words each" are 300 items of 500 words,
read as "200 tickets of about 150 words" are (each call reads one), not one 300-page input."""

from __future__ import annotations

import re

from council.workload_words.numbers import NUMBER

# Pages whose own size follows ("300 pages of about 500 words each") are items of that size,
# as "200 tickets of about 150 words" are: a call reads one page's 500 words, not all 300
# pages at once (words11, QA round 10: read as one 199,500-token input).
PAGES_OF_WORDS = re.compile(rf"\s+of\s+(?:~\s*|about\s+|around\s+|roughly\s+|approx\.?\s+|"
                            rf"approximately\s+|some\s+|up to\s+)?(?:{NUMBER})\s*-?\s*"
                            r"(?:words|tokens|characters|chars)\b")
