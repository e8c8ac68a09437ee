"""What the description's words say about checking an answer: a check that costs nothing
("each query is run against a test database, so a wrong one is caught automatically at
almost no cost", "the tests run in CI, so a broken one is detected for free") or none at all
("nobody can tell a wrong answer until the patient comes back").

A cascade (cheap model first, escalate what the check catches) pays the check on every task,
and needs one: decision QA 13 found both priced with the category's check ($0.08 and $0.22 a
task) as if the words had said nothing. Read in the first TASK_HEAD characters
(``council.task_head``), where the task is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.task_head import TASK_HEAD

_CAUGHT = r"(?:caught|detected|checked|spotted|flagged|verified|validated|rejected)"
_FREE = re.compile(
    rf"\b{_CAUGHT}\s+(?:automatically\s+)?(?:for\s+free|at\s+(?:almost\s+|nearly\s+|next\s+to\s+|"
    r"virtually\s+)?no\s+cost|for\s+(?:almost\s+|nearly\s+)?nothing|free\s+of\s+charge|"
    r"automatically)\b(?!\s+by\s+(?:our\s+|the\s+)?(?:customers?|users?|clients?|patients?|"
    r"people|readers?))", re.IGNORECASE)
_NONE = re.compile(
    r"\b(?:nobody|no\s+one|no-one)\s+(?:can|could|will|would)\s+(?:\w+\s+){0,2}?"
    r"(?:tell|know|notice|detect|spot|check|verify|see)\b|"
    r"\b(?:we|you|i)\s+(?:can(?:not|['’]t)|could(?:n['’]t|\s+not)|have\s+no\s+way\s+to)\s+"
    r"(?:\w+\s+){0,1}?(?:tell|know|notice|detect|spot|verify)\b|"
    r"\bno\s+way\s+to\s+(?:tell|know|check|verify|detect|spot)\b|"
    r"\b(?:can(?:not|['’]t)|could(?:n['’]t|\s+not))\s+be\s+(?:checked|verified|detected|caught|"
    r"spotted)\b|"
    r"\buntil\s+(?:the|a|our)\s+(?:patients?|customers?|clients?|users?|buyers?)\s+"
    r"(?:comes?\s+back|complains?|calls?\s+back|returns?)\b", re.IGNORECASE)


# The words of an answer and its worth: one list for what cannot be told ("nobody can tell a
# wrong answer") and what a free check catches ("so a wrong one is caught automatically").
_ANSWER_WORDS = (r"(?:wrong|right|correct|incorrect|bad|mistakes?|errors?|accurate|answers?|"
                 r"outputs?|repl(?:y|ies)|results?|labels?|summar(?:y|ies)|translations?|"
                 r"predictions?)")
# what cannot be told is an answer's worth ("nobody can tell a wrong answer", "we can't know
# whether the label is right"; not "you cannot know the future", "I cannot verify my identity")
# (within the clause: "we can't tell which model is best for this, the answers vary" is about
# choosing a model, review 13)
_OF_AN_ANSWER = re.compile(r"(?!\s+(?:which|what)\s+(?:model|one|tool|vendor|llm)\b)"
                           rf"[^.;,]{{0,40}}?\b{_ANSWER_WORDS}\b", re.IGNORECASE)


# a free check is of an answer: a word of one (or of a broken one: "broken", "invalid", a
# "query", "code") before it in its sentence; not "spam gets rejected automatically by the mail
# server" (review 13: read as a free check)
_WRONG_BEFORE = re.compile(rf"\b(?:{_ANSWER_WORDS}|broken|fail\w*|invalid|bugs?|typos?|"
                           r"quer(?:y|ies)|code|hallucinat\w*)\b[^.;!?]*$", re.IGNORECASE)


@dataclass(frozen=True)
class CheckRead:
    """A check the words describe: free (costs about nothing) or none possible."""

    free: bool
    words: str


def read_check(text: str) -> CheckRead | None:
    """The first check the task's words describe, or None."""
    head = (text or "")[:TASK_HEAD]
    found = [(m.start(), True, m) for m in _FREE.finditer(head)
             if _WRONG_BEFORE.search(head, max(0, m.start() - 80), m.start())]
    found += [(m.start(), False, m) for m in _NONE.finditer(head)
              if _OF_AN_ANSWER.match(head, m.end()) or m.group(0).lower().startswith(
                  ("no way", "until")) or " be " in m.group(0).lower()]
    if not found:
        return None
    _, free, m = min(found, key=lambda f: f[0])
    return CheckRead(free, m.group(0).strip())
