"""Round 9 (issue 17 part 5): two readings of difficulty not measured before.

Rounds 3-8 (docs/classifier.md) re-weighed the ordinal head and the gated kNN, and round 8
added the success model's IRT head; every lead stayed under two standard errors. Round 9
measures two things no round measured, both fitted inside the training folds only (nothing
is tuned: each has no free constant):

- `all rows`: the head and the kNN fitted as `council train --outcomes FILE` really builds
  them. The bench fits on a 2,000-prompt sample per file (`--max-rows 2000`), but the product
  fits on every prompt of both shared files (12,155: 2,205 RouterBench, 9,950 MMLU/GSM8K).
  Here every fold's fit also gets the prompts of the files that are outside the sample
  (they are never scored; the scored prompts and folds are the shipped reading's). Every
  outcome row's weight is then capped lower (council.classifier_training.outcome_difficulty
  .level_rows: the outcome rows together weigh OUTCOME_SHARE x the rubric rows), MMLU/GSM8K
  becomes 82% of the outcome rows instead of 50%, and the kNN has 3x as many prompts to
  vote. Whether that helps or hurts RouterBench is the question; either way it says what
  the product ships (the figure in training/reports/difficulty.md is the sample's).
- `weak half`: the target is the failure share of the weaker half of a file's models
  instead of all of them, for the head and the kNN's levels alike (still mapped onto 1-5
  and anchored per file). The weak half: the ceil(m / 2) models with the highest failure
  rate on the fit's prompts of that file (so the choice of models never sees a scored
  prompt); a prompt none of them answered keeps its all-model share. A file with fewer than
  WEAK_MIN_MODELS models keeps the all-model share (with 2 models the weak half is one
  model, half the data). Why it could help: the strong models fail rarely, and often on
  items whose key is disputed, so their failures may order the everyday items less well
  than the weak models' do. It is scored against the all-model share, as every reading.

THE RULE, written and committed before any candidate was measured (bench/difficulty.py
--round9, --max-rows 2000, fold seeds 0, 1, 2). A candidate ships only if all hold:
  (1) on the reported sample (--sample-seed 0) AND on a second one (--sample-seed 1), each
      over fold seeds 0, 1, 2, its RouterBench 5-fold mean leads the shipped reading's (head
      + gated kNN on the sampled prompts, the same folds) by >= 2 SE of the lead, SE the
      larger of the paired bootstrap SE of the mean lead (prompts resampled, 200 draws, the
      three draws resampled together) and the SE of the three per-draw leads;
  (2) on both samples its MMLU/GSM8K 5-fold mean is not below the shipped one's by more
      than 0.01;
  (3) the held-out rubric rows' MAE (corpus test split, read by the fit on every outcome
      prompt) is not above the shipped reading's by more than 0.05, on both samples;
  (4) the warm p50 of one written description's assessment with an artifact built as it
      would ship stays <= 25 ms (benched, not assumed).
Of those passing, the larger mean lead over both samples ships (`all rows` "ships" as the
figure the report states, since the product already fits on all rows; `weak half` through
what `council train --outcomes` builds). Candidates are not combined without a run of their
own under this rule. None passing: nothing ships; both are tabled in docs/classifier.md
(round 9) with their figures.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/difficulty_irt.py
from difficulty_irt import rb_lead  # round 8's lead and its SEs

CANDIDATES = ("all rows", "weak half")
WEAK_MIN_MODELS = 4
RULE9 = {"se_multiple": 2.0, "mg_drop": 0.01, "mae_rise": 0.05, "latency_ms": 25.0,
         "bootstrap": 200}


def outside_sample(levels, index: np.ndarray):
    """The prompts of one file's OutcomeLevels that `index` (the sample) does not hold."""
    return levels.subset(np.setdiff1d(np.arange(len(levels)), index))


