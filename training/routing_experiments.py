"""Routing experiments: attempts to sharpen the success model's per-prompt signal.

    python training/routing_experiments.py --data ../shared/routing [--only NAME ...]

Every figure is held out exactly as bench/routing.py defines it: (a) Mixtral vs GPT-4,
5 folds with no MMLU subject in both train and test (GSM8K split by prompt); (b)
RouterBench, 5-fold CV by prompt with real cost_usd. Each attempt sees only prompt texts
and training-fold outcomes. Inner folds (for calibration) are cut inside the training fold.
Prints one table row per attempt and writes training/reports/routing_experiments.json.
New readings are encoded once through the disk cache (--encode-only does just that; about
5,000 texts, 15 minutes on one shared core); after that the whole table takes ~4 minutes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from council.outcomes import metrics as mt  # noqa: E402
from council.outcomes.reading import reading_text  # noqa: E402
from council.outcomes.rows import OutcomeTable, load_table  # noqa: E402

FOLDS = 5
BUDGET = 1005  # characters the encoder reads, about 256 word pieces


# ---- readings of long inputs -------------------------------------------------------------
def read_head_tail(text: str) -> str:
    return reading_text(text)


def read_tail(text: str) -> str:
    text = text.strip()
    return text if len(text) <= BUDGET else text[-BUDGET:]


def read_question(text: str) -> str:
    """The last blank-line block (the real question after a few-shot prefix), tail-capped."""
    text = text.strip()
    if len(text) <= BUDGET:
        return text
    return read_tail(text.split("\n\n")[-1])


READINGS: dict[str, Callable[[str], str]] = {
    "head+tail": read_head_tail, "tail": read_tail, "question": read_question}


BOTH = "head+tail & question"  # the two embeddings side by side (768-d)


def embed(table: OutcomeTable, reading: str) -> np.ndarray:
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.config import paths

    if reading == BOTH:
        return np.hstack([embed(table, "head+tail"), embed(table, "question")]) / np.sqrt(2)

    encoder = CachedEncoder(default_encoder(), paths().embedding_cache)
    texts = [READINGS[reading](t) for t in table.prompts]
    return encoder.encode(texts, progress=True).astype(np.float64)


def main_encode(data: Path) -> None:
    for name in ("outcomes.jsonl", "routerbench/outcomes.jsonl"):
        table = load_table(data / name)
        for reading in READINGS:
            start = time.time()
            embed(table, reading)
            print(f"{name} {reading}: {time.time() - start:.0f} s", flush=True)




# ---- cheap text features -------------------------------------------------------------------
CODE = re.compile(r"\bdef |\breturn\b|```|[{};]|\bfunction\b|\bimport\b|\bclass |==|\w\(\w*\)")
OPTION = re.compile(r"^\s*\(?[A-J][.)]\s", re.M)


MATH = re.compile(r"[=+*/^<>]|\d+\.\d+|\\frac|sqrt|\$")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
NEGATION = re.compile(r"\b(?:NOT|EXCEPT|LEAST|false)\b")


def text_features(texts: list[str], extended: bool = False) -> np.ndarray:
    """Per text: log length, digit share, code markers, answer-option count, blank-line blocks,
    question length (last block). Read from the whole text, not the encoder's reading.
    ``extended`` adds math markers, numbers, negation words and mean option length."""
    rows = []
    for t in texts:
        t = t.strip()
        last = t.split("\n\n")[-1]
        row = [np.log1p(len(t)), sum(c.isdigit() for c in last) / max(len(last), 1),
               np.log1p(len(CODE.findall(last))), len(OPTION.findall(last)),
               np.log1p(t.count("\n\n")), np.log1p(len(last))]
        if extended:
            opts = [ln for ln in last.splitlines() if OPTION.match(ln + " ")]
            row += [np.log1p(len(MATH.findall(last))), np.log1p(len(NUMBER.findall(last))),
                    float(bool(NEGATION.search(last))),
                    np.log1p(np.mean([len(o) for o in opts])) if opts else 0.0]
        rows.append(row)
    return np.array(rows, dtype=np.float64)


# ---- an experimental fit (the shipped form plus optional extra columns) --------------------
@dataclass
class Fitted:
    predict: Callable[[np.ndarray, np.ndarray | None], np.ndarray]  # -> logits (n, M)


def fit_irt(x: np.ndarray, y: np.ndarray, feats: np.ndarray | None = None,
            clusters: int = 0, components: int = 32, l2_w: float = 1e-3,
            l2_v: float = 1e-2, l2_f: float | None = None, max_iter: int = 100,
            seed: int = 0) -> Fitted:
    """logit = a_m (s_m - w.z - wf.f) + v_m.z + u_m.f, z = whitened PCs of x, f = extra
    standardised features (text features and/or soft cluster memberships, all computed from
    the training fold only)."""
    import torch

    n, d = x.shape
    m = y.shape[1]
    observed = y >= 0
    rates = np.array([y[observed[:, j], j].mean() for j in range(m)])
    k = max(1, min(components, d, n - 1))
    centre = x.mean(0)
    _, sing, vt = np.linalg.svd(x - centre, full_matrices=False)
    proj = vt[:k].T / (np.maximum(sing[:k], 1e-9) / np.sqrt(n))

    cents = None
    if clusters:
        from sklearn.cluster import KMeans

        km = KMeans(clusters, n_init=3, random_state=seed).fit((x - centre) @ proj)
        cents = km.cluster_centers_

    def extra(xx: np.ndarray, ff: np.ndarray | None) -> np.ndarray:
        cols = []
        if ff is not None:
            cols.append(ff)
        if cents is not None:
            zz = (xx - centre) @ proj
            d2 = ((zz[:, None, :] - cents[None]) ** 2).sum(-1)
            soft = np.exp(-(d2 - d2.min(1, keepdims=True)) / 2)
            cols.append(soft / soft.sum(1, keepdims=True))
        return np.concatenate(cols, 1) if cols else np.zeros((len(xx), 0))

    f_raw = extra(x, feats)
    f_mu, f_sd = f_raw.mean(0), f_raw.std(0) + 1e-9
    z = np.concatenate([(x - centre) @ proj, (f_raw - f_mu) / f_sd], 1)
    kz, kf = k, f_raw.shape[1]
    torch.manual_seed(seed)
    xt = torch.tensor(z, dtype=torch.float64)
    yt = torch.tensor(np.where(observed, y, 0), dtype=torch.float64)
    mask = torch.tensor(observed, dtype=torch.float64)
    w = torch.zeros(kz + kf, dtype=torch.float64, requires_grad=True)
    log_a = torch.zeros(m, dtype=torch.float64, requires_grad=True)
    s = torch.tensor(np.log(rates / (1 - rates)), dtype=torch.float64, requires_grad=True)
    v = torch.zeros((m, kz + kf), dtype=torch.float64, requires_grad=True)
    pen_w = torch.tensor([l2_w] * kz + [l2_w if l2_f is None else l2_f] * kf,
                         dtype=torch.float64)
    pen_v = torch.tensor([l2_v] * kz + [l2_v if l2_f is None else l2_f] * kf,
                         dtype=torch.float64)
    opt = torch.optim.LBFGS([w, log_a, s, v], lr=1.0, max_iter=max_iter,
                            line_search_fn="strong_wolfe", tolerance_grad=1e-7)

    def loss_fn() -> torch.Tensor:
        logits = torch.exp(log_a)[None] * (s[None] - (xt @ w)[:, None]) + xt @ v.T
        bce = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, yt, weight=mask, reduction="sum") / mask.sum()
        return bce + (pen_w * w * w).sum() + (pen_v[None] * v * v).sum()

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = loss_fn()
        loss.backward()
        return loss

    torch.set_num_threads(1)
    opt.step(closure)
    W, A, S, V = (t.detach().numpy() for t in (w, log_a, s, v))
    A = np.exp(A)

    def predict(xx: np.ndarray, ff: np.ndarray | None) -> np.ndarray:
        zz = np.concatenate([(xx - centre) @ proj, (extra(xx, ff) - f_mu) / f_sd], 1)
        return A[None] * (S[None] - (zz @ W)[:, None]) + zz @ V.T

    return Fitted(predict)


def knn_logit(x_tr: np.ndarray, y_tr: np.ndarray, x_te: np.ndarray, k: int = 20,
              prior: float = 2.0) -> np.ndarray:
    """kNN success rate per model, smoothed toward the training base rate (finite logits)."""
    sims = x_te @ x_tr.T
    nearest = np.argpartition(-sims, k, axis=1)[:, :k]
    yk = y_tr[nearest].astype(np.float64)
    seen = yk >= 0
    rate = np.array([y_tr[y_tr[:, j] >= 0, j].mean() for j in range(y_tr.shape[1])])
    p = (np.where(seen, yk, 0).sum(1) + prior * rate) / (seen.sum(1) + prior)
    return np.log(p / (1 - p))


def sig(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -40, 40)))


def platt(logit_val: np.ndarray, y_val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per model (a, b) minimising log-loss of sigmoid(a * logit + b) on inner-fold logits."""
    from sklearn.linear_model import LogisticRegression

    a, b = np.ones(y_val.shape[1]), np.zeros(y_val.shape[1])
    for j in range(y_val.shape[1]):
        ok = y_val[:, j] >= 0
        lr = LogisticRegression(C=1e4).fit(logit_val[ok, j:j + 1], y_val[ok, j])
        a[j], b[j] = lr.coef_[0, 0], lr.intercept_[0]
    return a, b


