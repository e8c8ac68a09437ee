"""The vote cache against the loopback providers and a real SQLite file: a repeated
description makes no request and gives the same votes, marked cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from council import present
from council.api import recommend
from council.assembly import open_voters
from council.assess.council import assess
from council.assess.voters import prompt
from council.assess.voters.cache import CachedVoter, VoteCache
from council.catalog.loader import load_catalog_dir
from council.config import PROJECT_ROOT
from council.db import open_db
from council.errors import InvalidInput

from .conftest import anthropic_voter, openai_voter

TASK = "Find the race condition in our job queue and fix it; about 40 a day"
DAY = 86_400.0


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def cache(tmp_path: Path, clock: Clock) -> VoteCache:
    return VoteCache.open(tmp_path / "council.db", clock=clock)


def _answer(v):
    return (v.voter, v.category, v.difficulty, v.capabilities, v.reason, v.workload)


@pytest.mark.parametrize("make", [anthropic_voter, openai_voter], ids=["anthropic", "openai"])
def test_second_ask_makes_no_request_and_gives_the_same_vote(fake, cache, make):
    voter = CachedVoter(make(fake), cache)
    first = voter.vote(TASK, deadline_s=5.0)
    assert first.ok and not first.cached and first.cost_usd > 0
    asked = len(fake.requests)
    again = voter.vote("  Find the race condition in our job queue\nand fix it; about 40 a day ",
                       deadline_s=5.0)
    assert len(fake.requests) == asked  # no HTTP request at all
    assert _answer(again) == _answer(first)
    assert again.cached and again.cost_usd == 0.0
    assert (again.input_tokens, again.output_tokens) == (0, 0)
    assert again.original_latency_s == pytest.approx(first.latency_s)
    assert again.cached_at is not None and again.latency_s < first.latency_s


def test_a_whole_council_twice_costs_nothing_the_second_time(fake, cache, classifier):
    voters = [CachedVoter(anthropic_voter(fake), cache), CachedVoter(openai_voter(fake), cache)]
    first = assess(TASK, classifier=classifier, voters=voters)
    asked = len(fake.requests)
    second = assess(TASK, classifier=classifier, voters=voters)
    assert len(fake.requests) == asked == 2
    assert first.council_cost_usd > 0 and second.council_cost_usd == 0.0
    assert (second.category, second.difficulty, second.difficulty_sd, second.council_values) \
        == (first.category, first.difficulty, first.difficulty_sd, first.council_values)
    assert [v.cached for v in second.votes if v.kind != "local"] == [True, True]


def test_expired_votes_are_asked_again(fake, cache, clock):
    voter = CachedVoter(openai_voter(fake), cache)
    voter.vote(TASK, deadline_s=5.0)
    clock.now += 29 * DAY
    assert voter.vote(TASK, deadline_s=5.0).cached and len(fake.requests) == 1
    clock.now += 2 * DAY  # 31 days after it was asked: past the 30-day TTL
    fresh = voter.vote(TASK, deadline_s=5.0)
    assert not fresh.cached and len(fake.requests) == 2
    assert cache.count() == 1  # the expired row was replaced, not kept beside


def test_ttl_is_configurable(fake, tmp_path, clock):
    short = VoteCache.open(tmp_path / "c.db", ttl_days=1, clock=clock)
    voter = CachedVoter(openai_voter(fake), short)
    voter.vote(TASK, deadline_s=5.0)
    clock.now += 1.5 * DAY
    assert not voter.vote(TASK, deadline_s=5.0).cached and len(fake.requests) == 2


def test_a_new_prompt_version_misses(fake, cache, monkeypatch):
    voter = CachedVoter(openai_voter(fake), cache)
    voter.vote(TASK, deadline_s=5.0)
    monkeypatch.setattr(prompt, "PROMPT_VERSION", prompt.PROMPT_VERSION + 1)
    assert not voter.vote(TASK, deadline_s=5.0).cached and len(fake.requests) == 2


def test_another_model_or_text_misses(fake, cache):
    CachedVoter(openai_voter(fake), cache).vote(TASK, deadline_s=5.0)
    other = CachedVoter(openai_voter(fake, model="gpt-5-mini"), cache)
    assert not other.vote(TASK, deadline_s=5.0).cached
    assert not CachedVoter(openai_voter(fake), cache).vote(TASK + "!", deadline_s=5.0).cached
    assert len(fake.requests) == 3


@pytest.mark.parametrize("mode,failures", [("not_json", []), ("ok", [(401, {})]),
                                           ("ok", [(500, {})] * 3)])
def test_failed_votes_are_not_cached(fake, cache, mode, failures):
    fake.script.mode, fake.script.failures = mode, list(failures)
    voter = CachedVoter(openai_voter(fake, max_retries=2), cache)
    assert voter.vote(TASK, deadline_s=5.0).error
    assert cache.count() == 0
    fake.script.mode, fake.script.failures = "ok", []
    asked = len(fake.requests)
    vote = voter.vote(TASK, deadline_s=5.0)
    assert vote.ok and not vote.cached and len(fake.requests) == asked + 1


def test_no_key_or_text_enters_the_database(fake, tmp_path):
    path = tmp_path / "council.db"
    cache = VoteCache.open(path)
    for voter in (anthropic_voter(fake), openai_voter(fake)):
        CachedVoter(voter, cache).vote(TASK, deadline_s=5.0)
    cache.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert cache.count() == 2
    for secret in fake.keys.values():
        assert secret.encode() not in raw
    assert b"race condition in our job queue" not in raw  # the text is only hashed
    names = [r[0] for r in open_db(path).execute("SELECT name FROM _migrations").fetchall()]
    assert "voter_cache_001_votes" in names


def test_the_answer_says_cached_on_the_page_table_and_cli(fake, cache, classifier):
    catalog = load_catalog_dir(PROJECT_ROOT / "models_catalog")
    voters = [CachedVoter(openai_voter(fake), cache)]
    recommend({"description": TASK}, catalog=catalog, classifier=classifier, voters=voters)
    rec = recommend({"description": TASK}, catalog=catalog, classifier=classifier,
                    voters=voters)
    row = next(r for r in present.vote_rows(rec.assessment) if r["voter"] == "nano")
    assert row["status"].startswith("counted, cached (asked ") and row["cost"] == "$0"
    assert "[cached (asked " in present.to_text(rec)
    assert "cached (asked " in present.to_markdown("abc", "now", rec)


def _voters_file(tmp_path: Path, fake) -> Path:
    path = tmp_path / "voters.toml"
    path.write_text(f'[[voter]]\nname = "nano"\nkind = "openai"\nmodel = "gpt-6-luna"\n'
                    f'base_url = "{fake.url}/v1"\nkey_env = "OPENAI_API_KEY"\n',
                    encoding="utf-8")
    return path


def test_assembly_caches_unless_turned_off(fake, tmp_path, monkeypatch):
    catalog = load_catalog_dir(PROJECT_ROOT / "models_catalog")
    secrets = {"OPENAI_API_KEY": fake.keys["openai"]}
    voters = open_voters(_voters_file(tmp_path, fake), catalog, secrets,
                         cache_db=tmp_path / "council.db")
    assert isinstance(voters[0], CachedVoter)
    voters[0].vote(TASK, 5.0)
    assert voters[0].vote(TASK, 5.0).cached and len(fake.requests) == 1
    monkeypatch.setenv("COUNCIL_VOTE_CACHE_DAYS", "0")
    off = open_voters(_voters_file(tmp_path, fake), catalog, secrets,
                      cache_db=tmp_path / "council.db")
    assert not isinstance(off[0], CachedVoter)
    monkeypatch.setenv("COUNCIL_VOTE_CACHE_DAYS", "a month")
    with pytest.raises(InvalidInput, match="COUNCIL_VOTE_CACHE_DAYS='a month'"):
        open_voters(_voters_file(tmp_path, fake), catalog, secrets,
                    cache_db=tmp_path / "council.db")
