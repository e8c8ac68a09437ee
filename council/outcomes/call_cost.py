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

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from council.errors import ArtifactError, InvalidInput
from council.outcomes.reading import FEATURES, text_features

INPUTS = ("prompt_tokens", *FEATURES)
FILE = "call_cost.npz"  # beside the success model in a `council route train` artifact
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
    train_mean: np.ndarray  # (M,) mean cost per call in training

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

    def shape(self, texts: Sequence[str], models: Sequence[str]) -> np.ndarray:
        """(n, len(models)) each prompt's predicted cost over the model's mean cost in
        training: 1 is an average prompt. A per-call price times this is a per-prompt price."""
        missing = [m for m in models if m not in self.models]
        if missing:
            raise ArtifactError(f"the cost model has no {', '.join(missing)}")
        cols = [self.models.index(m) for m in models]
        mean = self.train_mean[cols][None, :]
        return np.where(mean > 0, self.predict_texts(texts)[:, cols] / np.where(mean > 0, mean, 1),
                        1.0)

    def save(self, out_dir: Path) -> None:
        np.savez(Path(out_dir) / FILE, models=np.array(json.dumps(list(self.models))),
                 mean=self.mean, scale=self.scale, coef=self.coef, intercept=self.intercept,
                 floor=self.floor, train_mean=self.train_mean)

    @classmethod
    def load(cls, model_dir: Path) -> CallCostModel | None:
        """The artifact's cost model; None if it has none (its outcomes carried no cost)."""
        path = Path(model_dir) / FILE
        if not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as z:
                model = cls(tuple(json.loads(str(z["models"]))), *(
                    np.asarray(z[k], dtype=np.float64) for k in
                    ("mean", "scale", "coef", "intercept", "floor", "train_mean")))
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
            raise ArtifactError(f"{path} is corrupt: {exc}") from exc
        m, k = len(model.models), len(INPUTS)
        if (model.coef.shape != (m, k) or model.mean.shape != (k,) or model.scale.shape != (k,)
                or any(a.shape != (m,) for a in (model.intercept, model.floor, model.train_mean))
                or not (model.train_mean >= 0).all()):
            raise ArtifactError(f"{path} is corrupt: arrays do not match {m} models")
        return model


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
    train_mean = np.zeros(m)
    for j in range(m):
        rows = known[:, j]
        c = cost[rows, j]
        floor[j], train_mean[j] = c.min(), c.mean()
        if rows.sum() < MIN_ROWS:
            intercept[j] = c.mean()
            continue
        zj = z[rows]
        centre = zj.mean(0)
        zc = zj - centre
        coef[j] = np.linalg.solve(zc.T @ zc + l2 * np.eye(k), zc.T @ (c - c.mean()))
        intercept[j] = c.mean() - centre @ coef[j]
    return CallCostModel(tuple(models), mean, scale, coef, intercept, floor, train_mean)
