"""Usage page, QA round 10: the by-model table of a month of OpenAI and Anthropic usage
reads as counts and money, not "None" calls and four-decimal dollars; and (words11) its money
and counts stay numbers, so a click on a column sorts "$9" before "$141", not after it."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from council.ui.pages.usage import ABSENT, NOT_IN_EXPORT
from tests.app.conftest import no_exception, page_app
from tests.app.test_usage_page_round9 import _imported

NUMERIC = ("actual", "calls", "input", "cache read", "cache write", "output", "reasoning",
           "tokens per call", "cache hit")


def _table(home: Path):  # type: ignore[no-untyped-def]
    _imported(home)
    at = page_app("usage").run()
    no_exception(at)
    return at, next(d for d in at.dataframe if "cache read" in d.value.columns)


def test_the_by_model_table_keeps_numbers_numeric(council_home: Path) -> None:
    _at, table = _table(council_home)
    frame = table.value
    for name in NUMERIC:  # text columns sorted "$9" after "$141"
        assert pd.api.types.is_numeric_dtype(frame[name]), (name, frame[name].dtype)
    rows = {r["model"]: r for r in frame.to_dict("records")}
    assert rows["gpt-5-mini"]["calls"] == 30 * 900
    spent = frame["actual"].dropna()
    assert len(spent) == len(frame) and (spent > 0).all()
    # sorted as numbers: the order a click gives is the order of the amounts
    assert list(frame.sort_values("actual")["actual"]) == sorted(spent)


def test_absent_counts_read_as_absent_and_money_as_money(council_home: Path) -> None:
    at, table = _table(council_home)
    rows = {r["model"]: r for r in table.value.to_dict("records")}
    # Anthropic's report counts no requests: absent, shown as ABSENT and said in the caption
    for model in ("claude-haiku-4-5", "claude-sonnet-4-5"):
        assert pd.isna(rows[model]["calls"]) and pd.isna(rows[model]["tokens per call"])
    assert table.proto.placeholder == ABSENT  # not "None"
    columns = json.loads(table.proto.columns)
    assert columns["actual"]["type_config"]["format"] == "dollar", columns["actual"]
    assert columns["calls"]["type_config"]["format"] == "localized", columns["calls"]
    assert columns["cache hit"]["type_config"]["format"] == "%d%%", columns["cache hit"]
    caption = next(c.value for c in at.caption if c.value.startswith(ABSENT))
    assert NOT_IN_EXPORT in caption and "no price" in caption, caption
