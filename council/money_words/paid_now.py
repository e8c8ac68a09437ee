"""What is paid now ("our current spend is $120 a month") and a limit set at it."""

from __future__ import annotations

import re
from dataclasses import replace

from council.format import money
from council.money_words.amounts import amounts_in, in_usd
from council.money_words.cuts import cut_by
from council.money_words.limits import LIMIT_WORDS, NEGATION, NOW_SPEND
from council.money_words.periods import PERIOD_NAME, period_after
from council.money_words.text import CLAUSES, SENTENCES, own_part, shown_words
from council.money_words.values import BudgetRead


def only_paid_now(read: BudgetRead) -> bool:
    """Whether the budget read is what is paid now with no limit set at it ("Our current
    spend is $120 a month, and we can spend up to $200": the $200 is the budget; review 14,
    read $120). Used only when no other budget is said."""
    return not read.ceiling and re.match(NOW_SPEND, read.words, re.IGNORECASE) is not None


# a limit set at what is paid now: "no more than what we pay now ($300 a month ...)", "stay
# under our current spend of €120 a month" (the limit's subject may be a cost: "it must cost")
NOW_CAP = re.compile(rf"\b(?:under|below|within|beneath|less than|cheaper than|{LIMIT_WORDS})"
                      rf"\s+{NOW_SPEND}$", re.IGNORECASE)
# the work's own cost as the subject of a limit: "it must cost no more than", "the whole thing
# shouldn't cost more than", "the new setup can cost at most" ("cost" elsewhere before a cue
# marks a price in the task: "items that cost under $5")
# ("the AI add-on should cost under $100 a month": review 14, unread beside what is paid now)
OUR_COST = re.compile(r"(?:^|[,:(]\s*|\b(?:and|but|so)\s+)(?:it|this|(?:the|our)\s+"
                       r"(?:whole\s+thing|(?:new\s+|ai\s+)?(?:setup|tool|service|solution|model|"
                       r"bot|assistant|pipeline|system|ai|add-?on|feature|upgrade)))\s+"
                       r"(?:must|should|can|may|has to|needs to|will)(?:n['’]?t|"
                       r"\s+not)?\s+cost\s*$", re.IGNORECASE)
# the same subject with its limit and no cue word: "it shouldn't cost more than $50 a month",
# "the tool must cost at most $80 a month" (unread, in silence, before decision QA 14)
OUR_COST_LIMIT = re.compile(OUR_COST.pattern.removesuffix(r"\s*$")
                             + r"\s+(?:more than|over|above|at most|less than|under|below|no "
                               r"more than)\s*(?:about\s+|around\s+)?$", re.IGNORECASE)
