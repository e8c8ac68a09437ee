"""Recommend page in AppTest with the real classifier, catalog and recommendation."""

from __future__ import annotations

from pathlib import Path

from council import present, store
from council.db import open_db
from council.format import money
from tests.app.conftest import no_exception, page_app, seen, share_id_of, submit_task


def test_recommend_shows_and_stores_the_answer(council_home: Path) -> None:
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Classify incoming support emails into 12 queues and return JSON",
                     runs_per_month=20000.0)
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    share_id = share_id_of(at)
    stored = store.load_recommendation(open_db(council_home / "council.db"), share_id)
    pick = stored.rec.recommended
    values = {m.label: m.value for m in at.metric}
    assert any(c.value.startswith(f"Model id: {pick.model_id} ") for c in at.caption)
    assert values["Per month"] == money(pick.cost.per_month)
    assert values["Per call"] == money(pick.cost.per_call)
    assert stored.spec.runs_per_month == 20000
    assert stored.catalog_version == stored.rec.catalog_version
    # No keys here: the local classifier alone is the council, and the page says so.
    assert any("local classifier alone" in c.value for c in at.caption)
    # How the classifier read the category (MiniLM only, or again with e5), in plain words.
    reading = stored.rec.assessment.category_reading
    assert reading is not None and reading.first_encoder
    line = present.reading_line(stored.rec.assessment)
    assert line in [c.value for c in at.caption]
    assert ("read twice: MiniLM (fine-tuned) was unsure" if reading.read_again
            else "read by MiniLM (fine-tuned) only") in line
    assert any(share_id in c.value for c in at.code)
    # Every piece of advice is on the page in full, detail included.
    for item in stored.rec.advice:
        assert any(item.title in m.value and item.detail in m.value
                   for m in at.markdown), item.title

    # Re-run with today's catalog: nothing changed, and the page says so.
    at.button(key="rerun").click()
    at.run()
    no_exception(at)
    assert any("What changed: nothing" in m.value for m in at.markdown)


def test_voters_without_keys_are_skipped_and_named(council_home: Path,
                                                   monkeypatch) -> None:
    import shutil

    from council.config import PROJECT_ROOT

    voters = council_home / "voters.toml"
    shutil.copy(PROJECT_ROOT / "voters.example.toml", voters)
    monkeypatch.setenv("COUNCIL_VOTERS", str(voters))
    at = page_app("recommend", timeout=300).run()
    at.text_area(key="description").input("Translate product descriptions into German")
    at.button(key="FormSubmitter:task_form-Recommend").click()
    at.run()
    no_exception(at)
    skipped = [c.value for c in at.caption if c.value.startswith("Voter skipped")]
    assert skipped, [c.value for c in at.caption]
    assert any(c.value.startswith("Model id: ") for c in at.caption)


def test_failure_cost_from_the_form_and_no_dead_end(council_home: Path) -> None:
    """The form's "What does a bad answer cost you?" reaches the rule and the arithmetic is
    shown; a task no model can do at the production floor still gets a pick, with a warning."""
    at = page_app("recommend", timeout=300).run()
    at.segmented_control(key="quality").set_value("production")
    at = submit_task(at, "Design the architecture of a multi-region, strongly consistent "
                         "payments ledger with failover and audits", failure_cost_usd=50.0)
    no_exception(at)
    stored = store.load_recommendation(open_db(council_home / "council.db"), share_id_of(at))
    rec = stored.rec
    assert stored.spec.failure_cost_usd == 50.0 and rec.decision.failure_cost_usd == 50.0
    assert rec.recommended is not None
    assert any(f"Use {rec.recommended.name}" in s.value for s in at.subheader)
    if not rec.decision.floor_met:
        assert any("No model clears the quality floor" in w.value for w in at.warning)
    assert any("price + P(failure) x failure cost" in m.value and "x $50.00 = $" in m.value
               for m in at.markdown)
    # the pick's own sum, "model: $price + p% x $F = $expected", on the page, on the share
    # link and in the Markdown export, with the best action when the floor is not met
    pick_sum = next(x for x in rec.decision.arithmetic
                    if x.startswith(rec.recommended.model_id + ":"))
    link = page_app("recommend", query={"r": stored.share_id}, timeout=300).run()
    no_exception(link)
    exported = present.to_markdown(stored.share_id, stored.created_at, rec)
    for page in (at, link):
        assert any(pick_sum in seen(m.value) for m in page.markdown), pick_sum
    assert pick_sum in exported and "## Decision" in exported
    if not rec.decision.floor_met:
        assert rec.decision.best_action is not None
        assert any("Best action" in seen(w.value) for w in link.warning)
        assert "**Floor not met.**" in exported and "Best action" in exported


def test_bad_dollars_on_the_form_are_named_and_lose_nothing(council_home: Path) -> None:
    """An absurd failure cost, a $0 budget and a budget below the cheapest model's cost each
    get a message naming it; nothing is saved and the form keeps what was typed."""
    task = "Classify incoming support emails into 12 queues and return JSON"
    at = submit_task(page_app("recommend", timeout=300).run(), task, failure_cost_usd=2e6)
    no_exception(at)
    assert any("failure cost $2,000,000 per task is more than" in seen(e.value)
               for e in at.error), [e.value for e in at.error]
    at.number_input(key="failure_cost_usd").set_value(None)
    at = submit_task(at, task, budget_usd_per_month=0.0)
    assert any("'Monthly budget': $0 must be more than $0" in seen(e.value)
               for e in at.error), [e.value for e in at.error]
    at = submit_task(at, task, budget_usd_per_month=0.01, runs_per_month=100_000.0)
    no_exception(at)
    # named as the form labels it, as the failure cost is (was "monthly budget $0.01 a month")
    assert any("'Monthly budget': $0.01 a month is below the cheapest model's cost for this "
               "workload" in seen(e.value) for e in at.error), [e.value for e in at.error]
    assert "r" not in at.query_params  # nothing saved
    assert at.text_area(key="description").value == task
    assert at.number_input(key="budget_usd_per_month").value == 0.01


def test_a_failure_cost_in_the_words_is_shown_with_them_and_the_form_wins(
        council_home: Path) -> None:
    """Issue 19: "a wrong answer costs us about $200" in the description is the failure cost,
    shown with its words; the form's figure replaces it."""
    text = "Classify refund requests into 5 queues; a wrong answer costs us about $200"
    at = submit_task(page_app("recommend", timeout=300).run(), text)
    no_exception(at)
    rec = store.load_recommendation(open_db(council_home / "council.db"), share_id_of(at)).rec
    assert rec.decision.failure_cost_usd == 200.0 and rec.decision.failure_cost_source == "text"
    shown = [m.value for m in at.markdown] + [str(d.value) for d in at.dataframe]
    assert any("a wrong answer costs us about" in s for s in shown), shown
    at = submit_task(at, text, failure_cost_usd=5.0)
    no_exception(at)
    mine = store.load_recommendation(open_db(council_home / "council.db"), share_id_of(at)).rec
    assert mine.decision.failure_cost_usd == 5.0 and mine.decision.failure_cost_source == "you"
