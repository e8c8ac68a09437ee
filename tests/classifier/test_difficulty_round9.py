"""bench/difficulty_round9.py (round 9): the weak half's failure share, the prompts outside a
sample, and the rule's verdict, on small constructed tables (no encoder)."""

from __future__ import annotations

import numpy as np

from council.classifier_training.outcome_difficulty import OutcomeLevels
from tests.bench_modules import load_bench

r9 = load_bench("difficulty_round9")


def test_the_weak_half_is_ranked_on_the_fit_prompts_only():
    # 6 prompts of a 4-model file: models 0 and 1 fail the fit prompts (0-3) most often;
    # counting the scored prompts (4, 5) too would make the weak half models 0 and 3
    y = np.array([[0, 0, 1, 1],
                  [0, 1, 1, 1],
                  [1, 0, 1, 1],
                  [0, 1, 1, 0],
                  [1, 1, 0, 0],
                  [1, 1, 0, 0]], dtype=np.int8)
    share = (y == 0).mean(axis=1)
    out = r9.weak_half_share(y, np.zeros(6, dtype=int), np.arange(4), share)
    np.testing.assert_allclose(out, [1.0, 0.5, 0.5, 0.5, 0.0, 0.0])


def test_a_file_with_few_models_and_unanswered_prompts_keep_the_all_model_share():
    y = np.array([[0, 1, -1, -1, -1, -1],  # file 0: two models only
                  [1, 1, -1, -1, -1, -1],
                  [-1, -1, 0, 0, 1, 1],  # file 1: four models
                  [-1, -1, -1, -1, 0, 1]], dtype=np.int8)  # the weak half never answered
    files = np.array([0, 0, 1, 1])
    share = np.array([0.5, 0.0, 0.5, 0.5])
    out = r9.weak_half_share(y, files, np.arange(4), share)
    np.testing.assert_allclose(out, [0.5, 0.0, 1.0, 0.5])


def test_outside_sample_is_the_complement_of_the_sample():
    levels = OutcomeLevels([f"p{i}" for i in range(6)], ["mmlu/x"] * 6,
                           np.linspace(0, 1, 6), np.full(6, 2), np.zeros(6, dtype=int))
    rest = r9.outside_sample(levels, np.array([1, 4]))
    assert rest.texts == ["p0", "p2", "p3", "p5"]
    np.testing.assert_allclose(rest.failure_share, levels.failure_share[[0, 2, 3, 5]])


def test_the_rule_fails_a_lead_under_two_standard_errors_and_passes_a_clear_one():
    rng = np.random.default_rng(0)
    n = 400
    fail = rng.random(n)
    file_of = np.array(["rb"] * 200 + ["mg"] * 200)
    shipped = {s: fail + rng.normal(0, 0.6, n) for s in range(3)}
    clear = {s: fail + rng.normal(0, 0.1, n) for s in range(3)}
    noise = {s: shipped[s] + rng.normal(0, 0.01, n) for s in range(3)}
    per_draw = {s: {"shipped": shipped[s], "all rows": clear[s], "weak half": noise[s]}
                for s in range(3)}
    y_test = np.full(10, 3.0)
    test_rows = {"shipped": np.full(10, 3.2), "all rows": np.full(10, 3.24),
                 "weak half": np.full(10, 3.2)}
    verdict = r9.judge(per_draw, fail, file_of, test_rows, y_test, "shipped", "rb", "mg")
    assert verdict["all rows"]["fails"] == [] and verdict["all rows"]["lead"] > 0.2
    assert "(1)" in verdict["weak half"]["fails"]
    test_rows["all rows"] = np.full(10, 3.26)
    verdict = r9.judge(per_draw, fail, file_of, test_rows, y_test, "shipped", "rb", "mg")
    assert verdict["all rows"]["fails"] == ["(3)"]
