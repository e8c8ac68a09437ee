"""Which reading of difficulty follows real failure best? Variants on the bench's folds.

Run: python bench/difficulty_ablation.py --data ../shared/routing [--max-rows 2000]
         [--cache /tmp/difficulty_features.npz] [--only NAME,...] [--e5] [--fold-seed S]
         [--encoder shipped|frozen] [--similarity] [--sample-seed S] [--save FILE.npz]
     python bench/difficulty_ablation.py --rule7 seed0.npz,seed1.npz,seed2.npz

Same prompts, sample and folds as bench/difficulty.py (5 folds by prompt, one seeded
permutation; and every benchmark held out in turn). Each variant's difficulty is scored by
Spearman against the share of models failing, per benchmark and per file, on prompts it was
not fitted on. It also prints the mean reading and the MAE of the held-out rubric rows (the
corpus test split): the outcomes must not move the rubric's scale.

Variants (the ordinal head is the 5-level logistic head of council train):
- head: the ordinal head on rubric + outcome rows (what `council train --outcomes` shipped);
- head share S: the outcome rows weigh S x the rubric rows;
- head rank map: failure share mapped through its per-file rank instead of linearly;
- head + text: digit share, answer-option count and question length as extra inputs;
- kNN: similarity-weighted mean level of the k nearest reference rows (outcome prompts of the
  training folds at their anchored level, plus the rubric rows at their label), blended
  into the head's expected level at weight w;
- ridge: a ridge regression on the same levels, blended with the head at weight w;
- grid k= w= s=: the gated kNN's constants (GRID), with the selection rule above GRID printed
  after the table; floor ...: the gated kNN with its gate closed below a cosine floor (fixed,
  or a quantile of the outcome prompts' own nearest-neighbour cosines), a diagnostic;
- source gate ...: the gated kNN with bench/difficulty_gate.py's source gate, fitted
  per split on the fit's outcome prompts (times the description gate, or alone); the rule
  above SOURCE_GATE_CANDIDATES is printed after the table;
- r7 ...: round 7's candidates (ROUND7_CANDIDATES, the rule above them): every benchmark
  weighed equally in the head's fit, a logit or rank target, the kNN's k and weight chosen
  on inner folds of each training fold, prompt-shape inputs to the head; `--rule7 A,B,C`
  applies the rule to the `--save` npz of fold seeds 0, 1 and 2;
- --encoder: the features in the classifier artifact's own space (default; the fine-tuned
  MiniLM) or in frozen MiniLM; --similarity prints what the gate sees in that space;
- with --e5 (e5_variants below): the gated kNN in other spaces (the question block in MiniLM
  and in e5, e5 on the outcome window, MiniLM and e5 concatenated, a MiniLM gate with an e5
  vote, e5 with text features), a gated ridge vote, and the head on MiniLM + e5 features.
  Each prints its RouterBench 5-fold difference from the shipped reading with a paired
  bootstrap SE, so a gain can be told from noise.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from difficulty import FILES, TARGETS, benchmark_of, load_samples

# The constants' grid (issue 17 part 5, tuned space): KNN_K x KNN_WEIGHT x KNN_SCALE of
# council.assess.difficulty_knn, each as the gated kNN on the head ("grid k= w= s=").
GRID = [(k, w, s) for k in (20, 50, 100) for w in (0.3, 0.5, 0.7) for s in (0.05, 0.1, 0.2)]
# The selection rule, written before the grid ran: among GRID, the highest mean over the two
# files of the 5-fold Spearman, subject to the benchmark-held-out figures: RouterBench >= the
# head's own (no kNN) in the same run, MMLU/GSM8K >= RULE_MG_FLOOR. The pick ships only if a
# fresh fold draw (--fold-seed 1) confirms it: still the constraints, and a mean 5-fold above
# the shipped constants' (k=50 w=0.5 s=0.1) on that draw too. No point passing: ship nothing.
RULE_MG_FLOOR = 0.12

# Round 6 (issue 17 part 5): the source gate (bench/difficulty_gate.py). The rule,
# written and committed before either candidate was measured; the constants k 50, w 0.5,
# s 0.1 are the shipped ones, not tuned. Candidates: SOURCE_GATE_CANDIDATES. A candidate
# passes on a fold draw if (1) RouterBench 5-fold >= 0.45, (2) MMLU/GSM8K 5-fold >= 0.331
# (the shipped reading's 0.341 - 0.01), (3) RouterBench with its benchmark held out >= the
# head's own (no kNN) in the same run (+0.210 last time), and (4) the held-out rubric rows'
# mean reading within 0.10 level of the rubric-only reading's (the shipped reading: +0.09).
# It must pass on --fold-seed 0 (bench/difficulty.py's folds) and again on the fresh draw
# --fold-seed 1; of those that do, the higher mean 5-fold over both files on seed 0 ships.
# None passing: ship nothing and report the table.
# Result on seed 0: both fail (RouterBench 5-fold +0.445, 0.002 under the open gate's; RB
# benchmark held out +0.208 / +0.209 against the head's +0.210; docs/classifier.md, round 6).
# Round 6b, declared after seeing that and before measuring these three: the same rule with
# the source gate's "seen" target (every prompt read among the others labelled 1) at w 0.5,
# and at w 0.7 with either target (the gate now guards the unseen benchmark, which is what
# held the weight at 0.5 in round 5). Seed 0 informed them, so they must pass on seed 0 and
# on both fresh draws --fold-seed 1 and 2.
# Result (docs/classifier.md, round 6): none of the five passes on seed 0. The two at w 0.7
# pass (1), (2) and (4) there (+0.450) but not (3) (+0.205 / +0.207 against +0.210), and
# reach only +0.444 / +0.446 on seeds 1 and 2; at w 0.5 the 5-fold RouterBench is +0.445
# (seed 0), +0.442, +0.440. Ship nothing.
SOURCE_GATE_CANDIDATES = ("source gate k=50 w=0.5 s=0.1 x description gate",
                          "source gate k=50 w=0.5 s=0.1",
                          "source gate k=50 w=0.7 s=0.1 x description gate",
                          "source gate seen k=50 w=0.5 s=0.1 x description gate",
                          "source gate seen k=50 w=0.7 s=0.1 x description gate")
SOURCE_GATE_RULE = {"rb_fold": 0.45, "mg_fold": 0.331, "rubric_shift": 0.10}

# Round 7 (issue 17, target 5): principled, cheap candidates, judged on three fold draws.
# The rule, written and committed before any candidate below was measured (docs/classifier.md,
# round 7). Same 2,000-prompt sample (--sample-seed 0) and the three fold draws whose mean
# bench/difficulty.py reports (--fold-seed 0, 1, 2; one run per seed with --save, then
# --rule7 on the three npz). Against the shipped reading (head + gated kNN, k 50, w 0.5,
# s 0.1: SHIPPED) on the same draw, a candidate ships only if
#   (1) its RouterBench 5-fold Spearman, mean over the three draws, is >= 0.450;
#   (2) it is above the shipped reading's by >= 0.005 on each of the three draws;
#   (3) its MMLU/GSM8K 5-fold mean over the draws is not below the shipped one's by > 0.01;
#   (4) the held-out rubric rows' MAE is not above the shipped reading's by > 0.05 (one
#       scale).
# The benchmark-held-out figures are printed, not judged (they swing -0.345..+0.210 across
# samples: round 6). Of those passing, the highest RouterBench mean ships, and only if a run on
# the fresh prompt sample --sample-seed 1 (fold seed 0) still puts it above the shipped
# reading there. Two passing candidates are not combined without a run of their own under
# this rule. None passing: ship nothing, table the rows.
SHIPPED = "grid k=50 w=0.5 s=0.1"
ROUND7_CANDIDATES = ("r7 equal benchmarks", "r7 logit target", "r7 rank target",
                     "r7 inner k", "r7 inner w", "r7 inner k w", "r7 shape features")
ROUND7_RULE = {"rb_mean": 0.450, "rb_lead": 0.005, "mg_drop": 0.01, "mae_rise": 0.05}
# What the inner folds choose among: the kNN's k (w 0.5) and its weight (k 50).
INNER_K = (10, 20, 50, 100, 200)
INNER_W = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
INNER_FOLDS = 5
# Result (docs/classifier.md, round 7): none passes. RouterBench 5-fold means over seeds 0-2:
# shipped +0.444; equal benchmarks +0.445, logit +0.442, rank +0.440, shape +0.443, inner k
# +0.441, inner w +0.447, inner k w +0.446; no candidate leads by 0.005 on all three draws.
# Ship nothing.


@dataclass(frozen=True)
class Folds:
    """The held-out splits of the outcome prompts: per split ("fold": K folds by prompt;
    "bench": each benchmark left out in turn) the (held, keep) index pairs, and the keep
    rows' anchored levels per pair."""

    parts: dict[str, list[tuple[np.ndarray, np.ndarray]]]
    levels: dict[str, list[np.ndarray]]
    n: int

    def per_split(self, read: Callable[[str, np.ndarray, np.ndarray, np.ndarray], np.ndarray]
                  ) -> dict[str, np.ndarray]:
        """Every prompt's reading by a fit that never saw it, per split:
        `read(split, held, keep, levels)` fits on the `keep` rows at `levels` and returns the
        reading of the `held` rows."""
        out = {}
        for split, parts in self.parts.items():
            values = np.zeros(self.n)
            for (held, keep), lv in zip(parts, self.levels[split], strict=True):
                values[held] = read(split, held, keep, lv)
            out[split] = values
        return out


