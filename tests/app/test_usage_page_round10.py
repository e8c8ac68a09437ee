"""Usage page, QA round 10: the by-model table of a month of OpenAI and Anthropic usage
reads as counts and money, not "None" calls and four-decimal dollars."""

from __future__ import annotations

import re
from pathlib import Path

from council.ui.pages.usage import NOT_IN_EXPORT
from tests.app.conftest import no_exception, page_app
from tests.app.test_usage_page_round9 import _imported


def test_the_by_model_table_shows_counts_and_money(council_home: Path) -> None:
    _imported(council_home)
    at = page_app("usage").run()
    no_exception(at)
    table = next(d for d in at.dataframe if "cache read" in d.value.columns).value
    rows = {r["model"]: r for r in table.to_dict("records")}
    # Anthropic's report counts no requests: said, not "None"
    for model in ("claude-haiku-4-5", "claude-sonnet-4-5"):
        assert rows[model]["calls"] == NOT_IN_EXPORT, rows[model]
        assert rows[model]["tokens per call"] == NOT_IN_EXPORT, rows[model]
    assert rows["gpt-5-mini"]["calls"] == f"{30 * 900:,}"  # 27,000, grouped
    for row in rows.values():
        assert "None" not in {str(v) for v in row.values()}, row
        assert re.fullmatch(r"\$[\d,]+\.\d\d", row["actual"]), row["actual"]  # money
