"""How much of the success model the training rows can carry, chosen on inner folds of them.

The configured fit reads 32 whitened principal components of the embedding. On a hundred
rows the small, noisy components weigh as much as the real ones and the fit is worse on new
prompts than each model's base rate (docs/routing.md, "Small samples, session 18"). So the
number of components is chosen first, by log-loss on ``INNER_FOLDS`` inner folds of the
training rows (never a row the model is judged on): none (each model's base rate), 2, 4, 8,
16 or the configured number, each with the kNN term and the text features as the
configuration has them for that many rows, without the boosted trees (their weight is chosen
on their own inner folds in the final fit). The winner is refitted on all rows, and the
artifact records the choice and every candidate's inner score (``meta["selection"]``), which
`council route train` and `council train` print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np

from council.errors import InvalidInput
from council.outcomes.success_model import (
    ANCHOR_MEAN,
    LEVEL_LOGITS,
    FitConfig,
    SuccessModel,
    fit_success_model,
)

INNER_FOLDS = 3
LADDER = (2, 4, 8, 16)  # fewer components tried below the configured number
BASE_RATE = "base rate"
MIN_ROWS = 30  # fewer rows: no inner folds, the configured fit as it is
# From this many rows the configured fit is used as it is: on seeds 5-9 it was the better one
# from 1,000 rows up on both shared files (by 0.0004-0.0005 Brier), and the choice, run at
# full size, cost 0.0006 Brier on RouterBench and 0.007 APGR on MMLU/GSM8K (docs/routing.md,
# "Small samples, session 18": a gate placed by the lead after that judge was read).
MAX_ROWS = 1_000


@dataclass(frozen=True)
class Selection:
    """Which fit was chosen and why: each candidate's mean log-loss on the inner folds."""

    components: int  # 0: each model's base rate
    inner_log_loss: dict[str, float]  # candidate name -> mean log-loss on the inner folds
    folds: int
    note: str = ""

    @property
    def chosen(self) -> str:
        return _name(self.components)

    def summary(self) -> str:
        if not self.inner_log_loss:
            return f"fit: {self.chosen} ({self.note})"
        scores = ", ".join(f"{k} {v:.4f}" for k, v in self.inner_log_loss.items())
        return (f"fit chosen on {self.folds} inner folds of the training rows: {self.chosen} "
                f"(log-loss {scores})")

    @classmethod
    def from_meta(cls, meta: dict) -> Selection | None:
        found = meta.get("selection")
        return cls(**found) if isinstance(found, dict) else None


def _name(components: int) -> str:
    if components == 0:
        return BASE_RATE
    return f"{components} component{'s' if components > 1 else ''}"


def candidates(config: FitConfig, rows: int, dim: int) -> list[int]:
    """Component counts to try: 0 (the base rate), the ladder below the configured number,
    and the configured number (as the fit caps it: below the rows and the dimension)."""
    top = max(1, min(config.components, dim, rows - 1))
    return [0, *(k for k in LADDER if k < top), top]


def base_rate_model(y: np.ndarray, models: Sequence[str], encoder_name: str,
                    dim: int) -> SuccessModel:
    """Each model's training success rate for every text: a difficulty that is the same for
    all texts (the scale's mean) and skills that give exactly those rates."""
    seen = y >= 0
    rates = np.where(seen, y, 0).sum(0) / np.maximum(seen.sum(0), 1)
    if not ((rates > 0) & (rates < 1)).all():
        raise InvalidInput("every model needs both successes and failures to be learned")
    m = len(models)
    return SuccessModel(
        models=list(models), w=np.zeros(dim), c=ANCHOR_MEAN, a=np.full(m, LEVEL_LOGITS),
        skill=ANCHOR_MEAN + np.log(rates / (1 - rates)) / LEVEL_LOGITS, v=np.zeros((m, dim)),
        vf=np.zeros((m, 0)),
        encoder_name=encoder_name,
        base_rate={mm: float(r) for mm, r in zip(models, rates, strict=True)},
        meta={"train_rows": len(y),
              "fit": {"components": 0, "text_features": False, "knn_weight": 0.0,
                      "tree_weight": 0.0},
              "anchor": {"mean": ANCHOR_MEAN, "level_logits": LEVEL_LOGITS, "sd": 0.0}})


