"""Metrics for the classifier report: macro-F1, confusion, calibration, difficulty error."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np


def f1_by_label(truth: Sequence[str], predicted: Sequence[str],
                labels: Sequence[str]) -> dict[str, float]:
    """F1 of each label that occurs in truth or prediction."""
    present = [lab for lab in labels if lab in set(truth) | set(predicted)]
    scores = {}
    for lab in present:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == lab and p == lab)
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if t != lab and p == lab)
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == lab and p != lab)
        denom = 2 * tp + fp + fn
        scores[lab] = 2 * tp / denom if denom else 0.0
    return scores


def macro_f1(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean F1 over the labels that occur in truth or prediction."""
    scores = f1_by_label(truth, predicted, labels)
    return float(np.mean(list(scores.values()))) if scores else 0.0


def truth_as_accepted(predicted: Sequence[str], accepted: Sequence[Sequence[str]],
                      first: Sequence[str]) -> list[str]:
    """Each row's truth for an F1 that credits what accuracy credits: the prediction where it
    is one of the row's accepted labels, else the row's first label. A row with two accepted
    labels read as its second counts right in accuracy but twice wrong in first-label F1."""
    return [p if p in ok else f for p, ok, f in zip(predicted, accepted, first, strict=True)]


def confusion(truth: Sequence[str], predicted: Sequence[str],
              labels: Sequence[str]) -> list[list[int]]:
    """Rows are the true label, columns the predicted one, in `labels` order."""
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(truth, predicted, strict=True):
        matrix[index[t]][index[p]] += 1
    return matrix


def reliability(confidence: np.ndarray, correct: np.ndarray,
                bins: int = 10) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error over equal-width confidence bins, and the table behind it."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    table: list[dict[str, Any]] = []
    ece = 0.0
    n = len(confidence)
    for lo, hi in itertools.pairwise(edges):
        mask = (confidence > lo) & (confidence <= hi) if lo > 0 else (confidence <= hi)
        count = int(mask.sum())
        if not count:
            continue
        conf = float(confidence[mask].mean())
        acc = float(correct[mask].mean())
        ece += count / n * abs(conf - acc)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "count": count,
                      "mean_confidence": round(conf, 4), "accuracy": round(acc, 4)})
    return float(ece), table


def difficulty_metrics(truth: np.ndarray, mean: np.ndarray, sd: np.ndarray) -> dict[str, float]:
    """MAE of the mean, within-one accuracy of the rounded mean, and ±1 sd coverage."""
    error = np.abs(mean - truth)
    return {
        "mae": float(error.mean()),
        "within_one": float((np.abs(np.rint(mean) - truth) <= 1).mean()),
        "exact": float((np.rint(mean) == truth).mean()),
        "sd_mean": float(sd.mean()),
        "coverage_1sd": float((error <= sd).mean()),
    }
