"""Routing bench: the success model against random and kNN routers on real outcomes.

    python bench/routing.py --data ../shared/routing [--report-dir training/reports]

(a) Two models (outcomes.jsonl, Mixtral vs GPT-4): RouteLLM's APGR, CPT(50%), CPT(80%),
    out-of-fold over 5 folds where no MMLU subject is in both train and test and GSM8K is
    split by prompt. Score = predicted gain P(strong) - P(weak).
    Also under the product's rule (least expected cost): the strong model is picked when
    (P(strong) - P(weak)) x F > its extra price, so prompts are ranked by that gain per
    extra dollar (prices from models.json, the prompt's tokens in, OUTPUT_TOKENS out).
(b) Many models (routerbench/outcomes.jsonl, 11 models), 5-fold cross-validation by prompt:
    the product's rule, least expected cost (price + (1 - P) x F, council.outcomes.picking),
    swept over the failure cost F, and within a budget for the fold; the old rule (cheapest
    model with P >= t, else the most likely) swept over t; each answer charged its real
    cost_usd, the price the rule sees being each model's mean cost in the training folds.
    Beside them: each single model, a random router, kNN over the same embeddings under the
    same rules, and the oracle. And the cascade rows (council.outcomes.cascading): on the
    prompts the local classifier reads as a category a test checks, every ordered chain of
    models too (cheap first, a check, escalate on a flag), with a perfect or an imperfect
    check at a stated price; `--fold-seed N` draws other folds, `--no-cascade` skips them.

Embeddings go through the disk cache, so a second run costs only the fitting.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from council.outcomes import cascading as cas
from council.outcomes import metrics as mt
from council.outcomes import picking
from council.outcomes.call_cost import cost_inputs, fit_call_cost
from council.outcomes.embedding import JOIN  # "minilm+e5": the two side by side
from council.outcomes.fitting import embed_table
from council.outcomes.rows import OutcomeTable, load_table
from council.outcomes.selection import fit_chosen
from council.outcomes.success_model import FitConfig

FOLDS = 5
KNN_K = 20
STRONG, WEAK = "gpt-4-1106-preview", "mixtral-8x7b-instruct"
GPT4 = "gpt-4-1106-preview"
OUTPUT_TOKENS = 100  # assumed per answer when pricing MMLU/GSM8K prompts by their tokens
PRODUCT = "success model, least expected cost (the product's rule), mean price per call"
PRODUCT_PROMPT = "success model, least expected cost, price predicted per prompt"
KNN = f"kNN (k={KNN_K}), least expected cost"
BUDGET = "success model, budget for the fold (the product's --budget-usd)"
BUDGET_PROMPT = "success model, budget for the fold, price predicted per prompt"
OLD = "success model, cheapest over a bar (the old rule)"
KNN_OLD = f"kNN (k={KNN_K}), cheapest over a bar"
OLD_SUFFIX = ", cheapest over a bar"
CEIL_SOURCE = "ceiling: true task-type rates"
CEIL_TRUE = "ceiling: true task type + true difficulty"
CEIL_PRICE = "success model, least expected cost, price = the call's real cost (in-sample)"
ROUTERS = (PRODUCT, PRODUCT_PROMPT, KNN, BUDGET, BUDGET_PROMPT, OLD, KNN_OLD)
HULLED = (PRODUCT, PRODUCT_PROMPT, KNN, OLD)  # also reported on their upper convex hull
HULL = " (upper convex hull: a random mix of two operating points)"
REPORTS = Path(__file__).resolve().parent.parent / "training" / "reports"
TWO_REPORT = "routing_two.json"  # (a) alone, written by --only two
SHIPPED_ENCODER = "all-MiniLM-L6-v2"
ENCODER_ALIASES = {"minilm": SHIPPED_ENCODER, "e5": "multilingual-e5-small-q4-query"}
CHECK_USD = 0.0005  # the stated price of one check (a test run) in the cascade rows
MISS, FALSE_FLAG = 0.2, 0.05  # the imperfect check: misses a failure, flags a right answer
DETECTOR_SEEDS = 5  # draws of the imperfect check's verdicts; the curve is their mean
CASCADE_FREE = "cascade (cheap first, escalate on a failing test), perfect check, free"
CASCADE_PAID = f"cascade, perfect check at ${CHECK_USD} a check"
CASCADE_HEAD = (f"cascade, imperfect check (misses {MISS:.0%}, flags {FALSE_FLAG:.0%}) at "
                f"${CHECK_USD} a check, priced as if perfect")
CASCADE_TOLD = (f"cascade, imperfect check at ${CHECK_USD} a check, priced knowing its "
                "error rates")
CASCADE_THREE = f"3-stage chain, imperfect check at ${CHECK_USD} a check, priced as if perfect"
CASCADE_CO = (f"cascade, imperfect check at ${CHECK_USD} a check, priced as if perfect, with "
              "the training folds' co-failure (not independence)")
CASCADES = (CASCADE_FREE, CASCADE_PAID, CASCADE_HEAD, CASCADE_TOLD, CASCADE_THREE, CASCADE_CO)
FAILURE_COSTS = np.concatenate([[0.0], np.geomspace(1e-6, 10.0, 200)])  # dollars per answer


def embed(table: OutcomeTable, inner: object = None, name: str | None = None) -> np.ndarray:
    """Every prompt's embedding through the disk cache (var/embedding-cache/ENCODER/, one
    file per text hash): a second run, or a run after an interrupted one, embeds only the
    texts not seen before. ``inner`` is the encoder, or ``name`` an encoder spec
    (council.outcomes.embedding: "e5@question", "minilm+e5@question"; ENCODER_ALIASES name
    the two encoders); default: the product's MiniLM."""
    from council.assess.encoder import CachedEncoder, default_encoder
    from council.config import paths
    from council.outcomes.embedding import PromptEmbedder

    if name is not None:
        embedder = PromptEmbedder(full_spec(name), paths().embedding_cache)
    else:
        embedder = PromptEmbedder.of(CachedEncoder(inner or default_encoder(),  # type: ignore[arg-type]
                                                   paths().embedding_cache))
    return embed_table(table, embedder).astype(np.float64)


def full_spec(name: str) -> str:
    """An encoder spec with ENCODER_ALIASES spelled out ("minilm+e5@question" ->
    "all-MiniLM-L6-v2+multilingual-e5-small-q4-query@question")."""
    parts = []
    for part in name.split(JOIN):
        encoder, at, reading = part.strip().partition("@")
        parts.append(ENCODER_ALIASES.get(encoder, encoder) + at + reading)
    return JOIN.join(parts)


def knn_p(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray,
          k: int = KNN_K) -> np.ndarray:
    """Per model, the success rate of the k most cosine-similar training prompts."""
    sims = x_test @ x_train.T
    nearest = np.argpartition(-sims, k, axis=1)[:, :k]
    yk = y_train[nearest].astype(np.float64)  # (n, k, M)
    seen = yk >= 0
    return np.where(seen, yk, 0).sum(1) / np.maximum(seen.sum(1), 1)


