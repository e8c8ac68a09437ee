"""A failure cost and a monthly budget read from the task description's own words.

"a wrong answer costs us about $200 in chargebacks" -> a failure costs $200 a task;
"each bad summary means an analyst redoes 30 minutes of work" -> a failure costs 30 minutes
(the dollars need an hourly rate, which is ``council.failure_cost``'s to state);
"What's the best I can get for $50 a month?" -> a monthly budget of $50.

Each reading keeps the words it came from, so the answer can show them. A figure is read only
where its clause says what it is:
- a failure cost needs a failure word (wrong, bad, mistake, missed, missing, error, ...)
  before a cost verb (costs, means, wastes, "is costly", "is expensive") and the amount after it;
- a budget needs a budget word (budget, spend, afford, "for", "under", "no more than") before
  the amount and "a month" (or "monthly") around it.
Everything else is left unread: prices of things in the task ("refund orders over $500",
"our $19.99 plan", "a plan at $49 a month"), revenue and sales, salaries and hourly rates,
what something "saves", last month's bill. Unread means the category default, stated.
Clauses are split at ". ", ";", "!" and "?" ("$0.50" keeps its point).

A budget a year, a quarter, a week or a day is read as its share of a month ("$6,000 a year"
is $500 a month, and the answer says so; a day is 1/30 of a month, as the workload reader
counts, and "for $8 a day" is a price, not a budget). An amount in another currency ("€300",
"£15", "CHF 500", "40 euros") is converted at the dated rates of ``council.exchange_rates``,
the rate shown; a currency that table lacks, or a sign several share ("kr"), leaves the
figure unread with a note, never taken as dollars. Minutes of a named role ("a lawyer redoes
it") carry that role's hourly rate (``council.role_rates``), found in the figure's clause or
its sentence; an hourly rate the sentence states ("a lawyer at $300 an hour") beats the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.currency_words import (
    AFTER,
    AMBIGUOUS,
    BEFORE,
    POINT_DOLLAR_NAMES,
    SHARED_IN_LANGUAGE,
    SIGN_CHARS,
    alternation,
    named_country_currency,
)
from council.decision import MAX_BUDGET_USD
from council.exchange_rates import to_usd
from council.failure_cost import MAX_FAILURE_COST_USD, STATED_RATE, FailureRead, Rate
from council.format import money
from council.role_rates import AI_AGENT, agent_rate, role_rate
from council.task_head import TASK_HEAD
from council.workload_words import parse_number
from council.workload_words.durations import HOUR_UNITS, MINUTE_UNITS, in_hours
from council.workload_words.languages import own_words_language, written_in
from council.workload_words.periods import PER_MONTH, foreign_period_at
from council.workload_words.sizes import UNIT_TOKENS
from council.workload_words.text import word_list

# "1,200", "1 200 zł" (a space between digit groups, as French and Polish write it), "1200"
_NUM = (r"(?P<num>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d+)"
        r"(?P<dec>\.\d+)?"
        r"(?:\s?(?P<scale>k|mm|m|thousand|million)\b)?")
# a currency before the amount ("$", "R$", "CHF ") or after it ("USD", "euros", "zł", "€"):
# the words of council.currency_words
_SIGNS = re.escape(SIGN_CHARS)
_PRE_AMOUNT = re.compile(rf"(?<![\w{_SIGNS}])(?P<pre>{alternation(BEFORE)})\s?{_NUM}",
                         re.IGNORECASE)
# "20 pounds of produce", "5 pounds in weight": a mass, not money
_SUF_AMOUNT = re.compile(rf"(?<![\w.,{_SIGNS}]){_NUM}\s?(?P<suf>{alternation(AFTER)})"
                         r"(?![\w$])(?!\s+(?:of|in weight|weight)\b)", re.IGNORECASE)


def _amounts(text: str) -> list[re.Match[str]]:
    """The amounts with a currency, in order; where both forms overlap ("$40 USD"), the one
    that starts first."""
    out: list[re.Match[str]] = []
    for m in sorted([*_PRE_AMOUNT.finditer(text), *_SUF_AMOUNT.finditer(text)],
                    key=lambda m: m.start()):
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out
# Not after an abbreviation of "about" ("ok. 50 zł", "ca. 40 €", "env. 20 €", "approx. $5").
_NOT_ABBREVIATION = r"(?<!\bok\.)(?<!\bca\.)(?<!\benv\.)(?<!\bapprox\.)"
_CLAUSES = re.compile(rf"(?:[.!?]{_NOT_ABBREVIATION}(?=\s|$)|;)\s*")
_SENTENCES = re.compile(rf"[.!?]{_NOT_ABBREVIATION}(?=\s|$)\s*")
# "$100 max per month", "$250 tops a month": a cap word between the amount and its period
_CAP = r"(?:(?:max(?:imum)?|tops|at (?:the )?most|or less)\s+)?"
# "pcm", "per calendar month": a month as British rents and budgets say it (decision QA 14:
# "budget of £75 pcm" unread)
_MONTH_AFTER = re.compile(rf"^\s*{_CAP}(?:(?:a|per|each|every)\s+(?:calendar\s+)?month\b|"
                          r"/\s?(?:month|mo)\b|monthly\b|pcm\b)", re.IGNORECASE)
_MONTHLY_BEFORE = re.compile(r"\bmonthly\s+(?:budget|cap|limit|spending limit)\b|"
                             r"\bbudget\b[^$€£¥]*\b(?:a|per)\s+month\b|"
                             r"\b(?:budget|presupuesto|orçamento|budżet) (?:mensile|mensual|"
                             r"mensuel|mensal|miesięczny)\b|\bmonatsbudget\b|"
                             r"\b(?:monatliche[sn]?|miesięczny) (?:budget|budżet)\b",
                             re.IGNORECASE)
# A budget for a longer or shorter period: its share of a month (a week is 12/52 of one, a
# day 1/30 and a working day 12/260, as the workload reader counts a month's days).
_PERIOD_AFTER = re.compile(
    rf"^\s*{_CAP}(?:(?:a|per|each|every)\s+(?P<unit>year|quarter|week|(?:working |business )?"
    r"day)\b|/\s?(?P<unit2>year|yr|quarter|week|wk|day)\b|(?P<adv>yearly|annually|quarterly|"
    r"weekly|daily|per annum)\b)", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(
    r"\b(?P<adj>annual|yearly|quarterly|weekly|daily)\s+(?:[\w-]+\s+){0,2}?(?:budget|cap|"
    r"limit|spend(?:ing)?)\b|\bbudget\b[^$€£¥]*\b(?:a|per)\s+(?P<unit>year|quarter|week|"
    r"(?:working |business )?day)\b|"
    # "orçamento anual", "budget annuel", "jährliches Budget", "Jahresbudget", "roczny budżet"
    r"\b(?:budget|presupuesto|orçamento|budżet) (?:(?P<fyear>annuale|anual|annuel|roczny)|"
    r"(?P<fquarter>trimestrale|trimestral|trimestriel|kwartalny))\b|"
    r"\b(?:(?P<gyear>jährliche[sn]?|roczny)|(?P<gquarter>vierteljährliche[sn]?|kwartalny)) "
    r"(?:budget|budżet)\b|\b(?P<hyear>jahresbudget)\b|\b(?P<hquarter>quartalsbudget)\b",
    re.IGNORECASE)
_DAY, _WORKING_DAY = 1 / PER_MONTH["day"], 1 / PER_MONTH["business day"]
_DAYS = (_DAY, _WORKING_DAY)
_MONTHS = {"year": 12.0, "yr": 12.0, "yearly": 12.0, "annually": 12.0, "annual": 12.0,
           "per annum": 12.0, "quarter": 3.0, "quarterly": 3.0, "week": 12 / 52,
           "wk": 12 / 52, "weekly": 12 / 52, "day": _DAY, "daily": _DAY,
           "working day": _WORKING_DAY, "business day": _WORKING_DAY}


def _months_of(word: str) -> float:
    """The months in a period word as matched ("Working  Day" is a working day's share)."""
    return _MONTHS[re.sub(r"\s+", " ", word.lower())]


# a period said in another language after the amount ("300 € pro Monat", "6 000 € par an",
# "R$ 2.000 por mês"), in the workload reader's words for periods: its length in months
_FOREIGN_MONTHS = {"month": 1.0, "year": 12.0, "quarter": 3.0, "week": 12 / 52, "day": _DAY,
                   "business day": _WORKING_DAY}
_PERIOD_NAME = {12.0: "a year", 3.0: "a quarter", 12 / 52: "a week",
                _DAY: f"a day ({PER_MONTH['day']:.0f} days a month)",
                _WORKING_DAY: f"a working day ({PER_MONTH['business day']:.1f} a month)"}
# Words that name a limit, and so both cue a budget and make it a ceiling ("at most $800 a
# month", "höchstens 800 €", "$800 max"), in English, German, French, Spanish, Italian,
# Portuguese and Polish: one list for both readings.
_LIMIT_WORDS = (r"at (?:the )?most|no more than|not more than|max(?:imum)?|"
                r"höchstens|maximal|nicht mehr als|au maximum|au plus|pas plus de|"
                r"como máximo|como maximo|no más de|al máximo|al massimo|non più di|"
                r"no máximo|não mais (?:de|que)|maksymalnie|nie więcej niż|"
                # "budget massimo 60 euro", "presupuesto máximo", "högst 2000 kr", "som mest",
                # "inte mer än" (QA 12: the Italian read as a sum to spend, the Swedish unread)
                r"massim[oa]|máxim[oa]|högst|som mest|inte mer än")
# A negation before a limit ("can't", "must not", "won't", "never"): one list for the budget
# cue ("must not go over $1,000 a month") and the ceiling ("can't spend more than $200 a week")
_NEGATION = (r"(?:\w+n['’]t|cant|wont|dont|mustnt|shouldnt|cannot|(?:\w+ )?not|never)")
_BUDGET_CUE = re.compile(
    r"\b(?:budget|spend(?:ing)? (?:below|under)|spend|spending|afford|for|under|"
    rf"{_LIMIT_WORDS}|cap|limit|(?:only |we )?have|go above|exceed|"
    # "we must not go over $1,000 a month", "won't pay more than" (not "go over the $1,000
    # invoices", "pay $5 per item"): the cue starts at the verb (``_cue_start``)
    rf"{_NEGATION}(?: want to)? (?P<verb>go over|pay(?: over| above)?)|"
    r"set aside|allocated|earmarked|reserved|"
    # Italian, Spanish, French, German, Portuguese, Polish: "budget", "spend"
    r"presupuesto|orçamento|budżet\w*|spendere|gastar|dépenser|ausgeben|wydać)\b",
    re.IGNORECASE)
# "$3k monthly revenue", "$5,000 a month in sales": what comes in, not what may go out
_INCOME_AFTER = re.compile(r"^[^.;,]{0,25}\b(?:revenue|sales|income|turnover|profit|"
                           r"earnings|salary|wages?)\b", re.IGNORECASE)
# what is priced, earned or saved in the task, not what the user pays or loses
_NOT_OURS = re.compile(
    r"\b(?:plan|plans|subscription|price[sd]?|priced|pricing|revenue|sales|salary|salaries|"
    r"earns?|earning|paying|pays|paid|saves?|saving|savings|worth|bill|order|orders|refunds?|"
    r"value|over|above|below|costs?|rents?|rented|renting|wages?|"
    # rent, salary and price in Italian, Spanish, French, German, Portuguese, Polish
    r"affitto|alquiler|loyer|miete|aluguel|czynsz\w*|stipendio|salario|salaire|gehalt|"
    r"salário|pensj\w+|wynagrodzeni\w+|prezz[oi]|precios?|prix|preise?|preços?|"
    r"cen(?:a|ie|y|ą|ach)?)\b",
    re.IGNORECASE)
# "firms that spend £2m a year", "clients who have $5k a month": someone else's money
_THIRD_PARTY = re.compile(r"\b(?:that|which|who|whose)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "Customers can't spend more than $50 a day", "Invoices must not exceed $1,000 a month":
# a limit on others' spending or the task's items, not the user's budget (review11: read as a
# $1,500 and a $1,000 monthly ceiling): the clause's subject, a few words before the cue
_OTHERS_LIMIT = re.compile(r"^\W*(?:(?:the|our|their|each|every|no)\s+)?(?:customers?|users?|"
                           r"clients?|cardholders?|members?|employees?|staff|buyers?|shoppers?|"
                           r"suppliers?|vendors?|invoices?|orders?|transactions?|payments?|"
                           r"claims?|refunds?)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_FAILURE = re.compile(
    r"\b(?:wrong|bad|mistakes?|missed|miss|missing|errors?|erroneous|incorrect|failed|fails?|"
    r"failures?|misclassif(?:ications?|ied|ies|y)|misrout(?:es?|ed|ing)|mislabel(?:s|ed|ing|led|ling)?|"
    r"hallucinat(?:ed|es|ion|ions)|inaccurate|misread|misreads|bugs?|"
    # "every mis-tagged ticket", "a misfiled letter" (decision QA 13: unread)
    r"mis-?(?:tagged|filed|sorted|categori[sz]ed|labell?ed|routed|classified|translated|"
    r"quoted|priced|matched|typed|assigned|flagged)|"
    # Italian, Spanish, French, German, Portuguese, Polish: an error, wrong
    r"errore|errori|sbagliat[oaie]|errores|erróneo|erronea|erreurs?|faux|fausse|fehler\w*|"
    r"falsch\w*|erros?|errad[oa]s?|błąd|błędy|błędu|błędn\w+|pomyłk\w+|incorrect[oa]s?|"
    r"incorrett[oaie]|incorrect(?:e|s|es)|equivocad[oa]s?|mauvaise?s?|"
    # bad (es, pt): "un resumen malo nos puede costar ..." (QA round 9)
    r"malo|mala|malos|malas|ruim|ruins|"
    # wrong, error, mistake (sv)
    r"felaktig[at]?|fel|misstag)\b", re.IGNORECASE)
_COST_VERB = re.compile(r"(?<=\s)=(?=\s)|"  # "every wrong summary = 10 min of an agent"
                        r"\b(?:costs?|costing|costly|expensive|means|wastes?|loses?|takes?|"
                        r"spends?|needs|"
                        r"redoes|has to redo|have to redo|"
                        # costs, needs, spends (it, es, fr, de, pt, pl)
                        r"costa|costano|cuesta|cuestan|coûte|coûtent|kostet|kosten|custa|"
                        r"custam|kosztuje|kosztują|braucht|brauchen|passe|passent|necesita|"
                        r"precisa|zajmuje|"
                        # takes (time), loses: "tarda", "impiega", "dauert", "traci", "perde"
                        r"tarda|tardan|impiega|impiegano|prend|prennent|dauert|demora|leva|"
                        r"traci|tracą|perde|perdem|pierde|pierden|verliert|verlieren|"
                        # "puede costar", "pode custar", "peut coûter", "può costare"
                        r"costar|costarnos|custar|coûter|costare|kosztować|"
                        # costs, takes (sv)
                        r"kostar|tar)\b",
                        re.IGNORECASE)
# A person's time: minutes, hours, or whole days and weeks of work ("costs the team a day",
# "half a day of a lawyer"), a day being a working day's hours; "2 person-hours", "a man-day"
# (decision QA 12: "a bad summary costs the team a day" was a $4.16 default, unsaid).
WORKDAY_HOURS = 8.0
_DAY_UNITS = r"(?:work(?:ing)?[- ])?days?|weeks?"
# "a wrong label costs 30 seconds of an annotator" (decision QA 13: unread)
_SECOND_UNITS = r"seconds?|secs?"
_TIME = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?)"
    r"(?:\s+(?:full|whole|entire))?\s*(?:(?:person|man|staff|engineer(?:ing)?|developer)[- ])?"
    rf"(?P<unit>{MINUTE_UNITS}|{HOUR_UNITS}|{_DAY_UNITS}|{_SECOND_UNITS})\b", re.IGNORECASE)


