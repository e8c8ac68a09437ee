"""Failed catalog sign-ins back off, per editor name and per client, and are logged.

Three failures are free (typos happen); after that each further attempt for the same name,
or from the same client, must wait twice as long as the last: 2 s, 4 s, 8 s ... up to
five minutes. A success clears the name and the client. Attempts made while waiting are
refused without checking the password, so guessing costs the guesser time, not the server.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from council.catalog.editors import Editor, authenticate
from council.errors import PermissionDenied, RateLimited

FREE_FAILURES = 3
BASE_DELAY_S = 2.0
MAX_DELAY_S = 300.0
MAX_TRACKED = 10_000

log = logging.getLogger("council.signin")


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0

    def wait_left(self, now: float) -> float:
        if self.count < FREE_FAILURES:
            return 0.0
        delay = min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (self.count - FREE_FAILURES))
        return max(0.0, self.last + delay - now)


class SignInGuard:
    """Sign-in with backoff; one per server process (held by the app across sessions)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, _Failures] = {}

    def sign_in(self, name: str, password: str | None, credentials: Mapping[str, Any] | None,
                client: str) -> Editor:
        """The Editor, PermissionDenied on a wrong name or password, RateLimited while a
        name or client is backing off."""
        keys = (f"name:{name}", f"client:{client}")
        with self._lock:
            now = self._clock()
            wait = max(self._failures.get(k, _Failures()).wait_left(now) for k in keys)
        if wait > 0:
            log.warning("sign-in refused while backing off: name %r from %s (%.0f s left)",
                        name[:40], client, wait)
            raise RateLimited(f"too many failed sign-ins for this name or from this client; "
                              f"try again in {wait:.0f} s")
        try:
            editor = authenticate(name, password, credentials)
        except PermissionDenied:
            with self._lock:
                now = self._clock()
                if len(self._failures) > MAX_TRACKED:  # random names must not fill memory
                    self._failures = {k: f for k, f in self._failures.items()
                                      if now - f.last < 2 * MAX_DELAY_S}
                counts = []
                for k in keys:
                    entry = self._failures.setdefault(k, _Failures())
                    entry.count, entry.last = entry.count + 1, now
                    counts.append(entry.count)
            log.warning("failed sign-in: name %r from %s (%d for the name, %d from the client)",
                        name[:40], client, *counts)
            raise
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)
        log.info("signed in: %r from %s", name[:40], client)
        return editor