def two_model_folds(table: OutcomeTable, seed: int = 0) -> np.ndarray:
    """Fold per row: MMLU by subject (whole subjects per fold), others by prompt."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(table), dtype=int)
    sources = np.array(table.sources)
    subjects = sorted({s for s in sources if s.startswith("mmlu")})
    subject_fold = {s: i % FOLDS for i, s in enumerate(rng.permutation(subjects))}
    for i, s in enumerate(sources):
        fold[i] = subject_fold[s] if s in subject_fold else rng.integers(FOLDS)
    return fold


def extra_price(table: OutcomeTable, prices: Path) -> np.ndarray:
    """Per prompt, the strong model's price minus the weak one's: the prompt's tokens in
    (o200k_base), OUTPUT_TOKENS out, at models.json's list prices."""
    from council.tokens import count_tokens

    rates = {m["id"]: m for m in json.loads(prices.read_text())["models"]}
    tokens = np.array([count_tokens(t) for t in table.prompts], dtype=np.float64)

    def price(model: str) -> np.ndarray:
        r = rates[model]
        return (tokens * r["input_per_mtok"] + OUTPUT_TOKENS * r["output_per_mtok"]) / 1e6

    return price(STRONG) - price(WEAK)


def bench_two(table: OutcomeTable, x: np.ndarray, config: FitConfig,
              prices: Path) -> dict[str, object]:
    js, jw = table.models.index(STRONG), table.models.index(WEAK)
    keep = (table.y[:, js] >= 0) & (table.y[:, jw] >= 0)
    table, x = table.subset(np.flatnonzero(keep)), x[keep]
    fold = two_model_folds(table)
    ours = np.zeros(len(table))
    knn = np.zeros(len(table))
    texts = np.array(table.prompts, dtype=object)
    for f in range(FOLDS):
        tr, te = fold != f, fold == f
        model = fit_chosen(x[tr], table.y[tr], table.models, "bench", config,
                           texts=list(texts[tr]))
        p = model.p_matrix(x[te], list(texts[te]))
        ours[te] = p[:, js] - p[:, jw]
        pk = knn_p(x[tr], table.y[tr], x[te])
        knn[te] = pk[:, js] - pk[:, jw]
    strong, weak = table.y[:, js].astype(float), table.y[:, jw].astype(float)
    # least expected cost: strong iff gain x F > extra price, i.e. F > extra / gain; sweeping
    # F up sends prompts to the strong model in order of gain per extra dollar
    extra = extra_price(table, prices)
    rng = np.random.default_rng(0)
    out: dict[str, object] = {"rows": len(table), "weak_accuracy": weak.mean(),
                              "strong_accuracy": strong.mean()}
    routers = {"success model": ours, f"kNN (k={KNN_K})": knn,
               "success model, least expected cost (gain per extra dollar)": ours / extra,
               "oracle": strong - weak}
    for name, score in routers.items():
        out[name] = _route_metrics(score, weak, strong)
    randoms = [_route_metrics(rng.random(len(table)), weak, strong) for _ in range(10)]
    out["random (mean of 10)"] = {k: float(np.mean([r[k] for r in randoms])) for k in randoms[0]}
    return out


def source_rate_p(y: np.ndarray, sources: Sequence[str]) -> np.ndarray:
    """In-sample ceiling: every prompt gets its source's true success rate per model."""
    src = np.asarray(sources)
    p = np.zeros(y.shape)
    for s in set(src):
        p[src == s] = y[src == s].mean(0)
    return p


