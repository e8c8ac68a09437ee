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
"""

from __future__ import annotations

CANDIDATES = ("irt frozen", "irt tuned", "shipped + irt frozen", "shipped + irt tuned")
IRT_WEIGHT = 0.5
RULE8 = {"rb_lead": 0.004, "se_multiple": 2.0, "mg_floor": 0.30, "rubric_shift": 0.05,
         "mae_rise": 0.05, "latency_ms": 5.0, "bootstrap": 200}