# ---- one attempt = a way to produce out-of-fold logits ---------------------------------------
@dataclass
class Attempt:
    name: str
    reading: str = "head+tail"
    kind: str = "irt"  # irt | knn | ensemble | gbt | shipped+gbt | stacked
    feats: bool = False
    clusters: int = 0
    calibrate: bool = False
    knn_weight: float = 0.5
    components: int = 32
    l2_f: float | None = None
    extended: bool = False  # the extended text features
    lcb: float = 0.0  # product rule on P - lcb * (spread across 5 bootstrap refits)


def oof_logits(att: Attempt, x: np.ndarray, y: np.ndarray, feats: np.ndarray,
               fold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold logits, and (if att.lcb) the spread of P across bootstrap refits."""
    n, m = y.shape
    out, spread = np.zeros((n, m)), np.zeros((n, m))
    for f in np.unique(fold):
        tr, te = fold != f, fold == f
        out[te] = _fit_predict(att, x[tr], y[tr], feats[tr], x[te], feats[te])
        if att.calibrate:
            rng = np.random.default_rng(f)
            inner = rng.permutation(tr.sum()) % 3
            val = np.zeros((tr.sum(), m))
            xt, yt, ft = x[tr], y[tr], feats[tr]
            for g in range(3):
                i, o = inner != g, inner == g
                val[o] = _fit_predict(att, xt[i], yt[i], ft[i], xt[o], ft[o])
            a, b = platt(val, yt)
            out[te] = a[None] * out[te] + b[None]
        if att.lcb:
            rng = np.random.default_rng(100 + f)
            idx = np.flatnonzero(tr)
            ps = [sig(_fit_predict(att, x[j], y[j], feats[j], x[te], feats[te]))
                  for j in (rng.choice(idx, len(idx)) for _ in range(5))]
            spread[te] = np.std(ps, 0)
    return out, spread


def gbt_logit(x_tr: np.ndarray, y_tr: np.ndarray, f_tr: np.ndarray, x_te: np.ndarray,
              f_te: np.ndarray) -> np.ndarray:
    """Per model, gradient-boosted trees on 32 principal components + the text features."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    centre = x_tr.mean(0)
    _, _, vt = np.linalg.svd(x_tr - centre, full_matrices=False)
    a = np.concatenate([(x_tr - centre) @ vt[:32].T, f_tr], 1)
    b = np.concatenate([(x_te - centre) @ vt[:32].T, f_te], 1)
    out = np.zeros((len(x_te), y_tr.shape[1]))
    for j in range(y_tr.shape[1]):
        ok = y_tr[:, j] >= 0
        clf = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                             min_samples_leaf=40, l2_regularization=1.0,
                                             early_stopping=True, random_state=0)
        p = clf.fit(a[ok], y_tr[ok, j]).predict_proba(b)[:, 1]
        out[:, j] = np.log(np.clip(p, 1e-4, 1 - 1e-4) / np.clip(1 - p, 1e-4, 1))
    return out