def true_difficulty_p(y: np.ndarray, sources: Sequence[str], l2: float = 0.3) -> np.ndarray:
    """In-sample ceiling: P from a 2PL model fitted to the outcomes themselves.

    logit P(m, x) = a_m * (skill[source(x), m] - d_x), with a free difficulty d_x per prompt
    (L2 ``l2``) read off that prompt's own outcomes. It is what a router would know if it
    predicted every prompt's shared difficulty perfectly, and its task type: no text-based
    difficulty can do better than this (it is not a router, it has seen the answers).
    """
    from scipy.optimize import minimize
    from scipy.special import expit

    src_names = sorted(set(sources))
    si = np.array([src_names.index(s) for s in sources])
    n, m = y.shape
    k = len(src_names)

    def parts(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return theta[:n], theta[n:n + k * m].reshape(k, m), np.exp(theta[n + k * m:])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        d, skill, a = parts(theta)
        gap = skill[si] - d[:, None]
        z = a[None, :] * gap
        nll = float(np.sum(np.logaddexp(0, z) - y * z)) + l2 * float(d @ d)
        r = expit(z) - y
        g_d = -(r * a[None, :]).sum(1) + 2 * l2 * d
        g_skill = np.zeros((k, m))
        np.add.at(g_skill, si, r * a[None, :])
        g_loga = (r * gap).sum(0) * a
        return nll, np.concatenate([g_d, g_skill.ravel(), g_loga])

    fit = minimize(loss, np.zeros(n + k * m + m), jac=True, method="L-BFGS-B",
                   options={"maxiter": 3000})
    d, skill, a = parts(fit.x)
    return expit(a[None, :] * (skill[si] - d[:, None]))


def neighbour_agreement(x: np.ndarray, y: np.ndarray,
                        sources: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per source: how far a model's outcome on a prompt follows its outcome on the most
    similar other prompt (cosine over the same embeddings), the smallest and largest such
    correlation over models. Near 0 means the embeddings say nothing per model per prompt."""
    sims = x @ x.T
    np.fill_diagonal(sims, -np.inf)
    nearest = sims.argmax(1)
    src = np.asarray(sources)
    out: dict[str, dict[str, float]] = {}
    for s in sorted(set(src)):
        rows = np.flatnonzero(src == s)
        corr = [float(np.corrcoef(y[rows, j], y[nearest[rows], j])[0, 1])
                for j in range(y.shape[1])
                if y[rows, j].std() > 0 and y[nearest[rows], j].std() > 0]
        out[s] = {"rows": len(rows), "min": min(corr), "max": max(corr),
                  "median_similarity": float(np.median(sims[rows, nearest[rows]]))}
    return out


def price_fit(priced: np.ndarray, unit: np.ndarray, cost: np.ndarray,
              models: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per model, how well the out-of-fold predicted price follows the real cost: R^2 and the
    mean absolute error as a share of the mean cost, against pricing every call at the mean."""
    spread = ((cost - cost.mean(0)) ** 2).sum(0)
    out = {}
    for j, name in enumerate(models):
        out[name] = {"cv": float(cost[:, j].std() / cost[:, j].mean()),
                     "r2": float(1 - ((priced[:, j] - cost[:, j]) ** 2).sum() / spread[j]),
                     "mae_share": float(np.abs(priced[:, j] - cost[:, j]).mean()
                                        / cost[:, j].mean()),
                     "mae_share_mean_price": float(np.abs(unit[:, j] - cost[:, j]).mean()
                                                   / cost[:, j].mean())}
    return out


def _route_metrics(score: np.ndarray, weak: np.ndarray, strong: np.ndarray) -> dict[str, float]:
    return {"APGR": mt.apgr(score, weak, strong), "CPT50": mt.cpt(score, weak, strong, 0.5),
            "CPT80": mt.cpt(score, weak, strong, 0.8)}


def complete_rows(table: OutcomeTable) -> np.ndarray:
    """(b)'s rows: every model's outcome and cost known."""
    if table.cost is None:
        raise SystemExit("routerbench outcomes carry no cost_usd")
    return (table.y >= 0).all(1) & np.isfinite(table.cost).all(1)


def many_folds(n: int, seed: int = 0) -> np.ndarray:
    """(b)'s five folds by prompt: the one draw every (b) figure uses (seed 0); another seed
    checks a choice made on these folds on a fresh draw."""
    return np.random.default_rng(seed).permutation(n) % FOLDS


def oof_success(x: np.ndarray, y: np.ndarray, models: Sequence[str], texts: Sequence[str],
                fold: np.ndarray, config: FitConfig) -> np.ndarray:
    """Out-of-fold P(success) of the success model: fitted on the other folds, per fold."""
    p = np.zeros(y.shape)
    texts_arr = np.array(texts, dtype=object)
    for f in range(FOLDS):
        tr, te = fold != f, fold == f
        model = fit_chosen(x[tr], y[tr], models, "bench", config, texts=list(texts_arr[tr]))
        p[te] = model.p_matrix(x[te], list(texts_arr[te]))
    return p


def fold_prices(prompts: Sequence[str], cost: np.ndarray, models: Sequence[str],
                fold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The prices the rule sees, from the training folds: each model's mean cost per call,
    and each prompt's cost predicted before the call (council.outcomes.call_cost)."""
    unit, priced = np.zeros(cost.shape), np.zeros(cost.shape)
    inputs = cost_inputs(prompts)
    for f in range(FOLDS):
        tr, te = fold != f, fold == f
        unit[te] = cost[tr].mean(0)
        priced[te] = fit_call_cost(inputs[tr], cost[tr], models).predict(inputs[te])
    return unit, priced


def fold_choice(p: np.ndarray, price: np.ndarray, fold: np.ndarray,
                failure_usd: float) -> np.ndarray:
    """The product's pick per row, fold by fold (each fold's prices from its own training)."""
    choice = np.zeros(len(p), dtype=int)
    for f in range(FOLDS):
        te = fold == f
        choice[te] = picking.pick_least_expected(p[te], price[te], failure_usd).choice
    return choice


def sweep_least_expected(p: np.ndarray, price: np.ndarray, fold: np.ndarray, y: np.ndarray,
                         cost: np.ndarray) -> list[mt.CurvePoint]:
    """The product's rule per fold, swept over FAILURE_COSTS; every answer charged its cost."""
    pts = []
    for f_usd in FAILURE_COSTS:
        choice = fold_choice(p, price, fold, f_usd)
        pts.append(mt.CurvePoint(**{**asdict(mt.evaluate_choice(choice, y, cost)),
                                    "label": f"F=${f_usd:.3g}"}))
    return pts


def curve_figures(pts: list[mt.CurvePoint], gpt4_cost: float,
                  gpt4_acc: float) -> dict[str, float | None]:
    """Accuracy at <= 10% of GPT-4's cost, the least cost share matching GPT-4, the AUC."""
    front = mt.frontier(pts)
    least = mt.least_cost_reaching(front, gpt4_acc)
    return {"accuracy_at_10pct_gpt4_cost": mt.best_accuracy_within(front, 0.1 * gpt4_cost),
            "least_cost_matching_gpt4_share": None if least is None else least / gpt4_cost,
            "auc_0_to_gpt4_cost": mt.area_under_curve(pts, gpt4_cost),
            "best_accuracy": max(q.accuracy for q in pts)}


def brier(p: np.ndarray, y: np.ndarray) -> float:
    """Held-out Brier, the mean over models of each model's mean over its observed rows."""
    return float(np.mean([np.mean((p[y[:, j] >= 0, j] - y[y[:, j] >= 0, j]) ** 2)
                          for j in range(y.shape[1])]))


def classifier_categories(table: OutcomeTable) -> list[str]:
    """Each prompt's top category as the local classifier reads it, both its readings through
    the disk cache: what the product reads, never the source label. Kept in
    var/bench/routerbench_categories.json per classifier artifact and text."""
    import hashlib

    from council.assess.classifier import LocalClassifier
    from council.assess.encoder import CachedEncoder
    from council.classifier_loader import ensure_classifier
    from council.config import paths

    loaded = ensure_classifier()
    ident = hashlib.sha256(json.dumps(loaded.metadata, sort_keys=True,
                                      default=str).encode()).hexdigest()[:16]
    keys = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest()[:20]
            for t in table.prompts]
    path = Path(__file__).resolve().parent.parent / "var" / "bench" / "routerbench_categories.json"
    kept = json.loads(path.read_text()) if path.exists() else {}
    known = kept.get("categories", {}) if kept.get("classifier") == ident else {}
    todo = [i for i, k in enumerate(keys) if k not in known]
    if todo:
        cache = paths().embedding_cache
        second = CachedEncoder(loaded.second.encoder, cache) if loaded.second else None
        clf = LocalClassifier(loaded.params, loaded.metadata,
                              CachedEncoder(loaded.encoder, cache), second)
        preds = clf.predict([table.prompts[i] for i in todo])
        known.update({keys[i]: pr.category for i, pr in zip(todo, preds, strict=True)})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"classifier": ident, "categories": known}))
    return [known[k] for k in keys]


def plot_name(fold_seed: int) -> str:
    return ("routing_cost_accuracy.png" if not fold_seed
            else f"routing_many_seed{fold_seed}_cost_accuracy.png")


@dataclass(frozen=True)
class CascadeCase:
    """One cascade row: the longest chain offered, the check the rule prices, the real one."""

    length: int
    priced: cas.Detector
    real: cas.Detector
    co_failure: bool = False  # priced with the training folds' co-failure, not independence


IMPERFECT = cas.Detector(CHECK_USD, MISS, FALSE_FLAG)
CASCADE_CASES = {
    CASCADE_FREE: CascadeCase(2, cas.Detector(), cas.Detector()),
    CASCADE_PAID: CascadeCase(2, cas.Detector(CHECK_USD), cas.Detector(CHECK_USD)),
    CASCADE_HEAD: CascadeCase(2, cas.Detector(CHECK_USD), IMPERFECT),
    CASCADE_TOLD: CascadeCase(2, IMPERFECT, IMPERFECT),
    CASCADE_THREE: CascadeCase(3, cas.Detector(CHECK_USD), IMPERFECT),
    CASCADE_CO: CascadeCase(2, cas.Detector(CHECK_USD), IMPERFECT, co_failure=True),
}
NO_CASCADE = CascadeCase(1, cas.Detector(), cas.Detector())  # the product's row, per source


@dataclass(frozen=True)
class SweptPoint:
    """One failure cost of a cascade sweep: the mean over the check's draws."""

    point: mt.CurvePoint
    by_source: dict[str, dict[str, float]]  # source -> accuracy, cost
    chained: int  # prompts given a chain of two or more stages
    escalated: float  # prompts whose second stage was called (mean over draws)


def sweep_chains(p: np.ndarray, price: np.ndarray, fold: np.ndarray, y: np.ndarray,
                 cost: np.ndarray, allowed: np.ndarray, case: CascadeCase,
                 sources: Sequence[str]) -> list[SweptPoint]:
    """The product's rule over single models and chains (council.outcomes.cascading) per
    fold, swept over FAILURE_COSTS; every call and check charged at its real cost."""
    chains = cas.Chains.up_to(p.shape[1], case.length)
    spend, success = np.zeros((len(y), len(chains))), np.zeros((len(y), len(chains)))
    for f in range(FOLDS):
        te = fold == f
        ratio = cas.co_failure(y[(fold != f) & allowed]) if case.co_failure else None
        spend[te], success[te] = cas.chain_columns(p[te], price[te], chains, case.priced,
                                                   allowed[te], ratio)
    long_chain = np.array([len(c) > 1 for c in chains.stages])
    draws = ([None] if case.real.perfect
             else [cas.verdicts(y.shape, seed) for seed in range(DETECTOR_SEEDS)])
    src = np.asarray(sources)
    out = []
    for f_usd in FAILURE_COSTS:
        choice = fold_choice(success, spend, fold, f_usd)
        runs = [cas.charge(choice, chains, y, cost, case.real, d) for d in draws]
        right = np.mean([r.success for r in runs], 0)
        paid = np.mean([r.cost for r in runs], 0)
        out.append(SweptPoint(
            mt.CurvePoint(float(paid.mean()), float(right.mean()), f"F=${f_usd:.3g}"),
            {s: {"accuracy": float(right[src == s].mean()), "cost": float(paid[src == s].mean())}
             for s in sorted(set(src))},
            int(long_chain[choice].sum()), float(np.mean([r.escalated.sum() for r in runs]))))
    return out


