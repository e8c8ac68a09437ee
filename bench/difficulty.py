"""Does the council's difficulty follow real failure? Spearman against the share of models failing.

Run: python bench/difficulty.py --data ../shared/routing [--max-rows 4000] [--folds 5]
         [--fold-seeds 0,1,2] [--sample-seed 0] [--report-dir training/reports] [--round8]

Reads `DATA/outcomes.jsonl` (MMLU and GSM8K, 2 models) and `DATA/routerbench/outcomes.jsonl`
(ARC, MBPP, Winogrande, 11 models). For every prompt: the share of the models that failed it.
Three readings of difficulty, each on prompts it was not fitted on:

- `rubric only`: the classifier `council init` builds (rubric-labelled rows only; it never saw
  these prompts);
- `+ outcomes, K-fold`: the difficulty head refitted on the rubric rows plus the outcome
  prompts of the other folds (failure share mapped onto 1-5, each file's mean anchored to the
  rubric-only reading: council.classifier_training.outcome_difficulty), scoring the
  held-out fold; what
  `council train --outcomes FILE` ships;
- `+ outcomes, benchmark held out`: the same, with every prompt of the scored benchmark
  left out of the fit (a benchmark nobody has outcomes for);
- `+ outcomes + kNN, ...`: the head above moved toward the vote of the nearest outcome prompts
  of the fit (council.assess.difficulty_knn, gated by how much nearer they are than the
  classifier's own training descriptions): what `council train --outcomes FILE` ships now;
- `+ kNN x source gate (not shipped)`: the same with its gate multiplied by the probability
  that the text comes from the same source as its nearest outcome prompts
  (bench/difficulty_gate.py, fitted on the fit's outcome prompts only; round 6 of
  docs/classifier.md: it failed its selection rule, so it is reported, not shipped).

Artifacts: `rubric only` is the artifact itself (var/models/classifier as `council init`
builds it; the bench refuses one trained with outcomes); every `+ outcomes` column is a refit
of its difficulty head per fold, as `council train --outcomes` would build it from the other
folds' prompts. The last table: the same readings of the held-out rubric rows (the corpus
test split), whose mean must not move (one scale).

Spearman per benchmark and overall per file; targets: >= 0.45 on RouterBench (11 models),
>= 0.20 on MMLU/GSM8K (2 models). Embeddings go through the disk cache.

One draw of the K folds moves the 5-fold figure by about as much as the target is missed by
(docs/classifier.md, round 4), so the K-fold readings are repeated on every `--fold-seeds`
draw (0 is the draw of the table and of every earlier round) and the figure to judge is
their mean with its standard error (`fold_draws` in the JSON; the table below the main one).
`--sample-seed` draws other prompts from the files (0: the reported sample).

`--round9` adds round 9's (bench/difficulty_round9.py: the fit on every prompt of the files,
as the product builds it, and the weak half's failure share as the target; K-fold only) and
writes difficulty_round9[_sampleS].{md,json}.

`--round8` adds round 8's candidates (bench/difficulty_irt.py: the success model's shared IRT
difficulty head, alone and gated into the shipped reading; measured, not shipped) to every
table and prints its rule's verdict; it writes difficulty_round8[_sampleS].{md,json}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/difficulty_gate.py

FILES = {"MMLU/GSM8K (2 models)": "outcomes.jsonl",
         "RouterBench (11 models)": "routerbench/outcomes.jsonl"}
TARGETS = {"MMLU/GSM8K (2 models)": 0.20, "RouterBench (11 models)": 0.45}
# The kNN with the source gate of bench/difficulty_gate.py (round 6): measured, not
# shipped (it failed the rule above SOURCE_GATE_CANDIDATES in bench/difficulty_ablation.py).
SOURCE_GATED = "+ kNN x source gate (not shipped)"


def benchmark_of(source: str) -> str:
    """mmlu/abstract_algebra -> mmlu; routerbench/arc-challenge -> arc-challenge."""
    from council.classifier_training.outcome_difficulty import source_group

    return source_group(source)


def _expected_level(model, x: np.ndarray, temperature: float) -> np.ndarray:
    from council.assess.classifier import softmax

    p = softmax(model.decision_function(x), temperature)
    return p @ model.classes_.astype(np.float64)


def load_samples(data_dir: Path, max_rows: int | None, sample_seed: int = 0
                 ) -> dict[str, object]:
    """Each outcome file's levels, or a seeded sample of max_rows of them: a prefix of one
    seeded permutation, so a smaller sample is a subset of a larger. `sample_seed` 0 is
    the sample of every reported figure; another draws other prompts (a fresh sample)."""
    from council.classifier_training.outcome_difficulty import load_outcome_levels

    data = {}
    for name, rel in FILES.items():
        levels = load_outcome_levels([data_dir / rel])
        data[name] = levels.subset(sample_index(len(levels), max_rows, sample_seed))
    return data


def sample_index(rows: int, max_rows: int | None, sample_seed: int = 0) -> np.ndarray:
    """Which of a file's `rows` prompts the sample holds (all when max_rows is 0 or more)."""
    if not max_rows or rows <= max_rows:
        return np.arange(rows)
    return np.sort(np.random.default_rng(sample_seed).permutation(rows)[:max_rows])


