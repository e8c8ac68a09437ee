"""Money read from the words, on the Recommend page (AppTest with the real classifier,
catalog, recommendation and SQLite): a budget in euros planned in dollars at the dated rate
shown with its words, a lawyer's minutes priced at a lawyer's rate, and a figure in kronor
left unread with a note that says so."""

from __future__ import annotations

from pathlib import Path

from council import store
from council.db import open_db
from council.exchange_rates import RATES_DATE
from council.format import money
from tests.app.conftest import no_exception, page_app, seen, share_id_of, submit_task


def test_a_euro_budget_and_a_lawyers_minutes_are_shown_with_their_words(
        council_home: Path) -> None:
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Budget: €300 per month. Summarise each customer contract; when the "
                     "summary is wrong a lawyer redoes it, which takes about 20 minutes.")
    no_exception(at)
    rec = store.load_recommendation(open_db(council_home / "council.db"), share_id_of(at)).rec
    assert rec.decision is not None and rec.decision.budget is not None
    assert rec.decision.budget.budget_per_month == 335.16
    box = next(seen(i.value) for i in at.info if "Your budget" in i.value)
    assert f"Your budget, {money(335.16)} a month" in box
    # beside the plan, not only in the closed assumptions: the euros, the rate and its date
    assert (f"The budget $335.16 a month is from your words: 'Budget: €300 per month' (€300 = "
            f"$335.16 at 1 EUR = 1.1172 USD (ECB euro reference rates of {RATES_DATE}))"
            in " ".join(seen(c.value) for c in at.caption))
    rows = next(t.value.map(seen) for t in at.table if "assumption" in t.value.columns)
    why = dict(zip(rows["assumption"], rows["why"], strict=True))
    assert (f"from your words: 'Budget: €300 per month' (€300 = $335.16 at 1 EUR = 1.1172 USD "
            f"(ECB euro reference rates of {RATES_DATE}))") in why["budget usd per month"]
    assert "20 min at $93 an hour (assumed: the rate of a lawyer, named by 'lawyer', BLS 2022 " \
        "median, lawyers" in why["failure cost usd"]


def test_a_krona_budget_is_not_taken_as_dollars_and_the_page_says_so(
        council_home: Path) -> None:
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Our budget is 4,000 kr a month. Summarise each customer call "
                     "transcript for the account manager.")
    no_exception(at)
    assert not any("Your budget" in i.value for i in at.info)
    # by the headline figures, not a caption under the council's verdict (QA round 7)
    warnings = [seen(w.value) for w in at.warning]
    assert any("'4,000 kr' was not read as dollars" in w and "give the figure in US dollars "
               "in the form" in w for w in warnings), warnings


def test_a_negative_failure_cost_in_the_words_is_not_read_and_the_page_says_so(
        council_home: Path) -> None:
    """QA round 7: 'costs us -$200' was priced as a $200 failure."""
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Extract fields from invoices; a wrong answer costs us -$200")
    no_exception(at)
    warnings = [seen(w.value) for w in at.warning]
    assert any("'-$200' was not read: a cost or a budget cannot be negative" in w
               for w in warnings), warnings
    assert not any("read from your words" in seen(m.value) for m in at.markdown)
