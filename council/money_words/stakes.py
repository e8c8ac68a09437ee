"""A failure that harms someone, said with no figure: the category default is used, said."""

from __future__ import annotations

import re

from council.money_words.failure_costs import FAILURE
from council.money_words.text import CLAUSES, SENTENCES, own_part, shown_words

# A failure that harms someone or brings a lawsuit, or costs something other than money or
# time ("a wrong answer here could kill someone", "costs us a lost customer"), said with no
# figure: the category's failure cost is used, and the answer says so.
_STAKES = re.compile(r"\b(?:could|can|might|may|would|will)\s+(?:\w+\s+){0,2}?(?:kill|harm|"
                     r"injure|hurt|endanger|(?:get|be) sued)\w*", re.IGNORECASE)


# "a wrong answer costs us a lost customer", "a bad reply costs us the client": a failure that
# costs something other than money or time; the category's failure cost is used, said so
_COSTS_NO_FIGURE = re.compile(r"\b(?:costs?|costing)\s+(?:us|me|them|the (?:company|"
                              r"business|team))\s+(?:an?|the|one|our|their)\s+\w",
                              re.IGNORECASE)


# "if the output is bad we'd have to re-run the whole batch": the failure's cost is work done
# again, said with no figure (decision QA 16: the category's default, nothing said)
_REDO = re.compile(r"\b(?:we|i|you|they|someone|somebody)(?:\s+(?:would|will|must|"
                   r"(?:have|has|need|needs)\s+to)|['’]d)\s+"
                   r"(?:(?:have|need)\s+to\s+)?re-?(?:run|do|process|translate|review|"
                   r"check|write|generate)\w*\b", re.IGNORECASE)


def read_stakes(text: str, unread: list[str]) -> None:
    for sentence in (s.strip() for s in SENTENCES.split(text)):
        for clause in (c.strip() for c in CLAUSES.split(sentence)):
            fail = FAILURE.search(clause)
            stakes = None if fail is None else (_STAKES.search(clause, fail.end())
                                                or _COSTS_NO_FIGURE.search(clause, fail.end())
                                                or _REDO.search(clause, fail.end()))
            if stakes is not None and fail is not None and stakes.start() - fail.end() <= 40 \
                    and "\n" not in clause[fail.start():stakes.end()]:
                said = shown_words(own_part(clause, fail.start(), stakes.end()))
                unread.append(f"'{said}' gives no dollar figure, so the category's failure "
                              "cost is used; give what one bad answer costs you instead")
                return
