"""The success model against each model's base rate, by training size, on held-out rows.

    python bench/success_model_sizes.py --data ../shared/routing \
        --sizes 100,250,500,1000,2000,full \
        --seeds 0-4 [--variants route,train,...] [--files two,many] [--json OUT]

Per outcome file and seed, the rows are shuffled; the last quarter is the held-out set (the
same for every size of that seed) and the model is fitted on the first ``size`` rows of the
rest (``full``: all of the rest). It prints held-out Brier and log-loss over the observed
cells, the fitted model's and the training rows' base rates', and their difference (negative:
the model is better). Variants (``VARIANTS``): ``route`` fits as `council route train` does
(FitConfig(), texts: features and trees from 300 rows, kNN from 200), ``train`` as `council
train` does (``fit_config_for``), and ablations that take parts away, to see which part loses.
Vectors come through the disk cache (cold rows are encoded).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from council.assess.encoder import CachedEncoder, default_encoder
from council.config import paths
from council.outcomes.embedding import PromptEmbedder
from council.outcomes.feedback import fit_config_for
from council.outcomes.fitting import embed_table
from council.outcomes.rows import OutcomeTable, load_table
from council.outcomes.selection import Selection, fit_chosen
from council.outcomes.success_model import FitConfig, fit_success_model

FILES = {"two": "outcomes.jsonl", "many": "routerbench/outcomes.jsonl"}


@dataclass(frozen=True)
class Variant:
    """How one row of the table is fitted: a configuration for n rows, and whether the fit
    reads the texts (features, and with them the trees)."""

    config: Callable[[int], FitConfig]
    texts: bool = True
    chosen: bool = False  # components chosen on inner folds (selection.fit_chosen)
    gated: bool = True  # False: the choice at every size (selection.MAX_ROWS lifted)


VARIANTS: dict[str, Variant] = {
    "route": Variant(lambda n: FitConfig(), chosen=True),
    "train": Variant(fit_config_for, chosen=True),
    # the fit before session 18's choice on inner folds
    "route-unchosen": Variant(lambda n: FitConfig()),
    # the choice at every size, to judge the gate (selection.MAX_ROWS)
    "route-ungated": Variant(lambda n: FitConfig(), chosen=True, gated=False),
    "train-unchosen": Variant(fit_config_for),
    # ablations of `route`, each taking parts away
    "no-trees": Variant(lambda n: FitConfig(trees=False)),
    "no-trees-no-knn": Variant(lambda n: FitConfig(trees=False, knn_weight=0.0)),
    "irt-only": Variant(lambda n: FitConfig(trees=False, knn_weight=0.0), texts=False),
    "irt-no-corrections": Variant(lambda n: FitConfig(trees=False, knn_weight=0.0,
                                                      l2_correction=1e6), texts=False),
    "irt-4-components": Variant(lambda n: FitConfig(trees=False, knn_weight=0.0,
                                                    components=4), texts=False),
}
for _k in (2, 4, 8, 16):  # fewer whitened components, the rest as `no-trees`
    VARIANTS[f"no-trees-{_k}-components"] = Variant(
        lambda n, k=_k: FitConfig(trees=False, components=k))


@dataclass
class Row:
    file: str
    seed: int
    size: int
    variant: str
    brier: float
    brier_base: float
    log_loss: float
    log_loss_base: float
    seconds: float
    chosen: str = ""


def scores(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(Brier, log-loss) over the observed cells (y >= 0)."""
    seen = y >= 0
    p = np.clip(p, 1e-6, 1 - 1e-6)
    brier = float(np.mean(((p - y) ** 2)[seen]))
    ll = float(-np.mean(np.where(y == 1, np.log(p), np.log(1 - p))[seen]))
    return brier, ll


def base_rates(y: np.ndarray) -> np.ndarray:
    seen = y >= 0
    return np.where(seen, y, 0).sum(0) / np.maximum(seen.sum(0), 1)


