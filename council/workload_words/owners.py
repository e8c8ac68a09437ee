"""A count for each of several owners: "30,000 users, each has about 200 transactions a
month" (200 for each user) and "3x/wk I write plans for each of my 25 athletes" (3 times for
each athlete)."""

from __future__ import annotations

import re

from council.workload_words.numbers import DIGITS, NUMBER
from council.workload_words.text import EACH_ONE_ABROAD, MAYBE_HEDGE, WORD, alternation

# "30,000 users, each has (about) 200 ...": a count of owners before a count per owner.
# "120 sales reps each write ~10 ...": up to three words for the owners, any verb after each.
# "Half a dozen analysts each ask the research assistant 20 ...": up to four words after each.
_EACH_HAS = re.compile(rf"(?P<n>{NUMBER})\s+(?:(?!(?:from|of|for|in|to|with)\s)[a-z-]+\s+){{0,2}}"
                       r"[a-z-]+,?\s+each\s+(?:(?!of\s)[a-z]+\s+){0,4}$")

# "12 doctors, ~25 patient visits each per day", "used by 30 reps, maybe 15 emails each per
# day": the owners, a comma, then a count "each" a period (each of the owners).
_OWNERS_COMMA = re.compile(rf"(?P<n>{NUMBER})\s+(?:[a-z-]+\s+)?[a-z-]+,\s*"
                           r"(?:(?:~|about|around|roughly|maybe|say|some|approx\.?)\s*)?$")
_EACH_BEFORE_PERIOD = re.compile(r"\s+(?:[a-z-]+\s+){0,3}each\s+")

# "Two batches a day of roughly 250 receipts each": each run of the period holds that many.
_OF_EACH = re.compile(rf"\s+of\s+(?:~|about |around |roughly |some |approx\. )?(?P<n>{NUMBER})"
                      r"\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+each\b")

# "3x/wk ... for each of my 25 athletes": a number of times, done for each of a fleet.
_MULTIPLIER = re.compile(r"\s?(?:x|times)\b")
_EACH_OF = re.compile(rf"\beach of (?:my|our|the|his|her|their) (?P<n>{DIGITS})\b")


def fleet_after(text: str, count: re.Match[str], after: int, hi: int) -> re.Match[str] | None:
    """"for each of my 25 athletes" after a period at ``after`` when the ``count`` before it is
    a number of times ("3x/wk"); its group "n" is the fleet's size; else None."""
    if not _MULTIPLIER.match(text, count.end()):
        return None
    return _EACH_OF.search(text, after, hi)


def owners_before(text: str, lo: int, start: int) -> re.Match[str] | None:
    """"30,000 users, each has" or "Each of our 40 stores sends" right before a count at
    ``start``; its group "n" is the number of owners; else None."""
    return _EACH_HAS.search(text, max(lo, start - 60), start) or _EACH_OF_OWNERS.search(
        text, max(lo, start - 60), start)


def owners_of_each(text: str, lo: int, count: re.Match[str], at: int) -> re.Match[str] | None:
    """"12 doctors, ~25 patient visits each" before a period at ``at``: the owners (group
    "n") of a count said "each"; else None."""
    if not _EACH_BEFORE_PERIOD.fullmatch(text, count.end(), at):
        return None
    return _OWNERS_COMMA.search(text, max(lo, count.start() - 50), count.start())


# "each" in the languages read, said before a count ("8 reviewers each check 25", "4
# medewerkers elk 30", "6 conseillers traitent chacun 25") or after it ("5 operatori
# gestiscono 40 chiamate ciascuno", "check 25 contracts each"); the pronouns only, not "elke",
# "iedere" before what they count ("80 bestellingen en elke maandag 30 extra")
_EACH = rf"(?:each|elk|ieder|je|{alternation(EACH_ONE_ABROAD)})"
# the owners are people or things, not a time ("in 2 weeks we review 40 each")
_NOT_TIME = (r"(?!(?:days?|weeks?|months?|years?|hours?|minutes?|times|x|tag|tage|jours?|"
             r"giorni|dagen|días|dias)\b)")
# (not what each of them holds or is: "300 ordini, ciascuno con 5 articoli", "50 tickets, each
# needing about 2 replies", "40 patients, each aged about 60": review 15, read 45,000, 3,000
# and 72,000 a month)
_HOLDS = (r"(?!(?:with|con|avec|mit|met|med|aged|needing|containing|having|holding|weighing|"
          r"lasting|costing)\b)")
