"""A failure cost and a monthly budget read from the task description's own words.

"a wrong answer costs us about $200 in chargebacks" -> a failure costs $200 a task;
"each bad summary means an analyst redoes 30 minutes of work" -> a failure costs 30 minutes
(the dollars need an hourly rate, which is ``council.failure_cost``'s to state);
"What's the best I can get for $50 a month?" -> a monthly budget of $50.

Each reading keeps the words it came from, so the answer can show them. A figure is read only
where its clause says what it is:
- a failure cost needs a failure word (wrong, bad, mistake, missed, error, failed, ...)
  before a cost verb (costs, means, wastes) and the amount after it;
- a budget needs a budget word (budget, spend, afford, "for", "under", "no more than") before
  the amount and "a month" (or "monthly") around it.
Everything else is left unread: prices of things in the task ("refund orders over $500",
"our $19.99 plan", "a plan at $49 a month"), revenue and sales, salaries and hourly rates,
what something "saves", last month's bill. Unread means the category default, stated.
Clauses are split at ". ", ";", "!" and "?" ("$0.50" keeps its point).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.decision import MAX_BUDGET_USD
from council.failure_cost import MAX_FAILURE_COST_USD, FailureRead
from council.workload_words import parse_number

_AMOUNT = re.compile(
    r"(?<![\w$])\$\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"(?:\s?(?P<scale>k|mm|m|thousand|million)\b)?", re.IGNORECASE)
_CLAUSES = re.compile(r"(?:[.!?](?=\s|$)|;)\s*")
_MONTH_AFTER = re.compile(r"^\s*(?:(?:a|per|each|every)\s+month\b|/\s?(?:month|mo)\b|monthly\b)",
                          re.IGNORECASE)
_MONTHLY_BEFORE = re.compile(r"\bmonthly\s+budget\b|\bbudget\b[^$]*\b(?:a|per)\s+month\b",
                             re.IGNORECASE)
_BUDGET_CUE = re.compile(
    r"\b(?:budget|spend(?:ing)? (?:below|under)|spend|spending|afford|for|under|"
    r"no more than|at most|max(?:imum)?|cap|(?:only |we )?have|go above|exceed)\b",
    re.IGNORECASE)
# "$3k monthly revenue", "$5,000 a month in sales": what comes in, not what may go out
_INCOME_AFTER = re.compile(r"^[^.;,]{0,25}\b(?:revenue|sales|income|turnover|profit|"
                           r"earnings|salary|wages?)\b", re.IGNORECASE)
# what is priced, earned or saved in the task, not what the user pays or loses
_NOT_OURS = re.compile(
    r"\b(?:plan|plans|subscription|price[sd]?|priced|pricing|revenue|sales|salary|salaries|"
    r"earns?|earning|paying|pays|saves?|saving|savings|worth|bill|order|orders|refunds?|"
    r"value|over|above|below|costs?)\b", re.IGNORECASE)
_FAILURE = re.compile(
    r"\b(?:wrong|bad|mistakes?|missed|miss|errors?|erroneous|incorrect|failed|fails?|"
    r"failures?|misclassifications?|misrout(?:es?|ed|ing)|mislabel(?:s|ed)?|"
    r"hallucinat(?:ed|es|ion|ions)|inaccurate)\b", re.IGNORECASE)
_COST_VERB = re.compile(r"\b(?:costs?|costing|means|wastes?|loses?|takes?|spends?)\b",
                        re.IGNORECASE)
_TIME = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?)"
    r"\s*(?P<unit>minutes?|mins?|hours?|hrs?)\b", re.IGNORECASE)
WORDS_CHARS = 120  # the words shown beside a reading, at most


@dataclass(frozen=True)
class BudgetRead:
    """A monthly budget the words name."""

    usd_per_month: float
    words: str


@dataclass(frozen=True)
class MoneyWords:
    failure: FailureRead | None = None
    budget: BudgetRead | None = None


def read_money(text: str) -> MoneyWords:
    """The failure cost and the monthly budget the description states, each with its words;
    None where it states none (see the module docstring for what counts)."""
    failure: FailureRead | None = None
    budget: BudgetRead | None = None
    for clause in (c.strip() for c in _CLAUSES.split(text or "")):
        if not clause:
            continue
        if budget is None:
            budget = _budget(clause)
        if failure is None:
            failure = _failure(clause)
    return MoneyWords(failure, budget)


def _usd(m: re.Match[str]) -> float:
    """The amount in dollars, by the workload reader's parser ("$1.5k", "$2 million")."""
    return parse_number(f"{m['num']}{m['dec'] or ''} {m['scale'] or ''}") or 0.0


def _words(clause: str) -> str:
    return clause if len(clause) <= WORDS_CHARS else clause[:WORDS_CHARS - 3] + "..."


def _budget(clause: str) -> BudgetRead | None:
    for m in _AMOUNT.finditer(clause):
        before = clause[:m.start()]
        monthly = bool(_MONTH_AFTER.match(clause[m.end():])) or bool(
            _MONTHLY_BEFORE.search(clause))
        if not monthly or _INCOME_AFTER.match(clause[m.end():]):
            continue
        near = before[-40:]
        cue = _BUDGET_CUE.search(near)
        if cue is None or _NOT_OURS.search(near[cue.end():]) or (_NOT_OURS.search(
                near[:cue.start()]) and "budget" not in near.lower()):
            continue
        usd = _usd(m)
        if 0 < usd <= MAX_BUDGET_USD:
            return BudgetRead(usd, _words(clause))
    return None


def _failure(clause: str) -> FailureRead | None:
    fail = _FAILURE.search(clause)
    if fail is None:
        return None
    verb = _COST_VERB.search(clause, fail.end())
    if verb is None:
        return None
    after = clause[verb.end():]
    for m in _AMOUNT.finditer(after):
        if _MONTH_AFTER.match(after[m.end():]):
            continue  # a monthly figure is not one failure's cost
        usd = _usd(m)
        if 0 < usd <= MAX_FAILURE_COST_USD:
            return FailureRead(usd, None, _words(clause))
    t = _TIME.search(after)
    if t is not None:
        n = t["n"].lower()
        qty = 0.5 if n.startswith("half") else parse_number(n) or 0.0
        minutes = qty * (60.0 if t["unit"].lower().startswith("h") else 1.0)
        if minutes > 0:
            return FailureRead(None, minutes, _words(clause))
    return None