def weak_half_share(y: np.ndarray, file_of: np.ndarray, fit: np.ndarray,
                    all_share: np.ndarray) -> np.ndarray:
    """Each prompt's failure share among its file's weaker half of models.

    `y` is prompts x models (1 success, 0 failure, -1 no outcome); the weak half of a file
    is ranked on the `fit` prompts only. Files with fewer than WEAK_MIN_MODELS models, and
    prompts none of the weak half answered, keep `all_share`."""
    out = np.asarray(all_share, dtype=np.float64).copy()
    fit_mask = np.zeros(len(y), dtype=bool)
    fit_mask[fit] = True
    for f in np.unique(file_of):
        mine = file_of == f
        seen = y[mine] >= 0
        models = np.flatnonzero(seen.any(axis=0))
        if len(models) < WEAK_MIN_MODELS:
            continue
        ranked = y[mine & fit_mask][:, models]
        answered = (ranked >= 0).sum(axis=0)
        fail_rate = (ranked == 0).sum(axis=0) / np.clip(answered, 1, None)
        weak = models[np.argsort(-fail_rate, kind="stable")[:int(np.ceil(len(models) / 2))]]
        sub = y[mine][:, weak]
        n = (sub >= 0).sum(axis=1)
        share = np.where(n > 0, (sub == 0).sum(axis=1) / np.clip(n, 1, None),
                         out[mine])
        out[mine] = share
    return out


def judge(per_draw: dict[int, dict[str, np.ndarray]], fail: np.ndarray, file_of: np.ndarray,
          test_rows: dict[str, np.ndarray], y_test: np.ndarray, shipped: str,
          rb: str, mg: str) -> dict[str, dict[str, object]]:
    """Rules (1)-(3) on one sample for every candidate (the other sample is another run;
    `python bench/difficulty_round9.py A.json B.json` joins them; (4) is a latency run)."""
    from council.outcomes.anchoring import spearman

    rb_mask, mg_mask = file_of == rb, file_of == mg
    seeds = sorted(per_draw)
    ship_rb = [per_draw[s][shipped][rb_mask] for s in seeds]
    ship_figs = [spearman(r, fail[rb_mask]) for r in ship_rb]
    ship_mg = float(np.mean([spearman(per_draw[s][shipped][mg_mask], fail[mg_mask])
                             for s in seeds]))
    ship_mae = float(np.abs(test_rows[shipped] - y_test).mean())
    out: dict[str, dict[str, object]] = {}
    for name in CANDIDATES:
        figs, leads, lead, se_draws, se_boot = rb_lead(
            [per_draw[s][name][rb_mask] for s in seeds], ship_rb, ship_figs, fail[rb_mask],
            RULE9["bootstrap"])
        mg_mean = float(np.mean([spearman(per_draw[s][name][mg_mask], fail[mg_mask])
                                 for s in seeds]))
        mae = float(np.abs(test_rows[name] - y_test).mean())
        fails = [n for n, ok in (
            ("(1)", lead >= RULE9["se_multiple"] * max(se_draws, se_boot)),
            ("(2)", mg_mean >= ship_mg - RULE9["mg_drop"]),
            ("(3)", mae - ship_mae <= RULE9["mae_rise"])) if not ok]
        out[name] = {"rb_draws": figs, "rb_mean": float(np.mean(figs)), "lead": lead,
                     "leads": leads, "se_boot": se_boot, "se_draws": se_draws,
                     "mg_mean": mg_mean, "mg_change": mg_mean - ship_mg,
                     "rubric_mean": float(test_rows[name].mean()), "rubric_mae": mae,
                     "mae_rise": mae - ship_mae, "fails": fails}
    out["_shipped"] = {"rb_draws": ship_figs, "rb_mean": float(np.mean(ship_figs)),
                       "mg_mean": ship_mg, "rubric_mean": float(test_rows[shipped].mean()),
                       "rubric_mae": ship_mae}
    return out


def verdict_lines(verdict: dict[str, dict[str, object]]) -> list[str]:
    """Round 8's table (bench/difficulty_irt.py) with the MMLU/GSM8K change rule (2) reads."""
    from difficulty_irt import verdict_lines as table

    return table(verdict, mg_change=True)


