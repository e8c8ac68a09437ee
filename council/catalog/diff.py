"""Turn what sources say into a change set against the current catalog, for a person to review.

Nothing here writes. Every difference from the catalog is a proposal; a field where two sources
disagree, or that a person edited by hand, is flagged and never applied in bulk.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from council.catalog.importers import LEGACY_WORDS, PRICE_FACTS, Legacy, SourceFacts
from council.catalog.model import Catalog
from council.catalog.schema import ABSURD_PRICE_PER_MTOK, ModelEntry
from council.errors import InvalidInput

# Fields a change set can apply; the rest are shown for a person to edit in the files.
APPLICABLE: frozenset[str] = frozenset({
    "price.input", "price.output", "price.cache_read", "price.cache_write_5m",
    "price.cache_write_1h", "price.batch_discount", "context_window", "max_output", "tools",
    "structured_output", "reasoning", "prompt_caching", "vision", "deprecation_date",
    "new-model",
})
NEW_MODEL = "new-model"  # a model a source has and the catalog lacks: accepted one by one
MAX_DROP = 0.10  # reject a source that now matches >10% fewer catalog models than last time

SOURCES_DISAGREE = "sources-disagree"
CURATED = "curated-by-person"
NOT_APPLICABLE = "edit-in-files"


def current_value(entry: ModelEntry, fact: str) -> Any:
    """The catalog's value for an importer fact key."""
    if fact.startswith("price."):
        price = entry.price_on()
        name = fact.removeprefix("price.")
        if name.startswith("tier_"):
            if not price.tiers:
                return None
            tier = price.tiers[0]
            return tier.threshold if name == "tier_threshold" else getattr(tier, name[5:])
        return getattr(price, name)
    if fact == "vision":
        return entry.vision
    if fact == "deprecation_date":
        return entry.deprecation_date.isoformat() if entry.deprecation_date else None
    return getattr(entry, fact)


def same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    return a == b


@dataclass(frozen=True)
class Change:
    model_id: str
    field: str
    current: Any
    proposed: Any
    source: str
    flags: tuple[str, ...] = ()
    alternatives: dict[str, Any] = field(default_factory=dict)  # source -> value

    @property
    def key(self) -> str:
        return f"{self.model_id}:{self.field}"

    @property
    def applicable(self) -> bool:
        return self.field in APPLICABLE

    @property
    def needs_person(self) -> bool:
        return bool(self.flags)

    @property
    def offered(self) -> str:
        """What the sources offer, as stable JSON: the value, or every distinct value where
        sources disagree (not the sources' labels, which name the file). A rejection holds
        for exactly this (council.catalog.review.reject_import)."""
        if not self.alternatives:
            return offered_json(self.proposed)
        return offered_json(sorted({offered_json(v) for v in self.alternatives.values()}))

    @property
    def identity(self) -> tuple[str, str, str]:
        """(model, field, what is offered): the same proposal, whichever file makes it."""
        return self.model_id, self.field, self.offered

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "model_id": self.model_id, "field": self.field,
                "current": self.current, "proposed": self.proposed, "source": self.source,
                "flags": list(self.flags), "alternatives": self.alternatives,
                "applicable": self.applicable}


def offered_json(value: Any) -> str:
    """A proposal's value as stable JSON (sorted keys), to recognise it when offered again."""
    return json.dumps(value, sort_keys=True, default=str)


@dataclass(frozen=True)
class HiddenModel:
    """A model a source lists and the catalog lacks, left out of the proposals as legacy."""

    model_id: str
    api_id: str
    source: str
    legacy: Legacy

    def to_dict(self) -> dict[str, Any]:
        return {"model_id": self.model_id, "api_id": self.api_id, "source": self.source,
                "kind": self.legacy.kind, "detail": self.legacy.detail}


def hidden_summary(hidden: Iterable[HiddenModel]) -> list[str]:
    """One line per kind of legacy model left out: how many, why, and which."""
    by_kind: dict[str, list[HiddenModel]] = {}
    for h in hidden:
        by_kind.setdefault(h.legacy.kind, []).append(h)
    lines = []
    for kind, words in LEGACY_WORDS.items():
        found = by_kind.get(kind, [])
        if found:
            names = ", ".join(h.api_id + (f" ({h.legacy.detail})" if h.legacy.detail else "")
                              for h in found)
            lines.append(f"{len(found)} {words}: {names}")
    return lines


