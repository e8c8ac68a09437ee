"""Retries for provider calls: backoff with jitter on 429 and 5xx, bounded by a deadline.

Other 4xx (bad request, bad key) are never retried: repeating them cannot succeed.
A Retry-After the deadline cannot honour ends the attempts at once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

from council.errors import VoterError

T = TypeVar("T")


class VoterTimeout(VoterError):
    """The provider did not answer within the time left."""


class HTTPFailure(VoterError):
    """A provider answered with an HTTP error status."""

    def __init__(self, status: int, message: str, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after_s = retry_after_s

    @property
    def retryable(self) -> bool:
        return self.status == 429 or self.status >= 500


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 2
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from retry-after-ms or Retry-After (seconds or an HTTP date)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    ms = lowered.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def call_with_retries(
    attempt: Callable[[float], T],
    *,
    deadline: float,
    policy: RetryPolicy,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    jitter: Callable[[], float] = random.random,
) -> T:
    """Call attempt(seconds_left) until it succeeds, a non-retryable error, or the deadline.

    `deadline` is a clock() instant. Retryable failures are HTTPFailure with status 429/5xx;
    the wait is Retry-After when the server gives one, else exponential backoff with full
    jitter. Raises the last HTTPFailure, or VoterTimeout when the deadline leaves no time.
    """
    tries = 0
    while True:
        left = deadline - clock()
        if left <= 0:
            raise VoterTimeout("deadline passed before the provider answered")
        try:
            return attempt(left)
        except HTTPFailure as failure:
            if not failure.retryable or tries >= policy.max_retries:
                raise
            if failure.retry_after_s is not None:
                wait = failure.retry_after_s
            else:
                wait = min(policy.max_delay_s, policy.base_delay_s * 2**tries) * jitter()
            if clock() + wait >= deadline:
                raise HTTPFailure(
                    failure.status,
                    f"{failure} (retry after {wait:.1f} s would pass the deadline)",
                ) from None
            tries += 1
            sleep(wait)