def gated_move(head: np.ndarray, vote: np.ndarray, gate: np.ndarray, weight: float
               ) -> np.ndarray:
    """The head's level moved toward the vote by weight x gate (council.assess.difficulty_knn)."""
    return head + weight * gate * (vote - head)


def text_columns(texts: list[str]) -> np.ndarray:
    """Digit share, answer-option count and question length (council.outcomes.reading)."""
    from council.outcomes.reading import text_features

    f = text_features(texts)
    return np.column_stack([f[:, 1], np.minimum(f[:, 3], 10) / 10.0, f[:, 5] / 10.0])


def knn_gated(sim: np.ndarray, levels: np.ndarray, is_outcome: np.ndarray, k: int,
              scale: float) -> tuple[np.ndarray, np.ndarray]:
    """The vote of the outcome rows among the k nearest, and their share of the weight."""
    k = min(k, sim.shape[1])
    idx = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    near = np.take_along_axis(sim, idx, axis=1)
    w = np.exp((near - near.max(axis=1, keepdims=True)) / scale)
    wo = w * is_outcome[idx]
    gate = wo.sum(axis=1) / w.sum(axis=1)
    vote = (wo * levels[idx]).sum(axis=1) / np.clip(wo.sum(axis=1), 1e-12, None)
    return vote, gate


def knn_levels(sim: np.ndarray, levels: np.ndarray, k: int, scale: float) -> np.ndarray:
    k = min(k, sim.shape[1])
    idx = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    near = np.take_along_axis(sim, idx, axis=1)
    w = np.exp((near - near.max(axis=1, keepdims=True)) / scale)
    return (w * levels[idx]).sum(axis=1) / w.sum(axis=1)


def question_block(text: str) -> str:
    """The last blank-line block: a benchmark prompt's own question after its few-shot
    examples (council.outcomes.reading.text_features reads the same block)."""
    return text.strip().split("\n\n")[-1].strip() or text.strip()


def embed_cached(name: str, texts: list[str], batch: int = 200) -> np.ndarray:
    """`texts` through the encoder called `name`, via the disk cache, in batches (so a
    stopped run keeps what it read)."""
    from council.assess.encoder import CachedEncoder, encoder_named
    from council.config import paths

    encoder = CachedEncoder(encoder_named(name), paths().embedding_cache)
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    return np.vstack([encoder.encode(texts[i:i + batch]) for i in range(0, len(texts), batch)])


def unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)


