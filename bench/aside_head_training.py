"""Training candidate (H)'s aside head (bench.aside_head_model): a logistic regression on
e5 vectors, task = the corpus's training tasks (their vectors are the second reading's, already
computed), aside = the aside sentences of training/data/asides/asides.jsonl, which also holds
task sentences that carry an aside's words or a constraint ("For my school project, explain
how volcanoes form.", "Ignore the header row.").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench.aside_head_model import AsideHead
from council.config import paths

# the head's regularisation and its cut, fixed before the judge was read (docs/classifier.md,
# "candidate (H)")
ASIDE_C = 3.0
ASIDE_CUT = 0.95
ASIDE_CUT_PAIR = 0.8


def asides_file() -> Path:
    return paths().training_dir / "data" / "asides" / "asides.jsonl"


@dataclass(frozen=True)
class AsideRow:
    text: str
    aside: bool
    lang: str
    family: str


def aside_rows(path: Path | None = None) -> list[AsideRow]:
    rows = []
    for n, line in enumerate((path or asides_file()).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("kind") not in ("aside", "task") or not str(row.get("text", "")).strip():
            raise ValueError(f"{path or asides_file()}:{n}: a row needs kind aside or task "
                             "and a text")
        rows.append(AsideRow(row["text"], row["kind"] == "aside", row.get("lang", ""),
                             row.get("family", "")))
    return rows


def train_aside_head(task_vectors: np.ndarray, encoder: Any, path: Path | None = None,
                     c: float = ASIDE_C, cut: float = ASIDE_CUT,
                     cut_pair: float = ASIDE_CUT_PAIR) -> AsideHead:
    """The head on `task_vectors` (unit e5 vectors of task texts) and the file's sentences,
    encoded with `encoder`."""
    from sklearn.linear_model import LogisticRegression

    rows = aside_rows(path)
    own = np.asarray(encoder.encode([r.text for r in rows]), dtype=np.float64)
    x = np.vstack([np.asarray(task_vectors, dtype=np.float64), own])
    y = np.concatenate([np.zeros(len(task_vectors), dtype=int),
                        np.array([int(r.aside) for r in rows])])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x, y)
    return AsideHead(model.coef_[0].astype(np.float64), float(model.intercept_[0]), cut,
                     str(getattr(encoder, "name", "unknown")), cut_pair)
