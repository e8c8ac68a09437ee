"""Estimates from a measured general index, in place of the price-tier placeholder.

models_catalog/estimates/aa-intelligence-index.yaml holds Artificial Analysis' Intelligence
Index of catalog models from one pinned snapshot, and per skill a crosswalk

    level = intercept + slope x index, clipped to [1, 5]

fitted by training/index_crosswalk.py on the models that have both the index and a measured
level in that skill, with its leave-one-model-out error and the placeholder's error on the
same levels. A crosswalk is ``shipped`` only where it beat the placeholder (the rule in
docs/catalog.md, "2026-12-01 (catalog10)"). At load a shipped crosswalk replaces a price-tier
placeholder level of a model whose index lies inside the fitted range; the level stays an
estimate, with the crosswalk's leave-one-out RMS error as its own sd (council.adequacy).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from council.catalog.placeholder import is_placeholder
from council.categories import DIFFICULTY_MAX, DIFFICULTY_MIN, SKILLS
from council.errors import CatalogError

ESTIMATES_DIR = "estimates"
INDEX_FILE = "aa-intelligence-index.yaml"
BENCHMARK = "AA Intelligence Index (estimate)"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndexValue(_Strict):
    """One catalog model's index in the snapshot (its best setting)."""

    index: float = Field(ge=0, le=100)
    source_model: str = Field(min_length=1)


class SkillCrosswalk(_Strict):
    """level = intercept + slope x index, and how it did held out against the placeholder."""

    intercept: float
    slope: float
    n: int = Field(ge=2)
    index_min: float
    index_max: float
    loo_mae: float = Field(ge=0)
    loo_rms: float = Field(gt=0)
    placeholder_mae: float = Field(ge=0)
    shipped: bool

    def level(self, index: float) -> float:
        raw = self.intercept + self.slope * index
        return round(min(max(raw, DIFFICULTY_MIN), DIFFICULTY_MAX), 2)

    def covers(self, index: float) -> bool:
        return self.index_min <= index <= self.index_max


class IndexEstimates(_Strict):
    """models_catalog/estimates/aa-intelligence-index.yaml."""

    title: str = Field(min_length=1)
    repository: str = Field(pattern=r"^[\w.\-]+/[\w.\-]+$")
    path: str = Field(min_length=1)
    commit: str = Field(pattern=r"^[0-9a-f]{40}$")
    snapshot: date
    retrieved: date
    fitted: date
    by: str = Field(min_length=1)
    notes: str | None = None
    index: dict[str, IndexValue]
    crosswalks: dict[str, SkillCrosswalk]

    @model_validator(mode="after")
    def _known_skills(self) -> IndexEstimates:
        unknown = sorted(set(self.crosswalks) - set(SKILLS))
        if unknown:
            raise ValueError(f"crosswalks for unknown skills: {', '.join(unknown)}")
        for skill, walk in self.crosswalks.items():
            if walk.index_min > walk.index_max:
                raise ValueError(f"crosswalks.{skill}: index_min is above index_max")
        return self

    def cite(self) -> str:
        return (f"{self.title}, snapshot {self.snapshot.isoformat()}: "
                f"{self.repository}/{self.path}@{self.commit[:12]}")

    def estimate(self, model_id: str, skill: str) -> tuple[float, float, str] | None:
        """(level, sd, source text) where a shipped crosswalk covers the model's index."""
        value = self.index.get(model_id)
        walk = self.crosswalks.get(skill)
        if value is None or walk is None or not walk.shipped or not walk.covers(value.index):
            return None
        text = (f"estimate from AA Intelligence Index {value.index:g} "
                f"({self.snapshot.isoformat()}), crosswalk fitted on {walk.n} models, "
                f"LOO MAE {walk.loo_mae:.2f}; {self.cite()} ({value.source_model})")
        return walk.level(value.index), walk.loo_rms, text


def load_index_estimates(catalog_dir: Path | str) -> IndexEstimates | None:
    """The index file, or None when the catalog has none."""
    import yaml

    path = Path(catalog_dir) / ESTIMATES_DIR / INDEX_FILE
    if not path.exists():
        return None
    where = f"{ESTIMATES_DIR}/{INDEX_FILE}"
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{where}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise CatalogError(f"{where}: not valid YAML: {exc}") from exc
    try:
        return IndexEstimates.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{where}: field {'.'.join(str(p) for p in e['loc']) or '(file)'}: "
                    f"{e['msg']}" for e in exc.errors()]
        raise CatalogError("; ".join(problems)) from None


def apply_index_estimates(entries: Sequence[Any], estimates: IndexEstimates | None) -> list[Any]:
    """Entries whose price-tier placeholders a shipped crosswalk covers, estimated from the index.

    Measured levels and curator or lineage estimates are never touched.
    """
    from council.catalog.schema import QualityScore

    if estimates is None:
        return list(entries)
    out = []
    for entry in entries:
        quality = dict(entry.quality)
        changed = False
        for skill, q in entry.quality.items():
            if not (q.estimated and is_placeholder(q.source)):
                continue
            found = estimates.estimate(entry.id, skill)
            if found is None:
                continue
            level, sd, text = found
            value = estimates.index[entry.id].index
            quality[skill] = QualityScore(skill=level, benchmark=BENCHMARK, score=value,
                                          date=estimates.snapshot, source=text,
                                          estimated=True, sd=sd)
            changed = True
        out.append(entry.model_copy(update={"quality": quality}) if changed else entry)
    return out
