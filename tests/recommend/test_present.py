"""council.present and council.format: one way an answer reads, on every screen."""

from __future__ import annotations

import dataclasses

import pytest

from council import present
from council.assessment import Vote
from council.format import money, percent
from council.recommend import Cascade
from tests.recs import make_rec

VOTES = [Vote(voter="local", kind="local", category="classification", difficulty=1.8,
              difficulty_sd=0.4, reason="short labels", latency_s=0.02),
         Vote(voter="haiku", kind="anthropic", model="claude-haiku-4-5", error="HTTP 529")]


@pytest.fixture(scope="module")
def rec():
    return make_rec("Tag support tickets by urgency", runs_per_month=20_000, votes=VOTES)


def test_money_reads_one_way() -> None:
    assert money(0.000123) == "$0.00012"
    assert money(0.0004) == "$0.0004"  # a cheap per-task cost never reads $0.0000
    assert money(0.0567) == "$0.057"
    assert money(0.864) == "$0.86" and money(0.72) == "$0.72"
    assert money(12.5) == "$12.50"
    assert money(123.45) == "$123.45"  # no "$123" beside "$123.45"
    assert money(12345.4) == "$12,345"
    assert money(-0.52) == "-$0.52"
    assert money(0) == "$0" and money(None) == "n/a"
    assert percent(0.9023) == "90%"


def test_headline_and_saving(rec) -> None:
    pick = rec.recommended
    metrics = {m.label: m.value for m in present.headline_metrics(pick)}
    assert metrics == {"Per call": money(pick.cost.per_call),
                       "Per task": money(pick.cost.per_task),
                       "Per month": money(pick.cost.per_month),
                       "P(adequate)": percent(pick.p_adequate)}
    assert money(rec.saving_per_month) in present.saving_line(rec)
    assert rec.default.model_id in present.saving_line(rec)


def test_cheap_costs_keep_their_digits(rec) -> None:
    rows = present.breakdown_rows(rec.recommended.cost)
    assert rows and all(r["per task"] not in ("$0.0000", "$0.00") for r in rows)
    for row in present.variant_rows(rec.recommended):
        assert row["per task"] != "$0.00"


def test_probabilities_read_as_percentages(rec) -> None:
    for row in present.alternative_rows(rec):
        assert row["P(adequate)"].endswith("%")
    text = present.to_text(rec)
    assert f"P(adequate) {percent(rec.recommended.p_adequate)}" in text


def test_chart_points_and_feedback_models(rec) -> None:
    points = present.candidate_points(rec)
    assert len(points) == len(rec.candidates)
    assert sum(p["recommended"] for p in points) == 1
    assert any(p["pareto"] for p in points)
    # names on the chart: the pick and its alternatives only (legible at phone width)
    assert {p["model"] for p in points if p["labelled"]} == {
        rec.recommended.model_id, *(a.model_id for a in rec.alternatives)}
    # each name has its own line by role: the pick's, above it the safer one's, below the cheaper
    roles = {p["model"]: p["label role"] for p in points if p["labelled"]}
    assert roles[rec.recommended.model_id] == "pick"
    assert {roles[a.model_id] for a in rec.alternatives} == {a.role for a in rec.alternatives}
    assert all(p["label role"] is None for p in points if not p["labelled"])
    # no two names on one line, even when several alternatives share a role ("closest")
    lines = [p["label dy"] for p in points if p["labelled"]]
    assert None not in lines and len(set(lines)) == len(lines)
    assert present.label_offsets({"a": "closest", "b": "closest", "c": "pick",
                                  "d": "closest"}) == {"a": 16, "b": 30, "c": -12, "d": 44}
    assert present.rated_models(rec)[0] == rec.recommended.model_id


def test_votes_say_why_one_was_dropped(rec) -> None:
    rows = present.vote_rows(rec.assessment)
    assert rows[0]["difficulty"] == "1.8 ± 0.4" and rows[0]["status"] == "counted"
    assert rows[1]["status"] == "dropped" and rows[1]["reason"] == "HTTP 529"
    assert present.difficulty(rec.assessment) == "1.8 ± 0.4"


def test_markdown_quotes_the_task_and_reads_like_the_page() -> None:
    task = "Tag tickets\n```\n# not a heading <b>bold</b>\n```\nthen stop"
    rec = make_rec(task, runs_per_month=20_000, votes=VOTES, difficulty=2.64, sd=0.71)
    md = present.to_markdown("abcdefghij", "2026-11-23", rec)
    assert "````text\n" + task + "\n````" in md  # a longer fence: the ``` inside cannot close it
    assert "difficulty 2.6 ± 0.7" in md
    assert "haiku (anthropic): dropped: HTTP 529" in md and "None" not in md
    pick = rec.recommended
    assert f"| {money(pick.cost.per_call)} | {money(pick.cost.per_task)} | " in md
    assert money(rec.saving_per_month) in md and "catalog version `" in md


def test_advice_reads_in_full_biggest_saving_first(rec) -> None:
    lines = present.advice_markdown(rec).splitlines()
    savings = sorted((a.saving_per_month for a in rec.advice), reverse=True)
    assert len(lines) == len(rec.advice) >= 1
    assert f"(saves {money(savings[0])} a month)" in lines[0]


def test_changes_flags_only_what_changed(rec) -> None:
    pick = rec.recommended
    cost = dataclasses.replace(pick.cost, per_month=pick.cost.per_month * 2)
    newer = dataclasses.replace(rec, catalog_version="v2",
                                recommended=dataclasses.replace(pick, cost=cost))
    changed = {r["what"] for r in present.changes(rec, newer) if r["changed"]}
    assert changed == {"catalog version", "cost per month"}