def gated_vote(query: np.ndarray, outcome_ref: np.ndarray, rubric_ref: np.ndarray,
               outcome_levels: np.ndarray, rubric_levels: np.ndarray, k: int,
               scale: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """knn_gated over the outcome prompts and the rubric descriptions pooled (unit rows)."""
    ref = np.vstack([outcome_ref, rubric_ref])
    is_out = np.concatenate([np.ones(len(outcome_ref)), np.zeros(len(rubric_ref))])
    return knn_gated(query @ ref.T, np.concatenate([outcome_levels, rubric_levels]), is_out,
                     k, scale)


def gate_of(query: np.ndarray, outcome_ref: np.ndarray, rubric_ref: np.ndarray, k: int
            ) -> np.ndarray:
    """Only the gate of gated_vote: the outcome prompts' share of the k nearest."""
    return gated_vote(query, outcome_ref, rubric_ref, np.zeros(len(outcome_ref)),
                      np.zeros(len(rubric_ref)), k)[1]


def gated_variant(folds: Folds, base: dict[str, np.ndarray], base_rubric: np.ndarray,
                  emb: np.ndarray, rub: np.ndarray, test: np.ndarray, full_levels: np.ndarray,
                  y_rub: np.ndarray, k: int, w: float, scale: float = 0.1,
                  floor: float | None = None, floor_quantile: float | None = None
                  ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """A base reading moved by the gated kNN vote in one space (outcome prompts `emb`, rubric
    descriptions `rub`): per split out of fold, and on the held-out rubric rows `test`.
    `floor`: the gate is 0 where the nearest outcome prompt's cosine is below it;
    `floor_quantile`: the same with the floor at that quantile of the fitted outcome prompts'
    own nearest-other-prompt cosines (a floor each space sets for itself)."""

    def floored(query: np.ndarray, ref: np.ndarray, gate: np.ndarray) -> np.ndarray:
        cut = floor
        if floor_quantile is not None:
            own_sim = ref @ ref.T
            np.fill_diagonal(own_sim, -np.inf)
            cut = float(np.quantile(own_sim.max(axis=1), floor_quantile))
        return gate if cut is None else gate * ((query @ ref.T).max(axis=1) >= cut)

    def read(split, held, keep, lv):
        vote, gate = gated_vote(emb[held], emb[keep], rub, lv, y_rub, k, scale)
        return gated_move(base[split][held], vote, floored(emb[held], emb[keep], gate), w)

    vote, gate = gated_vote(test, emb, rub, full_levels, y_rub, k, scale)
    return folds.per_split(read), gated_move(base_rubric, vote, floored(test, emb, gate), w)


def source_gated_variant(folds: Folds, base: dict[str, np.ndarray], base_rubric: np.ndarray,
                         emb: np.ndarray, rub: np.ndarray, test: np.ndarray,
                         full_levels: np.ndarray, y_rub: np.ndarray, groups: np.ndarray,
                         k: int, w: float, scale: float, with_descriptions: bool,
                         gates: dict[str, np.ndarray] | None = None, target: str = "share"
                         ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The gated kNN with the source gate (bench/difficulty_gate.py), fitted per split
    on the fit's outcome prompts only. `with_descriptions`: the gate is the source gate times
    the description gate (the training descriptions pooled with the outcome prompts, as
    shipped); otherwise the source gate alone and the vote of the k nearest outcome prompts.
    `gates`, if given, collects each split's gate of every prompt (and "rubric")."""
    from difficulty_gate import fit_source_gate, gate_features, top_k

    def reading(query, ref, ref_groups, lv, head):
        gate, own = fit_source_gate(ref, ref_groups, rub, k, scale, target)
        near, idx = top_k(query @ ref.T, k)
        source = gate.probability(gate_features(near, idx, own, ref_groups, scale))
        if with_descriptions:
            vote, pooled = gated_vote(query, ref, rub, lv, y_rub, k, scale)
            g = source * pooled
        else:
            ww = np.exp((near - near.max(axis=1, keepdims=True)) / scale)
            vote = (ww * lv[idx]).sum(axis=1) / ww.sum(axis=1)
            g = source
        return gated_move(head, vote, g, w), g

    collected: dict[str, np.ndarray] = {}

    def read(split, held, keep, lv):
        value, g = reading(emb[held], emb[keep], groups[keep], lv, base[split][held])
        collected.setdefault(split, np.zeros(folds.n))[held] = g
        return value

    out = folds.per_split(read)
    rubric_value, rubric_gate = reading(test, emb, groups, full_levels, base_rubric)
    if gates is not None:
        gates.update(collected)
        gates["rubric"] = rubric_gate
    return out, rubric_value


def e5_variants(args, readings, rubric_rows, heads, folds: Folds, full_levels,
                all_texts, rub_texts, test_texts, all_x, x_rub, x_test, y_rub, c, expected,
                wanted, started) -> None:
    """Issue 17 part 5, round 3: spaces that might separate items within a benchmark.

    Each space embeds the outcome prompts one way and the rubric descriptions (the gate's
    pool, and the held-out rubric rows) the way the classifier would read them at assess
    time; the gated kNN (k nearest, weight w) then moves the shipped-style head as
    council.assess.difficulty_knn does. Spaces: MiniLM as shipped (the check), the question
    block (last blank-line block) in MiniLM and in e5, e5 on the outcome window (200 head +
    800 tail characters, council.outcomes.reading; only with --e5-window), MiniLM and
    e5-question concatenated, a MiniLM gate with an e5-question vote, and e5-question with
    text features appended. Head
    variants: the difficulty head on MiniLM features + the e5 vector.
    """
    from threadpoolctl import threadpool_limits

    from council.assess.classifier import prepare_text
    from council.assess.encoder import MiniLMEncoder
    from council.assess.second_reading import SECOND_ENCODER
    from council.classifier_training import classifier as tc
    from council.outcomes.reading import reading_text, text_features

    mini = MiniLMEncoder.name
    rub_prep = [prepare_text(t) for t in rub_texts]
    test_prep = [prepare_text(t) for t in test_texts]

    def embed(name: str, outcome: list[str], rub: list[str], test: list[str]):
        t0 = time.perf_counter()
        out = (unit(embed_cached(name, outcome)), unit(embed_cached(name, rub)),
               unit(embed_cached(name, test)))
        print(f"embedded {name} ({time.perf_counter() - t0:.0f} s)", flush=True)
        return out

    questions = [question_block(t) for t in all_texts]
    rub_q = [question_block(t) for t in rub_prep]
    test_q = [question_block(t) for t in test_prep]
    spaces = {"MiniLM (shipped)": (unit(all_x[:, :384]), unit(x_rub[:, :384]),
                                   unit(x_test[:, :384]))}
    spaces["MiniLM question"] = embed(mini, questions, rub_q, test_q)
    spaces["e5 question"] = embed(SECOND_ENCODER, questions, rub_q, test_q)
    if args.e5_window:  # long benchmark prompts: ~1-2 s each under this machine's load
        spaces["e5 window"] = embed(SECOND_ENCODER, [reading_text(t) for t in all_texts],
                                    rub_prep, test_prep)
    half = np.sqrt(0.5)
    spaces["MiniLM + e5 question"] = tuple(
        np.hstack([half * a, half * b]) for a, b in zip(spaces["MiniLM (shipped)"],
                                                        spaces["e5 question"], strict=True))

    f_all = text_features(all_texts)
    f_rub, f_test = text_features(rub_texts), text_features(test_texts)
    mu, sd = f_all.mean(axis=0), f_all.std(axis=0) + 1e-9
    for beta in (0.05, 0.1):
        spaces[f"e5 question + text features x{beta}"] = tuple(
            np.hstack([e, beta * (f - mu) / sd]) for e, f in zip(
                spaces["e5 question"], (f_all, f_rub, f_test), strict=True))

    for space, (emb, rub, test) in spaces.items():
        for k in (20, 50, 100):
            for w in (0.5, 0.7, 1.0):
                name = f"kNN gated k={k} w={w} in {space}"
                if wanted(name):
                    readings[name], rubric_rows[name] = gated_variant(
                        folds, heads["head"], rubric_rows["head"], emb, rub, test,
                        full_levels, y_rub, k, w)
    # The gate in MiniLM (as shipped: no e5 for a text far from every outcome prompt), the
    # vote among the outcome prompts in e5-question space.
    g_emb, g_rub, g_test = spaces["MiniLM (shipped)"]
    v_emb, _, v_test = spaces["e5 question"]
    for k in (20, 50, 100):
        for w in (0.5, 0.7, 1.0):
            name = f"kNN k={k} w={w}, MiniLM gate, e5 question vote"
            if not wanted(name):
                continue

            def read(split, held, keep, lv, k=k, w=w):
                gate = gate_of(g_emb[held], g_emb[keep], g_rub, k)
                vote = knn_levels(v_emb[held] @ v_emb[keep].T, lv, k, 0.1)
                return gated_move(heads["head"][split][held], vote, gate, w)

            readings[name] = folds.per_split(read)
            gate = gate_of(g_test, g_emb, g_rub, k)
            vote = knn_levels(v_test @ v_emb.T, full_levels, k, 0.1)
            rubric_rows[name] = gated_move(rubric_rows["head"], vote, gate, w)
    # A ridge regression for the vote instead of the kNN: fitted on the outcome prompts'
    # levels over [MiniLM, e5 question, text features], gated in MiniLM as shipped (the
    # ridge can weigh dimensions that separate items within a benchmark; the kNN cannot).
    from sklearn.linear_model import Ridge

    ridge_x = {"MiniLM + e5 question + text": (
        np.hstack([g_emb, v_emb, (f_all - mu) / sd]),
        np.hstack([g_test, v_test, (f_test - mu) / sd])),
        "MiniLM + text": (np.hstack([g_emb, (f_all - mu) / sd]),
                          np.hstack([g_test, (f_test - mu) / sd]))}
    for feats_name, (rx, rx_test) in ridge_x.items():
        for alpha in (1.0, 10.0):
            for w in (0.5, 1.0):
                name = f"gated ridge vote a={alpha} w={w} on {feats_name}"
                if not wanted(name):
                    continue

                def read(split, held, keep, lv, rx=rx, alpha=alpha, w=w):
                    gate = gate_of(g_emb[held], g_emb[keep], g_rub, 50)
                    with threadpool_limits(limits=1, user_api="blas"):
                        vote = Ridge(alpha=alpha).fit(rx[keep], lv).predict(rx[held])
                    return gated_move(heads["head"][split][held], vote, gate, w)

                readings[name] = folds.per_split(read)
                gate = gate_of(g_test, g_emb, g_rub, 50)
                with threadpool_limits(limits=1, user_api="blas"):
                    vote = Ridge(alpha=alpha).fit(rx, full_levels).predict(rx_test)
                rubric_rows[name] = gated_move(rubric_rows["head"], vote, gate, w)
    # The difficulty head on MiniLM features + an e5 vector.
    for space in ("e5 question", "e5 window"):
        name = f"head + {space}"
        if not wanted(name) or space not in spaces:
            continue
        emb, rub, test = spaces[space]
        xa, xr, xt = np.hstack([all_x, emb]), np.hstack([x_rub, rub]), np.hstack([x_test, test])

        def read(split, held, keep, lv, xa=xa, xr=xr):
            with threadpool_limits(limits=1, user_api="blas"):
                model = tc.fit_difficulty(xr, y_rub, c, xa[keep], lv, 2.0)
            return expected(model, xa[held])

        readings[name] = folds.per_split(read)
        with threadpool_limits(limits=1, user_api="blas"):
            model = tc.fit_difficulty(xr, y_rub, c, xa, full_levels, 2.0)
        rubric_rows[name] = expected(model, xt)
        print(f"{name} done ({time.perf_counter() - started:.0f} s)", flush=True)


def _quantiles(x: np.ndarray) -> str:
    q = np.quantile(x, [0.1, 0.5, 0.9])
    return f"{q[0]:.2f} / {q[1]:.2f} / {q[2]:.2f}"


def similarity_summary(emb: np.ndarray, rub: np.ndarray, test: np.ndarray,
                       file_of: np.ndarray, bench: np.ndarray) -> None:
    """What the gate sees: per file, the cosine of each outcome prompt's nearest other outcome
    prompt and nearest rubric description (p10 / p50 / p90), and the gate at k=50 s=0.1 over
    all other outcome prompts; then the same with the prompt's own benchmark left out (the
    benchmark-held-out split); the same for the held-out rubric rows."""
    print("\nnearest similarity p10 / p50 / p90 | gate k=50 s=0.1 (mean, share > 0.5)")
    self_sim = emb @ emb.T
    np.fill_diagonal(self_sim, -np.inf)
    to_rub = emb @ rub.T
    for f in FILES:
        m = file_of == f
        near_out = self_sim[m].max(axis=1)
        near_rub = to_rub[m].max(axis=1)
        sim = np.hstack([self_sim[m], to_rub[m]])
        is_out = np.concatenate([np.ones(len(emb)), np.zeros(len(rub))])
        _vote, gate = knn_gated(sim, np.zeros(sim.shape[1]), is_out, 50, 0.1)
        print(f"  {f}: outcome {_quantiles(near_out)}; description {_quantiles(near_rub)}; "
              f"gate {gate.mean():.2f}, {(gate > 0.5).mean():.2f}")
    for b in sorted(set(bench.tolist())):
        m = bench == b
        other = self_sim[np.ix_(m, ~m)]
        sim = np.hstack([other, to_rub[m]])
        is_out = np.concatenate([np.ones(other.shape[1]), np.zeros(len(rub))])
        _vote, gate = knn_gated(sim, np.zeros(sim.shape[1]), is_out, 50, 0.1)
        print(f"  {b} held out: nearest other-benchmark outcome {_quantiles(other.max(axis=1))}; "
              f"gate {gate.mean():.2f}, {(gate > 0.5).mean():.2f}")
    rub_self = test @ rub.T
    sim = np.hstack([test @ emb.T, rub_self])
    is_out = np.concatenate([np.ones(len(emb)), np.zeros(len(rub))])
    _vote, gate = knn_gated(sim, np.zeros(sim.shape[1]), is_out, 50, 0.1)
    print(f"  held-out rubric rows: outcome {_quantiles((test @ emb.T).max(axis=1))}; "
          f"description {_quantiles(rub_self.max(axis=1))}; "
          f"gate {gate.mean():.2f}, {(gate > 0.5).mean():.2f}")


def select(readings: dict[str, dict[str, np.ndarray]], fail: np.ndarray, file_of: np.ndarray,
           bench: np.ndarray) -> None:
    """The rule above GRID, applied to this run's readings."""
    from council.outcomes.anchoring import spearman

    rb, mg = (file_of == "RouterBench (11 models)"), (file_of == "MMLU/GSM8K (2 models)")

    def fig(name: str, split: str, mask: np.ndarray) -> float:
        return spearman(readings[name][split][mask], fail[mask])

    rb_floor = fig("head", "bench", rb)
    print(f"\nselection: mean 5-fold over both files, subject to bench-held-out RouterBench >= "
          f"{rb_floor:+.3f} (head, no kNN) and MMLU/GSM8K >= {RULE_MG_FLOOR:+.2f}")
    rows = []
    for name in readings:
        if name.startswith("grid "):
            mean = (fig(name, "fold", rb) + fig(name, "fold", mg)) / 2
            ok = fig(name, "bench", rb) >= rb_floor and fig(name, "bench", mg) >= RULE_MG_FLOOR
            rows.append((mean, ok, name))
    for mean, ok, name in sorted(rows, reverse=True):
        print(f"  {name}: mean 5-fold {mean:+.3f} (RB {fig(name, 'fold', rb):+.3f}, M/G "
              f"{fig(name, 'fold', mg):+.3f}); bench held out RB {fig(name, 'bench', rb):+.3f}, "
              f"M/G {fig(name, 'bench', mg):+.3f}{'' if ok else ' - fails the constraint'}")
    passing = [r for r in rows if r[1]]
    print("  pick: " + (max(passing)[2] if passing else "none passes; ship nothing"))


def select_source_gate(readings: dict[str, dict[str, np.ndarray]],
                       rubric_rows: dict[str, np.ndarray], fail: np.ndarray,
                       file_of: np.ndarray) -> None:
    """The rule above SOURCE_GATE_CANDIDATES, applied to this run (one fold draw)."""
    from council.outcomes.anchoring import spearman

    rb, mg = (file_of == "RouterBench (11 models)"), (file_of == "MMLU/GSM8K (2 models)")

    def fig(name: str, split: str, mask: np.ndarray) -> float:
        return spearman(readings[name][split][mask], fail[mask])

    rb_floor = fig("head", "bench", rb)
    rubric_mean = rubric_rows["rubric only"].mean()
    print(f"\nsource gate rule: RB 5-fold >= {SOURCE_GATE_RULE['rb_fold']}, M/G 5-fold >= "
          f"{SOURCE_GATE_RULE['mg_fold']}, RB bench held out >= {rb_floor:+.3f} (head), "
          f"rubric rows within {SOURCE_GATE_RULE['rubric_shift']} of {rubric_mean:.2f}")
    for name in SOURCE_GATE_CANDIDATES:
        if name not in readings:
            continue
        checks = {"RB 5-fold": fig(name, "fold", rb) >= SOURCE_GATE_RULE["rb_fold"],
                  "M/G 5-fold": fig(name, "fold", mg) >= SOURCE_GATE_RULE["mg_fold"],
                  "RB bench held out": fig(name, "bench", rb) >= rb_floor,
                  "rubric rows": abs(rubric_rows[name].mean() - rubric_mean)
                  <= SOURCE_GATE_RULE["rubric_shift"]}
        failed = [c for c, ok in checks.items() if not ok]
        print(f"  {name}: RB {fig(name, 'fold', rb):+.3f} / {fig(name, 'bench', rb):+.3f}, "
              f"M/G {fig(name, 'fold', mg):+.3f} / {fig(name, 'bench', mg):+.3f}, mean 5-fold "
              f"{(fig(name, 'fold', rb) + fig(name, 'fold', mg)) / 2:+.3f}, rubric rows "
              f"{rubric_rows[name].mean():.2f}: "
              + ("passes" if not failed else "fails " + ", ".join(failed)))


def held_out_summary(readings: dict[str, dict[str, np.ndarray]], fail: np.ndarray,
                     file_of: np.ndarray, bench: np.ndarray, full_levels: np.ndarray,
                     seed: int) -> None:
    """The benchmark-held-out split read three ways per variant: RouterBench's Spearman minus
    the head's (paired bootstrap SE, 200 draws), the mean within-benchmark Spearman over every
    held-out benchmark, and the mean error of each held-out benchmark's mean reading against
    its mean anchored level. RouterBench's file-level figure hinges on three benchmark means
    (docs/classifier.md, round 6); the other two do not."""
    from council.outcomes.anchoring import spearman

    rb = file_of == "RouterBench (11 models)"
    boot = np.random.default_rng(seed + 1)
    draws = [boot.integers(0, rb.sum(), rb.sum()) for _ in range(200)]
    head, f_rb = readings["head"]["bench"][rb], fail[rb]
    benches = sorted(set(bench.tolist()))
    print("\nbenchmark held out: RB minus head (bootstrap SE) | mean within-benchmark "
          "Spearman | mean level error of the held-out benchmark")
    for name, by_split in readings.items():
        if "bench" not in by_split:  # round 7's candidates: the K folds only
            continue
        v = by_split["bench"]
        diffs = [spearman(v[rb][d], f_rb[d]) - spearman(head[d], f_rb[d]) for d in draws]
        within = np.mean([spearman(v[bench == b], fail[bench == b]) for b in benches])
        error = np.mean([abs(v[bench == b].mean() - full_levels[bench == b].mean())
                         for b in benches])
        print(f"  {name}: {spearman(v[rb], f_rb) - spearman(head, f_rb):+.4f} "
              f"({np.std(diffs):.4f}) | {within:+.3f} | {error:.2f}")


@dataclass(frozen=True)
class HeadData:
    """What a round-7 head fit reads: the rubric rows, the outcome prompts and the held-out
    rubric rows as features (with any extra columns already appended), and the head's C."""

    x_rub: np.ndarray
    y_rub: np.ndarray
    all_x: np.ndarray
    x_test: np.ndarray
    c: float
    expected: Callable[[object, np.ndarray], np.ndarray]

    def fit(self, keep: np.ndarray, levels: np.ndarray,
            prompt_weight: np.ndarray | None = None, init: object | None = None) -> object:
        """tc.fit_difficulty on the `keep` prompts at `levels` (share 2), each prompt's rows
        further weighed by `prompt_weight` (None: all 1, exactly fit_difficulty). `init`: a
        fitted head to start L-BFGS from (the same convex objective and tolerance, so the
        same optimum, in fewer iterations: a fit on all prompts starts each fold's)."""
        from sklearn.linear_model import LogisticRegression

        from council.classifier_training import classifier as tc
        from council.classifier_training.outcome_difficulty import level_rows

        rows = level_rows(levels, len(self.y_rub), 2.0)
        weight = rows.weight if prompt_weight is None else rows.weight * prompt_weight[
            rows.origin]
        x = np.vstack([self.x_rub, self.all_x[keep][rows.origin]])
        y = np.concatenate([self.y_rub, rows.y])
        w = np.concatenate([np.ones(len(self.y_rub)), weight])
        if init is None:
            return tc._fit(x, y, self.c, w)
        model = LogisticRegression(C=self.c, max_iter=3000, tol=1e-6, warm_start=True)
        model.coef_ = np.array(init.coef_, copy=True)
        model.intercept_ = np.array(init.intercept_, copy=True)
        return model.fit(x, y, sample_weight=w)


def equal_benchmark_weights(groups: np.ndarray) -> np.ndarray:
    """Per prompt, a multiplier that gives every benchmark the same total weight; the mean
    multiplier is 1, so the outcome rows together weigh what they did."""
    names, index, counts = np.unique(groups, return_inverse=True, return_counts=True)
    return len(groups) / (len(names) * counts[index])


def logit_levels(fail: np.ndarray, models: np.ndarray) -> np.ndarray:
    """The failure share through a logit (smoothed: (failed + 0.5) / (models + 1)), mapped so
    that all-succeed and all-fail are still 1 and 5: the ends spread, the middle narrows."""
    fail, models = np.asarray(fail, dtype=float), np.asarray(models, dtype=float)
    smoothed = (fail * models + 0.5) / (models + 1.0)
    end = np.log((models + 0.5) / 0.5)  # logit of the all-fail share
    return 3.0 + 2.0 * np.log(smoothed / (1.0 - smoothed)) / end


def rank_levels(fail: np.ndarray, files: np.ndarray) -> np.ndarray:
    """The failure share mapped through its per-file rank onto 1..5 (ties share a rank)."""
    from scipy.stats import rankdata

    out = np.empty(len(fail))
    for f in np.unique(files):
        m = files == f
        out[m] = 1.0 + 4.0 * (rankdata(fail[m]) - 0.5) / m.sum()
    return out


def shape_columns(texts: list[str]) -> np.ndarray:
    """Prompt-shape inputs any text gives the product: log length in tokens (o200k, /
    log 8,192, capped at 1), multiple-choice options present (two or more 'A)' / 'B.' lines
    in the last block), code present (council.assess.classifier's code markers)."""
    from council.assess.classifier import extra_features
    from council.outcomes.reading import text_features
    from council.tokens import count_tokens

    tokens = np.array([np.log1p(count_tokens(t)) for t in texts]) / np.log1p(8192)
    options = (text_features(texts)[:, 3] >= 2).astype(float)
    code = extra_features(texts, ["code"])[:, 0].astype(float)
    return np.column_stack([np.minimum(tokens, 1.0), options, code])


@dataclass(frozen=True)
class InnerPick:
    """What the inner folds of one training fold chose: k at w 0.5, w at k 50, and both."""

    k: int
    w: float
    kw: tuple[int, float]


def inner_pick(d: HeadData, emb: np.ndarray, emb_rub: np.ndarray, keep: np.ndarray,
               raw_levels: np.ndarray, file_index: np.ndarray, rubric: np.ndarray,
               fail: np.ndarray, seed: int, init: object | None = None) -> InnerPick:
    """Choose the kNN's k and weight on INNER_FOLDS folds of the `keep` prompts only: each
    inner fold read by a head and a kNN fitted on the other inner folds (anchored as the
    outer fit is), scored by the mean over the files of the Spearman with failure share."""
    from council.classifier_training.outcome_difficulty import anchored_levels
    from council.outcomes.anchoring import spearman

    order = np.random.default_rng(seed).permutation(len(keep))
    head = np.zeros(len(keep))
    votes = {k: np.zeros(len(keep)) for k in INNER_K}
    gates = {k: np.zeros(len(keep)) for k in INNER_K}
    for j in range(INNER_FOLDS):
        ih = order[j::INNER_FOLDS]
        ik = np.setdiff1d(np.arange(len(keep)), ih)
        rows_h, rows_k = keep[ih], keep[ik]
        lv = anchored_levels(raw_levels[rows_k], file_index[rows_k], rubric[rows_k])
        head[ih] = d.expected(d.fit(rows_k, lv, init=init), d.all_x[rows_h])
        pooled = emb[rows_h] @ np.vstack([emb[rows_k], emb_rub]).T
        is_out = np.concatenate([np.ones(len(rows_k)), np.zeros(len(emb_rub))])
        ref_lv = np.concatenate([lv, np.zeros(len(emb_rub))])
        for k in INNER_K:
            votes[k][ih], gates[k][ih] = knn_gated(pooled, ref_lv, is_out, k, 0.1)
    files = file_index[keep]

    def score(k: int, w: float) -> float:
        r = gated_move(head, votes[k], gates[k], w)
        return float(np.mean([spearman(r[files == f], fail[keep][files == f])
                              for f in np.unique(files)]))

    best_k = max(INNER_K, key=lambda k: score(k, 0.5))
    best_w = max(INNER_W, key=lambda w: score(50, w))
    best_kw = max(((k, w) for k in INNER_K for w in INNER_W), key=lambda kw: score(*kw))
    return InnerPick(best_k, best_w, best_kw)


def round7_variants(readings: dict[str, dict[str, np.ndarray]],
                    rubric_rows: dict[str, np.ndarray], heads: dict[str, dict[str, np.ndarray]],
                    splits: dict[str, list[tuple[np.ndarray, np.ndarray]]], d: HeadData,
                    texts: list[str], test_texts: list[str], rub_texts: list[str],
                    all_levels: np.ndarray, all_fail: np.ndarray, models: np.ndarray,
                    file_index: np.ndarray, bench: np.ndarray, rubric: np.ndarray,
                    wanted: Callable[[str], bool], fold_seed: int, started: float) -> None:
    """The ROUND7_CANDIDATES (the rule above them), each a head and the gated kNN (k 50,
    w 0.5, s 0.1) unless the candidate is the kNN's constants."""
    from threadpoolctl import threadpool_limits

    from council.classifier_training.outcome_difficulty import anchored_levels

    n = len(texts)
    everything = np.arange(n)
    emb, emb_rub, emb_test = d.all_x[:, :384], d.x_rub[:, :384], d.x_test[:, :384]
    # Only the K folds: the benchmark-held-out split is not judged by the rule and, at this
    # machine's load (~10 on 2 cores), would double the fits (docs/classifier.md, round 7).
    splits = {"fold": splits["fold"]}

    def folds_of(raw: Callable[[np.ndarray], np.ndarray]) -> Folds:
        """The splits with each fit's levels: `raw(keep)` anchored per file."""
        return Folds(splits, {split: [anchored_levels(raw(keep), file_index[keep],
                                                      rubric[keep]) for _h, keep in parts]
                              for split, parts in splits.items()}, n)

    def head_and_knn(name: str, hd: HeadData, folds: Folds, full: np.ndarray,
                     weight_of: Callable[[np.ndarray], np.ndarray] | None = None) -> None:
        with threadpool_limits(limits=1, user_api="blas"):
            pw = None if weight_of is None else weight_of(everything)
            on_all = hd.fit(everything, full, pw)
            head_test = hd.expected(on_all, hd.x_test)

            def read(split, held, keep, lv):
                pw = None if weight_of is None else weight_of(keep)
                return hd.expected(hd.fit(keep, lv, pw, init=on_all), hd.all_x[held])

            head = folds.per_split(read)
        readings[name], rubric_rows[name] = gated_variant(
            folds, head, head_test, emb, emb_rub, emb_test, full, d.y_rub, 50, 0.5, 0.1)
        readings[f"{name} (head only)"], rubric_rows[f"{name} (head only)"] = head, head_test
        print(f"{name} done ({time.perf_counter() - started:.0f} s)", flush=True)

    linear = folds_of(lambda keep: all_levels[keep])
    full_linear = anchored_levels(all_levels, file_index, rubric)
    if wanted("r7 equal benchmarks"):
        head_and_knn("r7 equal benchmarks", d, linear, full_linear,
                     lambda keep: equal_benchmark_weights(bench[keep]))
    if wanted("r7 logit target"):
        logit = logit_levels(all_fail, models)
        head_and_knn("r7 logit target", d, folds_of(lambda keep: logit[keep]),
                     anchored_levels(logit, file_index, rubric))
    if wanted("r7 rank target"):
        head_and_knn("r7 rank target", d, folds_of(
            lambda keep: rank_levels(all_fail[keep], file_index[keep])),
            anchored_levels(rank_levels(all_fail, file_index), file_index, rubric))
    if wanted("r7 shape features"):
        shaped = HeadData(np.hstack([d.x_rub, shape_columns(rub_texts)]), d.y_rub,
                          np.hstack([d.all_x, shape_columns(texts)]),
                          np.hstack([d.x_test, shape_columns(test_texts)]), d.c, d.expected)
        head_and_knn("r7 shape features", shaped, linear, full_linear)
    inner = [name for name in ("r7 inner k", "r7 inner w", "r7 inner k w") if wanted(name)]
    if inner:
        picks: dict[tuple[str, int, int], InnerPick] = {}
        with threadpool_limits(limits=1, user_api="blas"):
            on_all = d.fit(everything, full_linear)
            for split, parts in splits.items():
                for held, keep in parts:
                    picks[(split, int(held[0]), len(held))] = inner_pick(
                        d, emb, emb_rub, keep, all_levels, file_index, rubric, all_fail,
                        fold_seed + 100, on_all)
            full_pick = inner_pick(d, emb, emb_rub, everything, all_levels, file_index,
                                   rubric, all_fail, fold_seed + 100, on_all)
        for split in splits:
            print(f"inner picks, {split}: " + "; ".join(
                f"k {p.k}, w {p.w}, (k, w) {p.kw}" for (s, _h, _n), p in picks.items()
                if s == split), flush=True)
        print(f"inner pick on every prompt (the rubric rows' reading): {full_pick}")
        for name in inner:
            def constants(p: InnerPick, name=name) -> tuple[int, float]:
                return {"r7 inner k": (p.k, 0.5), "r7 inner w": (50, p.w),
                        "r7 inner k w": p.kw}[name]

            def read(split, held, keep, lv, constants=constants):
                k, w = constants(picks[(split, int(held[0]), len(held))])
                vote, gate = gated_vote(emb[held], emb[keep], emb_rub, lv, d.y_rub, k, 0.1)
                return gated_move(heads["head"][split][held], vote, gate, w)

            readings[name] = linear.per_split(read)
            k, w = constants(full_pick)
            vote, gate = gated_vote(emb_test, emb, emb_rub, full_linear, d.y_rub, k, 0.1)
            rubric_rows[name] = gated_move(rubric_rows["head"], vote, gate, w)
        print(f"inner variants done ({time.perf_counter() - started:.0f} s)", flush=True)


def rule7(saved: list[Path]) -> None:
    """The rule above ROUND7_CANDIDATES over the --save npz of the fold draws (one per seed)."""
    from council.outcomes.anchoring import spearman

    runs = [np.load(p, allow_pickle=False) for p in saved]
    rb_name, mg_name = "RouterBench (11 models)", "MMLU/GSM8K (2 models)"

    def figures(z, name: str) -> tuple[float, float, float]:
        fail, file_of = z["fail"], z["file_of"]
        rb, mg = file_of == rb_name, file_of == mg_name
        v = z[f"{name}|fold"]
        return (spearman(v[rb], fail[rb]), spearman(v[mg], fail[mg]),
                float(np.abs(z[f"test|{name}"] - z["y_test"]).mean()))

    base = [figures(z, SHIPPED) for z in runs]
    rb0, mg0, mae0 = (np.array(col) for col in zip(*base, strict=True))
    print(f"\nround 7 rule over {len(runs)} fold draws ({', '.join(map(str, saved))}); "
          f"shipped RB {', '.join(f'{v:+.3f}' for v in rb0)} (mean {rb0.mean():+.3f}), "
          f"M/G mean {mg0.mean():+.3f}, rubric MAE {mae0.mean():.3f}")
    print("| candidate | RB 5-fold per draw | RB mean (SE) | vs shipped per draw | M/G mean "
          "(vs shipped) | rubric MAE (vs shipped) | passes? |")
    print("|---|---|---|---|---|---|---|")
    names = [n for n in runs[0].files if n.endswith("|fold")]
    candidates = [n[:-5] for n in names if n[:-5] in ROUND7_CANDIDATES or n.startswith("r7 ")]
    for name in candidates:
        if not all(f"{name}|fold" in z.files for z in runs):
            continue
        rb, mg, mae = (np.array(col) for col in zip(*[figures(z, name) for z in runs],
                                                     strict=True))
        lead = rb - rb0
        se = rb.std(ddof=1) / np.sqrt(len(rb)) if len(rb) > 1 else 0.0
        failed = [label for label, ok in (
            ("(1)", rb.mean() >= ROUND7_RULE["rb_mean"]),
            ("(2)", bool((lead >= ROUND7_RULE["rb_lead"]).all())),
            ("(3)", mg.mean() >= mg0.mean() - ROUND7_RULE["mg_drop"]),
            ("(4)", mae.mean() <= mae0.mean() + ROUND7_RULE["mae_rise"])) if not ok]
        verdict = ("n/a (not a candidate)" if name not in ROUND7_CANDIDATES else
                   "**passes**" if not failed else "no: " + ", ".join(failed))
        print(f"| {name} | {' / '.join(f'{v:+.3f}' for v in rb)} | {rb.mean():+.3f} "
              f"({se:.3f}) | {' / '.join(f'{v:+.3f}' for v in lead)} | {mg.mean():+.3f} "
              f"({mg.mean() - mg0.mean():+.3f}) | {mae.mean():.2f} "
              f"({mae.mean() - mae0.mean():+.2f}) | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="folder with outcomes.jsonl (all but --rule7)")
    parser.add_argument("--max-rows", type=int, default=2000)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--fold-seed", type=int, default=0,
                        help="seed of the K-fold permutation and of the bootstrap (0: the "
                             "folds of every earlier round; another: a fresh draw)")
    parser.add_argument("--sample-seed", type=int, default=0,
                        help="seed of the prompt sample (0: every reported figure's; another: "
                             "other prompts, a fresh sample; give it its own --cache)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="npz of the embedded features (written if absent)")
    parser.add_argument("--encoder", choices=("shipped", "frozen"), default="shipped",
                        help="shipped: the classifier artifact's own encoder (MiniLM with its "
                             "fine-tuned layers when it has them, as bench/difficulty.py); "
                             "frozen: plain MiniLM (the space of the earlier rounds)")
    parser.add_argument("--similarity", action="store_true",
                        help="print the nearest-neighbour similarity quantiles and the gate")
    parser.add_argument("--only", default="", help="comma-separated variant prefixes")
    parser.add_argument("--save", type=Path, default=None,
                        help="npz of every reading (for further blends)")
    parser.add_argument("--e5", action="store_true",
                        help="also the e5 spaces (multilingual-e5-small; the disk cache per "
                             "encoder; ~20 min the first time on this machine)")
    parser.add_argument("--e5-window", action="store_true",
                        help="with --e5, also e5 on the outcome window (200 head + 800 tail "
                             "characters): the long prompts, slow to embed")
    parser.add_argument("--rule7", default="",
                        help="comma-separated --save npz of fold seeds 0, 1, 2: apply round "
                             "7's rule (above ROUND7_CANDIDATES) and stop")
    args = parser.parse_args()
    if args.rule7:
        rule7([Path(p) for p in args.rule7.split(",") if p])
        return
    if args.data is None:
        parser.error("--data is required")

    from sklearn.linear_model import Ridge
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    from council.assess.classifier import softmax
    from council.classifier_training import classifier as tc
    from council.classifier_training.corpus import default_data_dir, load_corpus
    from council.classifier_training.outcome_difficulty import (
        anchored_levels,
    )
    from council.outcomes.anchoring import spearman

    started = time.perf_counter()
    data = load_samples(args.data, args.max_rows, args.sample_seed)
    corpus = [e for e in load_corpus(default_data_dir()) if e.difficulty is not None]
    train = [e for e in corpus if e.split == "train"]
    test = [e for e in corpus if e.split == "test"]
    all_texts = [t for lv in data.values() for t in lv.texts]
    if args.cache and args.cache.is_file():
        z = np.load(args.cache)
        x_rub, x_test, all_x = z["x_rub"], z["x_test"], z["all_x"]
        cached_seed = int(z["sample_seed"]) if "sample_seed" in z else 0
        if cached_seed != args.sample_seed or len(all_x) != len(all_texts):
            sys.exit(f"error: {args.cache} holds sample {cached_seed} ({len(all_x)} prompts), "
                     f"not sample {args.sample_seed} ({len(all_texts)}): give another --cache")
    else:
        from council.assess.classifier import embed_texts
        from council.assess.encoder import CachedEncoder, default_encoder
        from council.classifier_loader import ensure_classifier
        from council.config import paths

        inner = ensure_classifier().encoder if args.encoder == "shipped" else default_encoder()
        encoder = CachedEncoder(inner, paths().embedding_cache)
        print(f"encoder {encoder.name}", flush=True)

        def feats(texts: list[str]) -> np.ndarray:
            return tc._features(embed_texts(encoder, texts), texts)

        x_rub = feats([e.text for e in train])
        x_test = feats([e.text for e in test])
        all_x = feats(all_texts)
        if args.cache:
            np.savez(args.cache, x_rub=x_rub, x_test=x_test, all_x=all_x,
                     sample_seed=args.sample_seed)
    y_rub = np.array([e.difficulty for e in train], dtype=float)
    y_test = np.array([e.difficulty for e in test], dtype=float)
    t_rub = text_columns([e.text for e in train])
    t_test = text_columns([e.text for e in test])
    t_all = text_columns(all_texts)
    all_levels = np.concatenate([lv.levels for lv in data.values()])
    all_fail = np.concatenate([lv.failure_share for lv in data.values()])
    file_of = np.concatenate([[name] * len(lv) for name, lv in data.items()])
    file_index = np.array([list(FILES).index(f) for f in file_of])
    bench = np.array([benchmark_of(s) for lv in data.values() for s in lv.sources])
    n = len(all_texts)
    print(f"{n} prompts, {len(train)} rubric rows, {len(test)} held-out rubric rows "
          f"({time.perf_counter() - started:.0f} s)", flush=True)

    with threadpool_limits(limits=1, user_api="blas"):
        folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(
            x_rub, [e.category for e in train]))
        head = tc._choose_head(x_rub, y_rub, folds)
    c, temperature = head["C"], head["temperature"]
    print(f"head C={c} T={temperature:.3f} ({time.perf_counter() - started:.0f} s)", flush=True)

    def expected(model, x: np.ndarray) -> np.ndarray:
        return softmax(model.decision_function(x), temperature) @ model.classes_.astype(float)

    with threadpool_limits(limits=1, user_api="blas"):
        rubric_model = tc._fit(x_rub, y_rub, c)
    rubric = expected(rubric_model, all_x)
    rubric_test = expected(rubric_model, x_test)

    # --fold-seed 0 is the draw every earlier round used; another seed is a fresh draw of
    # the K folds (and of the bootstrap), for confirming a variant chosen on seed 0.
    rng = np.random.default_rng(args.fold_seed)
    order = rng.permutation(n)
    splits = {"fold": [(order[k::args.folds], np.setdiff1d(np.arange(n), order[k::args.folds]))
                       for k in range(args.folds)],
              "bench": [(np.flatnonzero(bench == b), np.flatnonzero(bench != b))
                        for b in sorted(set(bench.tolist()))]}

    # readings[variant][split] = held-out difficulty of every outcome prompt; test[variant] =
    # the reading of the held-out rubric rows by the model fitted on all outcome prompts.
    readings: dict[str, dict[str, np.ndarray]] = {"rubric only": {"fold": rubric,
                                                                  "bench": rubric}}
    rubric_rows: dict[str, np.ndarray] = {"rubric only": rubric_test}
    only = [s for s in args.only.split(",") if s]

    def wanted(name: str) -> bool:
        return not only or any(name.startswith(s) for s in only)

    head_configs = {"head": dict(share=2.0), "head share 1": dict(share=1.0),
                    "head share 4": dict(share=4.0), "head share 8": dict(share=8.0),
                    "head rank map": dict(share=2.0, rank=True),
                    "head + text": dict(share=2.0, text=True),
                    "head + text share 4": dict(share=4.0, text=True)}
    heads: dict[str, dict[str, np.ndarray]] = {}
    folds = Folds(splits, {split: [anchored_levels(all_levels[keep], file_index[keep],
                                                   rubric[keep]) for _held, keep in parts]
                           for split, parts in splits.items()}, n)
    full_levels = anchored_levels(all_levels, file_index, rubric)
    for name, cfg in head_configs.items():
        if not wanted(name) and name != "head":  # every kNN, ridge and e5 variant moves it
            continue
        text = cfg.get("text", False)
        xr = np.hstack([x_rub, t_rub]) if text else x_rub
        xa = np.hstack([all_x, t_all]) if text else all_x
        xt = np.hstack([x_test, t_test]) if text else x_test

        def read(split, held, keep, lv, cfg=cfg, xr=xr, xa=xa):
            if cfg.get("rank"):
                lv = anchored_levels(rank_levels(all_fail[keep], file_index[keep]),
                                     file_index[keep], rubric[keep])
            with threadpool_limits(limits=1, user_api="blas"):
                model = tc.fit_difficulty(xr, y_rub, c, xa[keep], lv, cfg["share"])
            return expected(model, xa[held])

        heads[name] = folds.per_split(read)
        if cfg.get("rank"):
            fl = anchored_levels(rank_levels(all_fail, file_index), file_index, rubric)
        else:
            fl = full_levels
        with threadpool_limits(limits=1, user_api="blas"):
            model = tc.fit_difficulty(xr, y_rub, c, xa, fl, cfg["share"])
        rubric_rows[name] = expected(model, xt)
        readings[name] = heads[name]
        print(f"{name} done ({time.perf_counter() - started:.0f} s)", flush=True)

    # kNN and ridge on top of the shipped-style head.
    emb_all = all_x[:, :384]
    emb_rub = x_rub[:, :384]
    emb_test = x_test[:, :384]
    if "head" in heads:
        for k in (10, 20, 50):
            for scale in (0.05, 0.1):
                for with_rubric in (True, False):
                    for w in (0.3, 0.5, 0.7, 1.0):
                        name = (f"kNN k={k} s={scale} w={w}"
                                + ("" if with_rubric else " (outcomes only)"))
                        if not wanted(name):
                            continue

                        def read(split, held, keep, lv, k=k, scale=scale,
                                 with_rubric=with_rubric, w=w):
                            ref = emb_all[keep]
                            ref_lv = lv
                            if with_rubric:
                                ref = np.vstack([ref, emb_rub])
                                ref_lv = np.concatenate([lv, y_rub])
                            vote = knn_levels(emb_all[held] @ ref.T, ref_lv, k, scale)
                            return (1 - w) * heads["head"][split][held] + w * vote

                        readings[name] = folds.per_split(read)
                        ref = np.vstack([emb_all, emb_rub]) if with_rubric else emb_all
                        ref_lv = np.concatenate([full_levels, y_rub]) if with_rubric \
                            else full_levels
                        rubric_rows[name] = (1 - w) * rubric_rows["head"] + w * knn_levels(
                            emb_test @ ref.T, ref_lv, k, scale)
        for base, k, w in [(b, k, w) for b in ("head", "rubric only") for k in (20, 50, 100)
                           for w in (0.5, 0.7, 1.0)]:
            name = f"kNN gated k={k} w={w} on {base}"
            if wanted(name):
                readings[name], rubric_rows[name] = gated_variant(
                    folds, readings[base], rubric_rows[base], emb_all, emb_rub, emb_test,
                    full_levels, y_rub, k, w)
        for k, w, scale in GRID:
            name = f"grid k={k} w={w} s={scale}"
            if wanted(name):
                readings[name], rubric_rows[name] = gated_variant(
                    folds, readings["head"], rubric_rows["head"], emb_all, emb_rub, emb_test,
                    full_levels, y_rub, k, w, scale)
        # Outside GRID (a new gate, not a constant): the shipped constants with an absolute
        # floor on the nearest outcome prompt's cosine; a diagnostic of what the gate misses.
        for floor in (0.85, 0.9, 0.95):
            name = f"floor {floor} k=50 w=0.5 s=0.1"
            if wanted(name):
                readings[name], rubric_rows[name] = gated_variant(
                    folds, readings["head"], rubric_rows["head"], emb_all, emb_rub, emb_test,
                    full_levels, y_rub, 50, 0.5, 0.1, floor)
        for q in (0.02, 0.05, 0.1):
            name = f"floor q{q} k=50 w=0.5 s=0.1"
            if wanted(name):
                readings[name], rubric_rows[name] = gated_variant(
                    folds, readings["head"], rubric_rows["head"], emb_all, emb_rub, emb_test,
                    full_levels, y_rub, 50, 0.5, 0.1, floor_quantile=q)
        # The source gate (issue 17 part 5, round 6; the rule above SOURCE_GATE_RULE).
        for with_desc, w, target in [(True, 0.5, "share"), (False, 0.5, "share"),
                                     (True, 0.7, "share"), (True, 0.5, "seen"),
                                     (True, 0.7, "seen")]:
            name = (f"source gate{' seen' if target == 'seen' else ''} k=50 w={w} s=0.1"
                    f"{' x description gate' if with_desc else ''}")
            if wanted(name):
                gates: dict[str, np.ndarray] = {}
                readings[name], rubric_rows[name] = source_gated_variant(
                    folds, readings["head"], rubric_rows["head"], emb_all, emb_rub, emb_test,
                    full_levels, y_rub, bench, 50, w, 0.1, with_desc, gates, target)
                print(f"{name}: mean gate " + "; ".join(
                    f"{split} " + ", ".join(f"{b} {gates[split][bench == b].mean():.2f}"
                                            for b in sorted(set(bench.tolist())))
                    for split in ("fold", "bench"))
                    + f"; held-out rubric rows {gates['rubric'].mean():.2f} "
                    f"({time.perf_counter() - started:.0f} s)", flush=True)
        for alpha in (1.0, 10.0, 100.0):
            for w in (0.3, 0.5, 1.0):
                name = f"ridge a={alpha} w={w}"
                if not wanted(name):
                    continue

                def read(split, held, keep, lv, alpha=alpha, w=w):
                    per = min(1.0, 2.0 * len(y_rub) / len(keep))
                    r = Ridge(alpha=alpha).fit(
                        np.vstack([x_rub, all_x[keep]]), np.concatenate([y_rub, lv]),
                        sample_weight=np.concatenate([np.ones(len(y_rub)),
                                                      np.full(len(keep), per)]))
                    return (1 - w) * heads["head"][split][held] + w * r.predict(all_x[held])

                readings[name] = folds.per_split(read)
                per = min(1.0, 2.0 * len(y_rub) / n)
                r = Ridge(alpha=alpha).fit(
                    np.vstack([x_rub, all_x]), np.concatenate([y_rub, full_levels]),
                    sample_weight=np.concatenate([np.ones(len(y_rub)), np.full(n, per)]))
                rubric_rows[name] = (1 - w) * rubric_rows["head"] + w * r.predict(x_test)

    if "head" in heads and any(wanted(name) for name in ROUND7_CANDIDATES):
        if SHIPPED not in readings:  # the rule's baseline
            readings[SHIPPED], rubric_rows[SHIPPED] = gated_variant(
                folds, readings["head"], rubric_rows["head"], emb_all, emb_rub, emb_test,
                full_levels, y_rub, 50, 0.5, 0.1)
        round7_variants(readings, rubric_rows, heads, splits,
                        HeadData(x_rub, y_rub, all_x, x_test, c, expected), all_texts,
                        [e.text for e in test], [e.text for e in train], all_levels, all_fail,
                        np.concatenate([lv.models for lv in data.values()]), file_index, bench,
                        rubric, wanted, args.fold_seed, started)

    if args.e5 and "head" in heads:
        e5_variants(args, readings, rubric_rows, heads, folds, full_levels,
                    all_texts, [e.text for e in train], [e.text for e in test],
                    all_x, x_rub, x_test, y_rub, c, expected, wanted, started)

    if args.save:
        np.savez(args.save, fail=all_fail, bench=bench, file_of=file_of, y_test=y_test,
                 full_levels=full_levels, **{f"{name}|{split}": v for name, d in readings.items()
                                             for split, v in d.items()},
                 **{f"test|{name}": v for name, v in rubric_rows.items()})
    benches = sorted(set(bench.tolist()))
    cols = [(f, "all") for f in FILES] + [(file_of[bench == b][0], b) for b in benches]
    short = {"MMLU/GSM8K (2 models)": "M/G", "RouterBench (11 models)": "RB"}
    header = ("| variant | split | " + " | ".join(f"{short[f]} {b}" for f, b in cols)
              + " | rubric test mean (MAE) |")
    lines = [header, "|---|---|" + "---|" * len(cols) + "---|"]
    for name, by_split in readings.items():
        for split in [s for s in ("fold", "bench") if s in by_split]:
            values = by_split[split]
            cells = []
            for f, b in cols:
                mask = (file_of == f) & ((bench == b) if b != "all" else True)
                cells.append(f"{spearman(values[mask], all_fail[mask]):+.2f}")
            rt = rubric_rows[name]
            lines.append(f"| {name} | {split} | " + " | ".join(cells)
                         + f" | {rt.mean():.2f} ({np.abs(rt - y_test).mean():.2f}) |")
    print("\n" + "\n".join(lines))
    if args.similarity:
        similarity_summary(unit(all_x[:, :384]), unit(x_rub[:, :384]), unit(x_test[:, :384]),
                           file_of, bench)
    if any(name.startswith("grid ") for name in readings):
        select(readings, all_fail, file_of, bench)
    if any(name in readings for name in SOURCE_GATE_CANDIDATES):
        select_source_gate(readings, rubric_rows, all_fail, file_of)
    if "head" in readings:
        held_out_summary(readings, all_fail, file_of, bench, full_levels, args.fold_seed)
    base = "kNN gated k=50 w=0.5 on head"
    if base not in readings:
        base = "grid k=50 w=0.5 s=0.1"
    if base in readings:
        # Noise: the 5-fold RouterBench Spearman's paired bootstrap (prompts resampled, 200
        # draws) for each variant against the shipped reading.
        rb = file_of == "RouterBench (11 models)"
        boot = np.random.default_rng(args.fold_seed + 1)
        draws = [boot.integers(0, rb.sum(), rb.sum()) for _ in range(200)]
        f_rb, b_rb = all_fail[rb], readings[base]["fold"][rb]
        print(f"\nRouterBench 5-fold, against {base}: difference (bootstrap SE)")
        for name, by_split in readings.items():
            v = by_split["fold"][rb]
            diffs = [spearman(v[d], f_rb[d]) - spearman(b_rb[d], f_rb[d]) for d in draws]
            print(f"  {name}: {spearman(v, f_rb) - spearman(b_rb, f_rb):+.3f} "
                  f"({np.std(diffs):.3f})")
    print(f"\ntargets: {TARGETS}; held-out rubric rows: {len(y_test)}, label mean "
          f"{y_test.mean():.2f}; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
