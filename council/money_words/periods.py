"""The period an amount is said for ("a month", "pro Woche", "annual budget"), in months."""

from __future__ import annotations

import re

from council.money_words.vat import LEADING_VAT
from council.workload_words.periods import PER_MONTH, foreign_period_at

# "$100 max per month", "$250 tops a month": a cap word between the amount and its period
_CAP = r"(?:(?:max(?:imum)?|tops|at (?:the )?most|or less)\s+)?"
# "pcm", "per calendar month": a month as British rents and budgets say it (decision QA 14:
# "budget of £75 pcm" unread)
_MONTH_AFTER = re.compile(rf"^\s*{_CAP}(?:(?:a|per|each|every)\s+(?:calendar\s+)?month\b|"
                          r"/\s?(?:month|mo)\b|monthly\b|pcm\b|"
                          # German "250 € mtl." (decision QA 17's held-out h2: unread)
                          r"(?:mtl|monatl)\.|monatlich\b)", re.IGNORECASE)
_MONTHLY_BEFORE = re.compile(r"\bmonthly\s+(?:budget|cap|limit|spending limit)\b|"
                             r"\bbudget\b[^$€£¥]*\b(?:a|per)\s+month\b|"
                             r"\b(?:budget|presupuesto|orçamento|budżet) (?:mensile|mensual|"
                             r"mensuel|mensal|miesięczny)\b|\b(?:monatsbudget|maandbudget)\b|"
                             r"\b(?:monatliche[sn]?|miesięczny) (?:budget|budżet)\b",
                             re.IGNORECASE)
