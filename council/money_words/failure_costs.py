"""What one failure costs, said in the clause: a failure word, a cost verb, then a figure.

A sum ("costs us $200"), a range ("$5-$20", its middle), a rate of the text's size ("$0.40
per 100 words"), a person's minutes (``work_time``), "nothing"; a worst case ("could cost")
said so."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.failure_cost import MAX_FAILURE_COST_USD, FailureRead
from council.format import money
from council.money_words.amounts import NUM, POINT_WORDS, Amount, amounts_in, in_usd
from council.money_words.periods import period_after
from council.money_words.text import own_part, shown_words
from council.money_words.work_time import (
    WORKDAY_HOURS,
    first_time,
    hourly,
    joined_time,
    minutes_in,
    minutes_of,
    role_of,
    time_before_failure,
)
from council.role_rates import AI_AGENT
from council.workload_words import parse_number
from council.workload_words.sizes import UNIT_TOKENS

FAILURE = re.compile(
    r"\b(?:wrong|bad|mistakes?|missed|miss|missing|errors?|erroneous|incorrect|failed|fails?|"
    r"failures?|misclassif(?:ications?|ied|ies|y)|misrout(?:es?|ed|ing)|mislabel(?:s|ed|ing|led|ling)?|"
    r"hallucinat(?:ed|es|ion|ions)|inaccurate|misread|misreads|bugs?|"
    # overlooked: "eine übersehene Klausel kostet uns 500 Euro" (decision QA 15: unread)
    r"overlooked|übersehen\w*|"
    # "every mis-tagged ticket", "a misfiled letter" (decision QA 13: unread)
    r"mis-?(?:tagged|filed|sorted|categori[sz]ed|labell?ed|routed|classified|translated|"
    r"quoted|priced|matched|typed|assigned|flagged)|"
    # Italian, Spanish, French, German, Portuguese, Polish: an error, wrong
    r"errore|errori|sbagliat[oaie]|errores|erróneo|erronea|erreurs?|faux|fausse|fehler\w*|"
    r"falsch\w*|erros?|errad[oa]s?|błąd|błędy|błędu|błędn\w+|pomyłk\w+|incorrect[oa]s?|"
    r"incorrett[oaie]|incorrect(?:e|s|es)|equivocad[oa]s?|mauvaise?s?|"
    # bad (es, pt): "un resumen malo nos puede costar ..." (QA round 9)
    r"malo|mala|malos|malas|ruim|ruins|"
    # overlooked (es): "una cláusula pasada por alto puede costarnos una multa" (decision QA 18)
    r"pasad[oa]s?\s+por\s+alto|"
    # wrong, error, mistake (sv)
    r"felaktig[at]?|fel|misstag|"
    # an error, wrong, missed (nl): "een gemiste fout kost ons 40 euro" (decision QA 16)
    r"fout|fouten|foutieve?|verkeerde?|gemiste?)\b", re.IGNORECASE)
_COST_VERB = re.compile(r"(?<=\s)=(?=\s)|"  # "every wrong summary = 10 min of an agent"
                        r"\b(?:costs?|costing|costly|expensive|means|wastes?|loses?|takes?|"
                        r"spends?|needs|"
                        # "each misrouted request triggers a $300 SLA penalty" (decision QA 16)
                        r"triggers?|incurs?|results?\s+in|"
                        # "a bad summary delays the fix by about an hour, and our SLA penalty is
                        # $500 per hour" (decision QA 16's held-out h5): the delay at its rate
                        r"delays?\s+(?:(?:the|our|a)\s+)?(?:[\w-]+\s+){0,2}?by|"
                        r"redoes|has to redo|have to redo|"
                        # "when the bot is wrong we refund the shipping, about $8 each time"
                        # (decision QA 15: the category's default)
                        r"(?:we|i|they)\s+(?:(?:then|have\s+to|must|usually|always|just|"
                        r"often|typically)\s+)?(?:refund|reimburse|credit|compensate)"
                        r"(?:s|d|ed)?|remboursons|reembolsamos|erstatten\s+wir|"
                        # "earns the customer a $10 credit" (decision QA 15's held-out h6)
                        r"(?:earns?|gets?|entitles?)\s+(?:the\s+|our\s+|a\s+)?(?:customer|"
                        r"client|user|buyer)s?(?=\s+(?:an?\s+)?\S+\s+(?:service\s+)?"
                        r"(?:credit|refund|voucher|rebate|discount))|"
                        # costs, needs, spends (it, es, fr, de, pt, pl)
                        r"costa|costano|cuesta|cuestan|coûte|coûtent|kostet|kosten|custa|"
                        r"custam|kosztuje|kosztują|braucht|brauchen|passe|passent|necesita|"
                        r"precisa|zajmuje|"
                        # takes (time), loses: "tarda", "impiega", "dauert", "traci", "perde"
                        r"tarda|tardan|impiega|impiegano|prend|prennent|dauert|demora|leva|"
                        r"traci|tracą|perde|perdem|pierde|pierden|verliert|verlieren|"
                        # "puede costar", "pode custar", "peut coûter", "può costare"
                        r"costar|costarnos|custar|coûter|costare|kosztować|"
                        # costs, takes (sv); costs (nl)
                        r"kostar|tar|kost)\b",
                        re.IGNORECASE)
# "a wrong suggestion is annoying, not costly", "never expensive": no figure, but $0 said
# (decision QA 15: the category's $0.78)
# ("not that expensive", "not very costly" say cheap, not free: left to the default)
_NOT_BEFORE = re.compile(r"\b(?:not|never|isn['’]t|aren['’]t)\s+(?:really\s+|at\s+all\s+)?$",
                         re.IGNORECASE)
NOT_COSTLY_NOTE = ("said not to be costly, read as $0; give a figure if fixing one takes "
                   "someone's time")
# one past incident, not what each bad answer costs: "Last year a bug cost us $5,000 in lost
# sales" (review 14's trap: read as $5,000 a failure)
PAST_INCIDENT = re.compile(r"\b(?:last\s+(?:year|month|week|quarter|time)|yesterday|"
                            r"in\s+(?:19|20)\d\d|\d+\s+(?:years?|months?|weeks?|days?)\s+ago|"
                            r"back\s+in|once\s+(?:a|an|one|the)\s)", re.IGNORECASE)
# a failure cost said as a condition's threshold: "if" before the failure word, "more than"
# (or "over", "less than" ...) between the cost verb and the figure
_IF_OVER = re.compile(r"\b(?:if|whenever|should)\b", re.IGNORECASE)
_OVER = re.compile(r"\s+(?:(?:us|me|them)\s+)?(?:more than|over|above|less than|under|"
                   r"below)\b", re.IGNORECASE)
# "costs us nothing", "costs nothing": a failure cost of $0, said in words
_NOTHING = re.compile(r"^\s*(?:(?:us|me|them)\s+)?(?:nothing|zero|\$?0 dollars)\b"
                      r"(?!\s+(?:much|more|less|but|short|like))", re.IGNORECASE)


# "Cost of a wrong answer: $15", "cost per mistake = 20 min": a label, then the figure
_LABELLED = re.compile(rf"\b(?:cost|price) (?:of|per) (?:an? |one |each |every )?"
                       rf"(?:[\w-]+ ){{0,2}}?{FAILURE.pattern}[^:=.;]{{0,25}}?\s*[:=]\s*",
                       re.IGNORECASE)


def read_failure(clause: str, sentence: str, unread: list[str],
             point: bool = False, language: str | None = None) -> FailureRead | None:
    label = _LABELLED.search(clause)
    not_costly = False
    if label is not None:
        fail: re.Match[str] | None = label
        verb_end = label.end()
    else:
        fail = FAILURE.search(clause)
        if fail is None:
            return _japanese_failure(clause, unread)
        verb = _COST_VERB.search(clause, fail.end())
        if verb is None:  # "a paralegal spends 20 minutes fixing each bad extraction"
            return _time_before(clause, sentence, fail, unread)
        if _PRICE_SUBJECT.search(clause, 0, verb.start()):
            return None  # "Fix the bug where the price costs $5": a price in the task
        verb_end = verb.end()
        if PAST_INCIDENT.search(clause) and amounts_in(clause[verb.end():]):
            unread.append(f"'{shown_words(clause)}' was not read as a failure cost: one past "
                          "incident, not what each bad answer costs; give what one costs in "
                          "the form")
            return None
        threshold = _IF_OVER.search(clause[:fail.start()]) is not None and \
            _OVER.match(clause, verb.end()) is not None
        if threshold and amounts_in(clause[verb.end():]):
            # "if a wrong summary ever cost us more than $50 we'd add a human check": a
            # condition's threshold, not what a failure costs (decision QA 16: read as $50)
            unread.append(f"'{shown_words(clause)}' was not read as a failure cost: a threshold "
                          "in a condition, not what a bad answer costs; give what one costs "
                          "in the form")
            return None
        point = point or verb.group(0).lower() in POINT_WORDS
        not_costly = verb.group(0).lower() in ("costly", "expensive") and \
            _NOT_BEFORE.search(clause, fail.end(), verb.start()) is not None
    after = clause[verb_end:]
    for m in amounts_in(after):
        if period_after(after[m.end():]) is not None or hourly(after, m):
            continue  # a figure a month, a year or an hour is not one failure's cost
        size = _PER_SIZE.match(after, m.end())
        if size is not None:  # "$0.40 per 100 words to fix": a rate of the text's size
            amount = in_usd(m, unread, point, language)
            if amount is None:
                continue
            n = parse_number(size["n"].replace(",", "")) if size["n"] else 1.0
            unit = size["unit"].lower().rstrip("s")
            said = f"{size['n']} {size['unit']}" if size['n'] else unit
            return FailureRead(amount.usd, None,
                               shown_words(own_part(clause, fail.start(), verb_end + size.end())),
                               amount.how, per_tokens=(n or 1.0) * UNIT_TOKENS[unit],
                               per_words=said)
        amount = in_usd(m, unread, point, language)
        if amount is not None and amount.usd > MAX_FAILURE_COST_USD:
            unread.append(f"'{m.group(0).strip()}' was not read as a failure cost: "
                          f"{money(amount.usd)} is more than the {money(MAX_FAILURE_COST_USD)} "
                          "a task this reads (a year's losses?); give one bad answer's cost "
                          "instead")
            continue
        if amount is not None and amount.usd >= 0:  # "$0, we just retry": failures are free
            usd = round(amount.usd, 2) if amount.how else amount.usd
            how, end = amount.how, m.end()
            high = _range_high(after, m, amount, unread, point, language)
            if high is not None:  # "costs $5-$20": the middle, said so
                mid = (high.low_usd + high.high_usd) / 2
                usd = round(mid, 2) if amount.how else mid
                how = "; ".join(filter(None, (how, f"a range, read as its middle: "
                                               f"{money(high.low_usd)} to "
                                               f"{money(high.high_usd)}, {money(usd)}")))
                end = high.end
            if _WORST_CASE.search(clause, fail.start(), verb_end):
                how = "; ".join(filter(None, (how, WORST_CASE_NOTE)))
            t = joined_time(after, m.start(), end) if high is None else None
            minutes = minutes_of(t) if t is not None else 0.0
            role = role_of(clause, sentence, after, unread) if minutes else None
            if minutes and (role is not None or not AI_AGENT.search(after)):
                # "15 minutes of an agent plus a $10 voucher": both, summed where priced
                said = shown_words(own_part(clause, fail.start(),
                                        verb_end + max(end, t.end() if t else 0)))
                return FailureRead(usd, minutes, said, how, rate=role[0] if role else None,
                                   role_words=role[1] if role else "")
            return FailureRead(usd, None, shown_words(own_part(clause, fail.start(),
                                                           verb_end + end)), how)
    nothing = _NOTHING.match(after)
    if nothing is not None:  # "a wrong answer costs us nothing": a figure, $0
        return FailureRead(0.0, None, shown_words(own_part(clause, fail.start(),
                                                       verb_end + nothing.end())))
    if not_costly:  # "annoying, not costly": $0, said so
        return FailureRead(0.0, None, shown_words(own_part(clause, fail.start(), verb_end)),
                           NOT_COSTLY_NOTE)
    t = first_time(after)
    if t is not None:
        minutes = minutes_of(t)
        if minutes > 0:
            role = role_of(clause, sentence, after, unread)
            if role is None and AI_AGENT.search(after):
                unread.append(f"'{t.group(0)}' of an AI agent was not read as a failure cost: "
                              "a program's minutes are not a person's wage; give what a "
                              "failure costs in dollars instead")
                return None
            said = shown_words(own_part(clause, fail.start(), verb_end + t.end()))
            how = (f"'{t.group(0)}' read as {minutes / 60:g} hours of work, a working day "
                   f"being {WORKDAY_HOURS:g}" if minutes_in(t["unit"]) > 60 else "")
            if role is None:
                return FailureRead(None, minutes, said, how)
            return FailureRead(None, minutes, said, how, rate=role[0], role_words=role[1])
    return None


def _time_before(clause: str, sentence: str, fail: re.Match[str],
                 unread: list[str]) -> FailureRead | None:
    """A person's time said before the failure it fixes, at the role's rate."""
    t = time_before_failure(clause, fail.start())
    if t is None or AI_AGENT.search(clause):  # an AI agent's minutes are no wage
        return None
    minutes = minutes_of(t)
    role = role_of(clause, sentence, clause[t.end():], unread)
    said = shown_words(own_part(clause, t.start(), fail.end()))
    if role is None:
        return FailureRead(None, minutes, said) if minutes > 0 else None
    return FailureRead(None, minutes, said, rate=role[0], role_words=role[1])


# "$5-$20", "$5 to $20", "between $5 and $20", "€5–20": a range's two ends
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to)\s*|\s+and\s+", re.IGNORECASE)
_BARE_NUM = re.compile(NUM)
# what may follow a bare upper end ("$5-20 per ticket", "$5-20 in rework", "$5-20."): not a
# noun of its own ("$5 - 10 minutes of rework", "$5 to 20 customers a month", "$5-20%")
_MONEY_AFTER_BARE = re.compile(r"\s*(?:[.,;:!?)]|$|(?:per|a|an|each|in|of|for|to|and|or|when|"
                               r"if|on|every|dollars?|bucks|usd)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class _Range:
    """A failure cost said as a range, in dollars, and where it ends in the clause's rest."""

    low_usd: float
    high_usd: float
    end: int


