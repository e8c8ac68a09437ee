"""``read_money``: every clause's budget and failure cost, in the order the readers are tried."""

from __future__ import annotations

from council.failure_cost import FailureRead
from council.money_words.amounts import POINT_LANGUAGES
from council.money_words.budgets import read_budget
from council.money_words.chances import chance_of_penalty
from council.money_words.failure_costs import read_failure
from council.money_words.lost_value import read_lost_value
from council.money_words.paid_now import cut_now, only_paid_now, read_paid_now
from council.money_words.shares import share_budget
from council.money_words.stakes import read_stakes
from council.money_words.text import CLAUSES, SENTENCES, UNSAID_HEAD
from council.money_words.two_budgets import restated_note, second_budget_note
from council.money_words.unit_budgets import read_unit_budget
from council.money_words.values import BudgetRead, MoneyWords, UnitBudgetRead
from council.workload_words.languages import own_words_language, written_in
from council.workload_words.text import word_list


def read_money(text: str) -> MoneyWords:
    """The failure cost and the monthly budget the description states, each with its words;
    None where it states none (see ``council.money_words`` for what counts)."""
    failure: FailureRead | None = None
    budget: BudgetRead | None = None
    unit: UnitBudgetRead | None = None
    unread: list[str] = []
    text = text or ""
    point = written_in(word_list(text.lower())) in POINT_LANGUAGES
    language = own_words_language(text.lower())  # "500 kr" in a Swedish text: kronor
    paid_now: BudgetRead | None = None  # "our current spend is $120 a month": a fallback
    # "no more than 10% of our Zendesk bill, which is $1,500 a month": the share, not the bill
    budget = share_budget(text, unread, point, language)
    # the sentences beside: "Our team has 12 agents. The budget is $10 per agent", "We can
    # afford 5 cents per customer per month. 4,000 customers, ..." (user QA 18: the count
    # after was unread, the budget taken as 5 cents a task)
    sentences = [s.strip() for s in SENTENCES.split(text)]
    for i, sentence in enumerate(sentences):
        earlier = " ".join(sentences[max(0, i - 1):i] + sentences[i + 1:i + 2])
        for clause in (c.strip() for c in CLAUSES.split(sentence)):
            if not clause:
                continue
            if budget is None:
                at = text.find(clause)
                budget = read_budget(clause, unread, head=0 <= at < UNSAID_HEAD, point=point,
                                 language=language, sentence=sentence, earlier=earlier)
                if budget is not None and only_paid_now(budget):
                    paid_now, budget = paid_now or budget, None
            if failure is None:  # "a 1 in 1,000 chance of a $100,000 fine": the expectation
                failure = chance_of_penalty(clause, unread, point, language) or read_failure(
                    clause, sentence, unread, point, language)
            if budget is None and unit is None:
                unit = read_unit_budget(clause, unread, point, language, text)
    if failure is None:
        failure = read_lost_value(text, unread, point, language)
    if failure is None:
        read_stakes(text or "", unread)
    if budget is None:
        budget = read_paid_now(text, unread, point, language)
        if budget is not None:  # the figure is read after all: not "not read as a budget"
            unread = [u for u in unread if not (" was not read as a monthly budget" in u
                                                and u.split("'")[1] in budget.words)]
    budget = budget or paid_now
    if budget is not None:
        budget = cut_now(budget, text)
        note = restated_note(text, budget, point=point, language=language) or \
            second_budget_note(text, budget, point=point, language=language)
        if note is not None:
            unread.append(note)
    return MoneyWords(failure, budget, tuple(dict.fromkeys(unread)),
                      None if budget is not None else unit)
