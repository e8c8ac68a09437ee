"""Fit the feedback rules on real outcomes: the prior strength N and the minimum of verdicts.

    python training/prior_strength.py --data ../shared/routing [--repeats 10]

The app learns from a team's sparse verdicts ("adequate" / "not") and pulls the fitted P
toward the catalog's adequacy q: P = (n p + N q) / (n + N) (council.outcomes.feedback).
N = PRIOR_STRENGTH and the minimum MIN_VERDICTS were stated; this script measures them.
It plays a team that has rated n tasks for one model: n prompts drawn from the shared
outcome files, that model's real outcome on each, fitted exactly as `council train` fits
feedback (the small-data configuration; all-one-verdict draws are left to the catalog, as
the screening does; MIN_VERDICTS is *not* applied, so n = 2 shows whether it should be). Each fit is
scored by log-loss on 400 prompts it has not seen, against two catalogs:

- "good catalog": q = the model's true success rate on the whole file (a catalog whose
  level for this model is right, the best a curator can do without per-task knowledge);
- "rough catalog": q = the mean success rate of the *other* models (a curator who only
  knows the price tier's average).

It prints, per catalog and n, the log-loss for N in a grid and the best N, and writes
training/reports/prior_strength.json. No shared data is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from council.outcomes.feedback import MIN_VERDICTS, PRIOR_STRENGTH, fit_config_for  # noqa: E402
from council.outcomes.fitting import embed_table  # noqa: E402
from council.outcomes.rows import OutcomeTable, load_table  # noqa: E402
from council.outcomes.success_model import fit_success_model  # noqa: E402

VERDICTS = (1, 2, 3, 6, 12, 24, 48)
STRENGTHS = (0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, float("inf"))
HELD_OUT = 400


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def shrunk(p: np.ndarray, n: int, q: float, strength: float) -> np.ndarray:
    if strength == float("inf"):
        return np.full_like(p, q)
    return (n * p + strength * q) / (n + strength)


def embed(table: OutcomeTable) -> np.ndarray:
    """The prompts as training reads them, through the disk cache."""
    from council.assess.encoder import MiniLMEncoder
    from council.config import paths
    from council.outcomes.embedding import PromptEmbedder

    embedder = PromptEmbedder(MiniLMEncoder.name, paths().embedding_cache)
    return embed_table(table, embedder, progress=False).astype(np.float64)


def simulate(name: str, path: Path, repeats: int, seed: int = 0,
             l2_discrimination: float | None = None) -> dict[str, object]:
    """Mean held-out log-loss per (catalog, n, N), over models and repeats."""
    table = load_table(path)
    x = embed(table)
    y = table.y
    rng = np.random.default_rng(seed)
    loss: dict[str, np.ndarray] = {c: np.zeros((len(VERDICTS), len(STRENGTHS)))
                                   for c in ("good catalog", "rough catalog")}
    fitted_only = np.zeros(len(VERDICTS))  # no prior at all, screening aside
    cells = 0
    one_verdict = np.zeros(len(VERDICTS))  # share of draws the screening leaves to the catalog
    for j, model in enumerate(table.models):
        seen = np.flatnonzero(y[:, j] >= 0)
        rate = float(y[seen, j].mean())
        others = [float(y[y[:, k] >= 0, k].mean()) for k in range(len(table.models)) if k != j]
        priors = {"good catalog": rate, "rough catalog": float(np.mean(others))}
        for _ in range(repeats):
            order = rng.permutation(seen)
            test, pool = order[:HELD_OUT], order[HELD_OUT:]
            yt = y[test, j].astype(np.float64)
            cells += 1
            for a, n in enumerate(VERDICTS):
                rows = pool[:n]
                yn = y[rows, j][:, None]
                if yn.min() == yn.max():  # the screening leaves it to the catalog
                    one_verdict[a] += 1
                    p = None  # P = q whatever N is
                else:
                    config = fit_config_for(n)
                    if l2_discrimination is not None:
                        config = replace(config, l2_discrimination=l2_discrimination)
                    fit = fit_success_model(x[rows], yn, [model], "prior-strength", config,
                                            texts=[table.prompts[i] for i in rows])
                    p = fit.p_matrix(x[test], [table.prompts[i] for i in test])[:, 0]
                fitted_only[a] += log_loss(np.full(len(test), yn.mean()) if p is None else p,
                                           yt)
                for catalog, q in priors.items():
                    for b, strength in enumerate(STRENGTHS):
                        pp = np.full(len(test), q) if p is None else shrunk(p, n, q, strength)
                        loss[catalog][a, b] += log_loss(pp, yt)
    out: dict[str, object] = {"data": name, "models": len(table.models), "repeats": repeats,
                              "draws": cells, "verdicts": list(VERDICTS),
                              "strengths": [str(s) for s in STRENGTHS],
                              "no_prior": (fitted_only / cells).round(4).tolist(),
                              "all_one_verdict_share": (one_verdict / cells).round(3).tolist()}
    for catalog, table_loss in loss.items():
        mean = table_loss / cells
        out[catalog] = {"log_loss": mean.round(4).tolist(),
                        "best_strength": [str(STRENGTHS[int(np.argmin(r))])
                                          if np.ptp(r) > 1e-12 else "any" for r in mean],
                        "at_stated": mean[:, STRENGTHS.index(float(PRIOR_STRENGTH))]
                        .round(4).tolist()}
    return out


def _print(result: dict[str, object]) -> None:
    print(f"\n## {result['data']}: {result['models']} models x {result['repeats']} draws, "
          f"{HELD_OUT} held-out prompts each")
    header = " | ".join(f"N={s}" for s in result["strengths"])  # type: ignore[union-attr]
    for catalog in ("good catalog", "rough catalog"):
        found = result[catalog]
        print(f"\n{catalog}: held-out log-loss\n\n| n | {header} | best N | no prior |")
        print("|---" * (len(STRENGTHS) + 3) + "|")
        for a, n in enumerate(VERDICTS):
            cells = " | ".join(f"{v:.4f}" for v in found["log_loss"][a])  # type: ignore[index]
            print(f"| {n} | {cells} | {found['best_strength'][a]} | "  # type: ignore[index]
                  f"{result['no_prior'][a]:.4f} |")  # type: ignore[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared routing folder")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--l2-discrimination", type=float, default=None,
                        help="override the feedback fit's penalty on log-discrimination")
    parser.add_argument("--report", type=Path,
                        default=ROOT / "training" / "reports" / "prior_strength.json")
    args = parser.parse_args(argv)
    start = time.time()
    results = [simulate("RouterBench", args.data / "routerbench" / "outcomes.jsonl",
                        args.repeats, l2_discrimination=args.l2_discrimination),
               simulate("MMLU/GSM8K", args.data / "outcomes.jsonl", args.repeats,
                        l2_discrimination=args.l2_discrimination)]
    for result in results:
        _print(result)
    print(f"\n{time.time() - start:.0f} s; stated N = {PRIOR_STRENGTH}, "
          f"minimum {MIN_VERDICTS} verdicts")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
