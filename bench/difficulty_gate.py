"""Does a text come from the same source as its nearest outcome prompts? A calibrated gate.

The outcome kNN (council.assess.difficulty_knn) moves a text's difficulty toward the failure
rate of its nearest outcome prompts. That rate applies when those prompts are the text's own
kind (the same benchmark, the same template); it does not when they are merely the nearest
of another kind: with Winogrande held out, its nearest outcome prompts are ARC's, and their
vote took ARC's easier levels (docs/classifier.md, round 5).

The gate is P(my nearest outcome prompts share my source), a logistic model on statistics
of the text's similarities to its KNN_K nearest outcome prompts:

- `top1`, `mean`: the nearest cosine and the mean of the k nearest;
- `rel_top1`, `rel_mean`: the same minus the neighbours' own (each outcome prompt's nearest
  and mean-k cosine to the other outcome prompts, stored per prompt): a text of the
  neighbours' own template sits as close to them as they sit to each other, a text of
  another kind sits farther, whatever the space's absolute cosines;
- `agree`: the similarity-weighted share of the k nearest on their most common source.

It is fitted on the outcome prompts alone: each prompt once among all the others (the label:
the weighted share of its k nearest from its own source) and once with its own source left
out (label 0: what an unseen source looks like), plus the classifier's training descriptions
(label 0). One source only: no unseen source to learn from, so the gate is None.

Status: measured, never wired into the reading, so it lives with the benches, not in the
product package (it was council/assess/difficulty_gate.py until round 7). In
bench/difficulty_ablation.py (round 6, docs/classifier.md) it does what it is for: with the
scored benchmark held out the reading stays the head's (RouterBench +0.208 against the
head's +0.210, where the shipped kNN reads +0.098), at -0.002 (SE 0.001) on the 5-fold
RouterBench figure; but it failed the selection rule written before the run (5-fold
RouterBench +0.445 < 0.45), so council.assess.difficulty_knn is unchanged.
bench/difficulty.py reports it beside the shipped reading. To wire it: docs/classifier.md,
round 6 (what the artifact would need, and its cost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

# What a prompt read among all the others is labelled: the weighted share of its k nearest
# from its own source, or 1 ("seen": its source is in the fit).
Target = Literal["share", "seen"]
FEATURES = ("top1", "mean", "rel_top1", "rel_mean", "agree")
# Rows of the similarity matrix handled at a time when fitting (12,000 outcome prompts x
# 1,000 rows of float32 is 48 MB).
CHUNK = 1000


@dataclass(frozen=True)
class SourceGate:
    """A logistic model on FEATURES (coefficients on the raw features)."""

    coef: np.ndarray  # (len(FEATURES),)
    intercept: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = features @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))

    def as_array(self) -> np.ndarray:
        """Coefficients then the intercept: the artifact's `difficulty_gate` array."""
        return np.concatenate([self.coef, [self.intercept]]).astype(np.float64)

    @classmethod
    def from_array(cls, array: np.ndarray) -> SourceGate | None:
        """The gate stored by as_array; None for an empty array (no gate)."""
        array = np.asarray(array, dtype=np.float64)
        if not len(array):
            return None
        if array.shape != (len(FEATURES) + 1,):
            raise ValueError(f"a source gate has {len(FEATURES) + 1} numbers, not {array.shape}")
        return cls(array[:-1].copy(), float(array[-1]))


@dataclass(frozen=True)
class Neighbourhood:
    """Each outcome prompt's own neighbourhood: its nearest and mean-k cosine to the others."""

    top1: np.ndarray
    mean: np.ndarray

    def as_array(self) -> np.ndarray:
        return np.column_stack([self.top1, self.mean]).astype(np.float32)

    @classmethod
    def from_array(cls, array: np.ndarray) -> Neighbourhood:
        array = np.asarray(array, dtype=np.float64).reshape(-1, 2)
        return cls(array[:, 0].copy(), array[:, 1].copy())


