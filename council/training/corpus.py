"""The labelled task corpus: `training/data/tasks/<category>.jsonl`, read and fingerprinted.

Rows are `{"id", "text", "category", "difficulty" 1-5, "split": "train"|"test", "note"?}`.
A malformed row is an error naming file and line: training on silently dropped data would
make the report describe a model nobody asked for.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from council.categories import CATEGORY_KEYS
from council.config import paths
from council.errors import InvalidInput
from council.jsonl import json_object

SPLITS = ("train", "test")


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    category: str
    difficulty: int
    split: str


def default_data_dir() -> Path:
    """Where the team's labelled corpus lives."""
    return paths().training_dir / "data" / "tasks"


def corpus_files(data_dir: Path) -> list[Path]:
    """The corpus files in a stable order (the order matters for reproducibility)."""
    return sorted(p for p in data_dir.glob("*.jsonl") if p.is_file())


def corpus_hash(data_dir: Path) -> str | None:
    """SHA-256 over file names and bytes; None when there is no corpus."""
    files = corpus_files(data_dir) if data_dir.is_dir() else []
    if not files:
        return None
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _parse_row(raw: str, where: str) -> Example:
    row = json_object(raw, where)
    missing = [k for k in ("id", "text", "category", "difficulty", "split") if k not in row]
    if missing:
        raise InvalidInput(f"{where}: missing field(s) {', '.join(missing)}")
    text = row["text"]
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(f"{where}: 'text' must be a non-empty string")
    if row["category"] not in CATEGORY_KEYS:
        raise InvalidInput(f"{where}: unknown category {row['category']!r}")
    difficulty = row["difficulty"]
    if isinstance(difficulty, bool) or not isinstance(difficulty, int) or not 1 <= difficulty <= 5:
        raise InvalidInput(f"{where}: 'difficulty' must be an integer 1-5, got {difficulty!r}")
    if row["split"] not in SPLITS:
        raise InvalidInput(f"{where}: 'split' must be 'train' or 'test', got {row['split']!r}")
    return Example(id=str(row["id"]), text=text, category=row["category"],
                   difficulty=difficulty, split=row["split"])


def load_corpus(data_dir: Path) -> list[Example]:
    """Every row of every corpus file; InvalidInput naming file and line for a bad row."""
    files = corpus_files(data_dir) if data_dir.is_dir() else []
    if not files:
        raise InvalidInput(f"no training data: no *.jsonl files in {data_dir}")
    examples: list[Example] = []
    seen: dict[str, str] = {}
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                where = f"{path}:{number}"
                example = _parse_row(raw, where)
                if example.id in seen:
                    raise InvalidInput(f"{where}: duplicate id {example.id!r} "
                                       f"(first at {seen[example.id]})")
                seen[example.id] = where
                examples.append(example)
    return examples
