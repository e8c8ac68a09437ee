"""A price row dated after today is the provider's announcement, not today's price: a model
is priced at the row in force on the day of the answer, and the answer says when and to what
the price changes (gemini-3.8-flash: $0.75 / $3.75 since 2026-10-14, $1.50 / $7.50 from
2027-01-01 in the bundled catalog)."""

from __future__ import annotations

from datetime import date

from council.api import recommend_for
from council.costing import cost_of
from council.task import parse_task
from council.ui.tables import catalog_rows
from council.workload import Workload

from ..recs import assessment, real_catalog

BEFORE, AFTER = date(2026, 12, 1), date(2027, 1, 2)


def _workload() -> Workload:
    return Workload(input_tokens=1_000_000, output_tokens=1_000_000, cached_prefix_tokens=0,
                    calls_per_task=1, runs_per_month=1.0, reasoning_tokens=0,
                    observation_tokens=0)


def test_a_later_row_is_not_todays_price() -> None:
    model = real_catalog().get("gemini-3.8-flash")
    today = cost_of(model, _workload(), caching=False, on=BEFORE)
    later = cost_of(model, _workload(), caching=False, on=AFTER)
    ratio = model.token_ratio  # its tokenizer counts 1.05 of ours
    assert round(today.per_task, 6) == round((0.75 + 3.75) * ratio, 6)
    assert round(later.per_task, 6) == round((1.5 + 7.5) * ratio, 6)
    assert (today.price_effective_from, later.price_effective_from) == ("2026-10-14", "2027-01-01")


def test_the_answer_prices_today_and_says_when_the_price_changes() -> None:
    catalog = real_catalog()
    only = parse_task(description="Summarise each day's support emails into a digest",
                      providers=("google",), runs_per_month=100)
    rec = recommend_for(only, assessment("summarisation", 1.5), catalog=catalog, today=BEFORE)
    flash = next(c for c in rec.candidates if c.model_id == "gemini-3.8-flash")
    assert flash.cost.price_effective_from == "2026-10-14"
    assert ("gemini-3.8-flash's price changes on 2027-01-01 to $1.50 / $7.50 per million input "
            "/ output tokens (today $0.75 / $3.75): the cost shown is today's, and holds until "
            "then") in flash.notes
    after = recommend_for(only, assessment("summarisation", 1.5), catalog=catalog, today=AFTER)
    flash_after = next(c for c in after.candidates if c.model_id == "gemini-3.8-flash")
    assert flash_after.cost.price_effective_from == "2027-01-01"
    assert round(flash_after.cost.per_task / flash.cost.per_task, 6) == 2.0
    assert not any("price changes" in n for n in flash_after.notes)


def test_the_catalog_table_shows_the_price_in_force_and_the_next_one() -> None:
    model = real_catalog().get("gemini-3.8-flash")
    [row] = catalog_rows([model], BEFORE)
    assert (row["input $/M"], row["output $/M"]) == (0.75, 3.75)
    assert row["next price"] == "2027-01-01: $1.50 / $7.50"
    [row] = catalog_rows([model], AFTER)
    assert (row["input $/M"], row["next price"]) == (1.5, "")


def test_next_price_is_none_before_any_row_starts() -> None:
    """Before its first row the newest row stands in for today's price, so there is no
    "next" one to announce (the table and the note share ModelEntry.next_price)."""
    model = real_catalog().get("gemini-3.8-flash")
    assert model.next_price(BEFORE).effective_from == date(2027, 1, 1)
    assert model.next_price(AFTER) is None
    assert model.next_price(date(2026, 1, 1)) is None  # no row in force yet
