"""How many per-skill quality levels of active models cite a measurement.

    python bench/catalog_coverage.py [--catalog DIR] [--same-models-as DIR] [--list]

Loads the catalog as the product does (provider files + models_catalog/evidence) and prints
measured / total levels of the active models (`council.catalog.evidence.coverage`), the same
count training/reports/evidence_link.md gives; `--catalog` points at another checkout's
models_catalog to compare (e.g. main's); `--same-models-as DIR` counts only the models active in
that catalog (like for like when models were added); `--list` names every model with estimated
levels. It also splits the estimated levels by kind: the price-tier placeholder new models get
from `council catalog sync` (copied from no model, `council.catalog.placeholder`), the
estimates from the AA Intelligence Index that replace placeholders a shipped crosswalk covers
(`council.catalog.index_estimate`, since 2026-12-01), and the curator's and lineage estimates in
the provider files; before (the placeholders as the files have them) and after (as loaded).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from council.catalog.evidence import coverage
from council.catalog.index_estimate import BENCHMARK as INDEX_ESTIMATE
from council.catalog.loader import load_catalog_dir
from council.catalog.placeholder import is_placeholder

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=ROOT / "models_catalog")
    parser.add_argument("--same-models-as", type=Path, default=None,
                        help="count only the models active in this catalog directory")
    parser.add_argument("--list", action="store_true", help="name the estimated levels")
    args = parser.parse_args()
    catalog = load_catalog_dir(args.catalog)
    models = list(catalog.models)
    if args.same_models_as is not None:
        keep = {m.id for m in load_catalog_dir(args.same_models_as).models if m.status == "active"}
        models = [m for m in models if m.id in keep]
        print(f"only the {len(keep)} models active in {args.same_models_as}")
    cov = coverage(models)
    active = [m for m in models if m.status == "active"]
    print(f"catalog {args.catalog} (version {catalog.version})")
    print(f"active models: {len(active)}")
    print(f"measured levels: {cov.measured} of {cov.total} ({cov.share:.1%})")
    fully = sum(1 for m in active if m.id not in cov.estimated_by_model)
    print(f"models with every level measured: {fully} of {len(active)}")
    files_only = load_catalog_dir(args.catalog, index_estimates=False)
    for label, models_now in (("before index estimates", _same(files_only, models)),
                              ("as loaded", active)):
        estimated = [q for m in models_now if m.status == "active"
                     for q in m.quality.values() if q.estimated]
        placeholders = sum(1 for q in estimated if is_placeholder(q.source))
        from_index = sum(1 for q in estimated if q.benchmark == INDEX_ESTIMATE)
        print(f"estimated levels, {label}: {len(estimated)} ({placeholders} price-tier "
              f"placeholders, {from_index} AA Intelligence Index estimates, "
              f"{len(estimated) - placeholders - from_index} curator or lineage estimates)")
    if args.list:
        for model_id, skills in sorted(cov.estimated_by_model.items()):
            print(f"  {model_id}: {len(skills)} estimated ({', '.join(skills)})")


def _same(catalog, models: list) -> list:
    """The models of ``catalog`` that are in ``models`` (the same selection, other levels)."""
    ids = {m.id for m in models}
    return [m for m in catalog.models if m.id in ids]


if __name__ == "__main__":
    main()
