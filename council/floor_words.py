"""A quality floor the description's words state ("never below P 0.9", "at least 95%
accuracy"), for a note: the floor the answer uses is the form's quality setting (none 0,
draft 0.6, standard 0.75, production 0.9), never a figure read from the words, so a floor
said in the words and not used is said, not dropped without a word (decision QA, round 11:
"the answer must never be below P 0.9" was answered at the standard 0.75 in silence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.benchmark_floor_words import ON_BENCHMARK
from council.task import QUALITY_BARS
from council.task_head import TASK_HEAD

# "never below P 0.9", "at least 95% accuracy", "accuracy of at least 90%", "P >= 0.9",
# "a success rate above 98%", "must be right 99% of the time"
_PROB = r"(?:P\s*(?:\(\w+\))?\s*)?(?P<num>0?\.\d+|1\.0|\d{1,3}(?:\.\d+)?\s?%)"
_QUALITY = r"(?:accura(?:cy|te)|success(?:\s+rate)?|correct|right|precision|recall|P\b|quality)"
# a bound word before the figure: needs a word of quality beside it ("at least 50% of the
# tickets" is no floor)
_BOUND = re.compile(rf"\b(?:never\s+(?:(?:be|go|fall|drop)\s+)?(?:below|under|less\s+than)|"
                    rf"at\s+least|no\s+(?:less|lower)\s+than|above|over)\s*{_PROB}"
                    r"(?=[\s,.;)]|$)", re.IGNORECASE)
# a word of quality before the figure ("accuracy of at least 90%", "P >= 0.9")
_NAMED = re.compile(rf"\b{_QUALITY}\s*(?:of\s+)?(?:at\s+least\s+|>=?\s*|≥\s*|above\s+)?"
                    rf"{_PROB}", re.IGNORECASE)
HIGHEST = max(QUALITY_BARS.values())  # production, the highest floor the setting offers
_QUALITY_NEAR = re.compile(rf"{_QUALITY}|\bthe answers?\b", re.IGNORECASE)
# "at least 95% of the mails are ham": a share of the items, whatever quality word is near
# (review11: "Aim for 0.95 precision on spam; at least 95% of the mails are ham" was a floor);
# not the answers' share ("at least 95% of the answers", "of the time")
_SHARE_OF_ITEMS = re.compile(r"\s+of\s+(?:(?:the|our|all|these|those|its|their)\s+)?+"
                             r"(?!(?:time|answers?|repl(?:y|ies)|responses?|cases|outputs?|"
                             r"predictions?|labels?|classifications?|results?)\b)[a-z]",
                             re.IGNORECASE)


# A floor said as the errors allowed (decision QA 13: "at most 1 in 50 may be wrong", "no more
# than 2% errors", "an error rate under 1%" gave no note): P is 1 - the error share
# (user QA 18: "we can't live with more than 2% of them wrong" gave no floor)
_AT_MOST = (r"(?:at\s+most|no\s+more\s+than|not\s+more\s+than|fewer\s+than|less\s+than|"
            r"(?:can['’]?t|cannot|can\s+not|won['’]t|don['’]t|do\s+not)\s+(?:live\s+with|"
            r"accept|tolerate|allow|afford)\s+more\s+than|"
            r"under|below|max(?:imum)?(?:\s+of)?|<=?|≤)")
_ERROR_WORD = (r"(?:wrong|errors?|erroneous|mistakes?|incorrect|misclassified|mislabell?ed|"
               r"misrouted|failures?|fails?)")
# (and "no more than 5 mistakes per 1,000 notes": decision QA 18's held-out h6, unread)
_ONE_IN = re.compile(rf"\b{_AT_MOST}\s+(?:1|one|a\s+single|(?P<k>[2-9]|[1-9]\d))\s+"
                     rf"(?:{_ERROR_WORD}\s+|\w+\s+)?"
                     r"(?:in|out\s+of|per|of\s+every|in\s+every)\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)"
                     r"(?:\s+[\w-]+){0,3}?", re.IGNORECASE)
_PCT_ERRORS = re.compile(rf"\b{_AT_MOST}\s*(?P<pct>\d{{1,2}}(?:\.\d+)?)\s?%\s+"
                         r"(?:of\s+(?:the\s+|our\s+)?[\w-]+\s+)?"
                         rf"(?:(?:may|can|are|is)\s+(?:be\s+)?)?{_ERROR_WORD}", re.IGNORECASE)
# "the error rate must stay under 2%", "has to be kept below 1%" (decision QA 18: no note)
_ERROR_RATE = re.compile(r"\berror\s+rate\s+(?:of\s+|is\s+|(?:must|should|has\s+to|needs\s+to|"
                         r"to)\s+(?:be\s+kept\s+|be\s+|stay\s+|remain\s+)|stays?\s+)*"
                         rf"(?:{_AT_MOST}\s*|of\s+at\s+most\s+)"
                         r"(?P<pct>\d{1,2}(?:\.\d+)?)\s?%", re.IGNORECASE)
# a figure before its word of quality: "with 95% accuracy", "98% accurate", "99% correct"
_FIGURE_FIRST = re.compile(r"\b(?P<pct>\d{2,3}(?:\.\d+)?)\s?%\s+(?:accura(?:cy|te)|correct|"
                           r"precision|success\s+rate)\b", re.IGNORECASE)


# a floor as right answers out of all: "must be right 99 times out of 100", "correct 9 times in
# 10" (decision QA 17: no note); P is the share right
# (asked with "be": "the right 3 in 4 tickets", "we got it right 2 times out of 3" are none)
_TIMES_OUT_OF = re.compile(rf"\bbe\s+{_QUALITY}\s+(?:at\s+least\s+)?(?P<k>\d{{1,4}})\s+"
                           r"(?:times\s+)?(?:out\s+of|in)\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)\b",
                           re.IGNORECASE)


# asked for, not a state ("with 95% accuracy", "needs 98% accuracy"; not "our old model was
# 60% accurate")
_ASKED = re.compile(r"\b(?:with|at|need(?:s|ed)?|must|should|require[sd]?|want|target|aim|"
                    r"expect|minimum|achieve|reach|deliver|guarantee|has\s+to|have\s+to)\b"
                    r"[^.;,]{0,12}$", re.IGNORECASE)


# an error rate someone has now, not the floor asked: "our current vendor has an error rate
# under 10%, which is too high" (review 13: read as a floor of 0.9)
_STATE_BEFORE = re.compile(r"\b(?:current(?:ly)?|old|existing|previous|present|today|now)\b"
                           r"[^.;]*$", re.IGNORECASE)
_TOO_HIGH_AFTER = re.compile(r"[^.;]{0,30}?\btoo\s+(?:high|many|much|often)\b", re.IGNORECASE)


def _error_floors(text: str) -> list[tuple[int, float, str]]:
    """(where, P, words) of each floor said as the errors allowed or a figure first."""
    out = [f for f in _error_floors_said(text)
           if not (_STATE_BEFORE.search(text, max(0, f[0] - 40), f[0])
                   or _TOO_HIGH_AFTER.match(text, f[0] + len(f[2])))]
    return out


def _error_floors_said(text: str) -> list[tuple[int, float, str]]:
    """(where, P, words) of each floor said as the errors allowed or a figure first."""
    out: list[tuple[int, float, str]] = []
    for m in _ONE_IN.finditer(text):
        n = int(m["n"].replace(",", ""))
        k = int(m["k"]) if m["k"] else 1
        near = text[m.start():m.end() + 30]
        if n >= 2 * k and re.search(rf"\b{_ERROR_WORD}", near, re.IGNORECASE):
            out.append((m.start(), 1 - k / n, _clip(text, m.start(), m.end())))
    for rx in (_PCT_ERRORS, _ERROR_RATE):
        for m in rx.finditer(text):
            out.append((m.start(), 1 - float(m["pct"]) / 100, m.group(0)))
    for m in _TIMES_OUT_OF.finditer(text):
        k, n = int(m["k"]), int(m["n"].replace(",", ""))
        if 0 < k <= n:
            out.append((m.start(), k / n, m.group(0)))
    for m in _FIGURE_FIRST.finditer(text):
        if _ASKED.search(text, max(0, m.start() - 30), m.start()):
            out.append((m.start(), float(m["pct"]) / 100, m.group(0)))
    return out


def _clip(text: str, start: int, end: int) -> str:
    """The words from ``start`` to the end of their clause's next few words (the error word)."""
    tail = re.match(r"[^.;,]{0,30}", text[end:])
    return (text[start:end] + (tail.group(0) if tail else "")).strip()


