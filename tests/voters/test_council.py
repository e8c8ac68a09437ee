"""The council: concurrency, deadlines, notes, and the aggregation rule's properties."""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from council.assess.council import LLM_DIFFICULTY_SD, assess, combine
from council.assess.voters import VoterSet, load_voters
from council.assessment import Vote
from council.categories import CATEGORY_KEYS
from council.errors import VoterError

from .conftest import anthropic_voter, openai_voter
from .fake_providers import classify

TASK = "Design a distributed job queue with exactly-once delivery and a race condition audit."


def test_three_slow_voters_run_concurrently(fake, classifier):
    fake.script.delay_s = 1.0
    voters = [openai_voter(fake, name=f"v{i}") for i in range(3)]
    start = time.monotonic()
    result = assess(TASK, classifier=classifier, voters=voters, overall_timeout_s=10)
    elapsed = time.monotonic() - start
    assert elapsed < 2.0, elapsed
    assert sum(v.ok for v in result.votes) == 4


def test_verdict_combines_local_and_llm_votes(fake, classifier):
    voters = [anthropic_voter(fake), openai_voter(fake)]
    seen: list[tuple[str, str]] = []
    result = assess(TASK, classifier=classifier, voters=voters,
                    on_vote=lambda v: seen.append((v.voter, threading.current_thread().name)))
    expected = classify(TASK)
    assert result.category == expected["category"]
    assert result.difficulty == pytest.approx(expected["difficulty"])
    assert sorted(name for name, _ in seen) == ["claude", "local", "nano"]
    assert {thread for _, thread in seen} == {threading.current_thread().name}
    assert result.council_cost_usd == pytest.approx(sum(v.cost_usd for v in result.votes))
    assert result.council_cost_usd > 0 and result.notes == []


def test_a_key_pasted_in_the_task_never_reaches_a_voter(fake, classifier):
    """User QA 15: the page redacted a pasted key, the CLI and API sent it to every voter."""
    pasted = "sk-proj-" + "AbCdEf1234567890GhIj" * 3
    result = assess(f"Classify tweets about our brand. My key: {pasted}", classifier=classifier,
                    voters=[openai_voter(fake), anthropic_voter(fake)], overall_timeout_s=10)
    assert len(fake.requests) == 2 and sum(v.ok for v in result.votes) == 3
    assert not [r for r in fake.requests if pasted[:16] in str(r)]
    assert all("[redacted]" in str(r["body"]) for r in fake.requests), fake.requests[0].keys()


def test_failed_voters_are_dropped_with_their_reason(fake, classifier, closed_port):
    fake.script.answer = {"category": "nonsense", "difficulty": 2, "capabilities": [],
                          "reason": "r"}
    voters = [openai_voter(fake, name="offschema"),
              openai_voter(None, name="down", base_url=f"http://127.0.0.1:{closed_port}")]
    result = assess(TASK, classifier=classifier, voters=voters)
    assert result.category == classify(TASK)["category"]  # from the classifier alone
    assert any(n.startswith("offschema: off-schema answer") for n in result.notes)
    assert any(n.startswith("down: could not connect") for n in result.notes)
    assert "no LLM voter answered: the local classifier alone decided" in result.notes


class Stubborn:
    """A misbehaving voter that ignores its deadline (the council must not wait for it)."""

    name, weight, model, kind = "stubborn", 1.0, "m", "openai"

    def vote(self, description: str, deadline_s: float) -> Vote:
        time.sleep(deadline_s + 2.0)
        return Vote(voter=self.name, kind=self.kind, category="debugging", difficulty=2.0)


def test_overall_deadline_drops_late_voters(fake, classifier):
    fake.script.delay_s = 5.0
    voters = [openai_voter(fake, timeout_s=8.0), Stubborn()]
    start = time.monotonic()
    result = assess(TASK, classifier=classifier, voters=voters, overall_timeout_s=0.6)
    assert time.monotonic() - start < 1.2
    assert "nano: timed out after 0.6 s" in result.notes
    assert "stubborn: no answer within the council's 0.6 s" in result.notes
    assert [v.voter for v in result.votes if v.ok] == ["local"]


def test_no_voters_means_the_classifier_alone(classifier):
    result = assess(TASK, classifier=classifier)
    assert result.votes[0].voter == "local"
    assert any("local classifier alone is the council" in n for n in result.notes)


