"""Words of a limit, and whose money a figure is.

Limit words and negations shared by the budget cue and the ceiling; what makes a budget a
ceiling; and the words that make a figure someone else's (a price, an income, a third party,
others' spending limits)."""

from __future__ import annotations

import re

# Words that name a limit, and so both cue a budget and make it a ceiling ("at most $800 a
# month", "höchstens 800 €", "$800 max"), in English, German, French, Spanish, Italian,
# Portuguese and Polish: one list for both readings.
LIMIT_WORDS = (r"at (?:the )?most|no more than|not more than|max(?:imum)?|"
                r"höchstens|maximal|nicht mehr als|au maximum|au plus|pas plus de|"
                r"como máximo|como maximo|no más de|al máximo|al massimo|non più di|"
                r"no máximo|não mais (?:de|que)|maksymalnie|nie więcej niż|"
                # "budget massimo 60 euro", "presupuesto máximo", "högst 2000 kr", "som mest",
                # "inte mer än" (QA 12: the Italian read as a sum to spend, the Swedish unread)
                r"massim[oa]|máxim[oa]|högst|som mest|inte mer än|"
                # Dutch: "budget maximaal 150 euro per maand" (decision QA 16: a sum to spend)
                r"maximaal|hoogstens|ten hoogste|niet meer dan")
# A negation before a limit ("can't", "must not", "won't", "never"): one list for the budget
# cue ("must not go over $1,000 a month") and the ceiling ("can't spend more than $200 a week")
NEGATION = (r"(?:\w+n['’]t|cant|wont|dont|mustnt|shouldnt|cannot|(?:\w+ )?not|never)")
# "$3k monthly revenue", "$5,000 a month in sales": what comes in, not what may go out
INCOME_AFTER = re.compile(r"^[^.;,]{0,25}\b(?:revenue|sales|income|turnover|profit|"
                           r"earnings|salary|wages?)\b", re.IGNORECASE)
# what is priced, earned or saved in the task, not what the user pays or loses
NOT_OURS = re.compile(
    r"\b(?:plan|plans|subscription|price[sd]?|priced|pricing|revenue|sales|salary|salaries|"
    r"earns?|earning|paying|pays|paid|saves?|saving|savings|worth|bill|order|orders|refunds?|"
    r"value|over|above|below|costs?|rents?|rented|renting|wages?|"
    # rent, salary and price in Italian, Spanish, French, German, Portuguese, Polish
    r"affitto|alquiler|loyer|miete|aluguel|czynsz\w*|stipendio|salario|salaire|gehalt|"
    r"salário|pensj\w+|wynagrodzeni\w+|prezz[oi]|precios?|prix|preise?|preços?|"
    r"cen(?:a|ie|y|ą|ach)?)\b",
    re.IGNORECASE)
# "firms that spend £2m a year", "clients who have $5k a month": someone else's money
THIRD_PARTY = re.compile(r"\b(?:that|which|who|whose)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "Customers can't spend more than $50 a day", "Invoices must not exceed $1,000 a month":
# a limit on others' spending or the task's items, not the user's budget (review11: read as a
# $1,500 and a $1,000 monthly ceiling): the clause's subject, a few words before the cue
OTHERS_LIMIT = re.compile(r"^\W*(?:(?:the|our|their|each|every|no)\s+)?(?:customers?|users?|"
                           r"clients?|cardholders?|members?|employees?|staff|buyers?|shoppers?|"
                           r"suppliers?|vendors?|invoices?|orders?|transactions?|payments?|"
                           r"claims?|refunds?)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


# What is paid now, said before its figure: "our current spend of", "what we pay now (",
# "we currently pay", "today's bill of" (decision QA 14: "stay under our current spend of
# €120 a month" read as a sum to spend, "no more than what we pay now ($300 a month ...)"
# unread)
NOW_SPEND = (r"(?:(?:our|the|my)\s+(?:current|present|existing|today['’]s)\s+(?:monthly\s+)?"
              r"(?:spend|spending|bill|costs?|price)\s*(?:is|of|:)?|"
              r"what\s+(?:we|i)\s+(?:currently\s+|already\s+)?(?:pay|spend)\s+(?:now|today|"
              r"currently|at the moment)\s*(?:[(:]|,|which is)?)\s*(?:about\s+|around\s+|"
              r"roughly\s+)?")


# Words that make a budget a ceiling: before the amount ("at most", "no more than", "up to",
# "under", "höchstens", "au maximum", "como máximo") or right after it ("$800 max a month",
# "$800 or less", "and no more"), or a cap or limit named ("budget cap", "spend must stay
# below"). "A budget of $800", "for $800 a month" stay a sum the plan may spend.
# "up to", "under", "bis zu", "jusqu'à", "hasta" ... only make a budget a ceiling: alone they
# are no budget word ("up to £45,000 per year" of a job ad).
CEILING_BEFORE = re.compile(
    # "we can't spend more than $200 a week", "must not go over": a limit said with a negation
    rf"\b{NEGATION}(?: want to)? (?:spend|pay|go|be|cost) (?:more than|over|above)\b"
    r"[^$€£¥\d]{0,20}$|"
    rf"\b(?:{LIMIT_WORDS}|up to|under|below|within|cap(?:ped)?(?: at)?|ceiling|"
    r"limit(?:ed to)?|never (?:more|above)|bis zu|unter|jusqu'à|moins de|hasta|menos de|"
    r"fino a|até)\b[^$€£¥\d]{0,20}$|"
    # "stay under our current spend of €120 a month": what is paid now, as the limit
    rf"\b(?:under|below|within|beneath|{LIMIT_WORDS})\s+{NOW_SPEND}$", re.IGNORECASE)
_CEILING_AFTER = re.compile(rf"^[^,;]{{0,25}}?\b(?:{LIMIT_WORDS}|tops|or less|and no more|"
                            r"no more)(?!\w)", re.IGNORECASE)


def is_ceiling(clause: str, m: re.Match[str], capped: bool) -> bool:
    """Whether the budget at ``m`` is a limit to stay under (see above)."""
    return (capped or CEILING_BEFORE.search(clause[:m.start()][-40:]) is not None
            or _CEILING_AFTER.match(clause[m.end():]) is not None
            or _JA_CEILING_AFTER.match(clause[m.end():]) is not None
            or "上限" in clause[:m.start()][-12:])


# Japanese: "月3万円まで", "5万円以内", "5万円以下": up to, within, at most
_JA_CEILING_AFTER = re.compile(r"^\s*(?:/月|／月)?\s*(?:まで|以内|以下)")
