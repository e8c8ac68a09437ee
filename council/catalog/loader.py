"""Read models_catalog/*.yaml into a Catalog; errors name the file, the model and the field.

Measured levels from models_catalog/evidence/ (council.catalog.evidence) replace the files'
estimates at load; then a shipped index crosswalk (council.catalog.index_estimate) replaces the
price-tier placeholders it covers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from council.catalog.evidence import apply_evidence, load_evidence
from council.catalog.index_estimate import apply_index_estimates, load_index_estimates
from council.catalog.model import Catalog
from council.catalog.schema import CatalogMeta, ModelEntry, ProviderFile, successor_problem
from council.errors import CatalogError

META_FILE = "catalog.yaml"
REJECTIONS_FILE = "sync_rejections.yaml"  # council.catalog.sync's memory, not models


def _read_yaml(path: Path) -> Any:
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path.name}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path.name}: not valid YAML: {exc}") from exc


def _describe(path: Path, raw: Any, exc: ValidationError) -> str:
    """One line per problem: file, model id (when the problem is inside a model) and field."""
    problems = []
    for err in exc.errors():
        loc = list(err["loc"])
        model = None
        if len(loc) >= 2 and loc[0] == "models" and isinstance(loc[1], int):
            try:
                model = raw["models"][loc[1]].get("id")
            except (KeyError, IndexError, TypeError, AttributeError):
                model = None
            model = model or f"#{loc[1]}"
            loc = loc[2:]
        where = ".".join(str(p) for p in loc) or "(file)"
        who = f"model {model}, " if model else ""
        problems.append(f"{path.name}: {who}field {where}: {err['msg']}")
    return "; ".join(problems)


def load_provider_file(path: Path) -> list[ModelEntry]:
    raw = _read_yaml(path)
    if not isinstance(raw, dict):
        raise CatalogError(f"{path.name}: expected a mapping with provider and models")
    try:
        parsed = ProviderFile.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_describe(path, raw, exc)) from None
    for entry in parsed.models:
        if entry.provider != parsed.provider:
            raise CatalogError(
                f"{path.name}: model {entry.id}, field provider: {entry.provider!r} "
                f"differs from the file's provider {parsed.provider!r}"
            )
    return list(parsed.models)


def load_meta(catalog_dir: Path) -> CatalogMeta:
    path = catalog_dir / META_FILE
    if not path.exists():
        raise CatalogError(f"{META_FILE}: missing from {catalog_dir}")
    raw = _read_yaml(path)
    try:
        return CatalogMeta.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_describe(path, raw, exc)) from None


def load_catalog_dir(catalog_dir: Path | str, *, index_estimates: bool = True) -> Catalog:
    """Parse and validate every provider file; raise CatalogError on the first bad file.

    ``index_estimates=False`` leaves the price-tier placeholders as the files have them (to fit
    or compare the index estimates, training/index_crosswalk.py)."""
    catalog_dir = Path(catalog_dir)
    if not catalog_dir.is_dir():
        raise CatalogError(f"catalog directory {catalog_dir} does not exist")
    meta = load_meta(catalog_dir)
    entries: list[ModelEntry] = []
    seen: dict[str, str] = {}
    files = sorted(p for p in catalog_dir.glob("*.yaml")
                   if p.name not in (META_FILE, REJECTIONS_FILE))
    if not files:
        raise CatalogError(f"no provider files (*.yaml) in {catalog_dir}")
    for path in files:
        for entry in load_provider_file(path):
            if entry.id in seen:
                raise CatalogError(
                    f"{path.name}: model {entry.id}, field id: already defined in {seen[entry.id]}"
                )
            seen[entry.id] = path.name
            entries.append(entry)
    _check_successors(entries, seen)
    entries = apply_evidence(entries, load_evidence(catalog_dir))
    if index_estimates:
        entries = apply_index_estimates(entries, load_index_estimates(catalog_dir))
    return Catalog(models=tuple(entries), meta=meta)


def _check_successors(entries: list[ModelEntry], files: dict[str, str]) -> None:
    """A named successor must be another catalog model, given by its id."""
    ids = {e.id for e in entries}
    for e in entries:
        why = successor_problem(e.id, e.successor, ids)
        if why is not None:
            raise CatalogError(f"{files[e.id]}: model {e.id}, field successor: "
                               f"{e.successor!r} {why}")
