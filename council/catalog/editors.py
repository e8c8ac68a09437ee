"""Who may edit the catalog: named editors authenticated against hashes supplied from secrets.

Credentials never live in the repository. The caller passes a mapping such as the
``[catalog]`` table of ``.streamlit/secrets.toml``::

    [catalog.editors]
    alice = "pbkdf2_sha256$600000$<salt hex>$<hash hex>"   # from `council catalog hash-password`
    bob = "sha256$<hex of sha256(password)>"

Anyone not listed is a viewer: they can browse and compare, never edit.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from council.errors import PermissionDenied

Role = Literal["editor", "viewer"]
PBKDF2_ITERATIONS = 600_000


@dataclass(frozen=True)
class Editor:
    name: str
    role: Role = "editor"

    def require_editor(self) -> None:
        if self.role != "editor":
            raise PermissionDenied(f"{self.name} is a viewer and cannot edit the catalog")


def hash_password(password: str, *, iterations: int = PBKDF2_ITERATIONS) -> str:
    """A pbkdf2_sha256 hash string to put in secrets."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of a password against a pbkdf2_sha256$ or sha256$ hash string."""
    scheme, _, rest = stored.partition("$")
    if scheme == "pbkdf2_sha256":
        try:
            iterations_s, salt_hex, hash_hex = rest.split("$")
            iterations, salt = int(iterations_s), bytes.fromhex(salt_hex)
        except ValueError:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
        return hmac.compare_digest(digest.hex(), hash_hex)
    if scheme == "sha256":
        return hmac.compare_digest(hashlib.sha256(password.encode()).hexdigest(), rest)
    return False


def _editors_table(credentials: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not credentials:
        return {}
    table = credentials.get("editors")
    if table is None and "catalog" in credentials:
        table = credentials["catalog"].get("editors")
    return table or {}


_dummies: dict[str, str] = {}


def _dummy_like(stored: str) -> str:
    """A hash of a random password in the same scheme and cost as ``stored``: checking an
    unknown name against it takes as long as checking a known one."""
    scheme, _, rest = stored.partition("$")
    key = f"{scheme}${rest.split('$')[0]}" if scheme == "pbkdf2_sha256" else scheme
    if key not in _dummies:
        noise = secrets.token_hex(16)
        if scheme == "pbkdf2_sha256":
            try:
                iterations = int(rest.split("$")[0])
            except ValueError:
                iterations = PBKDF2_ITERATIONS
            _dummies[key] = hash_password(noise, iterations=iterations)
        else:
            _dummies[key] = f"sha256${hashlib.sha256(noise.encode()).hexdigest()}"
    return _dummies[key]


def authenticate(name: str, password: str | None,
                 credentials: Mapping[str, Any] | None) -> Editor:
    """An Editor when name and password match the secrets; PermissionDenied otherwise.

    A wrong name costs the same hash check as a wrong password, so timing does not tell
    which names exist.
    """
    table = _editors_table(credentials)
    if not table:
        raise PermissionDenied(
            "no catalog editors are configured; add [catalog.editors] to .streamlit/secrets.toml"
        )
    stored = table.get(name)
    checked = str(stored) if stored is not None else _dummy_like(str(next(iter(table.values()))))
    matches = verify_password(password or "", checked)
    if stored is None or not password or not matches:
        raise PermissionDenied(f"wrong editor name or password for {name!r}")
    return Editor(name=name, role="editor")


def viewer(name: str = "viewer") -> Editor:
    return Editor(name=name, role="viewer")
