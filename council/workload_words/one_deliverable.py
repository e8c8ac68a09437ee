"""One piece written a period about a count of things: "Every Monday, write a report on our
12 stores" (Swedish "en sammanfattning om våra 12 projekt", Dutch "een overzicht van al onze 9
projecten"), "Each morning, browse the web for news on our 5 main competitors and write a
1-page brief"; German, French and Spanish since QA round 12 ("eine Zusammenfassung ... über
unsere 20 Wettbewerber", "une synthèse sur nos 15 projets"): one run a period, not 12 or 5
(QA round 11: read as 5 a morning). Whatever says the period ("each morning", "every
Friday", "twice a week"): a period's count of items and a cadence's count each time both ask
this (volumes, counts.cadence_times_count)."""

from __future__ import annotations

import re

from council.workload_words.text import (
    EACH_ONE_ABROAD,
    EVERY_ABROAD,
    MAYBE_HEDGE,
    PERIOD_NAMES,
    alternation,
)

# The nouns of one written piece: the one list this rule and a cadence's count
# (``counts.cadence_times_count``, through the two helpers below) both read.
PIECES = (r"(?:brief|briefing|report|digest|summary|update|newsletter|overview|memo|recap|"
          r"roundup)")
# German, French and Spanish
_PIECES_ABROAD = (r"(?:zusammenfassung|bericht|überblick|übersicht|report|résumé|rapport|"
                  r"synthèse|bilan|resumen|informe|reporte)")
# "each" in the other languages read, for "a report for each", "each of our 12" and "..., one
# for each"
_EACH_ABROAD = rf"(?:{alternation(EACH_ONE_ABROAD + EVERY_ABROAD)})"
# A single deliverable: "a report", "one 1-page brief", "a short digest"; not "reports".
_ONE_PIECE = re.compile(rf"\b(?:an?|one|a single)\s+(?:[\w-]+\s+){{0,2}}?{PIECES}\b"
                        r"(?!\s+(?:for|on|of|about)\s+each\b)|"
                        # Swedish and Dutch: "en sammanfattning", "een overzicht"; not "en
                        # rapport för var och en", "een verslag voor elk"
                        r"\b(?:en|ett|een)\s+(?:[\w-]+\s+)?(?:sammanfattning|rapport|"
                        r"översikt|sammanställning|samenvatting|overzicht|verslag)\b"
                        rf"(?!\s+(?:för|om|voor|over|van)\s+{_EACH_ABROAD}\b)|"
                        # German, French, Spanish (QA round 12): "eine Zusammenfassung", "einen
                        # Bericht", "une synthèse", "un resumen"; not "für jede", "pour chaque"
                        rf"\b(?:eine|einen|ein|une|un|una)\s+(?:[\w-]+\s+)?{_PIECES_ABROAD}\b"
                        rf"(?!\s+(?:für|pour|para|por)\s+{_EACH_ABROAD}\b)")
# The count names what the piece is about: "on our 5", "about the 12", "covering our 8".
_ABOUT_BEFORE = re.compile(r"\b(?:on|about|covering|across|of|for)\s+(?:all\s+(?:of\s+)?)?"
                           r"(?:our|the|my|their|all)\s+(?:~|about |around |roughly )?$|"
                           # "om våra 12", "över alla våra", "van al onze 9", "over de 5"
                           r"\b(?:om|över|av|van|over)\s+(?:alla\s+|al\s+)?(?:våra|de|onze)\s+$|"
                           # "über unsere 20", "zu allen unseren 8", "sur nos 15", "sobre
                           # nuestros 10", "de nuestras 6"
                           r"\b(?:über|zu|sur|sobre|de)\s+(?:allen?\s+|tous\s+|todos\s+|"
                           r"todas\s+)?(?:unsere[nr]?|die|den|nos|les|nuestros|nuestras|los|las)"
                           r"\s+(?:~|etwa |environ |unos |unas )?$")
