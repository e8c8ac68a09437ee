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
takes their vote. Measured in bench/difficulty.py (held-out prompts): RouterBench Spearman
+0.41 -> +0.44 and MMLU/GSM8K +0.29 -> +0.33 at KNN_WEIGHT 0.5, KNN_K 50.
Without outcome data the artifact has no outcome prompts and the reading is the head's.
"""

from __future__ import annotations

import numpy as np

# bench/difficulty_ablation.py: k 20 / 50 / 100 and weight 0.5 / 0.7 / 1.0; k=50 at 0.5 is
# the best on both files with prompts held out and keeps the benchmark-held-out figures.
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
    sim = np.hstack([outcome_similarity, own_similarity]).astype(np.float64)
    is_outcome = np.concatenate([np.ones(outcome_similarity.shape[1]),
                                 np.zeros(own_similarity.shape[1])])
    levels = np.concatenate([np.asarray(outcome_levels, dtype=np.float64),
                             np.zeros(own_similarity.shape[1])])
    k = min(k, sim.shape[1])
    idx = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    near = np.take_along_axis(sim, idx, axis=1)
    w = np.exp((near - near.max(axis=1, keepdims=True)) / KNN_SCALE)
    w_out = w * is_outcome[idx]
    gate = w_out.sum(axis=1) / w.sum(axis=1)
    vote = (w_out * levels[idx]).sum(axis=1) / np.clip(w_out.sum(axis=1), 1e-12, None)
    return head + weight * gate * (vote - head)