def test_missing_keys_are_skipped_with_the_variable_to_set(tmp_path, classifier,
                                                           monkeypatch):
    monkeypatch.delenv("COUNCIL_TEST_MISSING_KEY", raising=False)
    path = tmp_path / "voters.toml"
    path.write_text('[[voter]]\nname = "haiku"\nkind = "anthropic"\n'
                    'model = "claude-haiku-4-5"\nkey_env = "COUNCIL_TEST_MISSING_KEY"\n')
    voters = load_voters(path)
    assert isinstance(voters, VoterSet) and list(voters) == []
    result = assess(TASK, classifier=classifier, voters=voters)
    assert any("haiku: skipped" in n and "COUNCIL_TEST_MISSING_KEY" in n for n in result.notes)
    assert any("local classifier alone is the council" in n for n in result.notes)


# -- aggregation properties -----------------------------------------------------------

def _vote(category: str, difficulty: float, weight: float = 1.0,
          sd: float | None = None, probs: dict[str, float] | None = None) -> Vote:
    return Vote(voter=f"{category}-{difficulty}", kind="openai", category=category,
                difficulty=difficulty, difficulty_sd=sd, weight=weight,
                category_p=probs or {})


votes_st = st.lists(
    st.builds(_vote, st.sampled_from(CATEGORY_KEYS), st.floats(1, 5),
              st.floats(0.1, 5), st.one_of(st.none(), st.floats(0.05, 2))),
    min_size=1, max_size=6)


@given(votes_st)
def test_distribution_sums_to_one_and_difficulty_is_bounded(votes):
    result = combine(votes)
    assert sum(result.category_p.values()) == pytest.approx(1.0)
    assert all(p >= 0 for p in result.category_p.values())
    diffs = [v.difficulty for v in votes]
    assert min(diffs) - 1e-9 <= result.difficulty <= max(diffs) + 1e-9
    own = [v.difficulty_sd if v.difficulty_sd is not None else LLM_DIFFICULTY_SD
           for v in votes]
    assert result.difficulty_sd >= min(own) - 1e-9


@given(votes_st, st.floats(0.1, 10))
def test_scaling_every_weight_changes_nothing(votes, factor):
    scaled = [_vote(v.category, v.difficulty, v.weight * factor, v.difficulty_sd)
              for v in votes]
    a, b = combine(votes), combine(scaled)
    assert a.difficulty == pytest.approx(b.difficulty)
    assert a.difficulty_sd == pytest.approx(b.difficulty_sd)
    assert all(a.category_p[k] == pytest.approx(b.category_p[k]) for k in CATEGORY_KEYS)


@given(st.floats(1, 5), st.floats(0.01, 2), st.floats(0.1, 3))
@settings(max_examples=50)
def test_disagreement_widens_the_uncertainty(d, gap, sd):
    agree = combine([_vote("debugging", d, sd=sd), _vote("debugging", d, sd=sd)])
    apart = combine([_vote("debugging", d, sd=sd), _vote("debugging", d + gap, sd=sd)])
    assert apart.difficulty_sd > agree.difficulty_sd


@given(st.floats(1.5, 10))
def test_heavier_voter_pulls_the_verdict(weight):
    light = combine([_vote("translation", 1.0), _vote("debugging", 4.0)])
    heavy = combine([_vote("translation", 1.0), _vote("debugging", 4.0, weight=weight)])
    assert heavy.category == "debugging"
    assert heavy.category_p["debugging"] > light.category_p["debugging"]
    assert heavy.difficulty > light.difficulty


def test_failed_votes_do_not_count_and_disagreement_is_low_confidence():
    ok = [_vote("translation", 2.0), _vote("translation", 2.0)]
    failed = Vote(voter="x", kind="openai", error="timed out after 8.0 s")
    assert combine([*ok, failed]).category_p == combine(ok).category_p
    assert not combine(ok).low_confidence
    assert combine([_vote("translation", 1.0), _vote("debugging", 4.0)]).low_confidence
    with pytest.raises(VoterError):
        combine([failed])


def test_an_unsure_member_makes_the_verdict_unsure_by_its_weight():
    sure = _vote("translation", 2.0)
    unsure = Vote(**{**sure.to_dict(), "voter": "local", "kind": "local", "unsure": True,
                     "weight": 0.25})
    assert combine([unsure]).low_confidence  # alone, its doubt is the council's
    assert not combine([unsure, sure]).low_confidence  # 0.25 of 1.25 is under half
    assert combine([Vote(**{**unsure.to_dict(), "weight": 1.0}), sure]).low_confidence
    assert Vote.from_dict(unsure.to_dict()).unsure


def test_zero_deadline_is_a_timeout_not_a_hang(fake, classifier):
    result = assess(TASK, classifier=classifier, voters=[openai_voter(fake)],
                    overall_timeout_s=0.0)
    assert "nano: timed out after 0.0 s" in result.notes
    assert fake.requests == []