def rule9(reports: Sequence[Path]) -> list[str]:
    """Rules (1)-(3) over both samples from two bench/difficulty.py --round9 reports."""
    verdicts = [json.loads(Path(p).read_text())["round9"] for p in reports]
    lines = []
    for name in CANDIDATES:
        fails = sorted({f for v in verdicts for f in v[name]["fails"]})
        parts = [f"sample {i}: lead {v[name]['lead']:+.4f} (SE "
                 f"{max(v[name]['se_boot'], v[name]['se_draws']):.4f}), M/G "
                 f"{v[name]['mg_change']:+.3f}, rubric MAE {v[name]['mae_rise']:+.3f}"
                 for i, v in enumerate(verdicts)]
        lines.append(f"{name}: {'; '.join(parts)}; fails "
                     f"{', '.join(fails) or 'none of (1)-(3); (4) needs its latency run'}")
    return lines


def outcome_artifact(out: Path, data: Path) -> int:
    """Rule (4)'s artifact: the shipped one with the difficulty head and the kNN's outcome
    prompts of every prompt of both files, fitted as `council train --outcomes` fits them
    (council.classifier_training.classifier._train), from the cached embeddings instead of
    re-running the fine-tune (the encoder is the shipped one either way). Both candidates
    read a text through an artifact of this shape (the same head, 12,155 outcome prompts),
    so one latency run covers both. Returns the number of outcome prompts."""
    import dataclasses

    from sklearn.model_selection import StratifiedKFold

    from council.assess.classifier import embed_texts, save_artifact, softmax
    from council.assess.encoder import CachedEncoder
    from council.classifier_loader import ensure_classifier
    from council.classifier_training import classifier as tc
    from council.classifier_training.corpus import default_data_dir, load_corpus
    from council.classifier_training.outcome_difficulty import (
        anchored_levels,
        load_outcome_levels,
    )
    from council.config import paths

    shipped = ensure_classifier()
    encoder = CachedEncoder(shipped.encoder, paths().embedding_cache)
    outcomes = load_outcome_levels([data / "outcomes.jsonl", data / "routerbench/outcomes.jsonl"])
    train = [e for e in load_corpus(default_data_dir())
             if e.split == "train" and e.difficulty is not None]
    x_rated = tc._features(embed_texts(encoder, [e.text for e in train]),
                           [e.text for e in train])
    y_dif = np.array([e.difficulty for e in train])
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(
        x_rated, [e.category for e in train]))
    head = tc._choose_head(x_rated, y_dif, folds)
    outcome_x = tc._features(embed_texts(encoder, outcomes.texts), outcomes.texts)
    rubric_only = tc._fit(x_rated, y_dif, head["C"])
    reading = softmax(rubric_only.decision_function(outcome_x), head["temperature"]) \
        @ rubric_only.classes_.astype(np.float64)
    levels = anchored_levels(outcomes.levels, outcomes.files, reading)
    model = tc.fit_difficulty(x_rated, y_dif, head["C"], outcome_x, levels)
    dim = shipped.params.reference.shape[1]
    params = dataclasses.replace(
        shipped.params, difficulty_coef=model.coef_, difficulty_intercept=model.intercept_,
        difficulty_reference=outcome_x[:, :dim].astype(np.float32),
        difficulty_reference_levels=levels, difficulty_knn_weight=tc.DIFFICULTY_KNN_WEIGHT)
    metadata = {k: v for k, v in shipped.metadata.items()
                if k not in ("format", "code_version", "params", "files")}
    metadata["difficulty_outcomes"] = {"files": ["outcomes.jsonl", "routerbench/outcomes.jsonl"],
                                       "prompts": len(outcomes)}
    save_artifact(out, params, metadata)
    return len(outcomes)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--artifact":
        n = outcome_artifact(Path(sys.argv[2]), Path(sys.argv[3]))
        print(f"wrote {sys.argv[2]} ({n} outcome prompts); time it with "
              f"python bench/classifier.py --artifact {sys.argv[2]}")
        sys.exit(0)
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/difficulty_round9.py difficulty_round9.json "
                 "difficulty_round9_sample1.json  (two bench/difficulty.py --round9 reports)\n"
                 "   or: python bench/difficulty_round9.py --artifact OUT_DIR ../shared/routing")
    print("\n".join(rule9([Path(a) for a in sys.argv[1:]])))
