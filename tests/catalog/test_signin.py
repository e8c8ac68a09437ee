"""Catalog sign-in under guessing (issue 15, row 8): backoff per name and per client, logged,
and an unknown name costs as much time as a known one."""

from __future__ import annotations

import logging
import time

import pytest

from council.catalog.editors import authenticate, hash_password
from council.catalog.signin import BASE_DELAY_S, FREE_FAILURES, SignInGuard
from council.errors import PermissionDenied, RateLimited

CREDENTIALS = {"editors": {"alice": hash_password("right", iterations=1000)}}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _fail(guard: SignInGuard, name: str = "alice", client: str = "10.0.0.1") -> None:
    with pytest.raises(PermissionDenied):
        guard.sign_in(name, "wrong", CREDENTIALS, client)


def test_wrong_passwords_back_off_then_the_right_one_works_after_waiting(caplog) -> None:
    clock = Clock()
    guard = SignInGuard(clock)
    caplog.set_level(logging.INFO, logger="council.signin")
    for _ in range(FREE_FAILURES):
        _fail(guard)
    with pytest.raises(RateLimited, match="try again in 2 s"):
        guard.sign_in("alice", "right", CREDENTIALS, "10.0.0.1")  # even the right password
    clock.now += BASE_DELAY_S
    _fail(guard)  # a fourth failure doubles the wait
    clock.now += BASE_DELAY_S
    with pytest.raises(RateLimited, match="try again in 2 s"):
        guard.sign_in("alice", "right", CREDENTIALS, "10.0.0.1")
    clock.now += BASE_DELAY_S
    assert guard.sign_in("alice", "right", CREDENTIALS, "10.0.0.1").name == "alice"
    assert "failed sign-in: name 'alice' from 10.0.0.1 (4 for the name" in caplog.text
    assert "sign-in refused while backing off" in caplog.text
    assert "wrong" not in caplog.text.replace("wrong editor", "")  # no password logged


def test_twenty_one_wrong_passwords_then_the_right_one_is_refused() -> None:
    clock = Clock()
    guard = SignInGuard(clock)
    for _ in range(21):
        try:
            guard.sign_in("alice", "wrong", CREDENTIALS, "10.0.0.1")
        except (PermissionDenied, RateLimited):
            clock.now += 0.5
    with pytest.raises(RateLimited):
        guard.sign_in("alice", "right", CREDENTIALS, "10.0.0.1")


def test_backoff_is_per_name_and_per_client() -> None:
    clock = Clock()
    guard = SignInGuard(clock)
    for i in range(FREE_FAILURES):  # one client guessing many names
        _fail(guard, name=f"guess{i}", client="10.0.0.9")
    with pytest.raises(RateLimited):
        guard.sign_in("alice", "right", CREDENTIALS, "10.0.0.9")
    assert guard.sign_in("alice", "right", CREDENTIALS, "10.0.0.2").name == "alice"
    for i in range(FREE_FAILURES):  # many clients guessing one name
        _fail(guard, name="alice", client=f"10.1.0.{i}")
    with pytest.raises(RateLimited):
        guard.sign_in("alice", "right", CREDENTIALS, "10.2.0.1")


def test_an_unknown_name_takes_as_long_as_a_known_one() -> None:
    credentials = {"editors": {"alice": hash_password("right", iterations=60_000)}}

    def timed(name: str) -> float:
        start = time.perf_counter()
        with pytest.raises(PermissionDenied):
            authenticate(name, "wrong", credentials)
        return time.perf_counter() - start

    timed("nobody")  # the dummy hash is made once
    # Interleaved rounds, the least of each: another process's load only ever adds time, so
    # the minimum is the hash's own cost (medians of a few runs flaked at load 5 on 2 CPUs).
    rounds = [(timed("alice"), timed(f"nobody{i}"), timed("")) for i in range(7)]
    known, unknown, empty = (min(r[j] for r in rounds) for j in range(3))
    assert known > 0.005
    assert 0.5 < unknown / known < 2.0, (known, unknown)
    assert 0.5 < empty / known < 2.0, (known, empty)
