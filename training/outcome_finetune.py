"""MiniLM's top layers fine-tuned on the outcomes, per training fold (issue 19 part 5).

    python training/outcome_finetune.py --data ../shared/routing [--only many|two]
        [--fold-seed 0] [--epochs 3] [--max-tokens 128] [--no-category]

The bench's folds and scoring (bench/routing.py): (b) RouterBench, 5 folds by prompt, the
product's rule swept over the failure cost with the mean price per call and the price
predicted per prompt; (a) MMLU/GSM8K, 5 folds with no MMLU subject in both train and test,
APGR / CPT ranked by gain per extra dollar. For each fold, training/outcome_tuning.py
fine-tunes layers 4-5 and a per-model head on the *training* rows only; then
- "tuned vectors": the shipped success model fitted on that fold's tuned vectors;
- "head": the head's own P;
- "mix": the mean of the head's logit and the shipped success model's (weight 0.5, fixed);
beside "MiniLM" (the shipped success model on MiniLM, recomputed from the same layer-4 states)
and "category-tuned MiniLM" (the local classifier's fine-tune as the encoder). The layer-4
states are computed once and kept in var/bench/ (float16). The shipping rule is in
docs/routing.md ("An encoder tuned on the outcomes"). Writes
training/reports/routing_outcome_finetune[_two][_seedN].json / .md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import routing as rb  # noqa: E402
from outcome_tuning import (  # noqa: E402  (training/, beside this script)
    OutcomeTune,
    fine_tune_outcomes,
    head_logits,
    pooled_outputs,
    unit,
)

from council.outcomes.reading import reading_text  # noqa: E402
from council.outcomes.rows import OutcomeTable, load_table  # noqa: E402
from council.outcomes.success_model import FitConfig, fit_success_model  # noqa: E402

BENCH = ROOT / "var" / "bench"
REPORTS = ROOT / "training" / "reports"
SHIPPED, CATEGORY = "MiniLM (shipped)", "category-tuned MiniLM (council init's), success model"
TUNED, HEAD, MIX = ("outcome-tuned vectors, success model", "outcome-tuned head's own P",
                    "mix: mean logit of the head and the shipped success model")


def states_for(table: OutcomeTable, tag: str) -> list:
    """Layer-4 states of every prompt's head + tail window, computed once and kept (float16)."""
    import torch

    from council.assess.tuned_encoder import lower_states

    path = BENCH / f"lower_states_{tag}.pt"
    if path.exists():
        saved = torch.load(path)
        if saved["ids"] == list(table.ids):
            return [s.float() for s in saved["states"]]
    torch.set_num_threads(1)
    start = time.time()
    states = lower_states([reading_text(t) for t in table.prompts])
    print(f"layer-4 states of {len(states)} prompts: {time.time() - start:.0f} s", flush=True)
    BENCH.mkdir(parents=True, exist_ok=True)
    torch.save({"ids": list(table.ids), "states": [s.half() for s in states]}, path)
    return states


def base_layers():
    """MiniLM's own layers 4-5, as a TunedLayers (so the same code path gives MiniLM)."""
    from council.assess.tuned_encoder import TunedLayers, top_copies

    return TunedLayers.from_state(top_copies().state_dict())


def category_layers():
    from council.assess.classifier import load_classifier
    from council.config import paths

    tuned = load_classifier(paths().classifier_artifact).params.tuned()
    if tuned is None:
        raise SystemExit("the classifier artifact has no tuned layers: run council init")
    return tuned


def oof(x_of_fold, y: np.ndarray, models, texts, fold: np.ndarray,
        config: FitConfig) -> np.ndarray:
    """Out-of-fold logits of the success model; x_of_fold(f) gives fold f's vectors."""
    p = np.zeros(y.shape)
    texts_arr = np.array(texts, dtype=object)
    for f in range(rb.FOLDS):
        tr, te = fold != f, fold == f
        x = x_of_fold(f)
        model = fit_success_model(x[tr], y[tr], models, "bench", config,
                                  texts=list(texts_arr[tr]))
        p[te] = model.p_matrix(x[te], list(texts_arr[te]))
    return p


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def variants(states, y, models, texts, fold, config, recipe, category: bool,
             log: dict, tune: bool = True) -> dict[str, np.ndarray]:
    """Out-of-fold P of every variant (rows x models)."""
    from scipy.special import expit

    out: dict[str, np.ndarray] = {}
    start = time.time()
    x_base = unit(pooled_outputs(base_layers(), states))
    out[SHIPPED] = oof(lambda f: x_base, y, models, texts, fold, config)
    log[SHIPPED] = {"seconds": time.time() - start}
    print(f"{SHIPPED}: {log[SHIPPED]}", flush=True)
    if category:
        start = time.time()
        x_cat = unit(pooled_outputs(category_layers(), states))
        out[CATEGORY] = oof(lambda f: x_cat, y, models, texts, fold, config)
        log[CATEGORY] = {"seconds": time.time() - start}
        print(f"{CATEGORY}: {log[CATEGORY]}", flush=True)
    if not tune:
        return out
    head = np.zeros(y.shape)
    tuned_x: dict[int, np.ndarray] = {}
    tune_cpu = []
    start = time.time()
    for f in range(rb.FOLDS):
        tr, te = np.flatnonzero(fold != f), fold == f
        tune = fine_tune_outcomes([states[i] for i in tr], y[tr], models, recipe)
        pooled = pooled_outputs(tune.layers, states)
        head[te] = expit(head_logits(tune, pooled[te]))
        tuned_x[f] = unit(pooled)
        tune_cpu.append(tune.seconds)
        print(f"fold {f}: fine-tune {tune.seconds:.0f} s CPU", flush=True)
    out[HEAD] = head
    out[MIX] = expit(0.5 * logit(head) + 0.5 * logit(out[SHIPPED]))
    out[TUNED] = oof(lambda f: tuned_x[f], y, models, texts, fold, config)
    log[TUNED] = {"seconds": time.time() - start, "fine_tune_cpu_seconds": tune_cpu}
    return out


