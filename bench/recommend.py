"""Latency of a local-only recommendation (classifier included) and the process's peak RSS.

    python bench/recommend.py [--n 200] [--artifact DIR]

Cold: first classifier load (and build if missing) plus the first recommendation.
Warm: each further `council.api.recommend` call, local classifier only, no LLM voters,
over a rotating set of task descriptions and workloads. Target p50 <= 25 ms warm.
The CPU time of the same calls (process_time, all threads) is printed beside the wall
clock: on a shared machine it moves far less with the load. Peak memory is ru_maxrss of
this process, which holds what the app process holds for a recommendation (embedding
model, classifier, catalog).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TASKS: list[dict[str, object]] = [
    {"description": "Classify 10,000 support tickets a night into 12 queues, returning JSON",
     "runs_per_month": 300_000, "batch": True},
    {"description": "Summarise each day's Slack threads for the leadership team"},
    {"description": "Agent that fixes failing CI tests in our Python monorepo and opens a PR",
     "calls_per_task": 20},
    {"description": "Extract invoice number, total and due date from scanned PDFs",
     "needs": frozenset({"vision", "json"})},
    {"description": "Translate product descriptions from English to German and Japanese"},
    {"description": "Review 300-page supplier contracts for unusual liability clauses",
     "input_tokens": 150_000, "quality": "production"},
    {"description": "Write marketing emails for a spring sale"},
    {"description": "Prove that the sum of two even numbers is even"},
]


# Stages of everything after the council, each a module attribute wrapped by a timer while
# the stage pass runs (the timed pass above runs unwrapped). Indented rows are inside select.
STAGES: list[tuple[str, str, tuple[str, ...]]] = [
    ("the words, read once (read_task)", "council.api", ("read_task",)),
    ("workload (build_workload)", "council.api", ("build_workload",)),
    ("needs", "council.api", ("required",)),
    ("adequacy", "council.api", ("adequacies",)),
    ("failure cost (mix)", "council.api", ("task_defaults_mix", "failure_cost")),
    ("selection (select)", "council.api", ("select",)),
    ("  constraints", "council.recommend", ("constraint_problems", "availability_problems")),
    ("  price every candidate", "council.recommend", ("price_candidate",)),
    ("  the pick in each mode", "council.recommend", ("_price_modes",)),
    ("  rule, arithmetic", "council.recommend", ("_choose",)),
    ("  cascade", "council.recommend", ("best_cascade",)),
    ("advice", "council.api", ("advise",)),
    ("explanation", "council.api", ("explain",)),
]


@contextmanager
def collector_pauses(pauses: dict[int, list[float]]) -> Iterator[None]:
    """Each garbage collection's wall time (ms) by generation, while the block runs."""
    started: list[float] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            pauses.setdefault(info["generation"], []).append(
                (time.perf_counter() - started.pop()) * 1000)

    gc.callbacks.append(callback)
    try:
        yield
    finally:
        gc.callbacks.remove(callback)


@contextmanager
def timed_stages(totals: dict[str, float]) -> Iterator[None]:
    """Wrap each stage's functions so that their time adds up in ``totals`` (seconds)."""
    saved: list[tuple[object, str, object]] = []
    for label, module_name, names in STAGES:
        module = importlib.import_module(module_name)
        for name in names:
            inner = getattr(module, name)

            def timed(*args: object, _inner: object = inner, _label: str = label,
                      **kwargs: object) -> object:
                t0 = time.perf_counter()
                try:
                    return _inner(*args, **kwargs)  # type: ignore[operator]
                finally:
                    totals[_label] = totals.get(_label, 0.0) + time.perf_counter() - t0

            saved.append((module, name, inner))
            setattr(module, name, timed)
    try:
        yield
    finally:
        for module, name, inner in saved:
            setattr(module, name, inner)


