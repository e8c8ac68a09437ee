"""The description cut into sentences and clauses, and the words a reading shows."""

from __future__ import annotations

import re

from council.task_head import TASK_HEAD

# Not after an abbreviation of "about" ("ok. 50 zł", "ca. 40 €", "env. 20 €", "approx. $5").
_NOT_ABBREVIATION = (r"(?<!\bok\.)(?<!\bca\.)(?<!\benv\.)(?<!\bapprox\.)"
                     r"(?<!\bRs\.)(?<!\brs\.)(?<!\bRS\.)"  # "Rs. 40,000": rupees
                     # "£250 a month incl. VAT", "250 € zzgl. MwSt." (decision QA 17)
                     r"(?<!\bincl\.)(?<!\binkl\.)(?<!\bexcl\.)(?<!\bexkl\.)(?<!\bzzgl\.)"
                     r"(?<!\bmtl\.)(?<!\bmonatl\.)")  # "250 € mtl." (monthly, German)
# (Japanese and Chinese end a sentence with "。", "！", "？" and no space after)
CLAUSES = re.compile(rf"(?:[.!?]{_NOT_ABBREVIATION}(?=\s|$)|;|[。！？；])\s*")
SENTENCES = re.compile(rf"(?:[.!?]{_NOT_ABBREVIATION}(?=\s|$)|[。！？])\s*")
WORDS_CHARS = 120  # the words shown beside a reading, at most


def clauses(text: str) -> list[str]:
    """The text's clauses, sentence by sentence, stripped, none empty."""
    return [c.strip() for s in SENTENCES.split(text) for c in CLAUSES.split(s.strip())
            if c.strip()]


def shown_words(clause: str) -> str:
    return clause if len(clause) <= WORDS_CHARS else clause[:WORDS_CHARS - 3] + "..."


# An amount a month with no word saying what it is is asked about only where the task is
# said (``council.task_head``), not deep in a pasted document ("your payment could be as low as
# $0 per month").
UNSAID_HEAD = TASK_HEAD


def own_part(clause: str, start: int, end: int) -> str:
    """The comma-separated parts of the clause from the cue word to the amount ("Classify
    5.000 e-mails a day, orçamento R$ 2.000 por mês" -> "orçamento R$ 2.000 por mês"; "...,
    about 50 a day, a wrong answer costs HR 20 minutes" -> "a wrong answer costs HR 20
    minutes"), so the words shown are the budget's or the failure's, not the volume's too."""
    comma = clause.rfind(", ", 0, start)
    after = re.search(r",\s", clause[end:])
    return clause[comma + 2 if comma >= 0 else 0:end + after.start() if after else len(clause)]