_OWNERS_EACH = re.compile(rf"(?P<n>{NUMBER})\s+{_NOT_TIME}(?:{WORD}\s+){{0,2}}?{WORD},?\s+"
                          rf"{_EACH}\s+{_HOLDS}(?:(?!of\s){WORD}\s+){{0,4}}$")
_OWNERS_VERB = re.compile(rf"(?P<n>{NUMBER})\s+{_NOT_TIME}(?:{WORD}\s+){{1,3}}"
                          rf"{MAYBE_HEDGE}$")
# German "je" (each) is Dutch "je" (you): "Elke dag sturen 5 klanten je 40 facturen" is 40 in
# all (review 15: read 6,000 a month for 1,200), told by a Dutch word near it
_JE = re.compile(r"\bje\b", re.IGNORECASE)
_DUTCH = re.compile(r"\b(?:het|een|elke|iedere|onze|ons|niet|wij|jullie|krijgen|sturen|"
                    r"ontvangen|verwerken|dag|maand)\b", re.IGNORECASE)
_EACH_AFTER = re.compile(rf"\s+(?:{WORD}\s+){{0,2}}?{_EACH}\b")
# "each of our 12 stores sends about 30 invoices": the owners after "each of", a verb, the count
_EACH_OF_OWNERS = re.compile(rf"\beach of (?:our|the|my|their) (?P<n>{NUMBER})\s+"
                             rf"(?:{WORD}\s+){{1,2}}{MAYBE_HEDGE}$")


def owners_between(text: str, lo: int, count: re.Match[str]) -> re.Match[str] | None:
    """The owners right before a ``count`` said each of them, after ``lo`` (a cadence said
    first): "Every day 8 reviewers each check about 25 contracts", "Ogni giorno 5 operatori
    gestiscono 40 chiamate ciascuno"; group "n" is their number; else None."""
    start = max(lo, count.start() - 60)
    m = _OWNERS_EACH.search(text, start, count.start()) or _EACH_OF_OWNERS.search(
        text, start, count.start())
    each = m.group(0) if m is not None else ""
    if m is None and (after := _EACH_AFTER.match(text, count.end())) is not None:
        m, each = _OWNERS_VERB.search(text, start, count.start()), after.group(0)
    if m is not None and _JE.search(each) and _DUTCH.search(
            text, max(0, start - 60), count.end() + 60):
        return None  # Dutch "je" is "you", not German "je" (each)
    return m


# "Elke dag sturen 5 klanten je 40 facturen": Dutch "je" after the senders is "you", so the
# count after it is the work, not each sender's (review 15: read 150, the 5 customers)
# (so "ons", "me", "mij", "u", "jullie": us, me, you)
_SENDERS_YOU = re.compile(rf"\s+{WORD}\s+(?:je|ons|me|mij|u|jullie)\s+{MAYBE_HEDGE}")


def senders_then_work(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether ``first`` counts who send "you" or "us" (Dutch "je", "ons") the ``second``,
    the work."""
    return _SENDERS_YOU.fullmatch(text, first.end(), second.start()) is not None and (
        _DUTCH.search(text, max(0, first.start() - 60), second.end() + 60) is not None)


# "3 shifts a day and each shift logs about 40 incidents": each of the counted containers (the
# same noun, said singly) holds a count (words15: read 3 a day, the shifts). Containers only:
# "200 tickets a day; each ticket has 3 attachments" counts tickets.
_CONTAINERS = {"shifts": "shift", "batches": "batch", "runs": "run", "deliveries": "delivery",
               "drops": "drop", "uploads": "upload", "exports": "export", "loads": "load",
               "waves": "wave", "rounds": "round", "crews": "crew", "trucks": "truck",
               "shipments": "shipment", "dumps": "dump", "imports": "import"}
_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\b")


def _each_one(noun: str) -> re.Pattern[str]:
    return re.compile(rf"[,;]?\s+(?:and |where |with )?(?:each|every) {noun}\s+"
                      rf"(?:{WORD}\s+){{0,2}}?{MAYBE_HEDGE}(?P<n>{NUMBER})")


def items_each_after(text: str, after: int, count: re.Match[str] | None = None
                     ) -> re.Match[str] | None:
    """"of roughly 250 receipts each" right after a period ending at ``after``, or "and each
    shift logs about 40" after "3 shifts" (the ``count``) and its period: how many each one
    holds (group "n"); else None."""
    held = _OF_EACH.match(text, after)
    noun = _NOUN_AFTER.match(text, count.end()) if held is None and count is not None else None
    if noun is not None and noun["noun"] in _CONTAINERS:
        held = _each_one(_CONTAINERS[noun["noun"]]).match(text, after)
    return held
