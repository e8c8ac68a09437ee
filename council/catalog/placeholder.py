"""The price-tier placeholder: the level a model gets in every skill before anything measures it.

`council catalog sync` (council.catalog.sync) writes it into a new model's entry; the loader
recognises it by its source (``is_placeholder``) so a better estimate can take its place
(council.catalog.index_estimate).
"""

from __future__ import annotations

import math

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


def is_placeholder(source: str) -> bool:
    """Whether a quality level's source is the price-tier placeholder."""
    return source.startswith(PLACEHOLDER_SOURCE.split(";")[0])
