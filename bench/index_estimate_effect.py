"""What the AA Intelligence Index estimates change in the golden answers, case by case.

    python bench/index_estimate_effect.py
    python bench/index_estimate_effect.py --wide 300 --texts ../shared/categories/dev.jsonl

Answers the ten golden cases (bench/recommend_golden.py's CASES, its pinned day) twice: on the
catalog as the files give it (price-tier placeholders) and as loaded (placeholders covered by a
shipped index crosswalk replaced, council.catalog.index_estimate). Prints, per case, the pick,
its P(adequate) and monthly cost, the cascade's cheap stage and the alternatives, then every
candidate whose P moved by more than 0.01. ``--wide N`` answers instead the wide set of
bench/recommend_golden.py (the bench's tasks and N real prompts with seeded workload options,
assessed once by the local classifier) and counts the answers whose pick, cascade or
alternatives move.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import argparse  # noqa: E402

from recommend_golden import CASES, answer, wide_cases  # noqa: E402

from council.catalog.loader import load_catalog_dir  # noqa: E402


def _brief(data: dict) -> dict:
    if "error" in data:
        return {"error": data["error"]}
    pick = data["recommended"]
    return {
        "pick": pick["model_id"] if pick else None,
        "p": round(pick["p_adequate"], 4) if pick else None,
        "per_month": round(pick["cost"]["per_month"], 2) if pick else None,
        "cascade": data["cascade"]["cheap"] if data["cascade"] else None,
        "alternatives": [a["model_id"] for a in data.get("alternatives") or []],
        "p_all": {c["model_id"]: c["p_adequate"] for c in data["candidates"]},
    }


def wide(n: int, texts: Path) -> None:
    before = load_catalog_dir(ROOT / "models_catalog", index_estimates=False)
    after = load_catalog_dir(ROOT / "models_catalog")
    cases = wide_cases(n, after, texts)
    counts = {"answered": 0, "pick": 0, "cascade": 0, "alternatives": 0, "any": 0}
    moves: dict[tuple[str, str], int] = {}
    for case in cases:
        old, new = _brief(answer(case, before)), _brief(answer(case, after))
        if "error" in old or "error" in new:
            continue
        counts["answered"] += 1
        changed = [k for k in ("pick", "cascade", "alternatives") if old[k] != new[k]]
        for k in changed:
            counts[k] += 1
        counts["any"] += bool(changed)
        if "pick" in changed:
            key = (str(old["pick"]), str(new["pick"]))
            moves[key] = moves.get(key, 0) + 1
    print(f"wide set: {len(cases)} cases, {counts['answered']} answered; moved: "
          f"pick {counts['pick']}, cascade {counts['cascade']}, alternatives "
          f"{counts['alternatives']}, any of them {counts['any']}")
    for (a, b), k in sorted(moves.items(), key=lambda kv: -kv[1]):
        print(f"    pick {a} -> {b}: {k}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wide", type=int, default=None, metavar="N")
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared" / "categories"
                        / "dev.jsonl")
    args = parser.parse_args()
    if args.wide is not None:
        wide(args.wide, args.texts)
        return
    before = load_catalog_dir(ROOT / "models_catalog", index_estimates=False)
    after = load_catalog_dir(ROOT / "models_catalog")
    moved = 0
    for i, case in enumerate(CASES):
        old, new = _brief(answer(case, before)), _brief(answer(case, after))
        what = case.spec["description"][:48]
        changed = [k for k in ("pick", "cascade", "alternatives") if old.get(k) != new.get(k)]
        moved += bool(changed)
        print(f"case {i} ({what!r}): " + ("; ".join(
            f"{k} {old.get(k)} -> {new.get(k)}" for k in changed) or "pick, cascade and "
            "alternatives unchanged"))
        if "error" in old:
            continue
        print(f"    pick P {old['p']} -> {new['p']}, ${old['per_month']} -> "
              f"${new['per_month']} a month")
        for model_id, p in sorted(new["p_all"].items()):
            q = old["p_all"].get(model_id)
            if q is not None and abs(p - q) > 0.01:
                print(f"    {model_id}: P {q:.3f} -> {p:.3f}")
    print(f"{moved} of {len(CASES)} cases move pick, cascade or alternatives")


if __name__ == "__main__":
    main()