@dataclass(frozen=True)
class ChangeSet:
    catalog_version: str
    sources: tuple[SourceFacts, ...]
    changes: tuple[Change, ...]
    # models the sources have and the catalog lacks that a sync review rejected before
    rejected_new: tuple[str, ...] = ()
    # legacy models the sources list and the catalog lacks, left out with why
    hidden_new: tuple[HiddenModel, ...] = ()
    # changes an editor rejected in an earlier import review, offered the same again
    rejected_before: int = 0

    @property
    def new_models(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.field == NEW_MODEL)

    def to_dict(self) -> dict[str, Any]:
        return {
            "catalog_version": self.catalog_version,
            "sources": [{"source": s.source, "kind": s.kind, "matched": s.matched,
                         "not_found": list(s.not_found),
                         "passed_over": {p.why: list(p.names) for p in s.passed_over}}
                        for s in self.sources],
            "changes": [c.to_dict() for c in self.changes],
            "flagged": sum(1 for c in self.changes if c.needs_person),
            "new_models": len(self.new_models),
            "new_models_rejected_before": list(self.rejected_new),
            "new_models_hidden": [h.to_dict() for h in self.hidden_new],
            "rejected_before": self.rejected_before,
        }

    def render(self) -> str:
        """A reviewable text diff, one line per field."""
        lines = [f"catalog {self.catalog_version}"]
        for s in self.sources:
            lines.append(f"source {s.source}: {s.matched} models matched, "
                         f"{len(s.not_found)} not found")
        n = len(self.new_models)
        lines.append(f"{n} new model{'' if n == 1 else 's'} (the sources have them, the catalog "
                     "does not): accept each by its key"
                     + (f"; {len(self.rejected_new)} more were rejected before in a sync "
                        "review and are not proposed" if self.rejected_new else ""))
        if self.hidden_new:
            lines.append(f"{len(self.hidden_new)} more left out as legacy:")
            lines += [f"  {line}" for line in hidden_summary(self.hidden_new)]
        for s in self.sources:
            if s.passed_over:
                lines.append(f"{s.source}: not considered:")
                lines += [f"  {p.line()}" for p in s.passed_over]
        if self.rejected_before:
            lines.append(f"{self.rejected_before} rejected before in an import review (the "
                         "same value from the sources): not proposed again")
        model = None
        for c in self.changes:
            if c.model_id != model:
                model = c.model_id
                lines.append(f"@@ {model}")
            flag = f"  [{', '.join(c.flags)}]" if c.flags else ""
            if c.field == NEW_MODEL:
                lines.append(f"+ new model: {describe_new(c.proposed)}   ({c.source}){flag}")
                continue
            lines.append(f"- {c.field}: {c.current!r}")
            if c.alternatives and len(c.alternatives) > 1:
                for src, value in c.alternatives.items():
                    lines.append(f"+ {c.field}: {value!r}   ({src}){flag}")
            else:
                lines.append(f"+ {c.field}: {c.proposed!r}   ({c.source}){flag}")
        if not self.changes:
            lines.append("no differences")
        return "\n".join(lines)

    def get(self, key: str) -> Change:
        for change in self.changes:
            if change.key == key:
                return change
        raise InvalidInput(f"no proposed change {key!r} in this import")


def describe_new(proposed: dict[str, Any]) -> str:
    facts = proposed.get("facts", {})
    return (f"{proposed.get('provider')} {proposed.get('api_id')}, window "
            f"{facts.get('context_window')}, ${facts.get('price.input')} in / "
            f"${facts.get('price.output')} out per million tokens")


def _finite(value: Any) -> bool:
    """A real, finite number (not NaN, not infinity, not yes/no)."""
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


_WHOLE = ("context_window", "max_output", "price.tier_threshold")
_YES_NO = ("tools", "structured_output", "reasoning", "prompt_caching", "vision")


def _type_problems(found: Mapping[str, Any]) -> list[str]:
    """Facts of the wrong type, each named (prices are checked by the caller)."""
    problems = []
    for key in _WHOLE:
        value = found.get(key)
        if value is not None and not (_finite(value) and value == int(value) and value > 0):
            problems.append(f"{key} = {value!r} is not a positive whole number")
    for key in _YES_NO:
        value = found.get(key)
        if value is not None and not isinstance(value, bool):
            problems.append(f"{key} = {value!r} is not true or false")
    discount = found.get("price.batch_discount")
    if discount is not None and not _finite(discount):
        problems.append(f"price.batch_discount = {discount!r} is not a number")
    when = found.get("deprecation_date")
    if when is not None:
        from datetime import date

        try:
            date.fromisoformat(str(when))
        except ValueError:
            problems.append(f"deprecation_date = {when!r} is not a date (YYYY-MM-DD)")
    return problems


