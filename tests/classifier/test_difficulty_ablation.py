"""bench/difficulty_ablation.py's shared machinery on synthetic vectors (no encoder, no data)."""

from __future__ import annotations

import numpy as np

from council.assess.difficulty_knn import knn_difficulty
from tests.bench_modules import load_bench

ablation = load_bench("difficulty_ablation")


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def test_per_split_reads_every_prompt_from_a_fit_that_never_saw_it():
    n = 12
    order = np.random.default_rng(3).permutation(n)
    parts = {"fold": [(order[k::3], np.setdiff1d(np.arange(n), order[k::3])) for k in range(3)],
             "bench": [(np.arange(0, 5), np.arange(5, n)), (np.arange(5, n), np.arange(0, 5))]}
    levels = {split: [np.full(len(keep), 10.0 * (i + 1)) for i, (_h, keep) in enumerate(ps)]
              for split, ps in parts.items()}
    folds = ablation.Folds(parts, levels, n)
    seen: list[tuple[str, set, set]] = []

    def read(split, held, keep, lv):
        seen.append((split, set(held.tolist()), set(keep.tolist())))
        return lv[0] + held  # which fit read it, and which row

    out = folds.per_split(read)
    assert set(out) == {"fold", "bench"}
    assert all(not held & keep for _s, held, keep in seen)
    assert len(seen) == 5
    for split, ps in parts.items():
        for i, (held, _keep) in enumerate(ps):
            np.testing.assert_array_equal(out[split][held], 10.0 * (i + 1) + held)


def test_the_bench_gated_knn_is_the_shipped_reading():
    """gated_vote + gated_move over outcome prompts and descriptions pooled give what
    council.assess.difficulty_knn ships, so the ablation's baseline is the real reading."""
    rng = np.random.default_rng(0)
    # Benchmark prompts and descriptions as two clusters, as in the real spaces.
    centre = np.eye(16)[:2] * 2.0
    outcome = _unit(rng.normal(size=(300, 16)) + centre[0])
    own = _unit(rng.normal(size=(120, 16)) + centre[1])
    # Queries near outcome prompts, near descriptions, and in between: gates across 0..1.
    query = _unit(np.vstack([outcome[:20] + 0.3 * rng.normal(size=(20, 16)),
                             own[:20] + 0.3 * rng.normal(size=(20, 16)),
                             rng.normal(size=(20, 16))]))
    levels = rng.uniform(1, 5, size=300)
    head = rng.uniform(1, 5, size=60)
    y_own = rng.uniform(1, 5, 120)
    vote, gate = ablation.gated_vote(query, outcome, own, levels, y_own, 50)
    assert gate[:20].mean() > 0.7 and gate[20:40].mean() < 0.4  # the gate spans the range
    bench = ablation.gated_move(head, vote, gate, 0.5)
    shipped = knn_difficulty(head, query @ outcome.T, levels, query @ own.T, 0.5, 50)
    np.testing.assert_allclose(bench, shipped, atol=1e-9)
    np.testing.assert_allclose(ablation.gate_of(query, outcome, own, 50), gate, atol=1e-12)
    # gated_variant: the same move out of fold (two halves) and on held-out rows
    halves = [(np.arange(150), np.arange(150, 300)), (np.arange(150, 300), np.arange(150))]
    folds = ablation.Folds({"fold": halves}, {"fold": [levels[keep] for _h, keep in halves]},
                           300)
    base = rng.uniform(1, 5, size=300)
    per, rubric = ablation.gated_variant(folds, {"fold": base}, head, outcome, own, query,
                                         levels, y_own, 50, 0.5)
    np.testing.assert_allclose(rubric, shipped, atol=1e-9)
    for held, keep in halves:
        np.testing.assert_allclose(per["fold"][held], knn_difficulty(
            base[held], outcome[held] @ outcome[keep].T, levels[keep], outcome[held] @ own.T,
            0.5, 50), atol=1e-9)


