"""Public measurements per model, and the fitted link that turns them into per-skill levels.

models_catalog/evidence/<source>.yaml holds rows (model id, benchmark, score, date) under one
cited source (repository + path + commit, or a URL) that is either independent or
vendor-reported. models_catalog/evidence/link.yaml holds the link, fitted by
training/evidence_link.py on the shared routing outcomes:

    level = intercept + slope x (arena rating - 1300) / 100, clipped to [1, 5]

where the arena rating is an LMArena text rating in the skill's category, or, for a benchmark
scored in percent, the rating its crosswalk predicts (rating = c0 + c1 x logit(score)). Each
skill takes the first benchmark in SKILL_EVIDENCE that the model has, independent sources
before vendor-reported ones. At catalog load these levels replace the provider files'
estimates; a skill with no measurement keeps its file value, marked ``estimated``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from council.categories import DIFFICULTY_MAX, DIFFICULTY_MIN, SKILLS
from council.errors import CatalogError

EVIDENCE_DIR = "evidence"
LINK_FILE = "link.yaml"
RATING_CENTER = 1300.0

# benchmark -> how its score reads: an Arena rating, or a percentage that a crosswalk maps
# onto the Arena rating of the named category.
ARENA_CATEGORIES = ("overall", "coding", "hard_prompts", "math", "creative_writing",
                    "instruction_following", "longer_query", "multi_turn", "non_english")
RATING_BENCHMARKS = {f"lmarena-text:{c}" for c in ARENA_CATEGORIES}
PERCENT_BENCHMARKS: dict[str, str] = {
    "aa:gpqa": "lmarena-text:hard_prompts",
    "aa:livecodebench": "lmarena-text:coding",
    "aa:terminalbench_hard": "lmarena-text:coding",
    "aa:tau2": "lmarena-text:coding",
    # AA's agentic runs since mid-2026 (Terminal-Bench 2.1 and 4.0, tau3-bench banking); a
    # crosswalk is fitted and used only as training/evidence_link.py's gate allows.
    "aa:terminalbench_v2_1": "lmarena-text:coding",
    "aa:terminalbench_v4_0": "lmarena-text:coding",
    "aa:tau_banking": "lmarena-text:coding",
    "aa:ifbench": "lmarena-text:instruction_following",
    "aa:lcr": "lmarena-text:longer_query",
    "aider-polyglot": "lmarena-text:coding",
    "swe-bench-verified": "lmarena-text:coding",
    "gpqa-diamond": "lmarena-text:hard_prompts",
    "terminal-bench-2": "lmarena-text:coding",
}
BENCHMARKS = frozenset(RATING_BENCHMARKS | set(PERCENT_BENCHMARKS))

# skill -> benchmarks in order of preference (the first one a model has is used).
SKILL_EVIDENCE: dict[str, tuple[str, ...]] = {
    "coding": ("lmarena-text:coding", "aa:livecodebench", "aider-polyglot",
               "swe-bench-verified", "terminal-bench-2"),
    "reasoning": ("lmarena-text:hard_prompts", "lmarena-text:math", "aa:gpqa", "gpqa-diamond"),
    "writing": ("lmarena-text:creative_writing",),
    "extraction": ("lmarena-text:instruction_following", "aa:ifbench"),
    "summarisation": ("lmarena-text:longer_query",),
    "multilingual": ("lmarena-text:non_english",),
    "agentic": ("aa:terminalbench_hard", "aa:tau2", "aa:terminalbench_v2_1", "aa:tau_banking",
                "aa:terminalbench_v4_0", "terminal-bench-2"),
    "chat": ("lmarena-text:multi_turn", "lmarena-text:overall"),
    "long_context": ("aa:lcr", "lmarena-text:longer_query"),
}
assert set(SKILL_EVIDENCE) == set(SKILLS)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EvidenceRow(_Strict):
    """One measurement of one model."""

    model: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/\-]*$")
    benchmark: str
    score: float
    date: date
    source_model: str | None = None  # the model's name in the source, when it differs
    ci95: tuple[float, float] | None = None
    votes: int | None = Field(default=None, ge=0)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")  # a row's own page
    note: str | None = None

    @model_validator(mode="after")
    def _known(self) -> EvidenceRow:
        if self.benchmark not in BENCHMARKS:
            raise ValueError(f"unknown benchmark {self.benchmark!r}; known: "
                             f"{', '.join(sorted(BENCHMARKS))}")
        if not math.isfinite(self.score):
            raise ValueError("score must be a finite number")
        if self.benchmark in PERCENT_BENCHMARKS and not 0.0 <= self.score <= 100.0:
            raise ValueError(f"score {self.score} of {self.benchmark} is a percentage: "
                             "it must be within 0-100")
        if self.benchmark in RATING_BENCHMARKS and not 500.0 <= self.score <= 2500.0:
            raise ValueError(f"score {self.score} is not an Arena rating (500-2500)")
        return self


class EvidenceFile(_Strict):
    """models_catalog/evidence/<source>.yaml."""

    source: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    title: str = Field(min_length=1)
    independent: bool
    repository: str | None = Field(default=None, pattern=r"^[\w.\-]+/[\w.\-]+$")
    path: str | None = None
    commit: str | None = Field(default=None, pattern=r"^[0-9a-f]{40}$")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    retrieved: date
    notes: str | None = None
    rows: tuple[EvidenceRow, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _cited(self) -> EvidenceFile:
        pinned = (self.repository, self.path, self.commit)
        if any(pinned) and not all(pinned):
            raise ValueError("repository, path and commit go together")
        if not all(pinned) and not self.url and not all(r.url for r in self.rows):
            raise ValueError("cite the source: repository + path + commit, or url "
                             "(on the file or on every row)")
        seen: set[tuple[str, str]] = set()
        for i, r in enumerate(self.rows):
            key = (r.model, r.benchmark)
            if key in seen:
                raise ValueError(f"rows.{i}: {r.model} has two {r.benchmark} rows")
            seen.add(key)
        return self

    def cite(self, row: EvidenceRow) -> str:
        if row.url:
            where = row.url
        elif self.repository:
            where = f"{self.repository}/{self.path}@{(self.commit or '')[:12]}"
        else:
            where = self.url or ""
        kind = "independent" if self.independent else "vendor-reported"
        return f"{self.title} [{kind}] {where}"


class Crosswalk(_Strict):
    """rating = intercept + slope x logit(score / 100), fitted over models with both."""

    target: str
    intercept: float
    slope: float
    n: int = Field(ge=3)
    r: float

    def rating(self, score: float) -> float:
        p = min(max(score / 100.0, 0.005), 0.995)
        return self.intercept + self.slope * math.log(p / (1.0 - p))


class Link(_Strict):
    """models_catalog/evidence/link.yaml (written by training/evidence_link.py)."""

    fitted: date
    by: str
    intercept: float  # the level of a model rated RATING_CENTER
    slope: float = Field(gt=0)  # levels per 100 rating points
    crosswalks: dict[str, Crosswalk] = {}
    fit: dict[str, Any] = {}

    def level(self, rating: float) -> float:
        raw = self.intercept + self.slope * (rating - RATING_CENTER) / 100.0
        return min(max(raw, DIFFICULTY_MIN), DIFFICULTY_MAX)


@dataclass(frozen=True)
class Measured:
    """A per-skill level derived from one evidence row."""

    skill: str
    level: float
    rating: float  # the Arena rating used (direct or through the crosswalk)
    row: EvidenceRow
    file: EvidenceFile


@dataclass(frozen=True)
class Evidence:
    files: tuple[EvidenceFile, ...]
    link: Link | None

    def rows_for(self, model_id: str) -> list[tuple[EvidenceRow, EvidenceFile]]:
        return [(r, f) for f in self.files for r in f.rows if r.model == model_id]


def _describe(name: str, raw: Any, exc: ValidationError) -> str:
    problems = []
    for err in exc.errors():
        loc = list(err["loc"])
        who = ""
        if len(loc) >= 2 and loc[0] == "rows" and isinstance(loc[1], int):
            try:
                who = f"row {loc[1]} (model {raw['rows'][loc[1]].get('model')}), "
            except (KeyError, IndexError, TypeError, AttributeError):
                who = f"row {loc[1]}, "
            loc = loc[2:]
        field = ".".join(str(p) for p in loc) or "(file)"
        problems.append(f"{EVIDENCE_DIR}/{name}: {who}field {field}: {err['msg']}")
    return "; ".join(problems)


def _read(path: Path) -> Any:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{EVIDENCE_DIR}/{path.name}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise CatalogError(f"{EVIDENCE_DIR}/{path.name}: not valid YAML: {exc}") from exc


def parse_evidence_file(path: Path) -> EvidenceFile:
    raw = _read(path)
    if not isinstance(raw, dict):
        raise CatalogError(f"{EVIDENCE_DIR}/{path.name}: expected a mapping with source and rows")
    try:
        return EvidenceFile.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_describe(path.name, raw, exc)) from None


def parse_link(path: Path) -> Link:
    raw = _read(path)
    try:
        link = Link.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_describe(path.name, raw, exc)) from None
    for bench, walk in link.crosswalks.items():
        if bench not in PERCENT_BENCHMARKS or walk.target not in RATING_BENCHMARKS:
            raise CatalogError(f"{EVIDENCE_DIR}/{path.name}: field crosswalks.{bench}: "
                               "must map a percent benchmark onto an Arena category")
    return link


def load_evidence(catalog_dir: Path | str) -> Evidence | None:
    """Every evidence file and the link; None when the catalog has no evidence directory."""
    folder = Path(catalog_dir) / EVIDENCE_DIR
    if not folder.is_dir():
        return None
    files = []
    sources: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == LINK_FILE:
            continue
        parsed = parse_evidence_file(path)
        if parsed.source in sources:
            raise CatalogError(f"{EVIDENCE_DIR}/{path.name}: field source: {parsed.source!r} "
                               f"is already used by {sources[parsed.source]}")
        sources[parsed.source] = path.name
        files.append(parsed)
    link_path = folder / LINK_FILE
    link = parse_link(link_path) if link_path.exists() else None
    return Evidence(files=tuple(files), link=link)


def _rating(row: EvidenceRow, link: Link) -> float | None:
    if row.benchmark in RATING_BENCHMARKS:
        return row.score
    walk = link.crosswalks.get(row.benchmark)
    return walk.rating(row.score) if walk is not None else None


def derive_levels(rows: Iterable[tuple[EvidenceRow, EvidenceFile]], link: Link,
                  skills: Sequence[str] = SKILLS) -> dict[str, Measured]:
    """skill -> the level its preferred available measurement gives (skills without none)."""
    by_bench: dict[str, list[tuple[EvidenceRow, EvidenceFile]]] = {}
    for row, file in rows:
        by_bench.setdefault(row.benchmark, []).append((row, file))
    out: dict[str, Measured] = {}
    for skill in skills:
        for independent in (True, False):
            for bench in SKILL_EVIDENCE[skill]:
                found = [(r, f) for r, f in by_bench.get(bench, []) if f.independent == independent]
                if not found:
                    continue
                row, file = max(found, key=lambda rf: rf[0].date)
                rating = _rating(row, link)
                if rating is None:
                    continue
                out[skill] = Measured(skill, round(link.level(rating), 2), rating, row, file)
                break
            if skill in out:
                break
    return out


def apply_evidence(entries: Sequence[Any], evidence: Evidence | None) -> list[Any]:
    """Entries with measured levels from evidence; every other level marked as an estimate,
    except a level an editor set by hand, which stays as the editor left it."""
    from council.catalog.editor_level import is_editor_level
    from council.catalog.schema import QualityScore

    out = []
    for entry in entries:
        if evidence is None or evidence.link is None:
            out.append(entry)
            continue
        measured = derive_levels(evidence.rows_for(entry.id), evidence.link)
        quality = {}
        for skill, q in entry.quality.items():
            m = measured.get(skill)
            if is_editor_level(q.benchmark):
                quality[skill] = q
                continue
            if m is None:
                quality[skill] = q if q.estimated else q.model_copy(update={
                    "estimated": True,
                    "source": f"{q.source} (no public measurement in models_catalog/evidence)"})
                continue
            what = m.row.benchmark + (f" ({m.row.source_model})" if m.row.source_model else "")
            via = ("" if m.row.benchmark in RATING_BENCHMARKS
                   else f", Arena-equivalent {m.rating:.0f}")
            quality[skill] = QualityScore(
                skill=m.level, benchmark=what, score=m.row.score, date=m.row.date,
                source=f"{m.file.cite(m.row)}; level by the fitted link{via}", estimated=False)
        out.append(entry.model_copy(update={"quality": quality}))
    return out


@dataclass(frozen=True)
class Coverage:
    """How many per-skill levels of active models cite a measurement."""

    measured: int
    total: int
    estimated_by_model: Mapping[str, tuple[str, ...]]

    @property
    def share(self) -> float:
        return self.measured / self.total if self.total else 0.0


def coverage(models: Iterable[Any], statuses: Sequence[str] = ("active",)) -> Coverage:
    measured = total = 0
    estimated: dict[str, tuple[str, ...]] = {}
    for m in models:
        if m.status not in statuses:
            continue
        est = tuple(s for s, q in sorted(m.quality.items()) if q.estimated)
        total += len(m.quality)
        measured += len(m.quality) - len(est)
        if est:
            estimated[m.id] = est
    return Coverage(measured, total, estimated)

