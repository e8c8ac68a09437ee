"""Round 8 (issue 17 part 5): new signal for difficulty, the success model's shared IRT head.

Rounds 3-7 (docs/classifier.md) re-weighed the same two readings (the classifier's ordinal
head and the gated kNN of outcome prompts) and never moved the RouterBench figure beyond
the fold draw. The success model (council.outcomes.success_model) fits a different reading
of the same outcomes: one difficulty head shared by every model,

    difficulty(x) = w . e(x) + w_f . f(x) + c,

fitted on the per-model outcomes (not their failure share), on 32 whitened components of
the embedding plus the six text features (council.outcomes.reading.text_features: length,
digit share, code markers, answer options, few-shot blocks, question length), and placed on
the rubric's scale (council.outcomes.anchoring: unit from the catalog, zero point the
rubric-only reading's mean of the fitted prompts). It is what `council route score` writes
per prompt.

Candidates (fixed before any of them was measured; each fitted per split on the outcome
prompts outside the scored fold, both files in one fit as `council route train` with both
files builds it; the shipped reading SHIPPED is head + gated kNN, k 50, w 0.5, s 0.1):
- `irt frozen`: the IRT head alone, in the success model's own space (frozen MiniLM on the
  head + tail window), as `council route score` writes it;
- `irt tuned`: the IRT head alone, fitted in the classifier's space (the category-tuned
  MiniLM on the classifier's reading of the text): no second encoder at assess time;
- `shipped + irt frozen`: the shipped reading moved halfway toward `irt frozen`, gated by the
  kNN's own description gate (the outcome prompts' share among the 50 nearest, pooled with
  the classifier's training descriptions):  d = shipped + IRT_WEIGHT * gate * (irt - shipped);
- `shipped + irt tuned`: the same with `irt tuned`.
IRT_WEIGHT is 0.5, fixed here, not tuned. The category-tuned encoder as the kNN's space (the
brief's third idea) is not a candidate: the kNN has run in that space since CODE_VERSION 9
(docs/classifier.md, "Difficulty from outcomes"), so it is the shipped reading itself.

THE RULE, written and committed before any candidate was measured. Same 2,000-prompt samples
and fold draws as bench/difficulty.py (fold seeds 0, 1, 2; --sample-seed 0 the reported
sample). A candidate ships only if all hold:
  (1) its RouterBench 5-fold Spearman, mean over fold seeds 0, 1, 2, is above the shipped
      reading's mean on the same draws by >= RULE8["rb_lead"] (0.004) AND by >= 2 SE, where
      SE is the larger of (a) the paired bootstrap SE of that mean difference (prompts
      resampled, 200 draws, the three draws' readings resampled together) and (b) the SE of
      the three per-draw differences (sd / sqrt 3);
  (2) its MMLU/GSM8K 5-fold mean over the three draws is >= RULE8["mg_floor"] (0.30);
  (3) one scale: on the held-out rubric rows (the corpus test split, read by the fit on
      every outcome prompt) its mean reading is within RULE8["rubric_shift"] (0.05) of the
      shipped reading's, and its MAE against the labels is not above the shipped one's by
      more than RULE8["mae_rise"] (0.05);
  (4) it holds on a fresh prompt sample: with --sample-seed 1 (fold seeds 0, 1, 2) its
      RouterBench mean is again above the shipped reading's by >= 0.004, and (2) holds there;
  (5) its cost on the description path: if it needs an encoder pass the classifier does not
      already make (`irt frozen` does: frozen MiniLM on the window), the added p50 for one
      written description must be <= 5 ms (issue 17's latency budget), measured before
      shipping; unmeasured counts as failed.
Of those passing, the highest RouterBench mean (sample 0) ships, through what `council train
--outcomes` builds. Candidates are not combined without a run of their own under this rule.
None passing: ship nothing, and table every candidate in docs/classifier.md (round 8).

Result (docs/classifier.md, round 8): none passes; nothing ships. Leads over the shipped
reading, RouterBench mean of three fold draws, sample 0 (paired bootstrap SE) / sample 1:
irt frozen -0.005 (0.011) / +0.008; irt tuned +0.002 (0.010) / +0.011; shipped + irt frozen
+0.005 (0.007) / +0.011; shipped + irt tuned +0.007 (0.006) / +0.011, failing (1) only
(0.007 < 2 SE). Written after the verdict and before running it: a third sample
(--sample-seed 2) is measured outside the rule, as information for a later round; it
cannot ship anything.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CANDIDATES = ("irt frozen", "irt tuned", "shipped + irt frozen", "shipped + irt tuned")
IRT_WEIGHT = 0.5
RULE8 = {"rb_lead": 0.004, "se_multiple": 2.0, "mg_floor": 0.30, "rubric_shift": 0.05,
         "mae_rise": 0.05, "latency_ms": 5.0, "bootstrap": 200}

# The success model's own space: frozen MiniLM on the head + tail window (council route train's
# default encoder spec); the other is the classifier's (category-tuned MiniLM).
FROZEN_SPEC = "all-MiniLM-L6-v2"
SPACES = {"irt frozen": "frozen", "irt tuned": "tuned"}


@dataclass(frozen=True)
class Outcomes:
    """The sampled outcome prompts of both files as one table (council route train with both
    files): y[i, j] is 1 / 0, or -1 where model j has no outcome on prompt i."""

    texts: list[str]
    y: np.ndarray
    models: list[str]


def joint_outcomes(paths: Sequence[Path], sample: Callable[[int], np.ndarray]) -> Outcomes:
    """Each file's sampled rows over the union of models; `sample(rows)` says which of a
    file's rows (bench/difficulty.py passes its sample_index)."""
    from council.outcomes.rows import load_table

    tables = []
    for path in paths:
        table = load_table(path)
        tables.append(table.subset(sample(len(table))))
    models = sorted({m for t in tables for m in t.models})
    col = {m: j for j, m in enumerate(models)}
    y = np.full((sum(len(t) for t in tables), len(models)), -1, dtype=np.int8)
    start = 0
    for t in tables:
        y[start:start + len(t)][:, [col[m] for m in t.models]] = t.y
        start += len(t)
    return Outcomes([p for t in tables for p in t.prompts], y, models)


