"""GPT-4's accuracy under the product's rule: why the success model's P misses it, and
principled corrections of P, every one held out.

    PYTHONPATH=$PWD python training/match_experiments.py --data ../shared/routing [--encoder e5]

RouterBench, the bench's five folds by prompt (bench/routing.py: same draw, same fit, same
prices, same sweep of the failure cost F). For each fold the success model is fitted on the
other four exactly as the bench fits it. Its stacking already cuts the training rows into
three inner folds (council.outcomes.success_model._add_trees): every correction below is
fitted on those inner out-of-fold logits of the training rows (``SuccessModel.inner_logits``)
or built from the three inner models, never on a test row.

First the diagnosis: at the largest F the rule sends each prompt to the model with the
highest P (the price only breaks near-ties); which prompts leave GPT-4, to which models,
how sure the model was, and how those picks do against GPT-4 on the same prompts. Then:

- Platt per model: logit P' = a_m logit P + b_m, fitted on the inner out-of-fold logits.
- shrinkage toward the training rate: logit P' = logit r_m + s_m (logit P - logit r_m), one
  s_m in [0, 1] per model, the least inner log-loss. It damps the winner's curse of taking
  an argmax over eleven noisy estimates, in proportion to how unreliable each model's
  per-prompt deviations proved on rows it had not seen.
- per-prompt empirical Bayes: the same pull, per prompt, by tau_m^2 / (tau_m^2 + sigma_i,m^2),
  where sigma_i,m^2 is the variance of the three inner models' logits for the prompt (its
  uncertainty) and tau_m^2 the variance of model m's inner out-of-fold deviations (the
  signal's spread). Nothing is fitted to outcomes at all.
- both: the per-model shrinkage, then the per-prompt one.
- margin: each model's P less one standard deviation of its advantage over the model with
  the best training rate (GPT-4), across the three inner models: a model leaves GPT-4 only
  when its edge is larger than the fit's own disagreement about that edge.

Writes training/reports/match_experiments.json and prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import routing as bench  # noqa: E402

from council.outcomes.rows import load_table  # noqa: E402
from council.outcomes.success_model import FitConfig, fit_success_model  # noqa: E402


def sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def log_loss(z: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(np.logaddexp(0, z) - y * z))


def fit_platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from scipy.optimize import minimize

    def loss(t: np.ndarray) -> float:
        return log_loss(t[0] * z + t[1], y)

    a, b = minimize(loss, np.array([1.0, 0.0]), method="Nelder-Mead").x
    return float(a), float(b)


def fit_shrink(z: np.ndarray, y: np.ndarray, centre: float) -> float:
    from scipy.optimize import minimize_scalar

    res = minimize_scalar(lambda s: log_loss(centre + s * (z - centre), y), bounds=(0.0, 1.0),
                          method="bounded")
    return float(res.x)


def oof_runs(x: np.ndarray, y: np.ndarray, models: list[str], texts: list[str],
             fold: np.ndarray, config: FitConfig) -> dict[str, np.ndarray]:
    """Per fold: the test P as the bench gets it, and each correction fitted on that fold's
    training rows only."""
    n, m = y.shape
    out = {k: np.zeros((n, m)) for k in ("shipped", "platt", "shrink", "bayes", "both",
                                          "margin")}
    params: dict[str, list] = {"platt": [], "shrink": [], "tree_weight": []}
    texts_arr = np.array(texts, dtype=object)
    for f in range(bench.FOLDS):
        tr, te = fold != f, fold == f
        model = fit_success_model(x[tr], y[tr], models, "bench", config,
                                  texts=list(texts_arr[tr]))
        if model.inner_logits is None:
            raise SystemExit("the fit had no inner folds (too few rows for the stacking)")
        z_te = model.logits(x[te], list(texts_arr[te]))
        z_in, y_in = model.inner_logits, y[tr]
        rate = y_in.mean(0)
        centre = logit(rate)
        subs = np.stack([s.logits(x[te], list(texts_arr[te])) for s in model.inner_models])
        sigma2 = subs.var(0)  # (n_te, M): how much the three inner models disagree
        tau2 = (z_in - centre[None, :]).var(0)  # (M,): the spread of real deviations
        out["shipped"][te] = sig(z_te)
        # the advantage over the model with the best training rate counts only beyond the
        # three inner models' disagreement about it (one standard deviation)
        best = int(np.argmax(rate))
        p_subs = sig(subs)
        spread = (p_subs - p_subs[:, :, [best]]).std(0)  # (n_te, M), 0 for the best itself
        out["margin"][te] = np.clip(sig(z_te) - spread, 0.0, 1.0)
        platt, shrink = [], []
        for j in range(m):
            a, b = fit_platt(z_in[:, j], y_in[:, j])
            s = fit_shrink(z_in[:, j], y_in[:, j], centre[j])
            platt.append((a, b))
            shrink.append(s)
            out["platt"][te, j] = sig(a * z_te[:, j] + b)
            out["shrink"][te, j] = sig(centre[j] + s * (z_te[:, j] - centre[j]))
            pull = tau2[j] / (tau2[j] + sigma2[:, j])
            out["bayes"][te, j] = sig(centre[j] + pull * (z_te[:, j] - centre[j]))
            out["both"][te, j] = sig(centre[j] + s * pull * (z_te[:, j] - centre[j]))
        params["platt"].append(platt)
        params["shrink"].append(shrink)
        params["tree_weight"].append(model.tree_weight)
        print(f"fold {f}: tree weight {model.tree_weight}, shrink "
              f"{', '.join(f'{s:.2f}' for s in shrink)}", flush=True)
    return {**out, "params": params}  # type: ignore[dict-item]


def diagnose(p: np.ndarray, price: np.ndarray, fold: np.ndarray, y: np.ndarray,
             models: list[str], sources: list[str]) -> dict[str, object]:
    """At the largest failure cost swept: who leaves GPT-4, how sure, and how they do."""
    from council.outcomes import picking

    g = models.index(bench.GPT4)
    top = float(bench.FAILURE_COSTS[-1])
    choice = np.zeros(len(y), dtype=int)
    for f in range(bench.FOLDS):
        te = fold == f
        choice[te] = picking.pick_least_expected(p[te], price[te], top).choice
    rows = np.arange(len(y))
    away = choice != g
    margin = p[rows, choice] - p[:, g]
    by_model = {}
    for j in sorted(set(choice[away].tolist())):
        sel = choice == j
        by_model[models[j]] = {"prompts": int(sel.sum()), "its_accuracy": float(y[sel, j].mean()),
                               "gpt4_accuracy_there": float(y[sel, g].mean()),
                               "mean_p": float(p[sel, j].mean()),
                               "mean_p_gpt4": float(p[sel, g].mean())}
    src = np.array(sources)
    by_source = {s: {"prompts": int((away & (src == s)).sum()),
                     "its_accuracy": float(y[rows, choice][away & (src == s)].mean())
                     if (away & (src == s)).any() else None,
                     "gpt4_accuracy_there": float(y[away & (src == s), g].mean())
                     if (away & (src == s)).any() else None}
                 for s in sorted(set(sources))}
    gained = int(((y[rows, choice] == 1) & (y[:, g] == 0) & away).sum())
    lost = int(((y[rows, choice] == 0) & (y[:, g] == 1) & away).sum())
    return {"failure_cost_usd": top, "prompts": len(y), "leave_gpt4": int(away.sum()),
            "accuracy": float(y[rows, choice].mean()), "gpt4_accuracy": float(y[:, g].mean()),
            "right_where_gpt4_wrong": gained, "wrong_where_gpt4_right": lost,
            "margin_quantiles_p_pick_minus_p_gpt4": [
                float(q) for q in np.quantile(margin[away], [0.1, 0.25, 0.5, 0.75, 0.9])]
            if away.any() else [],
            "by_model": by_model, "by_source": by_source}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared routing folder")
    parser.add_argument("--encoder", default="minilm",
                        help="the success model's encoder (as bench/routing.py --encoder)")
    parser.add_argument("--fold-seed", type=int, default=0,
                        help="another draw of the five folds (the bench's is 0), to check on "
                             "fresh folds a choice made on the bench's")
    parser.add_argument("--report", type=Path,
                        default=ROOT / "training" / "reports" / "match_experiments.json")
    args = parser.parse_args(argv)
    start = time.time()
    table = load_table(args.data / "routerbench" / "outcomes.jsonl")
    complete = bench.complete_rows(table)
    y, cost = table.y[complete], table.cost[complete]  # type: ignore[index]
    sub = table.subset(np.flatnonzero(complete))
    x = bench.embed(table, name=args.encoder)[complete]
    fold = bench.many_folds(len(y), args.fold_seed)
    unit, priced = bench.fold_prices(sub.prompts, cost, sub.models, fold)
    runs = oof_runs(x, y, sub.models, sub.prompts, fold, FitConfig())
    g = sub.models.index(bench.GPT4)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())
    names = {"shipped": "success model as fitted (the bench's P)",
             "platt": "Platt per model, fitted on the inner out-of-fold logits",
             "shrink": "shrunk toward each model's training rate, s_m on inner folds",
             "bayes": "per-prompt empirical Bayes: pull tau^2 / (tau^2 + sigma_i^2), "
                      "sigma from the 3 inner models",
             "both": "per-model shrinkage, then the per-prompt pull",
             "margin": "each model's P less the inner models' spread of its advantage over "
                       "the best-rate model (1 sd)"}
    results: dict[str, object] = {}
    lines = [f"encoder {args.encoder}, fold draw {args.fold_seed}", "",
             "| P | held-out Brier | acc. at <= 10% | least cost matching GPT-4 (share) | "
             "AUC | best acc. | acc. at <= 10%, price per prompt | GPT-4 match, price per "
             "prompt |", "|---|---|---|---|---|---|---|---|"]
    for key, label in names.items():
        p = runs[key]
        a = bench.curve_figures(bench.sweep_least_expected(p, unit, fold, y, cost),
                                gpt4_cost, gpt4_acc)
        b = bench.curve_figures(bench.sweep_least_expected(p, priced, fold, y, cost),
                                gpt4_cost, gpt4_acc)
        results[label] = {"brier": bench.brier(p, y), "mean price": a, "price per prompt": b,
                          "diagnosis": diagnose(p, unit, fold, y, sub.models, sub.sources)}

        def share(r: dict) -> str:
            s = r["least_cost_matching_gpt4_share"]
            return "not reached" if s is None else f"{s:.3f}"

        lines.append(f"| {label} | {bench.brier(p, y):.4f} | "
                     f"{a['accuracy_at_10pct_gpt4_cost']:.3f} | {share(a)} | "
                     f"{a['auc_0_to_gpt4_cost']:.3f} | {a['best_accuracy']:.3f} | "
                     f"{b['accuracy_at_10pct_gpt4_cost']:.3f} | {share(b)} |")
    diag = results[names["shipped"]]["diagnosis"]  # type: ignore[index]
    lines += ["", "At the largest failure cost ($10 a failure), the shipped P:", "",
              f"{diag['leave_gpt4']} of {diag['prompts']} prompts leave GPT-4; accuracy "
              f"{diag['accuracy']:.4f} against GPT-4's {diag['gpt4_accuracy']:.4f}; right where "
              f"GPT-4 is wrong {diag['right_where_gpt4_wrong']}, wrong where it is right "
              f"{diag['wrong_where_gpt4_right']}; P(pick) - P(GPT-4) quantiles 10/25/50/75/90%: "
              + ", ".join(f"{q:+.3f}" for q in diag["margin_quantiles_p_pick_minus_p_gpt4"]),
              "", "| sent to | prompts | its accuracy there | GPT-4's there | mean P | "
              "mean P of GPT-4 |", "|---|---|---|---|---|---|"]
    for name, r in diag["by_model"].items():
        lines.append(f"| {name} | {r['prompts']} | {r['its_accuracy']:.3f} | "
                     f"{r['gpt4_accuracy_there']:.3f} | {r['mean_p']:.3f} | "
                     f"{r['mean_p_gpt4']:.3f} |")
    seconds = time.time() - start
    lines += ["", f"{seconds:.0f} s"]
    print("\n".join(lines))
    args.report.parent.mkdir(parents=True, exist_ok=True)
    command = ("python training/match_experiments.py --data ../shared/routing --encoder "
               f"{args.encoder}" + (f" --fold-seed {args.fold_seed}" if args.fold_seed else ""))
    earlier = json.loads(args.report.read_text()) if args.report.exists() else {}
    key = args.encoder + (f", folds {args.fold_seed}" if args.fold_seed else "")
    earlier[key] = {"command": command, "seconds": seconds, "attempts": results,
                             "params": runs["params"], "table": "\n".join(lines)}
    args.report.write_text(json.dumps(earlier, indent=2, default=float))
    args.report.with_suffix(".md").write_text("\n\n".join(
        ["# GPT-4's accuracy under the product's rule: corrections of P\n\nSee "
         "docs/routing.md (Results, \"Why GPT-4's accuracy is missed\")."]
        + [f"Written by `{r['command']}` ({r['seconds']:.0f} s).\n\n{r['table']}"
           for r in earlier.values()]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