STACK_WEIGHTS: list[float] = []  # the inner-fold tree weights chosen, printed per attempt


def _fit_predict(att: Attempt, x_tr: np.ndarray, y_tr: np.ndarray, f_tr: np.ndarray,
                 x_te: np.ndarray, f_te: np.ndarray) -> np.ndarray:
    if att.kind == "knn":
        return knn_logit(x_tr, y_tr, x_te)
    if att.kind == "gbt":
        return gbt_logit(x_tr, y_tr, f_tr, x_te, f_te)
    if att.kind == "stacked":  # tree weight picked by inner 3-fold log-loss in the train fold
        shipped = Attempt("", feats=True, kind="ensemble", knn_weight=0.3)
        inner = np.random.default_rng(7).permutation(len(x_tr)) % 3
        li, lg = np.zeros(y_tr.shape), np.zeros(y_tr.shape)
        for g in range(3):
            i, o = inner != g, inner == g
            li[o] = _fit_predict(shipped, x_tr[i], y_tr[i], f_tr[i], x_tr[o], f_tr[o])
            lg[o] = gbt_logit(x_tr[i], y_tr[i], f_tr[i], x_tr[o], f_tr[o])
        ok = y_tr >= 0

        def logloss(wt: float) -> float:
            p = np.clip(sig((1 - wt) * li + wt * lg), 1e-6, 1 - 1e-6)
            return float(-np.mean(np.where(y_tr == 1, np.log(p), np.log(1 - p))[ok]))

        wt = min((0.0, 0.25, 0.5, 0.75, 1.0), key=logloss)
        STACK_WEIGHTS.append(wt)
        return ((1 - wt) * _fit_predict(shipped, x_tr, y_tr, f_tr, x_te, f_te)
                + wt * gbt_logit(x_tr, y_tr, f_tr, x_te, f_te))
    if att.kind == "shipped+gbt":
        inner = _fit_predict(Attempt("", feats=True, kind="ensemble", knn_weight=0.3),
                             x_tr, y_tr, f_tr, x_te, f_te)
        return 0.5 * inner + 0.5 * gbt_logit(x_tr, y_tr, f_tr, x_te, f_te)
    fit = fit_irt(x_tr, y_tr, f_tr if att.feats else None, att.clusters, att.components,
                  l2_f=att.l2_f)
    logit = fit.predict(x_te, f_te if att.feats else None)
    if att.kind == "ensemble":
        logit = (1 - att.knn_weight) * logit + att.knn_weight * knn_logit(x_tr, y_tr, x_te)
    return logit


