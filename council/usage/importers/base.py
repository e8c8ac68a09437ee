"""The contract every usage format implements, and helpers they share."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from council.usage.attribution import Attribution
from council.usage.records import LineError, RunTag, UsageRecord

Item = UsageRecord | LineError | RunTag

# How usage files are read: UTF-8, a leading byte-order mark dropped. Windows editors and
# PowerShell save with one, and the JSON formats read "0 records ... line 1: malformed JSON"
# (QA round 16); a byte that is no UTF-8 becomes U+FFFD, so the record is refused, not the file.
ENCODING = "utf-8-sig"


class Importer(Protocol):
    """One usage format: recognise it from the head of a file, read it record by record."""

    name: str  # what --format takes
    label: str  # how messages name it

    def sniff(self, head: str) -> bool: ...

    def read(self, path: Path, attribution: Attribution) -> Iterator[Item]: ...


class BadRecord(ValueError):
    """A record that cannot be imported; the importer turns it into a LineError."""


def count(data: Mapping[str, Any], *names: str, default: int | None = 0) -> int | None:
    """The first present token count among ``names``: a whole number >= 0, else BadRecord."""
    for name in names:
        value = data.get(name)
        if value is None or value == "":
            continue
        if type(value) is int and value >= 0:  # the common case, first
            return value
        if isinstance(value, bool):
            raise BadRecord(f"{name} is {value!r}, not a token count")
        try:
            number = float(value) if isinstance(value, str) else value
        except ValueError:
            raise BadRecord(f"{name} is {value!r}, not a token count") from None
        if not isinstance(number, int | float) or number != number:
            raise BadRecord(f"{name} is {value!r}, not a token count")
        if number < 0:
            raise BadRecord(f"negative token count: {name} = {value}")
        if number != int(number):
            raise BadRecord(f"{name} is {value!r}, not a whole number of tokens")
        return int(number)
    return default


PAID_TIERS = ("priority", "flex")


def paid_tier(value: Any) -> str | None:
    """The service tier a usage report names, when it changes the price ("default",
    "standard", "auto", "batch" and none do not)."""
    return value if value in PAID_TIERS else None


def split_included(total: int, *parts: int) -> int:
    """Fresh tokens when ``total`` includes ``parts`` (the current conventions), or ``total``
    itself when it is smaller than them (older instrumentations counted them apart)."""
    inside = sum(parts)
    return total - inside if total >= inside else total


def timestamp(value: Any, what: str) -> datetime:
    """A UTC datetime from ISO 8601 text, epoch seconds/milliseconds or OTLP nanoseconds."""
    if value is None or value == "":
        raise BadRecord(f"no {what}")
    if isinstance(value, str) and len(value) == 19 and value.isdigit():  # OTLP nanoseconds
        seconds = int(value) / 1e9
        if 946_684_800 <= seconds <= 4_102_444_800:
            return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        number = float(value)
        for scale in (1e9, 1e6, 1e3, 1.0):  # ns, us, ms, s: pick the one that lands in a sane year
            seconds = number / scale
            if 946_684_800 <= seconds <= 4_102_444_800:  # 2000 .. 2100
                return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
        raise BadRecord(f"{what} {value!r} is not a plausible time")
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise BadRecord(f"{what} {value!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def json_object(value: Any, what: str) -> dict[str, Any]:
    """A JSON object given inline or as a JSON string (CSV exports), {} when empty."""
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise BadRecord(f"{what} is not valid JSON") from None
    return value if isinstance(value, dict) else {}


def first_line_is_json(path: Path) -> bool:
    """Whether the file is JSON Lines (its first line is a whole JSON value on its own)."""
    with path.open(encoding=ENCODING, errors="replace") as f:
        for line in f:
            if line.strip():
                try:
                    json.loads(line)
                    return True
                except json.JSONDecodeError:
                    return False
    return False