def run_many(data: Path, seed: int, recipe: OutcomeTune, category: bool,
             tune: bool = True) -> dict:
    table = load_table(data / "routerbench" / "outcomes.jsonl")
    complete = rb.complete_rows(table)
    y, cost = table.y[complete], table.cost[complete]
    sub = table.subset(np.flatnonzero(complete))
    states = states_for(sub, "routerbench")
    fold = rb.many_folds(len(y), seed)
    unit_price, priced = rb.fold_prices(sub.prompts, cost, sub.models, fold)
    g = sub.models.index(rb.GPT4)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())
    log: dict = {}
    ps = variants(states, y, sub.models, sub.prompts, fold, FitConfig(), recipe, category, log,
                  tune)
    rows = {}
    for name, p in ps.items():
        rows[name] = {"brier": rb.brier(p, y),
                      "mean price": rb.curve_figures(
                          rb.sweep_least_expected(p, unit_price, fold, y, cost),
                          gpt4_cost, gpt4_acc),
                      "price per prompt": rb.curve_figures(
                          rb.sweep_least_expected(p, priced, fold, y, cost),
                          gpt4_cost, gpt4_acc), **log.get(name, {})}
        print(f"(b) {name}: {json.dumps(rows[name], default=float)}", flush=True)
    np.savez(BENCH / f"outcome_finetune_oof_seed{seed}.npz", fold=fold, y=y,
             **{f"p{i}": p for i, p in enumerate(ps.values())}, names=np.array(list(ps)))
    return rows


def run_two(data: Path, recipe: OutcomeTune, category: bool, tune: bool = True) -> dict:
    table = load_table(data / "outcomes.jsonl")
    js, jw = table.models.index(rb.STRONG), table.models.index(rb.WEAK)
    keep = (table.y[:, js] >= 0) & (table.y[:, jw] >= 0)
    sub = table.subset(np.flatnonzero(keep))
    states = states_for(sub, "mmlu_gsm8k")
    fold = rb.two_model_folds(sub)
    extra = rb.extra_price(sub, data / "models.json")
    strong, weak = sub.y[:, js].astype(float), sub.y[:, jw].astype(float)
    log: dict = {}
    ps = variants(states, sub.y, sub.models, sub.prompts, fold, FitConfig(), recipe, category,
                  log, tune)
    rows = {}
    for name, p in ps.items():
        gain = p[:, js] - p[:, jw]
        rows[name] = {"brier": rb.brier(p[:, [js, jw]], sub.y[:, [js, jw]]),
                      "gain": rb._route_metrics(gain, weak, strong),
                      "gain per extra dollar": rb._route_metrics(gain / extra, weak, strong),
                      **log.get(name, {})}
        print(f"(a) {name}: {json.dumps(rows[name], default=float)}", flush=True)
    return rows


def post_hoc_mixes(data: Path) -> None:
    """Mean logits of saved out-of-fold P (both fold draws, from earlier runs): chosen after
    seeing the table, so exploratory only; prints Brier, acc. at <= 10% (mean / per prompt)."""
    from scipy.special import expit

    table = load_table(data / "routerbench" / "outcomes.jsonl")
    complete = rb.complete_rows(table)
    y, cost = table.y[complete], table.cost[complete]
    sub = table.subset(np.flatnonzero(complete))
    g = sub.models.index(rb.GPT4)
    gpt4_cost, gpt4_acc = float(cost[:, g].mean()), float(y[:, g].mean())
    for seed in (0, 1):
        saved = np.load(BENCH / f"outcome_finetune_oof_seed{seed}.npz")
        p = {str(n): saved[f"p{i}"] for i, n in enumerate(saved["names"])}
        fold = saved["fold"]
        unit_price, priced = rb.fold_prices(sub.prompts, cost, sub.models, fold)
        mixes = {"category-tuned + head": (CATEGORY, HEAD),
                 "category-tuned + head + shipped": (CATEGORY, HEAD, SHIPPED)}
        for label, parts in mixes.items():
            q = expit(np.mean([logit(p[n]) for n in parts], axis=0))
            a, b = (rb.curve_figures(rb.sweep_least_expected(q, price, fold, y, cost),
                                     gpt4_cost, gpt4_acc) for price in (unit_price, priced))
            print(f"seed {seed} | {label} | {rb.brier(q, y):.4f} | "
                  f"{a['accuracy_at_10pct_gpt4_cost']:.3f} / "
                  f"{b['accuracy_at_10pct_gpt4_cost']:.3f} | "
                  f"{_fmt(a['least_cost_matching_gpt4_share'])} | "
                  f"{a['auc_0_to_gpt4_cost']:.3f} | {a['best_accuracy']:.3f}", flush=True)


