"""Importers read a public source into per-model facts; diff.py turns them into a change set.

An importer is ``read(catalog, path) -> SourceFacts``. It never writes: what a source says is a
proposal that a person reviews (``council catalog import``), then an editor applies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from council.catalog.model import Catalog
from council.errors import InvalidInput

# Fact keys an importer may report. ``price.*`` are rates (USD per million tokens) of the price
# in force; the rest are ModelEntry fields.
PRICE_FACTS: tuple[str, ...] = (
    "price.input", "price.output", "price.cache_read", "price.cache_write_5m",
    "price.cache_write_1h", "price.batch_discount", "price.tier_threshold",
    "price.tier_input", "price.tier_output",
)
ENTRY_FACTS: tuple[str, ...] = (
    "context_window", "max_output", "tools", "structured_output", "reasoning",
    "prompt_caching", "vision", "deprecation_date",
)


@dataclass(frozen=True)
class SourceFacts:
    """What one source says about the catalog's models, keyed by our model id."""

    source: str  # label with version, e.g. "genai-prices 0.2.3"
    kind: str  # importer name, e.g. "genai-prices"
    facts: dict[str, dict[str, Any]]
    not_found: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def matched(self) -> int:
        return len(self.facts)


Importer = Callable[[Catalog, Path | None], SourceFacts]


def importers() -> dict[str, Importer]:
    from council.catalog.importers import genai_prices, litellm, modelsdev

    return {"genai-prices": genai_prices.read, "litellm": litellm.read,
            "modelsdev": modelsdev.read}


def read_source(name: str, catalog: Catalog, path: Path | None = None) -> SourceFacts:
    table = importers()
    if name not in table:
        raise InvalidInput(f"unknown source {name!r}; known: {', '.join(table)}")
    return table[name](catalog, path)


def default_path(env_var: str, package: str, relative: str) -> Path | None:
    """A source file from an environment variable, else from an installed package, else None."""
    import importlib.util
    import os

    if os.environ.get(env_var):
        return Path(os.environ[env_var])
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / relative
            if candidate.exists():
                return candidate
    return None


def per_million(value: Any) -> Any:
    """A per-token USD cost (LiteLLM style) as USD per million tokens, rounded sanely.

    A value that is not a number (text, yes/no) is passed through as it is, so the review
    (``diff.check_guards``) names it, instead of a traceback here.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    try:
        return round(float(value) * 1_000_000, 9)
    except (TypeError, ValueError, OverflowError):
        return value
