"""The voters' workload numbers and capability answers, parsed from both wire formats and
combined with the local reading (loopback providers, the real catalog, no mocks)."""

from __future__ import annotations

import json

import pytest

from council.api import recommend
from council.assess.council import assess
from council.assess.voters.prompt import OUTPUT_SCHEMA, PROMPT_VERSION, parse_answer
from council.assessment import Assessment, Vote, VoteWorkload
from council.catalog.loader import load_catalog_dir
from council.config import PROJECT_ROOT
from council.errors import VoterError

from .conftest import anthropic_voter, openai_voter
from .fake_providers import classify

TASK = ("Build an agent that answers customer questions in a live chat using tools to look "
        "up orders; about 200 a day")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog_dir(PROJECT_ROOT / "models_catalog")


def test_prompt_version_2_asks_for_the_workload():
    assert PROMPT_VERSION == 2
    for name in ("input_tokens", "output_tokens", "calls_per_task", "runs_per_month",
                 "user_waits"):
        assert name in OUTPUT_SCHEMA["required"]


@pytest.mark.parametrize("make", [anthropic_voter, openai_voter], ids=["anthropic", "openai"])
def test_both_wire_formats_parse_the_workload(fake, make):
    vote = make(fake).vote(TASK, deadline_s=5.0)
    expected = classify(TASK)  # what the server computed from the same words
    assert vote.ok, vote.error
    assert vote.workload == VoteWorkload(
        input_tokens=expected["input_tokens"], output_tokens=expected["output_tokens"],
        calls_per_task=12, runs_per_month=6000.0, user_waits=True)
    assert vote.capabilities == ["tools"]


def test_numbers_are_the_median_of_the_voters(fake, classifier):
    fake.script.by_model = {"m-low": {"input_tokens": 1000, "calls_per_task": 4},
                            "m-mid": {"input_tokens": 3000, "calls_per_task": 10},
                            "m-high": {"input_tokens": 90000, "calls_per_task": 30}}
    voters = [anthropic_voter(fake, name="a", model="m-low"),
              openai_voter(fake, name="b", model="m-mid"),
              openai_voter(fake, name="c", model="m-high")]
    result = assess(TASK, classifier=classifier, voters=voters)
    values = {c.name: c for c in result.council_values}
    assert values["input_tokens"].value == 3000  # one wild 90,000 does not move it
    assert values["calls_per_task"].value == 10
    assert "median of 3 voters" in values["input_tokens"].why
    assert values["runs_per_month"].value == 6000.0
    assert values["user_waits"].value is True


def test_runs_per_month_from_a_lone_voter_is_not_used(fake, classifier):
    fake.script.by_model = {"m-says": {"runs_per_month": 9000},
                            "m-quiet": {"runs_per_month": None},
                            "m-quiet2": {"runs_per_month": None}}
    voters = [openai_voter(fake, name=n, model=m)
              for n, m in (("a", "m-says"), ("b", "m-quiet"), ("c", "m-quiet2"))]
    result = assess("summarise a report", classifier=classifier, voters=voters)
    assert "runs_per_month" not in {c.name for c in result.council_values}


def test_council_numbers_fill_only_what_you_and_your_words_leave(fake, classifier, catalog):
    fake.script.by_model = {"gpt-6-luna": {"input_tokens": 7777, "output_tokens": 555,
                                           "calls_per_task": 3, "runs_per_month": 4321}}
    task = "Tag each support ticket with one of 12 queues, 10k tickets nightly"
    voters = [openai_voter(fake, name="a"), openai_voter(fake, name="b")]
    rec = recommend({"description": task, "output_tokens": 40}, catalog=catalog,
                    classifier=classifier, voters=voters)
    notes = {a.name: a for a in rec.assumption_notes}
    assert (notes["input_tokens"].value, notes["input_tokens"].source) == (7777, "council vote")
    assert (notes["calls_per_task"].value, notes["calls_per_task"].source) == (3,
                                                                                "council vote")
    assert notes["output_tokens"].source == "you"  # your value beats the council
    assert notes["runs_per_month"].source == "text"  # your words beat the council
    assert notes["runs_per_month"].value == 300_000
    # without LLM voters the same numbers are the category's defaults
    alone = recommend({"description": task, "output_tokens": 40}, catalog=catalog,
                      classifier=classifier)
    assert {a.name: a.source for a in alone.assumption_notes}["input_tokens"] == \
        "category default"