def _minutes_in(unit: str) -> float:
    """The minutes of work in one of ``_TIME``'s units: a day is WORKDAY_HOURS, a week five."""
    u = unit.lower()
    if u.startswith("sec"):
        return 1 / 60
    if u.startswith("week"):
        return 5 * WORKDAY_HOURS * 60.0
    if u.endswith(("day", "days")):
        return WORKDAY_HOURS * 60.0
    return 60.0 if in_hours(unit) else 1.0
WORDS_CHARS = 120  # the words shown beside a reading, at most


@dataclass(frozen=True)
class BudgetRead:
    """A monthly budget the words name."""

    usd_per_month: float
    words: str
    how: str = ""  # how a yearly or foreign figure became dollars a month
    # "at most $800 a month", "höchstens 800 €": a limit to stay under, not a sum to spend
    ceiling: bool = False


# What is paid now, said before its figure: "our current spend of", "what we pay now (",
# "we currently pay", "today's bill of" (decision QA 14: "stay under our current spend of
# €120 a month" read as a sum to spend, "no more than what we pay now ($300 a month ...)"
# unread)
_NOW_SPEND = (r"(?:(?:our|the|my)\s+(?:current|present|existing|today['’]s)\s+(?:monthly\s+)?"
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
_CEILING_BEFORE = re.compile(
    # "we can't spend more than $200 a week", "must not go over": a limit said with a negation
    rf"\b{_NEGATION}(?: want to)? (?:spend|pay|go|be|cost) (?:more than|over|above)\b"
    r"[^$€£¥\d]{0,20}$|"
    rf"\b(?:{_LIMIT_WORDS}|up to|under|below|within|cap(?:ped)?(?: at)?|ceiling|"
    r"limit(?:ed to)?|never (?:more|above)|bis zu|unter|jusqu'à|moins de|hasta|menos de|"
    r"fino a|até)\b[^$€£¥\d]{0,20}$|"
    # "stay under our current spend of €120 a month": what is paid now, as the limit
    rf"\b(?:under|below|within|beneath|{_LIMIT_WORDS})\s+{_NOW_SPEND}$", re.IGNORECASE)
_CEILING_AFTER = re.compile(rf"^[^,;]{{0,25}}?\b(?:{_LIMIT_WORDS}|tops|or less|and no more|"
                            r"no more)(?!\w)", re.IGNORECASE)


def _ceiling(clause: str, m: re.Match[str], capped: bool) -> bool:
    """Whether the budget at ``m`` is a limit to stay under (see above)."""
    return (capped or _CEILING_BEFORE.search(clause[:m.start()][-40:]) is not None
            or _CEILING_AFTER.match(clause[m.end():]) is not None)


@dataclass(frozen=True)
class UnitBudgetRead:
    """A limit a call or a task ("under a cent a call", "$2 per 1,000 tickets"): a month's
    ceiling once the workload's calls and runs are known (``monthly``)."""

    usd: float  # dollars a call or a task
    per_call: bool  # a model call ("a call", "per request"), else a task ("per ticket")
    words: str
    how: str = ""  # a currency conversion, "per 1,000"

    def monthly(self, runs_per_month: float, calls_per_task: int) -> BudgetRead:
        """The month's ceiling: the figure a task (a call's x the calls a task) x the runs."""
        calls = calls_per_task if self.per_call else 1
        usd = self.usd * calls * runs_per_month
        per = "a call" if self.per_call else "a task"
        sums = f"{money(self.usd)} {per}" + (f" x {calls:,} calls a task" if calls > 1 else "")
        how = "; ".join(filter(None, (self.how, f"{sums} x {runs_per_month:,.0f} tasks a month "
                                                f"= {money(usd)} a month")))
        return BudgetRead(round(usd, 2) if usd >= 0.005 else usd, self.words, how, ceiling=True)


@dataclass(frozen=True)
class MoneyWords:
    failure: FailureRead | None = None
    budget: BudgetRead | None = None
    unread: tuple[str, ...] = ()  # figures not read, and why ("kr" is several currencies)
    unit_budget: UnitBudgetRead | None = None  # a limit a call or a task, when no month's


def read_money(text: str) -> MoneyWords:
    """The failure cost and the monthly budget the description states, each with its words;
    None where it states none (see the module docstring for what counts)."""
    failure: FailureRead | None = None
    budget: BudgetRead | None = None
    unit: UnitBudgetRead | None = None
    unread: list[str] = []
    text = text or ""
    point = written_in(word_list(text.lower())) in POINT_LANGUAGES
    language = own_words_language(text.lower())  # "500 kr" in a Swedish text: kronor
    paid_now: BudgetRead | None = None  # "our current spend is $120 a month": a fallback
    for sentence in (s.strip() for s in _SENTENCES.split(text)):
        for clause in (c.strip() for c in _CLAUSES.split(sentence)):
            if not clause:
                continue
            if budget is None:
                at = text.find(clause)
                budget = _budget(clause, unread, head=0 <= at < UNSAID_HEAD, point=point,
                                 language=language)
                if budget is not None and _only_paid_now(budget):
                    paid_now, budget = paid_now or budget, None
            if failure is None:
                failure = _failure(clause, sentence, unread, point, language)
            if budget is None and unit is None:
                unit = _unit_budget(clause, unread, point, language, text)
    if failure is None:
        failure = _lost_value(text, unread, point, language)
    if failure is None:
        _stakes(text or "", unread)
    if budget is None:
        budget = _paid_now(text, unread, point, language)
        if budget is not None:  # the figure is read after all: not "not read as a budget"
            unread = [u for u in unread if not (" was not read as a monthly budget" in u
                                                and u.split("'")[1] in budget.words)]
    budget = budget or paid_now
    return MoneyWords(failure, budget, tuple(dict.fromkeys(unread)),
                      None if budget is not None else unit)


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
_UNIT_CUE = re.compile(rf"(?:{_CEILING_BEFORE.pattern})|\b(?:we|i) (?:can|could) (?:only )?"
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
    refunds ... (``_OTHERS_LIMIT``), a price or a charge is said before it, or the money
    goes to refunds or vouchers after it."""
    before = clause[:cue_start]
    return (_OTHERS_LIMIT.match(before) is not None or _THIRD_PARTY.search(before) is not None
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
                         r"people|months?|years?|quarters?|weeks?|days?|hours?|"
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


def _unit_budget(clause: str, unread: list[str], point: bool,
                 language: str | None, text: str = "") -> UnitBudgetRead | None:
    found = sorted([*_amounts(clause), *_CENTS.finditer(clause)], key=lambda m: m.start())
    for m in found:
        unit = _UNIT_AFTER.match(clause, m.end()) or _counted_unit(clause, m.end(), text)
        near_start = max(0, m.start() - 40)
        cue = _UNIT_CUE.search(clause, near_start, m.start())
        said_before = _UNIT_BEFORE.search(clause, 0, m.start()) if unit is None else None
        if said_before is not None and _unit_of(said_before["noun"], text):
            # "the cost per item must stay below half a cent": the unit said before the figure
            unit, cue = said_before, said_before
        if unit is None or cue is None or _NOT_OURS.search(clause, cue.end(), m.start()):
            continue
        if _others_unit_limit(clause, cue.start(), max(unit.end(), m.end())) \
                or _items_priced(clause, cue.start(), unit.group(0)):
            continue
        if m.re is _CENTS:
            n = m["n"].lower()
            usd, how = (0.5 if n.startswith("half") else parse_number(n) or 0.0) / 100, ""
        else:
            amount = _usd(m, unread, point, language)
            if amount is None:
                continue
            usd, how = amount.usd, amount.how
        if unit["k"] or unit["k2"]:
            how = "; ".join(filter(None, (how, f"{money(usd)} per 1,000 = "
                                               f"{money(usd / 1000)} each")))
            usd /= 1000
        if usd <= 0:
            continue
        return UnitBudgetRead(usd, unit["call"] is not None,
                              _words(clause[cue.start():max(unit.end(), m.end())].strip()), how)
    return None


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
_WORTH = re.compile(r"\b(?:worth|value[sd]?\s+(?:at|of)|lifetime\s+value\s+(?:is|of))\s+"
                    r"(?:about\s+|around\s+|roughly\s+|on average\s+|~\s*)?$", re.IGNORECASE)
_SHARE_LOST = re.compile(r"\b(?:(?P<one>\d+|one|a)\s+(?:in|out\s+of)\s+(?P<n>\d+)|"
                         r"(?P<pct>\d{1,2}(?:\.\d+)?)\s?%)(?=\s+(?:of\s+)?(?:(?:the|our|those|"
                         r"these)\s+)?(?:customers?|clients?|subscribers?|buyers?|users?|people|"
                         r"them)\b)", re.IGNORECASE)


def _lost_value(text: str, unread: list[str], point: bool,
                language: str | None) -> FailureRead | None:
    """A failure's cost said as revenue it loses or a customer it loses (see above)."""
    for sentence in (s.strip() for s in _SENTENCES.split(text[:UNSAID_HEAD])):
        fail = _FAILURE.search(sentence)
        if fail is None:
            continue
        rest = sentence[fail.end():]
        for m in _amounts(rest):
            if m.start() > 60 or re.search(r"\b(?:where|when|that|which|if)\b", rest[:m.start()]):
                break  # "the bug where we lose $20 in lost sales": the task's, not a failure's
            if _LOST_AFTER.match(rest, m.end()) and _period_after(rest[m.end():]) is None:
                amount = _usd(m, unread, point, language)
                if amount is not None and 0 < amount.usd <= MAX_FAILURE_COST_USD:
                    end = fail.end() + _LOST_AFTER.match(rest, m.end()).end()
                    return FailureRead(round(amount.usd, 2) if amount.how else amount.usd,
                                       None, _words(sentence[fail.start():end]), amount.how)
        loss = _LOSS.search(sentence, fail.end(), fail.end() + 80)  # the failure loses them
        if loss is None or _CUSTOMER.search(sentence) is None:
            continue
        start = max(sentence.rfind("; ", 0, fail.start()) + 2, sentence.rfind(", ", 0,
                                                                              fail.start()) + 2)
        for m in _amounts(sentence):
            if _WORTH.search(sentence[max(0, m.start() - 30):m.start()]) is None:
                continue
            amount = _usd(m, unread, point, language)
            if amount is None or amount.usd <= 0:
                continue
            months = _period_after(sentence[m.end():])
            value = amount.usd * 12 / months if months else amount.usd
            how = [amount.how] if amount.how else []
            if months:
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
                return FailureRead(round(usd, 2), None, _words(sentence[start:end]),
                                   "; ".join(how))
    return None


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
# "costs us nothing", "costs nothing": a failure cost of $0, said in words
_NOTHING = re.compile(r"^\s*(?:(?:us|me|them)\s+)?(?:nothing|zero|\$?0 dollars)\b"
                      r"(?!\s+(?:much|more|less|but|short|like))", re.IGNORECASE)


def _stakes(text: str, unread: list[str]) -> None:
    for sentence in (s.strip() for s in _SENTENCES.split(text)):
        for clause in (c.strip() for c in _CLAUSES.split(sentence)):
            fail = _FAILURE.search(clause)
            stakes = None if fail is None else (_STAKES.search(clause, fail.end())
                                                or _COSTS_NO_FIGURE.search(clause, fail.end()))
            if stakes is not None and fail is not None and stakes.start() - fail.end() <= 40 \
                    and "\n" not in clause[fail.start():stakes.end()]:
                said = _words(_own_part(clause, fail.start(), stakes.end()))
                unread.append(f"'{said}' gives no dollar figure, so the category's failure "
                              "cost is used; give what one bad answer costs you instead")
                return


@dataclass(frozen=True)
class _Amount:
    """An amount the words give, in dollars, and how it became dollars ('' for dollars)."""

    usd: float
    how: str


def _usd(m: re.Match[str], unread: list[str], point: bool = False,
         language: str | None = None) -> _Amount | None:
    """The amount in dollars, by the workload reader's parser ("$1.5k", "$2 million"),
    converted at the dated rate when in another currency; None (and a note) when the
    currency cannot be converted. ``point``: the text is written in a language whose
    thousands are marked with a point, so "$2.000" there is two thousand dollars."""
    pre = m.re is _PRE_AMOUNT
    if _NEGATIVE.search(m.string, 0, m.start()):
        unread.append(f"'{m.string[m.start() - 1:m.end()].strip()}' was not read: a cost or "
                      "a budget cannot be negative; give your own figure instead")
        return None
    said = (m["pre"] if pre else m["suf"]).lower()
    code = BEFORE[said] if pre else AFTER[said]
    # "500 kr" in a text written in Swedish is Swedish kronor (elsewhere several currencies')
    shared = "" if code else SHARED_IN_LANGUAGE.get((said, language or ""), "")
    country = None if code or shared else named_country_currency(said, m.string)
    code = code or shared or (country[0] if country else "")
    dec = m["dec"] or ""
    if len(dec) == 4 and not m["scale"] and (code not in ("USD", "GBP") or point
                                             or said in POINT_DOLLAR_NAMES):
        dec = dec[1:]  # "€1.200", "1.500 zł": a thousands point, as written in Europe
    num = re.sub(r"[ \u00a0\u202f\u2009]", "", m["num"])  # "1 200 zł"
    n = parse_number(f"{num}{dec} {m['scale'] or ''}") or 0.0
    conv = to_usd(n, code) if code else None
    if conv is None:
        why = AMBIGUOUS.get(said, f"{said} is not a currency this reads")
        unread.append(f"'{m.group(0).strip()}' was not read as dollars ({why}); give the "
                      "figure in US dollars in the form")
        return None
    if code == "USD":
        return _Amount(n, "")
    why = (f" ({said} in a text written in {language}: {code})" if shared
           else f" ({said} beside '{country[1]}': {code})" if country else "")
    return _Amount(conv.usd, f"{m.group(0).strip()} = {money(conv.usd)} at {conv.rate}{why}")


# Languages written with a thousands point ("2.000", "1.500.000"), by their small words.
POINT_LANGUAGES = frozenset({"Spanish", "Portuguese", "German", "Italian", "Dutch"})
# A cost verb or budget word of those languages marks a short clause the small words miss
# ("Un error nos cuesta $2.000", "Ein Fehler kostet uns 1.200 Dollar").
POINT_WORDS = frozenset({"cuesta", "cuestan", "costar", "costarnos", "custa", "custam", "custar",
                         "kostet", "kosten", "costa", "costano", "costare", "presupuesto",
                         "orçamento", "gastar", "spendere", "ausgeben"})


# a minus sign just before the amount ("costs us -$200", "−€50"), not a range's dash
# ("$100-$200") nor a dash between words ("costs - $200")
_NEGATIVE = re.compile(r"(?:^|(?<=[\s(:=]))[-\u2212]$")


def _words(clause: str) -> str:
    return clause if len(clause) <= WORDS_CHARS else clause[:WORDS_CHARS - 3] + "..."


def _period_after(after: str) -> float | None:
    """How many months the period right after an amount is ("a month", "per year", "pro
    Woche", "all'anno"), None when none is said there."""
    if _MONTH_AFTER.match(after):
        return 1.0
    p = _PERIOD_AFTER.match(after)
    if p is not None:
        return _months_of(p["unit"] or p["unit2"] or p["adv"])
    return _FOREIGN_MONTHS.get(foreign_period_at(after.lower(), 0) or "")


def _months(clause: str, m: re.Match[str]) -> float | None:
    """How many months the amount's period is: 1 for "a month" or "monthly budget", 12 for
    "a year" or "annual budget", 3 a quarter, 12/52 a week; None when no period is said."""
    after = _period_after(clause[m.end():])
    if after is not None:
        return after
    if _MONTHLY_BEFORE.search(clause):
        return 1.0
    b = _PERIOD_BEFORE.search(clause)
    if b is None:
        return None
    if b["fyear"] or b["gyear"] or b["hyear"]:
        return 12.0
    if b["fquarter"] or b["gquarter"] or b["hquarter"]:
        return 3.0
    return _months_of(b["adj"] or b["unit"])


# A budget said with no period ("Our budget is $500.", "Budget cap EUR 40,000.", "we have $20
# total"): not read, since a budget here is a month's, but said, so it is not dropped without
# a word. Only the user's own budget: not "within a budget of $100" (a shopper's), "your
# budget of $200" (a role-play's) or "a budget of $160 million" (a film's).
_NO_PERIOD_CUE = re.compile(
    r"(?:\b(?:our|my|the|total|overall|project) budget|^(?:budget|presupuesto|orçamento|"
    r"budżet))\b(?: cap| limit| ceiling)?"
    r"(?: is| of|:)?(?: only| about| around| roughly)?\s*$|"
    r"\b(?:we|i) can (?:only )?afford (?:about |around |up to )?$|"
    r"\b(?:we|i) (?:can|could) spend (?:about |around |up to |at most |no more than )?$|"
    r"\b(?:we|i) (?:only |still )?have (?:about |around |roughly )?$", re.IGNORECASE)
# "we have $20 total" is a budget; "we have $20 coupons" is not
_HAVE_AFTER = re.compile(r"^\s*(?:total|in total|all in|altogether|left|to spend|overall)?"
                         r"\s*(?:[.;,!?]|$)", re.IGNORECASE)
# "$0.02 per request": a budget for something else than a month, not a month's left unsaid
# ("a" and "an" are words: "100 € au total" is no price per unit, QA round 9)
_PER_UNIT_AFTER = re.compile(r"^\s*(?:(?:per|a|an|each|every)\s+|/\s*)\w", re.IGNORECASE)


# "$3k for the whole migration", "€1,000 for the entire project": a sum for a whole project,
# not a month's (decision QA 13: unread, in silence)
_PROJECT_AFTER = re.compile(r"^\s*(?:for|over|across)\s+(?:the|our|this)\s+(?:(?:whole|entire|"
                            r"full|complete)\s+(?:[\w-]+\s+){0,2}?(?:project|migration|job|"
                            r"rollout|launch|pilot|engagement|contract|programme|program|"
                            r"clean-?up|backfill|effort|thing)|project|migration|pilot|"
                            r"rollout|backfill)\b", re.IGNORECASE)


# "budget for the whole data-cleanup project: €1,000": the project named before the amount
_PROJECT_BEFORE = re.compile(r"\bbudget\s+(?:for|of)\s+(?:the|our|this)\s+(?:(?:whole|entire|full|"
                             r"complete)\s+)?(?:[\w-]+\s+){0,2}?(?:project|migration|pilot|"
                             r"rollout|backfill|clean-?up)\s*(?:is|of|:|=)?\s*$", re.IGNORECASE)


def _no_period(clause: str, m: re.Match[str], unread: list[str]) -> None:
    after = clause[m.end():]
    project = _PROJECT_AFTER.match(after) or _PROJECT_BEFORE.search(clause[:m.start()])
    if project is not None and not _NOT_OURS.search(clause[:m.start()]) \
            and not _THIRD_PARTY.search(clause[:m.start()]):
        said = (m.group(0) + project.group(0) if project.re is _PROJECT_AFTER
                else project.group(0) + m.group(0)).strip()
        unread.append(f"'{said}' was not read as a budget: a sum for the whole project, not a "
                      "month's; give the monthly budget in the form, or say the project's "
                      "months")
        return
    cue = _NO_PERIOD_CUE.search(clause[:m.start()])
    if cue is None or _INCOME_AFTER.match(after) or _PER_UNIT_AFTER.match(after):
        return
    if "have" in cue.group(0).lower() and not _HAVE_AFTER.match(after):
        return
    said = m.group(0).strip()
    unread.append(f"'{said}' was not read as a budget: the words give no period, and a budget "
                  f"here is a month's; say '{said} a month' or give your own monthly budget "
                  "instead")


# "Our monthly spend must stay below $1k", "keep the monthly bill within €200": a cap on what
# the team spends a month ("below" elsewhere marks a price in the task: "orders below $50")
_SPEND_CAP = re.compile(r"\b(?:our |the |my )?monthly (?:spend|spending|costs?|bill)\s+(?:must |"
                        r"should |has to |needs to |will have to )?(?:stay |be |remain )?"
                        r"(?:below|under|within|at most|no more than)\s*$|\bkeep (?:our |the |my )?"
                        r"monthly (?:spend|spending|costs?|bill) (?:below|under|within)\s*$",
                        re.IGNORECASE)


def _only_paid_now(read: BudgetRead) -> bool:
    """Whether the budget read is what is paid now with no limit set at it ("Our current
    spend is $120 a month, and we can spend up to $200": the $200 is the budget; review 14,
    read $120). Used only when no other budget is said."""
    return not read.ceiling and re.match(_NOW_SPEND, read.words, re.IGNORECASE) is not None


# a limit set at what is paid now: "no more than what we pay now ($300 a month ...)", "stay
# under our current spend of €120 a month" (the limit's subject may be a cost: "it must cost")
_NOW_CAP = re.compile(rf"\b(?:under|below|within|beneath|less than|cheaper than|{_LIMIT_WORDS})"
                      rf"\s+{_NOW_SPEND}$", re.IGNORECASE)
# the work's own cost as the subject of a limit: "it must cost no more than", "the whole thing
# shouldn't cost more than", "the new setup can cost at most" ("cost" elsewhere before a cue
# marks a price in the task: "items that cost under $5")
# ("the AI add-on should cost under $100 a month": review 14, unread beside what is paid now)
_OUR_COST = re.compile(r"(?:^|[,:(]\s*|\b(?:and|but|so)\s+)(?:it|this|(?:the|our)\s+"
                       r"(?:whole\s+thing|(?:new\s+|ai\s+)?(?:setup|tool|service|solution|model|"
                       r"bot|assistant|pipeline|system|ai|add-?on|feature|upgrade)))\s+"
                       r"(?:must|should|can|may|has to|needs to|will)(?:n['’]?t|"
                       r"\s+not)?\s+cost\s*$", re.IGNORECASE)
# the same subject with its limit and no cue word: "it shouldn't cost more than $50 a month",
# "the tool must cost at most $80 a month" (unread, in silence, before decision QA 14)
_OUR_COST_LIMIT = re.compile(_OUR_COST.pattern.removesuffix(r"\s*$")
                             + r"\s+(?:more than|over|above|at most|less than|under|below|no "
                               r"more than)\s*(?:about\s+|around\s+)?$", re.IGNORECASE)
# "We currently pay $450 a month for ...; the new setup shouldn't cost more than that": the
# figure paid now, then a limit at "that" (decision QA 14: unread)
# (whom it is paid to may stand between: "we pay a freelancer $800 a month", held-back h2)
_PAY_NOW_BEFORE = re.compile(r"\b(?:we|i)\s+(?:(?:currently|now|today|already)\s+)?(?:pay|spend)\s+"
                             r"(?:(?:an?|our|the|one|two|three)\s+)?(?:[\w-]+\s+)?"
                             r"(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_NOW_WORD = re.compile(r"\b(?:currently|now|today|at the moment|at present|right now)\b",
                       re.IGNORECASE)
_THAT_LIMIT = re.compile(rf"(?:\b{_NEGATION}\s+(?:cost|be|go|come in|exceed)\s+(?:more than|over|"
                         r"above)|\b(?:no more than|not more than|under|below|less than|cheaper "
                         r"than|within)|\bcome in (?:under|below))\s+(?:that|what we (?:pay|spend)"
                         r"(?: now| today| currently)?|today['’]s (?:bill|cost|spend))\b",
                         re.IGNORECASE)


def _paid_now(text: str, unread: list[str], point: bool,
              language: str | None) -> BudgetRead | None:
    """What is paid now a period, when the text then sets the limit at it ("... shouldn't
    cost more than that"): that figure, a month's, as the ceiling."""
    for sentence in (s.strip() for s in _SENTENCES.split(text)):
        for clause in (c.strip() for c in _CLAUSES.split(sentence)):
            for m in _amounts(clause):
                before = clause[:m.start()]
                if _PAY_NOW_BEFORE.search(before[-40:]) is None or not (
                        _NOW_WORD.search(sentence)):
                    continue
                months = _period_after(clause[m.end():])
                rest = text[text.find(clause) + m.end():]
                limit = _THAT_LIMIT.search(rest)
                if months is None or limit is None:
                    continue
                amount = _usd(m, unread, point, language)
                if amount is None or amount.usd <= 0:
                    continue
                usd = amount.usd / months
                how = [amount.how] if amount.how else []
                if months != 1.0:
                    how.append(f"{money(amount.usd)} {_PERIOD_NAME[months]} = {money(usd)} a month")
                how.append(f"what you pay now, the limit your words set ('{limit.group(0)}')")
                return BudgetRead(round(usd, 2), _words(_own_part(clause, 0, m.end())),
                                  "; ".join(how), ceiling=True)
    return None


# "with £2,400 a year to spend", "$500 a month to play with": the budget word after the
# amount and its period (decision QA 12: unread, in silence)
_SPEND_AFTER = re.compile(r"\s*(?:(?:a|per|each|every)\s+\w+(?: \w+)?\s+|/\s?\w+\s+)?"
                          r"(?:to spend|to play with|available to spend)\b", re.IGNORECASE)


# the budget word after the amount and its period (decision QA 13: "500 kr per month budget"
# was told to "write 'budget' before it"); a cap or a limit makes it a ceiling
_BUDGET_AFTER = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?:month|year|quarter|week|day)\s+|"
                           r"/\s?\w+\s+|(?:monthly|yearly|annual|quarterly|weekly|daily)\s+)"
                           # (not a plan's name: "the $49 a month budget plan", review 13)
                           r"(?:budget\b(?!\s+(?:plans?|tiers?|versions?|options?|editions?|"
                           r"packages?|subscriptions?|models?|hotels?|phones?|ranges?)\b)|"
                           r"(?P<limit>(?:spending\s+)?(?:cap|limit)\b))",
                           re.IGNORECASE)


