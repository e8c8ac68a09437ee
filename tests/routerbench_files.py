"""Small RouterBench files for the route CLI tests: 56 training rows and a few prompts."""

from __future__ import annotations

import json
from pathlib import Path


def routerbench_files(shared_dir: Path, tmp_path: Path,
                      asked_rows: slice) -> tuple[Path, Path, list[dict]]:
    """(train.jsonl with every 40th outcome row, prompts.jsonl with the rows ``asked_rows``
    selects as {"id", "prompt"}, those rows) under ``tmp_path``."""
    lines = (shared_dir / "routing" / "routerbench" / "outcomes.jsonl").read_text().splitlines()
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(lines[::40]) + "\n")  # 56 rows
    prompts = tmp_path / "prompts.jsonl"
    asked = [json.loads(line) for line in lines[asked_rows]]
    prompts.write_text("".join(json.dumps({"id": r["id"], "prompt": r["prompt"]}) + "\n"
                               for r in asked))
    return train, prompts, asked
