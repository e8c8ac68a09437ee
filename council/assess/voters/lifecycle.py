"""Whether a configured voter's model still runs: the catalog's shutdown dates, read for voters.

A voter whose model the provider has shut down would spend a request on every vote only to
get an error back, so it is skipped with a note that names the date and the fix. One whose
shutdown is near is kept, and `council doctor` says so; it is wrapped in a ``ShutdownGuard``
so that a council opened before the date (the app keeps one open for days) stops asking it
on the day, as a council opened after the date would. A model the catalog does not list is
left alone (the catalog cannot say).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from council.assess.voters.base import Voter, VoterConfig
from council.assessment import Vote
from council.catalog.availability import shutdown_problem, shutdown_warning
from council.catalog.model import Catalog
from council.catalog.schema import ModelEntry

FIX = "name a current model in the voters file (voters.example.toml lists the defaults)"


def retired_check(catalog: Catalog, today: date) -> Callable[[VoterConfig], str | None]:
    """Why a voter must be skipped on ``today`` (its model is shut down, and the fix), or None."""

    def why(config: VoterConfig) -> str | None:
        gone = shut_down(config, catalog, today)
        return f"{gone}: {FIX}" if gone else None

    return why


def shut_down(config: VoterConfig, catalog: Catalog, today: date) -> str | None:
    """The phrase "its model X was shut down on DATE (the catalog's date)", or None."""
    model = _model(config, catalog)
    if model is None or shutdown_problem(model, today) is None:
        return None
    assert model.shutdown_date is not None
    return _gone(model.id, model.shutdown_date)


def _gone(model_id: str, on: date) -> str:
    return f"its model {model_id} was shut down on {on.isoformat()} (the catalog's date)"


def shutdown_ahead(config: VoterConfig, catalog: Catalog, today: date) -> ModelEntry | None:
    """The voter's catalog model when it has a shutdown date still to come, else None."""
    model = _model(config, catalog)
    if model is None or model.shutdown_date is None or model.shutdown_date <= today:
        return None
    return model


class ShutdownGuard:
    """A voter whose model shuts down on ``model.shutdown_date``: from that day on each vote
    is skipped without a request, with the note a council opened after the date gives."""

    def __init__(self, inner: Voter, model: ModelEntry,
                 today: Callable[[], date] = date.today) -> None:
        assert model.shutdown_date is not None
        self.inner = inner
        self.name: str = inner.name
        self.weight: float = inner.weight
        self.model: str | None = inner.model
        self.kind: str = getattr(inner, "kind", "llm")
        self._catalog_id = model.id
        self._ends = model.shutdown_date
        self.today = today  # a callable, so a test can move the day

    def __repr__(self) -> str:
        return f"ShutdownGuard({self.inner!r}, until {self._ends.isoformat()})"

    def vote(self, description: str, deadline_s: float) -> Vote:
        if self.today() >= self._ends:
            return Vote(voter=self.name, kind=self.kind, model=self.model, weight=self.weight,
                        error=f"skipped, {_gone(self._catalog_id, self._ends)}: {FIX}")
        return self.inner.vote(description, deadline_s)


def shutdown_soon(config: VoterConfig, catalog: Catalog, today: date) -> str | None:
    """The catalog's warning when the voter's model shuts down within the warning window."""
    model = _model(config, catalog)
    return shutdown_warning(model, today) if model is not None else None


def _model(config: VoterConfig, catalog: Catalog) -> ModelEntry | None:
    from council.catalog.names import resolve

    found = resolve(catalog, config.price_id)  # matched as the price function matches it
    return found.model if found is not None else None