def _cue_start(cue: re.Match[str] | None) -> int:
    """Where a budget cue starts: at the verb of a negated limit ("go over" of "must not go
    over"), so the words before it are the clause's subject."""
    if cue is None:
        return 0
    return cue.start("verb") if cue["verb"] else cue.start()


# A budget a seat, a user or each of a team ("$20 per seat, 12 seats", "$15 a seat a month" for
# "our 8-person team", "our team of 5 has $50 each per month"; decision QA 13: each unread, in
# silence): the figure times the seats the clause counts, a month when no period is said (as
# seats are priced)
_SEAT_UNITS = r"seats?|users?|licen[cs]es?|heads?|members?|employees?|persons?|people"
_SEAT_AFTER = re.compile(rf"\s*(?:(?:a|per|each|every|/)\s*(?:{_SEAT_UNITS})\b|each\b)",
                         re.IGNORECASE)
_SMALL = r"\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
_SEATS = re.compile(rf"\b(?P<n>{_SMALL})\s+(?:{_SEAT_UNITS})\b|\bteam\s+of\s+(?P<t>{_SMALL})\b|"
                    rf"\b(?P<p>{_SMALL})[- ](?:person|people|seat|member|strong)\b", re.IGNORECASE)
_SEAT_CUE = re.compile(r"\b(?:has|have|get|gets|(?:will|can|could|would)\s+pay)\b"
                       r"[^$€£¥\d]{0,20}$", re.IGNORECASE)