def _range_high(after: str, m: re.Match[str], low: Amount, unread: list[str], point: bool,
                language: str | None) -> _Range | None:
    """The range that starts at the amount ``m``, or None when the amount is no range's low
    end. A bare upper end ("€5-20") is in the low end's currency, and its scale is the low
    end's too when that is smaller ("$1-2k" is $1,000 to $2,000; "$500-2k" $500 to $2,000)."""
    low_usd = low.usd
    join = _RANGE_JOIN.match(after, m.end())
    if join is None or (join.group(0).strip().lower() == "and"
                        and not re.search(r"\bbetween\s*$", after[:m.start()], re.IGNORECASE)):
        return None
    nxt = next((n for n in amounts_in(after) if n.start() == join.end()), None)
    if nxt is not None:
        high = in_usd(nxt, unread, point, language)
        usd, end = (high.usd, nxt.end()) if high is not None else (0.0, 0)
    else:
        bare = _BARE_NUM.match(after, join.end())
        if bare is None or not _MONEY_AFTER_BARE.match(after, bare.end()):
            return None  # "$5 - 10 minutes of rework": a time, not the range's end
        said = parse_number(f"{m['num'].replace(',', '')}{m['dec'] or ''} {m['scale'] or ''}")
        top = parse_number(f"{bare['num'].replace(',', '')}{bare['dec'] or ''} "
                           f"{bare['scale'] or m['scale'] or ''}")
        if not said or top is None:
            return None
        usd, end = low.usd * top / said, bare.end()
        if bare["scale"] and not m["scale"]:
            factor = parse_number(f"1 {bare['scale']}") or 1.0
            if said * factor <= top:  # "$1-2k": the low end is thousands too
                low_usd = low.usd * factor
    if low_usd < usd <= MAX_FAILURE_COST_USD:
        return _Range(low_usd, usd, end)
    return None


