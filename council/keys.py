"""API keys, resolved in one place: explicit value, then secrets mapping, then environment."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from council.errors import MissingKey


def get_key(env_var: str, explicit: str | None = None,
            secrets: Mapping[str, object] | None = None) -> str:
    """Return the key for env_var or raise MissingKey saying exactly what to set."""
    if explicit:
        return explicit
    if secrets is not None:
        value = secrets.get(env_var)
        if isinstance(value, str) and value:
            return value
    value = os.environ.get(env_var, "")
    if value:
        return value
    raise MissingKey(
        f"no API key: set {env_var} in the environment or in .streamlit/secrets.toml"
    )


def has_key(env_var: str, secrets: Mapping[str, object] | None = None) -> bool:
    try:
        get_key(env_var, secrets=secrets)
    except MissingKey:
        return False
    return True


SECRETS_ENV = "COUNCIL_SECRETS"


def secrets_file() -> dict[str, object]:
    """The secrets a terminal command sees: $COUNCIL_SECRETS or .streamlit/secrets.toml,
    as the app's st.secrets would read it; empty when there is no such file."""
    from council.config import PROJECT_ROOT

    path = Path(os.environ.get(SECRETS_ENV, PROJECT_ROOT / ".streamlit" / "secrets.toml"))
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)