def _fmt(v: float | None, digits: int = 3) -> str:
    return "not reached" if v is None else f"{v:.{digits}f}"


def markdown(many: dict | None, two: dict | None, command: str, seconds: float) -> str:
    lines = ["# Routing: MiniLM's top layers fine-tuned on the outcomes, per training fold", "",
             f"Written by `{command}` ({seconds:.0f} s). Out of fold on the bench's folds; the "
             "shipping rule is in docs/routing.md.", ""]
    if many:
        lines += ["## (b) RouterBench", "",
                  "| P | held-out Brier | acc. at <= 10% GPT-4 cost (mean price / per prompt) "
                  "| least cost matching GPT-4 | AUC (mean / per prompt) | best acc. |",
                  "|---|---|---|---|---|---|"]
        for name, r in many.items():
            a, b = r["mean price"], r["price per prompt"]
            lines.append(
                f"| {name} | {r['brier']:.4f} | {a['accuracy_at_10pct_gpt4_cost']:.3f} / "
                f"{b['accuracy_at_10pct_gpt4_cost']:.3f} | "
                f"{_fmt(a['least_cost_matching_gpt4_share'])} | "
                f"{a['auc_0_to_gpt4_cost']:.3f} / {b['auc_0_to_gpt4_cost']:.3f} | "
                f"{a['best_accuracy']:.3f} |")
        lines.append("")
    if two:
        lines += ["## (a) MMLU/GSM8K, Mixtral vs GPT-4", "",
                  "| P | held-out Brier | APGR / CPT(50%) / CPT(80%), gain per extra dollar "
                  "| APGR / CPT(50%), gain |", "|---|---|---|---|"]
        for name, r in two.items():
            d, g = r["gain per extra dollar"], r["gain"]
            lines.append(f"| {name} | {r['brier']:.4f} | {d['APGR']:.3f} / {d['CPT50']:.3f} / "
                         f"{d['CPT80']:.3f} | {g['APGR']:.3f} / {g['CPT50']:.3f} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--only", choices=("two", "many"), default=None)
    parser.add_argument("--fold-seed", type=int, default=0, help="(b) only")
    parser.add_argument("--epochs", type=int, default=OutcomeTune().epochs)
    parser.add_argument("--max-tokens", type=int, default=OutcomeTune().max_tokens)
    parser.add_argument("--no-category", action="store_true",
                        help="skip the category-tuned MiniLM row")
    parser.add_argument("--no-tune", action="store_true",
                        help="only the MiniLM and category-tuned rows (no fine-tune on outcomes)")
    parser.add_argument("--report-dir", type=Path, default=REPORTS)
    parser.add_argument("--post-hoc-mixes", action="store_true",
                        help="print mixes of the saved out-of-fold P of both draws and stop")
    args = parser.parse_args(argv)
    if args.post_hoc_mixes:
        post_hoc_mixes(args.data)
        return 0
    recipe = OutcomeTune(epochs=args.epochs, max_tokens=args.max_tokens)
    start = time.time()
    tune = not args.no_tune
    many = run_many(args.data, args.fold_seed, recipe, not args.no_category, tune) \
        if args.only != "two" else None
    two = run_two(args.data, recipe, not args.no_category, tune) if args.only != "many" else None
    seconds = time.time() - start
    command = "python training/outcome_finetune.py --data ../shared/routing" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
        if not a.startswith("/") and "routing" not in a and a != "--data")
    name = "routing_outcome_finetune" + (f"_{args.only}" if args.only else "") + (
        f"_seed{args.fold_seed}" if args.fold_seed else "") + (
        f"_e{args.epochs}_t{args.max_tokens}" if recipe != OutcomeTune() and tune else "") + (
        "_encoders" if not tune else "")
    args.report_dir.mkdir(parents=True, exist_ok=True)
    text = markdown(many, two, command, seconds)
    print(text)
    (args.report_dir / f"{name}.md").write_text(text)
    (args.report_dir / f"{name}.json").write_text(json.dumps(
        {"command": command, "seconds": seconds, "recipe": asdict(recipe), "many_model": many,
         "two_model": two}, indent=2, default=float))
    return 0


if __name__ == "__main__":
    sys.exit(main())
