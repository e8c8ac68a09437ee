"""What one call to a model will cost on a given prompt, predicted before the call.

A model's cost per answer varies per prompt: on RouterBench its coefficient of variation is
0.22-0.46. The prompt's tokens are paid at the input price and the answer's at the output
price, and the answer's length depends on the task (code is long, a letter choice short).
So, per model, a ridge regression of the real cost on what is known before the call: the
prompt's tokens (o200k_base, counted offline by council.tokens) and the text features the
success model reads (council.outcomes.reading.text_features: length, digits, code markers,
answer options, few-shot blocks). The intercept and the feature terms are the model's
expected output cost for such a prompt; the token term its input price. It is fitted on
training rows only; a prediction is never below the least cost that model was seen to charge
(a call is never free, and a linear fit can dip below zero on an unusual prompt).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from council.errors import InvalidInput
from council.outcomes.reading import FEATURES, text_features

INPUTS = ("prompt_tokens", *FEATURES)
MIN_ROWS = 20  # per model: fewer rows with a cost give its mean cost instead of a fit


def cost_inputs(texts: Sequence[str]) -> np.ndarray:
    """(n, 7) what is known before the call: prompt tokens, then the six text features."""
    from council.tokens import count_tokens

    tokens = np.array([count_tokens(t) for t in texts], dtype=np.float64)
    return np.concatenate([tokens[:, None], text_features(texts)], axis=1)


@dataclass(frozen=True)
class CallCostModel:
    """Per model: cost = intercept + coef . (inputs - mean) / scale, at least ``floor``."""

    models: tuple[str, ...]
    mean: np.ndarray  # (k,) standardisation of the inputs
    scale: np.ndarray  # (k,)
    coef: np.ndarray  # (M, k) dollars per standard deviation of each input
    intercept: np.ndarray  # (M,) dollars on an average training prompt
    floor: np.ndarray  # (M,) least cost seen in training

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """(n, M) predicted dollars per call for rows of ``cost_inputs``."""
        inputs = np.asarray(inputs, dtype=np.float64)
        if inputs.ndim != 2 or inputs.shape[1] != len(self.mean):
            raise InvalidInput(f"cost inputs must be (n, {len(self.mean)}) rows of "
                               f"{', '.join(INPUTS)}; got shape {inputs.shape}")
        z = (inputs - self.mean) / self.scale
        return np.maximum(self.intercept[None, :] + z @ self.coef.T, self.floor[None, :])

    def predict_texts(self, texts: Sequence[str]) -> np.ndarray:
        return self.predict(cost_inputs(texts))


def fit_call_cost(inputs: np.ndarray, cost: np.ndarray, models: Sequence[str],
                  l2: float = 1.0) -> CallCostModel:
    """Ridge per model (penalty ``l2`` per standardised input, intercept free) on the rows
    where that model's cost is known (finite, >= 0); under MIN_ROWS of them, its mean."""
    inputs, cost = np.asarray(inputs, dtype=np.float64), np.asarray(cost, dtype=np.float64)
    n, m = cost.shape if cost.ndim == 2 else (0, 0)
    if cost.ndim != 2 or m != len(models) or inputs.ndim != 2 or len(inputs) != n:
        raise InvalidInput(f"cost must be (rows, {len(models)} models) and inputs one row per "
                           f"cost row; got {cost.shape} and {inputs.shape}")
    if l2 < 0 or not np.isfinite(l2):
        raise InvalidInput(f"l2 must be a finite number >= 0, got {l2!r}")
    known = np.isfinite(cost) & (cost >= 0)
    if not known.any(0).all():
        missing = [models[j] for j in np.flatnonzero(~known.any(0))]
        raise InvalidInput(f"no known cost for {', '.join(missing)}: cannot predict its price")
    mean, scale = inputs.mean(0), inputs.std(0)
    scale = np.where(scale > 0, scale, 1.0)
    z = (inputs - mean) / scale
    k = z.shape[1]
    coef, intercept, floor = np.zeros((m, k)), np.zeros(m), np.zeros(m)
    for j in range(m):
        rows = known[:, j]
        c = cost[rows, j]
        floor[j] = c.min()
        if rows.sum() < MIN_ROWS:
            intercept[j] = c.mean()
            continue
        zj = z[rows]
        centre = zj.mean(0)
        zc = zj - centre
        coef[j] = np.linalg.solve(zc.T @ zc + l2 * np.eye(k), zc.T @ (c - c.mean()))
        intercept[j] = c.mean() - centre @ coef[j]
    return CallCostModel(tuple(models), mean, scale, coef, intercept, floor)
