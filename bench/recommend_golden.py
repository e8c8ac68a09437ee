"""Golden answers: prove that a change to selection or pricing leaves every answer the same.

    python bench/recommend_golden.py --write-tests     # tests/data/recommend_golden.json
    python bench/recommend_golden.py --write-wide FILE [--n 300] [--texts JSONL]
    python bench/recommend_golden.py --check [FILE]      # default: the tests' file
    python bench/recommend_golden.py --time FILE [--repeat 5]

Everything after the council is compared: ``recommend_for(spec, assessment)`` turned into
JSON (``to_dict`` as ``json.dumps`` writes it, keys in their order) must be byte-identical.
The assessment is stored with each case, so a change to the classifier does not move these
answers, and ``today`` is pinned (stale-price notes count days).

- The tests' set (``CASES``, 10 tasks with stated assessments, no classifier) is committed
  as a digest of each answer plus a readable summary (the pick, every candidate's monthly
  cost) and checked by tests/recommend/test_golden.py. Regenerate it only for an intended change of
  the answers (the catalog, the workload reader, a rule), and say so in the commit.
- The wide set is the bench's tasks plus ``--n`` real prompts from
  ../shared/categories/dev.jsonl (first 600 characters), each with workload options drawn
  from a seeded generator (batch, quality, needs, providers, failure cost, budget, tokens,
  calls, runs, ...); the assessments come from the local classifier once, at write time.
  It stays out of the repository (shared data): write it before a change, check it after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TODAY = date(2026, 11, 30)  # pinned: stale-price and shutdown notes depend on the date
PROJECT = Path(__file__).resolve().parent.parent
TESTS_FILE = PROJECT / "tests" / "data" / "recommend_golden.json"
WIDE_TEXT_CHARS = 600
SEED = 20261130


@dataclass(frozen=True)
class Case:
    """A task and the council's verdict on it, as stored beside its answer."""

    spec: dict[str, Any]
    assessment: dict[str, Any]


def _stated(category: str, difficulty: float, sd: float,
            category_p: dict[str, float] | None = None) -> dict[str, Any]:
    return {"category": category, "category_p": category_p or {category: 1.0},
            "difficulty": difficulty, "difficulty_sd": sd, "votes": []}


# Each exercises a different path: tiers, batch and caching, an agent loop, the budget mix,
# the floor not met, no model fitting, providers, a failure cost, a cascade.
CASES: list[Case] = [
    Case({"description": "Classify support tickets into 12 queues, returning JSON",
          "runs_per_month": 300_000, "batch": True, "input_tokens": 900,
          "output_tokens": 40, "failure_cost_usd": 0.05},
         _stated("classification", 1.6, 0.4)),
    Case({"description": "Summarise each day's chat threads for the leadership team",
          "input_tokens": 6_000, "output_tokens": 500, "runs_per_month": 30,
          "cached_prefix_tokens": 2_000},
         _stated("summarisation", 2.2, 0.5, {"summarisation": 0.8, "creative_writing": 0.2})),
    Case({"description": "Agent that fixes failing CI tests in a Python monorepo",
          "calls_per_task": 20, "runs_per_month": 400, "input_tokens": 12_000,
          "output_tokens": 900, "cached_prefix_tokens": 6_000},
         _stated("debugging", 3.6, 0.6, {"debugging": 0.7, "agentic": 0.3})),
    Case({"description": "Review long supplier contracts for unusual liability clauses",
          "input_tokens": 250_000, "output_tokens": 2_000, "runs_per_month": 200,
          "quality": "production", "failure_cost_usd": 40.0},
         _stated("long_document", 3.2, 0.5)),
    Case({"description": "Extract invoice fields from scanned documents",
          "needs": ["vision", "json"], "input_tokens": 3_000, "output_tokens": 200,
          "runs_per_month": 50_000, "batch": True},
         _stated("extraction", 1.8, 0.4)),
    Case({"description": "Write marketing emails for a spring sale", "quality": "draft",
          "input_tokens": 400, "output_tokens": 600, "runs_per_month": 2_000,
          "budget_usd_per_month": 3.0},
         _stated("creative_writing", 1.5, 0.5)),
    Case({"description": "Prove a hard olympiad inequality", "quality": "production",
          "input_tokens": 300, "output_tokens": 4_000, "reasoning_tokens": 20_000,
          "runs_per_month": 100, "failure_cost_usd": 5.0},
         _stated("math_reasoning", 4.7, 0.3)),
    Case({"description": "Translate product pages into German and Japanese",
          "providers": ["openai", "anthropic"], "input_tokens": 1_500,
          "output_tokens": 1_800, "runs_per_month": 5_000},
         _stated("translation", 2.0, 0.4)),
    Case({"description": "Read whole code bases in one prompt", "min_context": 5_000_000,
          "input_tokens": 4_000_000, "output_tokens": 1_000, "runs_per_month": 10},
         _stated("code_review", 3.0, 0.5)),
    Case({"description": "A support chat assistant answering customers",
          "calls_per_task": 8, "summarise_history": True, "input_tokens": 2_500,
          "output_tokens": 300, "runs_per_month": 90_000, "cached_prefix_tokens": 2_000,
          "quality": "none"},
         _stated("customer_support", 1.4, 0.6, {"customer_support": 0.6, "extraction": 0.4})),
]