@dataclass(frozen=True)
class FloorRead:
    """A floor the words state: its probability and the words that said it."""

    p: float
    words: str


def read_floor(text: str) -> FloorRead | None:
    """The first quality floor the words state, or None. A figure after "at least", "above"
    ... counts only with a word of quality within 30 characters of it ("at least 95%
    accuracy", "must be right at least 99% of the time"; not "at least 50% of the tickets");
    the errors allowed are 1 - P ("at most 1 in 50 wrong", "no more than 2% errors")."""
    text = (text or "")[:TASK_HEAD]  # the task as said, not a pasted contract's "at least 50%"
    found: list[tuple[int, re.Match[str]]] = []
    for m in _BOUND.finditer(text):
        near = text[max(0, m.start() - 30):m.end() + 30]
        if _QUALITY_NEAR.search(near) and not _SHARE_OF_ITEMS.match(text, m.end()):
            found.append((m.start(), m))
    found += [(m.start(), m) for m in _NAMED.finditer(text)]
    reads: list[tuple[int, float, str]] = []
    for at, m in found:
        if ON_BENCHMARK.match(text, m.end()):  # "at least 90% on GSM8K": another task's score
            continue
        num = m["num"]
        p = float(num.rstrip("% ")) / 100 if num.rstrip().endswith("%") else float(num)
        reads.append((at, p, m.group(0)))
    reads += _error_floors(text)
    for _, p, words in sorted(reads, key=lambda x: x[0]):
        if 0.5 <= p <= 1.0:
            return FloorRead(round(p, 6), words.strip().rstrip(",.;"))
    return None


