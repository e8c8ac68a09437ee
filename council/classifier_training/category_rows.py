"""The category head's training rows: each example once per category its source accepts.

Used by the head (council.classifier_training.classifier) and by the fine-tune of MiniLM's top
layers (council.classifier_training.finetune), so both learn the same soft targets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from council.classifier_training.corpus import TEAM_SOURCE, Example

# Copied real prompts: a source's rows count together as at most this many rows, so one large
# source (arena-hard: 677 rows) does not outweigh the team's ~120 rows per category.
REAL_SOURCE_WEIGHT = 300.0


@dataclass(frozen=True)
class CategoryRows:
    """The category head's training rows: one per accepted label of each example, weighted.

    A row whose source accepts k categories becomes k rows of weight w/k, so the head learns
    that such a text is split between them. `origin` maps each row back to its example.
    """

    origin: np.ndarray
    y: np.ndarray
    weight: np.ndarray


def category_rows(examples: Sequence[Example], real_weight: float = REAL_SOURCE_WEIGHT,
                  multi_label: bool = True) -> CategoryRows:
    per_source: dict[str, int] = {}
    for e in examples:
        per_source[e.source] = per_source.get(e.source, 0) + 1
    origin, y, weight = [], [], []
    for i, e in enumerate(examples):
        w = 1.0 if e.source == TEAM_SOURCE else min(1.0, real_weight / per_source[e.source])
        labels = e.accepted if multi_label else (e.category,)
        for label in labels:
            origin.append(i)
            y.append(label)
            weight.append(w / len(labels))
    return CategoryRows(np.asarray(origin, dtype=int), np.asarray(y),
                        np.asarray(weight, dtype=np.float64))