def stage_table(specs: list[object], assessments: list[object], catalog: object,
                rounds: int) -> list[tuple[str, str, str]]:
    """Mean ms per recommendation of each stage after the council, and its share."""
    from council.api import recommend_for

    totals: dict[str, float] = {}
    t_all = 0.0
    with timed_stages(totals):
        for _ in range(rounds):
            for spec, verdict in zip(specs, assessments, strict=True):
                t0 = time.perf_counter()
                recommend_for(spec, verdict, catalog=catalog)  # type: ignore[arg-type]
                t_all += time.perf_counter() - t0
    n = rounds * len(specs)
    top = sum(v for k, v in totals.items() if not k.startswith(" "))
    rows = [(label, f"{totals.get(label, 0.0) * 1000 / n:.2f} ms",
             f"{totals.get(label, 0.0) / t_all:.0%}") for label, _, _ in STAGES]
    rows.append(("the rest (assembling the answer)", f"{(t_all - top) * 1000 / n:.2f} ms",
                 f"{(t_all - top) / t_all:.0%}"))
    rows.append(("all after the council (mean)", f"{t_all * 1000 / n:.2f} ms", "100%"))
    return rows


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="warm recommendations to time")
    parser.add_argument("--artifact", type=Path, default=None,
                        help="classifier artifact dir (default: council.config paths)")
    parser.add_argument("--no-gc-freeze", action="store_true",
                        help="leave the loaded heap unfrozen (the app freezes it after loading)")
    args = parser.parse_args()

    from council.api import recommend_for
    from council.assembly import open_catalog, open_council
    from council.assess.council import assess
    from council.heap import freeze_loaded_heap
    from council.task import parse_task

    rss_start = peak_rss_mb()
    t0 = time.perf_counter()
    catalog = open_catalog(Path(tempfile.mkdtemp(prefix="council-bench-")) / "council.db")
    t_catalog = time.perf_counter() - t0
    t0 = time.perf_counter()
    # the CLI's and the app's council, without LLM voters (no paid calls in a bench)
    council = open_council(catalog=catalog, classifier_dir=args.artifact, llm_voters=False)
    classifier = council.classifier
    specs = [parse_task(**t) for t in TASKS]
    first = council.recommend(specs[0])
    t_cold = time.perf_counter() - t0
    frozen = 0 if args.no_gc_freeze else freeze_loaded_heap()  # as council/ui/state.py does
    t0 = time.perf_counter()
    gc.collect()  # what one full (generation-2) pass costs inside a request
    full_gc_ms = (time.perf_counter() - t0) * 1000

    warm: list[float] = []
    warm_cpu: list[float] = []
    council_ms: list[float] = []
    selection_ms: list[float] = []
    picks: dict[str, str] = {}
    pauses: dict[int, list[float]] = {}
    with collector_pauses(pauses):
        for i in range(args.n):
            spec = specs[i % len(specs)]
            t0, c0 = time.perf_counter(), time.process_time()
            rec = council.recommend(spec)
            warm.append((time.perf_counter() - t0) * 1000)
            warm_cpu.append((time.process_time() - c0) * 1000)
            picks[spec.description[:40]] = rec.recommended.model_id if rec.recommended else "none"
            # the same answer in its two halves: the council (classifier) and everything after
            t0 = time.perf_counter()
            assessment = assess(spec.description, classifier=classifier)
            t1 = time.perf_counter()
            recommend_for(spec, assessment, catalog=catalog)
            council_ms.append((t1 - t0) * 1000)
            selection_ms.append((time.perf_counter() - t1) * 1000)
    gen2 = pauses.get(2, [])

    rows = [
        ("catalog load (SQLite, files)", f"{t_catalog * 1000:.0f} ms"),
        ("cold: classifier + first answer", f"{t_cold:.2f} s"),
        ("objects frozen out of the collector", f"{frozen:,}"),
        ("one full collection after loading", f"{full_gc_ms:.1f} ms"),
        ("gen-2 collections while warm", f"{len(gen2)}, longest "
         f"{max(gen2, default=0.0):.1f} ms, total {sum(gen2):.1f} ms"),
        ("all collections while warm", f"{sum(map(len, pauses.values()))}, total "
         f"{sum(map(sum, pauses.values())):.1f} ms"),
        (f"warm p50 (n={args.n})", f"{statistics.median(warm):.1f} ms"),
        (f"warm p95 (n={args.n})", f"{percentile(warm, 0.95):.1f} ms"),
        ("warm max", f"{max(warm):.1f} ms"),
        ("warm p50 CPU time (process)", f"{statistics.median(warm_cpu):.1f} ms"),
        ("  of which council (classifier) p50", f"{statistics.median(council_ms):.1f} ms"),
        ("  of which selection+pricing p50", f"{statistics.median(selection_ms):.1f} ms"),
        ("  selection+pricing p95", f"{percentile(selection_ms, 0.95):.1f} ms"),
        ("load average (1 min) at the end", f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} "
                                            "CPUs"),
        ("peak RSS before loading", f"{rss_start:.0f} MB"),
        ("peak RSS of the process", f"{peak_rss_mb():.0f} MB"),
        ("catalog models / version", f"{len(catalog.models)} / {catalog.version}"),
        ("first pick", first.recommended.model_id if first.recommended else "none"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 24}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print("\npicks:")
    for task, model in picks.items():
        print(f"  {task:<40}  {model}")
    target = statistics.median(warm) <= 25.0
    print(f"\ntarget p50 <= 25 ms warm: {'met' if target else 'NOT met'}")

    assessments = [assess(spec.description, classifier=classifier) for spec in specs]
    rows3 = stage_table(specs, assessments, catalog, rounds=max(1, args.n // len(specs)))
    width = max(len(r[0]) for r in rows3)
    print(f"\nafter the council, by stage (mean of {max(1, args.n // len(specs)) * len(specs)} "
          "recommendations, timers around each stage):")
    print(f"{'stage':<{width}}  {'per answer':>10}  share")
    print(f"{'-' * width}  {'-' * 10}  -----")
    for name, value, share in rows3:
        print(f"{name:<{width}}  {value:>10}  {share:>5}")


if __name__ == "__main__":
    main()