# Words that ask for less than a floor, with no figure: "best effort is fine", "we can live
# with the occasional mistake", "it doesn't have to be perfect" (decision QA 12: answered at
# the standard 0.75 with nothing said)
_LOW_BAR = re.compile(
    r"\bbest[- ]effort (?:is (?:fine|ok(?:ay)?|enough|good enough)|will do|basis)\b|"
    r"\b(?:can|could) live with (?:the |an |some |a few )?(?:occasional |odd )?"
    r"(?:mistakes?|errors?|misses|wrong answers?)\b|"
    r"\b(?:(?:the |an |some |a few )?(?:occasional |odd )?(?:mistakes?|errors?)|"
    r"rough(?: drafts?)?) (?:is|are) (?:fine|ok(?:ay)?|acceptable)\b|"
    r"\b(?:does ?n[o'’]t|do ?n[o'’]t|need ?n[o'’]t|need not|does not|do not) (?:have|need) to be "
    r"perfect\b|\bgood enough is fine\b|"
    # "good enough will do", "good enough is OK" (decision QA 17: nothing said)
    r"\bgood enough (?:will do|is (?:ok(?:ay)?|enough|acceptable)|works)\b", re.IGNORECASE)
DRAFT = QUALITY_BARS["draft"]


# Not a low bar: a negation before ("No mistakes are acceptable", "zero errors are fine"),
# "fine to" ("errors are fine to flag"), or a "but" that asks for more after it ("doesn't have
# to be perfect English, but the amounts must be right"); review 12: each read as a low bar.
_NEGATED = re.compile(r"\b(?:no|zero|not|never|none of the|nor|without)\s+(?:[\w-]+\s+)?$",
                      re.IGNORECASE)
_FINE_TO = re.compile(r"\s+to\b", re.IGNORECASE)
_BUT_MORE = re.compile(r"[^.;]*\bbut\b[^.;]*\b(?:must|never|not|no|zero|always|has to|have to|"
                       r"need to|needs to)\b", re.IGNORECASE)


def low_bar_words(text: str) -> str | None:
    """The words that ask for a lower floor than a setting's, or None (first TASK_HEAD chars:
    where the task is said)."""
    head = (text or "")[:TASK_HEAD]
    for m in _LOW_BAR.finditer(head):
        if (_NEGATED.search(head, max(0, m.start() - 20), m.start())
                or _FINE_TO.match(head, m.end()) or _BUT_MORE.match(head, m.end())):
            continue
        return m.group(0)
    return None


# Words that ask for the most likely model whatever it costs: "money is no object", "cost is
# not an issue", "regardless of cost", "we want the most reliable model" (decision QA 16: the
# least expected cost at P 0.755, nothing said)
_HIGH_BAR = re.compile(
    r"\b(?:money|cost|price|the cost|the price)\s+is\s+(?:no|not\s+an?)\s+(?:object|issue|"
    r"concern|problem|factor)\b|\bcost\s+(?:does ?n[o'’]t|does not)\s+matter\b|"
    r"\bwhatever it costs\b|\bregardless of (?:the )?(?:cost|price)\b|"
    r"\b(?:want|need|use|give us|get)\s+the (?:most reliable|most accurate|best possible|"
    r"very best|most capable) model\b", re.IGNORECASE)


