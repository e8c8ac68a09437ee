"""Training a success model from outcome files (and app feedback) into an artifact directory.

Also writes the per-model calibration report (Brier score, reliability bins) measured on a
held-out share of the rows before the final fit on all of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from council.outcomes.call_cost import CallCostModel, cost_inputs, fit_call_cost
from council.outcomes.embedding import PromptEmbedder
from council.outcomes.rows import OutcomeTable
from council.outcomes.selection import fit_chosen
from council.outcomes.success_model import FitConfig, SuccessModel

Embed = Callable[[Sequence[str]], np.ndarray]


def embed_table(table: OutcomeTable, embedder: PromptEmbedder, batch: int = 256,
                progress: bool = True) -> np.ndarray:
    """Every prompt embedded as the embedder's spec reads it, in batches with a progress bar
    (a plain encoder: ``PromptEmbedder.of(encoder)``, the head + tail window)."""
    from tqdm import tqdm

    out = np.zeros((len(table), embedder.dim), dtype=np.float32)
    for start in tqdm(range(0, len(table), batch), desc="embedding", unit="batch",
                      disable=not progress):
        out[start:start + batch] = embedder.embed(table.prompts[start:start + batch])
    return out


def calibration(p: np.ndarray, y: np.ndarray, bins: int = 10) -> dict[str, object]:
    """Brier score, expected calibration error and reliability bins for one model."""
    p, y = np.asarray(p, dtype=np.float64), np.asarray(y, dtype=np.float64)
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    table = []
    ece = 0.0
    for b in range(bins):
        sel = which == b
        if sel.any():
            mean_p, rate = float(p[sel].mean()), float(y[sel].mean())
            ece += sel.mean() * abs(mean_p - rate)
            table.append({"bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}", "n": int(sel.sum()),
                          "mean_p": round(mean_p, 4), "observed": round(rate, 4)})
    base = float(y.mean())
    return {"n": len(y), "brier": float(np.mean((p - y) ** 2)),
            "brier_base_rate": float(np.mean((base - y) ** 2)),
            "ece": float(ece), "reliability": table}


def held_out_report(x: np.ndarray, table: OutcomeTable, encoder_name: str,
                    config: FitConfig, share: float = 0.2, seed: int = 0) -> dict[str, object]:
    """Fit on (1 - share) of rows, report per-model calibration on the rest."""
    rng = np.random.default_rng(seed)
    test = rng.random(len(table)) < share
    train_y, test_y = table.y[~test], table.y[test]
    per_model: dict[str, object] = {}
    usable = all(((train_y[:, j] == 1).any() and (train_y[:, j] == 0).any())
                 for j in range(len(table.models)))
    if test.sum() < 20 or not usable:
        return {"note": "too few rows for a held-out calibration report"}
    texts = np.array(table.prompts, dtype=object)
    model = fit_chosen(x[~test], train_y, table.models, encoder_name, config,
                       texts=list(texts[~test]))
    p = model.p_matrix(x[test], list(texts[test]))
    for j, name in enumerate(table.models):
        seen = test_y[:, j] >= 0
        if seen.any():
            per_model[name] = calibration(p[seen, j], test_y[seen, j])
    return {"held_out_share": share, "held_out_rows": int(test.sum()), "per_model": per_model}


def _fit_call_cost(table: OutcomeTable) -> CallCostModel | None:
    """A per-prompt price model when the outcomes carry every model's cost_usd (RouterBench
    does); `council route pick` shapes per-call prices with it (council.outcomes.call_cost)."""
    if table.cost is None or not (np.isfinite(table.cost) & (table.cost >= 0)).any(0).all():
        return None
    return fit_call_cost(cost_inputs(table.prompts), table.cost, table.models)


def train_artifact(table: OutcomeTable, x: np.ndarray, out_dir: Path, encoder_name: str,
                   config: FitConfig | None = None, sources: Sequence[str] = (), *,
                   classifier: Any = None, encoder: Any = None) -> SuccessModel:
    """Report held-out calibration, fit on all rows, save model and report in ``out_dir``.

    Both fits choose how many components the rows can carry on inner folds of their own
    training rows (council.outcomes.selection); the artifact records the choice.

    With ``classifier`` (the local one), the difficulty scale is anchored to its reading of
    the training prompts and the agreement is reported (council.outcomes.anchoring);
    ``encoder`` embeds for it (pass the disk-cached one).
    """
    config = config or FitConfig()
    report = held_out_report(x, table, encoder_name, config)
    model = fit_chosen(x, table.y, table.models, encoder_name, config, texts=table.prompts)
    agreement = None
    if classifier is not None:
        from council.outcomes.anchoring import anchor_to_classifier

        agreement = anchor_to_classifier(model, x, table.prompts, table.y, classifier,
                                         encoder).to_dict()
    cost_model = _fit_call_cost(table)
    model.meta["call_cost"] = cost_model is not None
    model.meta["sources"] = list(sources)
    model.meta["missing_outcomes"] = {m: table.summary.missing(m) for m in table.models}
    model.save(out_dir)
    if cost_model is not None:
        cost_model.save(out_dir)
    (Path(out_dir) / "report.json").write_text(json.dumps(
        {"calibration": report, "summary": table.summary.report(),
         "difficulty_agreement": agreement}, indent=2))
    return model