def at_budget(swept: list[SweptPoint], budget: float) -> SweptPoint | None:
    """The most accurate point costing at most ``budget`` (the cheaper on a tie)."""
    ok = [q for q in swept if q.point.cost <= budget + 1e-15]
    return max(ok, key=lambda q: (q.point.accuracy, -q.point.cost)) if ok else None


def gpt4_given_cheap_failed(y: np.ndarray, rows: np.ndarray, models: Sequence[str],
                            g: int) -> dict[str, dict[str, float]]:
    """On ``rows``: GPT-4's success rate, and its rate where each other model failed. The
    pricing takes them as independent; equal rates would bear that out."""
    out = {}
    for j, name in enumerate(models):
        failed = rows & (y[:, j] == 0)
        if j != g and failed.any():
            out[name] = {"cheap_failed": int(failed.sum()),
                         "gpt4": float(y[rows, g].mean()),
                         "gpt4_where_cheap_failed": float(y[failed, g].mean())}
    return out


def bench_many(table: OutcomeTable, x: np.ndarray, config: FitConfig,
               report_dir: Path, categories: Callable[[], Sequence[str]] | None = None,
               fold_seed: int = 0) -> dict[str, object]:
    """(b); ``categories`` (gives the local classifier's category per row of ``table``,
    called after the fit) adds the cascade rows, on the prompts whose category a test
    checks."""
    complete = complete_rows(table)
    y, cost = table.y[complete], table.cost[complete]  # type: ignore[index]
    table, x = table.subset(np.flatnonzero(complete)), x[complete]
    n, m = y.shape
    g = table.models.index(GPT4)
    rng = np.random.default_rng(0)
    rng.permutation(n)  # the seed-0 folds' draw: the random router's draws follow it
    fold = many_folds(n, fold_seed)
    p_ours = oof_success(x, y, table.models, table.prompts, fold, config)
    unit, priced = fold_prices(table.prompts, cost, table.models, fold)
    p_knn = np.zeros((n, m))
    for f in range(FOLDS):
        p_knn[fold == f] = knn_p(x[fold != f], y[fold != f], x[fold == f])
    bars = np.linspace(0.0, 1.0, 201)

    def by_fold(choose: object) -> np.ndarray:
        choice = np.zeros(n, dtype=int)
        for f in range(FOLDS):
            te = fold == f
            choice[te] = choose(te)  # type: ignore[operator]
        return choice

    def point(choice: np.ndarray, label: str) -> mt.CurvePoint:
        return mt.CurvePoint(**{**asdict(mt.evaluate_choice(choice, y, cost)), "label": label})

    def sweep_bar(p: np.ndarray) -> list[mt.CurvePoint]:
        return [point(by_fold(lambda te, t=t: mt.choose_by_bar(p[te], unit[te][0], t)),
                      f"t={t:.3f}") for t in bars]

    def sweep_failure(p: np.ndarray, price: np.ndarray = unit) -> list[mt.CurvePoint]:
        return sweep_least_expected(p, price, fold, y, cost)

    def sweep_budget(p: np.ndarray, price: np.ndarray = unit) -> list[mt.CurvePoint]:
        pts = []
        for share in np.geomspace(0.005, 1.2, 60):
            def within(te: np.ndarray, share: float = share) -> np.ndarray:
                total = share * unit[te][0, g] * int(te.sum())
                if total < price[te].min(1).sum():
                    return price[te].argmin(1)
                return picking.pick_within_budget(p[te], price[te], total).choice
            pts.append(point(by_fold(within), f"budget {share:.3f} of GPT-4's"))
        return pts

    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())
    curves = {PRODUCT: sweep_failure(p_ours), PRODUCT_PROMPT: sweep_failure(p_ours, priced),
              KNN: sweep_failure(p_knn), BUDGET: sweep_budget(p_ours),
              BUDGET_PROMPT: sweep_budget(p_ours, priced), OLD: sweep_bar(p_ours),
              KNN_OLD: sweep_bar(p_knn), CEIL_PRICE: sweep_failure(p_ours, cost)}
    # Ceilings, in-sample: what the rules could do with perfect knowledge of each prompt's
    # task type, or of its task type and shared difficulty (not routers).
    p_source, p_true = source_rate_p(y, table.sources), true_difficulty_p(y, table.sources)
    for name, p in ((CEIL_SOURCE, p_source), (CEIL_TRUE, p_true)):
        curves[name] = sweep_failure(p)
        curves[name + OLD_SUFFIX] = sweep_bar(p)
    cascade: dict[str, object] = {}
    swept: dict[str, list[SweptPoint]] = {}
    if categories is not None:
        cats = np.asarray(categories())[complete]
        allowed = np.isin(cats, cas.TESTED_CATEGORIES)
        src = np.asarray(table.sources)
        for name, case in {**CASCADE_CASES, PRODUCT: NO_CASCADE}.items():
            swept[name] = sweep_chains(p_ours, unit, fold, y, cost, allowed, case, table.sources)
            if name in CASCADE_CASES:
                curves[name] = [q.point for q in swept[name]]
        cascade = {"detectable": int(allowed.sum()),
                   "detectable_by_source": {s: int((allowed & (src == s)).sum())
                                            for s in sorted(set(src))},
                   "categories_by_source": {s: {c: int(((cats == c) & (src == s)).sum())
                                                for c in sorted(set(cats[src == s]))}
                                            for s in sorted(set(src))},
                   "tested_categories": list(cas.TESTED_CATEGORIES),
                   "check_usd": CHECK_USD, "miss": MISS, "false_flag": FALSE_FLAG,
                   "detector_seeds": DETECTOR_SEEDS,
                   "gpt4_given_cheap_failed": gpt4_given_cheap_failed(y, allowed, table.models,
                                                                      g)}
    oof = Path(__file__).resolve().parent.parent / "var" / "bench"
    oof.mkdir(parents=True, exist_ok=True)
    saved = "routing_oof.npz" if fold_seed == 0 else f"routing_oof_seed{fold_seed}.npz"
    np.savez(oof / saved, p_ours=p_ours, p_knn=p_knn, fold=fold, unit=unit,
             priced=priced, y=y, cost=cost, models=np.array(table.models),
             ids=np.array(table.ids))
    singles = {name: mt.CurvePoint(float(cost[:, j].mean()), float(y[:, j].mean()), name)
               for j, name in enumerate(table.models)}
    random_choice = rng.integers(m, size=n)
    random_pt = mt.evaluate_choice(random_choice, y, cost)
    # oracle: cheapest model that succeeds; if none does, the cheapest model (and it fails)
    masked = np.where(y == 1, cost, np.inf)
    oracle_choice = np.where(np.isfinite(masked).any(1), masked.argmin(1), cost.argmin(1))
    oracle_pt = mt.evaluate_choice(oracle_choice, y, cost)

    summary: dict[str, object] = {"rows": n, "gpt4_cost": gpt4_cost, "gpt4_accuracy": gpt4_acc}
    for name, pts in curves.items():
        front = mt.frontier(pts)
        least = mt.least_cost_reaching(front, gpt4_acc)
        summary[name] = {
            "accuracy_at_10pct_gpt4_cost": mt.best_accuracy_within(front, 0.1 * gpt4_cost),
            "least_cost_matching_gpt4": least,
            "least_cost_matching_gpt4_share": None if least is None else least / gpt4_cost,
            "auc_0_to_gpt4_cost": mt.area_under_curve(pts, gpt4_cost),
            "best_accuracy": max(q.accuracy for q in pts),
            "frontier": [asdict(q) for q in front]}
        if name in HULLED:
            hull = mt.upper_hull(pts)
            least = mt.hull_least_cost_reaching(hull, gpt4_acc)
            summary[name + HULL] = {
                "accuracy_at_10pct_gpt4_cost": mt.hull_accuracy_at(hull, 0.1 * gpt4_cost),
                "least_cost_matching_gpt4": least,
                "least_cost_matching_gpt4_share": None if least is None else least / gpt4_cost,
                "auc_0_to_gpt4_cost": mt.hull_area(pts, gpt4_cost),
                "best_accuracy": hull[-1].accuracy,
                "frontier": [asdict(q) for q in hull]}
    for name, pts in swept.items():
        best = at_budget(pts, 0.1 * gpt4_cost)
        summary.setdefault(name, {})["at_10pct"] = None if best is None else {  # type: ignore[union-attr]
            "accuracy": best.point.accuracy, "cost_share": best.point.cost / gpt4_cost,
            "label": best.point.label, "chained": best.chained, "escalated": best.escalated,
            "by_source": {s: {"accuracy": v["accuracy"], "cost_share": v["cost"] / gpt4_cost}
                          for s, v in best.by_source.items()}}
    if cascade:
        summary["cascade"] = cascade
    summary["fold_seed"] = fold_seed
    summary["price prediction"] = price_fit(priced, unit, cost, table.models)
    summary["neighbour agreement"] = neighbour_agreement(x, y, table.sources)
    summary["single models"] = {k: asdict(v) for k, v in singles.items()}
    summary["random"] = asdict(random_pt)
    summary["oracle"] = asdict(oracle_pt)
    cheap = [v for v in singles.values() if v.cost <= 0.1 * gpt4_cost]
    summary["best single model within 10% of GPT-4 cost"] = asdict(
        max(cheap, key=lambda q: q.accuracy)) if cheap else None
    _plot(curves, singles, random_pt, oracle_pt, gpt4_cost,
          report_dir / plot_name(fold_seed))
    return summary