# a seat's price, not a budget: "50 seats of Slack at $8 per seat", "the tool costs $12 per
# seat" (review 13: "We have 50 seats ... at $8 per seat" read as a $400 budget, the "have")
_SEAT_PRICE_BEFORE = re.compile(r"\b(?:at|costs?|costing|priced\s+at|charges?|charged)\s*"
                                r"(?:about\s+|around\s+|~\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Seats:
    """A figure a seat, and the seats the clause counts."""

    n: float
    months: float  # the figure's period: 1 when none is said
    how: str
    words: str = ""  # the figure, its seat and the count ("€25 per user ... for 10 users")
    period_said: bool = False


def _seats(clause: str, m: re.Match[str]) -> _Seats | None:
    """The seats a budget a seat is for ("$20 per seat, 12 seats"), or None when the amount
    is not said a seat; n 0 when the clause counts no seats."""
    seat = _SEAT_AFTER.match(clause, m.end())
    if seat is None:
        return None
    counts = [c for c in _SEATS.finditer(clause) if c.end() <= m.start() or c.start() >= m.end()]
    if not counts:
        said = clause[m.start():seat.end()].strip()
        return _Seats(0.0, 1.0, said, said)
    c = counts[0]
    n = parse_number(c["n"] or c["t"] or c["p"]) or 0.0
    # "$30 per seat per month"; else "annual budget $40 per seat", said before the amount
    months = _period_after(clause[seat.end():]) or _months(clause, m)
    said = "" if months is not None else "; no period said, so a month's, as seats are priced"
    words = clause[min(m.start(), c.start()):max(seat.end(), c.end())].strip()
    return _Seats(n, months or 1.0, f"{clause[m.start():seat.end()].strip()} x "
                                    f"'{c.group(0).strip()}'{said}", _words(words),
                  months is not None)


def _budget(clause: str, unread: list[str], head: bool = True,
            point: bool = False, language: str | None = None) -> BudgetRead | None:
    paid_now: BudgetRead | None = None
    for m in _amounts(clause):
        before = clause[:m.start()]
        near = before[-40:]
        capped = _SPEND_CAP.search(before) is not None
        cue = _BUDGET_CUE.search(near)
        # "no more than what we pay now ($300", "it must cost no more than $300 a month"
        our_limit = _OUR_COST_LIMIT.search(near) if cue is None else None
        now_cap = _NOW_CAP.search(before) is not None or our_limit is not None or (
            cue is not None and _OUR_COST.search(before[:m.start() - len(near) + cue.start()])
            is not None)
        spend_after = False
        seats = _seats(clause, m)
        if seats is not None:
            seat_cue = _SEAT_CUE.search(near)
            if not seats.n and re.search(r"\bbudget\b", near, re.IGNORECASE):
                unread.append(f"'{seats.words}' was not read as a budget: the words give no "
                              "number of seats; give the team's monthly budget instead")
            if seats.period_said and cue is None and seat_cue is None \
                    and _unsaid_budget(clause, m, head):
                unread.append(f"'{seats.words}' was not read as a monthly budget: no word says "
                              "it is what you can spend; if it is, write 'budget' before it or "
                              "give it in the form")
            if not seats.n or (cue is None and seat_cue is None) \
                    or _OTHERS_LIMIT.match(before) or _THIRD_PARTY.search(near) \
                    or _SEAT_PRICE_BEFORE.search(before):
                continue  # a price each ("tickets at $50 each"), or no seats counted
            if cue is None:  # "our team of 5 has $50 each": to spend
                capped, spend_after = True, True
        months = seats.months if seats is not None else 1.0 if capped else _months(clause, m)
        if months is None:
            _no_period(clause, m, unread)
            continue
        if _INCOME_AFTER.match(clause[m.end():]):
            continue
        at = _cue_start(cue)
        after_word = _BUDGET_AFTER.match(clause, m.end())
        if cue is None and not capped and after_word is not None \
                and not _THIRD_PARTY.search(near) and not _OTHERS_LIMIT.match(before) \
                and not _NOT_OURS.search(near):
            # "500 kr per month budget", "a $300 monthly cap": the budget word after it
            capped, spend_after = True, after_word["limit"] is None
        if cue is None and not capped and _SPEND_AFTER.match(clause, m.end()) \
                and not _THIRD_PARTY.search(near) and not _OTHERS_LIMIT.match(before):
            # not "Each employee gets $1,000 a year to spend on training" (review 12: read as
            # an $83 monthly budget)
            capped, spend_after = True, True  # "with £2,400 a year to spend": said after it
        if cue is None and not capped and not now_cap and _unsaid_budget(clause, m, head):
            # "Verträge zusammenfassen: 300 € pro Monat": an amount a month that no word makes
            # a budget, a price or anyone's income; said, never silently taken or dropped
            unread.append(f"'{_amount_words(clause, m)}' was not read as a monthly budget: no "
                          "word says it is what you can spend; if it is, write 'budget' "
                          "before it or give it in the form")
            continue
        if not capped and cue is not None and months in _DAYS and \
                cue.group(0).lower() in ("for", "under"):
            continue  # "for as little as $8 a day", "rooms under $30 a day": a price a day
        if not capped and not now_cap and (cue is None or _NOT_OURS.search(near[cue.end():]) or (
                _NOT_OURS.search(near[:at]) and "budget" not in near.lower())
                or _THIRD_PARTY.search(near[:at])
                or (cue.group(0).lower() != "budget"
                    and _OTHERS_LIMIT.match(before[:m.start() - len(near) + at]))):
            continue
        amount = _usd(m, unread, point or (cue is not None
                                           and cue.group(0).lower() in POINT_WORDS), language)
        if amount is None:
            continue
        usd = amount.usd * (seats.n if seats is not None else 1) / months
        if usd > MAX_BUDGET_USD:  # a typo or a joke: said, never a silent default
            unread.append(f"'{m.group(0).strip()}' was not read as a budget: {money(usd)} a "
                          f"month is more than the {money(MAX_BUDGET_USD)} a month this "
                          "reads; give your own budget instead")
            continue
        if usd > 0:
            how = [amount.how] if amount.how else []
            if seats is not None:
                how.append(f"{seats.how}: {money(amount.usd)} x {seats.n:g} = "
                           f"{money(amount.usd * seats.n)}")
            if months != 1.0:
                total = amount.usd * (seats.n if seats is not None else 1)
                how.append(f"{money(total)} {_PERIOD_NAME[months]} = {money(usd)} a month")
            # to the cent, unless that is $0 ('R$ 0.02' is $0.0037: refused as no budget)
            start = m.start() - len(near) + at if cue is not None and not capped \
                else m.start() - len(near) + our_limit.start() if our_limit is not None \
                else m.start() if spend_after \
                else clause.lower().rfind("monthly", 0, m.start())
            read = BudgetRead(round(usd, 2) if how and usd >= 0.005 else usd,
                              _words(_own_part(clause, start, m.end())), "; ".join(how),
                              ceiling=_ceiling(clause, m, capped and not spend_after))
            if _only_paid_now(read):
                paid_now = paid_now or read  # a later figure in the clause may be the budget
                continue
            return read
    return paid_now


# An amount a month with no word saying what it is is asked about only where the task is
# said (``council.task_head``), not deep in a pasted document ("your payment could be as low as
# $0 per month").
UNSAID_HEAD = TASK_HEAD


def _unsaid_budget(clause: str, m: re.Match[str], head: bool) -> bool:
    """Whether an amount with a period, that no budget word names, may be the user's budget:
    in the head of the text, not quoted, its clause naming no price, income or third party."""
    before = clause[:m.start()]
    return (head and before.count("'") % 2 == 0 and before.count('"') % 2 == 0
            and not (_NOT_OURS.search(clause) or _THIRD_PARTY.search(before)))


def _amount_words(clause: str, m: re.Match[str]) -> str:
    """The amount and the period said right after it ("300 € pro Monat")."""
    after = clause[m.end():]
    period = re.match(r"\s*(?:\S+\s+)?\S+", after)
    return (m.group(0) + (period.group(0) if period else "")).strip().rstrip(".,;:")


def _own_part(clause: str, start: int, end: int) -> str:
    """The comma-separated parts of the clause from the cue word to the amount ("Classify
    5.000 e-mails a day, orçamento R$ 2.000 por mês" -> "orçamento R$ 2.000 por mês"; "...,
    about 50 a day, a wrong answer costs HR 20 minutes" -> "a wrong answer costs HR 20
    minutes"), so the words shown are the budget's or the failure's, not the volume's too."""
    comma = clause.rfind(", ", 0, start)
    after = re.search(r",\s", clause[end:])
    return clause[comma + 2 if comma >= 0 else 0:end + after.start() if after else len(clause)]


# "Cost of a wrong answer: $15", "cost per mistake = 20 min": a label, then the figure
_LABELLED = re.compile(rf"\b(?:cost|price) (?:of|per) (?:an? |one |each |every )?"
                       rf"(?:[\w-]+ ){{0,2}}?{_FAILURE.pattern}[^:=.;]{{0,25}}?\s*[:=]\s*",
                       re.IGNORECASE)


def _failure(clause: str, sentence: str, unread: list[str],
             point: bool = False, language: str | None = None) -> FailureRead | None:
    label = _LABELLED.search(clause)
    if label is not None:
        fail: re.Match[str] | None = label
        verb_end = label.end()
    else:
        fail = _FAILURE.search(clause)
        if fail is None:
            return None
        verb = _COST_VERB.search(clause, fail.end())
        if verb is None or _PRICE_SUBJECT.search(clause, 0, verb.start()):
            return None  # "Fix the bug where the price costs $5": a price in the task
        verb_end = verb.end()
        point = point or verb.group(0).lower() in POINT_WORDS
    after = clause[verb_end:]
    for m in _amounts(after):
        if _period_after(after[m.end():]) is not None or _PER_HOUR.match(after, m.end()):
            continue  # a figure a month, a year or an hour is not one failure's cost
        size = _PER_SIZE.match(after, m.end())
        if size is not None:  # "$0.40 per 100 words to fix": a rate of the text's size
            amount = _usd(m, unread, point, language)
            if amount is None:
                continue
            n = parse_number(size["n"].replace(",", "")) if size["n"] else 1.0
            unit = size["unit"].lower().rstrip("s")
            said = f"{size['n']} {size['unit']}" if size['n'] else unit
            return FailureRead(amount.usd, None,
                               _words(_own_part(clause, fail.start(), verb_end + size.end())),
                               amount.how, per_tokens=(n or 1.0) * UNIT_TOKENS[unit],
                               per_words=said)
        amount = _usd(m, unread, point, language)
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
            t = _joined_time(after, m.start(), end) if high is None else None
            minutes = _minutes_of(t) if t is not None else 0.0
            role = _role(clause, sentence, after, unread) if minutes else None
            if minutes and (role is not None or not AI_AGENT.search(after)):
                # "15 minutes of an agent plus a $10 voucher": both, summed where priced
                said = _words(_own_part(clause, fail.start(),
                                        verb_end + max(end, t.end() if t else 0)))
                return FailureRead(usd, minutes, said, how, rate=role[0] if role else None,
                                   role_words=role[1] if role else "")
            return FailureRead(usd, None, _words(_own_part(clause, fail.start(),
                                                           verb_end + end)), how)
    nothing = _NOTHING.match(after)
    if nothing is not None:  # "a wrong answer costs us nothing": a figure, $0
        return FailureRead(0.0, None, _words(_own_part(clause, fail.start(),
                                                       verb_end + nothing.end())))
    t = _time(after)
    if t is not None:
        minutes = _minutes_of(t)
        if minutes > 0:
            role = _role(clause, sentence, after, unread)
            if role is None and AI_AGENT.search(after):
                unread.append(f"'{t.group(0)}' of an AI agent was not read as a failure cost: "
                              "a program's minutes are not a person's wage; give what a "
                              "failure costs in dollars instead")
                return None
            said = _words(_own_part(clause, fail.start(), verb_end + t.end()))
            how = (f"'{t.group(0)}' read as {minutes / 60:g} hours of work, a working day "
                   f"being {WORKDAY_HOURS:g}" if _minutes_in(t["unit"]) > 60 else "")
            if role is None:
                return FailureRead(None, minutes, said, how)
            return FailureRead(None, minutes, said, how, rate=role[0], role_words=role[1])
    return None


def _minutes_of(t: re.Match[str]) -> float:
    """The minutes a ``_TIME`` match says ("half a day" is 240)."""
    n = t["n"].lower()
    return (0.5 if n.startswith("half") else parse_number(n) or 0.0) * _minutes_in(t["unit"])


def _role(clause: str, sentence: str, after: str, unread: list[str]) -> tuple[Rate, str] | None:
    """The role who redoes a failure, in its clause or else its sentence ("A nurse checks
    every flagged note; a wrong flag wastes 10 minutes of her time"); an agent whose minutes
    are lost ("costs an agent 5 minutes") is a person, unless a program."""
    return (_stated_rate(sentence, unread) or role_rate(clause) or agent_rate(after)
            or (None if _OTHER_PERSON.search(clause) else role_rate(sentence)))


# A person's time said beside a sum: "15 minutes of an agent plus a $10 voucher", "$10 and
# an hour of rework" (decision QA 12: the minutes were dropped, the failure read as $10)
_JOIN_BEFORE = re.compile(r"\b(?:plus|and|as well as)\s+(?:an?\s+)?$|\+\s*$", re.IGNORECASE)
_JOIN_AFTER = re.compile(r"\s*(?:\b(?:plus|and|as well as)\b|\+)\s*(?:(?:about|roughly|"
                         r"around|another)\s+)?", re.IGNORECASE)


def _joined_time(after: str, start: int, end: int) -> re.Match[str] | None:
    """A person's time joined to the amount at ``start``-``end`` by "plus" or "and"."""
    j = _JOIN_AFTER.match(after, end)
    if j is not None and (t := _TIME.match(after, j.end())) is not None \
            and _work_time(after, t):
        return t
    return _time(after[:start]) if _JOIN_BEFORE.search(after[:start]) else None


# "$5-$20", "$5 to $20", "between $5 and $20", "€5–20": a range's two ends
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to)\s*|\s+and\s+", re.IGNORECASE)
_BARE_NUM = re.compile(_NUM)
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


