"""One-offs: a task the words say runs once ("One-off: translate a 40-page contract": one task)
and a one-off that counts its items ("Translate these 10,000 product descriptions once":
10,000 tasks once, priced as one month)."""

from __future__ import annotations

import re

from council.workload_words.counts import HEDGE, count_numbers, counts_items
from council.workload_words.numbers import fmt, parse_number
from council.workload_words.text import PERIOD_NAMES, sentence_bounds
from council.workload_words.totals import totals
from council.workload_words.values import Read

ONE_OFF_WHY = "a one-off: "  # how a one-off's volume note starts (``workload.period_words``)

# "One-off: translate a 40-page contract", "just (this) once", "a one-time migration": one task. Not
# "one-time password(s)", nor "off-by-one".
_ONE_OFF = re.compile(r"\b(?:a |this is a |it's a |just a )?one[- ]off\b|"
                      r"\b(?:just|only) (?:this )?once\b|"
                      # "one time only", "a single time", "just the once" (words14: "60
                      # hours of customer calls to summarise, one time only" unread)
                      r"\bone[- ]time only\b|\ba single time\b|\bjust the once\b|"
                      r"\bone[- ]time (?:job|task|run|project|migration|translation|report|"
                      r"analysis|clean-?up|import|export|review|audit)\b|"
                      # the same said in French, Spanish, Portuguese and German ("une seule
                      # fois", "una sola vez", "uma única vez", "einmalig"); not "une fois par
                      # semaine", a cadence
                      r"\bune (?:seule )?fois pour toutes\b|\bune seule fois\b|"
                      r"\buna (?:sola|única|unica) vez\b|\bpor única vez\b|"
                      r"\buma (?:só|única|unica) vez\b|"
                      r"\beinmalig\w*|\bnur einmal\b|\bein einziges mal\b")
# Cheap gate before the patterns: a text with none of these cannot say it runs once.
_MAY_SAY_ONCE = re.compile(r"one|once|fois|vez|einmal|einzig")


# "Translate these 10,000 product descriptions once": a one-off said with a bare "once" at the
# end of its clause (not "once a week", nor "once the file arrives").
# Not "Once, each time a user signs up, ...": once per event, no one-off (review 13: its
# hours of calls read as 6 tasks once).
_ONCE = re.compile(r"\bonce(?!\s*,?\s*(?:(?:each|every) time|whenever|per)\b)"
                   r"(?=\s*(?:[.,;:!)]|$|(?:and|then|before|after|no)\b))", re.IGNORECASE)
# A verb done to each item it counts ("translate 10,000 descriptions", "migration of 2,500
# files"): the count is that many tasks. Words that make the count one task's input ("detect
# duplicates among 100k tickets", "cluster 1.5M queries") leave it to the form.
EACH_ITEM_VERB = re.compile(r"\b(?:translat\w*|tag\w*|classif\w*|label\w*|rewrit\w*|"
                             r"generat\w*|pars\w*|scor\w*|summari[sz]\w*|extract\w*|"
                             r"caption\w*|categori[sz]\w*|moderat\w*|migrat\w*|convert\w*|"
                             r"transcrib\w*|grad\w*|proofread\w*|locali[sz]\w*|describ\w*|"
                             r"enrich\w*|review\w*|answer\w*|process\w*|solv\w*|"
                             # "write alt text for 500 photos": a piece for each item (QA
                             # round 12), not "write a report about 500 photos"
                             r"writ\w*(?= (?:[\w-]+ ){0,2}(?:alt[- ]texts?|captions?|"
                             r"descriptions?|titles?|replies|responses)\b)|"
                             # French, Spanish, Portuguese, German: summarise, translate,
                             # classify, tag, extract, rewrite, correct
                             r"résum\w*|resum\w*|tradu\w*|übersetz\w*|zusammenfass\w*|"
                             r"clasific\w*|klassifizier\w*|étiquet\w*|etiquet\w*|"
                             r"extrai\w*|extra[ei]\w*|réécri\w*|reescrib\w*|corrig\w*|"
                             r"korrigier\w*)\b", re.IGNORECASE)
