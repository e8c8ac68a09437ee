"""A quality floor the description's words state ("never below P 0.9", "at least 95%
accuracy"), for a note: the floor the answer uses is the form's quality setting (none 0,
draft 0.6, standard 0.75, production 0.9), never a figure read from the words, so a floor
said in the words and not used is said, not dropped without a word (decision QA, round 11:
"the answer must never be below P 0.9" was answered at the standard 0.75 in silence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.money_words import UNSAID_HEAD
from council.task import QUALITY_BARS

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


@dataclass(frozen=True)
class FloorRead:
    """A floor the words state: its probability and the words that said it."""

    p: float
    words: str


def read_floor(text: str) -> FloorRead | None:
    """The first quality floor the words state, or None. A figure after "at least", "above"
    ... counts only with a word of quality within 30 characters of it ("at least 95%
    accuracy", "must be right at least 99% of the time"; not "at least 50% of the tickets")."""
    text = (text or "")[:UNSAID_HEAD]  # the task as said, not a pasted contract's "at least 50%"
    found: list[tuple[int, re.Match[str]]] = []
    for m in _BOUND.finditer(text):
        near = text[max(0, m.start() - 30):m.end() + 30]
        if _QUALITY_NEAR.search(near) and not _SHARE_OF_ITEMS.match(text, m.end()):
            found.append((m.start(), m))
    found += [(m.start(), m) for m in _NAMED.finditer(text)]
    for _, m in sorted(found, key=lambda x: x[0]):
        num = m["num"]
        p = float(num.rstrip("% ")) / 100 if num.rstrip().endswith("%") else float(num)
        if 0.5 <= p <= 1.0:
            return FloorRead(p, m.group(0).strip().rstrip(",.;"))
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
    r"perfect\b|\bgood enough is fine\b", re.IGNORECASE)
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
    """The words that ask for a lower floor than a setting's, or None (first UNSAID_HEAD chars:
    where the task is said, as money_words reads it)."""
    head = (text or "")[:UNSAID_HEAD]
    for m in _LOW_BAR.finditer(head):
        if (_NEGATED.search(head, max(0, m.start() - 20), m.start())
                or _FINE_TO.match(head, m.end()) or _BUT_MORE.match(head, m.end())):
            continue
        return m.group(0)
    return None


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
    said = f"'{read.words}' reads as a floor of P {read.p:.2f}"
    if read.p > HIGHEST and floor >= HIGHEST:
        return (f"{said}; the highest quality setting, production's {HIGHEST}, is the floor "
                f"used: check the pick's P against your {read.p:.2f}")
    used = f"P {floor:.2f}" if floor else "none"
    named = [f"{name} {p:g}" for name, p in QUALITY_BARS.items() if p]
    settings = ", ".join(named[:-1]) + " and " + named[-1]
    return (f"{said}, but the floor used is the quality setting's ({used}): the floors are "
            f"{settings}; choose the one you mean in the form or with --quality")