def test_the_grid_scale_and_the_floor_diagnostic():
    """gated_variant's scale is the softmax scale (a larger one spreads the weight: the gate
    of a query between the clusters moves), and a floor above every cosine closes the gate,
    so the reading is the base's; a floor below every cosine changes nothing."""
    rng = np.random.default_rng(1)
    centre = np.eye(16)[:2] * 2.0
    outcome = _unit(rng.normal(size=(200, 16)) + centre[0])
    own = _unit(rng.normal(size=(80, 16)) + centre[1])
    query = _unit(rng.normal(size=(30, 16)))
    levels = rng.uniform(1, 5, size=200)
    y_own = rng.uniform(1, 5, 80)
    _v, sharp = ablation.gated_vote(query, outcome, own, levels, y_own, 50, 0.05)
    _v, soft = ablation.gated_vote(query, outcome, own, levels, y_own, 50, 0.2)
    assert np.abs(sharp - soft).max() > 0.05
    halves = [(np.arange(100), np.arange(100, 200)), (np.arange(100, 200), np.arange(100))]
    folds = ablation.Folds({"fold": halves}, {"fold": [levels[keep] for _h, keep in halves]},
                           200)
    base = rng.uniform(1, 5, size=200)
    head = rng.uniform(1, 5, size=30)
    args = (folds, {"fold": base}, head, outcome, own, query, levels, y_own, 50, 0.5, 0.1)
    closed, closed_rubric = ablation.gated_variant(*args, floor=1.01)
    np.testing.assert_allclose(closed["fold"], base)
    np.testing.assert_allclose(closed_rubric, head)
    open_, open_rubric = ablation.gated_variant(*args, floor=-1.01)
    plain, plain_rubric = ablation.gated_variant(*args)
    np.testing.assert_allclose(open_["fold"], plain["fold"])
    np.testing.assert_allclose(open_rubric, plain_rubric)
    assert np.abs(plain["fold"] - base).max() > 0.01


def test_the_source_gated_variant_keeps_the_head_for_an_unseen_benchmark():
    """Three benchmarks sharing a template direction, each at its own level. Out of fold
    (every benchmark in the fit) the source-gated reading moves toward the vote as the
    shipped one does; with each benchmark held out the shipped gate still opens (the other
    benchmarks' prompts are nearer than the descriptions) and takes their levels, while the
    source gate closes and the reading stays the head's."""
    rng = np.random.default_rng(2)
    dim = 24
    axes = np.linalg.qr(rng.normal(size=(dim, 5)))[0].T
    centres = [_unit(0.8 * axes[4] + 0.6 * axes[i]) for i in range(3)]
    outcome = np.vstack([_unit(c + 0.05 * rng.normal(size=(60, dim))) for c in centres])
    bench = np.repeat(np.array(["a", "b", "c"]), 60)
    levels = np.repeat([1.5, 3.0, 4.5], 60)
    own = _unit(-axes[4] + 0.6 * rng.normal(size=(50, dim)))
    y_own = rng.uniform(1, 5, 50)
    order = rng.permutation(180)
    parts = {"fold": [(order[k::3], np.setdiff1d(np.arange(180), order[k::3]))
                      for k in range(3)],
             "bench": [(np.flatnonzero(bench == b), np.flatnonzero(bench != b))
                       for b in ("a", "b", "c")]}
    folds = ablation.Folds(parts, {s: [levels[keep] for _h, keep in ps]
                                   for s, ps in parts.items()}, 180)
    head = {s: np.full(180, 3.0) for s in parts}
    query = own[:10]
    gates: dict[str, np.ndarray] = {}
    source, rubric = ablation.source_gated_variant(
        folds, head, np.full(10, 3.0), outcome, own, query, levels, y_own, bench, 20, 0.5,
        0.1, True, gates)
    shipped, _ = ablation.gated_variant(folds, head, np.full(10, 3.0), outcome, own, query,
                                        levels, y_own, 20, 0.5)
    # out of fold both move half way to the benchmark's own level
    for reading in (source, shipped):
        assert np.abs(reading["fold"] - (3.0 + 0.5 * gates["fold"] * (levels - 3.0))).max() \
            < 0.2
    assert gates["fold"].min() > 0.8
    # benchmark held out: the shipped gate opens to the other benchmarks' levels, the source
    # gate stays near 0
    assert np.abs(shipped["bench"] - 3.0).max() > 0.3
    assert gates["bench"].mean() < 0.1 and gates["bench"].max() < 0.3
    assert np.abs(source["bench"] - 3.0).mean() < 0.05
    assert np.abs(source["bench"] - 3.0).mean() < 0.2 * np.abs(shipped["bench"] - 3.0).mean()
    assert np.abs(rubric - 3.0).max() < 0.1 and gates["rubric"].max() < 0.2


