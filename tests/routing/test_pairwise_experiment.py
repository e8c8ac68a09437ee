"""training/pairwise_experiment.py: the pairwise fit learns which model beats which on a text."""

from __future__ import annotations

import numpy as np

from training.pairwise_experiment import fit_pairwise, whiten


def test_pairwise_scores_order_the_models_by_the_text() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 6))
    # model 0 is right where x[:, 0] > 0, model 1 where it is not; model 2 always
    y = np.stack([x[:, 0] > 0, x[:, 0] <= 0, np.ones(400, dtype=bool)], 1).astype(int)
    z_train, z_test = whiten(x[:300], x[300:], k=6)
    w = fit_pairwise(z_train, y[:300], l2=1e-4)
    s = z_test @ w.T
    wins = (s[:, 0] > s[:, 1]) == (x[300:, 0] > 0)
    assert wins.mean() > 0.95
    assert (s[:, 2] >= s[:, :2].min(1)).all()  # never below both: it is never beaten