def brier(logit: np.ndarray, y: np.ndarray) -> float:
    p, ok = sig(logit), y >= 0
    return float(np.mean([np.mean((p[ok[:, j], j] - y[ok[:, j], j]) ** 2)
                          for j in range(y.shape[1])]))


# ---- the two benches, exactly as bench/routing.py cuts them ---------------------------------
def run_two(att: Attempt, table: OutcomeTable, x: np.ndarray, feats: np.ndarray) -> dict:
    import routing as bench

    js, jw = table.models.index(bench.STRONG), table.models.index(bench.WEAK)
    keep = (table.y[:, js] >= 0) & (table.y[:, jw] >= 0)
    idx = np.flatnonzero(keep)
    table, x, feats = table.subset(idx), x[keep], feats[keep]
    fold = bench.two_model_folds(table)
    logit, _ = oof_logits(replace(att, lcb=0.0), x, table.y, feats, fold)  # LCB: (b) only
    p = sig(logit)
    score = p[:, js] - p[:, jw]
    strong, weak = table.y[:, js].astype(float), table.y[:, jw].astype(float)
    return {"brier": brier(logit, table.y), "APGR": mt.apgr(score, weak, strong),
            "CPT50": mt.cpt(score, weak, strong, 0.5), "CPT80": mt.cpt(score, weak, strong, 0.8)}


def run_many(att: Attempt, table: OutcomeTable, x: np.ndarray, feats: np.ndarray) -> dict:
    import routing as bench

    y, cost = table.y, table.cost
    complete = (y >= 0).all(1) & np.isfinite(cost).all(1)
    keep = np.flatnonzero(complete)
    table, x, feats, y, cost = table.subset(keep), x[keep], feats[keep], y[keep], cost[keep]
    n, m = y.shape
    g = table.models.index(bench.GPT4)
    fold = np.random.default_rng(0).permutation(n) % FOLDS  # as bench_many draws it
    logit, spread = oof_logits(att, x, y, feats, fold)
    p = sig(logit)
    p_bar = np.clip(p - att.lcb * spread, 0, 1) if att.lcb else p
    unit = np.zeros((n, m))
    for f in range(FOLDS):
        unit[fold == f] = cost[fold != f].mean(0)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())

    def curve(choose: Callable[[np.ndarray, np.ndarray, float], np.ndarray], grid) -> list:
        pts = []
        for t in grid:
            choice = np.zeros(n, dtype=int)
            for f in range(FOLDS):
                te = fold == f
                choice[te] = choose(te, unit[te][0], t)
            pts.append(mt.evaluate_choice(choice, y, cost))
        return mt.frontier(pts)

    prod = curve(lambda te, u, t: mt.choose_by_bar(p_bar[te], u, t), np.linspace(0, 1, 201))
    util = curve(lambda te, u, lam: mt.choose_by_utility(p[te], u / u[g], lam),
                 np.concatenate([[0.0], np.geomspace(0.01, 20, 120)]))
    least = mt.least_cost_reaching(prod, gpt4_acc)
    least_u = mt.least_cost_reaching(util, gpt4_acc)
    return {"brier": brier(logit, y),
            "prod_acc10": mt.best_accuracy_within(prod, 0.1 * gpt4_cost),
            "prod_match_share": None if least is None else least / gpt4_cost,
            "util_acc10": mt.best_accuracy_within(util, 0.1 * gpt4_cost),
            "util_match_share": None if least_u is None else least_u / gpt4_cost,
            "prod_auc": mt.area_under_curve(prod, gpt4_cost)}


