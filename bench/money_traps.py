"""Score a file of money, floor, check and vision sentences against what a person reads.

    python bench/money_traps.py tests/data/money_phrases_review13.jsonl

Each row has "text" and any of: "budget_usd" (a month's, or null), "failure_usd",
"failure_minutes", "floor" (P, or null), "check" ("free", "none" or null) and "vision"
(true/false); only the fields a row states are scored. Prints each misread row and the count.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path


def read(text: str) -> dict[str, object]:
    from council.check_words import read_check
    from council.floor_words import read_floor
    from council.money_words import read_money
    from council.need_words import needs_in_words

    money, floor, check = read_money(text), read_floor(text), read_check(text)
    return {"budget_usd": money.budget.usd_per_month if money.budget else None,
            "failure_usd": money.failure.usd if money.failure else None,
            "failure_minutes": money.failure.minutes if money.failure else None,
            "floor": floor.p if floor else None,
            "check": None if check is None else "free" if check.free else "none",
            "vision": any(n.capability == "vision" for n in needs_in_words(text))}


def same(want: object, got: object) -> bool:
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(
            got, (int, float)):
        return math.isclose(float(want), float(got), rel_tol=0.001, abs_tol=0.01)
    return want == got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    rows = [json.loads(line) for line in
            ap.parse_args().file.read_text(encoding="utf-8").splitlines() if line.strip()]
    wrong = 0
    for row in rows:
        got = read(row["text"])
        bad = {k: (v, got[k]) for k, v in row.items() if k in got and not same(v, got[k])}
        if bad:
            wrong += 1
            print(f"{row['text'][:80]}: " + ", ".join(f"{k} want {w} got {g}"
                                                       for k, (w, g) in bad.items()))
    print(f"{wrong} of {len(rows)} rows misread")
    return 0


if __name__ == "__main__":
    sys.exit(main())