def catalog_for(db: Path | None = None) -> Any:
    """The bundled catalog in a fresh SQLite file."""
    from council.assembly import open_catalog

    return open_catalog(db or Path(tempfile.mkdtemp(prefix="council-golden-")) / "council.db")


def inputs(case: Case) -> tuple[Any, Any]:
    """The TaskSpec and the Assessment of a case (InvalidInput for a refused task)."""
    from council.assessment import Assessment
    from council.task import parse_task

    fields = dict(case.spec)
    for name in ("needs", "not_needed"):
        if name in fields:
            fields[name] = frozenset(fields[name])
    if "providers" in fields:
        fields["providers"] = tuple(fields["providers"])
    spec = parse_task(**fields)
    # as stored and read back (category_p's order decides the order of a float sum)
    return spec, Assessment.from_dict(json.loads(canonical(case.assessment)))


def answer(case: Case, catalog: Any, today: date = TODAY) -> dict[str, Any]:
    """The whole answer as JSON-safe data, or {"error": message} when the task is refused."""
    from council.api import recommend_for
    from council.errors import InvalidInput

    try:
        spec, verdict = inputs(case)
        rec = recommend_for(spec, verdict, catalog=catalog, today=today)
    except InvalidInput as exc:  # a budget below the cheapest model, a bad field
        return {"error": f"{type(exc).__name__}: {exc}"}
    data = rec.to_dict()
    for name in ("needs", "not_needed"):  # frozensets: their order varies with the hash seed
        data["spec"][name] = sorted(data["spec"][name])
    return data


def timings(stored: dict[str, Any], catalog: Any, repeat: int) -> list[float]:
    """ms of recommend_for per answered case, the least of ``repeat`` rounds (the least is
    the figure the machine's load moves least)."""
    from council.api import recommend_for

    today = date.fromisoformat(stored["today"])
    work = []
    for row in stored["cases"]:
        if "error" not in row.get("answer", row.get("summary", {})):
            work.append(inputs(Case(row["spec"], row["assessment"])))
    best = [float("inf")] * len(work)
    for _ in range(repeat):
        for i, (spec, verdict) in enumerate(work):
            t0 = time.perf_counter()
            recommend_for(spec, verdict, catalog=catalog, today=today)
            best[i] = min(best[i], (time.perf_counter() - t0) * 1000)
    return best


def canonical(data: Any) -> str:
    """JSON text with the keys in the order the answer gives them (an answer's JSON is what
    the app stores and shares, so the order of its keys is part of it)."""
    return json.dumps(data, ensure_ascii=False)


