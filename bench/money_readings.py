"""Golden check of the money and floor readers: a change to their words must not move a
reading it was not written for.

    python bench/money_readings.py --dump /tmp/money.jsonl [--shared DIR]   # before
    python bench/money_readings.py --check /tmp/money.jsonl [--shared DIR]  # after: exit 1

Reads ``council.money_words.read_money`` (failure cost, budget, unread notes),
``council.floor_words.read_floor``, ``council.check_words.read_check`` (a free or impossible
check) and ``council.need_words.needs_in_words`` (vision from the words) on every description
of the phrase files in tests/data
(money, workload and decision cases: each row's "text" or "description") and, with
``--shared`` (default $COUNCIL_SHARED, else ../shared), the real prompts of
categories/dev.jsonl. ``--check`` prints each reading that moved, before and after, and
counts them. Keep the dump outside the repository: it quotes the real prompts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts(shared: Path | None) -> list[tuple[str, str]]:
    """(key, text) of every phrase file row and real prompt."""
    out: list[tuple[str, str]] = []
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for i, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text") or row.get("description")
            if isinstance(text, str):
                out.append((f"{path.name}:{i}", text))
    dev = shared / "categories" / "dev.jsonl" if shared else None
    if dev is not None and dev.exists():
        for line in filter(None, dev.read_text(encoding="utf-8").split("\n")):
            row = json.loads(line)
            out.append((f"dev:{row['id']}", row["prompt"]))
    return out


def reading(text: str) -> dict[str, object]:
    from council.check_words import read_check
    from council.floor_words import low_bar_words, read_floor
    from council.money_words import read_money
    from council.need_words import needs_in_words

    money = read_money(text)
    floor = read_floor(text)
    check = read_check(text)
    return {"failure": asdict(money.failure) if money.failure else None,
            "budget": asdict(money.budget) if money.budget else None,
            "unit_budget": asdict(money.unit_budget) if money.unit_budget else None,
            "unread": list(money.unread), "floor": asdict(floor) if floor else None,
            "low_bar": low_bar_words(text), "check": asdict(check) if check else None,
            "needs": [asdict(n) for n in needs_in_words(text)]}


def _as_old(now: dict[str, object], old: dict[str, object]) -> dict[str, object]:
    """A reading without the fields a later version added at their default (None, ""), so a
    new field moves nothing it does not set; a reading a dump from before it lacks (the check
    and the needs, review 13) is not compared."""
    out: dict[str, object] = {}
    for key, value in now.items():
        if key in ("check", "needs") and key not in old:
            continue
        was = old.get(key)
        if isinstance(value, dict) and isinstance(was, dict):
            value = {k: v for k, v in value.items() if k in was or v not in (None, "")}
        out[key] = value
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--check", type=Path)
    default = os.environ.get("COUNCIL_SHARED") or str(ROOT.parent / "shared")
    ap.add_argument("--shared", type=Path, default=Path(default))
    args = ap.parse_args()
    rows = {k: reading(t) for k, t in texts(args.shared)}
    read = sum(1 for r in rows.values()
               if r["failure"] or r["budget"] or r["unit_budget"] or r["floor"] or r["low_bar"]
               or r["check"] or r["needs"])
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for k, r in rows.items():
                f.write(json.dumps({"key": k, **r}, ensure_ascii=False) + "\n")
        print(f"{len(rows):,} texts, {read:,} with a reading, written to {args.dump}")
        return 0
    if args.check:
        before = {}
        for line in args.check.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            key = row.pop("key")
            before[key] = {"unit_budget": None, "low_bar": None, **row}  # older code's dump
        moved = [k for k, r in rows.items() if k in before and before[k] != _as_old(r, before[k])]
        for k in moved:
            print(f"{k}\n  before: {before[k]}\n  after:  {rows[k]}")
        new = sum(1 for k in rows if k not in before)
        print(f"moved: {len(moved)} of {len(rows) - new:,} texts ({new} new rows not compared)")
        return 1 if moved else 0
    print(f"{len(rows):,} texts, {read:,} with a reading")
    return 0


if __name__ == "__main__":
    sys.exit(main())
