"""Fit per-skill crosswalks from the AA Intelligence Index to measured levels; apply the rule.

    python training/index_crosswalk.py            # fit, print the table, write the report
    python training/index_crosswalk.py --write    # ... and models_catalog/estimates/*.yaml

Reads the transcript of the 2026-10-10 Artificial Analysis snapshot
(training/data/aa-2026-10-10-intelligence-index.json: rank, slug and index of the ranks read)
and maps AA slugs to catalog ids with training/evidence_import.py's names (a model takes its
best setting). Per skill, over the catalog models with both the index and a measured level:
level = a + b x index (least squares, clipped to [1, 5]); every model is predicted by the fit
without it (leave-one-model-out). The price-tier placeholder (council.catalog.placeholder) at
the price in force on 2026-12-01 is scored on the same levels. The shipping rule
(docs/catalog.md, "2026-12-01 (catalog10)", committed before this script first ran): a skill's
crosswalk ships only with n >= MIN_MODELS and a lower leave-one-out MAE than the placeholder's.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from council.catalog.index_estimate import ESTIMATES_DIR, INDEX_FILE  # noqa: E402
from council.catalog.loader import load_catalog_dir  # noqa: E402
from council.catalog.placeholder import is_placeholder, price_tier_level  # noqa: E402
from council.categories import DIFFICULTY_MAX, DIFFICULTY_MIN, SKILLS  # noqa: E402

TRANSCRIPT = ROOT / "training" / "data" / "aa-2026-10-10-intelligence-index.json"
REPORT = ROOT / "training" / "reports" / "index_crosswalk.md"
PRICE_DAY = date(2026, 12, 1)
MIN_MODELS = 10


@dataclass(frozen=True)
class SkillFit:
    skill: str
    intercept: float
    slope: float
    models: tuple[str, ...]
    index_min: float
    index_max: float
    loo_mae: float
    loo_rms: float
    placeholder_mae: float
    mean_only_mae: float  # context, not the rule: the fit set's mean level, left out likewise
    loo_errors: tuple[float, ...]  # predicted - measured, in the models' order

    @property
    def shipped(self) -> bool:
        return len(self.models) >= MIN_MODELS and self.loo_mae < self.placeholder_mae


def catalog_index(transcript: dict, catalog_ids: set[str]) -> dict[str, tuple[float, str]]:
    """catalog id -> (index of its best setting, that AA slug), from the ranks read."""
    import evidence_import as names

    by_slug = {r["slug"]: r["intelligence_index"] for r in transcript["rows"]}
    slugs: dict[str, list[str]] = {k: list(v.get("aa", [])) for k, v in names.NAMES.items()}
    for model_id, extra in names.AA_NEW_NAMES.items():
        slugs[model_id] = list(dict.fromkeys(slugs.get(model_id, []) + extra))
    out = {}
    for model_id, candidates in slugs.items():
        found = [(by_slug[s], s) for s in candidates if s in by_slug]
        if model_id in catalog_ids and found:
            out[model_id] = max(found)
    return out


def _clip(x: float) -> float:
    return min(max(x, DIFFICULTY_MIN), DIFFICULTY_MAX)


def fit_skill(skill: str, points: list[tuple[str, float, float, float]]) -> SkillFit:
    """points: (model id, index, measured level, placeholder level)."""
    x = np.array([p[1] for p in points])
    y = np.array([p[2] for p in points])
    slope, intercept = np.polyfit(x, y, 1)
    errors = []
    for i in range(len(points)):
        keep = np.arange(len(points)) != i
        b, a = np.polyfit(x[keep], y[keep], 1)
        errors.append(_clip(a + b * x[i]) - y[i])
    return SkillFit(
        skill=skill, intercept=float(intercept), slope=float(slope),
        models=tuple(p[0] for p in points), index_min=float(x.min()), index_max=float(x.max()),
        loo_mae=float(np.mean(np.abs(errors))),
        loo_rms=float(math.sqrt(np.mean(np.square(errors)))),
        placeholder_mae=float(np.mean([abs(p[3] - p[2]) for p in points])),
        mean_only_mae=float(np.mean([abs((y.sum() - y[i]) / (len(y) - 1) - y[i])
                                     for i in range(len(y))])),
        loo_errors=tuple(float(e) for e in errors))


def fit_all(catalog_dir: Path) -> tuple[dict[str, SkillFit], dict[str, tuple[float, str]], dict]:
    catalog = load_catalog_dir(catalog_dir, index_estimates=False)
    transcript = json.loads(TRANSCRIPT.read_text(encoding="utf-8"))
    index = catalog_index(transcript, {m.id for m in catalog.models})
    return fit_index(catalog, index), index, transcript


def fit_index(catalog, index: dict[str, tuple[float, str]]) -> dict[str, SkillFit]:
    """Per skill, the crosswalk over the models with an index value and a measured level.

    index: catalog id -> (value, the source's name for it); one source and version only.
    """
    fits = {}
    for skill in SKILLS:
        points, seen = [], set()
        for m in sorted(catalog.models, key=lambda m: m.id):
            q = m.quality[skill]
            if m.id not in index or q.estimated:
                continue
            slug = index[m.id][1]
            if slug in seen:  # two catalog entries of one AA model (one host each) count once
                continue
            seen.add(slug)
            price = m.price_on(PRICE_DAY) if m.prices[0].effective_from <= PRICE_DAY \
                else m.price_on()
            points.append((m.id, index[m.id][0], q.skill,
                           price_tier_level(price.input, price.output)))
        if len(points) >= 3:
            fits[skill] = fit_skill(skill, points)
    return fits


def targets(catalog_dir: Path, fits: dict[str, SkillFit], index: dict[str, tuple[float, str]],
            after_estimates: bool = False) -> list[tuple[str, str, float, float, float]]:
    """(model, skill, index, placeholder, index estimate) for every placeholder it would replace.

    after_estimates: only placeholders still left once the shipped index estimates are applied.
    """
    catalog = load_catalog_dir(catalog_dir, index_estimates=after_estimates)
    out = []
    for m in sorted(catalog.models, key=lambda m: m.id):
        for skill, q in m.quality.items():
            fit = fits.get(skill)
            if (fit is None or not fit.shipped or m.id not in index
                    or not (q.estimated and is_placeholder(q.source))):
                continue
            x = index[m.id][0]
            if fit.index_min <= x <= fit.index_max:
                level = round(_clip(fit.intercept + fit.slope * x), 2)
                out.append((m.id, skill, x, q.skill, level))
    return out


def skill_table(fits: dict[str, SkillFit]) -> list[str]:
    """The per-skill table of both MAEs, n and the rule's verdict (markdown lines)."""
    lines = ["| skill | n | index range | slope / 10 pts | LOO MAE (index) | LOO RMS | "
             "MAE (price-tier placeholder) | LOO MAE (mean level, context) | ships |",
             "|---|---|---|---|---|---|---|---|---|"]
    for skill in SKILLS:
        f = fits.get(skill)
        if f is None:
            lines.append(f"| {skill} | <3 | | | | | | | no |")
            continue
        lines.append(f"| {skill} | {len(f.models)} | {f.index_min:g}-{f.index_max:g} | "
                     f"{10 * f.slope:.3f} | {f.loo_mae:.3f} | {f.loo_rms:.3f} | "
                     f"{f.placeholder_mae:.3f} | {f.mean_only_mae:.3f} | "
                     f"{'yes' if f.shipped else 'no'} |")
    return lines


def report(fits: dict[str, SkillFit], index: dict, found: list) -> str:
    lines = ["# AA Intelligence Index -> per-skill level (leave-one-model-out)", "",
             "`python training/index_crosswalk.py` (rule: docs/catalog.md, 2026-12-01 catalog10)."
             f" Snapshot 2026-10-10, {len(index)} catalog models with an index in the ranks read.",
             "", *skill_table(fits)]
    lines += ["", "Placeholders replaced (model, skill, index: placeholder -> estimate):", ""]
    lines += [f"- {m} {s} ({x:g}): {p:.2f} -> {e:.2f}" for m, s, x, p, e in found] or ["- none"]
    return "\n".join(lines) + "\n"


def write_yaml(catalog_dir: Path, fits: dict[str, SkillFit], index: dict, transcript: dict) -> Path:
    body = {
        "title": "Artificial Analysis Intelligence Index",
        "repository": transcript["repository"], "path": transcript["path"],
        "commit": transcript["commit"], "snapshot": transcript["snapshot_date"],
        "retrieved": transcript["read"], "fitted": date.today().isoformat(),
        "by": "training/index_crosswalk.py",
        "notes": (f"Ranks read: {transcript['ranks_read']}. A crosswalk ships only where its "
                  "leave-one-model-out MAE beat the price-tier placeholder's on the same "
                  f"measured levels with n >= {MIN_MODELS} (docs/catalog.md, 2026-12-01 "
                  "catalog10); it replaces placeholders only, inside its index range."),
        "index": {k: {"index": v[0], "source_model": v[1]} for k, v in sorted(index.items())},
        "crosswalks": {s: {"intercept": round(f.intercept, 4), "slope": round(f.slope, 5),
                           "n": len(f.models), "index_min": f.index_min,
                           "index_max": f.index_max, "loo_mae": round(f.loo_mae, 3),
                           "loo_rms": round(f.loo_rms, 3),
                           "placeholder_mae": round(f.placeholder_mae, 3),
                           "shipped": f.shipped} for s, f in fits.items()},
    }
    path = catalog_dir / ESTIMATES_DIR / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Written by training/index_crosswalk.py --write; do not edit by hand.\n"
                    + yaml.safe_dump(body, sort_keys=False, width=100), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=ROOT / "models_catalog")
    parser.add_argument("--write", action="store_true",
                        help="write models_catalog/estimates/aa-intelligence-index.yaml")
    args = parser.parse_args()
    fits, index, transcript = fit_all(args.catalog)
    found = targets(args.catalog, fits, index)
    text = report(fits, index, found)
    print(text)
    REPORT.write_text(text, encoding="utf-8")
    if args.write:
        print(f"wrote {write_yaml(args.catalog, fits, index, transcript)}")


if __name__ == "__main__":
    main()
