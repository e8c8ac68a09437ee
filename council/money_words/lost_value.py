"""A failure's cost said as what it loses: lost revenue, or a customer and their worth."""

from __future__ import annotations

import re

from council.failure_cost import MAX_FAILURE_COST_USD, FailureRead
from council.format import money
from council.money_words.amounts import amounts_in, in_usd
from council.money_words.failure_costs import FAILURE, PAST_INCIDENT
from council.money_words.periods import period_after
from council.money_words.text import SENTENCES, UNSAID_HEAD, shown_words
from council.workload_words import parse_number

# A failure said as what it loses (decision QA 14: each the category's default, unsaid):
# - a figure of lost revenue or sales after a failure word: "each misclassified hot lead is
#   roughly $250 in lost revenue";
# - a lost customer and their worth: "a bad reply loses us the customer, who is worth about
#   $600 a year" (a year of their worth, said so: their lifetime is the user's to give), and
#   a share of them lost: "about 1 in 20 customers who get a wrong answer churn, and a customer
#   is worth $1,200" (1/20 x $1,200 = $60).
_LOST_AFTER = re.compile(r"\s+(?:in|of)\s+(?:lost|missed|forgone)\s+(?:revenue|sales|business|"
                         r"income|orders?|bookings?|deals?|profit)\b", re.IGNORECASE)
_LOSS = re.compile(r"\b(?:los(?:e|es|ing)|lost|churns?|churned|churning|cancels?|"
                   r"cancell?(?:ed|ing)|leaves?|leaving|walks?\s+away)\b", re.IGNORECASE)
_CUSTOMER = re.compile(r"\b(?:customers?|clients?|accounts?|subscribers?|buyers?|members?)\b",
                       re.IGNORECASE)
# "worth $600 a year", and what a customer pays: "a customer pays us $30 a month" (decision QA
# 18: the category's $1.95)
_WORTH = re.compile(r"\b(?:worth|value[sd]?\s+(?:at|of)|lifetime\s+value\s+(?:is|of)|"
                    r"pays?\s+(?:us\s+)?|spends?\s+(?:with\s+us\s+)?)\s*"
                    r"(?:about\s+|around\s+|roughly\s+|on average\s+|~\s*)?$", re.IGNORECASE)
# how long a customer stays: "stays about 2 years", "stay with us for 18 months" (their
# lifetime, so a year of their worth is not assumed)
_TENURE = re.compile(r"\bstays?\s+(?:with\s+us\s+)?(?:for\s+)?(?:about\s+|around\s+|roughly\s+|"
                     r"on\s+average\s+)?(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six)\s+"
                     r"(?P<unit>years?|months?)\b", re.IGNORECASE)
_SHARE_LOST = re.compile(r"\b(?:(?P<one>\d+|one|a)\s+(?:in|out\s+of)\s+(?P<n>\d+)|"
                         r"(?P<pct>\d{1,2}(?:\.\d+)?)\s?%)(?=\s+(?:of\s+)?(?:(?:the|our|those|"
                         r"these)\s+)?(?:customers?|clients?|subscribers?|buyers?|users?|people|"
                         r"them)\b)", re.IGNORECASE)


def read_lost_value(text: str, unread: list[str], point: bool,
                language: str | None) -> FailureRead | None:
    """A failure's cost said as revenue it loses or a customer it loses (see above)."""
    for sentence in (s.strip() for s in SENTENCES.split(text[:UNSAID_HEAD])):
        fail = FAILURE.search(sentence)
        if fail is None or PAST_INCIDENT.search(sentence):  # "Last year a bug cost us ..."
            continue
        rest = sentence[fail.end():]
        for m in amounts_in(rest):
            if m.start() > 60 or re.search(r"\b(?:where|when|that|which|if)\b", rest[:m.start()]):
                break  # "the bug where we lose $20 in lost sales": the task's, not a failure's
            if _LOST_AFTER.match(rest, m.end()) and period_after(rest[m.end():]) is None:
                amount = in_usd(m, unread, point, language)
                if amount is not None and 0 < amount.usd <= MAX_FAILURE_COST_USD:
                    end = fail.end() + _LOST_AFTER.match(rest, m.end()).end()
                    return FailureRead(round(amount.usd, 2) if amount.how else amount.usd,
                                       None, shown_words(sentence[fail.start():end]), amount.how)
        loss = _LOSS.search(sentence, fail.end(), fail.end() + 80)  # the failure loses them
        if loss is None or _CUSTOMER.search(sentence) is None:
            continue
        start = max(sentence.rfind("; ", 0, fail.start()) + 2, sentence.rfind(", ", 0,
                                                                              fail.start()) + 2)
        for m in amounts_in(sentence):
            if _WORTH.search(sentence[max(0, m.start() - 30):m.start()]) is None:
                continue
            amount = in_usd(m, unread, point, language)
            if amount is None or amount.usd <= 0:
                continue
            months = period_after(sentence[m.end():])
            value = amount.usd * 12 / months if months else amount.usd
            how = [amount.how] if amount.how else []
            tenure = _TENURE.search(sentence) if months else None
            if tenure is not None:
                n = parse_number(tenure["n"]) or 0.0
                stay = n * (12 if tenure["unit"].lower().startswith("year") else 1)
                value = amount.usd / months * stay
                how.append(f"a lost customer's worth over the '{tenure.group(0)}' your words "
                           f"give: {money(amount.usd / months)} a month x {stay:g} months = "
                           f"{money(value)}")
            elif months:
                how.append(f"a lost customer read as a year of their worth, {money(value)}; "
                           "give their lifetime value in the form if it is more")
            share = _SHARE_LOST.search(sentence, 0, loss.start() + 40)
            usd = value
            if share is not None:
                frac = (float(share["pct"]) / 100 if share["pct"] else
                        (parse_number(share["one"]) or 1.0) / (parse_number(share["n"]) or 1.0))
                usd = value * frac
                how.append(f"'{share.group(0)}' lost: {frac:.3g} x {money(value)} = "
                           f"{money(usd)} a failure")
            if 0 < usd <= MAX_FAILURE_COST_USD:
                period = re.match(r"\s*(?:a|per|each|every|/)\s*\w+", sentence[m.end():])
                end = m.end() + (period.end() if months and period else 0)
                return FailureRead(round(usd, 2), None, shown_words(sentence[start:end]),
                                   "; ".join(how))
    return None
