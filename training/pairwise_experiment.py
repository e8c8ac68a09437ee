"""A pairwise loss on the differences between models, as a correction of the shipped P.

    python training/pairwise_experiment.py --data ../shared/routing [--fold-seed 1]

Reads the bench's out-of-fold P (var/bench/routing_oof[_seedN].npz, written by
`bench/routing.py --only many [--fold-seed N]`), and per training fold fits a score per model
s_m(x) = W_m . z(x) on the fold's 32 whitened principal components of the MiniLM embedding,
on the model pairs whose outcomes differ on a prompt: softplus(-(s_a - s_b)) for a right and
b wrong, plus L2 on W. The row's P: logit(shipped P) + WEIGHT x (s_m(x) - mean_m s(x)).
The rule it is judged by is in docs/routing.md ("A pairwise loss"), written first.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, logit

ROOT = Path(__file__).resolve().parent.parent
WEIGHT = 0.5
L2 = 1e-2
COMPONENTS = 32


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("bench_routing", ROOT / "bench" / "routing.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["bench_routing"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def whiten(train: np.ndarray, test: np.ndarray, k: int = COMPONENTS) -> tuple[np.ndarray, ...]:
    """The training rows' top-k principal components, scaled to unit variance, for both."""
    mean = train.mean(0)
    _, sv, vt = np.linalg.svd(train - mean, full_matrices=False)
    scale = sv[:k] / np.sqrt(len(train))
    def project(a: np.ndarray) -> np.ndarray:
        z = (a - mean) @ vt[:k].T / scale
        return np.hstack([z, np.ones((len(a), 1))])
    return project(train), project(test)


def fit_pairwise(z: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """W (M, d): mean softplus(-(s_a - s_b)) over pairs with y_a = 1, y_b = 0, plus l2 |W|^2."""
    _, d = z.shape
    m = y.shape[1]
    win = ((y[:, :, None] == 1) & (y[:, None, :] == 0)).astype(np.float64)  # (n, a, b)
    pairs = max(win.sum(), 1.0)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta.reshape(m, d)
        s = z @ w.T  # (n, M)
        diff = s[:, :, None] - s[:, None, :]
        value = float((win * np.logaddexp(0, -diff)).sum() / pairs) + l2 * float((w * w).sum())
        g_diff = -win * expit(-diff) / pairs
        g_s = g_diff.sum(2) - g_diff.sum(1)
        grad = g_s.T @ z + 2 * l2 * w
        return value, grad.ravel()

    fit = minimize(loss, np.zeros(m * d), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500})
    return fit.x.reshape(m, d)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--fold-seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.time()
    bench = _bench()
    saved = np.load(ROOT / "var" / "bench" / ("routing_oof.npz" if not args.fold_seed
                                              else f"routing_oof_seed{args.fold_seed}.npz"))
    from council.outcomes.rows import load_table

    table = load_table(args.data / "routerbench" / "outcomes.jsonl")
    x_all = bench.embed(table)  # type: ignore[attr-defined]
    where = {i: k for k, i in enumerate(table.ids)}
    x = x_all[[where[str(i)] for i in saved["ids"]]]
    p0, fold, unit, y, cost = (saved[k] for k in ("p_ours", "fold", "unit", "y", "cost"))
    models = [str(m) for m in saved["models"]]
    g = models.index(bench.GPT4)  # type: ignore[attr-defined]
    p1 = np.zeros_like(p0)
    for f in range(bench.FOLDS):  # type: ignore[attr-defined]
        tr, te = fold != f, fold == f
        z_tr, z_te = whiten(x[tr], x[te])
        w = fit_pairwise(z_tr, y[tr])
        s = z_te @ w.T
        s -= s.mean(1, keepdims=True)
        p1[te] = expit(logit(np.clip(p0[te], 1e-6, 1 - 1e-6)) + WEIGHT * s)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())
    out = {}
    for name, p in (("shipped P (the bench's out-of-fold)", p0),
                    (f"shipped + {WEIGHT} x pairwise scores", p1)):
        pts = bench.sweep_least_expected(p, unit, fold, y, cost)  # type: ignore[attr-defined]
        out[name] = {"brier": bench.brier(p, y),  # type: ignore[attr-defined]
                     **bench.curve_figures(pts, gpt4_cost, gpt4_acc)}  # type: ignore[attr-defined]
    seconds = time.time() - start
    command = "python training/pairwise_experiment.py --data ../shared/routing" + (
        f" --fold-seed {args.fold_seed}" if args.fold_seed else "")
    print(f"{command} ({seconds:.0f} s)")
    print(json.dumps(out, indent=1, default=float))
    report = ROOT / "training" / "reports" / (
        "routing_pairwise.json" if not args.fold_seed
        else f"routing_pairwise_seed{args.fold_seed}.json")
    report.write_text(json.dumps({"command": command, "seconds": seconds, "rows": out},
                                 indent=2, default=float))
    return 0


if __name__ == "__main__":
    sys.exit(main())
