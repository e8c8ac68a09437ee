"""Difficulty read from outcomes: the share of models that fail a prompt, on the rubric's scale.

Where outcome data exists (`council train --outcomes FILE`), the classifier's difficulty head
learns from it beside the rubric-labelled rows. A prompt that every model answers is level 1
(the rubric: "almost any model gets it right"); one that every model fails is level 5 ("even
the strongest models usually fail"); in between the failure share maps linearly. The rubric
rows keep their labels and most of the weight, so the scale keeps its anchor: one scale.

The zero point is the rubric's: per outcome file, the mapped levels are shifted so their mean
equals the rubric-only head's mean reading of the same prompts (as the success model's scale
is anchored: council.outcomes.anchoring). Failure then orders the prompts; the rubric says
where the file sits on the scale. Without the shift a benchmark whose items most models pass
would pull every reading toward level 2.

The head is a 5-level distribution, so a prompt mapped to 3.4 becomes two weighted rows:
level 3 with weight 0.6 and level 4 with weight 0.4 (its expected level is 3.4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The outcome rows together weigh this much relative to the rubric rows (bench/difficulty.py:
# RouterBench Spearman +0.39 at 1, +0.41 at 2; MMLU/GSM8K +0.26 and +0.29). Each row weighs at
# most 1, so with the shared files (more prompts than twice the rubric rows) 4 and 8 give
# the same head as 2 (bench/difficulty_ablation.py). The artifact also keeps the prompts for
# a kNN vote on top of the head (council.assess.difficulty_knn).
OUTCOME_SHARE = 2.0


@dataclass(frozen=True)
class OutcomeLevels:
    """One row per prompt with outcomes: its text, source and level on the 1-5 scale."""

    texts: list[str]
    sources: list[str]
    failure_share: np.ndarray
    models: np.ndarray  # how many models answered each prompt
    files: np.ndarray  # which outcome file each prompt came from (0, 1, ...)

    @property
    def levels(self) -> np.ndarray:
        return failure_to_level(self.failure_share)

    def subset(self, index: np.ndarray) -> OutcomeLevels:
        return OutcomeLevels([self.texts[i] for i in index], [self.sources[i] for i in index],
                             self.failure_share[index], self.models[index],
                             self.files[index])

    def __len__(self) -> int:
        return len(self.texts)


def source_group(source: str) -> str:
    """The benchmark a prompt's source names, its template (what the source gate of
    bench/difficulty_gate.py asks about): mmlu/abstract_algebra -> mmlu;
    routerbench/arc-challenge -> arc-challenge (RouterBench's file names the benchmark
    second); a source without a slash is its own group."""
    parts = source.split("/")
    return parts[1] if parts[0] == "routerbench" and len(parts) > 1 else parts[0]


def failure_to_level(share: np.ndarray) -> np.ndarray:
    """All succeed -> 1, all fail -> 5, linear between."""
    return 1.0 + 4.0 * np.asarray(share, dtype=np.float64)


def load_outcome_levels(paths: Sequence[Path]) -> OutcomeLevels:
    """Every prompt of the outcome files (council.outcomes.rows validates them)."""
    from council.outcomes.rows import load_table

    texts: list[str] = []
    sources: list[str] = []
    share: list[float] = []
    models: list[int] = []
    files: list[int] = []
    for number, path in enumerate(paths):
        table = load_table(Path(path))
        seen = table.y >= 0
        answered = seen.sum(axis=1)
        failed = ((table.y == 0) & seen).sum(axis=1)
        for i in np.flatnonzero(answered > 0):
            texts.append(table.prompts[i])
            sources.append(table.sources[i])
            share.append(failed[i] / answered[i])
            models.append(int(answered[i]))
            files.append(number)
    return OutcomeLevels(texts, sources, np.asarray(share), np.asarray(models),
                         np.asarray(files, dtype=int))


def anchored_levels(levels: np.ndarray, files: np.ndarray,
                    rubric_reading: np.ndarray) -> np.ndarray:
    """`levels` shifted per file so each file's mean is the rubric-only reading's mean."""
    out = np.asarray(levels, dtype=np.float64).copy()
    for f in np.unique(files):
        mine = files == f
        out[mine] += rubric_reading[mine].mean() - out[mine].mean()
    return np.clip(out, 1.0, 5.0)


@dataclass(frozen=True)
class LevelRows:
    """Weighted training rows for the 5-level head: `origin` indexes the outcome prompts."""

    origin: np.ndarray
    y: np.ndarray
    weight: np.ndarray


def level_rows(levels: np.ndarray, rubric_rows: int,
               share: float = OUTCOME_SHARE) -> LevelRows:
    """Each prompt as its two neighbouring levels, weighted so that all outcome rows together
    weigh `share` times the `rubric_rows`."""
    levels = np.clip(np.asarray(levels, dtype=np.float64), 1.0, 5.0)
    per_row = min(1.0, share * rubric_rows / max(len(levels), 1))
    low = np.floor(levels).astype(int)
    frac = levels - low
    high = np.minimum(low + 1, 5)
    index = np.arange(len(levels))
    origin = np.concatenate([index, index])
    y = np.concatenate([low, high])
    weight = per_row * np.concatenate([1.0 - frac, frac])
    keep = weight > 0
    return LevelRows(origin[keep], y[keep], weight[keep])
