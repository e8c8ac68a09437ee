"""A second budget in the words, after the one read: said set aside, never dropped in silence.

"Two jobs: tag 5,000 support emails a month with a budget of $50 a month, and summarise 200
sales calls a month with a budget of $100 a month" (decision QA 16): the $50 priced the
answer and the $100 went unsaid. One answer prices one task, so the first budget stays; the
second is named, with how to get its own answer."""

from __future__ import annotations

import re

from council.format import money
from council.money_words.amounts import amounts_in, in_usd
from council.money_words.budgets import read_budget
from council.money_words.periods import months_of
from council.money_words.text import clauses
from council.money_words.values import BudgetRead

# the same budget said again in another period: "$200 a month, that's $5,000 a year" (decision
# QA 17: the two disagree, and the $5,000 went unsaid)
_RESTATED = re.compile(r"\s*[,(]?\s*(?:that['’]s|that\s+is|i\.\s?e\.,?|which\s+is|so|or|about)"
                       r"\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
AGREE = 0.02  # two figures of one budget within 2% agree ("$200 a month, or $2,400 a year")


def second_budget_note(text: str, first: BudgetRead, *, point: bool,
                       language: str | None) -> str | None:
    """The note for a budget said after ``first`` with another figure, or None when the words
    give one (``point``, ``language``: how the text writes numbers, as ``read_money`` read it)."""
    words = first.words.removesuffix("...")
    at = text.find(words)
    if at < 0:
        return None
    for clause in clauses(text[at + len(words):].lstrip(" ,")):
        other = read_budget(clause, [], head=False, point=point, language=language,
                        sentence=clause) or _up_to(clause, point, language)
        if other is not None and abs(other.usd_per_month - first.usd_per_month) >= 0.01:
            return (f"'{other.words}' ({money(other.usd_per_month)} a month) was not used: "
                    "the words give a second budget, and this answer prices the task of "
                    f"'{first.words}' ({money(first.usd_per_month)} a month); describe each "
                    "task on its own for its own answer")
    return None


# the second task's limit said in parallel with the first's budget, with no budget word of
# its own: "we can spend $50/month; for contract review ... up to $300/month" (decision QA 18:
# unread, and nothing said of it)
_UP_TO = re.compile(r"\bup\s+to\s*$", re.IGNORECASE)
_FOR_TASK = re.compile(r"^\W*(?:and\s+)?for\s+\w", re.IGNORECASE)  # "for contract review"


def _up_to(clause: str, point: bool, language: str | None) -> BudgetRead | None:
    """A limit a month said "for <a task> ... up to $X a month" in a clause after a budget
    ("refunds go up to $300 a month" is none), or None."""
    if _FOR_TASK.match(clause) is None:
        return None
    for m in amounts_in(clause):
        months = months_of(clause, m)
        if _UP_TO.search(clause, 0, m.start()) is None or months is None:
            continue
        amount = in_usd(m, [], point, language)
        if amount is not None and amount.usd > 0:
            return BudgetRead(amount.usd / months, clause[:m.end()].strip(), amount.how, True)
    return None


def restated_note(text: str, first: BudgetRead, *, point: bool,
                  language: str | None) -> str | None:
    """The note for the budget said again right after ``first`` in another period that does
    not agree with it ("$200 a month, that's $5,000 a year"); None when it agrees or is not
    said."""
    words = first.words.removesuffix("...")
    at = text.find(words)
    if at < 0:
        return None
    rest = text[at + len(words):]
    for m in amounts_in(rest[:80]):
        if _RESTATED.fullmatch(rest, 0, m.start()) is None:
            return None
        months = months_of(rest[:m.end() + 30], m)
        amount = in_usd(m, [], point, language)
        if months is None or amount is None:
            return None
        usd = amount.usd / months
        if abs(usd - first.usd_per_month) <= AGREE * first.usd_per_month:
            return None
        tail = re.match(r"[^,;()]{0,20}", rest[m.end():])
        said = (m.group(0) + (tail.group(0) if tail else "")).strip()
        return (f"'{said}' ({money(usd)} a month) disagrees with '{words}' "
                f"({money(first.usd_per_month)} a month), which is used; give the budget you "
                "mean in the form")
    return None