_ONE_TASK_OVER = re.compile(r"\b(?:among|across|duplicat\w*|dedup\w*|cluster\w*|compar\w*|"
                            r"group\w*|all of|corpus|in total|variations?|then)\b",
                            re.IGNORECASE)

_FOR_EACH = re.compile(rf"\b(?:each|every) (?!(?:{PERIOD_NAMES}|time|one|other)s?\b)"
                       r"(?P<noun>[a-z]{3,})\b")
_WHEN_BEFORE = re.compile(r"\b(?:before|after|until|ahead of|for)\s+$", re.IGNORECASE)


def _one_off_count(text: str, one_off: re.Match[str],
                   taken: list[tuple[int, int]]) -> Read | None:
    """'Translate these 10,000 product descriptions once': one run of 10,000 tasks, when the
    one-off's sentence counts exactly one thing and a verb is done to each of them."""
    lo, hi = sentence_bounds(text, one_off.start())
    counted = [n for n in count_numbers(text, lo, hi, taken) if counts_items(text, n, lo)]
    each = _FOR_EACH.search(text, lo, hi) if not counted else None
    if each is not None:
        # "Our Excel sheet has 12,000 rows; write a product description for each row once":
        # the things counted before the sentence, one task each (words17: unread)
        things = re.compile(rf"\s+(?:[a-z-]+\s+)?{each['noun']}s\b")
        counted = [n for n in count_numbers(text, 0, lo, taken) if things.match(text, n.end())]
        lo = min((n.start() for n in counted), default=lo)
    if len({parse_number(n.group(0)) for n in counted}) == 1:
        counted = counted[:1]  # the count said again ("50 problems (50 such problems once)")
    if len(counted) != 1 or _ONE_TASK_OVER.search(text):
        return None
    n = counted[0]
    qty = parse_number(n.group(0))
    verb = next((v for v in EACH_ITEM_VERB.finditer(text, lo, hi)
                 if not _WHEN_BEFORE.search(text, max(lo, v.start() - 10), v.start())), None)
    if not qty or qty < 2 or (verb is None and each is None):  # "for each row" says it too
        return None
    start, end = min(n.start(), one_off.start()), max(n.end(), one_off.end())
    hedge = HEDGE.search(text, max(0, start - 14), start)
    start = hedge.start() if hedge else start
    return Read("runs_per_month", qty, text[start:end].strip(), start, end,
                f"{ONE_OFF_WHY}{fmt(qty)} tasks once, priced as one month")


def read_one_off(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """A text with no cadence that says it runs once: one task, or its counted items once."""
    if not _MAY_SAY_ONCE.search(text):
        return None
    one_off = _ONE_OFF.search(text)
    said = one_off or _ONCE.search(text)
    total = next(iter(totals(text)), None) if said is not None else None
    if total is not None:
        # "Transcribe and summarise 35 hours of interviews once, each about 45 minutes": the
        # total over the size of each, once (words13: read no volume, or one task)
        start, end = min(said.start(), total.total.start()), max(said.end(), total.each.end())
        return Read("runs_per_month", total.items, text[start:end].strip(), start, end,
                    f"{ONE_OFF_WHY}{total.how()} tasks once, priced as one month")
    counted = count_numbers(text, 0, len(text), taken)
    if one_off is not None and not counted:
        # no cadence and nothing counted: the words say the task runs once ("One-off:
        # translate a 40-page contract")
        return Read("runs_per_month", 1.0, one_off.group(0).strip(), one_off.start(),
                    one_off.end(), f"{ONE_OFF_WHY}1 task, priced as one month")
    one_off = one_off or (_ONCE.search(text) if counted else None)
    if one_off is not None:
        # "12k SKUs, one-off": 12k tasks once, priced as that one month; a count that is
        # one task's input ("duplicates among 100k tickets") is left to the form
        return _one_off_count(text, one_off, taken)
    return None