# A budget for a longer or shorter period: its share of a month (a week is 12/52 of one, a
# day 1/30 and a working day 12/260, as the workload reader counts a month's days).
_PERIOD_AFTER = re.compile(
    rf"^\s*{_CAP}(?:(?:a|per|each|every)\s+(?P<unit>year|quarter|week|(?:working |business )?"
    r"day)\b|/\s?(?P<unit2>year|yr|quarter|week|wk|day)\b|(?P<adv>yearly|annually|quarterly|"
    r"weekly|daily|per annum)\b|"
    # a named quarter, half or fiscal year: "$900 for Q1", "€5,000 for H2", "$12k for FY27"
    # (decision QA 15: unread, in silence)
    r"(?:for|in|during|over)\s+(?:the\s+)?(?P<named>Q[1-4]|H[12]|(?:first|second|third|fourth|"
    r"next|coming|current)\s+quarter|FY\s?['’]?\d{2,4}|(?:(?:next|coming|current|this)\s+)?"
    r"(?:fiscal|financial)\s+year)\b)", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(
    r"\b(?P<adj>annual|yearly|quarterly|weekly|daily)\s+(?:[\w-]+\s+){0,2}?(?:budget|cap|"
    r"limit|spend(?:ing)?)\b|"
    # "our FY26 budget", "the fiscal-year budget" (decision QA 15: unread)
    r"\b(?P<fy>FY\s?['’]?\d{2,4}|fiscal[- ]year|financial[- ]year)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:budget|cap|limit|spend(?:ing)?)\b|\bbudget\b[^$€£¥]*\b(?:a|per)\s+(?P<unit>year|quarter|week|"
    r"(?:working |business )?day)\b|"
    # "orçamento anual", "budget annuel", "jährliches Budget", "Jahresbudget", "roczny budżet"
    # (Italian "budget annuo di 1.200 euro", Dutch "jaarbudget": decision QA 16, unread)
    r"\b(?:budget|presupuesto|orçamento|budżet) (?:(?P<fyear>annuale|annuo|annua|anual|annuel|"
    r"roczny|jaarlijks)|"
    r"(?P<fquarter>trimestrale|trimestral|trimestriel|kwartalny))\b|"
    r"\b(?:(?P<gyear>jährliche[sn]?|roczny)|(?P<gquarter>vierteljährliche[sn]?|kwartalny)) "
    r"(?:budget|budżet)\b|\b(?P<hyear>jahresbudget|jaarbudget)\b|"
    r"\b(?P<hquarter>quartalsbudget|kwartaalbudget)\b|\b(?P<nyear>jaarlijks) budget\b",
    re.IGNORECASE)
_DAY, _WORKING_DAY = 1 / PER_MONTH["day"], 1 / PER_MONTH["business day"]
DAYS = (_DAY, _WORKING_DAY)
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
PERIOD_NAME = {**{12 / 52 * w: f"a {w}-week sprint" for w in (2, 3, 4)},
                12.0: "a year", 6.0: "a half-year", 3.0: "a quarter", 12 / 52: "a week",
                _DAY: f"a day ({PER_MONTH['day']:.0f} days a month)",
                _WORKING_DAY: f"a working day ({PER_MONTH['business day']:.1f} a month)"}


# "$200 per sprint" with the sprint's length said in the clause ("two-week sprints", "sprints
# of 3 weeks"): its share of a month (decision QA 17: unread)
SPRINT_AFTER = re.compile(r"^\s*(?:a|per|each|every)\s+sprint\b", re.IGNORECASE)
_WEEKS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_SPRINT_LENGTH = re.compile(r"\b(?P<a>one|two|three|four|[1-4])[- ]weeks?[- ](?:long\s+)?"
                            r"sprints?\b|"
                            r"\bsprints?\s+(?:of|last|are|run)\s+(?P<b>one|two|three|four|[1-4])"
                            r"\s+weeks?\b", re.IGNORECASE)


def _sprint_months(clause: str) -> float | None:
    """A sprint's length in months, when the clause says it; None when it does not."""
    m = _SPRINT_LENGTH.search(clause)
    return None if m is None else 12 / 52 * _WEEKS[(m["a"] or m["b"]).lower()]


def _named_months(named: str) -> float:
    """The months in a named period: a quarter ("Q1", "next quarter") 3, a half ("H2") 6, a
    fiscal year 12."""
    word = named.lower()
    return 3.0 if word.startswith("q") or word.endswith("quarter") else \
        6.0 if word.startswith("h") else 12.0


def period_after(after: str) -> float | None:
    """How many months the period right after an amount is ("a month", "per year", "pro
    Woche", "all'anno"), None when none is said there; VAT words before it are passed over
    ("300 € TTC par mois")."""
    vat = LEADING_VAT.match(after)
    after = after[vat.end():] if vat is not None else after
    if _MONTH_AFTER.match(after):
        return 1.0
    p = _PERIOD_AFTER.match(after)
    if p is not None:
        return _named_months(p["named"]) if p["named"] else _months_of(p["unit"] or p["unit2"]
                                                                       or p["adv"])
    return _FOREIGN_MONTHS.get(foreign_period_at(after.lower(), 0) or "")


# Japanese: the period right before the amount ("予算は月3万円", "年間50万円", "毎月") or a
# per-period after it ("3万円/月")
_JA_PERIOD_BEFORE = re.compile(r"(?:(?P<month>毎月|月額|月々|月間|月に|月)|(?P<year>年間|年額|年に|"
                               r"毎年|年))\s*(?:約|およそ|最大|で)?\s*$")
_JA_PERIOD_AFTER = re.compile(r"^\s*(?:/|／|per\s*)(?:(?P<month>月)|(?P<year>年))")
_JA_MONTH_BUDGET = re.compile(r"(?:月の|月間|月額|毎月の)(?:予算|上限)|"
                              # Chinese "每月预算", Korean "월 예산" (decision QA 17)
                              r"(?:每月|月)(?:的)?预算|(?:^|\s|매)월\s?예산")


def months_of(clause: str, m: re.Match[str]) -> float | None:
    """How many months the amount's period is: 1 for "a month" or "monthly budget", 12 for
    "a year" or "annual budget", 3 a quarter, 12/52 a week; None when no period is said."""
    after = period_after(clause[m.end():])
    if after is not None:
        return after
    if SPRINT_AFTER.match(clause[m.end():]):
        return _sprint_months(clause)
    ja = (_JA_PERIOD_AFTER.match(clause[m.end():])
          or _JA_PERIOD_BEFORE.search(clause[:m.start()]))
    if ja is not None:
        return 1.0 if ja["month"] else 12.0
    if _JA_MONTH_BUDGET.search(clause[:m.start()]):
        return 1.0
    if _MONTHLY_BEFORE.search(clause):
        return 1.0
    b = _PERIOD_BEFORE.search(clause)
    if b is None:
        return None
    if b["fyear"] or b["gyear"] or b["hyear"] or b["fy"] or b["nyear"]:
        return 12.0
    if b["fquarter"] or b["gquarter"] or b["hquarter"]:
        return 3.0
    return _months_of(b["adj"] or b["unit"])
