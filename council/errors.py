"""The error family. Converted to messages only at the edges (CLI, pages)."""

from __future__ import annotations

from council.format import at_least, money


class CouncilError(Exception):
    """Base of every error the product raises on purpose."""


class InvalidInput(CouncilError, ValueError):
    """A user-supplied value is out of range or malformed."""


class BudgetTooLow(InvalidInput):
    """A budget below the least spend that answers every task: says the amount given and the
    least that works (rounded up to the figure shown, so that amount does work); ``hint``: what
    the cheapest cost rests on that the user may correct (a guessed number of calls a task)."""

    def __init__(self, what: str, given: float, least: float, detail: str,
                 unit: str = "", hint: str = "") -> None:
        self.given, self.least, self.detail, self.unit = given, at_least(least), detail, unit
        self.what, self.hint = what, hint
        super().__init__(f"{what} {money(given)}{unit} is below the cheapest model's cost "
                         f"{detail}; the least that works is {money(self.least)}{unit}"
                         + (f". {hint}" if hint else ""))

    def naming(self, what: str) -> BudgetTooLow:
        """The same error, naming the option the user typed (`--budget-usd`)."""
        return BudgetTooLow(what, self.given, self.least, self.detail, self.unit, self.hint)

    def hinting(self, hint: str) -> BudgetTooLow:
        """The same error, saying what the cheapest cost rests on."""
        return BudgetTooLow(self.what, self.given, self.least, self.detail, self.unit, hint)


class CatalogError(CouncilError):
    """A catalog file or record is invalid; the message names file, model and field."""


class ConflictError(CouncilError):
    """Someone else saved the same record first (optimistic concurrency)."""


class NotFound(CouncilError, KeyError):
    """A model, recommendation or artifact that was asked for does not exist."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else ""


class ArtifactError(CouncilError):
    """A trained artifact is missing, corrupt or from an incompatible version."""


class VoterError(CouncilError):
    """An LLM voter failed: timeout, HTTP error, malformed or off-schema answer."""


class MissingKey(CouncilError):
    """An API key is needed and not configured; the message says what to set."""


class PermissionDenied(CouncilError):
    """The current user may not do this (e.g. a viewer editing the catalog)."""


class RateLimited(CouncilError):
    """Too many attempts (sign-ins, feedback) too fast; the message says when to try again."""
