"""The crosswalk rule on the newer AA Intelligence Index version that OpenRouter's pages show.

    python training/index_crosswalk_openrouter.py    # fit, print the table, write the report

Reads training/data/openrouter-aa-index-2026-12-01.json (every OpenRouter compare page read,
with the two index values each shows). That is another version of the index than the
2026-10-10 snapshot's, so it gets its own fit and is never pooled with that one. A model must
show the same value on every page that lists it; a model whose values differ is left out and
named. The fit, the leave-one-model-out error and the placeholder's error are
training/index_crosswalk.py's, and so is the rule (docs/catalog.md, "2026-12-01 (catalog11)",
committed before this script first ran): a skill ships only with n >= MIN_MODELS and a lower
leave-one-out MAE than the price-tier placeholder's. Nothing is written to the catalog here:
an estimates file for this source would be written only for a skill that ships.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from index_crosswalk import MIN_MODELS, SkillFit, fit_index, skill_table, targets  # noqa: E402

from council.catalog.loader import load_catalog_dir  # noqa: E402

TRANSCRIPT = ROOT / "training" / "data" / "openrouter-aa-index-2026-12-01.json"
REPORT = ROOT / "training" / "reports" / "index_crosswalk_openrouter.md"
OLD_INDEX = ROOT / "models_catalog" / "estimates" / "aa-intelligence-index.yaml"


def read_values(transcript: dict) -> tuple[dict[str, tuple[float, str]], dict[str, list[float]]]:
    """catalog id -> (value, OpenRouter id) where every page agrees; and the conflicting ids."""
    seen: dict[str, list[float]] = {}
    for page in transcript["pages"]:
        for slug, value in page["values"].items():
            seen.setdefault(slug, []).append(float(value))
    ids = transcript["catalog_ids"]
    values, conflicts = {}, {}
    for slug, found in sorted(seen.items()):
        if len(set(found)) > 1:
            conflicts[slug] = found
        elif slug in ids:
            values[ids[slug]] = (found[0], slug)
    return values, conflicts


def report(fits: dict[str, SkillFit], values: dict, conflicts: dict, pages: int,
           old: dict[str, float], found: list) -> str:
    lines = ["# AA Intelligence Index as OpenRouter shows it -> per-skill level "
             "(leave-one-model-out)", "",
             "`python training/index_crosswalk_openrouter.py` (rule: docs/catalog.md, 2026-12-01 "
             f"catalog11). {pages} compare pages, {len(values)} catalog models with one value "
             f"each; conflicting values: {', '.join(conflicts) or 'none'}.", "",
             "| model | value here | 2026-10-10 snapshot |", "|---|---|---|"]
    for model, (x, _) in sorted(values.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"| {model} | {x:g} | {old[model]:g} |" if model in old
                     else f"| {model} | {x:g} | - |")
    lines += ["", f"Ships: n >= {MIN_MODELS} and LOO MAE below the placeholder's.", "",
              *skill_table(fits)]
    lines += ["", "Placeholders it would replace (only those left after the 2026-10-10 "
              "crosswalk):", ""]
    lines += [f"- {m} {s} ({x:g}): {p:.2f} -> {e:.2f}" for m, s, x, p, e in found] or ["- none"]
    return "\n".join(lines) + "\n"


def main() -> None:
    import yaml

    catalog_dir = ROOT / "models_catalog"
    transcript = json.loads(TRANSCRIPT.read_text(encoding="utf-8"))
    values, conflicts = read_values(transcript)
    catalog = load_catalog_dir(catalog_dir, index_estimates=False)
    fits = fit_index(catalog, values)
    old = {k: v["index"] for k, v in
           yaml.safe_load(OLD_INDEX.read_text(encoding="utf-8"))["index"].items()}
    found = targets(catalog_dir, fits, values, after_estimates=True)
    text = report(fits, values, conflicts, len(transcript["pages"]), old, found)
    print(text)
    REPORT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
