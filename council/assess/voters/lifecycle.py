"""Whether a configured voter's model still runs: the catalog's shutdown dates, read for voters.

A voter whose model the provider has shut down would spend a request on every vote only to
get an error back, so it is skipped with a note that names the date and the fix. One whose
shutdown is near is kept, and `council doctor` says so. A model the catalog does not list
is left alone (the catalog cannot say).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from council.assess.voters.base import VoterConfig
from council.catalog.availability import shutdown_problem, shutdown_warning
from council.catalog.model import Catalog
from council.catalog.schema import ModelEntry
from council.errors import NotFound

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
    return (f"its model {model.id} was shut down on {model.shutdown_date.isoformat()} "
            "(the catalog's date)")


def shutdown_soon(config: VoterConfig, catalog: Catalog, today: date) -> str | None:
    """The catalog's warning when the voter's model shuts down within the warning window."""
    model = _model(config, catalog)
    return shutdown_warning(model, today) if model is not None else None


def _model(config: VoterConfig, catalog: Catalog) -> ModelEntry | None:
    try:
        return catalog.get(config.price_id)
    except NotFound:
        return None
