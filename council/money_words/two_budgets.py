"""A second budget in the words, after the one read: said set aside, never dropped in silence.

"Two jobs: tag 5,000 support emails a month with a budget of $50 a month, and summarise 200
sales calls a month with a budget of $100 a month" (decision QA 16): the $50 priced the
answer and the $100 went unsaid. One answer prices one task, so the first budget stays; the
second is named, with how to get its own answer."""

from __future__ import annotations

from council.format import money
from council.money_words.budgets import _budget
from council.money_words.text import clauses
from council.money_words.values import BudgetRead


def second_budget_note(text: str, first: BudgetRead, *, point: bool,
                       language: str | None) -> str | None:
    """The note for a budget said after ``first`` with another figure, or None when the words
    give one (``point``, ``language``: how the text writes numbers, as ``read_money`` read it)."""
    words = first.words.removesuffix("...")
    at = text.find(words)
    if at < 0:
        return None
    for clause in clauses(text[at + len(words):].lstrip(" ,")):
        other = _budget(clause, [], head=False, point=point, language=language, sentence=clause)
        if other is not None and abs(other.usd_per_month - first.usd_per_month) >= 0.01:
            return (f"'{other.words}' ({money(other.usd_per_month)} a month) was not used: "
                    "the words give a second budget, and this answer prices the task of "
                    f"'{first.words}' ({money(first.usd_per_month)} a month); describe each "
                    "task on its own for its own answer")
    return None
