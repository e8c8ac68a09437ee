"""The decision rule reviewed task by task: the pick, its P, its price, the expected-cost sum,
the saving against the frontier default, and the pick with no failure cost beside it.

    python bench/decision_review.py [--artifact DIR] [--markdown]

Tasks: bench/recommend.py's eight, the payments-ledger task of issue 19 at the production
bar, and a dozen everyday ones. Each is answered as `council recommend` answers it (local
classifier, no LLM voters, catalog P), with the category's default failure cost. "F=0 pick"
is the same answer's cheapest model over the floor (the rule before the failure cost); where
the two differ the row says what the dearer pick buys: its extra price against the failures
it avoids, per task and per month.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

HERE = Path(__file__).resolve().parent

LEDGER = ("Design the architecture of a multi-region, strongly consistent payments ledger "
          "with failover and audits")

EVERYDAY: list[dict[str, object]] = [
    {"description": "Summarise the notes of our weekly one-hour team meeting into decisions "
                    "and action items"},
    {"description": "Translate our product page copy from English into French, Spanish and "
                    "Italian"},
    {"description": "Coding agent that implements small features in our TypeScript repo, "
                    "runs the tests and opens a pull request"},
    {"description": "Quick question: a regex that matches a UK postcode"},
    {"description": "Tag 5,000 customer reviews a day as positive, negative or neutral",
     "batch": True},
    {"description": "Answer customer chat questions about shipping times and returns"},
    {"description": "Turn plain-English questions into SQL over our sales warehouse"},
    {"description": "Extract name, email and company from inbound sales emails as JSON",
     "needs": frozenset({"json"})},
    {"description": "Draft a blog post announcing our new dashboard feature"},
    {"description": "Review pull requests in our Go service for security issues"},
    {"description": "Debug why our Django app intermittently returns 500 errors under load"},
    {"description": "Summarise 2-hour customer interview transcripts into the key insights"},
]


def bench_tasks() -> list[dict[str, object]]:
    """bench/recommend.py's TASKS, read from the file so the two never drift apart."""
    spec = importlib.util.spec_from_file_location("bench_recommend", HERE / "recommend.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.TASKS)


@dataclass(frozen=True)
class Row:
    set: str
    task: str
    category: str
    floor: str
    failure: float
    failure_source: str
    pick: str
    p: float
    price: float
    expected: float
    opus_price: float
    opus_p: float
    opus_expected: float
    saving_month: float
    f0_pick: str
    f0_price: float
    f0_p: float
    extra_month: float  # pick minus the F=0 pick, price a month
    avoided_month: float  # failures the pick avoids a month, at F
    floor_met: bool
    cascade: str
    rival: str  # the best cheaper model over the floor (least expected cost), or ""
    rival_p: float
    rival_price: float
    break_even: float | None  # F below which the rival would be the pick


def review(rec: object, label: str) -> Row:
    from council.api import Recommendation
    from council.decision import Option, best_cheaper, break_even, expected_cost, least_expected

    assert isinstance(rec, Recommendation) and rec.recommended is not None
    dec = rec.decision
    assert dec is not None
    pick, opus = rec.recommended, rec.default
    f = dec.failure_cost_usd
    options = [Option(c.model_id, c.cost.per_task, c.p_adequate) for c in rec.candidates]
    f0 = least_expected(options, 0.0, dec.floor) or max(options, key=lambda o: (o.p, -o.price))
    mine = Option(pick.model_id, pick.cost.per_task, pick.p_adequate)
    over = [o for o in options if dec.floor is None or o.p >= dec.floor]
    rival = best_cheaper(over, mine, f) if dec.floor_met else None
    runs = pick.cost.per_month / pick.cost.per_task if pick.cost.per_task else 0.0
    cascade = rec.cascade.arithmetic if rec.cascade is not None else ""
    return Row(
        set=label, task=rec.spec.description, category=rec.assessment.category,
        floor=rec.spec.quality, failure=f, failure_source=dec.failure_cost_source,
        pick=pick.model_id, p=pick.p_adequate, price=pick.cost.per_task,
        expected=expected_cost(pick.cost.per_task, pick.p_adequate, f),
        opus_price=opus.cost.per_task, opus_p=opus.p_adequate,
        opus_expected=expected_cost(opus.cost.per_task, opus.p_adequate, f),
        saving_month=opus.cost.per_month - pick.cost.per_month,
        f0_pick=f0.model_id, f0_price=f0.price, f0_p=f0.p,
        extra_month=(pick.cost.per_task - f0.price) * runs,
        avoided_month=(pick.p_adequate - f0.p) * f * runs,
        floor_met=dec.floor_met, cascade=cascade,
        rival=rival.model_id if rival else "", rival_p=rival.p if rival else 0.0,
        rival_price=rival.price if rival else 0.0,
        break_even=break_even(mine, rival) if rival else None)


def money(x: float) -> str:
    from council.format import money as fmt

    return fmt(x)


def failure_share(p: float) -> str:
    from council.decision import failure_share as share

    return share(p)


def print_text(rows: list[Row]) -> None:
    for r in rows:
        print(f"[{r.set}] {r.task[:70]}")
        print(f"  category {r.category}, floor {r.floor}, failure {money(r.failure)} "
              f"({r.failure_source}){'' if r.floor_met else '  FLOOR NOT MET'}")
        print(f"  pick {r.pick}: {money(r.price)} + {failure_share(r.p)} x {money(r.failure)} = "
              f"{money(r.expected)} expected")
        print(f"  opus {money(r.opus_price)} + {failure_share(r.opus_p)} x {money(r.failure)} = "
              f"{money(r.opus_expected)} expected; saving {money(r.saving_month)} a month")
        if r.f0_pick != r.pick:
            print(f"  F=0 pick {r.f0_pick} at {money(r.f0_price)} P {r.f0_p:.0%}: the pick "
                  f"costs {money(r.extra_month)} more a month and avoids "
                  f"{money(r.avoided_month)} of failures")
        if r.rival:
            print(f"  best cheaper {r.rival} at {money(r.rival_price)} P {r.rival_p:.1%}: "
                  f"break-even failure cost {money(r.break_even)}")
        if r.cascade:
            print(f"  cascade {r.cascade}")


def print_markdown(rows: list[Row]) -> None:
    print("| task | category, floor | F a task | pick (P) | pick: price + P(fail) × F = "
          "expected | claude-opus-5-5, same sum | saving a month vs opus (price) | "
          "F=0 pick (P, price) | best cheaper (P, price): break-even F |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        f0 = ("same" if r.f0_pick == r.pick
              else f"{r.f0_pick} ({r.f0_p:.1%}, {money(r.f0_price)})")
        print(f"| {r.task[:58]} | {r.category}, {r.floor}"
              f"{'' if r.floor_met else ' (not met)'} | {money(r.failure)} | "
              f"{r.pick} ({r.p:.1%}) | {money(r.price)} + {failure_share(r.p)} × "
              f"{money(r.failure)} = {money(r.expected)} | {money(r.opus_price)} + "
              f"{failure_share(r.opus_p)} × {money(r.failure)} = {money(r.opus_expected)} | "
              f"{money(r.saving_month)} | {f0} | "
              + (f"{r.rival} ({r.rival_p:.1%}, {money(r.rival_price)}): "
                 f"{money(r.break_even)} |" if r.rival else "– |"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", type=Path, default=None,
                        help="classifier artifact dir (default: council.config paths)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()

    from council.assembly import open_catalog, open_council
    from council.task import parse_task

    catalog = open_catalog(Path(tempfile.mkdtemp(prefix="council-review-")) / "council.db")
    council = open_council(catalog=catalog, classifier_dir=args.artifact, llm_voters=False)
    sets = [("bench", t) for t in bench_tasks()]
    sets.append(("issue", {"description": LEDGER, "quality": "production"}))
    sets += [("everyday", t) for t in EVERYDAY]
    rows = [review(council.recommend(parse_task(**t)), label) for label, t in sets]
    if args.markdown:
        print_markdown(rows)
    else:
        print_text(rows)
    dearer = [r for r in rows if r.f0_pick != r.pick]
    print(f"\n{len(rows)} tasks; the failure cost changed the pick on {len(dearer)}; "
          f"floor not met on {sum(not r.floor_met for r in rows)}", file=sys.stderr)


if __name__ == "__main__":
    main()
