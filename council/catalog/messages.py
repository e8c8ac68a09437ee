"""A model entry's validation problems in plain words, each naming the field as a curator knows it.

QA round 16: a negative price read "gpt-4.1.price.input = -1 is invalid: prices.2.input: Value
error, price must not be negative", a row index and a library's words. Here the same problem
reads "gpt-4.1: input price (row from 2026-12-02) -1: price must not be negative".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

LABELS: dict[str, str] = {
    "id": "id", "provider": "provider", "creator": "creator", "api_id": "API id",
    "aliases": "aliases", "name": "name", "status": "status", "release_date": "release date",
    "deprecation_date": "deprecation date", "shutdown_date": "shutdown date",
    "successor": "successor", "context_window": "context window", "max_input": "max input",
    "max_output": "max output", "input_modalities": "input modalities",
    "output_modalities": "output modalities", "tools": "tools", "structured_output": "JSON output",
    "reasoning": "reasoning", "reasoning_efforts": "reasoning efforts",
    "prompt_caching": "prompt caching", "min_cache_prefix_tokens": "shortest cached prefix",
    "batch_api": "batch API", "tokenizer": "tokenizer", "token_ratio": "token ratio",
    "prices": "prices", "quality": "quality", "notes": "notes",
    # price rows
    "effective_from": "first day", "source": "source", "verified": "verified on",
    "input": "input price", "output": "output price", "cache_read": "cache-read price",
    "cache_write_5m": "5-minute cache-write price", "cache_write_1h": "1-hour cache-write price",
    "batch_discount": "batch discount", "batch_cache_read": "batch cache-read price",
    "tiers": "long-context tiers", "threshold": "tier threshold",
    "service_tiers": "service tiers", "peak": "peak-hour rates",
    # quality entries
    "skill": "level", "benchmark": "benchmark", "score": "score", "date": "date",
    "estimated": "estimated", "sd": "uncertainty",
}

_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^Value error, ", ""),
    (r"^Field required$", "is missing"),
    (r"^Extra inputs are not permitted$", "is not a catalog field"),
    (r"^String should match pattern '\^\[a-z0-9\]\[a-z0-9\.\\-\]\*\$'$",
     "must be lower case letters, digits, dots and dashes (e.g. kimi-k2-thinking)"),
    (r"^String should have at least 1 character$", "must not be empty"),
    (r"^Input should be a valid integer.*$", "must be a whole number"),
    (r"^Input should be a valid number.*$", "must be a number"),
    (r"^Input should be a valid boolean.*$", "must be true or false"),
    (r"^Input should be a valid date.*$", "must be a date (YYYY-MM-DD)"),
    (r"^Input should be ", "must be "),
    (r"^List should have at least 1 item.*$", "needs at least one"),
    (r"^Tuple should have at least 1 item.*$", "needs at least one"),
)


_BOUNDS = ((r"^Input should be less than or equal to ", "must be at most "),
           (r"^Input should be greater than or equal to ", "must be at least "),
           (r"^Input should be less than ", "must be below "),
           (r"^Input should be greater than ", "must be above "))


def plain(message: str) -> str:
    """A pydantic message in a curator's words; a bound's number grouped (100,000,000)."""
    for pattern, words in _BOUNDS:
        found = re.match(pattern + r"(-?\d+(?:\.\d+)?)$", message)
        if found:
            number = float(found.group(1))
            return words + (f"{number:,.0f}" if number.is_integer() else f"{number:g}")
    for pattern, words in _PATTERNS:
        message = re.sub(pattern, words, message)
    return message


def field_label(loc: Sequence[Any], data: Mapping[str, Any] | None = None) -> str:
    """Where a problem is, as a curator names it: "input price (row from 2026-12-02)",
    "coding level", "context window"; a price row by its first day, not its index."""
    parts = list(loc)
    if not parts:
        return ""
    if parts[0] == "prices" and len(parts) >= 2 and isinstance(parts[1], int):
        day = _row_day(data, parts[1])
        where = f"row from {day}" if day else f"price row {parts[1] + 1}"
        rest = parts[2:]
        if rest[:1] == ["tiers"] and len(rest) >= 2 and isinstance(rest[1], int):
            name = LABELS.get(str(rest[2]), str(rest[2])) if len(rest) > 2 else "tier"
            return f"{name} of long-context tier {rest[1] + 1} ({where})"
        name = LABELS.get(str(rest[0]), str(rest[0])) if rest else "price"
        return f"{name} ({where})"
    if parts[0] == "quality" and len(parts) >= 2:
        what = LABELS.get(str(parts[2]), str(parts[2])) if len(parts) > 2 else "quality entry"
        return f"{parts[1]} {what}"
    return " ".join(LABELS.get(str(p), str(p)) for p in parts if not isinstance(p, int))


def _row_day(data: Mapping[str, Any] | None, index: int) -> str | None:
    try:
        day = (data or {})["prices"][index]["effective_from"]
    except (KeyError, IndexError, TypeError):
        return None
    return str(day) if day else None


def problems(exc: ValidationError, data: Mapping[str, Any] | None = None) -> list[str]:
    """One line per problem: the field's label, the value given (when short), what is wrong."""
    lines = []
    for err in exc.errors():
        label = field_label(err["loc"], data)
        value = err.get("input")
        shown = ""
        if err["loc"] and not isinstance(value, dict | list | tuple) and err["type"] != "missing":
            text = (f"{value:,}" if isinstance(value, int) and not isinstance(value, bool)
                    else repr(value))
            shown = f" {text if len(text) <= 60 else text[:57] + '...'}"
        words = plain(err["msg"])
        lines.append(f"{label}{shown}: {words}" if label else words)
    return lines