def fold_draw_summary(draws: dict[int, dict[str, np.ndarray]], fail: np.ndarray,
                      file_of: np.ndarray, spearman) -> list[dict[str, object]]:
    """Per file and reading: the K-fold Spearman on each draw of the folds, their mean and
    its standard error (sample sd / sqrt(draws); 0 with one draw)."""
    out = []
    for name in FILES:
        mask = file_of == name
        for reading in next(iter(draws.values())):
            values = [spearman(d[reading][mask], fail[mask]) for d in draws.values()]
            se = float(np.std(values, ddof=1) / np.sqrt(len(values))) if len(values) > 1 else 0.0
            out.append({"file": name, "reading": reading, "draws": values,
                        "mean": float(np.mean(values)), "se": se})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with outcomes.jsonl")
    parser.add_argument("--max-rows", type=int, default=0,
                        help="seeded sample of at most this many prompts per file (0: all)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--share", type=float, default=None,
                        help="weight of the outcome rows against the rubric rows "
                             "(default: OUTCOME_SHARE)")
    parser.add_argument("--fold-seeds", default="0,1,2",
                        help="seeds of the K-fold draws; the figure is their mean and SE "
                             "(the first draws the main table's folds)")
    parser.add_argument("--sample-seed", type=int, default=0,
                        help="seed of the prompt sample (0: the reported one)")
    parser.add_argument("--report-dir", type=Path, default=None)
    parser.add_argument("--round8", action="store_true",
                        help="also read round 8's candidates (bench/difficulty_irt.py: the "
                             "success model's IRT head) and judge them by its rule")
    parser.add_argument("--round9", action="store_true",
                        help="also read round 9's candidates (bench/difficulty_round9.py) on "
                             "the K-fold draws and judge them by its rule")
    args = parser.parse_args()
    try:
        fold_seeds = [int(s) for s in args.fold_seeds.split(",") if s.strip()]
    except ValueError:
        sys.exit(f"error: --fold-seeds wants comma-separated integers, got {args.fold_seeds!r}")
    if not fold_seeds:
        sys.exit("error: --fold-seeds names no seed")

    from difficulty_gate import fit_source_gate, gate_features, top_k
    from threadpoolctl import threadpool_limits

    from council.assess.difficulty_knn import KNN_K, KNN_SCALE, KNN_WEIGHT, knn_difficulty
    from council.assess.encoder import CachedEncoder
    from council.classifier_loader import ensure_classifier
    from council.classifier_training import classifier as tc
    from council.classifier_training.corpus import default_data_dir, load_corpus
    from council.classifier_training.outcome_difficulty import (
        OUTCOME_SHARE,
        anchored_levels,
    )
    from council.config import paths
    from council.outcomes.anchoring import spearman

    share = OUTCOME_SHARE if args.share is None else args.share
    missing = [args.data / f for f in FILES.values() if not (args.data / f).is_file()]
    if missing:
        sys.exit(f"error: {', '.join(map(str, missing))} not found")
    started = time.perf_counter()
    data = load_samples(args.data, args.max_rows, args.sample_seed)
    shipped = ensure_classifier()
    # the classifier's own encoder (MiniLM with its fine-tuned layers when it has them)
    encoder = CachedEncoder(shipped.encoder, paths().embedding_cache)
    if shipped.metadata.get("difficulty_outcomes", {}).get("prompts"):
        sys.exit("error: the artifact was trained with --outcomes; run `council train` without "
                 "them first, so 'rubric only' means what it says")
    rated = [e for e in load_corpus(default_data_dir()) if e.difficulty is not None]
    corpus = [e for e in rated if e.split == "train"]
    test = [e for e in rated if e.split == "test"]
    # what the artifact's difficulty head reads of each text (ClassifierParams.difficulty_reads:
    # the whole text, or the text without its workload-only sentences)
    reads = shipped.params.difficulty_reads

    def features(texts: list[str]) -> np.ndarray:
        return tc.difficulty_features(encoder, texts, reads=reads)[0]

    x_test = features([e.text for e in test])
    y_test = np.array([e.difficulty for e in test], dtype=float)
    x_rub = features([e.text for e in corpus])
    y_rub = np.array([e.difficulty for e in corpus])
    from sklearn.model_selection import StratifiedKFold

    with threadpool_limits(limits=1, user_api="blas"):
        folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(
            x_rub, [e.category for e in corpus]))
        head = tc._choose_head(x_rub, y_rub, folds)
    c, temperature = head["C"], head["temperature"]

    all_texts = [t for lv in data.values() for t in lv.texts]
    all_x = features(all_texts)
    all_levels = np.concatenate([lv.levels for lv in data.values()])
    all_fail = np.concatenate([lv.failure_share for lv in data.values()])
    file_of = np.concatenate([[name] * len(lv) for name, lv in data.items()])
    bench = np.array([benchmark_of(s) for lv in data.values() for s in lv.sources])
    print(f"{len(all_texts)} prompts embedded ({time.perf_counter() - started:.0f} s); "
          f"difficulty head C={c}, T={temperature}", flush=True)
    dim = shipped.params.reference.shape[1]
    if args.round8:  # the success model's own space beside the classifier's
        import difficulty_irt as r8

        from council.outcomes.embedding import PromptEmbedder

        outcomes = r8.joint_outcomes([args.data / rel for rel in FILES.values()],
                                     lambda rows: sample_index(rows, args.max_rows,
                                                               args.sample_seed))
        if outcomes.texts != all_texts:
            sys.exit("error: the outcome tables do not line up with the sampled prompts")
        frozen = PromptEmbedder(r8.FROZEN_SPEC, paths().embedding_cache)
        spaces = {"frozen": frozen.embed(all_texts), "tuned": all_x[:, :dim]}
        test_spaces = {"frozen": frozen.embed([e.text for e in test]),
                       "tuned": x_test[:, :dim]}
        print(f"round 8: frozen MiniLM vectors ready ({time.perf_counter() - started:.0f} s)",
              flush=True)

    if args.round9:
        import difficulty_irt as r8
        import difficulty_round9 as r9

        from council.classifier_training.outcome_difficulty import (
            failure_to_level,
            load_outcome_levels,
        )

        # every prompt of each file outside the sample: in the fit, never scored
        extra_parts = []
        for number, rel in enumerate(FILES.values()):
            full = load_outcome_levels([args.data / rel])
            part = r9.outside_sample(full, sample_index(len(full), args.max_rows,
                                                        args.sample_seed))
            extra_parts.append((part, number))
        extra_texts = [t for part, _ in extra_parts for t in part.texts]
        extra_x = features(extra_texts)
        extra_levels = np.concatenate([part.levels for part, _ in extra_parts])
        extra_file = np.concatenate([[n] * len(part) for part, n in extra_parts]).astype(int)
        extra_vectors = extra_x[:, :dim].astype(np.float32)
        extra_rubric = np.array([p.difficulty for p in shipped.predict_embedded(
            extra_texts, extra_vectors, read_again=False,
            difficulty_embeddings=extra_vectors)])
        table9 = r8.joint_outcomes([args.data / rel for rel in FILES.values()],
                                   lambda rows: sample_index(rows, args.max_rows,
                                                             args.sample_seed))
        if table9.texts != all_texts:
            sys.exit("error: the outcome tables do not line up with the sampled prompts")
        print(f"round 9: {len(extra_texts)} prompts outside the sample embedded "
              f"({time.perf_counter() - started:.0f} s)", flush=True)

    readings: dict[str, np.ndarray] = {}
    # Only the difficulty is read: no second (e5, category-only) reading of 4,000 long prompts.
    # (the difficulty's vectors stand for the whole texts' too: only the difficulty is read)
    all_vectors = all_x[:, :dim].astype(np.float32)
    predictions = shipped.predict_embedded(all_texts, all_vectors, read_again=False,
                                           difficulty_embeddings=all_vectors)
    readings["rubric only"] = np.array([p.difficulty for p in predictions])
    own = shipped.params.reference.astype(np.float64)  # the descriptions the kNN gates against
    test_vectors = x_test[:, :dim].astype(np.float32)
    test_rows: dict[str, np.ndarray] = {"rubric only": np.array([p.difficulty for p in (
        shipped.predict_embedded([e.text for e in test], test_vectors, read_again=False,
                                 difficulty_embeddings=test_vectors))])}

    def with_knn(head: np.ndarray, x: np.ndarray, keep: np.ndarray,
                 levels: np.ndarray) -> np.ndarray:
        emb = x[:, :dim]
        return knn_difficulty(head, emb @ all_x[keep, :dim].T, levels, emb @ own.T, KNN_WEIGHT)

    def with_source_gate(head: np.ndarray, x: np.ndarray, keep: np.ndarray,
                         levels: np.ndarray) -> np.ndarray:
        """with_knn's reading with its gate times the source gate fitted on the `keep`
        prompts (bench/difficulty_gate.py; round 6, not shipped)."""
        emb, ref = x[:, :dim], all_x[keep, :dim]
        gate, near_own = fit_source_gate(ref, bench[keep], own, KNN_K, KNN_SCALE)
        near, idx = top_k(emb @ ref.T, KNN_K)
        source = gate.probability(gate_features(near, idx, near_own, bench[keep], KNN_SCALE))
        moved = knn_difficulty(head, emb @ ref.T, levels, emb @ own.T, 1.0)
        return head + KNN_WEIGHT * source * (moved - head)
    rubric = readings["rubric only"]  # anchors each file's mean (outcome_difficulty)
    file_index = np.array([list(FILES).index(f) for f in file_of])

    def round9(keep: np.ndarray, x: np.ndarray) -> dict[str, np.ndarray]:
        """Round 9's candidates (head + gated kNN each) of the rows `x`, fitted on the
        `keep` prompts: plus every prompt outside the sample, or on the weak half's share."""
        out = {}
        emb = x[:, :dim]
        ref = np.vstack([all_x[keep], extra_x])
        levels = anchored_levels(np.concatenate([all_levels[keep], extra_levels]),
                                 np.concatenate([file_index[keep], extra_file]),
                                 np.concatenate([rubric[keep], extra_rubric]))
        model = tc.fit_difficulty(x_rub, y_rub, c, ref, levels, share)
        out["all rows"] = knn_difficulty(_expected_level(model, x, temperature),
                                         emb @ ref[:, :dim].T, levels, emb @ own.T, KNN_WEIGHT)
        weak = r9.weak_half_share(table9.y, file_index, keep, all_fail)
        levels = anchored_levels(failure_to_level(weak[keep]), file_index[keep], rubric[keep])
        model = tc.fit_difficulty(x_rub, y_rub, c, all_x[keep], levels, share)
        out["weak half"] = knn_difficulty(_expected_level(model, x, temperature),
                                          emb @ all_x[keep, :dim].T, levels, emb @ own.T,
                                          KNN_WEIGHT)
        return out
    with threadpool_limits(limits=1, user_api="blas"):
        def held_out(splits: list[np.ndarray], source_gate: bool = True, k_fold: bool = True
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
            """The head's reading, the head + kNN reading, (if `source_gate`) the source
            gated one and (with --round8) round 8's candidates of each prompt, each from a
            fit on the prompts outside its split."""
            plain, knn, gated = (np.zeros(len(all_texts)) for _ in range(3))
            candidates: dict[str, np.ndarray] = {}
            for held in splits:
                keep = np.setdiff1d(np.arange(len(all_texts)), held)
                levels = anchored_levels(all_levels[keep], file_index[keep], rubric[keep])
                model = tc.fit_difficulty(x_rub, y_rub, c, all_x[keep], levels, share)
                plain[held] = _expected_level(model, all_x[held], temperature)
                knn[held] = with_knn(plain[held], all_x[held], keep, levels)
                if source_gate:
                    gated[held] = with_source_gate(plain[held], all_x[held], keep, levels)
                if args.round8:
                    emb = all_x[held, :dim]
                    gate = r8.description_gate(emb @ all_x[keep, :dim].T, emb @ own.T)
                    for name, values in r8.candidate_readings(
                            spaces, {sp: v[held] for sp, v in spaces.items()},
                            [all_texts[i] for i in held], outcomes, keep,
                            float(rubric[keep].mean()), knn[held], gate).items():
                        candidates.setdefault(name, np.zeros(len(all_texts)))[held] = values
                if args.round9 and k_fold:
                    for name, values in round9(keep, all_x[held]).items():
                        candidates.setdefault(name, np.zeros(len(all_texts)))[held] = values
            return plain, knn, gated, candidates

        def k_folds(seed: int) -> list[np.ndarray]:
            order = np.random.default_rng(seed).permutation(len(all_texts))
            return [order[k::args.folds] for k in range(args.folds)]

        (readings["+ outcomes, K-fold"], readings["+ outcomes + kNN, K-fold"],
         knn_gated_fold, cand_fold) = held_out(k_folds(fold_seeds[0]))
        # The same K-fold readings on the other draws (the source gate only on the first).
        draws = {fold_seeds[0]: {"rubric only": readings["rubric only"],
                                 "+ outcomes": readings["+ outcomes, K-fold"],
                                 "+ outcomes + kNN": readings["+ outcomes + kNN, K-fold"],
                                 **cand_fold}}
        for seed in fold_seeds[1:]:
            plain, knn, _, cand = held_out(k_folds(seed), source_gate=False)
            draws[seed] = {"rubric only": readings["rubric only"], "+ outcomes": plain,
                           "+ outcomes + kNN": knn, **cand}
            print(f"fold draw {seed} done ({time.perf_counter() - started:.0f} s)", flush=True)
        (readings["+ outcomes, benchmark held out"],
         readings["+ outcomes + kNN, benchmark held out"], knn_gated_bench, cand_bench) = held_out(
            [np.flatnonzero(bench == b) for b in sorted(set(bench.tolist()))], k_fold=False)
        readings[f"{SOURCE_GATED}, K-fold"] = knn_gated_fold
        readings[f"{SOURCE_GATED}, benchmark held out"] = knn_gated_bench
        for name in cand_fold:
            if name in cand_bench:
                readings[f"{name} (round 8), K-fold"] = cand_fold[name]
                readings[f"{name} (round 8), benchmark held out"] = cand_bench[name]
            else:
                readings[f"{name} (round 9), K-fold"] = cand_fold[name]
        # The held-out rubric rows, read by the head fitted on every outcome prompt.
        everything = np.arange(len(all_texts))
        levels = anchored_levels(all_levels, file_index, rubric)
        model = tc.fit_difficulty(x_rub, y_rub, c, all_x, levels, share)
        test_rows["+ outcomes"] = _expected_level(model, x_test, temperature)
        test_rows["+ outcomes + kNN"] = with_knn(test_rows["+ outcomes"], x_test, everything,
                                                 levels)
        test_rows[SOURCE_GATED] = with_source_gate(test_rows["+ outcomes"], x_test, everything,
                                                   levels)
        if args.round8:
            emb = x_test[:, :dim]
            test_rows.update(r8.candidate_readings(
                spaces, test_spaces, [e.text for e in test], outcomes, everything,
                float(rubric.mean()), test_rows["+ outcomes + kNN"],
                r8.description_gate(emb @ all_x[:, :dim].T, emb @ own.T)))
        if args.round9:
            test_rows.update(round9(everything, x_test))

    rows = []
    for name in FILES:
        in_file = file_of == name
        groups = [("all", in_file)] + [(b, in_file & (bench == b))
                                       for b in sorted(set(bench[in_file].tolist()))]
        for label, mask in groups:
            row = {"file": name, "benchmark": label, "prompts": int(mask.sum()),
                   "failure_share": float(all_fail[mask].mean())}
            for r, values in readings.items():
                row[r] = spearman(values[mask], all_fail[mask])
                row[f"{r} mean"] = float(values[mask].mean())
            rows.append(row)
    fold_draws = fold_draw_summary(draws, all_fail, file_of, spearman)
    names = list(readings)
    lines = ["| file | benchmark | prompts | mean failure share | " + " | ".join(
        f"{n}: Spearman (mean level)" for n in names) + " | target |",
        "|---|---|---|---|" + "---|" * len(names) + "---|"]
    for row in rows:
        target = f">= {TARGETS[row['file']]:.2f}" if row["benchmark"] == "all" else ""
        lines.append(f"| {row['file']} | {row['benchmark']} | {row['prompts']} | "
                     f"{row['failure_share']:.2f} | " + " | ".join(
                         f"{row[n]:+.2f} ({row[n + ' mean']:.2f})" for n in names)
                     + f" | {target} |")
    lines += ["", f"Held-out rubric rows (corpus test split, {len(y_test)} rows, label mean "
              f"{y_test.mean():.2f}):", "", "| reading | mean level | MAE against the label |",
              "|---|---|---|"]
    lines += [f"| {n} | {v.mean():.2f} | {np.abs(v - y_test).mean():.2f} |"
              for n, v in test_rows.items()]
    lines += ["", f"K-fold Spearman over {len(fold_seeds)} draws of the folds (fold seeds "
              f"{', '.join(map(str, fold_seeds))}; the table above is seed {fold_seeds[0]}'s): "
              "each draw, then the mean and its standard error (sd / sqrt(draws)):", "",
              "| file | reading | " + " | ".join(f"seed {s}" for s in fold_seeds)
              + " | mean (SE) |", "|---|---|" + "---|" * len(fold_seeds) + "---|"]
    for row in fold_draws:
        lines.append(f"| {row['file']} | {row['reading']} | " + " | ".join(
            f"{v:+.3f}" for v in row["draws"]) + f" | **{row['mean']:+.3f}** ({row['se']:.3f}) |")
    verdicts: dict[str, dict] = {}  # round 8's and round 9's rules, where asked for
    for key, on, note in (
            ("round8", args.round8, "Round 8 (bench/difficulty_irt.py; rules (1)-(3) on this "
             "sample; (4) needs a --sample-seed 1 run, (5) a latency measurement):"),
            ("round9", args.round9, "Round 9 (bench/difficulty_round9.py; rules (1)-(3) on this "
             "sample; both samples: `python bench/difficulty_round9.py A.json B.json`; (4) is "
             "a latency run):")):
        if on:
            rules = r8 if key == "round8" else r9
            verdicts[key] = rules.judge(draws, all_fail, file_of, test_rows, y_test,
                                        "+ outcomes + kNN", rb=list(FILES)[1],
                                        mg=next(iter(FILES)))
            lines += ["", note, "", *rules.verdict_lines(verdicts[key])]
    print()
    print("\n".join(lines))
    print(f"\n{time.perf_counter() - started:.0f} s; outcome rows weigh {share} x the rubric rows")
    out = args.report_dir or paths().training_dir / "reports"
    out.mkdir(parents=True, exist_ok=True)
    # round 8's report beside the plain one, per prompt sample: it has eight more columns
    suffix = '_sample' + str(args.sample_seed) if args.sample_seed else ''
    stem = "difficulty" + (f"_round8{suffix}" if args.round8 else "") + (
        f"_round9{suffix}" if args.round9 and not args.round8 else "")
    (out / f"{stem}.json").write_text(json.dumps(
        {"rows": rows, "rubric_test_rows": {n: {"mean": float(v.mean()),
                                                 "mae": float(np.abs(v - y_test).mean())}
                                             for n, v in test_rows.items()},
         "knn_weight": KNN_WEIGHT, "c": c, "temperature": temperature, "outcome_share": share,
         "max_rows": args.max_rows, "folds": args.folds, "fold_seeds": fold_seeds,
         "sample_seed": args.sample_seed, "fold_draws": fold_draws,
         **verdicts}, indent=2) + "\n",
        encoding="utf-8")
    (out / f"{stem}.md").write_text(
        "# Difficulty against real failure\n\nWritten by `python bench/difficulty.py --data "
        f"../shared/routing{' --max-rows ' + str(args.max_rows) if args.max_rows else ''}"
        f"{'' if fold_seeds == [0, 1, 2] else ' --fold-seeds ' + ','.join(map(str, fold_seeds))}"
        f"{' --sample-seed ' + str(args.sample_seed) if args.sample_seed else ''}"
        f"{' --round8' if args.round8 else ''}{' --round9' if args.round9 else ''}`; "
        "do not edit by hand. Spearman between each reading's difficulty and the share of "
        "models failing each prompt, on prompts that reading was not fitted on. "
        "Artifacts: `rubric only` is the classifier artifact as `council init` builds it "
        "(no outcome data); each `+ outcomes` column refits its difficulty head on the "
        "rubric rows plus the outcome prompts outside the scored fold or benchmark, as "
        "`council train --outcomes FILE` builds it; `+ kNN` adds the vote of those prompts "
        "(council.assess.difficulty_knn), which is what `council train --outcomes` ships; "
        "`x source gate` multiplies its gate by bench/difficulty_gate.py's (measured, "
        "not shipped: docs/classifier.md, round 6).\n\n"
        + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out / (stem + '.md')}")


if __name__ == "__main__":
    main()
