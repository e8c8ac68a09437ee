"""QA round 16: what a catalog curator met in the browser, checked on the store itself."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from council.catalog.editors import Editor
from council.errors import InvalidInput

ADA = Editor("ada")


def test_a_price_from_a_mistyped_year_is_refused_and_nothing_changes(store) -> None:
    """"2099" in *Price from* was kept as a 2099 row (and the page saved it as today's)."""
    before = store.current()
    with pytest.raises(InvalidInput, match=r"2099-01-01: that is \d+ years ahead.*Check the year"):
        store.update_field("gpt-4.1", "price.input", 1.2, editor=ADA, reason="announced",
                           expected_revision=store.revision("gpt-4.1"),
                           effective_from=date(2099, 1, 1))
    assert store.current().version == before.version
    # a change announced a few months ahead is still taken
    soon = date.today() + timedelta(days=90)
    store.update_field("gpt-4.1", "price.input", 1.2, editor=ADA, reason="announced",
                       expected_revision=store.revision("gpt-4.1"), effective_from=soon)
    assert store.current().get("gpt-4.1").price_on(soon).input == 1.2


def test_reverting_a_dated_price_undoes_it_on_its_day_and_keeps_later_rows(store) -> None:
    """Reverting "input 2.0 -> 1.6 from 11-16" wrote 2.0 into today's row (overwriting a later
    edit's 1.2) and left 1.6 in force from 11-16: the audit kept no date for a price edit."""
    today = date.today()
    cut_day, mid = today - timedelta(days=16), today - timedelta(days=12)
    cut = store.update_field("gpt-4.1", "price.input", 1.6, editor=ADA, reason="cut",
                             expected_revision=store.revision("gpt-4.1"), effective_from=cut_day)
    store.update_field("gpt-4.1", "price.input", 1.2, editor=ADA, reason="another cut",
                       expected_revision=store.revision("gpt-4.1"))
    assert cut.effective_from == cut_day.isoformat()
    undo = store.revert(cut.id, editor=ADA, reason="the 1.6 was a rumour")
    model = store.current().get("gpt-4.1")
    assert model.price_on(mid).input == 2.0  # the cut is gone on its own days
    assert model.price_on(today).input == 1.2  # the later edit keeps its price
    assert [str(p.effective_from) for p in model.prices] == ["2025-04-14", today.isoformat()]
    assert undo.effective_from == cut_day.isoformat() and (undo.old, undo.new) == (1.6, 2.0)


def test_an_edited_skill_level_carries_the_editors_evidence_and_reverts_with_its_own(
        store) -> None:
    """gpt-4.1 coding 4.28 -> 4.2 "our own eval on 200 PRs" with a link: *Skills and evidence*
    showed 4.20 beside LMArena's score 1391.1, source and date, and nowhere the team's link."""
    from council.ui.tables import skill_rows

    before = store.current().get("gpt-4.1").quality["coding"]
    link = "https://wiki.example.com/evals/gpt41-pr-review"
    edit = store.update_field("gpt-4.1", "quality.coding.skill", 4.2, editor=ADA,
                              reason="our own eval on 200 PRs, 71% pass", evidence_url=link,
                              expected_revision=store.revision("gpt-4.1"))
    row = next(r for r in skill_rows(store.current().get("gpt-4.1")) if r["skill"] == "coding")
    assert row["level (1-5)"] == "4.20" and row["from"] == "measured"
    assert row["as of"] == date.today().isoformat() and row["score"] == ""
    assert link in row["source"] and "200 PRs" in row["source"]
    assert "lmarena" not in row["benchmark"] and "ada" in row["benchmark"]
    store.revert(edit.id, editor=ADA, reason="keep the public measurement")
    assert store.current().get("gpt-4.1").quality["coding"] == before
    # a level with no link is the editor's estimate, said so
    store.update_field("gpt-4.1", "quality.coding.skill", 4.1, editor=ADA, reason="judgement",
                       expected_revision=store.revision("gpt-4.1"))
    assert store.current().get("gpt-4.1").quality["coding"].estimated
