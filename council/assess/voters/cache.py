"""The vote cache: an LLM voter's answer to the same description is asked once per TTL.

A row is keyed by the SHA-256 of the voter's identity (provider kind, endpoint, model, extra
request fields), the prompt version (``prompt.PROMPT_VERSION``) and the normalised text
(whitespace collapsed), so a changed prompt or another model never reuses an answer. The
key is a hash of the text only: no API key, no header, ever enters the table. Only answered
votes are stored (a failure is asked again next time), and a row older than the TTL is a
miss (and is deleted when next written).

``CachedVoter`` wraps a voter: a hit returns the stored vote marked ``cached`` with no
request, cost 0 and no tokens, its original latency in ``original_latency_s``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from council.assess.voters import prompt
from council.assessment import Vote
from council.db import Migrations, register
from council.errors import InvalidInput

DEFAULT_TTL_DAYS = 30.0
TTL_ENV = "COUNCIL_VOTE_CACHE_DAYS"  # days a cached vote is reused; 0 turns the cache off

log = logging.getLogger("council.voters.cache")


MIGRATIONS = register(Migrations("council.assess.voters.cache"))


@MIGRATIONS("voter_cache_001_votes")
def _create(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE voter_cache (
            key TEXT PRIMARY KEY,         -- sha256 of voter identity, prompt version and text
            voter TEXT NOT NULL,          -- the voter's name when asked (for people reading)
            model TEXT NOT NULL,
            prompt_version INTEGER NOT NULL,
            created_at REAL NOT NULL,     -- unix seconds
            vote TEXT NOT NULL            -- Vote.to_dict() as JSON
        )""")
    db.execute("CREATE INDEX voter_cache_created ON voter_cache (created_at)")




def ttl_days_from_env() -> float:
    """The TTL in days from COUNCIL_VOTE_CACHE_DAYS (default 30; 0 = no cache)."""
    raw = os.environ.get(TTL_ENV, "").strip()
    if not raw:
        return DEFAULT_TTL_DAYS
    try:
        days = float(raw)
    except ValueError:
        raise InvalidInput(f"{TTL_ENV}={raw!r}: give a number of days (0 turns the vote "
                           "cache off)") from None
    if not days >= 0 or days == float("inf"):
        raise InvalidInput(f"{TTL_ENV}={raw!r}: give a number of days >= 0")
    return days


def normalise(text: str) -> str:
    """The text as the cache compares it: runs of whitespace are one space, ends trimmed."""
    return " ".join(text.split())


def voter_identity(voter: Any) -> str:
    """What makes two voters give the same answer: kind, endpoint, model, extra fields."""
    config = getattr(voter, "config", None)
    if config is None:
        return f"{getattr(voter, 'kind', 'llm')}|{voter.model}"
    extra = json.dumps(config.extra_body, sort_keys=True, default=str)
    return f"{config.kind}|{config.base_url or ''}|{config.model}|{extra}"


def cache_key(voter: Any, description: str) -> str:
    """SHA-256 of the voter's identity, the prompt version in force and the normalised text."""
    material = "\x1f".join((voter_identity(voter), str(prompt.PROMPT_VERSION),
                            normalise(description)))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class VoteCache:
    """Cached votes in the council's SQLite database, safe to share between voter threads."""

    def __init__(self, db: sqlite_utils.Database, *, ttl_days: float = DEFAULT_TTL_DAYS,
                 clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.ttl_s = ttl_days * 86_400
        self.clock = clock
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str, **kwargs: Any) -> VoteCache:
        """Its own connection to the database at ``path`` (migrated), for voter threads."""
        from council.db import open_db

        return cls(open_db(path, MIGRATIONS), **kwargs)

    def get(self, voter: Any, description: str) -> Vote | None:
        """The stored vote for this voter and text, marked cached; None on a miss."""
        key = cache_key(voter, description)
        with self._lock:
            row = self.db.execute("SELECT created_at, vote FROM voter_cache WHERE key = ?",
                                  [key]).fetchone()
        if row is None or self.clock() - row[0] >= self.ttl_s:
            return None
        stored = Vote.from_dict(json.loads(row[1]))
        return replace(
            stored, voter=voter.name, weight=voter.weight, cached=True,
            original_latency_s=stored.latency_s,
            cached_at=datetime.fromtimestamp(row[0], UTC).isoformat(timespec="seconds"),
            input_tokens=0, cached_input_tokens=0, output_tokens=0, cost_usd=0.0)

    def put(self, voter: Any, description: str, vote: Vote) -> bool:
        """Store an answered vote (a failed one is not stored); False when it was not."""
        if not vote.ok or vote.cached:
            return False
        now = self.clock()
        with self._lock, self.db.conn:
            self.db.execute("DELETE FROM voter_cache WHERE created_at <= ?", [now - self.ttl_s])
            self.db.execute(
                "INSERT OR REPLACE INTO voter_cache (key, voter, model, prompt_version, "
                "created_at, vote) VALUES (?, ?, ?, ?, ?, ?)",
                [cache_key(voter, description), vote.voter, vote.model or "",
                 prompt.PROMPT_VERSION, now, json.dumps(vote.to_dict())])
        return True

    def count(self) -> int:
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM voter_cache").fetchone()[0])


class CachedVoter:
    """A voter whose answers are reused from the cache while fresh (same contract)."""

    def __init__(self, inner: Any, cache: VoteCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name: str = inner.name
        self.weight: float = inner.weight
        self.model: str | None = inner.model
        self.kind: str = getattr(inner, "kind", "llm")

    def __repr__(self) -> str:
        return f"CachedVoter({self.inner!r})"

    def vote(self, description: str, deadline_s: float) -> Vote:
        start = time.monotonic()
        try:
            hit = self.cache.get(self.inner, description)
        except sqlite3.Error as exc:  # the cache only saves money: ask the provider instead
            log.warning("vote cache read failed for %s: %s", self.name, exc)
            hit = None
        if hit is not None:
            hit.latency_s = time.monotonic() - start
            return hit
        vote = self.inner.vote(description, max(0.0, deadline_s - (time.monotonic() - start)))
        try:
            self.cache.put(self.inner, description, vote)
        except sqlite3.Error as exc:
            log.warning("vote cache write failed for %s: %s", self.name, exc)
        return vote
