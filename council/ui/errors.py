"""Turn the CouncilError family into readable messages at the page edge."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from council.errors import (
    ArtifactError,
    CatalogError,
    ConflictError,
    CouncilError,
    InvalidInput,
    MissingKey,
    NotFound,
    PermissionDenied,
    RateLimited,
)
from council.ui.text import md_escape

_TITLES: tuple[tuple[type[CouncilError], str], ...] = (
    (InvalidInput, "Please check the input"),
    (NotFound, "Not found"),
    (PermissionDenied, "Not allowed"),
    (RateLimited, "Slow down"),
    (ConflictError, "Someone else saved first"),
    (CatalogError, "Catalog problem"),
    (ArtifactError, "Model artifact problem"),
    (MissingKey, "Missing API key"),
)


def message_for(exc: CouncilError) -> str:
    """A one-paragraph message for an error of the family; its text is escaped (it may echo
    what a visitor typed, e.g. a share id, so it must never render as a link or an image)."""
    title = next((t for cls, t in _TITLES if isinstance(exc, cls)), "Something went wrong")
    return f"**{title}.** {md_escape(exc, limit=2_000)}"


@contextmanager
def shown_errors() -> Iterator[None]:
    """Show a CouncilError raised inside the block as st.error and carry on rendering."""
    try:
        yield
    except CouncilError as exc:
        st.error(message_for(exc), icon=":material/error:")
