"""A job over each item of a collection the text has, with no cadence anywhere: "Our sheet has
12,000 rows; classify each row" is 12,000 tasks once, priced as one month, as "... once" reads
(words17 left it unread: no "once"). Without a count ("Classify each row of this
spreadsheet") there is no volume to read: the reading says the job runs once over items it
does not count (an unread ``runs_per_month``), rather than leave the month to a default
unsaid. Tried last, after every cadence and the one-offs said as such."""

from __future__ import annotations

import re

from council.workload_words.counts import count_numbers
from council.workload_words.numbers import fmt, parse_number
from council.workload_words.one_off import EACH_ITEM_VERB, ONE_OFF_WHY
from council.workload_words.periods import period_matches
from council.workload_words.values import Read

_ITEM = (r"(?:row|record|entry|entries|line|contact|product|sku|listing|ticket|document|file|"
         r"page|image|photo|review|e-?mail|invoice|item|question|comment|transcript)")
# "each row", "every record of this spreadsheet"
_EACH = re.compile(rf"\b(?:each|every) (?P<noun>{_ITEM})s?\b")
# a fixed collection the items belong to: a sheet, a table, an export, an archive
_COLLECTION = re.compile(r"\b(?:spreadsheet|sheet|excel|csv|table|export|archive|backlog|"
                         r"database|catalog(?:ue)?|inventory|list|dump|folder|crm)\b")
_OF_THIS = re.compile(r"\s+(?:of|in|from) (?:this|the|our|my|that|attached) ")


def _each_done(text: str) -> re.Match[str] | None:
    """'classify each row': a verb done to each item, in a text with a collection and no
    cadence; else None."""
    if "each " not in text and "every " not in text:
        return None
    each = _EACH.search(text)
    if each is None or _COLLECTION.search(text) is None or EACH_ITEM_VERB.search(
            text, max(0, each.start() - 60), each.start()) is None:
        return None
    return None if period_matches(text) else each


def read_collection_once(text: str, taken: list[tuple[int, int]]) -> Read | None:
    """The items counted before 'each <item>', once; else None."""
    each = _each_done(text)
    if each is None:
        return None
    noun = each["noun"].removesuffix("ies")
    things = re.compile(rf"\s+(?:[a-z-]+\s+)?{noun}(?:s|es|ies)?\b")
    counted = [n for n in count_numbers(text, 0, each.start(), taken)
               if things.match(text, n.end())]
    if len({parse_number(n.group(0)) for n in counted}) != 1:
        return None
    n = counted[0]
    qty = parse_number(n.group(0))
    if not qty or qty < 2:
        return None
    return Read("runs_per_month", qty, text[n.start():each.end()], n.start(), each.end(),
                f"{ONE_OFF_WHY}{fmt(qty)} tasks once (no cadence said), priced as one month")


def uncounted_once(text: str) -> Read | None:
    """'Classify each row of this spreadsheet': a job once over items the words do not count,
    as an unread runs_per_month; else None."""
    each = _each_done(text)
    if each is None or _OF_THIS.match(text, each.end()) is None:
        return None
    end = _COLLECTION.search(text, each.end())
    end_at = end.end() if end is not None and end.start() - each.end() < 20 else each.end()
    return Read("unread", "runs_per_month", text[each.start():end_at], each.start(), end_at,
                f"{ONE_OFF_WHY}the job runs once over the {each['noun']}s, and the words do not "
                "say how many; give their number")