def top_k(sim: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k largest similarities of each row, sorted descending, and their columns."""
    k = min(k, sim.shape[1])
    idx = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    near = np.take_along_axis(sim, idx, axis=1)
    order = np.argsort(-near, axis=1)
    return np.take_along_axis(near, order, axis=1), np.take_along_axis(idx, order, axis=1)


def softmax_weights(near: np.ndarray, scale: float) -> np.ndarray:
    """exp(similarity / scale), each row normalised to sum 1 (as the vote weighs them)."""
    w = np.exp((near - near.max(axis=1, keepdims=True)) / scale)
    return w / w.sum(axis=1, keepdims=True)


def gate_features(near: np.ndarray, idx: np.ndarray, own: Neighbourhood, groups: np.ndarray,
                  scale: float) -> np.ndarray:
    """FEATURES of each text from its k nearest outcome prompts (`near` sorted descending,
    `idx` their rows): texts x len(FEATURES)."""
    w = softmax_weights(near, scale)
    top1 = near[:, 0]
    mean = near.mean(axis=1)
    rel_top1 = top1 - (w * own.top1[idx]).sum(axis=1)
    rel_mean = mean - (w * own.mean[idx]).sum(axis=1)
    g = np.asarray(groups)[idx]
    agree = np.zeros(len(near))
    for value in np.unique(g):
        agree = np.maximum(agree, (w * (g == value)).sum(axis=1))
    return np.column_stack([top1, mean, rel_top1, rel_mean, agree])


def neighbourhood(reference: np.ndarray, k: int) -> Neighbourhood:
    """Each reference row's nearest and mean-k cosine to the other rows (unit rows)."""
    reference = np.asarray(reference, dtype=np.float32)
    n = len(reference)
    top1, mean = np.zeros(n), np.zeros(n)
    for start in range(0, n, CHUNK):
        rows = np.arange(start, min(start + CHUNK, n))
        sim = reference[rows] @ reference.T
        sim[np.arange(len(rows)), rows] = -np.inf
        near, _ = top_k(sim, min(k, n - 1))
        top1[rows], mean[rows] = near[:, 0], near.mean(axis=1)
    return Neighbourhood(top1, mean)


def training_rows(reference: np.ndarray, groups: np.ndarray, own: Neighbourhood,
                  descriptions: np.ndarray, k: int, scale: float, target: Target = "share"
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The gate's training rows and labels, as the module docstring says; `target` "seen"
    labels every prompt read among all the others 1 (its source is in the fit) instead of
    the weighted share of its k nearest from its own source."""
    reference = np.asarray(reference, dtype=np.float32)
    groups = np.asarray(groups)
    n = len(reference)
    feats: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for start in range(0, n, CHUNK):
        rows = np.arange(start, min(start + CHUNK, n))
        sim = reference[rows] @ reference.T
        sim[np.arange(len(rows)), rows] = -np.inf
        near, idx = top_k(sim, min(k, n - 1))
        feats.append(gate_features(near, idx, own, groups, scale))
        same = groups[idx] == groups[rows][:, None]
        labels.append((softmax_weights(near, scale) * same).sum(axis=1) if target == "share"
                      else np.ones(len(rows)))
        # the same prompts with their own source left out: an unseen source
        sim[groups[rows][:, None] == groups[None, :]] = -np.inf
        near, idx = top_k(sim, min(k, n - 1))
        seen = np.isfinite(near).all(axis=1)  # a source with fewer than k others: skipped
        feats.append(gate_features(near[seen], idx[seen], own, groups, scale))
        labels.append(np.zeros(int(seen.sum())))
    if len(descriptions):
        near, idx = top_k(np.asarray(descriptions, dtype=np.float32) @ reference.T, k)
        feats.append(gate_features(near, idx, own, groups, scale))
        labels.append(np.zeros(len(descriptions)))
    return np.vstack(feats), np.concatenate(labels)


def fit_source_gate(reference: np.ndarray, groups: np.ndarray, descriptions: np.ndarray,
                    k: int, scale: float, target: Target = "share"
                    ) -> tuple[SourceGate | None, Neighbourhood]:
    """The gate for these outcome prompts (unit rows, each with its source `groups`) and
    their neighbourhood; the gate is None with fewer than two sources."""
    from sklearn.linear_model import LogisticRegression

    own = neighbourhood(reference, k)
    if len(np.unique(groups)) < 2:
        return None, own
    x, y = training_rows(reference, groups, own, descriptions, k, scale, target)
    # Soft labels as two weighted rows each; the features standardised for the fit and the
    # coefficients mapped back onto the raw features.
    centre, spread = x.mean(axis=0), np.clip(x.std(axis=0), 1e-6, None)
    z = (x - centre) / spread
    model = LogisticRegression(C=1.0, max_iter=1000).fit(
        np.vstack([z, z]), np.concatenate([np.ones(len(y)), np.zeros(len(y))]),
        sample_weight=np.concatenate([y, 1.0 - y]) + 1e-9)
    coef = model.coef_[0] / spread
    return SourceGate(coef, float(model.intercept_[0] - (coef * centre).sum())), own
