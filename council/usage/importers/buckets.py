"""What the two providers' usage-report importers share: pages of time buckets of results."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from council.usage.attribution import Attribution
from council.usage.importers.base import ENCODING, BadRecord, Item, first_line_is_json
from council.usage.jsonwalk import objects_at
from council.usage.records import LineError, UsageRecord

# (line, result, its bucket, attribution) -> the record
Build = Callable[[int, dict[str, Any], dict[str, Any], Attribution], UsageRecord]


def read_pages(path: Path, build: Build, attribution: Attribution) -> Iterator[Item]:
    """Each result of each bucket of a usage response: one page (as the API returns it), an
    array of pages, or JSON Lines with a page per line (pages fetched one after another)."""
    if first_line_is_json(path):
        with path.open(encoding=ENCODING, errors="replace") as f:
            for n, line in enumerate(f, start=1):
                if line.strip():
                    yield from _results(line, build, attribution, n)
        return
    yield from _results(path.read_text(encoding=ENCODING, errors="replace"), build,
                        attribution, 1)


def _results(text: str, build: Build, attribution: Attribution,
             first_line: int) -> Iterator[Item]:
    found = False
    for item in objects_at(text, ("data", "results"), first_line=first_line):
        if isinstance(item, LineError):
            yield item
            continue
        found = True
        line, result, bucket = item
        try:
            yield build(line, result, bucket, attribution)
        except BadRecord as exc:
            yield LineError(line, str(exc))
    if not found:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return
        if not (isinstance(data, dict) and isinstance(data.get("data"), list)):
            yield LineError(first_line, "not a usage report page (no data[].results[])")


def dims(result: dict[str, Any], names: tuple[str, ...]) -> str:
    """The grouping dimensions of a result, for its stable key."""
    return "|".join(f"{n}={result.get(n)}" for n in names if result.get(n) is not None)
