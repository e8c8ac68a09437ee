"""Decision QA, round 12, on the form (AppTest with the real classifier, catalog,
recommendation and SQLite): what the page says when the form and the words disagree."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, seen, submit_task


def _all_text(at) -> str:  # type: ignore[no-untyped-def]
    parts = [e.value for kind in (at.info, at.warning, at.markdown, at.caption) for e in kind]
    return seen("\n".join(str(p) for p in parts))


def test_the_page_says_the_words_budget_was_set_aside(council_home: Path) -> None:
    """Form $10 a month, words "budget $100 a month": the page answered with the $10 plan and
    never named the $100."""
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Classify support tickets into queues, 10,000 a month, budget $100 a month.",
                     budget_usd_per_month=10.0)
    no_exception(at)
    text = _all_text(at)
    assert "Your monthly budget, $10.00, is used; your words say 'budget $100 a month' " \
        "($100.00 a month), set aside" in text, text[:2000]