# ---- encoders compared on the same folds (--encoder) ------------------------------------------
ENCODERS_REPORT = "routing_encoders"


def oof_path(encoder: str) -> Path:
    """Where (b)'s out-of-fold P for ``encoder`` is kept (for training/decision_experiments.py);
    the full bench's own file is routing_oof.npz."""
    slug = encoder.replace("/", "_").replace(JOIN, "_plus_").replace("@", "_at_")
    return Path(__file__).resolve().parent.parent / "var" / "bench" / f"routing_oof_{slug}.npz"


def compare_many(table: OutcomeTable, names: Sequence[str],
                 config: FitConfig) -> dict[str, dict[str, object]]:
    """(b) for each encoder: the success model's out-of-fold P on the bench's folds, under the
    product's rule with both prices, as the full bench scores it (without its baselines)."""
    complete = complete_rows(table)
    y, cost = table.y[complete], table.cost[complete]  # type: ignore[index]
    sub = table.subset(np.flatnonzero(complete))
    fold = many_folds(len(y))
    unit, priced = fold_prices(sub.prompts, cost, sub.models, fold)
    g = sub.models.index(GPT4)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())
    out: dict[str, dict[str, object]] = {}
    for name in names:
        start = time.time()
        x = embed(table, name=name)[complete]
        embedded = time.time()
        p = oof_success(x, y, sub.models, sub.prompts, fold, config)
        path = oof_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, p_ours=p, fold=fold, unit=unit, priced=priced, y=y, cost=cost,
                 models=np.array(sub.models), ids=np.array(sub.ids))
        out[name] = {"dim": int(x.shape[1]), "brier": brier(p, y),
                     "mean price": curve_figures(sweep_least_expected(p, unit, fold, y, cost),
                                                 gpt4_cost, gpt4_acc),
                     "price per prompt": curve_figures(
                         sweep_least_expected(p, priced, fold, y, cost), gpt4_cost, gpt4_acc),
                     "embed_seconds": embedded - start, "fit_seconds": time.time() - embedded}
        print(f"(b) {name}: {json.dumps(out[name], default=float)}", flush=True)
    return out


def compare_two(table: OutcomeTable, names: Sequence[str], config: FitConfig,
                prices: Path) -> dict[str, dict[str, object]]:
    """(a) for each encoder: the success model's out-of-fold gain on the bench's folds (no
    MMLU subject in both train and test), ranked by gain and by gain per extra dollar."""
    js, jw = table.models.index(STRONG), table.models.index(WEAK)
    keep = (table.y[:, js] >= 0) & (table.y[:, jw] >= 0)
    sub = table.subset(np.flatnonzero(keep))
    fold = two_model_folds(sub)
    extra = extra_price(sub, prices)
    strong, weak = sub.y[:, js].astype(float), sub.y[:, jw].astype(float)
    out: dict[str, dict[str, object]] = {}
    for name in names:
        x = embed(table, name=name)[keep]
        p = oof_success(x, sub.y, sub.models, sub.prompts, fold, config)
        gain = p[:, js] - p[:, jw]
        out[name] = {"dim": int(x.shape[1]),
                     "brier": brier(p[:, [js, jw]], sub.y[:, [js, jw]]),
                     "gain": _route_metrics(gain, weak, strong),
                     "gain per extra dollar": _route_metrics(gain / extra, weak, strong)}
        print(f"(a) {name}: {json.dumps(out[name], default=float)}", flush=True)
    return out


