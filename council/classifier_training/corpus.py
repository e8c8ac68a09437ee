"""The labelled task corpus, read and fingerprinted.

Two kinds of file under the corpus folder (`training/data/tasks`):
- `<category>.jsonl`, written by the team: `{"id", "text", "category", "difficulty" 1-5,
  "split": "train"|"test", "note"?}`;
- `real/<source>.jsonl`, real prompts copied from a public set whose licence allows it
  (`training/import_real_rows.py`): the same fields plus `"source"`, `"licence"`,
  `"labels"` (every category a careful reader accepts; `category` is the first) and
  `"difficulty": null` where the source rates no difficulty (those rows train the category
  head only).
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
TEAM_SOURCE = "team"
REAL_DIR = "real"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    category: str
    difficulty: int | None  # None: the source rates no difficulty (category head only)
    split: str
    source: str = TEAM_SOURCE
    labels: tuple[str, ...] = ()  # acceptable categories; () means just `category`

    @property
    def accepted(self) -> tuple[str, ...]:
        return self.labels or (self.category,)


def default_data_dir() -> Path:
    """Where the team's labelled corpus lives."""
    return paths().training_dir / "data" / "tasks"


def corpus_files(data_dir: Path) -> list[Path]:
    """The corpus files in a stable order (the order matters for reproducibility): the team's
    files, then the copied real prompts under `real/`."""
    team = sorted(p for p in data_dir.glob("*.jsonl") if p.is_file())
    return team + sorted(p for p in (data_dir / REAL_DIR).glob("*.jsonl") if p.is_file())


def corpus_hash(data_dir: Path) -> str | None:
    """SHA-256 over file names and bytes; None when there is no corpus."""
    files = corpus_files(data_dir) if data_dir.is_dir() else []
    if not files:
        return None
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _parse_row(raw: str, where: str, real: bool) -> Example:
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
    if not (real and difficulty is None) and (
            isinstance(difficulty, bool) or not isinstance(difficulty, int)
            or not 1 <= difficulty <= 5):
        raise InvalidInput(f"{where}: 'difficulty' must be an integer 1-5"
                           f"{' or null' if real else ''}, got {difficulty!r}")
    if row["split"] not in SPLITS:
        raise InvalidInput(f"{where}: 'split' must be 'train' or 'test', got {row['split']!r}")
    source, labels = TEAM_SOURCE, ()
    if real:
        for key in ("source", "licence", "labels"):
            if not row.get(key):
                raise InvalidInput(f"{where}: a copied real prompt needs '{key}'")
        labels = row["labels"]
        if not isinstance(labels, list) or any(lab not in CATEGORY_KEYS for lab in labels) \
                or labels[0] != row["category"]:
            raise InvalidInput(f"{where}: 'labels' must list category keys, the first being "
                               f"'category' ({row['category']!r}), got {labels!r}")
        source, labels = str(row["source"]), tuple(labels)
    return Example(id=str(row["id"]), text=text, category=row["category"],
                   difficulty=difficulty, split=row["split"], source=source, labels=labels)


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
                example = _parse_row(raw, where, real=path.parent.name == REAL_DIR)
                if example.id in seen:
                    raise InvalidInput(f"{where}: duplicate id {example.id!r} "
                                       f"(first at {seen[example.id]})")
                seen[example.id] = where
                examples.append(example)
    return examples