def test_equal_benchmark_weights_give_each_benchmark_the_same_total():
    groups = np.array(["mmlu"] * 6 + ["gsm8k"] * 2 + ["arc"] * 4)
    w = ablation.equal_benchmark_weights(groups)
    totals = {g: w[groups == g].sum() for g in set(groups.tolist())}
    assert np.allclose(list(totals.values()), 4.0)  # 12 prompts, 3 benchmarks
    assert np.isclose(w.mean(), 1.0)


def test_logit_levels_keep_the_ends_and_the_order():
    two = ablation.logit_levels(np.array([0.0, 0.5, 1.0]), np.full(3, 2))
    np.testing.assert_allclose(two, [1.0, 3.0, 5.0])  # 2 models: the linear map
    share = np.arange(12) / 11
    eleven = ablation.logit_levels(share, np.full(12, 11))
    np.testing.assert_allclose(eleven[[0, -1]], [1.0, 5.0])
    assert np.all(np.diff(eleven) > 0)
    linear = 1 + 4 * share
    assert eleven[1] > linear[1] and eleven[5] > linear[5] - 0.01  # the ends spread
    assert eleven[1] - eleven[0] > linear[1] - linear[0]


def _head_data(rng, n_rub: int = 120, n_out: int = 300, dim: int = 6):
    from council.assess.classifier import softmax

    x_rub = rng.normal(size=(n_rub, dim))
    y_rub = rng.integers(1, 6, n_rub)

    def expected(model, x):
        return softmax(model.decision_function(x), 1.0) @ model.classes_.astype(float)

    return ablation.HeadData(x_rub, y_rub, rng.normal(size=(n_out, dim)),
                             rng.normal(size=(20, dim)), 1.0, expected)


def test_head_data_fit_without_prompt_weights_is_the_shipped_fit():
    from council.classifier_training import classifier as tc

    rng = np.random.default_rng(4)
    d = _head_data(rng)
    keep = np.arange(50, 300)
    levels = rng.uniform(1, 5, len(keep))
    ours = d.fit(keep, levels)
    shipped = tc.fit_difficulty(d.x_rub, d.y_rub, 1.0, d.all_x[keep], levels, 2.0)
    np.testing.assert_allclose(ours.coef_, shipped.coef_, atol=1e-6)
    heavy = d.fit(keep, levels, np.where(levels > 3, 5.0, 0.2))  # the weights do act
    assert np.abs(heavy.coef_ - shipped.coef_).max() > 1e-3


def test_inner_pick_trusts_an_informative_neighbourhood_and_not_a_blind_one():
    """Outcome prompts in clusters, each cluster at its own failure share: the inner folds
    pick a high kNN weight. The same levels over unrelated vectors: a low one."""
    rng = np.random.default_rng(5)
    d = _head_data(rng)  # the head's features carry nothing
    n, dim = 300, 16
    cluster = rng.integers(0, 10, n)
    centres = _unit(rng.normal(size=(10, dim)))
    fail = np.clip(cluster / 9 + 0.05 * rng.normal(size=n), 0, 1)
    raw = 1 + 4 * fail
    file_index = np.zeros(n, dtype=int)
    rubric = np.full(n, 3.0)
    emb_rub = _unit(rng.normal(size=(120, dim)) - 3 * centres.mean(axis=0))
    keep = np.arange(n)
    near = _unit(centres[cluster] + 0.1 * rng.normal(size=(n, dim)))
    informative = ablation.inner_pick(d, near, emb_rub, keep, raw, file_index, rubric, fail, 0)
    blind = ablation.inner_pick(d, _unit(rng.normal(size=(n, dim))), emb_rub, keep, raw,
                                file_index, rubric, fail, 0)
    assert informative.w >= 0.7 and informative.kw[1] >= 0.7
    assert blind.w <= 0.3
    assert informative.k in ablation.INNER_K


