"""Per-prompt P under the least-expected-cost rule: attempts to narrow the gap to the oracle.

    python bench/routing.py --data ../shared/routing        # writes var/bench/routing_oof.npz
    python training/decision_experiments.py --data ../shared/routing

RouterBench, the bench's five folds by prompt (same draw), real cost_usd per answer, the
price the rule sees being each model's mean cost in the training folds. Each attempt gives
out-of-fold P(success) for the 11 models; the product's rule (least price + (1 - P) x F)
is swept over F and scored as the bench scores it: accuracy at <= 10% of always-GPT-4's
cost, the least cost share matching GPT-4's accuracy, the area under the curve, and the
held-out Brier (mean over models). The shipped model's P and kNN's come from the bench's
file; every other attempt is fitted here on the training folds only. Writes
training/reports/decision_experiments.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import routing as bench  # noqa: E402

from council.outcomes import metrics as mt  # noqa: E402
from council.outcomes.rows import load_table  # noqa: E402

FOLDS = bench.FOLDS
GPT4 = bench.GPT4


def sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def score(p: np.ndarray, oof: dict[str, np.ndarray], models: list[str]) -> dict[str, object]:
    """The bench's figures for one out-of-fold P under the least-expected-cost rule, with
    each model's mean price per call; with ``priced`` in the bench's file (its per-prompt
    price, council.outcomes.call_cost), also at that price."""
    y, cost, fold = oof["y"], oof["cost"], oof["fold"]
    g = models.index(GPT4)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())

    def curve(price: np.ndarray) -> list[mt.CurvePoint]:
        return bench.sweep_least_expected(p, price, fold, y, cost)

    pts = curve(oof["unit"])
    front = mt.frontier(pts)
    least = mt.least_cost_reaching(front, gpt4_acc)
    out: dict[str, object] = {
        "brier": float(np.mean((p - y) ** 2)),
        "acc_at_10pct": mt.best_accuracy_within(front, 0.1 * gpt4_cost),
        "match_gpt4_share": None if least is None else least / gpt4_cost,
        "auc": mt.area_under_curve(pts, gpt4_cost)}
    if "priced" in oof:
        pts = curve(oof["priced"])
        out["acc_at_10pct_priced"] = mt.best_accuracy_within(mt.frontier(pts),
                                                             0.1 * gpt4_cost)
        out["auc_priced"] = mt.area_under_curve(pts, gpt4_cost)
    return out


def whiten(x_tr: np.ndarray, x_te: np.ndarray, k: int = 32) -> tuple[np.ndarray, np.ndarray]:
    centre = x_tr.mean(0)
    _, s, vt = np.linalg.svd(x_tr - centre, full_matrices=False)
    proj = vt[:k].T / (s[:k] / np.sqrt(len(x_tr)))
    return (x_tr - centre) @ proj, (x_te - centre) @ proj


def fit_lowrank(z_tr: np.ndarray, y_tr: np.ndarray, rank: int, l2: float,
                seed: int = 0) -> Callable[[np.ndarray], np.ndarray]:
    """Logistic matrix factorisation with side information (IRT with `rank` traits):
    logit P(m, x) = b_m + (z(x) W) . V_m, where z(x) are the whitened components (and
    features); the prompt's traits are predicted from its text, so it applies to new ones."""
    from scipy.optimize import minimize

    n, d = z_tr.shape
    m = y_tr.shape[1]
    seen = (y_tr >= 0).astype(np.float64)
    yy = np.where(y_tr > 0, 1.0, 0.0)
    rng = np.random.default_rng(seed)
    rate = np.clip((yy * seen).sum(0) / seen.sum(0), 0.02, 0.98)

    def unpack(t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return t[:m], t[m:m + d * rank].reshape(d, rank), t[m + d * rank:].reshape(m, rank)

    def loss(t: np.ndarray) -> tuple[float, np.ndarray]:
        b, w, v = unpack(t)
        u = z_tr @ w
        z = b[None, :] + u @ v.T
        nll = (np.logaddexp(0, z) - yy * z) * seen
        r = (sig(z) - yy) * seen / n
        gb = r.sum(0)
        gu = r @ v
        gw = z_tr.T @ gu + 2 * l2 * w
        gv = r.T @ u + 2 * l2 * v
        return float(nll.sum() / n + l2 * ((w ** 2).sum() + (v ** 2).sum())), \
            np.concatenate([gb, gw.ravel(), gv.ravel()])

    t0 = np.concatenate([np.log(rate / (1 - rate)), rng.normal(0, 0.01, d * rank),
                         rng.normal(0, 0.01, m * rank)])
    t = minimize(loss, t0, jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    b, w, v = unpack(t)
    return lambda z: sig(b[None, :] + (z @ w) @ v.T)


def knn_factors(x_tr: np.ndarray, y_tr: np.ndarray, x_te: np.ndarray, rank: int, l2: float,
                k: int = 20) -> np.ndarray:
    """IRT-Router-like: free traits per training prompt from its outcomes, a new prompt's
    traits the similarity-weighted mean of its k nearest training prompts' traits."""
    from scipy.optimize import minimize

    n, m = y_tr.shape
    yy = (y_tr > 0).astype(np.float64)
    rate = np.clip(yy.mean(0), 0.02, 0.98)
    rng = np.random.default_rng(0)

    def unpack(t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return t[:m], t[m:m + n * rank].reshape(n, rank), t[m + n * rank:].reshape(m, rank)

    def loss(t: np.ndarray) -> tuple[float, np.ndarray]:
        b, u, v = unpack(t)
        z = b[None, :] + u @ v.T
        r = (sig(z) - yy) / n
        value = float((np.logaddexp(0, z) - yy * z).sum() / n
                      + l2 * ((u ** 2).sum() / n + (v ** 2).sum()))
        return value, np.concatenate([r.sum(0), (r @ v + 2 * l2 * u / n).ravel(),
                                      (r.T @ u + 2 * l2 * v).ravel()])

    t0 = np.concatenate([np.log(rate / (1 - rate)), rng.normal(0, 0.1, n * rank),
                         rng.normal(0, 0.1, m * rank)])
    b, u, v = unpack(minimize(loss, t0, jac=True, method="L-BFGS-B",
                              options={"maxiter": 500}).x)
    sims = x_te @ x_tr.T
    near = np.argpartition(-sims, k, axis=1)[:, :k]
    wts = np.maximum(np.take_along_axis(sims, near, 1), 0) + 1e-6
    u_te = (u[near] * wts[..., None]).sum(1) / wts.sum(1, keepdims=True)
    return sig(b[None, :] + u_te @ v.T)


# Boosted-tree settings searched on inner folds (the first is the shipped one, _fit_trees).
TREE_GRID = (
    {"learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40, "l2_regularization": 1.0},
    {"learning_rate": 0.03, "max_leaf_nodes": 7, "min_samples_leaf": 80, "l2_regularization": 3.0},
    {"learning_rate": 0.1, "max_leaf_nodes": 31, "min_samples_leaf": 20, "l2_regularization": 0.1},
    {"learning_rate": 0.05, "max_leaf_nodes": 7, "min_samples_leaf": 40, "l2_regularization": 1.0,
     "max_features": 0.5},
    {"learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 120,
     "l2_regularization": 10.0},
)


def tuned_trees(z_tr: np.ndarray, y_tr: np.ndarray, z_te: np.ndarray,
                seed: int = 0) -> tuple[np.ndarray, list[int]]:
    """Per model, boosted trees with the TREE_GRID setting of least log-loss on three inner
    folds of the training rows, refitted on all of them; (P for z_te, chosen setting per model)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    def fit(setting: dict[str, float], z: np.ndarray, yj: np.ndarray) -> object:
        return HistGradientBoostingClassifier(max_iter=200, early_stopping=True,
                                              random_state=seed, **setting).fit(z, yj)

    inner = np.random.default_rng(seed + 7).permutation(len(z_tr)) % 3
    out, chosen = np.zeros((len(z_te), y_tr.shape[1])), []
    for j in range(y_tr.shape[1]):
        losses = []
        for setting in TREE_GRID:
            p = np.zeros(len(z_tr))
            for g in range(3):
                a, b = inner != g, inner == g
                p[b] = fit(setting, z_tr[a], y_tr[a, j]).predict_proba(z_tr[b])[:, 1]
            p = np.clip(p, 1e-6, 1 - 1e-6)
            losses.append(-np.mean(np.where(y_tr[:, j] == 1, np.log(p), np.log(1 - p))))
        best = int(np.argmin(losses))
        chosen.append(best)
        out[:, j] = fit(TREE_GRID[best], z_tr, y_tr[:, j]).predict_proba(z_te)[:, 1]
    return out, chosen


def per_fold(fn: Callable[[np.ndarray, np.ndarray], np.ndarray],
             fold: np.ndarray, n: int, m: int) -> np.ndarray:
    out = np.zeros((n, m))
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        out[te] = fn(tr, te)
    return out


def inner_platt(p_fn: Callable[[np.ndarray, np.ndarray], np.ndarray], fold: np.ndarray,
                y: np.ndarray) -> np.ndarray:
    """Per-model Platt scaling fitted on three inner folds of each training fold."""
    from sklearn.linear_model import LogisticRegression

    n, m = y.shape
    out = np.zeros((n, m))
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        inner = np.random.default_rng(f).permutation(len(tr)) % 3
        val = np.zeros((len(tr), m))
        for g in range(3):
            val[inner == g] = p_fn(tr[inner != g], tr[inner == g])
        p_te = p_fn(tr, te)
        for j in range(m):
            lr = LogisticRegression(C=1.0).fit(logit(val[:, j])[:, None], y[tr, j])
            out[te, j] = lr.predict_proba(logit(p_te[:, j])[:, None])[:, 1]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared routing folder")
    parser.add_argument("--oof", type=Path, default=ROOT / "var" / "bench" / "routing_oof.npz")
    parser.add_argument("--new-only", action="store_true",
                        help="run only the attempts added in the last session (tuned trees, the "
                             "per-prompt price) and keep the others from the report file")
    parser.add_argument("--report", type=Path,
                        default=ROOT / "training" / "reports" / "decision_experiments.json")
    args = parser.parse_args(argv)
    if not args.oof.exists():
        raise SystemExit(f"{args.oof} not found: run bench/routing.py first")
    start = time.time()
    oof = dict(np.load(args.oof, allow_pickle=False))
    models = [str(m) for m in oof["models"]]
    from council.assess.encoder import MiniLMEncoder
    from council.config import paths
    from council.outcomes.embedding import PromptEmbedder
    from council.outcomes.fitting import embed_table
    from council.outcomes.reading import text_features

    table = load_table(args.data / "routerbench" / "outcomes.jsonl")
    index = {i: k for k, i in enumerate(table.ids)}
    table = table.subset(np.array([index[str(i)] for i in oof["ids"]]))
    x = embed_table(table, PromptEmbedder(MiniLMEncoder.name, paths().embedding_cache),
                    progress=False).astype(np.float64)
    feats = text_features(table.prompts)
    y, fold = oof["y"], oof["fold"]
    n, m = y.shape

    def side(tr: np.ndarray, te: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z_tr, z_te = whiten(x[tr], x[te])
        mu, sd = feats[tr].mean(0), feats[tr].std(0) + 1e-9
        return (np.hstack([z_tr, (feats[tr] - mu) / sd]),
                np.hstack([z_te, (feats[te] - mu) / sd]))

    def lowrank(rank: int, l2: float) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        def fn(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
            z_tr, z_te = side(tr, te)
            return fit_lowrank(z_tr, y[tr], rank, l2)(z_te)
        return fn

    def knnf(rank: int, l2: float) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        return lambda tr, te: knn_factors(x[tr], y[tr], x[te], rank, l2)

    def blend(a: np.ndarray, b: np.ndarray, w: float) -> np.ndarray:
        return sig((1 - w) * logit(a) + w * logit(b))

    attempts: dict[str, np.ndarray] = {"shipped success model (version 3)": oof["p_ours"],
                                       "kNN, k=20": oof["p_knn"]}
    chosen: list[list[int]] = []

    def tuned(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
        z_tr, z_te = side(tr, te)
        p, picks = tuned_trees(z_tr, y[tr], z_te)
        chosen.append(picks)
        return p

    trees = per_fold(tuned, fold, n, m)
    new = {"boosted trees alone, settings chosen per model on inner folds (5 settings)": trees,
           "shipped + those trees, logit mean (fixed 0.5)": blend(oof["p_ours"], trees, 0.5)}
    attempts.update(new)
    if args.new_only:
        return _report(attempts, oof, models, args.report, start, chosen, keep=True)
    lr4 = per_fold(lowrank(4, 1e-3), fold, n, m)
    attempts["low-rank IRT, 4 traits from the text (logistic MF with side information)"] = lr4
    attempts["low-rank IRT, 2 traits"] = per_fold(lowrank(2, 1e-3), fold, n, m)
    attempts["low-rank IRT, 8 traits"] = per_fold(lowrank(8, 1e-3), fold, n, m)
    kf = per_fold(knnf(4, 1.0), fold, n, m)
    attempts["IRT traits per training prompt, a new prompt's from its 20 neighbours"] = kf
    attempts["shipped + kNN, logit mean 0.7 / 0.3"] = blend(oof["p_ours"], oof["p_knn"], 0.3)
    attempts["shipped + low-rank IRT (4), logit mean"] = blend(oof["p_ours"], lr4, 0.5)
    attempts["shipped + neighbour traits, logit mean"] = blend(oof["p_ours"], kf, 0.5)
    attempts["low-rank IRT (4), Platt per model on inner folds"] = inner_platt(
        lowrank(4, 1e-3), fold, y)
    return _report(attempts, oof, models, args.report, start, chosen, keep=False)


def _report(attempts: dict[str, np.ndarray], oof: dict[str, np.ndarray], models: list[str],
            report: Path, start: float, chosen: list[list[int]], keep: bool) -> int:
    """Score every attempt, print the table, write the JSON (with ``keep``, merged into the
    attempts already in the file)."""
    results = {}
    print("| attempt | Brier | acc. at <= 10% GPT-4 cost | GPT-4 match (share) | AUC "
          "| same acc., price per prompt |")
    print("|---|---|---|---|---|---|")
    for name, p in attempts.items():
        r = score(p, oof, models)
        results[name] = r
        share = r["match_gpt4_share"]
        priced = (f" {r['acc_at_10pct_priced']:.3f} |" if "acc_at_10pct_priced" in r
                  else " - |")
        print(f"| {name} | {r['brier']:.4f} | {r['acc_at_10pct']:.3f} | "
              f"{'not reached' if share is None else f'{share:.3f}'} | {r['auc']:.3f} |"
              + priced, flush=True)
    print("tree settings chosen per fold and model (index into TREE_GRID):", chosen)
    report.parent.mkdir(parents=True, exist_ok=True)
    earlier = json.loads(report.read_text()) if keep and report.exists() else {}
    merged = {**earlier.get("attempts", {}), **results}
    report.write_text(json.dumps({"seconds": earlier.get("seconds", 0.0) if keep
                                  else time.time() - start, "attempts": merged,
                                  "tree_settings": list(TREE_GRID), "tree_chosen": chosen,
                                  "seconds_new": time.time() - start}, indent=2))
    print(f"\n{time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