def _range_high(after: str, m: re.Match[str], low: _Amount, unread: list[str], point: bool,
                language: str | None) -> _Range | None:
    """The range that starts at the amount ``m``, or None when the amount is no range's low
    end. A bare upper end ("€5-20") is in the low end's currency, and its scale is the low
    end's too when that is smaller ("$1-2k" is $1,000 to $2,000; "$500-2k" $500 to $2,000)."""
    low_usd = low.usd
    join = _RANGE_JOIN.match(after, m.end())
    if join is None or (join.group(0).strip().lower() == "and"
                        and not re.search(r"\bbetween\s*$", after[:m.start()], re.IGNORECASE)):
        return None
    nxt = next((n for n in _amounts(after) if n.start() == join.end()), None)
    if nxt is not None:
        high = _usd(nxt, unread, point, language)
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


# A person the failure's clause names who is in no rate table: the sentence's role is not the
# one who pays ("Answer nurses' questions; a bad reply wastes 10 minutes of the support team").
_OTHER_PERSON = re.compile(r"\b(?:agents?|team|staff|analysts?|reviewers?|someone|person|"
                           r"editors?|clerks?|managers?|operators?|colleagues?|employees?|"
                           r"moderators?|support)\b", re.IGNORECASE)
# "$0.40 per 100 words", "$2 a page", "$1 per 1,000 tokens": a failure's cost a size of text
_PER_SIZE = re.compile(r"\s*(?:per|a|an|each|every|for every|/)\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)?"
                       r"\s*(?P<unit>words?|tokens?|pages?|lines?)\b", re.IGNORECASE)
