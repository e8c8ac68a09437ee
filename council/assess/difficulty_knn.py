"""Difficulty from the nearest outcome prompts: a vote blended into the head's expected level.

Where the classifier was trained with outcomes (`council train --outcomes FILE`), the artifact
keeps every outcome prompt's embedding and its level on the rubric's scale (failure share
mapped onto 1-5 and anchored per file to the rubric-only reading:
council.classifier_training.outcome_difficulty). A text's difficulty is then the head's
expected level moved toward the similarity-weighted mean level of its nearest outcome
prompts:

    difficulty = head + weight * gate * (vote - head)

`gate` is the outcome prompts' share of the weight among the KNN_K texts nearest to it,
outcome prompts and the classifier's own training descriptions pooled. A description like
those the rubric labels has descriptions for neighbours, so its gate is near 0 and its
reading stays the head's; a benchmark-style prompt has outcome prompts for neighbours and
takes their vote. Measured in bench/difficulty.py (held-out prompts, fine-tuned MiniLM):
RouterBench Spearman +0.42 -> +0.45 and MMLU/GSM8K +0.30 -> +0.34 at KNN_WEIGHT 0.5, KNN_K 50;
with the scored benchmark held out the vote lowers RouterBench, +0.21 -> +0.10.
Without outcome data the artifact has no outcome prompts and the reading is the head's.
"""

from __future__ import annotations

import numpy as np

# bench/difficulty_ablation.py: k 20 / 50 / 100 and weight 0.5 / 0.7 / 1.0; k=50 at 0.5 is
# the best on both files with prompts held out and keeps the benchmark-held-out figures.
# Chosen in the frozen MiniLM space. In the fine-tuned space (council init since CODE_VERSION 9)
# they are re-checked by bench/difficulty_ablation.py's GRID (k 20/50/100 x weight 0.3/0.5/0.7
# x scale 0.05/0.1/0.2) under the rule written above GRID before it ran: best mean 5-fold over
# both files with the benchmark-held-out RouterBench at least the no-kNN head's and MMLU/GSM8K
# >= +0.12, confirmed on a fresh fold draw; otherwise these stay. Result: none of the 27 passes
# (every one lowers RouterBench with its benchmark held out below the head's +0.21; the best
# 5-fold mean leads by +0.005, +0.002 on a fresh draw), so these stay (docs/classifier.md,
# round 5).
# Round 6 (docs/classifier.md): a gate that also asks whether the nearest outcome prompts
# share the text's source (bench/difficulty_gate.py) keeps the benchmark-held-out
# RouterBench figure at the head's (+0.208 vs +0.210; this reading +0.098) but failed its
# rule written before the run (5-fold RouterBench +0.445 < 0.45; at weight 0.7 +0.450 on
# one fold draw, +0.444 / +0.446 on two fresh ones), so this reading stays as it is.
# An e5 vote on the question block or a ridge vote gained under one paired SE over this on
# fresh fold draws (docs/classifier.md, rounds 3 and 4), so the reading stays MiniLM's.
# Round 7: k and the weight chosen on inner folds of each training fold (w 0.7-0.8, k
# 10-50), equal benchmark weights, a logit or rank target and prompt-shape inputs all stay
# within 0.005 of this reading on three fold draws (best mean +0.447 against +0.444), under
# the rule written before the run, so these constants stay (docs/classifier.md, round 7).
# Round 9: fitted on every outcome prompt (as `council train --outcomes` fits) RouterBench
# reads -0.004 (SE 0.004) against the bench's sampled fit, MMLU/GSM8K +0.033; the weak half's
# failure share as the target -0.005 / -0.007; neither passed its rule (docs/classifier.md).
KNN_WEIGHT = 0.5
KNN_K = 50
# As the category kNN (council.assess.classifier.KNN_SCALE): weight exp(similarity / 0.1).
KNN_SCALE = 0.1


def knn_difficulty(head: np.ndarray, outcome_similarity: np.ndarray, outcome_levels: np.ndarray,
                   own_similarity: np.ndarray, weight: float = KNN_WEIGHT,
                   k: int = KNN_K) -> np.ndarray:
    """`head` (n,) moved toward the vote of the nearest outcome prompts, as gated above.

    `outcome_similarity` is texts x outcome prompts (cosine), `outcome_levels` their levels;
    `own_similarity` texts x the classifier's training descriptions.
    """
    head = np.asarray(head, dtype=np.float64)
    if outcome_similarity.shape[1] == 0 or weight == 0:
        return head
    # The k nearest of the pooled rows are among the k nearest of each side: merge those
    # (2k candidates) instead of sorting the whole pool.
    out_sim, out_idx = _top(np.asarray(outcome_similarity), k)
    own_sim, _ = _top(np.asarray(own_similarity), k)
    sim = np.hstack([out_sim, own_sim]).astype(np.float64)
    is_outcome = np.hstack([np.ones_like(out_sim), np.zeros_like(own_sim)])
    levels = np.hstack([np.asarray(outcome_levels, dtype=np.float64)[out_idx],
                        np.zeros_like(own_sim)])
    k = min(k, sim.shape[1])
    pick = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    near = np.take_along_axis(sim, pick, axis=1)
    w = np.exp((near - near.max(axis=1, keepdims=True)) / KNN_SCALE)
    w_out = w * np.take_along_axis(is_outcome, pick, axis=1)
    gate = w_out.sum(axis=1) / w.sum(axis=1)
    vote = (w_out * np.take_along_axis(levels, pick, axis=1)).sum(axis=1) / np.clip(
        w_out.sum(axis=1), 1e-12, None)
    return head + weight * gate * (vote - head)


def _top(sim: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k largest similarities of each row and their columns (all of them if fewer)."""
    if sim.shape[1] <= k:
        return sim, np.broadcast_to(np.arange(sim.shape[1]), sim.shape)
    idx = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    return np.take_along_axis(sim, idx, axis=1), idx
