"""The price-tier placeholder: the level a model gets in every skill before anything measures it.

`council catalog sync` (council.catalog.sync) writes it into a new model's entry; the loader
recognises it by its source (``is_placeholder``) so a better estimate can take its place
(council.catalog.index_estimate).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

PLACEHOLDER_SOURCE = ("price-tier placeholder: no public measurement recorded yet; level from "
                      "the model's blended price (docs/catalog.md), not copied from any model")


def price_tier_level(input_rate: float, output_rate: float) -> float:
    """A new model's placeholder level from its price: 2.0 at $0.25 per million blended tokens
    (3 input : 1 output), +0.5 per doubling, within [1.5, 4.5].

    Deliberately conservative for cheap unmeasured models, so they are not picked for hard
    tasks before a measurement says they can do them.
    """
    blended = (3 * input_rate + output_rate) / 4
    if blended <= 0:
        return 1.5
    return round(min(4.5, max(1.5, 2.0 + 0.5 * math.log2(blended / 0.25))), 1)


def placeholder_score(price_row: Mapping[str, Any], day: date) -> dict[str, Any]:
    """The quality entry a skill gets before anything measures it, from the price row in force
    (`council catalog sync`'s new models and a curator's added model alike). A price that is
    no number gets the floor level; the price itself is refused where it is validated."""
    try:
        level = price_tier_level(float(price_row.get("input") or 0.0),
                                 float(price_row.get("output") or 0.0))
    except (TypeError, ValueError):
        level = 1.5
    return {"skill": level, "benchmark": "no public measurement", "score": None,
            "source": PLACEHOLDER_SOURCE, "date": day.isoformat(), "estimated": True}


def is_placeholder(source: str) -> bool:
    """Whether a quality level's source is the price-tier placeholder."""
    return source.startswith(PLACEHOLDER_SOURCE.split(";")[0])
