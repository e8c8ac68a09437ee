"""Catalog: an immutable snapshot of every model entry, identified by a content hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from council.catalog.schema import CatalogMeta, ModelEntry, compact_dump
from council.errors import CatalogError, NotFound


def canonical_json(entries: Iterable[ModelEntry], meta: CatalogMeta) -> str:
    """Stable JSON of the whole catalog: sorted keys, models ordered by id."""
    payload = {
        "meta": meta.model_dump(mode="json"),
        "models": [compact_dump(e) for e in sorted(entries, key=lambda e: e.id)],
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Catalog:
    """Every model the product may recommend, as of one content version."""

    models: tuple[ModelEntry, ...]
    meta: CatalogMeta
    version: str = field(default="")
    _index: dict[str, ModelEntry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        models = tuple(sorted(self.models, key=lambda e: e.id))
        object.__setattr__(self, "models", models)
        index: dict[str, ModelEntry] = {}
        for entry in models:
            for name in (entry.id, entry.api_id, *entry.aliases):
                other = index.get(name)
                if other is not None and other.id != entry.id:
                    raise CatalogError(
                        f"model {entry.id}: name {name!r} is already used by {other.id}"
                    )
                index[name] = entry
        for name, entry in list(index.items()):
            index.setdefault(name.lower(), entry)
        object.__setattr__(self, "_index", index)
        computed = content_hash(canonical_json(models, self.meta))
        if self.version and self.version != computed:
            raise CatalogError(f"catalog version {self.version} does not match content {computed}")
        object.__setattr__(self, "version", computed)
        if self.meta.frontier_default not in index:
            raise CatalogError(
                f"catalog.yaml: frontier_default {self.meta.frontier_default!r} is not a model"
            )

    def get(self, model_id: str) -> ModelEntry:
        """A model by id, API id or alias (case-insensitive)."""
        found = self._index.get(model_id) or self._index.get(model_id.strip().lower())
        if found is None:
            raise NotFound(
                f"unknown model {model_id!r}; `council catalog list` shows the "
                f"{len(self.models)} known models"
            )
        return found

    def __contains__(self, model_id: object) -> bool:
        return model_id in self._index

    @property
    def names(self) -> frozenset[str]:
        """Every id, API id and alias, lower case: the names taken, whatever their case."""
        return frozenset(name.lower() for name in self._index)

    @property
    def frontier_default(self) -> ModelEntry:
        """The model savings are compared against (set in catalog.yaml)."""
        return self._index[self.meta.frontier_default]

    @property
    def providers(self) -> tuple[str, ...]:
        return tuple(sorted({e.provider for e in self.models}))

    def to_json(self) -> str:
        return canonical_json(self.models, self.meta)

    @classmethod
    def from_json(cls, text: str) -> Catalog:
        data = json.loads(text)
        return cls(
            models=tuple(ModelEntry.model_validate(m) for m in data["models"]),
            meta=CatalogMeta.model_validate(data["meta"]),
        )