def check_guards(facts: SourceFacts, previous_matched: int | None) -> None:
    """Reject a source that lost many models or carries impossible prices (InvalidInput)."""
    if previous_matched and facts.matched < (1 - MAX_DROP) * previous_matched:
        raise InvalidInput(
            f"import from {facts.source} rejected: it matches {facts.matched} catalog models, "
            f"down from {previous_matched} last time (more than {MAX_DROP:.0%} dropped)"
        )
    problems = []
    for model_id, found in facts.facts.items():
        problems += [f"{model_id} {p}" for p in _type_problems(found)]
        for key in PRICE_FACTS:
            value = found.get(key)
            if value is None or key in ("price.tier_threshold", "price.batch_discount"):
                continue
            if not _finite(value) or value < 0:
                problems.append(f"{model_id} {key} = {value!r} is negative or not a number")
            elif value > ABSURD_PRICE_PER_MTOK:
                problems.append(f"{model_id} {key} = {value} per million tokens is absurd")
        read, inp = found.get("price.cache_read"), found.get("price.input")
        if _finite(read) and _finite(inp) and read > inp:
            problems.append(f"{model_id} cache read {read} is above input {inp}")
        discount = found.get("price.batch_discount")
        if _finite(discount) and not 0 <= discount < 1:
            problems.append(f"{model_id} batch discount {discount} is outside [0, 1)")
    if problems:
        raise InvalidInput(f"import from {facts.source} rejected: " + "; ".join(problems[:10]))


def propose(catalog: Catalog, sources: Iterable[SourceFacts],
            curated: Mapping[str, set[str]] | None = None,
            rejected: frozenset[str] = frozenset(),
            rejected_changes: frozenset[tuple[str, str, str]] = frozenset()) -> ChangeSet:
    """Every field where a source differs from the catalog, flagged where a person must decide,
    and every model a source has that the catalog lacks, as a ``new-model`` change.

    ``curated`` maps model id -> fact keys a person edited by hand (from the audit log);
    ``rejected``: ids of new models a sync review rejected, not proposed again;
    ``rejected_changes``: ``Change.identity`` of changes an import review rejected, not
    proposed again while the sources offer the same.
    """
    sources = tuple(sources)
    curated = curated or {}
    changes: list[Change] = []
    for entry in catalog.models:
        keys = sorted({k for s in sources for k in s.facts.get(entry.id, {})})
        for key in keys:
            current = current_value(entry, key)
            said = {s.source: s.facts[entry.id][key] for s in sources
                    if key in s.facts.get(entry.id, {})}
            differing = {src: v for src, v in said.items() if not same(v, current)}
            if not differing:
                continue
            values = list(said.values())
            disagree = any(not same(values[0], v) for v in values[1:])
            if key.startswith("price.") and not disagree:
                # The curated price names where it came from; another source differing from it
                # is a disagreement between sources even when only one is imported now.
                row_source = entry.price_on().source.lower()
                kinds = {s.source: s.kind for s in sources}
                if any(kinds[src].lower() not in row_source for src in differing):
                    disagree = True
                    said = {f"curated ({entry.price_on().source})": current, **said}
            flags = []
            if disagree:
                flags.append(SOURCES_DISAGREE)
            if key in curated.get(entry.id, set()):
                flags.append(CURATED)
            if key not in APPLICABLE:
                flags.append(NOT_APPLICABLE)
            source, proposed = next(iter(differing.items()))
            changes.append(Change(entry.id, key, current, proposed, source, tuple(flags),
                                  dict(said) if disagree else {}))
    new, skipped, hidden = _new_model_changes(sources, rejected)
    offered = [c for c in (*changes, *new) if c.identity not in rejected_changes]
    return ChangeSet(catalog.version, sources, tuple(offered), skipped, hidden,
                     rejected_before=len(changes) + len(new) - len(offered))


def _new_model_changes(sources: tuple[SourceFacts, ...], rejected: frozenset[str]
                       ) -> tuple[list[Change], tuple[str, ...], tuple[HiddenModel, ...]]:
    """One ``new-model`` change per model the sources have and the catalog lacks (QA round
    16: Import review ignored them without a word), flagged so that only a person adds it;
    where two sources give it different facts, both are shown. Legacy listings are left out
    and returned apart (round 18)."""
    from council.catalog.addition import model_id_for

    by_id: dict[str, dict[str, dict[str, Any]]] = {}
    hidden: dict[str, HiddenModel] = {}
    for s in sources:
        for new in s.new_models:
            if new.legacy is not None:
                hidden.setdefault(model_id_for(new.api_id), HiddenModel(
                    model_id_for(new.api_id), new.api_id, s.source, new.legacy))
                continue
            proposed = {"provider": new.provider, "api_id": new.api_id, "name": new.name,
                        "facts": dict(new.facts)}
            by_id.setdefault(model_id_for(new.api_id), {}).setdefault(s.source, proposed)
    changes, skipped = [], []
    for model_id, said in sorted(by_id.items()):
        if model_id in rejected:
            skipped.append(model_id)
            continue
        values = list(said.values())
        disagree = any(v["facts"] != values[0]["facts"] for v in values[1:])
        source, proposed = next(iter(said.items()))
        flags = (NEW_MODEL, SOURCES_DISAGREE) if disagree else (NEW_MODEL,)
        changes.append(Change(model_id, NEW_MODEL, None, proposed, source, flags,
                              dict(said) if disagree else {}))
    left_out = tuple(h for i, h in sorted(hidden.items()) if i not in by_id)
    return changes, tuple(skipped), left_out
