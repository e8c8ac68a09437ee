"""A limit a call or a task ("under a cent a call"), not a price of the task's goods."""

from __future__ import annotations

import re

from council.format import money
from council.money_words.amounts import amounts_in, in_usd
from council.money_words.limits import CEILING_BEFORE, NOT_OURS, OTHERS_LIMIT, THIRD_PARTY
from council.money_words.text import shown_words
from council.money_words.values import UnitBudgetRead
from council.workload_words import parse_number

# A limit a call or a task, in the task's units: "under a cent a call", "we can pay $2 per
# 1,000 tickets", "at most $0.003 per ticket" (decision QA 12: each unread, in silence). A
# unit the model handles (a call, a request, a ticket, an email ...), never a price of the
# task's goods ("orders under $5 per item", "rooms under $30 a night": no such unit).
_CALL_UNITS = r"calls?|requests?|quer(?:y|ies)|prompts?|api calls?"
_TASK_UNITS = (r"tickets?|e-?mails?|mails?|messages?|documents?|docs?|tasks?|answers?|"
               r"repl(?:y|ies)|responses?|conversations?|chats?|reviews?|tweets?|posts?|"
               r"invoices?|receipts?|pages?|summar(?:y|ies)|classifications?|labels?|runs?|"
               r"articles?|transcripts?|records?|rows?|leads?|contracts?|photos?|images?|"
               r"pdfs?|forms?|calls? transcripts?")
_THOUSAND = r"1,000|1000|1k|1 000|one thousand|a thousand|thousand"
_UNIT_AFTER = re.compile(
    rf"\s*(?:(?:a|an|per|each|every|for every|/)\s*(?:(?P<k>{_THOUSAND})\s*)?"
    rf"(?:(?P<call>{_CALL_UNITS})|(?P<task>{_TASK_UNITS}))\b|(?:per|for every|/)\s*"
    rf"(?P<k2>{_THOUSAND})(?!\s*\w))", re.IGNORECASE)
# "a cent", "half a cent", "0.5 cents", "5¢": a figure with no currency sign
_CENTS = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|an?|one|half an?)\s*(?:cents?\b|¢)", re.IGNORECASE)
_UNIT_CUE = re.compile(rf"(?:{CEILING_BEFORE.pattern})|\b(?:we|i) (?:can|could) (?:only )?"
                       r"(?:pay|spend|afford)\b[^$€£¥\d]{0,20}$|\bbudget\b[^$€£¥\d]{0,20}$",
                       re.IGNORECASE)


# Someone else's price or policy a unit, not the user's limit on the model (review 12: "We
# charge at most $5 per document", "Their API costs under a cent a call", "Agents can't spend
# more than $20 per ticket on refunds", "Refunds up to $50 per ticket" each read as a ceiling)
_PRICE_BEFORE = re.compile(r"\b(?:charges?|charging|charged|bills?|billing|sells?|selling|their|"
                           r"its|priced|pricing|fees?|"
                           # "the API costs under a cent", not "keep the cost(s) under a cent"
                           r"(?<!the )(?<!our )(?<!keep )(?<!my )costs?)\b[^.;]*$",
                           re.IGNORECASE)
_SPENT_ON_OTHERS = re.compile(r"\s+(?:on|for|in|as)\s+(?:\w+\s+)?(?:refunds?|vouchers?|"
                              r"discounts?|compensation|goodwill|credits?|gifts?|rewards?)\b",
                              re.IGNORECASE)


def _others_unit_limit(clause: str, cue_start: int, end: int) -> bool:
    """Whether a limit a call or a task is someone else's: its subject is customers,
    refunds ... (``OTHERS_LIMIT``), a price or a charge is said before it, or the money
    goes to refunds or vouchers after it."""
    before = clause[:cue_start]
    return (OTHERS_LIMIT.match(before) is not None or THIRD_PARTY.search(before) is not None
            or (_PRICE_BEFORE.search(before[-40:]) is not None and "budget" not in before.lower())
            or _SPENT_ON_OTHERS.match(clause, end) is not None)


# A unit the task itself counts: "$0.002 per listing" where the text says "40,000 product
# listings a month" (decision QA 14: unread, "listing" being in no list of units); not a
# period nor a person ("per month", "per user": the seats' and periods' own readings). The
# empty groups "call" and "k2" give the match the shape of ``_UNIT_AFTER``'s (a task, not a call).
_NOUN_UNIT_AFTER = re.compile(rf"\s*(?:a|an|per|each|every|for every|/)\s*"
                              rf"(?:(?P<k>{_THOUSAND})\s*)?(?P<noun>[a-z][a-z-]{{2,}})\b"
                              r"(?P<call>(?!))?(?P<k2>(?!))?", re.IGNORECASE)
