"""What the AA Intelligence Index estimates change in the golden answers, case by case.

    python bench/index_estimate_effect.py

Answers the ten golden cases (bench/recommend_golden.py's CASES, its pinned day) twice: on the
catalog as the files give it (price-tier placeholders) and as loaded (placeholders covered by a
shipped index crosswalk replaced, council.catalog.index_estimate). Prints, per case, the pick,
its P(adequate) and monthly cost, the cascade's cheap stage and the alternatives, then every
candidate whose P moved by more than 0.01, with the quality levels behind it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from recommend_golden import CASES, answer  # noqa: E402

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


def main() -> None:
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
