"""The error family. Converted to messages only at the edges (CLI, pages)."""


class CouncilError(Exception):
    """Base of every error the product raises on purpose."""


class InvalidInput(CouncilError, ValueError):
    """A user-supplied value is out of range or malformed."""


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