def fit_irt(x: np.ndarray, outcomes: Outcomes, keep: np.ndarray, anchor_mean: float):
    """The success model fitted on the `keep` prompts (its IRT part: the difficulty head does
    not depend on the kNN term or the trees, which are fitted after it), with its scale's
    zero point at `anchor_mean` (the rubric-only reading's mean of those prompts, as
    council.outcomes.anchoring.anchor_to_classifier sets it)."""
    from council.outcomes.success_model import FitConfig, fit_success_model

    texts = [outcomes.texts[i] for i in keep]
    model = fit_success_model(x[keep], outcomes.y[keep], outcomes.models, FROZEN_SPEC,
                              FitConfig(trees=False, knn_weight=0.0), texts=texts)
    model.shift_scale(anchor_mean - float(model.difficulty(x[keep], texts).mean()))
    return model


def description_gate(outcome_similarity: np.ndarray, own_similarity: np.ndarray) -> np.ndarray:
    """The shipped kNN's gate alone: the outcome prompts' share of the weight among the
    nearest (council.assess.difficulty_knn with every level 1 and the head at 0)."""
    from council.assess.difficulty_knn import knn_difficulty

    n, m = outcome_similarity.shape
    return knn_difficulty(np.zeros(n), outcome_similarity, np.ones(m), own_similarity, 1.0)


def blend(shipped: np.ndarray, irt: np.ndarray, gate: np.ndarray,
          weight: float = IRT_WEIGHT) -> np.ndarray:
    """The shipped reading moved toward the IRT head where the kNN's gate is open."""
    return shipped + weight * gate * (irt - shipped)


