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


def test_the_form_offers_a_ceiling_beside_the_budget(council_home: Path) -> None:
    """The form's budget can be a ceiling: "A ceiling, not a sum to spend" keeps the rule of
    least expected cost under it, the answer says so and stores it, and "Edit these
    assumptions" puts the choice back."""
    from council import store
    from council.db import open_db
    from council.decision import CEILING_RULE

    at = page_app("recommend", timeout=300).run()
    at.toggle(key="budget_ceiling").set_value(True)
    at = submit_task(at, "Classify support tickets by urgency", budget_usd_per_month=200.0,
                     runs_per_month=100_000.0)
    no_exception(at)
    infos = [seen(i.value) for i in at.info]
    assert any(i.startswith("Your ceiling, $200.00 a month, is a limit") for i in infos), infos
    share = at.query_params["r"]
    stored = store.load_recommendation(open_db(council_home / "council.db"),
                                       share[0] if isinstance(share, list) else share)
    assert stored.spec.budget_ceiling and stored.rec.decision.rule == CEILING_RULE
    assert stored.rec.recommended.cost.per_month <= 200
    at.toggle(key="budget_ceiling").set_value(False)
    at.button(key="edit_assumptions").click()
    at.run()
    assert at.toggle(key="budget_ceiling").value is True