# French and Spanish "de" is what the piece is of only right after the piece: "une synthèse
# de nos 15 projets"; not "la plupart de nos 300 emails", "les messages de nos 300 clients",
# "los contratos de nuestros 40 proveedores" (review 12: read as one run a day or a week).
_PIECE_BEFORE = re.compile(rf"\b{_PIECES_ABROAD}(?:\s+[\w-]+){{0,2}}\s+$")
# "triage each of our 500 tickets", "classify all of our 300 tickets", "var och en av våra 12":
# the count is what each item's own call works on, whatever piece the sentence also writes
# (review11: read as one run a day and one a week before)
_PARTITIVE = re.compile(rf"\b(?:each|all|every one|any|both|most|some|none|alla|alle|"
                        rf"{_EACH_ABROAD})\s+$")


def one_piece_about(text: str, count: re.Match[str], lo: int, hi: int) -> bool:
    """Whether ``count`` is the number of things one piece written in its sentence covers."""
    about = _ABOUT_BEFORE.search(text, max(lo, count.start() - 24), count.start())
    if about is None:
        return False
    if about.group(0).split()[0] in ("of", "av", "van", "de") and _PARTITIVE.search(
            text, max(lo, about.start() - 14), about.start()):
        return False  # "each of our 500 tickets": every one of them is a run
    if about.group(0).split()[0] == "de" and not _PIECE_BEFORE.search(
            text, max(lo, about.start() - 40), about.start()):
        return False
    if re.search(rf"\b(?:each|per|every one|je|pro|{_EACH_ABROAD})\b", text[count.end():hi]):
        return False  # "on our 5 competitors, one brief for each"
    return _ONE_PIECE.search(text, lo, hi) is not None


# "(usually ~1.2k of them) ... clustered into a short digest": the items after a cadence are
# what one run reads when they all go into one deliverable.
_INTO_ONE = re.compile(rf"\binto (?:a|one|an) (?:[\w-]+ )?{PIECES}\b")
# "every 2 hours, post one summary of the new tickets (a dozen or so each time)": the count
# after "one summary of" is what the one summary covers.
_ONE_OF = re.compile(rf"\bone (?:[\w-]+ )?{PIECES} (?:of|on|about|covering)\b")


def gathered_into_one(text: str, at: int, hi: int) -> bool:
    """Whether text[at:hi] puts what came before into one piece ("into a short digest")."""
    return _INTO_ONE.search(text, at, hi) is not None


def one_piece_of(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says one piece of what follows ("one summary of the ...")."""
    return _ONE_OF.search(text, start, end) is not None


# "Weekly digest built from some 3,000 Slack messages a week", "a weekly report from about
# 2,000 emails a month": the count is what each piece is made from, a corpus with its own
# period, not a run each (words15: read 13,000 a month; issue 17: 4.33 reports a month).
# (not a piece for each of many: "A daily summary for each of our 30 clients, based on about
# 200 emails" is 30 a day, review 15: read 1 a day)
_MADE_FROM = re.compile(rf"\b{PIECES}(?P<many>s?)\b"
                        rf"(?:\s+(?!(?:for|each|every|per)\b)[\w,-]+){{0,6}}?\s+"
                        r"(?:(?:built|drawn|compiled|"
                        r"made|generated|written|put together|pulled|distilled)\s+)?"
                        r"(?:from|based on|out of)\s+(?:all\s+)?(?:(?:our|the|my|their)\s+)?"
                        rf"{MAYBE_HEDGE}$")


def piece_made_from(text: str, count: re.Match[str], lo: int) -> bool:
    """Whether ``count`` is what a written piece said before it is made from ("digest built
    from some 3,000 messages")."""
    made = _MADE_FROM.search(text, max(lo, count.start() - 90), count.start())
    # "daily reports from 12 warehouses": pieces, from things with no period of their own, are
    # one from each (review 15: read 30 a month for 360)
    return made is not None and not (made["many"] and not _A_PERIOD_AFTER.match(
        text, count.end()))


# a count's own period a few words after it ("3,000 Slack messages a week")
_A_PERIOD_AFTER = re.compile(rf"(?:\s+[\w'-]+){{0,3}}?\s*(?:/|(?:a|per|each|every)\s+)"
                             rf"(?:{PERIOD_NAMES})s?\b")
