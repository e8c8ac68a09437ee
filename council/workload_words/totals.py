"""A total a period over the size of each item: "roughly 2 hours of audio per day ... calls of
~6 minutes" is 20 calls a day; "90 godzin nagrań co miesiąc, średnio 8 minut na rozmowę" 675
calls a month; "1.2M tokens/day across all prompts, which average 600 tokens each" 2,000
prompts a day; "1.5 million words a month, in documents of about 3,000 words each" 500 a month
(words19). The total is no call's input: each item is (its size is read as the input)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.workload_words.numbers import BYTE_SCALE, NUMBER, fmt, parse_number
from council.workload_words.periods import (
    PER_MONTH,
    per_month_of,
    period_matches,
    period_unit,
    with_article,
)
from council.workload_words.text import EACH_ONE_ABROAD, alternation, sentence_bounds
from council.workload_words.values import Read

# Each unit in minutes (time) or tokens.
_MINUTES = {"hour": 60.0, "hours": 60.0, "hr": 60.0, "hrs": 60.0, "godzin": 60.0,
            "godziny": 60.0, "godzina": 60.0, "stunden": 60.0, "heures": 60.0, "horas": 60.0,
            "minute": 1.0, "minutes": 1.0, "min": 1.0, "mins": 1.0, "minut": 1.0, "minuty": 1.0,
            "minuten": 1.0, "minutos": 1.0, "minuti": 1.0}
_UNITS = r"(?:hours?|hrs?|godzin[ay]?|stunden|heures|horas|minutes?|mins?|minut[y]?|minuten|" \
         r"minutos|minuti|tokens?|rows?|lines?|words|[kmgt]b)"
# Rows or lines, and bytes, split into chunks (QA round 12: "2.5 million rows ... in chunks of
# 500 rows per call", "3 GB of logs a day, split into 1 MB chunks").
_TOTAL = re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>{_UNITS})\b")
# The size of each item after the total: "cut into calls of ~6 minutes", "average call 5
# minutes", "which average 600 tokens each", "średnio 8 minut na rozmowę".
# QA round 12: "each call about 30 minutes", "episodes of about 1 hour", "interviews of ~45 min".
_ITEM = (r"calls?|recordings?|conversations?|chats?|clips?|prompts?|requests?|episodes?|"
         r"interviews?|meetings?|sessions?|videos?|documents?|chunks?|batches|pieces|parts|"
         r"jobs?|files?|articles?|texts?")
_EACH = re.compile(
    rf"(?:\b(?:{_ITEM}) of|"
    rf"\baverag\w*(?: (?:call|length|duration|size|prompt|request))?(?: of| is)?|\bśrednio|"
    rf"\beach(?: (?:{_ITEM}|one))?(?: (?:is|lasts|runs|takes))?|"
    # words19: "1.5 million words a month; a typical job is 2,500 words"
    rf"\btypical (?:{_ITEM})(?: (?:is|runs))?|"
    # German "je etwa 45 Minuten" (words14: "30 Stunden Interviews, je etwa 45 Minuten" unread)
    rf"\bje)\s*"
    rf"(?:~|about |around |roughly |some |etwa |ungefähr |ca\. )?(?P<n>{NUMBER})\s*"
    rf"(?P<unit>{_UNITS})\b")
# The size of each said before its noun: "split into 1 MB chunks", "500 rows per call".
_EACH_BEFORE = re.compile(
    rf"\binto (?:~|about |around |roughly )?(?P<n>{NUMBER})\s*(?P<unit>{_UNITS})[- ]?"
    rf"(?:chunks|batches|pieces|parts)\b|"
    rf"(?<![\w.,])(?P<n2>{NUMBER})\s*(?P<unit2>{_UNITS}) (?:per|a|each) (?:call|request|batch|"
    rf"chunk|prompt)\b")
# Or before "each" (words13: "d'environ 40 minutes chacun", "30 minutes each"), only after a
# total of something ("35 hours of interviews", "20 heures d'entretiens") and not a person's
# time ("take 5 minutes each to file notes", "spend 30 minutes each on lunch": review 13, read
# as 520 calls and 16 a day).
_EACH_WORD = re.compile(
    rf"(?<![\w.,])(?P<n2>{NUMBER})\s*(?P<unit2>{_UNITS}) (?:each|apiece|"
    rf"{alternation(EACH_ONE_ABROAD)})\b(?!\s+(?:to|on|for|in|at|doing)\b)")
_CONTENT_AFTER = re.compile(r"\s+(?:of|de|d['’]|di|van|av|z)(?:\b|(?<=['’]))")
# A digit before a unit of time or tokens: a cheap scan before the number-led pattern (which
# would otherwise be tried at every character of a long paste).
# "2M tokens a month": a scale between the digit and the unit (QA round 12: the gate missed it).
_GATE = re.compile(rf"\d(?:\s*(?:[kmb]|bn|mm|thousand|million|billion)\b)?\s*{_UNITS}\b")


_NEXT_EACH = re.compile(r"\s*(?:a\s+)?(?=each\b|typical\b)")


@dataclass(frozen=True)
class Total:
    """A total amount and the size of each item it holds, in the same dimension."""

    total: re.Match[str]
    each: re.Match[str]
    items: float  # how many items the total holds

    def how(self) -> str:
        return f"{self.total.group(0)} over '{self.each.group(0)}' = {fmt(self.items)}"


def _amount(m: re.Match[str]) -> tuple[str, float] | None:
    """('time', minutes) or ('tokens', tokens) of a number with its unit."""
    said = m.groupdict()
    n = parse_number(said.get("n") or said["n2"])
    if not n:
        return None
    unit = said.get("unit") or said["unit2"]
    if unit.startswith("token"):
        return "tokens", n
    if unit.startswith(("row", "line")):
        return "rows", n
    if unit == "words":  # words19: "1.5 million words a month, in documents of 3,000 words"
        return "words", n
    if unit in ("kb", "mb", "gb", "tb"):
        return "bytes", n * BYTE_SCALE[unit[0]]
    return "time", n * _MINUTES[unit]


def total_at(text: str, start: int) -> Total | None:
    """The total starting at ``start`` when its sentence, after it, gives the size of each
    item in the same dimension (smaller than the total); else None."""
    t = _TOTAL.match(text, start)
    if t is None:
        return None
    _, hi = sentence_bounds(text, start)
    each = _EACH.search(text, t.end(), hi)
    if each is None and hi < len(text) and text[hi] in ";.":
        # "60 hours of customer calls to summarise, one time only; each call is about 20
        # minutes": the size of each opening the next clause (words14: unread)
        after = _NEXT_EACH.match(text, hi + 1)
        each = _EACH.match(text, after.end()) if after is not None else None
    for before in (_EACH_BEFORE.search(text, t.end(), hi),
                   _EACH_WORD.search(text, t.end(), hi) if _CONTENT_AFTER.match(text, t.end())
                   else None):
        if before is not None and (each is None or before.start() < each.start()):
            each = before
    a, b = _amount(t), (_amount(each) if each is not None else None)
    if a is None or b is None or a[0] != b[0] or not 0 < b[1] < a[1]:
        return None
    return Total(t, each, a[1] / b[1])  # type: ignore[arg-type]


def each_starts(text: str) -> set[int]:
    """Where each total's size of one item starts (that size is one call's input)."""
    return {t.each.start("n" if t.each.groupdict().get("n") else "n2") for t in totals(text)}


def totals(text: str) -> list[Total]:
    """Every total over each of the text, in order."""
    if _GATE.search(text) is None:
        return []
    out = []
    for m in _TOTAL.finditer(text):
        if (found := total_at(text, m.start())) is not None:
            out.append(found)
    return out


def read_total(text: str) -> Read | None:
    """Runs a month of the first total over each whose sentence names a period ("2 hours of
    audio per day ... calls of ~6 minutes": 20 a day x 30); else None."""
    found = totals(text)
    if not found:
        return None
    periods = period_matches(text)
    for t in found:
        lo, hi = sentence_bounds(text, t.total.start())
        spans = ((t.total.start(), t.total.end()), (t.each.start(), t.each.end()))
        near = [p for p in periods if lo <= p.start() < hi and period_unit(p) in PER_MONTH
                and not any(a <= p.start() < b for a, b in spans)]
        if not near:
            continue
        p = min(near, key=lambda p: abs(p.start() - t.total.start()))
        unit = period_unit(p)
        per_month = per_month_of(unit, text[lo:hi])
        runs = t.items * per_month
        start, end = min(p.start(), t.total.start()), max(p.end(), t.each.end())
        return Read("runs_per_month", runs, text[start:end], start, end,
                    f"{t.how()} {with_article(unit)} x {fmt(per_month)} {unit}s a month = "
                    f"{fmt(runs)}" if per_month != 1 else f"{t.how()} a month")
    return None


# "about half a million tokens a month in all" with no size of one task: no count of tasks
# (decision QA 18 case 26; words19: nothing said)
_TOKENS_A_PERIOD = re.compile(rf"(?<![\w.,])(?:{NUMBER})\s*tokens?\s+(?:a|an|per|each|every|/)\s*"
                              rf"(?:day|week|month|quarter|year)\b")


def unsized_total(text: str) -> Read | None:
    """An unread runs_per_month for tokens a period with no size of one task, else None."""
    if "token" not in text:
        return None
    m = _TOKENS_A_PERIOD.search(text)
    if m is None:
        return None
    return Read("unread", "runs_per_month", m.group(0), m.start(), m.end(),
                "a period's tokens in all, with no size of one task, give no number of "
                "tasks; give how many tasks, or one task's tokens")
