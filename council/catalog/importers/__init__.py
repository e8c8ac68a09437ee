"""Importers read a public source into per-model facts; diff.py turns them into a change set.

An importer is ``read(catalog, path) -> SourceFacts``. It never writes: what a source says is a
proposal that a person reviews (``council catalog import``), then an editor applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

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


LegacyKind = Literal["snapshot", "deprecated", "free"]
# What each kind of legacy model is, in the review's words.
LEGACY_WORDS: dict[LegacyKind, str] = {
    "snapshot": "dated snapshots or modes of a catalog model (the catalog has the undated name)",
    "deprecated": "deprecated or shut down in the source",
    "free": "priced at $0 in the source (experimental listings, not a price to plan on)",
}


@dataclass(frozen=True)
class Legacy:
    """Why a source's model is not worth proposing as new: its kind and the detail (the
    catalog model it is a snapshot of, the source's deprecation date)."""

    kind: LegacyKind
    detail: str = ""


@dataclass(frozen=True)
class NewModel:
    """A model a source has and the catalog lacks: the provider (ours), the provider's model
    id, the source's name for it, and its facts (the same keys as a catalog model's).
    ``legacy`` says why it is left out of the proposals (counted, not proposed)."""

    provider: str
    api_id: str
    name: str | None
    facts: dict[str, Any]
    legacy: Legacy | None = None


@dataclass(frozen=True)
class PassedOver:
    """Entries of a source neither matched to a catalog model nor weighed as new ones, by why
    (user QA 18: 7 of a 10-entry LiteLLM file, an unknown provider's chat model among them,
    were never mentioned)."""

    why: str
    names: tuple[str, ...]

    def line(self, shown: int = 8) -> str:
        """"N why: a, b, ... and M more"."""
        more = len(self.names) - shown
        listed = ", ".join(self.names[:shown]) + (f" and {more:,} more" if more > 0 else "")
        return f"{len(self.names):,} {self.why}: {listed}"


@dataclass(frozen=True)
class SourceFacts:
    """What one source says about the catalog's models, keyed by our model id, and the models
    it has that the catalog lacks (for our providers, text chat models with a price and a
    window: ``is_candidate``)."""

    source: str  # label with version, e.g. "genai-prices 0.2.3"
    kind: str  # importer name, e.g. "genai-prices"
    facts: dict[str, dict[str, Any]]
    not_found: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)
    new_models: tuple[NewModel, ...] = ()
    passed_over: tuple[PassedOver, ...] = ()

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


# A dated snapshot or a mode of a model (gpt-4.1-mini-2025-04-14, grok-4.20-0309-reasoning,
# grok-4.20-experimental-beta-0304): the catalog's model under another name, not a new one.
_VARIANT = re.compile(r"(-\d{4}-\d{2}-\d{2}|-\d{8}|-\d{4}|-latest|-(non-)?reasoning|-beta"
                      r"|-experimental)$")


def variant_of(api_id: str, known: frozenset[str]) -> str | None:
    """The catalog name a source's model is a dated snapshot or a mode of, or None."""
    name = api_id.lower()
    while (shorter := _VARIANT.sub("", name)) != name:
        name = shorter
        if name in known:
            return name
    return None


def is_candidate(api_id: str, facts: dict[str, Any], known: frozenset[str]) -> bool:
    """Whether a source's model may be a new one: not a catalog name, a text chat model by its
    id (council.catalog.sources.NOT_TEXT, as the sync uses), with an input and an output price
    and a context window. ``legacy_of`` then says whether it is worth proposing."""
    from council.catalog.sources import NOT_TEXT

    return (api_id.lower() not in known and not NOT_TEXT.search(api_id)
            and all(isinstance(facts.get(k), int | float) and not isinstance(facts.get(k), bool)
                    for k in ("price.input", "price.output", "context_window")))


def legacy_of(api_id: str, facts: dict[str, Any], known: frozenset[str], *,
              deprecated: bool = False) -> Legacy | None:
    """Why a candidate is a legacy listing rather than a model to add, or None.

    A dated snapshot or mode of a catalog model (``variant_of``); a model the source marks
    deprecated or gives a deprecation date (past or announced); a listing at $0 in and out.
    Round 18: LiteLLM 1.110.2's 36 proposed new models included gpt-4o-2024-08-06 (deprecated
    in the file) and gemini-exp-1206 ($0)."""
    base = variant_of(api_id, known)
    if base is not None:
        return Legacy("snapshot", f"of {base}")
    when = facts.get("deprecation_date")
    if deprecated or when:
        return Legacy("deprecated", f"deprecation date {when}" if when else "deprecated")
    if facts.get("price.input") == 0 and facts.get("price.output") == 0:
        return Legacy("free")
    return None


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