def _encoders_markdown(many: dict[str, dict[str, object]] | None,
                       two: dict[str, dict[str, object]] | None, command: str,
                       seconds: float) -> str:
    lines = ["# Routing bench: the success model's encoder", "",
             f"Written by `{command}` ({seconds:.0f} s). The same folds, fit and rule as the "
             f"full bench (`routing.md`); only the encoder changes. `{SHIPPED_ENCODER}` is the "
             "shipped one, measured again in every run. `A+B`: the two unit vectors side by "
             "side, scaled to unit length; `@question`: the encoder reads the prompt's last "
             "blank-line block, else the head + tail window. A row from an earlier run says "
             "so under the table.", ""]
    if many is not None:
        lines += ["## (b) RouterBench, least expected cost (the product's rule)", "",
                  "| encoder | dim | held-out Brier | acc. at <= 10% GPT-4 cost | least cost "
                  "matching GPT-4 (share) | AUC | best acc. | acc. at <= 10%, price per prompt "
                  "| AUC, price per prompt |", "|---|---|---|---|---|---|---|---|---|"]
        for name, r in many.items():
            a, b = r["mean price"], r["price per prompt"]
            share = a["least_cost_matching_gpt4_share"]  # type: ignore[index]
            lines.append(
                f"| {name} | {r['dim']} | {r['brier']:.4f} | "
                f"{a['accuracy_at_10pct_gpt4_cost']:.3f} | "  # type: ignore[index]
                f"{'not reached' if share is None else f'{share:.3f}'} | "
                f"{a['auc_0_to_gpt4_cost']:.3f} | {a['best_accuracy']:.3f} | "  # type: ignore[index]
                f"{b['accuracy_at_10pct_gpt4_cost']:.3f} | "  # type: ignore[index]
                f"{b['auc_0_to_gpt4_cost']:.3f} |")  # type: ignore[index]
        lines += [""] + [f"- {name}: from `{r['command']}`" for name, r in many.items()
                         if r.get("command", command) != command] + [""]
    if two is not None:
        lines += [f"## (a) MMLU/GSM8K, {WEAK} vs {STRONG}", "",
                  "| encoder | dim | held-out Brier (2 models) | APGR | CPT(50%) | CPT(80%) | "
                  "APGR, gain per extra dollar | CPT(50%), gain per extra dollar |",
                  "|---|---|---|---|---|---|---|---|"]
        for name, r in two.items():
            a, b = r["gain"], r["gain per extra dollar"]
            lines.append(f"| {name} | {r['dim']} | {r['brier']:.4f} | {a['APGR']:.3f} | "  # type: ignore[index]
                         f"{a['CPT50']:.3f} | {a['CPT80']:.3f} | {b['APGR']:.3f} | "  # type: ignore[index]
                         f"{b['CPT50']:.3f} |")  # type: ignore[index]
        lines.append("")
    return "\n".join(lines)


def _plot(curves: dict[str, list[mt.CurvePoint]], singles: dict[str, mt.CurvePoint],
          random_pt: mt.CurvePoint, oracle_pt: mt.CurvePoint, gpt4_cost: float,
          path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5))
    cascade = [CASCADE_HEAD] if CASCADE_HEAD in curves else []
    for name in (PRODUCT, KNN, OLD, CEIL_TRUE, *cascade):
        front = mt.frontier(curves[name])
        ax.step([q.cost / gpt4_cost for q in front], [q.accuracy for q in front],
                where="post", label=name + (" (in-sample, least expected cost)"
                                            if name == CEIL_TRUE else ""),
                marker="" if name == CEIL_TRUE else ".",
                ls="--" if name == CEIL_TRUE else "-")
    for name, q in singles.items():
        ax.scatter(q.cost / gpt4_cost, q.accuracy, marker="x", color="grey")
        ax.annotate(name.split("/")[-1], (q.cost / gpt4_cost, q.accuracy), fontsize=7)
    ax.scatter(random_pt.cost / gpt4_cost, random_pt.accuracy, marker="s", label="random")
    ax.scatter(oracle_pt.cost / gpt4_cost, oracle_pt.accuracy, marker="*", s=120,
               label="oracle")
    ax.axvline(0.1, ls=":", color="k", lw=0.8)
    ax.set_xscale("log")
    ax.set_xlabel("mean cost per prompt / always-GPT-4's (log)")
    ax.set_ylabel("accuracy")
    ax.set_title("RouterBench (ARC, MBPP, Winogrande), 5-fold CV, real cost per answer")
    ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _markdown(two: dict[str, object] | None, many: dict[str, object], seconds: float,
              command: str, earlier: dict[str, object] | None = None) -> str:
    """The report; ``earlier`` is the saved result of the last ``--only two`` run, shown
    (with its own command and time) when this run skipped (a)."""
    lines = ["# Routing bench", "", f"Written by `{command}`"
             f" ({seconds:.0f} s with cached embeddings). See docs/routing.md.", "",
             "Every figure is out of fold: prompts the router was not trained on.", ""]
    if two is not None:
        lines += _two_markdown(two)
    elif earlier is not None:
        two = earlier["two_model"]  # type: ignore[assignment]
        lines += [*_two_markdown(two)[:1], "",  # type: ignore[arg-type]
                  f"From the last `{earlier['command']}` ({earlier['seconds']:.0f} s), saved in "
                  f"{TWO_REPORT}; this run skipped (a).",
                  *_two_markdown(two)[1:]]  # type: ignore[arg-type]
    else:
        lines += ["## (a) Two models", "", "Not run (`--only many`).", ""]
    lines += _many_markdown(many, two)
    return "\n".join(lines)


def _two_markdown(two: dict[str, object]) -> list[str]:
    lines = [f"## (a) Two models: {WEAK} vs {STRONG}", "",
             f"{two['rows']} prompts, out-of-fold over {FOLDS} folds; no MMLU subject in both "
             "train and test, GSM8K split by prompt. "
             f"Weak accuracy {two['weak_accuracy']:.3f}, strong {two['strong_accuracy']:.3f}.",
             "", "| router | APGR | CPT(50%) | CPT(80%) |", "|---|---|---|---|"]
    for name, r in two.items():
        if isinstance(r, dict):
            lines.append(f"| {name} | {r['APGR']:.3f} | {r['CPT50']:.3f} | {r['CPT80']:.3f} |")
    return [*lines, "", "Under the product's rule (least expected cost) the strong model is "
              "picked when "
              "its gain in P times the failure cost exceeds its extra price; sweeping the "
              "failure cost ranks prompts by gain per extra dollar (prompt tokens in, "
              f"{OUTPUT_TOKENS} out, at models.json's prices). With one price per model that "
              "ranking is the gain itself, the `success model` row.", ""]


