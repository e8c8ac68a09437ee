"""Usage import and report: speed and memory on generated OpenTelemetry GenAI spans.

    python bench/usage.py                 # 1,000,000 spans over 30 days
    python bench/usage.py --spans 100000  # a quicker run

Writes the spans to a temporary OTLP/JSON file (the collector's file-exporter shape, 100 spans
a line), imports it into a fresh SQLite in a child process (so its peak RSS is the import's
alone), imports it again (every record a duplicate), then times the report over the 30 days:
cold (first call) and warm (median of 5). Prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODELS = [("gpt-5.4-mini", "openai", 640, 30), ("claude-sonnet-4-6", "anthropic", 9000, 600),
          ("gemini-2.5-flash", "gcp.gemini", 6000, 500), ("gpt-4.1", "openai", 2000, 400),
          ("claude-haiku-4-5", "anthropic", 3000, 300),
          ("acme-llama-3.3-70b-ft", "vllm", 1200, 200)]


def _attr(key: str, value: object) -> dict[str, object]:
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": str(value)}}


def generate(path: Path, spans: int, *, per_line: int = 100, days: int = 30) -> None:
    """Write ``spans`` GenAI spans over ``days`` days, streaming (never all in memory)."""
    rng = random.Random(7)
    start = datetime(2026, 10, 25, tzinfo=UTC)
    step = days * 86_400 / spans
    written = 0
    trace, left = "", 0
    with path.open("w") as f:
        while written < spans:
            batch = []
            for _ in range(min(per_line, spans - written)):
                if left == 0:
                    trace, left = f"{rng.getrandbits(128):032x}", rng.randint(1, 8)
                    task = f"task-{rng.randint(1, 40):02d}"
                    model, provider, inp, out = MODELS[rng.randrange(len(MODELS))]
                left -= 1
                t = start + timedelta(seconds=written * step)
                ns = str(int(t.timestamp() * 1e9))
                n_in = rng.randint(inp // 2, inp * 3 // 2)
                cached = n_in // 2 if rng.random() < 0.5 else 0
                attrs = [_attr("gen_ai.operation.name", "chat"),
                         _attr("gen_ai.provider.name", provider),
                         _attr("gen_ai.request.model", model),
                         _attr("gen_ai.usage.input_tokens", n_in),
                         _attr("gen_ai.usage.cache_read.input_tokens", cached),
                         _attr("gen_ai.usage.output_tokens", rng.randint(out // 2, out * 2)),
                         _attr("council.task", task)]
                batch.append({"traceId": trace, "spanId": f"{rng.getrandbits(64):016x}",
                              "name": f"chat {model}", "kind": 3, "startTimeUnixNano": ns,
                              "endTimeUnixNano": ns, "attributes": attrs, "status": {}})
                written += 1
            f.write(json.dumps({"resourceSpans": [{
                "resource": {"attributes": [_attr("service.name", "bench")]},
                "scopeSpans": [{"scope": {"name": "bench"}, "spans": batch}]}]},
                separators=(",", ":")) + "\n")


def child_import(db_path: str, file: str) -> None:
    """Run in a child process: import twice, print timings and peak RSS as JSON."""
    from council.catalog.store import init_catalog
    from council.config import paths
    from council.db import open_db
    from council.usage.store import import_file

    db = open_db(db_path)
    catalog = init_catalog(db, paths().catalog_dir)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    first = import_file(db, file, catalog=catalog)
    first_s = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    again = import_file(db, file, catalog=catalog)
    again_s = time.perf_counter() - t
    print(json.dumps({"inserted": first.inserted, "first_s": first_s, "again_s": again_s,
                      "duplicates": again.duplicates, "base_rss_kb": base, "peak_rss_kb": peak,
                      "errors": first.error_count}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=1_000_000)
    parser.add_argument("--child-import", nargs=2, metavar=("DB", "FILE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_import:
        child_import(*args.child_import)
        return
    with tempfile.TemporaryDirectory() as tmp:
        spans_file, db_file = Path(tmp) / "spans.jsonl", Path(tmp) / "council.db"
        t = time.perf_counter()
        generate(spans_file, args.spans)
        gen_s = time.perf_counter() - t
        size = spans_file.stat().st_size
        out = subprocess.run([sys.executable, __file__, "--child-import", str(db_file),
                              str(spans_file)], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        child = json.loads(out.stdout.strip().splitlines()[-1])
        from council.catalog.store import CatalogStore
        from council.db import open_db
        from council.usage.report import build_report

        db = open_db(db_file)
        catalog = CatalogStore(db).current()
        t = time.perf_counter()
        report = build_report(db, catalog)
        cold = time.perf_counter() - t
        warm = []
        for _ in range(5):
            t = time.perf_counter()
            build_report(db, catalog)
            warm.append(time.perf_counter() - t)
        db_size = db_file.stat().st_size + sum(
            p.stat().st_size for p in Path(tmp).glob("council.db-*"))
    n = args.spans
    rows = [
        ("spans generated", f"{n:,} ({size / 1e6:,.0f} MB of OTLP/JSON, {gen_s:.0f} s)"),
        ("import, first time", f"{child['first_s']:.1f} s = {n / child['first_s']:,.0f} spans/s "
                               f"({child['inserted']:,} inserted, {child['errors']} refused)"),
        ("import, same file again", f"{child['again_s']:.1f} s ({child['duplicates']:,} "
                                    "duplicates, nothing added)"),
        ("import peak RSS", f"{child['peak_rss_kb'] / 1024:,.0f} MB (process before the "
                            f"import: {child['base_rss_kb'] / 1024:,.0f} MB)"),
        ("database after import", f"{db_size / 1e6:,.0f} MB"),
        ("report, 30 days, cold", f"{cold:.2f} s ({report.total.records:,} records, "
                                  f"{len(report.by_task)} tasks, {len(report.by_model)} models)"),
        ("report, 30 days, warm", f"median {statistics.median(warm):.2f} s "
                                  f"(min {min(warm):.2f}, max {max(warm):.2f})"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'what':{width}}  figure")
    for what, figure in rows:
        print(f"{what:{width}}  {figure}")


if __name__ == "__main__":
    main()
