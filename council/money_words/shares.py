"""A budget said as a share of another bill or of revenue: "no more than 10% of our Zendesk
bill, which is $1,500 a month", "under 2% of revenue, and this product line makes $20,000 a
month", "at most 5% of what we pay our call-centre vendor ($8,000 a month)" (decision QA 15:
each unread, in silence). The share times the figure a month the words give for what it is a
share of, the sum shown; with no such figure ("no more than 10% of our Gong bill") it is said
unread, never guessed. A limit word before the share makes it a ceiling."""

from __future__ import annotations

import re

from council.format import money
from council.money_words.amounts import amounts_in, in_usd
from council.money_words.limits import LIMIT_WORDS, NEGATION
from council.money_words.periods import PERIOD_NAME, period_after
from council.money_words.text import shown_words
from council.money_words.values import BudgetRead

# what the share is of: a bill, what is paid to someone, revenue, sales
_OF = (r"(?:(?:our|the|my|its|this|that|their|total|monthly|annual|what\s+we\s+(?:pay|spend)|"
       r"what\s+(?:it|this)\s+(?:makes|earns|brings\s+in))\b[^.;,()$€£¥\d%]{0,40}?)?"
       r"\b(?:bill|bills|invoice|spend|spending|costs?|revenue|revenues|sales|turnover|income|"
       r"fees?|vendor|contract|subscription|licen[cs]e|payroll|budget|pay(?:ing)?|"
       r"makes?|earns?)\b")
_SHARE = re.compile(rf"\b(?P<pct>\d{{1,2}}(?:\.\d+)?)\s?(?:%|percent|per\s?cent)\s+of\s+"
                    rf"(?P<of>{_OF})", re.IGNORECASE)
# asked as what may be spent: a spend word or a limit before the share, in its clause
_SPEND_BEFORE = re.compile(
    rf"\b(?:spend(?:ing)?|budget|cost|costs|keep\s+(?:it|this|the\s+\w+)\s+(?:to|under|below)|"
    rf"stay\s+(?:under|below|within)|under|below|within|{LIMIT_WORDS}|cap|limit|"
    rf"{NEGATION}\s+(?:cost|exceed|go\s+over))\b[^.;]{{0,30}}$", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(rf"\b(?:under|below|within|{LIMIT_WORDS}|cap|limit|"
                           rf"{NEGATION}|keep\s+(?:it|this)\s+to)\b[^.;]{{0,20}}$",
                           re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def share_budget(text: str, unread: list[str], point: bool,
                 language: str | None) -> BudgetRead | None:
    """A monthly budget said as a share of a figure a month, or None (a note when the words
    give the share but no figure)."""
    for m in _SHARE.finditer(text):
        clause = max(text.rfind(c, 0, m.start()) for c in ".;!?\n") + 1
        if not _SPEND_BEFORE.search(text, clause, m.start()):
            continue
        # the figure: after the share, to the end of the next sentence
        end = _SENTENCE_END.search(text, m.end())
        nxt = _SENTENCE_END.search(text, end.end()) if end is not None else None
        stop = nxt.end() if nxt is not None else len(text)
        said = text[m.start():m.end()].strip()
        for a in amounts_in(text[m.end():stop]):
            at = m.end() + a.end()
            months = period_after(text[at:])
            if months is None:
                continue
            amount = in_usd(a, unread, point, language)
            if amount is None or amount.usd <= 0:
                continue
            pct = float(m["pct"])
            usd = pct / 100 * amount.usd / months
            how = [amount.how] if amount.how else []
            how.append(f"{m['pct']}% x {money(amount.usd)}"
                       + (f" {PERIOD_NAME[months]}" if months != 1.0 else " a month")
                       + f" = {money(usd)} a month")
            words = text[clause:m.end() + a.end()].strip()
            return BudgetRead(round(usd, 2), shown_words(words), "; ".join(how),
                              ceiling=_LIMIT_BEFORE.search(text, clause, m.start()) is not None)
        unread.append(f"'{said}' was not read as a budget: the words give a share but no "
                      "figure for what it is a share of; give that figure a month, or your "
                      "monthly budget in the form")
        return None
    return None