def candidate_readings(spaces: dict[str, np.ndarray], read: dict[str, np.ndarray],
                       texts: list[str], outcomes: Outcomes, keep: np.ndarray,
                       anchor_mean: float, shipped: np.ndarray, gate: np.ndarray
                       ) -> dict[str, np.ndarray]:
    """Every candidate's reading of some texts from a fit on the `keep` outcome prompts.

    `spaces` holds every outcome prompt's vector per space ("frozen", "tuned"), `read` the
    read texts' vectors in the same spaces; `shipped` and `gate` are the shipped reading of
    the read texts and its kNN gate from the same fit."""
    out = {}
    for name, space in SPACES.items():
        model = fit_irt(spaces[space], outcomes, keep, anchor_mean)
        out[name] = model.difficulty(np.asarray(read[space], dtype=np.float64), texts)
        out[f"shipped + {name}"] = blend(shipped, out[name], gate)
    return out


def _bootstrap_lead(cand: list[np.ndarray], ship: list[np.ndarray], fail: np.ndarray,
                    draws: int, seed: int = 0) -> float:
    """Paired bootstrap SE of mean-over-draws Spearman(candidate) - Spearman(shipped):
    prompts resampled, every draw's readings resampled together."""
    from council.outcomes.anchoring import spearman

    rng = np.random.default_rng(seed)
    leads = []
    for _ in range(draws):
        ix = rng.integers(0, len(fail), len(fail))
        leads.append(np.mean([spearman(c[ix], fail[ix]) - spearman(s[ix], fail[ix])
                              for c, s in zip(cand, ship, strict=True)]))
    return float(np.std(leads, ddof=1))


def rb_lead(cand: list[np.ndarray], ship: list[np.ndarray], ship_figs: list[float],
            fail: np.ndarray, draws: int) -> tuple[list[float], list[float], float, float, float]:
    """A candidate's Spearman on each fold draw, its lead over the shipped reading's per
    draw and on average, and the two SEs of that mean lead (over the draws; paired
    bootstrap)."""
    from council.outcomes.anchoring import spearman

    figs = [spearman(r, fail) for r in cand]
    leads = [f - g for f, g in zip(figs, ship_figs, strict=True)]
    se_draws = float(np.std(leads, ddof=1) / np.sqrt(len(leads))) if len(leads) > 1 else 0.0
    return (figs, leads, float(np.mean(leads)), se_draws,
            _bootstrap_lead(cand, ship, fail, draws))


def judge(per_draw: dict[int, dict[str, np.ndarray]], fail: np.ndarray, file_of: np.ndarray,
          test_rows: dict[str, np.ndarray], y_test: np.ndarray, shipped: str,
          rb: str, mg: str) -> dict[str, dict[str, object]]:
    """Rules (1)-(3) of this sample for every candidate (rule (4) is a second sample's
    run, `--rule8`; (5) a latency measurement)."""
    from council.outcomes.anchoring import spearman

    rb_mask, mg_mask = file_of == rb, file_of == mg
    seeds = sorted(per_draw)
    ship_rb = [per_draw[s][shipped][rb_mask] for s in seeds]
    ship_figs = [spearman(r, fail[rb_mask]) for r in ship_rb]
    out = {}
    for name in CANDIDATES:
        figs, leads, lead, se_draws, se_boot = rb_lead(
            [per_draw[s][name][rb_mask] for s in seeds], ship_rb, ship_figs, fail[rb_mask],
            RULE8["bootstrap"])
        se = max(se_draws, se_boot)
        mg_mean = float(np.mean([spearman(per_draw[s][name][mg_mask], fail[mg_mask])
                                 for s in seeds]))
        shift = float(test_rows[name].mean() - test_rows[shipped].mean())
        mae = float(np.abs(test_rows[name] - y_test).mean())
        mae_rise = mae - float(np.abs(test_rows[shipped] - y_test).mean())
        fails = [n for n, ok in (
            ("(1)", lead >= RULE8["rb_lead"] and lead >= RULE8["se_multiple"] * se),
            ("(2)", mg_mean >= RULE8["mg_floor"]),
            ("(3)", abs(shift) <= RULE8["rubric_shift"] and mae_rise <= RULE8["mae_rise"]))
            if not ok]
        out[name] = {"rb_draws": figs, "rb_mean": float(np.mean(figs)), "lead": lead,
                     "leads": leads, "se_boot": se_boot, "se_draws": se_draws,
                     "mg_mean": mg_mean, "rubric_mean": float(test_rows[name].mean()),
                     "rubric_shift": shift, "rubric_mae": mae, "mae_rise": mae_rise,
                     "fails": fails}
    out["_shipped"] = {"rb_draws": ship_figs, "rb_mean": float(np.mean(ship_figs)),
                       "mg_mean": float(np.mean([spearman(per_draw[s][shipped][mg_mask],
                                                          fail[mg_mask]) for s in seeds])),
                       "rubric_mean": float(test_rows[shipped].mean()),
                       "rubric_mae": float(np.abs(test_rows[shipped] - y_test).mean())}
    return out