def run(table: OutcomeTable, x: np.ndarray, name: str, seed: int, size: int | None,
        variant: str) -> Row | None:
    """One fit and its held-out scores; None when a model has one class in the draw."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(table))
    test = order[-len(table) // 4:]
    pool = order[:-len(table) // 4]
    train = pool if size is None else pool[:size]
    y_tr, y_te = table.y[train], table.y[test]
    rates = base_rates(y_tr)
    if not ((rates > 0) & (rates < 1)).all():
        return None
    spec = VARIANTS[variant]
    texts_tr = [table.prompts[i] for i in train] if spec.texts else None
    texts_te = [table.prompts[i] for i in test] if spec.texts else None
    start = time.process_time()
    if spec.chosen:
        model = fit_chosen(x[train], y_tr, table.models, "bench", spec.config(len(train)),
                           texts=texts_tr, max_rows=None if spec.gated else len(table) + 1)
    else:
        model = fit_success_model(x[train], y_tr, table.models, "bench",
                                  spec.config(len(train)), texts=texts_tr)
    seconds = time.process_time() - start
    p = model.p_matrix(x[test], texts_te)
    brier, ll = scores(p, y_te)
    brier_b, ll_b = scores(np.broadcast_to(rates, y_te.shape), y_te)
    selection = Selection.from_meta(model.meta)
    chosen = selection.chosen if selection else ""
    return Row(name, seed, len(train), variant, brier, brier_b, ll, ll_b, seconds, chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/routing"))
    parser.add_argument("--files", default="two,many")
    parser.add_argument("--sizes", default="100,250,500,1000,2000,full")
    parser.add_argument("--seeds", default="0-4", help="FIRST-LAST, inclusive")
    parser.add_argument("--variants", default="route")
    parser.add_argument("--json", type=Path, help="also write every row here")
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    embedder = PromptEmbedder.of(CachedEncoder(default_encoder(), paths().embedding_cache))
    rows: list[Row] = []
    print(f"{'file':<5} {'seed':>4} {'rows':>5} {'variant':<20} {'Brier':>7} {'base':>7} "
          f"{'diff':>8} {'logloss':>8} {'base':>7} {'diff':>8} {'cpu s':>6} chosen", flush=True)
    for name in args.files.split(","):
        table = load_table(args.data / FILES[name])
        x = embed_table(table, embedder, progress=False).astype(np.float64)
        pool = len(table) - len(table) // 4
        for seed in range(first, last + 1):
            for raw in args.sizes.split(","):
                size = None if raw == "full" else int(raw)
                if size is not None and size >= pool:
                    continue  # the same as full
                for variant in args.variants.split(","):
                    row = run(table, x, name, seed, size, variant)
                    if row is None:
                        print(f"{name:<5} {seed:>4} {raw:>5} {variant:<20} one class in a "
                              "model's training rows: skipped", flush=True)
                        continue
                    rows.append(row)
                    print(f"{name:<5} {seed:>4} {row.size:>5} {variant:<20} {row.brier:7.4f} "
                          f"{row.brier_base:7.4f} {row.brier - row.brier_base:+8.4f} "
                          f"{row.log_loss:8.4f} {row.log_loss_base:7.4f} "
                          f"{row.log_loss - row.log_loss_base:+8.4f} {row.seconds:6.1f} "
                          f"{row.chosen}", flush=True)
                    if args.json:
                        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1))
    summary(rows)


def summary(rows: list[Row]) -> None:
    """Mean and worst (largest) model-minus-base difference over seeds, per file/size/variant."""
    print("\nmean / worst over seeds of (model - base rate); negative is better")
    print(f"{'file':<5} {'rows':>5} {'variant':<20} {'seeds':>5} {'Brier mean':>11} "
          f"{'worst':>8} {'logloss mean':>13} {'worst':>8}")
    keys = sorted({(r.file, r.size, r.variant) for r in rows})
    for key in keys:
        sel = [r for r in rows if (r.file, r.size, r.variant) == key]
        db = np.array([r.brier - r.brier_base for r in sel])
        dl = np.array([r.log_loss - r.log_loss_base for r in sel])
        print(f"{key[0]:<5} {key[1]:>5} {key[2]:<20} {len(sel):>5} {db.mean():+11.4f} "
              f"{db.max():+8.4f} {dl.mean():+13.4f} {dl.max():+8.4f}")


if __name__ == "__main__":
    main()
