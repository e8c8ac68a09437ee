"""A quality level an editor sets by hand (an edit, or a model added in the app), with the
editor's reason and link as its evidence: measured when a link backs it, an estimate when none
does. One builder for the store's edits and council.catalog.addition's new models (they built
it twice until round 18), and one test for the loader, which keeps such a level as it is: the
evidence files do not replace it and do not mark it an estimate, so `council catalog export`
and a fresh load give it back exactly (until round 18 they did not).
"""

from __future__ import annotations

from datetime import date
from typing import Any

BENCHMARK_PREFIX = "set by editor "


def editor_level(level: float, *, editor: str, day: date, link: str | None,
                 reason: str | None = None) -> dict[str, Any]:
    """The quality entry for ``level`` as editor ``editor`` set it on ``day``."""
    link = (link or "").strip()
    note = (reason or "").strip()
    if link:
        source = f"{note} ({link})" if note else link
    elif note:
        source = f"{note} (no evidence link)"
    else:
        source = "no evidence link (the editor's judgement)"
    return {"skill": level, "benchmark": f"{BENCHMARK_PREFIX}{editor}", "score": None,
            "source": source, "date": day.isoformat(), "estimated": not link, "sd": None}


def is_editor_level(benchmark: str) -> bool:
    """Whether a quality entry (by its benchmark) is a level an editor set by hand."""
    return benchmark.startswith(BENCHMARK_PREFIX)