_PER_HOUR = re.compile(r"\s*(?:an|a|per|/)\s*(?:hour|hr|h)\b", re.IGNORECASE)


def _time(after: str) -> re.Match[str] | None:
    """The first time a person spends, not the hour of a rate ("a sales rep at $60 an hour
    rewrites it in 15 minutes" is 15 minutes, not the hour of "$60 an hour")."""
    rates = [(m.start(), p.end()) for m in _amounts(after)
             if (p := _PER_HOUR.match(after, m.end())) is not None]
    return next((t for t in _TIME.finditer(after)
                 if not any(s <= t.start() < e for s, e in rates) and _work_time(after, t)),
                None)


# A day or a week is work only when said as such: the clause ends after it or it is "of
# rework", "of a lawyer", "to fix" (not "of delay"); and not a customer's day (review 12: "a
# day's revenue", "two weeks of delay", "one angry customer a day", "the patient a day in
# hospital" each read as 8 or 80 hours of work)
_DAY_OF_WORK = re.compile(
    r"\s*(?:$|[.,;:!?)]|(?:and|plus)\b|"
    # "of rework", "of a lawyer", "of our team's time"; not "of delay", "of revenue"
    r"of\s+(?!(?:[\w-]+\s+)?(?:delays?|downtime|revenue|sales|income|waiting|wait|outages?|"
    r"travel|hospital|leave|vacation|holidays?|sleep|interest|shipping|transit)\b)|"
    r"in\s+(?:[\w-]+\s+)?(?:work|rework|effort|labou?r|fixing|clean-?up)\b|"
    r"['’]s\s+(?:work|rework|effort|time)\b|(?:to|for)\s+(?:fix|redo|correct|clean|sort|rework|"
    r"untangle|repair)\b)", re.IGNORECASE)
