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

The modules, by concept (each reads its own kind of figure; ``reader`` runs them in order):
- ``text``: sentences, clauses, the words a reading shows, the head of the text.
- ``amounts``: a figure with its currency, in dollars (``council.exchange_rates``);
  ``spoken`` (an amount said in words: "two grand", "fifteen hundred euros").
- ``periods``: the period a figure is said for, in months.
- ``values``: ``BudgetRead``, ``UnitBudgetRead``, ``MoneyWords``.
- ``limits``: limit words and negations, a ceiling, and whose money a figure is.
- ``budgets``: a monthly budget in a clause; ``seats`` (a budget a seat), ``paid_now``
  (what is paid now and a limit at it), ``cuts`` (a cut by a share of it: "cut it by half"),
  ``no_period`` (a budget with no period, said unread), ``vat`` (gross or net of VAT, said)
  and ``vat_rates`` (the rate a gross figure's net is shown at: stated, the country's, or
  an assumed 20% said to be one).
What one module shares with another has a public name in its home module (``amounts_in``,
``in_usd``, ``shown_words``, ``months_of`` ...); underscore names stay in their module.
- ``two_budgets``: a second budget, or the same one restated in a period that disagrees.
- ``shares``: a budget said as a share of another bill or of revenue, times its figure.
- ``unit_budgets``: a limit a call or a task.
- ``failure_costs``: what one failure costs; ``work_time`` (a person's minutes and their rate),
  ``lost_value`` (lost revenue, a lost customer), ``stakes`` (harm with no figure),
  ``chances`` (a chance of a penalty: the chance times the penalty).
"""

from council.money_words.failure_costs import WORST_CASE_NOTE
from council.money_words.reader import read_money
from council.money_words.values import BudgetRead, MoneyWords, UnitBudgetRead

__all__ = ["WORST_CASE_NOTE", "BudgetRead", "MoneyWords", "UnitBudgetRead", "read_money"]
