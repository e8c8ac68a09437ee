"""bench/difficulty_ablation.py's shared machinery on synthetic vectors (no encoder, no data)."""

from __future__ import annotations

import numpy as np

from council.assess.difficulty_knn import knn_difficulty
from tests.bench_modules import load_bench

ablation = load_bench("difficulty_ablation")


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def test_per_split_reads_every_prompt_from_a_fit_that_never_saw_it():
    n = 12
    order = np.random.default_rng(3).permutation(n)
    parts = {"fold": [(order[k::3], np.setdiff1d(np.arange(n), order[k::3])) for k in range(3)],
             "bench": [(np.arange(0, 5), np.arange(5, n)), (np.arange(5, n), np.arange(0, 5))]}
    levels = {split: [np.full(len(keep), 10.0 * (i + 1)) for i, (_h, keep) in enumerate(ps)]
              for split, ps in parts.items()}
    folds = ablation.Folds(parts, levels, n)
    seen: list[tuple[str, set, set]] = []

    def read(split, held, keep, lv):
        seen.append((split, set(held.tolist()), set(keep.tolist())))
        return lv[0] + held  # which fit read it, and which row

    out = folds.per_split(read)
    assert set(out) == {"fold", "bench"}
    assert all(not held & keep for _s, held, keep in seen)
    assert len(seen) == 5
    for split, ps in parts.items():
        for i, (held, _keep) in enumerate(ps):
            np.testing.assert_array_equal(out[split][held], 10.0 * (i + 1) + held)


def test_the_bench_gated_knn_is_the_shipped_reading():
    """gated_vote + gated_move over outcome prompts and descriptions pooled give what
    council.assess.difficulty_knn ships, so the ablation's baseline is the real reading."""
    rng = np.random.default_rng(0)
    # Benchmark prompts and descriptions as two clusters, as in the real spaces.
    centre = np.eye(16)[:2] * 2.0
    outcome = _unit(rng.normal(size=(300, 16)) + centre[0])
    own = _unit(rng.normal(size=(120, 16)) + centre[1])
    # Queries near outcome prompts, near descriptions, and in between: gates across 0..1.
    query = _unit(np.vstack([outcome[:20] + 0.3 * rng.normal(size=(20, 16)),
                             own[:20] + 0.3 * rng.normal(size=(20, 16)),
                             rng.normal(size=(20, 16))]))
    levels = rng.uniform(1, 5, size=300)
    head = rng.uniform(1, 5, size=60)
    y_own = rng.uniform(1, 5, 120)
    vote, gate = ablation.gated_vote(query, outcome, own, levels, y_own, 50)
    assert gate[:20].mean() > 0.7 and gate[20:40].mean() < 0.4  # the gate spans the range
    bench = ablation.gated_move(head, vote, gate, 0.5)
    shipped = knn_difficulty(head, query @ outcome.T, levels, query @ own.T, 0.5, 50)
    np.testing.assert_allclose(bench, shipped, atol=1e-9)
    np.testing.assert_allclose(ablation.gate_of(query, outcome, own, 50), gate, atol=1e-12)
    # gated_variant: the same move out of fold (two halves) and on held-out rows
    halves = [(np.arange(150), np.arange(150, 300)), (np.arange(150, 300), np.arange(150))]
    folds = ablation.Folds({"fold": halves}, {"fold": [levels[keep] for _h, keep in halves]},
                           300)
    base = rng.uniform(1, 5, size=300)
    per, rubric = ablation.gated_variant(folds, {"fold": base}, head, outcome, own, query,
                                         levels, y_own, 50, 0.5)
    np.testing.assert_allclose(rubric, shipped, atol=1e-9)
    for held, keep in halves:
        np.testing.assert_allclose(per["fold"][held], knn_difficulty(
            base[held], outcome[held] @ outcome[keep].T, levels[keep], outcome[held] @ own.T,
            0.5, 50), atol=1e-9)


def test_the_grid_scale_and_the_floor_diagnostic():
    """gated_variant's scale is the softmax scale (a larger one spreads the weight: the gate
    of a query between the clusters moves), and a floor above every cosine closes the gate,
    so the reading is the base's; a floor below every cosine changes nothing."""
    rng = np.random.default_rng(1)
    centre = np.eye(16)[:2] * 2.0
    outcome = _unit(rng.normal(size=(200, 16)) + centre[0])
    own = _unit(rng.normal(size=(80, 16)) + centre[1])
    query = _unit(rng.normal(size=(30, 16)))
    levels = rng.uniform(1, 5, size=200)
    y_own = rng.uniform(1, 5, 80)
    _v, sharp = ablation.gated_vote(query, outcome, own, levels, y_own, 50, 0.05)
    _v, soft = ablation.gated_vote(query, outcome, own, levels, y_own, 50, 0.2)
    assert np.abs(sharp - soft).max() > 0.05
    halves = [(np.arange(100), np.arange(100, 200)), (np.arange(100, 200), np.arange(100))]
    folds = ablation.Folds({"fold": halves}, {"fold": [levels[keep] for _h, keep in halves]},
                           200)
    base = rng.uniform(1, 5, size=200)
    head = rng.uniform(1, 5, size=30)
    args = (folds, {"fold": base}, head, outcome, own, query, levels, y_own, 50, 0.5, 0.1)
    closed, closed_rubric = ablation.gated_variant(*args, floor=1.01)
    np.testing.assert_allclose(closed["fold"], base)
    np.testing.assert_allclose(closed_rubric, head)
    open_, open_rubric = ablation.gated_variant(*args, floor=-1.01)
    plain, plain_rubric = ablation.gated_variant(*args)
    np.testing.assert_allclose(open_["fold"], plain["fold"])
    np.testing.assert_allclose(open_rubric, plain_rubric)
    assert np.abs(plain["fold"] - base).max() > 0.01