def _many_markdown(many: dict[str, object], two: dict[str, object] | None) -> list[str]:
    lines = ["## (b) Many models: RouterBench, least expected cost swept over the failure "
              "cost", "",
              f"{many['rows']} prompts, {FOLDS}-fold CV by prompt, real cost_usd per answer. "
              f"Always-GPT-4: accuracy {many['gpt4_accuracy']:.3f}, "
              f"${many['gpt4_cost']:.6f} per prompt.", "",
              "| router | acc. at <= 10% GPT-4 cost | least cost matching GPT-4 (share) "
              "| AUC (0..GPT-4 cost) | best acc. |", "|---|---|---|---|---|"]
    def row(name: str, label: str | None = None) -> str:
        r = many[name]
        share = r["least_cost_matching_gpt4_share"]
        return (f"| {label or name} | {r['accuracy_at_10pct_gpt4_cost']:.3f} | "
                f"{'not reached' if share is None else f'{share:.3f}'} | "
                f"{r['auc_0_to_gpt4_cost']:.3f} | {r['best_accuracy']:.3f} |")

    lines += [row(name) for name in ROUTERS]
    if "cascade" in many:
        lines += _cascade_markdown(many)
    lines += ["", "A separate line, not the main figure: the same points on their upper convex "
              "hull. A product that runs under a budget can send each prompt to one of two "
              "operating points at random, in the share that spends the budget (RouterBench's "
              "AIQ is the area under this hull):", "",
              "| router, on its hull | acc. at <= 10% GPT-4 cost | least cost matching GPT-4 "
              "(share) | AUC (0..GPT-4 cost) | best acc. |", "|---|---|---|---|---|"]
    lines += [row(name + HULL, name) for name in HULLED]
    lines += ["", "Price per prompt: each model's cost per call predicted before the call "
              "(council.outcomes.call_cost: ridge on the prompt's o200k tokens and the six text "
              "features, fitted in the training folds), against its real cost, out of fold:", "",
              "| model | CV of real cost | R^2 | mean abs. error / mean cost | same, pricing "
              "at the mean |", "|---|---|---|---|---|"]
    for name, r in many["price prediction"].items():
        lines.append(f"| {name} | {r['cv']:.2f} | {r['r2']:.2f} | {r['mae_share']:.3f} | "
                     f"{r['mae_share_mean_price']:.3f} |")
    lines += ["", "With the call's real cost as the price (in-sample: the price known exactly, "
              "P still out of fold):", "",
              "| router | acc. at <= 10% GPT-4 cost | least cost matching GPT-4 (share) "
              "| AUC (0..GPT-4 cost) | best acc. |", "|---|---|---|---|---|", row(CEIL_PRICE)]
    lines += ["", "Ceilings (in-sample: fitted to the answers, so not routers). What the same "
              "rules reach with each prompt's true task-type success rates, and with those plus "
              "its true shared difficulty (a 2PL model, a free difficulty per prompt and a "
              "skill per model and task type, fitted to all outcomes):", "",
              "| ceiling | acc. at <= 10% GPT-4 cost | least cost matching GPT-4 (share) "
              "| AUC (0..GPT-4 cost) | best acc. |", "|---|---|---|---|---|"]
    lines += [row(name) for name in (CEIL_SOURCE, CEIL_SOURCE + OLD_SUFFIX, CEIL_TRUE,
                                     CEIL_TRUE + OLD_SUFFIX)]
    lines += ["", "Per-model signal per prompt: the correlation of a model's outcome with its "
              "outcome on the most similar other prompt (same embeddings), smallest and "
              "largest over the 11 models:", "",
              "| source | prompts | median similarity | correlation min | max |",
              "|---|---|---|---|---|"]
    for name, r in many["neighbour agreement"].items():
        lines.append(f"| {name} | {r['rows']} | {r['median_similarity']:.3f} | "
                     f"{r['min']:+.3f} | {r['max']:+.3f} |")
    lines += ["", "| single model / baseline | accuracy | cost share of GPT-4 |", "|---|---|---|"]
    for name, q in {**many["single models"], "random": many["random"],
                    "oracle": many["oracle"]}.items():
        lines.append(f"| {name} | {q['accuracy']:.3f} | {q['cost'] / many['gpt4_cost']:.3f} |")
    mine = many[PRODUCT]
    share = mine["least_cost_matching_gpt4_share"]
    acc = mine["accuracy_at_10pct_gpt4_cost"]
    plot = plot_name(int(many.get("fold_seed", 0)))  # type: ignore[call-overload]
    lines += ["", f"![cost/accuracy]({plot})", "", "## Against the targets", ""]
    if two is not None:
        ours = two["success model"]
        lines.append(f"- (a) APGR {ours['APGR']:.3f} (target >= 0.75: "
                     f"{'met' if ours['APGR'] >= 0.75 else 'NOT met'}); CPT(50%) "
                     f"{ours['CPT50']:.3f} (target <= 0.20: "
                     f"{'met' if ours['CPT50'] <= 0.20 else 'NOT met'}).")
    lines += [
              f"- (b) the product's rule, least expected cost: accuracy {acc:.3f} at <= 10% "
              f"of GPT-4's cost (target >= 0.83: {'met' if acc >= 0.83 else 'NOT met'}); "
              f"GPT-4's accuracy "
              f"{'not reached' if share is None else f'at {share:.3f} of its cost'} "
              f"(target <= 0.60: {'met' if share is not None and share <= 0.6 else 'NOT met'}).",
              f"- (b) the same rule's in-sample ceiling with each prompt's true task type "
              f"and true difficulty: {many[CEIL_TRUE]['accuracy_at_10pct_gpt4_cost']:.3f} at "
              f"<= 10% of GPT-4's cost; the old rule on the same P: "
              f"{many[CEIL_TRUE + OLD_SUFFIX]['accuracy_at_10pct_gpt4_cost']:.3f}.",
              ""]
    return [*lines, *_experiments_markdown(REPORTS / "decision_experiments.json")]


def _cascade_markdown(many: dict[str, object]) -> list[str]:
    """The cascade rows beside the product's, per source at <= 10% of GPT-4's cost, and the
    claim the rule in docs/routing.md allows."""
    c: dict = many["cascade"]  # type: ignore[assignment]
    by_src = c["detectable_by_source"]
    sources = sorted(by_src)
    short = [s.split("/")[-1] for s in sources]
    lines = ["", "### The cascade as a candidate (issue 19 part 1)", "",
             f"Detectable: {c['detectable']} of {many['rows']} prompts, those whose top "
             f"category under the local classifier is one a test checks "
             f"({', '.join(c['tested_categories'])}); by source: "
             + ", ".join(f"{n} {by_src[s]}" for n, s in zip(short, sources, strict=True))
             + ". **Assumption: the user's tests catch what MBPP's tests catch.** Per "
             "detectable prompt the rule weighs every model and every ordered pair (cheap, "
             "strong): price(cheap) + check + (1 - P(cheap)) x (price(strong) + (1 - "
             "P(strong)) x F), outcomes taken as independent, the same out-of-fold P and mean "
             "price per call. Charged: the cheap call and the check always, the strong call "
             "only when the check flagged the cheap answer, every call at its real cost. The "
             f"imperfect check misses a failure with probability {c['miss']} and flags a right "
             f"answer with {c['false_flag']} (per (prompt, model) answer; the mean of "
             f"{c['detector_seeds']} seeds).", "",
             "| router | acc. at <= 10% GPT-4 cost | least cost matching GPT-4 (share) | AUC "
             "(0..GPT-4 cost) | best acc. | at <= 10%: "
             + " / ".join(short) + " acc. | at <= 10%: prompts chained / escalated |",
             "|---|---|---|---|---|---|---|"]
    for name in (PRODUCT, *CASCADES):
        r = many[name]
        share = r["least_cost_matching_gpt4_share"]  # type: ignore[index]
        at = r.get("at_10pct") or {}  # type: ignore[union-attr]
        per = " / ".join(f"{at['by_source'][s]['accuracy']:.3f}" for s in sources) if at else "-"
        used = f"{at['chained']} / {at['escalated']:.1f}" if at else "-"
        lines.append(f"| {name} | {r['accuracy_at_10pct_gpt4_cost']:.3f} | "  # type: ignore[index]
                     f"{'not reached' if share is None else f'{share:.3f}'} | "
                     f"{r['auc_0_to_gpt4_cost']:.3f} | {r['best_accuracy']:.3f} | "  # type: ignore[index]
                     f"{per} | {used} |")
    lines += ["", "What the local classifier reads each source as (top category, prompts):", "",
              "| source | categories |", "|---|---|"]
    for s, cats in c["categories_by_source"].items():
        lines.append(f"| {s} | " + ", ".join(f"{k} {v}" for k, v in
                                            sorted(cats.items(), key=lambda kv: -kv[1])) + " |")
    lines += ["", "Independence, checked on the detectable prompts: GPT-4's success rate, and "
              "its rate where the cheap model failed:", "",
              "| cheap model | cheap failed | GPT-4 | GPT-4 where cheap failed |",
              "|---|---|---|---|"]
    for name, r in c["gpt4_given_cheap_failed"].items():
        lines.append(f"| {name} | {r['cheap_failed']} | {r['gpt4']:.3f} | "
                     f"{r['gpt4_where_cheap_failed']:.3f} |")
    head = many[CASCADE_HEAD]
    share = head["least_cost_matching_gpt4_share"]  # type: ignore[index]
    acc = head["accuracy_at_10pct_gpt4_cost"]  # type: ignore[index]
    matched = share is not None and share <= 0.6
    lines += ["", f"Headline row (docs/routing.md's claiming rule: imperfect check, "
              f"${c['check_usd']} a check, mean price; fold draw {many.get('fold_seed', 0)}; "
              "the claim needs both draws): "
              f"{acc:.3f} at <= 10% of GPT-4's cost (target >= 0.83: "
              f"{'met on this draw' if acc >= 0.83 else 'NOT met'}); GPT-4's accuracy "
              f"{'not reached' if share is None else f'at {share:.3f} of its cost'} (target "
              f"<= 0.60: {'met on this draw' if matched else 'NOT met'}).",
              ""]
    return lines


