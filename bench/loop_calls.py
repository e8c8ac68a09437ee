"""Calls per task from the category mix, with and without a sign of the loop, on real prompts.

    python bench/loop_calls.py [--shared DIR] [--readings FILE]

Each of the real prompts of DIR/categories/dev.jsonl (3,936, each with its gold category
labels) is read by the local classifier (its distribution; through the embedding cache, so a
second run is fast; --readings keeps them in FILE and reads them back) and the workload
reader. For each, the default calls per task of its mix (``council.workload``) is computed
as before QA round 11 (every category's default calls, agentic's 15 and customer support's
4 included) and as now (in a batch-fit task, a loop category with no sign of its loop in
the words and under AGENT_SHARE in the council's reading counts as one call:
``workload.unsigned_loops``). The descriptions of the phrase files (bench/workload_reader.py's
FILES, each labelled with the loop a person reads, if any) are read the same way: a row with
a loop whose calls fall is the rule's error.

Printed: for each loop category, the prompts whose calls fall because of it, split by
whether their gold labels hold that category (a fall on a prompt labelled with it is the
rule's cost, one without it the misreading it removes), and how many prompts take more
than one call before and after; then the phrase rows whose calls fall, with and without a
person's loop. The shipping rule (docs/recommendation.md, QA round 11): a category's rule
ships if the falls without its label are at least twice those with it (or none are labelled)
and no phrase row with a loop loses calls.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from council.task_mix import read_task  # noqa: E402
from council.workload import (  # noqa: E402
    LOOP_CATEGORIES,
    mixed_defaults,
    task_defaults_mix,
    unsigned_loops,
)


def classify(prompts: list[str]) -> list[dict]:
    """The local classifier's category and distribution of each prompt (embedding cache)."""
    from council.assess.encoder import CachedEncoder
    from council.classifier_loader import ensure_classifier
    from council.config import paths

    c = ensure_classifier(paths().classifier_artifact)
    c._encoder = CachedEncoder(c.encoder, paths().embedding_cache)
    if c.second is not None:
        c.second._encoder = CachedEncoder(c.second.encoder, paths().embedding_cache)
    out = []
    for i in range(0, len(prompts), 128):
        out += [{"category": p.category, "category_p": p.category_p}
                for p in c.predict(prompts[i:i + 128])]
    return out


def falls(text: str, got: dict) -> tuple[int, int, tuple[str, ...]]:
    """Calls before and after, and the loop categories whose calls each fall alone lowers."""
    reading = read_task(text, got["category"], got["category_p"])
    if reading.words.calls_per_task is not None:  # a stated number wins either way
        return 1, 1, ()
    weights = task_defaults_mix(got["category"], reading)
    before = mixed_defaults(weights).calls_per_task
    one_call = unsigned_loops(weights, reading)
    after = mixed_defaults(weights, None, one_call).calls_per_task
    return before, after, tuple(c for c in one_call
                                if mixed_defaults(weights, None, (c,)).calls_per_task < before)


def phrase_table() -> None:
    """The phrase files' rows whose calls fall, by whether a person reads a loop there."""
    sys.path.insert(0, str(ROOT / "bench"))
    from workload_reader import FILES

    rows = [json.loads(line) for name in FILES
            for line in (ROOT / "tests" / "data" / name).open(encoding="utf-8")]
    fell = {"a loop": [], "no loop": []}
    for row, got in zip(rows, classify([r["text"] for r in rows]), strict=True):
        before, after, _ = falls(row["text"], got)
        if after < before:
            fell["a loop" if row.get("loop") else "no loop"].append(
                f"{row['text'][:70]!r}: {before} -> {after}")
    print(f"\n{len(rows)} phrase rows (the classifier's reading): calls fall on "
          f"{len(fell['no loop'])} a person reads no loop in, {len(fell['a loop'])} with one")
    for where, texts in fell.items():
        for t in texts:
            print(f"- ({where}) {t}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=os.environ.get("COUNCIL_SHARED"))
    parser.add_argument("--readings", type=Path,
                        help="the classifier's readings: read from FILE if it exists, else "
                             "written to it (keep it outside the repository)")
    args = parser.parse_args()
    if args.shared is None:
        parser.error("--shared DIR (or COUNCIL_SHARED) is needed: DIR/categories/dev.jsonl")
    rows = [json.loads(line) for line in
            (args.shared / "categories" / "dev.jsonl").open(encoding="utf-8")]
    prompts = [r["prompt"] for r in rows]
    if args.readings is not None and args.readings.exists():
        readings = [json.loads(line) for line in args.readings.open(encoding="utf-8")]
    else:
        readings = classify(prompts)
        if args.readings is not None:
            args.readings.write_text("".join(json.dumps(r) + "\n" for r in readings),
                                     encoding="utf-8")
    fell = {c: {"labelled": 0, "not labelled": 0} for c in LOOP_CATEGORIES}
    multi = {"before": 0, "after": 0}
    for row, prompt, got in zip(rows, prompts, readings, strict=True):
        before, after, lowered = falls(prompt, got)
        multi["before"] += before > 1
        multi["after"] += after > 1
        for c in lowered:
            fell[c]["labelled" if c in row["labels"] else "not labelled"] += 1
    print(f"{len(rows):,} real prompts (dev.jsonl, gold labels); calls per task from the mix\n")
    print("| loop category | calls fall: prompt labelled with it | not labelled | ratio | "
          "ships (>= 2) |")
    print("|---|---|---|---|---|")
    for c, n in fell.items():
        ratio = n["not labelled"] / n["labelled"] if n["labelled"] else float("inf")
        print(f"| {c} | {n['labelled']} | {n['not labelled']} | {ratio:.1f} | "
              f"{'yes' if ratio >= 2 else 'no'} |")
    print(f"\nprompts taking more than one call: {multi['before']:,} before, "
          f"{multi['after']:,} after")
    phrase_table()


if __name__ == "__main__":
    main()