def high_bar_words(text: str) -> str | None:
    """The words that ask for the most likely model whatever it costs, or None (where the
    task is said; not negated: "we can't say money is no object")."""
    head = (text or "")[:TASK_HEAD]
    for m in _HIGH_BAR.finditer(head):
        if not _NEGATED.search(head, max(0, m.start() - 20), m.start()) \
                and not _TOPIC_BEFORE.search(head, 0, m.start()):
            return m.group(0)
    return None


# a topic, not the user's own ask: "Explain why money is no object for billionaires", "a story
# where cost does not matter", "We cannot say money is no object"
_TOPIC_BEFORE = re.compile(r"(?:\b(?:why|how|where|story|essay|poem|article|post|cannot|"
                           r"can['’]t)\b)[^.;!?]*$", re.IGNORECASE)


def high_bar_note(words: str, *, pick_model: str, pick_p: float, likeliest_model: str,
                  likeliest_p: float, likeliest_month: float, floor: float) -> str:
    """The note beside a pick that is not the most likely model, when the words ask for it:
    the likeliest model, its P and cost a month, and how to have it picked."""
    return (f"'{words}' asks for the most likely model, but the pick is the least expected "
            f"cost over the floor used (P {floor:.2f}): {pick_model} at P {pick_p:.3f}. The "
            f"most likely here is {likeliest_model} at P {likeliest_p:.3f} "
            f"(${likeliest_month:,.2f} a month); to have it picked, give a higher failure cost "
            "in the form, or a higher floor")


def shown_p(p: float) -> str:
    """A floor's P to two places, or three where two would change it ("1 in 200 wrong" is
    P 0.995; decision QA 18: shown as P 0.99)."""
    return f"{p:.2f}" if abs(p - round(p, 2)) < 1e-9 else f"{p:.3f}"


def floor_note(text: str, floor: float) -> str | None:
    """The note when the words state a floor other than the one used, else None."""
    read = read_floor(text)
    low = low_bar_words(text) if read is None else None
    if low is not None and floor > DRAFT:
        return (f"'{low}' asks for less than the floor used (P {floor:.2f}): the draft setting "
                f"(P {DRAFT}) or none (the least expected cost alone) may buy a cheaper model; "
                "choose it in the form or with --quality")
    if read is None or abs(read.p - floor) < 1e-9:
        return None
    said = f"'{read.words}' reads as a floor of P {shown_p(read.p)}"
    if read.p > HIGHEST and floor >= HIGHEST:
        return (f"{said}; the highest quality setting, production's {HIGHEST}, is the floor "
                f"used: check the pick's P against your {shown_p(read.p)}")
    used = f"P {floor:.2f}" if floor else "none"
    named = [f"{name} {p:g}" for name, p in QUALITY_BARS.items() if p]
    settings = ", ".join(named[:-1]) + " and " + named[-1]
    return (f"{said}, but the floor used is the quality setting's ({used}): the floors are "
            f"{settings}; choose the one you mean in the form or with --quality")


def budget_floor_note(read: FloorRead, budget: float, rate: float, likeliest_model: str,
                      likeliest_p: float, likeliest_month: float) -> str | None:
    """The note when a floor the words state and the budget cannot both be met: what the
    budget buys (its expected share of adequate answers), and the likeliest model's P and
    month (decision QA 18: "must be right 99% ... our budget is $100 a month" split the budget
    at 69% with no word that the 99% was out of reach); None when the budget buys the floor."""
    if rate >= read.p:
        return None
    reach = (f"the likeliest model, {likeliest_model}, reaches P {likeliest_p:.3f} at "
             f"${likeliest_month:,.2f} a month" if likeliest_p >= read.p else
             f"no model reaches it on this task: the likeliest, {likeliest_model}, is at P "
             f"{likeliest_p:.3f} (${likeliest_month:,.2f} a month)")
    return (f"'{read.words}' (P {shown_p(read.p)}) cannot be met within your ${budget:,.2f} a "
            f"month: the budget buys an expected {rate:.0%} adequate answers; {reach}. Raise "
            "the budget, lower the volume, or check the answers")