ATTEMPTS = [
    Attempt("baseline: IRT, head+tail reading"),
    Attempt("reading: tail only", reading="tail"),
    Attempt("reading: question only (last block)", reading="question"),
    Attempt("kNN k=20 (smoothed)", kind="knn"),
    Attempt("ensemble IRT+kNN, logit mean", kind="ensemble"),
    Attempt("ensemble IRT+kNN, kNN weight 0.3", kind="ensemble", knn_weight=0.3),
    Attempt("text features", feats=True),
    Attempt("text features, lighter penalty (1e-3)", feats=True, l2_f=1e-3),
    Attempt("text features, extended set", feats=True, extended=True),
    Attempt("text features + ensemble kNN 0.3", feats=True, kind="ensemble", knn_weight=0.3),
    Attempt("text features + ensemble kNN 0.5", feats=True, kind="ensemble", knn_weight=0.5),
    Attempt("text features + ensemble kNN 0.3, product rule on LCB", feats=True,
            kind="ensemble", knn_weight=0.3, lcb=1.0),
    Attempt("tail reading + text features + ensemble kNN 0.3", reading="tail", feats=True,
            kind="ensemble", knn_weight=0.3),
    Attempt("question reading + text features + ensemble kNN 0.3", reading="question",
            feats=True, kind="ensemble", knn_weight=0.3),
    Attempt("gradient-boosted trees per model (PCs + text features)", kind="gbt"),
    Attempt("shipped (features + kNN 0.3) averaged with the trees", kind="shipped+gbt"),
    Attempt("shipped + trees, tree weight chosen on inner folds (stacking)", kind="stacked"),
    Attempt("shipped + trees (stacking) on both readings side by side", kind="stacked",
            reading=BOTH),
    Attempt("cluster skills (k=10)", clusters=10),
    Attempt("cluster skills (k=25)", clusters=25),
    Attempt("Platt per model (inner 3-fold)", calibrate=True),
    Attempt("product rule on LCB (P - 1 sd of 5 bootstraps)", lcb=1.0),
]


def fmt(v: object) -> str:
    if v is None:
        return "not reached"
    return f"{v:.4f}" if isinstance(v, float) and v < 0.3 else f"{v:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--only", nargs="*", help="run attempts whose name contains any of these")
    parser.add_argument("--encode-only", action="store_true")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "training" / "reports" / "routing_experiments.json")
    args = parser.parse_args(argv)
    if args.encode_only:
        main_encode(args.data)
        return 0
    two = load_table(args.data / "outcomes.jsonl")
    many = load_table(args.data / "routerbench" / "outcomes.jsonl")
    feats = {(k, e): text_features(t.prompts, e) for k, t in (("two", two), ("many", many))
             for e in (False, True)}
    cache: dict[tuple[str, str], np.ndarray] = {}
    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    print("| attempt | (a) Brier | APGR | CPT(50%) | (b) Brier | product acc@10% | "
          "product GPT-4 match | utility acc@10% | utility GPT-4 match | s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for att in ATTEMPTS:
        if args.only and not any(o in att.name for o in args.only):
            continue
        start = time.time()
        for key, table in (("two", two), ("many", many)):
            if (key, att.reading) not in cache:
                cache[key, att.reading] = embed(table, att.reading)
        a = run_two(att, two, cache["two", att.reading], feats["two", att.extended])
        b = run_many(att, many, cache["many", att.reading], feats["many", att.extended])
        results[att.name] = {"two": a, "many": b, "attempt": att.__dict__}
        if STACK_WEIGHTS:
            results[att.name]["tree_weights_two_then_many"] = list(STACK_WEIGHTS)
            print(f"  tree weights per fold, (a) then (b): {STACK_WEIGHTS}")
            STACK_WEIGHTS.clear()
        print(f"| {att.name} | {fmt(a['brier'])} | {fmt(a['APGR'])} | {fmt(a['CPT50'])} | "
              f"{fmt(b['brier'])} | {fmt(b['prod_acc10'])} | {fmt(b['prod_match_share'])} | "
              f"{fmt(b['util_acc10'])} | {fmt(b['util_match_share'])} | "
              f"{time.time() - start:.0f} |", flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2, default=float))
    return 0


if __name__ == "__main__":
    sys.exit(main())