def test_cascade_reads_as_sentences(rec) -> None:
    cascade = Cascade(cheap="small", strong="big", p_cheap=0.67, escalation_rate=0.33,
                      expected_per_task=0.001, expected_per_month=9.15,
                      strong_only_per_month=8.63, saving_per_month=-0.52, worth_it=False,
                      note="assumes a failed answer is detected at no cost")
    text = present.cascade_text(dataclasses.replace(rec, cascade=cascade))
    assert "($0.52 more): not worth it here. This assumes a failed answer" in text
    saved = present.cascade_text(dataclasses.replace(rec, cascade=dataclasses.replace(
        cascade, saving_per_month=2.0, worth_it=True)))
    assert "($2.00 saved): worth it." in saved


def test_no_pick_says_whether_the_bar_or_the_constraints_stopped_it(rec) -> None:
    below_bar = dataclasses.replace(rec, recommended=None, no_fit="none reaches 90%")
    assert present.no_fit_title(below_bar) == "No model clears the quality bar"
    assert "## No model clears the quality bar" in present.to_markdown("abcdefghij", "x",
                                                                         below_bar)
    nothing_fits = dataclasses.replace(below_bar, candidates=[], no_fit="every model lacks vision")
    assert present.no_fit_title(nothing_fits) == "No model fits"
    assert "No recommendation. every model lacks vision" in present.to_text(nothing_fits)


def test_the_category_reading_reads_in_the_cli_and_the_export() -> None:
    """The local vote's category reading (MiniLM only, or again with e5) is printed by
    `council recommend`, written in the Markdown export and kept in the JSON."""
    from council.assessment import Assessment, CategoryReading

    again = CategoryReading(encoder="multilingual-e5-small-q4-query",
                            first_encoder="all-MiniLM-L6-v2", first_top_p=0.41, cut=0.55,
                            second_encoder="multilingual-e5-small-q4-query")
    local = dataclasses.replace(VOTES[0], category_reading=again)
    rec = make_rec("Tag support tickets by urgency", runs_per_month=20_000,
                   votes=[local, VOTES[1]])
    words = ("read twice: MiniLM was unsure (0.41 on its top category, under the 0.55 cut), "
             "so e5 read the task again; the category mixes the two readings, mostly e5's")
    assert present.reading_words(again) == words
    assert f"  category reading: {words}" in present.to_text(rec).splitlines()
    assert f"The local classifier's category: {words}." in present.to_markdown("x", "t", rec)
    data = rec.assessment.to_dict()
    assert data["category_reading"]["first_top_p"] == 0.41
    assert Assessment.from_dict(data).category_reading == again
    once = dataclasses.replace(again, encoder="all-MiniLM-L6-v2", first_top_p=0.82)
    assert present.reading_words(once) == ("read by MiniLM only: sure enough (0.82 on its top "
                                           "category, at or above the 0.55 cut for a second "
                                           "reading)")
    assert present.reading_line(make_rec("t", votes=[VOTES[1]]).assessment) is None
    tuned = dataclasses.replace(once, encoder="all-MiniLM-L6-v2+tuned2-0123456789ab",
                                first_encoder="all-MiniLM-L6-v2+tuned2-0123456789ab")
    assert present.reading_words(tuned).startswith("read by MiniLM (fine-tuned) only")


def test_assumption_values_read_as_a_person_writes_them() -> None:
    """The QA round: 'Assumptions used' showed 58.2526, False and 3515."""
    from council.present import assumption_value

    assert assumption_value("failure_cost_usd", 58.2526) == "$58.25"
    assert assumption_value("batch", False) == "no"
    assert assumption_value("user_waits", True) == "yes"
    assert assumption_value("input_tokens", 3515) == "3,515"
    assert assumption_value("calls_per_task", 2.5) == "2.5"
    assert assumption_value("runs_per_month", 21666.666) == "21,667"  # as the headline reads
    assert assumption_value("languages", "German, French") == "German, French"


def test_the_markdown_export_carries_the_assumptions_and_the_notes() -> None:
    """The QA round: the export left out the answer's notes (a voter skipped, a figure not
    read as dollars) and wrote 'P(adequate) 82% (from catalog skill (measured))'."""
    from council.present import to_markdown
    from tests.recs import make_rec

    rec = make_rec("Summarise support chats; a wrong summary costs us about $40; our budget "
                   "is 4,000 kr a month.", category="summarisation", difficulty=2.0)
    assert any("kr" in n for n in rec.notes), rec.notes
    text = to_markdown("abc", "2026-12-01T00:00:00", rec)
    notes = text.split("## Notes", 1)[1]
    assert all(" ".join(n.split()) in notes for n in rec.notes)
    table = text.split("## Assumptions", 1)[1].split("##", 1)[0]
    assert "| failure cost usd | $40.00 |" in table, table
    assert "(from " not in text.split("## Recommendation", 1)[1].split("\n\n")[1]


def test_the_failure_cost_mix_names_categories_as_the_page_does() -> None:
    """The QA round: the failure cost's reason said 'code_generation 49%'."""
    from tests.recs import make_rec

    rec = make_rec("Build an agent that plans and executes a multi-step refactor of a 40-file "
                   "Django codebase, running the tests with tool calls until they pass",
                   category="code_generation", difficulty=3.5)
    why = next(a.why for a in rec.assumption_notes if a.name == "failure_cost_usd")
    assert "code generation 50%" in why and "agentic & multi-step 50%" in why, why
    assert "code_generation" not in why