# what a cost verb's subject is when the figure is a price in the task, not a failure's cost
_PRICE_SUBJECT = re.compile(r"\b(?:price|item|product|plan|subscription|order|fee|ticket "
                            r"price)\s+$", re.IGNORECASE)


# A failure that "could" cost the figure: a worst case, which the rule charges to every bad
# answer ("A missed vulnerability could cost us $20,000" at P(failure) 19% read as $975,169 a
# month "with failures counted", QA round 9): said beside the figure, so the user can give an
# average instead.
_WORST_CASE = re.compile(r"\b(?:could|might|may|puede|podría|pode|poderia|peut|pourrait|"
                         r"könnte|kann|potrebbe|può|może)\b", re.IGNORECASE)
WORST_CASE_NOTE = ("what one could cost, charged here to every bad answer; if most cost less, "
                   "give the average in the form")
# "$0.40 per 100 words", "$2 a page", "$1 per 1,000 tokens": a failure's cost a size of text
_PER_SIZE = re.compile(r"\s*(?:per|a|an|each|every|for every|/)\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)?"
                       r"\s*(?P<unit>words?|tokens?|pages?|lines?)\b", re.IGNORECASE)


# Japanese: a failure word, then the figure, then what it is ("見落とし1件で約5万円の損失になる":
# a miss, 50,000 yen, a loss; decision QA 16: unread); the verb comes after the figure
_JA_FAILURE = re.compile(r"見落とし|見逃し|誤り|誤分類|誤訳|誤答|間違い|間違え|ミス|不正確")
_JA_COST_AFTER = re.compile(r"\s*(?:程度|ほど|くらい|ぐらい)?\s*(?:の)?(?:損失|損害|コスト|費用|"
                            r"損|が?かかる|を失う)")


def _japanese_failure(clause: str, unread: list[str]) -> FailureRead | None:
    """What one failure costs, said in Japanese: the failure word within 20 characters
    before the figure, a cost or loss word right after it."""
    for fail in _JA_FAILURE.finditer(clause):
        for m in amounts_in(clause[fail.end():fail.end() + 30]):
            if m.start() > 20 or not _JA_COST_AFTER.match(clause, fail.end() + m.end()):
                continue
            amount = in_usd(m, unread)
            if amount is not None and 0 <= amount.usd <= MAX_FAILURE_COST_USD:
                end = fail.end() + m.end() + _JA_COST_AFTER.match(
                    clause, fail.end() + m.end()).end()
                return FailureRead(round(amount.usd, 2), None,
                                   shown_words(clause[fail.start():end]), amount.how)
    return None
