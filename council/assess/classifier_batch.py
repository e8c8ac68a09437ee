"""Classify a JSONL file of descriptions in streaming batches (`council assess`).

Memory is bounded by the batch size: rows are read, predicted and written batch by batch.
A bad row (invalid JSON, not an object, missing or empty "prompt") raises InvalidInput naming
the line, or with `skip_invalid` is skipped and listed in the summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from council.assess.classifier import LocalClassifier, LocalPrediction
from council.errors import InvalidInput
from council.jsonl import json_object


@dataclass
class AssessSummary:
    written: int = 0
    skipped: list[str] = field(default_factory=list)
    read_again: int = 0  # rows whose category the second encoder read


def record(row_id: Any, pred: LocalPrediction) -> dict[str, Any]:
    """One assessment as written (and as `council assess TEXT --json` prints it): the
    prediction's to_dict() under its id, its figures rounded."""
    return {"id": row_id, **pred.to_dict(),
            "category_p": {k: round(v, 6) for k, v in pred.category_p.items()},
            "difficulty": round(pred.difficulty, 4),
            "difficulty_sd": round(pred.difficulty_sd, 4)}


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            count += block.count(b"\n")
    return count


def _parse(raw: str, where: str) -> tuple[Any, str]:
    row = json_object(raw, where, shape="a JSON object with 'id' and 'prompt'")
    if "id" not in row:
        raise InvalidInput(f"{where}: missing 'id'")
    prompt = row.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidInput(f"{where}: missing or empty 'prompt'")
    return row["id"], prompt


def _rows(path: Path, skip_invalid: bool,
          summary: AssessSummary) -> Iterator[tuple[Any, str]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield _parse(raw, f"{path}:{number}")
            except InvalidInput as exc:
                if not skip_invalid:
                    raise
                summary.skipped.append(str(exc))


def assess_file(classifier: LocalClassifier, input_path: Path, output_path: Path, *,
                batch_size: int = 256, skip_invalid: bool = False,
                progress: bool = False) -> AssessSummary:
    """Write one assessment row per input row; returns counts and skipped lines."""
    from tqdm import tqdm

    if not output_path.parent.is_dir():
        raise InvalidInput(f"cannot write {output_path}: folder {output_path.parent} "
                           "does not exist")
    summary = AssessSummary()
    total = _count_lines(input_path)
    with output_path.open("w", encoding="utf-8") as out, \
            tqdm(total=total, unit="row", disable=not progress, desc="assess") as bar:
        batch: list[tuple[Any, str]] = []

        def flush() -> None:
            predictions = classifier.predict([p for _, p in batch])
            for (row_id, _), pred in zip(batch, predictions, strict=True):
                out.write(json.dumps(record(row_id, pred), ensure_ascii=False) + "\n")
                summary.read_again += bool(pred.reading and pred.reading.read_again)
            summary.written += len(batch)
            bar.update(len(batch))
            batch.clear()

        for item in _rows(input_path, skip_invalid, summary):
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        bar.n = total
        bar.refresh()
    return summary