# "We currently pay $450 a month for ...; the new setup shouldn't cost more than that": the
# figure paid now, then a limit at "that" (decision QA 14: unread)
# (whom it is paid to may stand between: "we pay a freelancer $800 a month", held-back h2)
_PAY_NOW_BEFORE = re.compile(r"\b(?:(?:we|i)\s+(?:(?:currently|now|today|already)\s+)?"
                             r"(?:pay|spend)|"
                             # "We're paying about $1,200 a month" (decision QA 17)
                             r"(?:we['’]re|we\s+are|i['’]m|i\s+am)\s+(?:currently\s+|now\s+)?"
                             r"(?:paying|spending))\s+"
                             r"(?:(?:an?|our|the|one|two|three)\s+)?(?:[\w-]+\s+)?"
                             r"(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
# "Our OpenAI bill for summarising sales calls is $900 a month": a bill paid now, then cut
# by a share (decision QA 17: unread)
_BILL_IS_BEFORE = re.compile(r"\b(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?:bill|spend|spending)\b"
                             r"[^.;$€£¥]{0,60}?\s(?:is|comes\s+to|runs(?:\s+at)?)\s+"
                             r"(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_NOW_WORD = re.compile(r"\b(?:currently|now|today|at the moment|at present|right now)\b",
                       re.IGNORECASE)
_THAT_LIMIT = re.compile(rf"(?:\b{NEGATION}\s+(?:cost|be|go|come in|exceed)\s+(?:more than|over|"
                         r"above)|\b(?:no more than|not more than|under|below|less than|cheaper "
                         r"than|within)|\bcome in (?:under|below))\s+(?:that|what we (?:pay|spend)"
                         r"(?: now| today| currently)?|today['’]s (?:bill|cost|spend))\b",
                         re.IGNORECASE)


def read_paid_now(text: str, unread: list[str], point: bool,
              language: str | None) -> BudgetRead | None:
    """What is paid now a period, when the text then sets the limit at it ("... shouldn't
    cost more than that") or at a share below it ("... want to cut it by half"): that figure,
    a month's (less the cut), as the ceiling."""
    for sentence in (s.strip() for s in SENTENCES.split(text)):
        for clause in (c.strip() for c in CLAUSES.split(sentence)):
            for m in amounts_in(clause):
                before = clause[:m.start()]
                pays = _PAY_NOW_BEFORE.search(before[-40:]) is not None
                if not pays and _BILL_IS_BEFORE.search(before) is None:
                    continue
                months = period_after(clause[m.end():])
                rest = text[text.find(clause) + m.end():]
                cut = cut_by(rest)
                limit = None if cut is not None or not (pays and _NOW_WORD.search(sentence)) \
                    else _THAT_LIMIT.search(rest)
                if months is None or (limit is None and cut is None):
                    continue
                amount = in_usd(m, unread, point, language)
                if amount is None or amount.usd <= 0:
                    continue
                usd = amount.usd / months
                how = [amount.how] if amount.how else []
                if months != 1.0:
                    how.append(f"{money(amount.usd)} {PERIOD_NAME[months]} = {money(usd)} a month")
                if cut is not None:
                    how.append(f"what you pay now less the cut your words ask ('{cut.words}'): "
                               f"{money(usd)} x {1 - cut.share:.0%} = {money(cut.left(usd))}")
                    usd = cut.left(usd)
                else:
                    how.append(f"what you pay now, the limit your words set ('{limit.group(0)}')")
                # the words up to the cut when the clause says it ("... cut it by half"), not
                # the task said after it
                at = clause.find(cut.words, m.end()) if cut is not None else -1
                said = clause[:at + len(cut.words)] if cut is not None and at >= 0 \
                    else own_part(clause, 0, m.end())
                return BudgetRead(round(usd, 2), shown_words(said),
                                  "; ".join(how), ceiling=True)
    return None


# "We spend $1,200 a month on GPT-4.1 ...; we want to cut that bill": what is paid now, read as
# a sum to spend, is the limit once the words want it lower (decision QA 16: a sum to spend)
_SPENT_NOW = re.compile(r"^(?:(?:we|i)\s+(?:currently\s+|now\s+|already\s+)?(?:spend|pay)|"
                        r"(?:we|i)\s+(?:are|am)\s+(?:currently\s+)?(?:spending|paying))\b",
                        re.IGNORECASE)
_CUT = re.compile(r"\b(?:cut|reduce|lower|bring\s+down|shrink|halve|trim)\s+(?:(?:that|this|"
                  r"the|our)\s+(?:monthly\s+)?(?:bill|costs?|spend(?:ing)?|figure|amount)\b|"
                  r"(?:that|it|this)(?=\s*(?:[.,;!?]|$|\s+(?:down|in half|by)\b)))",
                  re.IGNORECASE)


def cut_now(read: BudgetRead, text: str) -> BudgetRead:
    """The budget read as a ceiling when it is what is paid now and the words after it want
    that lower ("... we want to cut that bill"); else as read."""
    if read.ceiling or _SPENT_NOW.match(read.words) is None:
        return read
    at = text.find(read.words.removesuffix("..."))
    rest = text[at + len(read.words) if at >= 0 else 0:]
    share = cut_by(rest)  # "... we want to cut that bill by half": the share below it
    if share is not None:
        usd = round(share.left(read.usd_per_month), 2)
        how = (f"what you pay now less the cut your words ask ('{share.words}'): "
               f"{money(read.usd_per_month)} x {1 - share.share:.0%} = {money(usd)}")
        return replace(read, usd_per_month=usd, how="; ".join(filter(None, (read.how, how))),
                       ceiling=True)
    cut = _CUT.search(rest)
    if cut is None:
        return read
    how = "; ".join(filter(None, (read.how, "what you pay now, the limit your words set "
                                            f"('{cut.group(0)}')")))
    return replace(read, how=how, ceiling=True)
