"""Helpers every rule of the reader shares: sentence bounds, a text's word list (cached, the
gate of the rules in other languages), the cheap substring test before a long scan, and the
period and weekday words that sizes, counts and latency all test against."""

from __future__ import annotations

import re
from functools import lru_cache

PERIOD_NAMES = (r"second|sec|minute|min|hour|hr|business day|working day|weekday|work day|"
                r"day|night|morning|evening|week|wk|fortnight|month|mth|mo|quarter|year|yr|term|"
                r"sprint|semester")


# "15 pages a day", "3 million log lines every day": a volume, not one call's size.
RATE_AFTER = re.compile(rf"\s*(?:/|(?:a|per|each|every)\s+)(?:{PERIOD_NAMES})s?\b")

# "roughly 8,000 pages, and want each page's OCR text cleaned up": the pages are the tasks,
# each call reads one (not "a 200-page contract", the size of one document).
PAGE_BY_PAGE = re.compile(r"[^.;]{0,60}\b(?:each|every|per) page\b")

# A crypto token, not one of a model's: "300 token transfers", "token holders", "token swaps"
# (a size in ``sizes`` since review 12, and a count in ``counts`` since words13: "300 token
# transfers a day" read nothing)
COIN_AFTER = re.compile(r"\s+(?:transfers?|holders?|prices?|swaps?|sales?|launch(?:es)?|"
                        r"balances?|airdrops?|mints?|burns?|purchases?|trades?|"
                        r"listings?|wallets?)\b")

WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# The weekdays in the other languages read, Monday first: one list for the weekday cadence
# (``weekdays``) and the language a description is written in (``languages``).
DAY_NAMES: dict[str, tuple[str, ...]] = {
    "German": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "French": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "Dutch": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "Italian": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "Spanish": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "Polish": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "Swedish": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
}

# "each" and "every" in the other languages read, one list (review 12: five modules spelt
# their own, Swedish and Dutch missing from some): before what they count ("jede Woche",
# "chaque semaine", "cada lunes", "ogni giorno", "elke week", "varje vecka", "każdego dnia")
EVERY_ABROAD: tuple[str, ...] = (
    "varje", "elk", "elke", "ieder", "iedere", "jede", "jeden", "jeder", "jedes", "chaque",
    "cada", "ogni", "każdy", "każda", "każde", "każdego", "każdej", "każdą", "każdym",
    "każdemu", "kazdy", "kazdego")
# and on their own, after what they count ("150 mots chacune", "300 palabras cada una",
# "jeweils", "var och en av våra 12")
EACH_ONE_ABROAD: tuple[str, ...] = ("var och en", "chacun", "chacune", "cada uno", "cada una",
                                    "ciascuno", "ciascuna", "jeweils")

# A word in any of the languages read (letters, then letters, digits, apostrophes or hyphens):
# "medewerkers", "gestiscono", "l'équipe"
WORD = r"[^\W\d_][\w'’-]*"

# The usual period said as a subject ("a normal day", "a typical week"): one list for the
# period it opens (``periods``) and the count said after it (``cadence_words``).
USUAL_PERIOD = r"an? (?:normal|typical|usual|average|regular|ordinary)"
# "about", "roughly" ... before a count, in the languages the two-figure rules read (words13
# spelt two lists of them, in ``joined_counts`` and ``cadence_words``)
HEDGE_WORDS: tuple[str, ...] = (
    "about", "around", "roughly", "some", "approximately", "nearly", "almost", "up to", "over",
    "~", "environ", "etwa", "ungefähr", "unos", "unas", "cerca de", "circa", "ongeveer",
    "cirka", "około", "zo'n")


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of the words, the longest first ("jeden" before "jede")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# A hedge, or none, right before a count ("about 25", "etwa 200", "~30"): one spelling for
# every rule that reads a count after words (review 15: round 15 spelt four shorter lists)
MAYBE_HEDGE = rf"(?:(?:{alternation(HEDGE_WORDS)})\s*)?"
# "and" in the languages read, and the word that opens a range said with it ("between 200
# and 300", "entre 80 e 120", "tra 200 e 300"): one list for ``counts`` and ``joined_counts``
AND_WORDS: tuple[str, ...] = ("and", "et", "und", "y", "e", "en", "och", "i")
BETWEEN_WORDS: tuple[str, ...] = ("between", "zwischen", "entre", "tussen", "mellan", "tra", "fra")


# Not after an abbreviation: "(approx. 150 mails/day)" is one sentence; nor Swedish "kl. 8"
# (o'clock: review 12, "Varje dag kl. 8 sorterar vi cirka 300 ärenden" read once a day).
_SENTENCE_END = re.compile(r"[.;!?](?<!approx\.)(?<!\bca\.)(?<!\bvs\.)(?<!e\.g\.)(?<!i\.e\.)"
                           r"(?<!\btsd\.)(?<!\bmio\.)(?<!\bkl\.)(?<!\btys\.)(?<!\bmln\.)"
                           # Polish "ok." (about) before a number ("ok. 1,5 tys. faktur")
                           r"(?!(?<=\bok\.)\s+\d)"
                           r"(?:\s|$)|\n")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (the end before its closing mark)."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


def sentence_around(text: str, pos: int) -> str:
    """The sentence around ``pos``, with its closing mark."""
    lo, hi = sentence_bounds(text, pos)
    return text[lo:hi + 1]


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=4)
def word_list(text: str) -> tuple[str, ...]:
    """The words of a text, found once and shared by the gates of the rules in other languages."""
    return tuple(_WORDS.findall(text))


def has(lower: str, keys: tuple[str, ...]) -> bool:
    """A cheap test before a long alternation scans the whole text."""
    return any(map(lower.__contains__, keys))