# seconds are a person's work only when said so (not "timeout=1 sec)" in pasted code)
_SECONDS_OF_WORK = re.compile(r"\s*(?:of\s+(?:an?|the|our|my|their|one)\s+\w+|to\s+(?:fix|redo|"
                              r"correct|check|refile|re-?\w+))", re.IGNORECASE)
_NOT_STAFF = re.compile(r"\b(?:customers?|clients?|patients?|users?|guests?|buyers?|callers?|"
                        r"passengers?|applicants?|students?|shoppers?)\s+$", re.IGNORECASE)


def _work_time(text: str, t: re.Match[str]) -> bool:
    """Whether a ``_TIME`` match is a person's work: minutes and hours always; a second, a
    day or a week when said as work (``_DAY_OF_WORK``) and not a customer's ("a 10 second
    delay" is no work)."""
    if 1 <= _minutes_in(t["unit"]) <= 60:
        return True
    if _minutes_in(t["unit"]) < 1:  # "30 seconds of an annotator", "20 seconds to fix"
        return _SECONDS_OF_WORK.match(text, t.end()) is not None
    return (_DAY_OF_WORK.match(text, t.end()) is not None
            and _NOT_STAFF.search(text, max(0, t.start() - 30), t.start()) is None)


def _stated_rate(sentence: str, unread: list[str]) -> tuple[Rate, str] | None:
    """An hourly rate the failure's sentence gives ("a lawyer at $300 an hour redoes it in 20
    minutes"): the person's minutes at that rate, which beats any table."""
    for m in _amounts(sentence):
        per = _PER_HOUR.match(sentence, m.end())
        if per is None:
            continue
        amount = _usd(m, unread)
        if amount is None or amount.usd <= 0:
            return None
        said = sentence[m.start():per.end()]
        source = f"'{said}'" + (f", {amount.how}" if amount.how else "")
        return Rate(STATED_RATE, amount.usd, source), said
    return None