_NOT_A_UNIT = re.compile(r"(?:seats?|users?|licen[cs]es?|heads?|members?|employees?|persons?|"
                         r"people|agents?|customers?|clients?|accounts?|tenants?|subscribers?|"
                         r"months?|years?|quarters?|weeks?|days?|hours?|"
                         r"minutes?|nights?|times?|cents?|dollars?|euros?|pounds?|the|our|"
                         r"their|your|this|that|thousand)$", re.IGNORECASE)
# "the cost per item must stay below half a cent", "spend per ticket can't be more than $0.01"
_UNIT_BEFORE = re.compile(
    r"\b(?:the\s+|our\s+)?(?:cost|spend|spending)\s+(?:per|a|an|each|for each|of each|of one)\s+"
    r"(?:(?P<k>1,000|1000|1k|thousand)\s+)?(?P<noun>[a-z][a-z-]+)\s+(?:must|should|has to|needs to|"
    r"may|can|will)(?:(?:n?['’]t|\s+not)\s+(?:be\s+|go\s+)?(?:more than|over|above)|"
    r"\s+(?:stay\s+|be\s+|remain\s+|come in\s+)?(?:below|under|within|at most|no more than|"
    r"less than))\s*(?P<call>(?!))?(?P<k2>(?!))?$", re.IGNORECASE)


def _counted_unit(clause: str, at: int, text: str) -> re.Match[str] | None:
    """The unit after the amount at ``at`` when it is a noun the text counts ("40,000 product
    listings"), else None."""
    unit = _NOUN_UNIT_AFTER.match(clause, at)
    if unit is None or _NOT_A_UNIT.match(unit["noun"]) or not _unit_of(unit["noun"], text,
                                                                          counted_only=True):
        return None
    return unit


def _unit_of(noun: str, text: str, counted_only: bool = False) -> bool:
    """Whether ``noun`` is a unit of the task: a call or a task unit, "item", or a noun the
    text counts with a figure ("25,000 order confirmations", "40,000 product listings")."""
    if not counted_only and re.fullmatch(rf"(?:{_CALL_UNITS}|{_TASK_UNITS}|items?)", noun,
                                         re.IGNORECASE):
        return True
    stem = re.escape(re.sub(r"(?:es|s)$", "", noun.lower()))
    # a count, not an amount ("$5 per unit" counts no units): no currency before the figure,
    # no "per" or "a" between it and the noun
    return re.search(rf"(?<![\w$€£¥.,])\d[\d,.]*\s*k?\s+(?:(?!(?:per|an?|each|every)\b)"
                     rf"[\w-]+\s+){{0,2}}?{stem}(?:e?s)?\b", text, re.IGNORECASE) is not None


def _items_priced(clause: str, cue_start: int, unit: str) -> bool:
    """Whether the limit is the items' own price: the unit's noun right before the cue
    ("flag listings under $3 per listing", "rooms under $90 per room")."""
    words = re.findall(r"[a-z]+", unit.lower())
    if not words or words[-1] in ("a", "an", "per", "each", "every"):
        return False
    stem = re.escape(re.sub(r"(?:es|s)$", "", words[-1]))
    return re.search(rf"\b{stem}\w*\s+$", clause[:cue_start], re.IGNORECASE) is not None


def read_unit_budget(clause: str, unread: list[str], point: bool,
                 language: str | None, text: str = "") -> UnitBudgetRead | None:
    found = sorted([*amounts_in(clause), *_CENTS.finditer(clause)], key=lambda m: m.start())
    for m in found:
        unit = _UNIT_AFTER.match(clause, m.end()) or _counted_unit(clause, m.end(), text)
        near_start = max(0, m.start() - 40)
        cue = _UNIT_CUE.search(clause, near_start, m.start())
        said_before = _UNIT_BEFORE.search(clause, 0, m.start()) if unit is None else None
        if said_before is not None and _unit_of(said_before["noun"], text):
            # "the cost per item must stay below half a cent": the unit said before the figure
            unit, cue = said_before, said_before
        if unit is None or cue is None or NOT_OURS.search(clause, cue.end(), m.start()):
            continue
        if _others_unit_limit(clause, cue.start(), max(unit.end(), m.end())) \
                or _items_priced(clause, cue.start(), unit.group(0)):
            continue
        if m.re is _CENTS:
            n = m["n"].lower()
            usd, how = (0.5 if n.startswith("half") else parse_number(n) or 0.0) / 100, ""
        else:
            amount = in_usd(m, unread, point, language)
            if amount is None:
                continue
            usd, how = amount.usd, amount.how
        if unit["k"] or unit["k2"]:
            how = "; ".join(filter(None, (how, f"{money(usd)} per 1,000 = "
                                               f"{money(usd / 1000)} each")))
            usd /= 1000
        if usd <= 0:
            continue
        said = clause[cue.start():max(unit.end(), m.end())].strip()
        return UnitBudgetRead(usd, unit["call"] is not None, shown_words(said), how)
    return None