def digest(data: Any) -> str:
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """What a reader checks first when a digest moves: the pick and every priced candidate."""
    if "error" in data:
        return data
    pick = data["recommended"]
    return {"pick": pick["model_id"] if pick else None,
            "pick_per_month": pick["cost"]["per_month"] if pick else None,
            "cascade": data["cascade"]["cheap"] if data["cascade"] else None,
            "per_month": {c["model_id"]: c["cost"]["per_month"] for c in data["candidates"]},
            "excluded": sorted(e["model_id"] for e in data["excluded"])}


def golden(cases: list[Case], catalog: Any, *, full: bool) -> dict[str, Any]:
    """Each case with its answer: whole (``full``) or as a digest and a summary (the
    committed tests' file, ~30 KB instead of ~800 KB)."""
    rows = []
    for c in cases:
        data = answer(c, catalog)
        stored = {"answer": data} if full else {"digest": digest(data), "summary": summary(data)}
        rows.append({"spec": c.spec, "assessment": c.assessment, **stored})
    return {"catalog_version": catalog.version, "today": TODAY.isoformat(), "cases": rows}


def differences(stored: dict[str, Any], catalog: Any) -> list[str]:
    """One line per case whose answer is no longer byte-identical to the stored one."""
    out = []
    if stored["catalog_version"] != catalog.version:
        out.append(f"catalog version {catalog.version} is not the stored "
                   f"{stored['catalog_version']}: regenerate the golden file")
    for i, row in enumerate(stored["cases"]):
        now = answer(Case(row["spec"], row["assessment"]), catalog,
                     date.fromisoformat(stored["today"]))
        if "answer" in row:
            same, old, new = canonical(now) == canonical(row["answer"]), row["answer"], now
        else:
            same, old, new = digest(now) == row["digest"], row["summary"], summary(now)
        if not same:
            out.append(f"case {i} ({row['spec']['description'][:50]!r}): "
                       f"{first_difference(old, new)}")
    return out


def first_difference(old: Any, new: Any, where: str = "") -> str:
    """The path to the first value that differs, with both values."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if canonical(old.get(key)) != canonical(new.get(key)):
                return first_difference(old.get(key), new.get(key), f"{where}.{key}")
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            if canonical(a) != canonical(b):
                return first_difference(a, b, f"{where}[{i}]")
    if isinstance(old, dict) and isinstance(new, dict) and list(old) != list(new):
        return f"{where or '.'}: keys in another order: {list(old)} -> {list(new)}"
    return f"{where or '.'}: {canonical(old)[:120]} -> {canonical(new)[:120]}"


def wide_specs(n: int, providers: tuple[str, ...], texts_file: Path) -> list[dict[str, Any]]:
    """The bench's tasks, then ``n`` real prompts with seeded workload options."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from recommend import TASKS  # the bench's tasks, as timed

    specs: list[dict[str, Any]] = []
    for t in TASKS:
        spec = dict(t)
        if "needs" in spec:
            spec["needs"] = sorted(spec["needs"])  # type: ignore[arg-type]
        specs.append(spec)
    rng = random.Random(SEED)
    lines = texts_file.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028
    texts = [json.loads(line)["prompt"] for line in lines if line.strip()]
    for text in rng.sample(texts, n):
        spec: dict[str, Any] = {"description": text[:WIDE_TEXT_CHARS]}
        maybe = rng.random
        if maybe() < 0.3:
            spec["batch"] = True
        spec["quality"] = rng.choice(["none", "draft", "standard", "standard", "production"])
        if maybe() < 0.25:
            spec["needs"] = sorted(rng.sample(["tools", "vision", "json", "reasoning",
                                               "long_context"], rng.choice([1, 1, 2])))
        if maybe() < 0.05:
            spec["not_needed"] = ["reasoning"] if "reasoning" not in spec.get("needs", []) \
                else ["vision"]
            if "vision" in spec.get("needs", []) and spec["not_needed"] == ["vision"]:
                del spec["not_needed"]
        if maybe() < 0.12:
            spec["providers"] = sorted(rng.sample(list(providers), rng.choice([1, 2, 3])))
        if maybe() < 0.3:
            spec["failure_cost_usd"] = rng.choice([0.0, 0.02, 1.0, 25.0, 500.0])
        if maybe() < 0.1:
            spec["budget_usd_per_month"] = rng.choice([2.0, 100.0, 5_000.0, 1_000_000.0])
        if maybe() < 0.35:
            spec["input_tokens"] = rng.choice([200, 3_000, 40_000, 150_000, 250_000, 900_000])
            if maybe() < 0.4:
                spec["cached_prefix_tokens"] = rng.randint(0, spec["input_tokens"])
        if maybe() < 0.25:
            spec["output_tokens"] = rng.choice([50, 800, 4_000, 30_000])
        if maybe() < 0.25:
            spec["calls_per_task"] = rng.choice([1, 3, 20, 60])
        if maybe() < 0.3:
            spec["runs_per_month"] = rng.choice([1, 30, 2_000, 300_000, 50_000_000])
        if maybe() < 0.15:
            spec["reasoning_tokens"] = rng.choice([0, 2_000, 30_000])
        if maybe() < 0.1:
            spec["summarise_history"] = True
        if maybe() < 0.08:
            spec["min_context"] = rng.choice([32_000, 200_000, 1_000_000])
        specs.append(spec)
    return specs