def _experiments_markdown(path: Path) -> list[str]:
    """The table of attempts at a better P under the rule (training/decision_experiments.py)."""
    if not path.exists():
        return ["What was tried: docs/routing.md.", ""]
    data = json.loads(path.read_text())
    lines = ["## Attempts at a better per-prompt P under the rule", "",
             f"`python training/decision_experiments.py --data ../shared/routing` "
             f"({data['seconds']:.0f} s): the same folds, out-of-fold P, least expected cost "
             "swept over F. Brier is the held-out mean over the 11 models.", "",
             "| attempt | Brier | acc. at <= 10% GPT-4 cost | GPT-4 match (share) | AUC "
             "| acc. at <= 10%, price per prompt |", "|---|---|---|---|---|---|"]
    for name, r in data["attempts"].items():
        share = r["match_gpt4_share"]
        priced = r.get("acc_at_10pct_priced")
        lines.append(f"| {name} | {r['brier']:.4f} | {r['acc_at_10pct']:.3f} | "
                     f"{'not reached' if share is None else f'{share:.3f}'} | {r['auc']:.3f} | "
                     f"{'-' if priced is None else f'{priced:.3f}'} |")
    return [*lines, "", "What was tried before: docs/routing.md.", ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared routing folder")
    parser.add_argument("--report-dir", type=Path,
                        default=Path(__file__).resolve().parent.parent / "training" / "reports")
    parser.add_argument("--l2-correction", type=float, default=FitConfig().l2_correction)
    parser.add_argument("--l2-difficulty", type=float, default=FitConfig().l2_difficulty)
    parser.add_argument("--only", choices=("two", "many"), default=None,
                        help="run one part: (a) two models or (b) many models")
    parser.add_argument("--encoder", default=None, metavar="NAME[,NAME...]",
                        help="compare the success model with these encoders (minilm, e5, "
                             "minilm+e5, or a council.assess.encoder name) beside the shipped "
                             "one, on the same folds and rule, without the baselines; writes "
                             f"{ENCODERS_REPORT}.md/.json")
    parser.add_argument("--fold-seed", type=int, default=0,
                        help="(b) only: another draw of the five folds (0: the bench's own); "
                             "its report is routing_many_seedN.md/.json")
    parser.add_argument("--no-cascade", action="store_true",
                        help="(b) without the cascade rows (they read every prompt with the "
                             "local classifier once)")
    args = parser.parse_args(argv)
    if args.fold_seed and args.only != "many":
        parser.error("--fold-seed needs --only many")
    config = FitConfig(l2_correction=args.l2_correction, l2_difficulty=args.l2_difficulty)
    start = time.time()
    if args.encoder is not None:
        return _compare(args, config, start)
    two = many = None
    if args.only != "many":
        two_table = load_table(args.data / "outcomes.jsonl")
        two = bench_two(two_table, embed(two_table), config, args.data / "models.json")
    if args.only != "two":
        many_table = load_table(args.data / "routerbench" / "outcomes.jsonl")
        categories = None if args.no_cascade else lambda: classifier_categories(many_table)
        many = bench_many(many_table, embed(many_table), config, args.report_dir, categories,
                          args.fold_seed)
    seconds = time.time() - start
    args.report_dir.mkdir(parents=True, exist_ok=True)
    saved_two = args.report_dir / TWO_REPORT
    if many is None:
        command = "python bench/routing.py --data ../shared/routing --only two"
        saved_two.write_text(json.dumps({"command": command, "seconds": seconds,
                                         "two_model": two}, indent=2, default=float))
        print("\n".join(_two_markdown(two)))  # type: ignore[arg-type]
        print(f"{seconds:.0f} s; written to {saved_two}")
        return 0
    command = "python bench/routing.py --data ../shared/routing" + (
        f" --only {args.only}" if args.only else "") + (
        f" --fold-seed {args.fold_seed}" if args.fold_seed else "") + (
        " --no-cascade" if args.no_cascade else "")
    earlier = None
    if two is None and saved_two.exists():
        earlier = json.loads(saved_two.read_text())
    text = _markdown(two, many, seconds, command, earlier)
    print(text)
    stem = f"routing_many_seed{args.fold_seed}" if args.fold_seed else "routing"
    (args.report_dir / f"{stem}.md").write_text(text)
    (args.report_dir / f"{stem}.json").write_text(json.dumps(
        {"config": asdict(config), "two_model": two if earlier is None else earlier,
         "many_model": many}, indent=2, default=float))
    return 0



def _compare(args: argparse.Namespace, config: FitConfig, start: float) -> int:
    names = [SHIPPED_ENCODER] + [n.strip() for n in args.encoder.split(",")
                                 if n.strip() and ENCODER_ALIASES.get(n.strip(), n.strip())
                                 != SHIPPED_ENCODER]
    many = two = None
    if args.only != "two":
        many = compare_many(load_table(args.data / "routerbench" / "outcomes.jsonl"), names,
                            config)
    if args.only != "many":
        two = compare_two(load_table(args.data / "outcomes.jsonl"), names, config,
                          args.data / "models.json")
    seconds = time.time() - start
    command = f"python bench/routing.py --data ../shared/routing --encoder {args.encoder}" + (
        f" --only {args.only}" if args.only else "")
    suffix = f"_{args.only}" if args.only else ""
    saved = args.report_dir / f"{ENCODERS_REPORT}{suffix}.json"
    for rows in (many, two):  # each row names its run; rows of other encoders are kept
        for r in (rows or {}).values():
            r["command"] = command
    if saved.exists():
        earlier = json.loads(saved.read_text())
        many = _keep_earlier(earlier.get("many_model"), many)
        two = _keep_earlier(earlier.get("two_model"), two)
    text = _encoders_markdown(many, two, command, seconds)
    print(text)
    args.report_dir.mkdir(parents=True, exist_ok=True)
    (args.report_dir / f"{ENCODERS_REPORT}{suffix}.md").write_text(text)
    (args.report_dir / f"{ENCODERS_REPORT}{suffix}.json").write_text(json.dumps(
        {"command": command, "seconds": seconds, "config": asdict(config), "many_model": many,
         "two_model": two}, indent=2, default=float))
    return 0



def _keep_earlier(earlier: dict[str, dict[str, object]] | None,
                  now: dict[str, dict[str, object]] | None) -> dict[str, dict[str, object]] | None:
    """This run's rows, then an earlier run's rows for encoders this run did not measure."""
    if not earlier:
        return now
    kept = {k: v for k, v in earlier.items() if now is None or k not in now}
    return {**(now or {}), **kept} or None


if __name__ == "__main__":
    sys.exit(main())
