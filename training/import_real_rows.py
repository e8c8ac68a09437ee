"""Copy the real prompts whose licence allows it into the training corpus.

Run: python training/import_real_rows.py --data ../shared/categories [--out DIR]

Reads `DATA/dev.jsonl` (rows `{"id", "source", "source_label", "prompt", "labels"}`) and
writes one `OUT/<source>.jsonl` per source, naming the source and its licence on every row.
Only rows whose licence (from `DATA/SOURCES.md`, copied into LICENCES below) is MIT,
Apache-2.0 or CC BY are copied; CC BY-SA and GPL rows stay in ../shared, for measurement only.
T0/PromptSource rows carry their dataset's licence, so they are decided per template.
Rows are copied as they are (the dev set already trimmed prompts to 4,000 characters).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

COPYABLE = ("MIT", "Apache-2.0", "CC BY 4.0")
# source -> licence, as SOURCES.md gives it.
LICENCES: dict[str, str] = {
    "gsm8k": "MIT",
    "humaneval": "MIT",
    "humanevalpack": "MIT",
    "odex": "CC BY-SA 4.0",
    "arena-hard-v2.0": "Apache-2.0",
    "self-instruct-seed": "Apache-2.0",
    "self-instruct-user": "Apache-2.0",
    "system-design-primer": "CC BY 4.0",
    "awesome-low-level-design": "GPL-3.0",
    "awesome-system-design-resources": "GPL-3.0",
    "banking77": "CC BY 4.0",
    "webarena": "Apache-2.0",
    "tau-bench": "MIT",
    "qmsum": "MIT",
    "leval": "GPL-3.0",
    "defog-sql-eval": "Apache-2.0",
}
# T0/PromptSource rows: the licence of the dataset behind the template (SOURCES.md, Notes).
T0_LICENCES: dict[str, str] = {
    "amazon_polarity": "Apache-2.0",
    "cnn_dailymail": "Apache-2.0",
    "quoref": "CC BY 4.0",
    "duorc": "MIT",
    "common_gen": "MIT",
    "commonsense_qa": "MIT",
    "dbpedia_14": "CC BY-SA 3.0",
    "wiki_bio": "CC BY-SA 3.0",
    "kilt_tasks_hotpotqa": "CC BY-SA 4.0",
}
T0_SOURCE = "t0-promptsource"


def licence_of(row: dict) -> str | None:
    """The licence a row is under, or None when SOURCES.md does not say."""
    if row["source"] == T0_SOURCE:
        label = row["source_label"]
        return next((lic for prefix, lic in T0_LICENCES.items() if label.startswith(prefix)),
                    None)
    return LICENCES.get(row["source"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with dev.jsonl")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).parent / "data" / "tasks" / "real")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.data / "dev.jsonl").open(encoding="utf-8")
            if line.strip()]
    by_source: dict[str, list[dict]] = {}
    kept, skipped = Counter(), Counter()
    for row in rows:
        licence = licence_of(row)
        if licence not in COPYABLE:
            skipped[f"{row['source']} ({licence})"] += 1
            continue
        kept[row["source"]] += 1
        by_source.setdefault(row["source"], []).append({
            "id": row["id"], "text": row["prompt"], "category": row["labels"][0],
            "labels": row["labels"], "difficulty": None, "split": "train",
            "source": row["source"], "source_label": row["source_label"], "licence": licence,
        })
    args.out.mkdir(parents=True, exist_ok=True)
    for source, out_rows in sorted(by_source.items()):
        path = args.out / f"{source}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for out in out_rows:
                handle.write(json.dumps(out, ensure_ascii=False) + "\n")
    print("copied:", dict(sorted(kept.items())), "total", sum(kept.values()))
    print("measurement only:", dict(sorted(skipped.items())), "total", sum(skipped.values()))


if __name__ == "__main__":
    main()
