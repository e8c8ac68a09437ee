"""QA round 10: a ceiling said in German is shown on the page as a limit kept, with the
user's words, not a budget plan that spends it (AppTest with the real classifier, catalog,
recommendation and SQLite)."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, seen, submit_task

CEILING = ("Wir klassifizieren 50.000 Support-Tickets im Monat nach Dringlichkeit. Budget: "
           "höchstens 800 € im Monat.")


def test_a_ceiling_is_shown_as_a_limit_not_spent(council_home: Path) -> None:
    at = submit_task(page_app("recommend", timeout=300).run(), CEILING)
    no_exception(at)
    infos = [seen(i.value) for i in at.info]
    line = next((i for i in infos if i.startswith("Your ceiling, $893.76 a month")), None)
    assert line is not None, infos
    assert "a limit, not a sum to spend" in line and "the least expected cost under it" in line
    captions = [seen(c.value) for c in at.caption]
    assert any("höchstens 800 € im Monat" in c and "a ceiling" in c for c in captions), captions
    assert not any(i.startswith("**Your budget") or "Your budget," in i for i in infos), infos