def wide_cases(n: int, catalog: Any, texts_file: Path) -> list[Case]:
    """Assess each wide spec's description once with the local classifier."""
    from council.assembly import open_council
    from council.assess.council import assess

    council = open_council(catalog=catalog, llm_voters=False)
    cases = []
    for spec in wide_specs(n, catalog.providers, texts_file):
        verdict = assess(spec["description"], classifier=council.classifier)
        cases.append(Case(spec, verdict.to_dict()))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write-tests", action="store_true",
                      help=f"write the tests' golden file ({TESTS_FILE.relative_to(PROJECT)})")
    what.add_argument("--write-wide", type=Path, metavar="FILE")
    what.add_argument("--check", type=Path, metavar="FILE", nargs="?", const=TESTS_FILE,
                      help="compare today's answers with a golden file (default: the tests')")
    what.add_argument("--time", type=Path, metavar="FILE",
                      help="time recommend_for on a golden file's tasks (least of --repeat)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--n", type=int, default=300, help="real prompts in the wide set")
    parser.add_argument("--texts", type=Path,
                        default=PROJECT.parent / "shared" / "categories" / "dev.jsonl",
                        help="the wide set's prompts (default ../shared/categories/dev.jsonl)")
    args = parser.parse_args()

    catalog = catalog_for()
    if args.check:
        stored = json.loads(args.check.read_text(encoding="utf-8"))
        problems = differences(stored, catalog)
        for line in problems:
            print(line)
        n = len(stored["cases"])
        moved = sum(line.startswith("case ") for line in problems)
        print(f"{n - moved} of {n} answers byte-identical")
        sys.exit(1 if problems else 0)
    if args.time:
        ms = timings(json.loads(args.time.read_text(encoding="utf-8")), catalog, args.repeat)
        first = ms[:8]  # the wide set begins with the bench's tasks
        print(f"recommend_for, least of {args.repeat} rounds, {len(ms)} tasks: median "
              f"{statistics.median(ms):.2f} ms, mean {statistics.mean(ms):.2f} ms, p95 "
              f"{sorted(ms)[int(0.95 * (len(ms) - 1))]:.2f} ms; first 8 median "
              f"{statistics.median(first):.2f} ms, max {max(first):.2f} ms; load "
              f"{os.getloadavg()[0]:.1f}")
        return
    if args.write_tests:
        target, cases = TESTS_FILE, CASES
    else:
        target, cases = args.write_wide, wide_cases(args.n, catalog, args.texts)
    data = golden(cases, catalog, full=not args.write_tests)
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    errors = sum(1 for c in data["cases"] if "error" in c.get("answer", c.get("summary")))
    print(f"wrote {len(cases)} answers ({errors} refused) to {target}")


if __name__ == "__main__":
    main()