def test_rule7_passes_a_clear_gain_and_fails_the_shipped_reading_renamed(tmp_path, capsys):
    rng = np.random.default_rng(6)
    n = 400
    file_of = np.array(["RouterBench (11 models)"] * 200 + ["MMLU/GSM8K (2 models)"] * 200)
    y_test = rng.uniform(1, 5, 50)
    saved = []
    for seed in range(3):
        fail = rng.uniform(0, 1, n)
        shipped = fail + rng.normal(size=n)  # Spearman about 0.3
        arrays = {"fail": fail, "file_of": file_of, "y_test": y_test,
                  f"{ablation.SHIPPED}|fold": shipped, f"test|{ablation.SHIPPED}": y_test + 0.5,
                  "r7 logit target|fold": fail + 0.05 * rng.normal(size=n),
                  "test|r7 logit target": y_test + 0.52,
                  "r7 rank target|fold": shipped, "test|r7 rank target": y_test + 0.5,
                  "r7 inner w|fold": fail, "test|r7 inner w": y_test + 0.8}
        path = tmp_path / f"seed{seed}.npz"
        np.savez(path, **arrays)
        saved.append(path)
    ablation.rule7(saved)
    out = {line.split(" | ")[0].strip("| "): line for line in capsys.readouterr().out.splitlines()
           if line.startswith("| r7")}
    assert out["r7 logit target"].endswith("**passes** |")
    assert "no: (1), (2)" in out["r7 rank target"]
    assert out["r7 inner w"].endswith("no: (4) |")


def test_the_bench_reports_the_mean_and_se_over_fold_draws():
    difficulty = load_bench("difficulty")
    from council.outcomes.anchoring import spearman

    rng = np.random.default_rng(7)
    fail = rng.uniform(0, 1, 100)
    file_of = np.array(["RouterBench (11 models)"] * 60 + ["MMLU/GSM8K (2 models)"] * 40)
    draws = {s: {"+ outcomes": fail + (s + 1) * 0.3 * rng.normal(size=100)} for s in range(3)}
    rows = difficulty.fold_draw_summary(draws, fail, file_of, spearman)
    rb = next(r for r in rows if r["file"].startswith("RouterBench"))
    rb_mask = file_of == "RouterBench (11 models)"
    expect = [spearman(draws[s]["+ outcomes"][rb_mask], fail[rb_mask]) for s in range(3)]
    np.testing.assert_allclose(rb["draws"], expect)
    assert np.isclose(rb["mean"], np.mean(expect))
    assert np.isclose(rb["se"], np.std(expect, ddof=1) / np.sqrt(3)) and rb["se"] > 0
    one = difficulty.fold_draw_summary({0: draws[0]}, fail, file_of, spearman)
    assert one[0]["se"] == 0.0


def test_shape_columns_read_tokens_options_and_code():
    texts = ["Which planet is largest?\nA) Mars\nB) Jupiter\nC) Venus\nAnswer:",
             "Write a function to add two numbers.\n```python\ndef add(a, b):\n"
             "    return a + b\n```",
             "Summarise this meeting in three lines.",
             "word " * 20000]
    cols = ablation.shape_columns(texts)
    assert cols.shape == (4, 3)
    assert cols[:, 1].tolist() == [1.0, 0.0, 0.0, 0.0]  # options present
    assert cols[1, 2] == 1.0 and cols[2, 2] == 0.0  # code present
    assert cols[2, 0] < cols[0, 0] < cols[3, 0] == 1.0  # log tokens, capped at 1


def test_a_warm_started_head_reaches_the_cold_fit():
    """Round 7 starts each fold's fit from the fit on all prompts: the same convex objective,
    so the same head (to the fit's tolerance), only sooner."""
    rng = np.random.default_rng(8)
    d = _head_data(rng)
    levels = np.clip(2.5 + d.all_x[:, 0] + 0.5 * rng.normal(size=300), 1, 5)
    on_all = d.fit(np.arange(300), levels)
    keep = np.arange(60, 300)
    cold = d.fit(keep, levels[keep])
    warm = d.fit(keep, levels[keep], init=on_all)
    np.testing.assert_allclose(warm.coef_, cold.coef_, atol=1e-3)
    np.testing.assert_allclose(d.expected(warm, d.x_test), d.expected(cold, d.x_test),
                               atol=1e-3)
    assert warm.n_iter_[0] < cold.n_iter_[0]
    assert np.abs(on_all.coef_ - cold.coef_).max() > 1e-2  # the start was not the answer
