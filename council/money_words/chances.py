"""A failure's cost said as a chance of a penalty: "a missed suspicious one has about a 1 in
1,000 chance of a $100,000 regulatory fine", "there's maybe a 2% chance of a €5,000 fine",
"a leak carries a 0.5% chance of a $20,000 fine" (decision QA 15: the category's default, in
silence). The expected cost a failure is the chance times the penalty, the sum shown."""

from __future__ import annotations

import re

from council.failure_cost import MAX_FAILURE_COST_USD, FailureRead
from council.format import money
from council.money_words.amounts import amounts_in, in_usd
from council.money_words.text import shown_words
from council.workload_words import parse_number

_CHANCE = re.compile(
    r"\b(?:(?P<pct>\d{1,2}(?:\.\d+)?)\s?(?:%|percent|per\s?cent)|(?P<one>1|one|a)\s+(?:in|out\s+of)"
    r"\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+))\s+(?:chance|risk|probability|likelihood|odds)\s+"
    r"(?:of|that)\b", re.IGNORECASE)
# a penalty the user pays: a fine, a penalty, damages, a settlement
_PENALTY = re.compile(r"\b(?:fines?|fined|penalt(?:y|ies)|sanctions?|damages|settlements?|"
                      r"lawsuits?|Bu(?:ß|ss)gel(?:d|der)|Strafen?|amendes?|multas?|"
                      r"sanci(?:ón|ones))\b", re.IGNORECASE)


def chance_of_penalty(clause: str, unread: list[str], point: bool,
                      language: str | None) -> FailureRead | None:
    """A failure's expected cost said as a chance of a penalty in ``clause``, or None."""
    for c in _CHANCE.finditer(clause):
        window = clause[c.end():c.end() + 60]
        for a in amounts_in(window):
            near = window[max(0, a.start() - 20):a.end() + 30]
            if not _PENALTY.search(near):
                continue
            amount = in_usd(a, unread, point, language)
            if amount is None or amount.usd <= 0:
                continue
            if c["pct"]:
                p, said = float(c["pct"]) / 100, f"{c['pct']}%"
            else:
                n = parse_number(c["n"].replace(",", "")) or 0.0
                if n < 1:
                    continue
                p, said = 1 / n, f"1 in {c['n']}"
            usd = p * amount.usd
            if usd > MAX_FAILURE_COST_USD:
                continue
            how = [amount.how] if amount.how else []
            how.append(f"a {said} chance of {money(amount.usd)}: {said} x "
                       f"{money(amount.usd)} = {money(usd)} expected a failure")
            end = c.end() + a.end()
            tail = re.match(r"[^.;,]{0,30}", clause[end:])
            words = clause[c.start():end + (tail.end() if tail else 0)].strip()
            return FailureRead(round(usd, 2), None, shown_words(words), "; ".join(how))
    return None