def verdict_lines(verdict: dict[str, dict[str, object]], mg_change: bool = False
                  ) -> list[str]:
    """A rule's verdict as a table; with `mg_change` (round 9's rule) each candidate's
    MMLU/GSM8K mean also shows its change against the shipped reading's."""
    ship = verdict["_shipped"]
    lines = ["| reading | RouterBench 5-fold per draw | mean | lead vs shipped (SE boot / "
             f"draws) | MMLU/GSM8K mean{' (change)' if mg_change else ''} | rubric rows "
             "mean (MAE) | fails (1)-(3) |",
             "|---|---|---|---|---|---|---|",
             f"| shipped | {' / '.join(f'{v:+.3f}' for v in ship['rb_draws'])} | "
             f"{ship['rb_mean']:+.3f} | | {ship['mg_mean']:+.3f} | {ship['rubric_mean']:.2f} "
             f"({ship['rubric_mae']:.2f}) | |"]
    for name, v in verdict.items():
        if name.startswith("_"):
            continue
        change = f" ({v['mg_change']:+.3f})" if mg_change else ""
        lines.append(
            f"| {name} | {' / '.join(f'{x:+.3f}' for x in v['rb_draws'])} | "
            f"{v['rb_mean']:+.3f} | {v['lead']:+.4f} ({v['se_boot']:.4f} / "
            f"{v['se_draws']:.4f}) | {v['mg_mean']:+.3f}{change} | {v['rubric_mean']:.2f} "
            f"({v['rubric_mae']:.2f}) | {', '.join(v['fails']) or 'none'} |")
    return lines


def rule8(reports: Sequence[Path]) -> list[str]:
    """The whole rule from two bench/difficulty.py --round8 reports (difficulty.json):
    sample 0 for (1)-(3), a fresh sample for (4)."""
    first, fresh = (json.loads(Path(p).read_text())["round8"] for p in reports)
    lines = []
    for name in CANDIDATES:
        a, b = first[name], fresh[name]
        fails = list(a["fails"])
        if b["lead"] < RULE8["rb_lead"] or b["mg_mean"] < RULE8["mg_floor"]:
            fails.append("(4)")
        se = max(a["se_boot"], a["se_draws"])
        lines.append(f"{name}: sample 0 lead {a['lead']:+.4f} (SE {se:.4f}), "
                     f"fresh sample lead {b['lead']:+.4f}, M/G {a['mg_mean']:+.3f} / "
                     f"{b['mg_mean']:+.3f}; fails {', '.join(fails) or 'none of (1)-(4)'}")
    return lines


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/difficulty_irt.py difficulty_round8.json "
                 "difficulty_round8_sample1.json  (two bench/difficulty.py --round8 reports)")
    print("\n".join(rule8([Path(a) for a in sys.argv[1:]])))