def test_agreed_capability_is_required_and_can_be_overridden(fake, classifier, catalog):
    task = "Read the invoice photos (needs vision) and return the totals"
    voters = [anthropic_voter(fake, name="a"), openai_voter(fake, name="b")]
    rec = recommend({"description": task}, catalog=catalog, classifier=classifier,
                    voters=voters)
    note = {a.name: a for a in rec.assumption_notes}["needs_vision"]
    assert (note.value, note.source) == (True, "council vote")
    assert "2 of 2 voters" in note.why
    blind = [m.id for m in catalog.models if not m.has("vision")]
    assert blind, "the catalog has models without vision"
    excluded = {e.model_id: e.reasons for e in rec.excluded}
    assert all("no vision support" in excluded[m] for m in blind)
    assert rec.recommended is None or catalog.get(rec.recommended.model_id).has("vision")

    over = recommend({"description": task, "not_needed": ["vision"]}, catalog=catalog,
                     classifier=classifier, voters=voters)
    note = {a.name: a for a in over.assumption_notes}["needs_vision"]
    assert (note.value, note.source) == (False, "you")
    assert not any("no vision support" in e.reasons for e in over.excluded)


def test_a_single_voter_never_excludes_models(fake, classifier, catalog):
    # "invoice files", not "invoice photos": photos in the words require vision by themselves
    # (council.need_words, decision QA 13); this test is the voters' rule
    task = "Read the invoice files (needs vision) and return the totals"
    rec = recommend({"description": task}, catalog=catalog, classifier=classifier,
                    voters=[openai_voter(fake)])
    assert "needs_vision" not in {a.name for a in rec.assumption_notes}
    assert not any("no vision support" in e.reasons for e in rec.excluded)
    assert any("said the task needs vision; not required" in n for n in rec.notes)


def test_a_minority_of_voters_does_not_require_a_capability(fake, classifier):
    fake.script.by_model = {"m-yes": {"capabilities": ["tools"]},
                            "m-no": {"capabilities": []}, "m-no2": {"capabilities": []}}
    voters = [openai_voter(fake, name=n, model=m)
              for n, m in (("a", "m-yes"), ("b", "m-no"), ("c", "m-no2"))]
    result = assess("look up orders", classifier=classifier, voters=voters)
    assert not [c for c in result.council_values if c.name.startswith("needs_")]
    assert any("a (1 of 3 voters) said the task needs tools" in n for n in result.notes)


@pytest.mark.parametrize("field,value,problem", [
    ("input_tokens", "about 2000", "input_tokens is not a number"),
    ("output_tokens", -5, "output_tokens -5 outside"),
    ("calls_per_task", 2.5, "calls_per_task 2.5 is not a whole number"),
    ("runs_per_month", 0, "runs_per_month 0 outside"),
    ("user_waits", "yes", "user_waits is not true, false or null"),
    ("input_tokens", True, "input_tokens is not a number"),
])
@pytest.mark.parametrize("make", [anthropic_voter, openai_voter], ids=["anthropic", "openai"])
def test_malformed_workload_answers_are_error_votes(fake, make, field, value, problem):
    fake.script.by_model = {"claude-haiku-4-5": {field: value}, "gpt-6-luna": {field: value}}
    vote = make(fake).vote(TASK, deadline_s=5.0)
    assert not vote.ok
    assert vote.error is not None and problem in vote.error
    assert vote.error.startswith("off-schema answer")
    assert vote.input_tokens > 0  # the failed answer still cost its tokens


def test_an_answer_without_workload_still_counts():
    answer = parse_answer(json.dumps({"category": "debugging", "difficulty": 3,
                                      "capabilities": [], "reason": "old shape"}))
    assert answer.workload is None
    with pytest.raises(VoterError, match="calls_per_task 0 outside"):
        parse_answer(json.dumps({"category": "debugging", "difficulty": 3,
                                 "capabilities": [], "calls_per_task": 0, "reason": ""}))


def test_workload_and_cache_fields_survive_the_round_trip():
    vote = Vote(voter="a", kind="openai", category="debugging", difficulty=3.0,
                workload=VoteWorkload(input_tokens=10, user_waits=False), cached=True,
                original_latency_s=1.5, cached_at="2026-11-30T10:00:00+00:00")
    back = Vote.from_dict(json.loads(json.dumps(vote.to_dict())))
    assert back == vote
    old = {k: v for k, v in vote.to_dict().items()
           if k not in ("workload", "cached", "original_latency_s", "cached_at")}
    assert Vote.from_dict(old).workload is None  # an answer stored before loads
    a = Assessment(category="debugging", category_p={"debugging": 1.0}, difficulty=3.0,
                   difficulty_sd=0.5, votes=[vote])
    assert Assessment.from_dict(json.loads(json.dumps(a.to_dict()))) == a
