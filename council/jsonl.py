"""Reading JSON Lines: one row at a time, with errors that say where (file:line)."""

from __future__ import annotations

import json
from typing import Any

from council.errors import InvalidInput


def json_object(raw: str, where: str, *, shape: str = "a JSON object") -> dict[str, Any]:
    """One line parsed as a JSON object; InvalidInput names ``where`` and what is wrong
    (``shape`` says what the row should be, e.g. "a JSON object with 'id' and 'prompt'")."""
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{where}: invalid JSON ({exc.msg})") from exc
    if not isinstance(row, dict):
        raise InvalidInput(f"{where}: expected {shape}")
    return row