def _row_losses(logits: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each row's log-loss summed over its observed cells."""
    p = np.clip(1.0 / (1.0 + np.exp(-np.clip(logits, -40, 40))), 1e-6, 1 - 1e-6)
    return np.where(y == 1, -np.log(p), np.where(y == 0, -np.log(1 - p), 0.0)).sum(1)


def _fit(components: int, x: np.ndarray, y: np.ndarray, models: Sequence[str],
         encoder_name: str, config: FitConfig, texts: Sequence[str] | None) -> SuccessModel:
    if components == 0:
        return base_rate_model(y, models, encoder_name, x.shape[1])
    return fit_success_model(x, y, models, encoder_name,
                             replace(config, components=components), texts=texts)


def choose(x: np.ndarray, y: np.ndarray, models: Sequence[str], encoder_name: str,
           config: FitConfig, texts: Sequence[str] | None = None,
           max_rows: int | None = None) -> Selection:
    """Score every candidate on the same inner folds. The fewest components whose mean
    log-loss is within one standard error of the best one's wins (the error of the paired
    per-row difference): on a few rows the inner folds are noisy too, and the simpler fit
    is the safer bet when the data cannot tell them apart."""
    n = len(x)
    max_rows = MAX_ROWS if max_rows is None else max_rows
    ks = candidates(config, n, x.shape[1])
    if n < MIN_ROWS:
        return Selection(ks[-1], {}, 0, f"fewer than {MIN_ROWS} rows: no inner folds")
    if n >= max_rows:
        return Selection(ks[-1], {}, 0, f"{n:,} rows: the configured fit (the choice runs "
                                        f"below {max_rows:,})")
    fold = np.random.default_rng(config.seed + 11).permutation(n) % INNER_FOLDS
    inner = replace(config, trees=False)
    logits = {k: np.zeros(y.shape) for k in ks}
    for g in range(INNER_FOLDS):
        i, o = np.flatnonzero(fold != g), np.flatnonzero(fold == g)
        texts_i = [texts[j] for j in i] if texts is not None else None
        texts_o = [texts[j] for j in o] if texts is not None else None
        for k in ks:
            try:
                sub = _fit(k, x[i], y[i], models, encoder_name, inner, texts_i)
            except InvalidInput:  # a model with one class in this fold's training rows
                return Selection(ks[-1], {}, 0, "a model has one outcome class in an inner fold")
            logits[k][o] = sub.logits(x[o], texts_o if sub.uses_text_features else None)
    cells = max(int((y >= 0).sum()), 1)
    rows = {k: _row_losses(logits[k], y) for k in ks}
    scores = {k: float(rows[k].sum() / cells) for k in ks}
    top = min(ks, key=lambda k: (scores[k], k))
    best = next(k for k in ks if scores[k] - scores[top]
                <= float(np.std(rows[k] - rows[top]) * np.sqrt(n) / cells))
    return Selection(best, {_name(k): round(v, 5) for k, v in scores.items()}, INNER_FOLDS)


def fit_chosen(x: np.ndarray, y: np.ndarray, models: Sequence[str], encoder_name: str,
               config: FitConfig | None = None,
               texts: Sequence[str] | None = None,
               max_rows: int | None = None) -> SuccessModel:
    """The fit the training rows support (``choose``), on all of them, with the choice in
    ``meta["selection"]``. ``max_rows``: the gate (None: MAX_ROWS; the bench lifts it to
    judge it)."""
    config = config or FitConfig()
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    selection = choose(x, y, models, encoder_name, config, texts, max_rows)
    model = _fit(selection.components, x, y, models, encoder_name, config, texts)
    model.meta["selection"] = asdict(selection)
    return model
